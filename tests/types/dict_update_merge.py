# update semantics and merging
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
c = dict(a)
c.update(b)
print(c, a)
print({**a, **b}, {**b, **a})
c.update(x=100)
c.update([("w", 0)])
print(c)
try:
    c.update([1, 2])
except (TypeError, ValueError) as e:
    print(type(e).__name__)
d = {}
d.update()
print(d)
print(dict(zip("ab", [1, 2])), dict([["k", "v"]]), dict(a=1, **{"b": 2}))
