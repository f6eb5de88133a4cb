from collections import namedtuple, OrderedDict, defaultdict, deque

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
print(p == (1, 2), p == Point(1, 2), p != Point(2, 1), hash(p) == hash((1, 2)), p < Point(1, 3))
print(Point._fields, p._asdict(), p._replace(y=5), Point._make([3, 4]), Point(y=7, x=6))
x, y = p
print(x, y, p + (3,), p * 2, 2 in p, p.index(2), p.count(1))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3.__name__)
R = namedtuple("R", "a, b  _c def a", rename=True)
print(R._fields)
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: p._replace(z=1),
            lambda: namedtuple("Bad", "a a"), lambda: namedtuple("Bad", "_a"), lambda: namedtuple("1Bad", "a")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
try:
    p.x = 5
except AttributeError:
    print("AttributeError")

d = OrderedDict()
d["b"] = 1
d["a"] = 2
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()), len(d), "a" in d, d["a"])
d.move_to_end("b")
print(list(d))
d.move_to_end("c", last=False)
print(list(d))
print(d.popitem(), d.popitem(last=False), d)
d2 = OrderedDict([("x", 1), ("y", 2)])
print(d2, d2.get("x"), d2.get("z", 0), d2.pop("x"), d2, OrderedDict())
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
d2.update({"q": 5})
d2.setdefault("r", 6)
print(d2, d2.copy(), type(d2.copy()).__name__)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    d2.move_to_end("nope")
except KeyError as e:
    print("KeyError", e)

dd = defaultdict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"].append(3)
print(dd, dd["a"], len(dd), sorted(dd), dd.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), "z" in counts, counts.get("z"))
dn = defaultdict()
try:
    dn["x"]
except KeyError as e:
    print("KeyError", e)
print(defaultdict(None, {1: 2}))

q = deque()
q.append(1)
q.append(2)
q.appendleft(0)
print(q, len(q), q[0], q[-1], list(q), 2 in q, bool(q), bool(deque()))
print(q.pop(), q.popleft(), q)
q = deque([1, 2, 3], 3)
q.append(4)
print(q, q.maxlen)
q.appendleft(0)
print(q)
q.extend([7, 8])
print(q)
q.extendleft([9])
print(q)
q = deque(range(6))
q.rotate(2)
print(q)
q.rotate(-3)
print(q)
q[1] = 99
del q[0]
print(q, q.count(99), q.copy())
q.remove(99)
q.reverse()
print(q, deque([1, 2]) == deque([1, 2]), deque(maxlen=0))
q.clear()
print(q, deque("abc"), deque((), 2))
for f in (deque().pop, deque().popleft):
    try:
        f()
    except IndexError as e:
        print("IndexError", e)
try:
    deque([1])[5]
except IndexError as e:
    print("IndexError", e)
try:
    q = deque([1, 2])
    for item in q:
        q.append(3)
except RuntimeError as e:
    print("RuntimeError", e)
