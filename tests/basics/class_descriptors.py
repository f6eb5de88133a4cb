# user descriptors with __get__ and __set__
class Typed:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, 0)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(self.name)
        obj.__dict__[self.name] = value
class P:
    x = Typed("x", int)
p = P()
print(p.x)
p.x = 5
print(p.x)
try:
    p.x = "s"
except TypeError as e:
    print("TypeError", e.args)
print(type(P.x).__name__)
