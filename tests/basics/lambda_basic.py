# lambda expressions
sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
va = lambda *a, **k: (a, sorted(k))
print(va(1, 2, z=3))
print((lambda: "no args")())
print(sorted([3, -1, 2], key=lambda v: -v))
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
nested = lambda x: lambda y: x + y
print(nested(1)(2))
