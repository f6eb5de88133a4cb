# containers changed by the code they call (__eq__, key functions, comparisons) never crash
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)

class Evil:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        self.target.clear()
        return False
    def __hash__(self):
        return 1
l = [1, 2, 3]
l2 = [Evil(l), 5, 6]
check(lambda: l.index(Evil(l)))
l = [Evil(None) for i in range(3)]
for e in l: e.target = l
check(lambda: l.count(0))
l = [1, 2, 3]
check(lambda: [Evil(l)] * 2 == [1, 2])
check(lambda: Evil(l) in l)
d = {}
d[Evil(d)] = 1
check(lambda: d[Evil(d)])
d = {Evil(None): 1, 2: 2}  # eq never called: hashes differ
for k in list(d):
    if isinstance(k, Evil): k.target = d
check(lambda: Evil(d) in d)
s = set()
e = Evil(s)
s.add(e)
check(lambda: Evil(s) in s)
s = {1, 2, 3}
check(lambda: s.add(Evil(s)))
print(len(s))
class Key:
    def __init__(self, l): self.l = l
    def __call__(self, x):
        self.l.append(x)
        return x
l = [3, 2, 1]
check(lambda: l.sort(key=Key(l)))
print(l)
l = list(range(50))
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        l.clear()
        return self.v < o.v
l = [Cmp(i) for i in range(50)]
check(lambda: l.sort())
print(len(l))
class Idx:
    def __index__(self): return 2
check(lambda: [1, 2, 3, 4][Idx()])
check(lambda: [1, 2, 3, 4][Idx():])
check(lambda: (1, 2, 3)[:Idx()])
check(lambda: range(10)[Idx()])
check(lambda: [1, 2, 3] * Idx())
m = memoryview(bytearray(b"abcdef"))
m.release()
check(lambda: m[0])
it = iter([1, 2])
z = zip(it, it, strict=True)
check(lambda: list(z))
check(lambda: list(zip([1, 2], [3], strict=True)))
check(lambda: list(map(lambda x: 1 / x, [1, 0])))
big = list(range(100))
del big[::-1]
print(big)
big = list(range(10))
del big[1::3]
big[::-1] = range(len(big))
print(big)
x = [1, 2, 3]
x[5:] = [4]
x[-10:1] = [0]
print(x)
check(lambda: x.insert(10 ** 30, 7))
print(x)
check(lambda: x.pop(10 ** 30))
y = []
y[:] = y
y[:] = "abc"
print(y, y[10 ** 20:], y[-(10 ** 20):], y[::10 ** 20], y[::-(10 ** 20)])
check(lambda: y.index("b", -(10 ** 30), 10 ** 30))
print(range(0, -10 ** 9, -3)[5])
