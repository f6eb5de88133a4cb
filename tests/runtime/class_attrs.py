# attribute access: descriptors, __getattr__, __setattr__, __dict__, class attributes
class D:
    def __init__(self, name):
        self.name = name
    def __set_name__(self, owner, name):
        self.attr = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get("_" + self.name, "unset")
    def __set__(self, obj, value):
        obj.__dict__["_" + self.name] = value * 2

class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"

class A:
    d = D("d")
    nd = NonData()
    count = 0
    def __init__(self):
        A.count += 1
print(A().d, A.d.attr, A.count)
a = A()
a.d = 5
print(a.d, a.__dict__)
print(a.nd)
a.nd = "shadowed"
print(a.nd)

class G:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)
g = G()
print(g.real, g.xyz, hasattr(g, "nope"), getattr(g, "nope", "default"))

class S:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 10)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
s = S()
s.v = 3
print(s.v)
del s.v
print(hasattr(s, "v"))

class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
    @x.deleter
    def x(self):
        print("deleting")
        del self._x
    ro = property(lambda self: "readonly")
p = P()
p.x = 7
print(p.x)
del p.x
try:
    p.ro = 1
except AttributeError:
    print("AttributeError ro")
try:
    p.x
except AttributeError:
    print("AttributeError after delete")

class K:
    """doc"""
    a = 1
    def m(self):
        return self
k = K()
print(K.__name__, K.__qualname__, K.__module__, K.__doc__, k.__class__ is K, type(k) is K)
print(K.m(k) is k, k.m() is k, k.m.__self__ is k, k.m.__func__ is K.m)
K.b = 2
print(k.b, "b" in K.__dict__, sorted(n for n in dir(k) if not n.startswith("_")))
setattr(k, "dyn", 9)
print(k.dyn, getattr(k, "dyn"), vars(k))
delattr(k, "dyn")
try:
    k.dyn
except AttributeError as e:
    print("AttributeError", e)
try:
    del k.nothing
except AttributeError:
    print("AttributeError del")

class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__, repr(Outer.Inner).endswith("Outer.Inner'>"))
