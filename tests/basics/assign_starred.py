# starred unpacking
a, *b = [1, 2, 3, 4]
print(a, b)
*c, d = range(4)
print(c, d)
e, *f, g = "hello"
print(e, f, g)
h, *i = [1]
print(h, i)
[*j] = (5, 6)
print(j)
(k, *l), m = [1, 2, 3], 4
print(k, l, m)
for first, *rest in [(1, 2, 3), (4,)]:
    print(first, rest)
