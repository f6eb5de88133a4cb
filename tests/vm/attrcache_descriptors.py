# Attribute caches and the paths they must not short-cut: properties and other data
# descriptors, __getattr__/__getattribute__/__setattr__ added later, static and class
# methods, descriptors with __get__, __class__ assignment.


class A:
    def m(self):
        return "A.m"


a = A()
a.v = 1
for i in range(3):
    print(a.m(), a.v)

# a property added to the class after instances cached their dict attributes wins over the dict
A.v = property(lambda self: "prop v")
for i in range(3):
    print(a.v)
try:
    a.v = 5
except AttributeError:
    print("read-only property")
del A.v
print(a.v)

# __getattr__ added later answers for missing names only
A.__getattr__ = lambda self, name: "getattr " + name
for i in range(2):
    print(a.missing, a.v, a.m())
del A.__getattr__
try:
    a.missing
except AttributeError:
    print("AttributeError again")


# __getattribute__ sees every load
class G:
    def m(self):
        return "G.m"


g = G()
g.x = 1
print(g.x, g.m())
G.__getattribute__ = lambda self, name: "ga " + name
for i in range(2):
    print(g.x, g.m)


# __setattr__ added later sees every store
class S:
    pass


s = S()
for i in range(2):
    s.a = i
    print(s.a)
log = []


def setter(self, name, value):
    log.append((name, value))
    object.__setattr__(self, name, value * 10)


S.__setattr__ = setter
for i in range(3):
    s.a = i
    print(s.a)
print(log)


# static and class methods, replaced between calls, called on class and instance
class M:
    @staticmethod
    def st(x):
        return ("st", x)

    @classmethod
    def cm(cls, x):
        return (cls.__name__, x)


class N(M):
    pass


n = N()
for i in range(2):
    print(M.st(i), n.st(i), N.cm(i), n.cm(i))
M.st = classmethod(lambda cls, x: ("now cm", cls.__name__, x))
N.cm = staticmethod(lambda x: ("now st", x))
for i in range(2):
    print(M.st(i), n.st(i), N.cm(i), n.cm(i), M.cm(i))


# a non-data descriptor with __get__, on the class and on instances
class Desc:
    def __get__(self, obj, objtype=None):
        return ("get", obj is None, objtype.__name__)


class D:
    d = Desc()


dd = D()
for i in range(2):
    print(D.d, dd.d)
dd.d = "instance wins over a non-data descriptor"
print(dd.d)


# a data descriptor (with __set__) defined in a class
class DataDesc:
    def __get__(self, obj, objtype=None):
        return "data get"

    def __set__(self, obj, value):
        obj.__dict__["stored"] = value


class E:
    x = DataDesc()


e = E()
for i in range(2):
    e.x = i
    print(e.x, e.stored)


# swapping __class__ between calls
class Cat:
    def speak(self):
        return "meow"

    sound = "cat"


class Dog:
    def speak(self):
        return "woof"

    sound = "dog"


pet = Cat()
out = []
for i in range(6):
    out.append((pet.speak(), pet.sound, type(pet).__name__))
    pet.__class__ = Dog if i % 2 == 0 else Cat
print(out)
try:
    pet.__class__ = 5
except TypeError:
    print("TypeError: not a class")


# classes made in a loop: new classes may reuse freed addresses
import gc

res = []
for i in range(30):
    K = type("K%d" % i, (), {"val": i, "get": lambda self, i=i: i * 2})
    k = K()
    res.append(k.val + k.get() + K.val)
    del K, k
    if i % 5 == 0:
        gc.collect()
print(res)


# methods of built-in types and their subclasses
class L(list):
    def total(self):
        return sum(self)


ls = L([1, 2])
for i in range(3):
    ls.append(i)
    print(ls.total(), ls.count(1), len(ls))
L.append = lambda self, x: list.append(self, x * 100)
ls.append(1)
print(ls)
