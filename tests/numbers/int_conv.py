# int(): bases, prefixes, underscores, whitespace and errors; to_bytes/from_bytes; digits in bases


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


texts = ["0", "00", "-0", "+5", " 12 ", "1_000", "1__0", "_1", "1_", "0x1f", "0X_1F", "0b101", "0o17",
         "017", "0_0", "12a", "", " ", "-", "9" * 40, "-" + "7" * 50, "z", "Zz", "0x", "1 2", "\t42\n",
         "0b", "1e5", "-0x10", "+0o7_7", "0b_1_0"]
for t in texts:
    for base in (0, 2, 8, 10, 16, 36):
        show("int(%r, %d)" % (t, base), lambda: int(t, base))
show("base 1", lambda: int("1", 1))
show("base 37", lambda: int("1", 37))
show("base -1", lambda: int("1", -1))
show("nonstr base", lambda: int(12, 10))
show("int(list)", lambda: int([1]))
show("int(None)", lambda: int(None))
show("int()", lambda: int())
show("int(b'12')", lambda: int(b"12"))
show("int(b'0x1f', 16)", lambda: int(b"0x1f", 16))
show("int(bytearray)", lambda: int(bytearray(b"77"), 8))
show("int(b'1x')", lambda: int(b"1x"))
show("kw base", lambda: int("ff", base=16))
for f in (0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 1e18, -1e18, 1e300, 2.0**62, -(2.0**62), 2.0**63, 123456789.987):
    show("int(%r)" % f, lambda: int(f))
show("int(inf)", lambda: int(float("inf")))
show("int(nan)", lambda: int(float("nan")))
show("int(True)", lambda: int(True))


class WithInt:
    def __int__(self):
        return 42


class WithIndex:
    def __index__(self):
        return 7


class BadInt:
    def __int__(self):
        return "x"


show("__int__", lambda: int(WithInt()))
show("__index__", lambda: int(WithIndex()))
show("bad __int__", lambda: int(BadInt()))

for v in (0, 1, 127, 128, 255, 256, -1, -128, -129, 2**64 - 1, 2**64, -2**63, 10**30):
    for length in (0, 1, 2, 8, 9, 16):
        for order in ("big", "little"):
            for signed in (False, True):
                show("to_bytes(%d,%d,%s,%s)" % (v, length, order, signed), lambda: v.to_bytes(length, order, signed=signed))
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, byteorder="little"), (5).to_bytes())
show("bad order", lambda: (5).to_bytes(2, "middle"))
show("neg length", lambda: (5).to_bytes(-1, "big"))
for b in (b"", b"\x00", b"\xff", b"\x80", b"\x7f\xff", b"\xff\xfe", b"\x01" * 20, b"\x80" + b"\x00" * 15):
    print(int.from_bytes(b, "big"), int.from_bytes(b, "little"), int.from_bytes(b, "big", signed=True),
          int.from_bytes(b, "little", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"), int.from_bytes(b"\x01\x02"))
show("from str", lambda: int.from_bytes("ab", "big"))
show("from range", lambda: int.from_bytes([256], "big"))

for v in (0, 5, -5, 255, -255, 2**64, -2**64 - 1, 3**50, -(7**40)):
    print(bin(v), oct(v), hex(v), str(v), repr(v), v.bit_length(), v.bit_count(), v.conjugate(), v.real, v.imag,
          v.numerator, v.denominator, v.as_integer_ratio())
print(int("7" * 1000) % 1000000007, len(str(int("1" + "0" * 3000))), int("f" * 500, 16) == 16**500 - 1)
print(int("z" * 100, 36) == 36**100 - 1, int("1" * 200, 2) == 2**200 - 1, int("-" + "7" * 300, 8) == -(8**300 - 1))
