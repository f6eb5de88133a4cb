# tuple: construction, repr, operators, methods, hashing
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

t = (1, 2, 3, 2)
print(t, (1,), (), ((),), tuple("ab"), tuple([1, 2]), tuple(range(3)), tuple({1: 2}))
print(t[1], t[-1], t[1:3], t[::-1], t[::2], t[5:])
print(t + (4,), t * 2, 2 * (0,), (1,) * 0)
print(t.count(2), t.index(2), t.index(2, 2))
check(lambda: t.index(5))
check(lambda: t[10])
check(lambda: (1,) + [2])
print((1, 2) < (1, 2, 0), (1, 2) == (1, 2), (2,) > (1, 9), (1, "a") != (1, "b"), () < (0,))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "x"}[(1, 2)])
check(lambda: hash((1, [2])))
print(2 in t, 5 in t, len(t), bool(()), bool((0,)))
a, *b = t
print(a, b)
print(tuple(x * x for x in range(4)))
nested = ([1], {2: 3}, "s")
print(nested)
print((1.5, None, True))
