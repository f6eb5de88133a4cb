# * and ** in list, tuple, set and dict displays
a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print(sorted({*a, *b, 1}))
d1 = {"x": 1}
d2 = {"y": 2, "x": 10}
print({**d1, **d2})
print({**d2, "x": 0, **{}})
print([*range(3), *"ab"])
print(*a, *b)
t = *a, 9
print(t)
