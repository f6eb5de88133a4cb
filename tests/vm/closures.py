def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc
c = counter()
print(c(), c(), c(5))
def outer(a):
    def mid():
        def inner():
            return a * 2
        return inner
    return mid()()
print(outer(21))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
x = 5
def g():
    global x
    x = 7
g()
print(x)
def h(a, *args, b=2, **kw):
    return a, args, b, sorted(kw.items())
print(h(1), h(1, 2, 3, b=4, z=5, y=6))
def arg_cell(v):
    def get():
        return v
    v += 1
    return get()
print(arg_cell(1))
def unbound():
    try:
        print(q)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    q = 1
unbound()
def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 1
free_unbound()
class A:
    y = 10
    def m(self):
        return self.y
    z = [y for _ in range(2)] if False else 3
print(A().m(), A.z)
def make_class():
    val = 42
    class K:
        v = val
        def get(self):
            return val
    return K
K = make_class()
print(K.v, K().get())
print((lambda: (yield))().__class__.__name__)
