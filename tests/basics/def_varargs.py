# *args and **kwargs
def f(*args):
    return args
print(f(), f(1), f(1, 2, 3))
def g(a, *rest, **kw):
    return a, rest, sorted(kw.items())
print(g(1), g(1, 2, 3, x=4, y=5))
def h(**kw):
    return kw
print(h(a=1, b=2))
print(type(f()).__name__, type(h()).__name__)
