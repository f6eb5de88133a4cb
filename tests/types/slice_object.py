# slice objects
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None, 3))
print(s.indices(6), slice(None, None, -1).indices(4))
print("abcdefghij"[s], [0, 1, 2, 3][slice(-2, None)])
print(slice(1, 2) == slice(1, 2))
