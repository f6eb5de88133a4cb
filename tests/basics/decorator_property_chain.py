# property defined with getter/setter/deleter
class Temp:
    def __init__(self):
        self._c = 0
    def _get(self):
        return self._c
    def _set(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    def _del(self):
        print("deleting")
        self._c = 0
    celsius = property(_get, _set, _del)
t = Temp()
t.celsius = 25
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print(e.args)
del t.celsius
print(t.celsius)
class RO:
    @property
    def x(self):
        return 1
try:
    RO().x = 2
except AttributeError:
    print("AttributeError read-only")
