# float arithmetic: floor division and modulo signs, inf and nan, powers, errors, mixed with ints
inf = float("inf")
nan = float("nan")
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 7.25, -7.25, 1e300, -1e-300, inf, -inf, 1e16, 2.0**53]


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for a in vals:
    for b in vals:
        print(repr(a + b), repr(a - b), repr(a * b), a < b, a == b, a >= b)
        show("/", lambda: a / b)
        show("//", lambda: a // b)
        show("%", lambda: a % b)
        show("divmod", lambda: divmod(a, b))
        show("**", lambda: a ** b)
for a in (5, -5, 2**70, -(2**70), 0, True):
    for b in (2.5, -2.5, 0.0, inf, -inf):
        show("mix", lambda: (a + b, a - b, a * b, b - a, a < b, a > b, a == b))
        show("mix/", lambda: (a / b, b / a))
        show("mix//", lambda: (a // b, a % b, divmod(a, b)))
        show("mix**", lambda: (a ** b, b ** a) if a != 2**70 and a != -(2**70) else 0)
for x, y in ((-8.0, 1 / 3), (-1.0, 0.5), (-2.0, 2.0), (-2.0, 3.0), (-2.0, -3.0), (0.0, -1.0), (0.0, -2.5), (-0.0, 3.0),
             (-0.0, 2.0), (2.0, 10000.0), (-2.0, 10001.0), (1.0, nan), (nan, 0.0), (-inf, 3.0), (-inf, -3.0),
             (-inf, 2.0), (-inf, -2.0), (inf, -1.0), (0.5, inf), (2.0, -inf), (-1.0, inf), (10.0, 400.0), (10.0, -400.0)):
    show("pow(%r,%r)" % (x, y), lambda: x ** y)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan == 1, nan != 1, 1 < nan, 2**100 == nan, nan in [nan])
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16 + 1, 1e308 * 10, -1e308 * 10, 5e-324 / 2, 0.1 * 3, 100.0 / 7)
print(hash(0.0), hash(-0.0), hash(1.0), hash(1.5), hash(-1.0), hash(0.1), hash(1e300), hash(inf), hash(-inf),
      hash(2.0**61), hash(2.0**62), hash(-2.5), hash(1e-300), hash(123456.789))
print(hash(1.0) == hash(1), hash(2.0**100) == hash(2**100), hash(-(2.0**70)) == hash(-(2**70)), hash(0.5))
d = {1: "int", 1.0: "float", True: "bool"}
print(d, len(d), {2**70: 1}[2.0**70])
for v in (0.0, -0.0, 1.5, -2.5, 3.0, 1e300, 0.1, 5e-324, 2.0**60, -123.456):
    print(v.is_integer(), v.as_integer_ratio(), v.hex(), v.conjugate(), v.real, v.imag, abs(v), -v, +v, int(v), bool(v))
show("ratio inf", lambda: inf.as_integer_ratio())
show("ratio nan", lambda: nan.as_integer_ratio())
print(inf.hex(), (-inf).hex(), nan.hex(), inf.is_integer(), nan.is_integer())
texts = ["1.5", "-1.5", "+.5", "5.", ".", "1e5", "1E-5", "1e", "e5", "inf", "-Infinity", "nAn", "-nan", "+inf",
         "1_0.5", "1_.5", "1._5", "1.5_", "_1", "1e5_0", "1e_5", " 1.0 ", "0x10", "1.5j", "1e400", "-1e400",
         "1e-400", "0.1", "123456789012345678901234567890", "infinit", "in", "1.2.3", "2.5e+03", "000.000",
         "-0", "1__0", "", " ", "\t2.5\n", "1e+", "--1", "+-1"]
for t in texts:
    show("float(%r)" % t, lambda: float(t))
show("float(b)", lambda: float(b"2.5"))
show("float(bad b)", lambda: float(b"x"))
show("float(bytearray)", lambda: float(bytearray(b"1e3")))
show("float(list)", lambda: float([1]))
show("float(None)", lambda: float(None))
show("float()", lambda: float())
show("float(int)", lambda: float(2**1000))
show("float(huge)", lambda: float(2**1024))
show("float(True)", lambda: float(True))


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 3


class Bad:
    def __float__(self):
        return 1


show("__float__", lambda: float(F()))
show("__index__", lambda: float(I()))
show("bad __float__", lambda: float(Bad()))
show("1.0/0", lambda: 1.0 / 0)
show("1/0.0", lambda: 1 / 0.0)
show("1.0//0", lambda: 1.0 // 0)
show("1.0%0", lambda: 1.0 % 0)
show("divmod(1.0,0)", lambda: divmod(1.0, 0))
show("0.0**-1", lambda: 0.0 ** -1)
show("1.0 | 1", lambda: 1.0 | 1)
show("10**400|1.0", lambda: 10**400 | 1.0)
show("float < str", lambda: 1.0 < "a")
print(1.0 == "1", 1.0 != None)
