# function decorators, stacked and with arguments
def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__)
        return fn(*a, **k)
    return wrapper
def times(n):
    def deco(fn):
        def w(x):
            return fn(x) * n
        return w
    return deco
@trace
def add(a, b):
    return a + b
print(add(1, 2))
@times(3)
@times(2)
def ident(x):
    return x
print(ident(5))
order = []
def mark(tag):
    order.append("make " + tag)
    def d(f):
        order.append("apply " + tag)
        return f
    return d
@mark("outer")
@mark("inner")
def g():
    pass
print(order)
