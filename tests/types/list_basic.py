# list operations
l = [3, 1, 2]
print(l, len(l), l[0], l[-1], l[1:], l + [4], l * 2, 2 in l, 5 not in l)
l.append(5); l.insert(0, 0); l.extend([7, 8]); print(l)
print(l.pop(), l.pop(0), l)
l.remove(2); print(l)
print(l.index(5), l.count(1), [1, 1, 2].count(1))
l.reverse(); print(l)
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.sort(key=lambda x: (x % 2, x)); print(l)
l.clear(); print(l)
print([] == [], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [[1]] == [[1]])
m = [1, 2]
n = m.copy()
n.append(3)
print(m, n, list(range(3)), list("ab"), list((1, 2)))
for bad in (lambda: [].pop(), lambda: [1].remove(5), lambda: [1].index(9), lambda: [][0]):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__)
