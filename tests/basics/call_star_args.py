# *iterable and **mapping in calls
def f(*a, **k):
    return a, sorted(k.items())
l = [1, 2]
d = {"x": 1, "y": 2}
print(f(*l))
print(f(0, *l, 3, *"ab"))
print(f(**d))
print(f(*l, **d, z=3))
print(f(**{"a": 1}, **{"b": 2}))
print(f(*range(3), *(), **{}))
def g(a, b, c):
    return a, b, c
print(g(*[1, 2], 3), g(1, **{"b": 2, "c": 3}))
try:
    f(**{"x": 1}, x=2)
except TypeError:
    print("TypeError duplicate kw")
