x = "global"
class C:
    x = "class"
    def f(self):
        return x
    y = [x for _ in range(1)]
    z = (lambda: x)()
print(C().f(), C.y, C.z)
def outer():
    x = "outer"
    class D:
        print(x)
        x = "D"
        print(x)
        def m(self):
            return x
    return D
print(outer()().m())
def g():
    global newglobal
    newglobal = 1
g()
print(newglobal)
def nl():
    a = 1
    def b():
        nonlocal a
        a += 1
        def c():
            nonlocal a
            a *= 10
        c()
    b()
    return a
print(nl())
def gen_in_class():
    class K:
        items = [1, 2, 3]
        total = sum(i for i in items)
    return K.total
print(gen_in_class())
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))
def dl():
    v = 1
    del v
    try:
        v
    except NameError as e:
        print(type(e).__name__)
dl()
for a, *rest in [(1, 2, 3), (4,)]:
    print(a, rest)
a = b = [1, 2]
a.append(3)
print(b)
x, y = y, x = 1, 2
print(x, y)
l = list(range(10))
l[2:5] = ["a"]
l[::2] = l[::2]
del l[0]
print(l)
print(*[1, 2], sep="-", end="!\n")
def kwonly(*, a, **rest):
    return a, rest
print(kwonly(a=1, b=2, **{"c": 3}))
try:
    kwonly(1)
except TypeError as e:
    print(e)
try:
    kwonly(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("dup", type(e).__name__)
class Kw:
    def __init_subclass__(cls, tag=None, **kw):
        cls.tag = tag
class Sub(Kw, tag="t"):
    pass
print(Sub.tag)
bases = (Kw,)
class Sub2(*bases, tag="u"):
    pass
print(Sub2.tag)
def genfin():
    for i in range(3):
        try:
            yield i
            if i == 1:
                break
        finally:
            print("fin", i)
    return
print(list(genfin()))
def genwith():
    class M:
        def __enter__(self): return self
        def __exit__(self, *a): print("exit", a[0])
    with M():
        yield 1
        yield 2
g = genwith()
print(next(g))
g.close()
print([(i, j) for i in range(3) if i for j in range(i) if j >= 0])
print({(k := i): k * 2 for i in range(2)})
print((lambda *a, **k: (a, k))(1, x=2))
print((lambda: [x for x in range(3)])())
q = 5
print([q for _ in range(2)])
def shadow():
    print([shadow for shadow in range(2)])
    return shadow
print(shadow().__name__)
