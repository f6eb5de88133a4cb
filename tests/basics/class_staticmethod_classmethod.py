# staticmethod, classmethod, property
class C:
    count = 0
    def __init__(self):
        self._v = 0
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def make(cls):
        cls.count += 1
        return cls()
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val * 10
class D(C):
    pass
print(C.s(2), C().s(3))
d = D.make()
print(type(d).__name__, D.count, C.count)
c = C()
c.v = 4
print(c.v)
try:
    del c.v
except AttributeError:
    print("AttributeError")
