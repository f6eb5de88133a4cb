# Single-precision builds only (the lx106 image, build/esp8266-sim): which floats live in the
# object word and which in the heap. A heap float costs one 16-byte block, an immediate none.
import gc
import math


def kept(x):
    """Bytes a float made by arithmetic takes (x * 1.0 is a new float of the same value)."""
    gc.collect()
    before = gc.mem_free()
    y = x * 1.0
    used = before - gc.mem_free()
    return used if y == x or y != y else "changed"


LOW = 2.0**-15
HIGH = 2.0**17
ULP_LOW = 2.0**-38
ULP_HIGH = 2.0**-7
ULP_TWO = 2.0**-23  # spacing of floats just below 2.0
kept(1.0)  # warm-up
cases = [
    ("0.0", 0.0),
    ("-0.0", -0.0),
    ("1.0", 1.0),
    ("-3.25", -3.25),
    ("LOW - ulp", LOW - ULP_LOW / 2),
    ("LOW", LOW),
    ("LOW + 1ulp", LOW + ULP_LOW),
    ("LOW + 2ulp", LOW + 2 * ULP_LOW),
    ("LOW + 3ulp", LOW + 3 * ULP_LOW),
    ("LOW + 4ulp", LOW + 4 * ULP_LOW),
    ("-LOW", -LOW),
    ("-(LOW + 4ulp)", -(LOW + 4 * ULP_LOW)),
    ("2 - 1ulp", 2.0 - ULP_TWO),
    ("2 - 4ulp", 2.0 - 4 * ULP_TWO),
    ("2 - 5ulp", 2.0 - 5 * ULP_TWO),
    ("-(2 - 1ulp)", -(2.0 - ULP_TWO)),
    ("-(2 - 3ulp)", -(2.0 - 3 * ULP_TWO)),
    ("2.0", 2.0),
    ("HIGH - ulp", HIGH - ULP_HIGH),
    ("-(HIGH - ulp)", -(HIGH - ULP_HIGH)),
    ("HIGH", HIGH),
    ("-HIGH", -HIGH),
    ("65536.0", 65536.0),
    ("1e-3", 1e-3),
    ("1e-5", 1e-5),
    ("1e5", 1e5),
    ("1e6", 1e6),
    ("2**-130 (subnormal)", 2.0**-130),
    ("2**-149 (subnormal)", 2.0**-149),
    ("2**100", 2.0**100),
    ("inf", math.inf),
    ("-inf", -math.inf),
    ("nan", math.nan),
]
for name, x in cases:
    print(name, kept(x))

# None, False and True share the tag of floats and are still themselves.
things = [None, False, True, 0.0, -0.0, LOW + 4 * ULP_LOW]
print([type(t).__name__ for t in things], [t is None for t in things], [t is True for t in things])
print(repr(things[:3]), [bool(t) for t in things], [t == 0 for t in things], None == 0.0, False == 0.0)
print({None: 1, False: 2, True: 3, 0.5: 4}, [hash(t) for t in (False, True)], not None)

# A loop that only meets immediate floats allocates nothing (in a function: new globals would
# grow the module's dict).
def loop():
    gc.collect()
    before = gc.mem_free()
    x = 1.0
    i = 0
    while i < 1000:
        x = x * 1.0009765625 + 0.0078125
        i += 1
    return before - gc.mem_free(), x


used, x = loop()
print("loop bytes:", used, x > 1.0, x < HIGH)
