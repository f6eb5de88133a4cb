class Base:
    def __init__(self, x):
        self.x = x
    def show(self):
        return "Base(%d)" % self.x
class Derived(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def show(self):
        return "Derived:" + super().show() + str(self.y)
print(Derived(1, 2).show())
print(Derived.__qualname__, Derived.show.__qualname__, Derived.show.__name__)
def deco(f):
    def wrapper(*a, **k):
        print("calling", f.__name__)
        return f(*a, **k)
    return wrapper
@deco
def add(a, b):
    return a + b
print(add(2, b=3))
class Counter:
    count = 0
    @classmethod
    def inc(cls):
        cls.count += 1
        return cls.count
    @staticmethod
    def s(v):
        return v * 2
    @property
    def p(self):
        return "prop"
print(Counter.inc(), Counter.inc(), Counter.s(4), Counter().p)
class Doc:
    "docstring"
print(Doc.__doc__)
def kw(a, b=2, *, c, d=4):
    return (a, b, c, d)
print(kw(1, c=3), kw(a=1, b=5, c=6, d=7))
for bad in ("kw()", "kw(1, 2, 3)", "kw(1, c=1, e=2)", "kw(1, a=1, c=2)", "kw(1)"):
    try:
        eval(bad)
    except TypeError as e:
        print(e)
def pos(a, b, /, c):
    return a + b + c
print(pos(1, 2, c=3))
try:
    pos(1, b=2, c=3)
except TypeError as e:
    print(e)
args = (1, 2)
kwargs = {"c": 3}
print(pos(*args, **kwargs), [*args, *args], {**kwargs, "z": 1}, {*args})
class Meta:
    a, b = 1, 2
    c = a + b
print(Meta.c)
