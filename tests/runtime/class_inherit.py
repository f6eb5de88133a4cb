# inheritance: MRO, super, class/static methods, isinstance, type()
class A:
    def who(self):
        return "A"
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def st(x):
        return x + 1
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
print(type(D.make()).__name__, D.st(1), D().st(2), isinstance(D(), (int, C)), issubclass(D, (A,)), issubclass(bool, int))
print(D.__bases__, A.__bases__, D.__base__)

class X: pass
class Y(X): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError MRO")

class Base:
    def __init__(self, v):
        self.v = v
    def __init_subclass__(cls, tag=None, **kw):
        cls.tag = tag
class Child(Base, tag="t1"):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
c = Child(1, 2)
print(c.v, c.w, Child.tag)

class S2(Child):
    pass
print(S2.tag)

T = type("T", (A,), {"x": 5, "who": lambda self: "T"})
print(T().x, T().who(), T.__name__, type(T), type(type), type(1), type(None).__name__)

class M:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, a):
        print("init", a)
m = M(5)
print(m.created)

class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst
print(Single() is Single())

class NotInst:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotInst())

try:
    class Bad(bool): pass
except TypeError as e:
    print("TypeError", e)
try:
    super()
except RuntimeError as e:
    print("RuntimeError")
try:
    isinstance(1, 2)
except TypeError:
    print("TypeError isinstance")
try:
    object().x = 1
except AttributeError:
    print("AttributeError object")
class NoArgs: pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError", e)
print(object.__name__, str(object)[:15], repr(int))

class WithClass:
    def get(self):
        return __class__
print(WithClass().get() is WithClass)
