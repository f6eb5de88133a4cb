# list method edge cases
l = [1, 2, 3]
l.insert(100, "end")
l.insert(-100, "start")
l.insert(-1, "before end")
print(l)
print(l.pop(-2), l.pop(1), l)
l.extend(range(2))
l.extend("ab")
l.extend((9,))
print(l)
print([1, 2, 1, 2].index(2, 2), [0] * 0, [[]] * 2)
l = [3, 1, 2]
print(l.sort(), l, l.reverse(), l)
print(list(reversed([])), sorted([2, 1], key=None))
