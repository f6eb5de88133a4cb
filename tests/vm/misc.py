a, *b, c = range(5)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
n = 10
print(f"{n} {n!r:>5} {n*2:04d} {'s'!r} {n=}")
print([y for x in range(3) for y in range(x)], {k: v for k, v in zip("ab", (1, 2))}, {i % 3 for i in range(10)})
if (w := 5) > 3:
    print("walrus", w)
print([v for i in range(5) if (v := i * i) > 4], v)
l = [1, 2, 3]
l[0] += 10
l[-1] *= 2
print(l, l[1:], l[::-1], l[-2])
d = {}
d["k"] = d.get("k", 0) + 1
del d["k"]
print(d)
class O: pass
o = O()
o.v = 1
o.v += 1
print(o.v)
del o.v
print(hasattr(o, "v"))
print(not 0, not 1, -5, +5, ~5, 2 ** 10, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 / 2)
print(1 if 0 else 2, 0 or "x", 1 and 2, None is None, n is not None, 2 in [1, 2], 3 not in [1])
print(big := 2 ** 100, big * big, 10 ** 20 + 1)
s = 0
for i in range(100000):
    s += i
print(s)
print(eval("1 + 2"), eval("x * y", {"x": 3, "y": 4}))
g = {}
exec("def f(): return 42\nr = f()", g)
print(g["r"])
print(compile("1+1", "<s>", "eval").__class__.__name__)
t = 1,
print(t, (), (1, 2) + (3,))
def star(*a): return a
print(star(*range(3), *"ab"))
print(...)
i = 0
while i < 5:
    i += 1
else:
    print("while else", i)
for i in []:
    pass
else:
    print("for else")
print(0x10, 0o10, 0b10, 1_000, 1e3, 2j, 1.5)
print(b"bytes", "a" "b")
import_result = None
try:
    exec("return 5")
except SyntaxError as e:
    print("SyntaxError", e.args[0])
try:
    exec("break")
except SyntaxError as e:
    print("SyntaxError", e.args[0])
try:
    exec("def f():\n  nonlocal q\n")
except SyntaxError as e:
    print("SyntaxError", e.args[0])
try:
    exec("nonlocal q")
except SyntaxError as e:
    print("SyntaxError", e.args[0])
