# tuple edge cases
t = 1, 2
print(t, type(t).__name__)
e = ()
print(e, len(e), e == (), tuple() is () or True)
s = (1,)
print(s, s * 3, s + s, (1) == 1)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
print((1, 2) + (3,), (1, 2) * 0, tuple(x for x in range(3)))
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
print(max((1, "b"), (1, "a")), min([(3,), (1, 5), (1,)]))
