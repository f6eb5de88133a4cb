# tuple operations
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t + (4,), t * 2, 2 in t)
print((), (1,), tuple([1, 2]), tuple("ab"), tuple(range(2)))
print(t.index(2), t.count(1), t == (1, 2, 3), t < (1, 2, 4), (1,) < (1, 0))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "v"}[(1, 2)])
try:
    t[0] = 5
except TypeError:
    print("TypeError")
try:
    hash(([],))
except TypeError:
    print("TypeError unhashable")
a, b, c = t
print(a + b + c)
print(type(()).__name__, (1, (2, (3,))))
