# Floats at the edges of the immediate (heap-free) encoding of 64-bit builds: every value
# must come back bit for bit, whichever side of an edge it falls on.
import math
import struct


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


vals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 3.141592653589793, -2.718281828459045, 1e-300, 1e300,
        float("inf"), float("-inf"), 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]
# around 2**-255 and 2**257, where the encoding switches to the heap
for e in (-256, -255, -254, 255, 256, 257, 258):
    p = math.ldexp(1.0, e)
    vals += [p, -p, math.nextafter(p, 0.0), math.nextafter(p, math.inf), -math.nextafter(p, math.inf)]
for v in vals:
    w = v * 1.0  # a computed result, not a constant
    print(repr(w), hex(bits(w)), bits(w) == bits(v), w == v, math.copysign(1.0, w))

# results crossing the edges in arithmetic
x = math.ldexp(1.0, -250)
for i in range(8):
    x = x / 2
    print(i, repr(x), math.frexp(x))
y = math.ldexp(1.0, 250)
for i in range(10):
    y = y * 2
    print(i, repr(y), math.frexp(y))

# signed zeros
z = -0.0
print(repr(z), repr(0.0 * -1), repr(-0.0 + 0.0), repr(-0.0 - 0.0), math.copysign(1.0, z), 1 / math.inf * -1)
print(z == 0.0, hash(z) == hash(0.0), {0.0: "a"}[z])

# nan stays nan
n = float("nan")
m = n * 2
print(m != m, repr(m), math.isnan(m), [m] == [m])

# hashes, dict and set keys, mixing ints and floats
print(hash(1.5), hash(-1.5), hash(2.0) == hash(2), hash(1e300), hash(math.ldexp(1.0, -255)))
d = {1.5: "a", 2.0: "b", -0.0: "c", math.ldexp(1.0, 300): "d"}
print(d[1.5], d[2], d[0], d[2.0 ** 300], sorted(d.values()))
print(sorted({0.1 * 3, 0.3, 1.0, 1, True}))

# every representable exponent step survives a round trip through repr and float()
ok = True
v = 1.0
for i in range(1100):
    if float(repr(v)) != v or float(repr(-v)) != -v:
        ok = False
    v = v / 1.9
print(ok, repr(v))

# floats stored and fetched through containers and attributes
class P:
    pass

p = P()
acc = 0.0
for i in range(1000):
    p.x = i * 0.25
    acc += p.x
print(acc, [i / 8 for i in range(5)], tuple(x * 1e200 for x in (1.0, 1e100, 1e-100)))
