# special methods dispatched for instances
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "V(%d, %d)" % (self.x, self.y)
    def __add__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return V(self.x + o.x, self.y + o.y)
    def __radd__(self, o):
        if o == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __bool__(self):
        return bool(self.x or self.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __call__(self, *a, **k):
        return ("called", a, sorted(k.items()))
    def __iadd__(self, o):
        self.x += o
        self.y += o
        return self
    def __index__(self):
        return self.x
    def __int__(self):
        return self.x
    def __float__(self):
        return float(self.y)
    def __hash__(self):
        return hash((self.x, self.y))

a = V(1, 2); b = V(3, 4)
print(a + b, 3 * a, a * 3, -a, abs(b), a == V(1, 2), a != b, a < b, a > b, sorted([b, a]))
print(bool(V(0, 0)), bool(a), len(a), a[1], list(a), 2 in a, 5 in a, a(1, k=2))
print(sum([a, b]), hash(a) == hash(V(1, 2)), {a: 1}[V(1, 2)])
c = V(1, 1); c += 5; print(c)
print([10, 20, 30][V(1, 0)], int(a), float(a), bin(V(5, 0)), hex(V(255, 0)))
try:
    a + 1
except TypeError as e:
    print("TypeError", e)
try:
    a <= b
except TypeError as e:
    print("TypeError", e)

class OnlyEq:
    def __eq__(self, o):
        return True
try:
    hash(OnlyEq())
except TypeError as e:
    print("TypeError", e)
print(OnlyEq() == 1, OnlyEq() != 1)

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())

class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True
with Ctx() as c:
    raise ValueError("swallowed")
print("after with")

class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(It()), [x * 2 for x in It()])
