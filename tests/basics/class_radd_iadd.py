# __radd__ fallback and __iadd__ in-place
class Acc:
    def __init__(self, v=0):
        self.v = v
    def __add__(self, o):
        return Acc(self.v + (o.v if isinstance(o, Acc) else o))
    def __radd__(self, o):
        return Acc(o + self.v)
    def __iadd__(self, o):
        self.v += o
        return self
a = Acc(1)
b = a
a += 5
print(a.v, a is b)
print((10 + Acc(2)).v, (Acc(2) + 10).v, sum([Acc(1), Acc(2)], Acc()).v)
class NoIadd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NoIadd(self.v + o)
x = NoIadd(1)
y = x
x += 1
print(x.v, y.v, x is y)
