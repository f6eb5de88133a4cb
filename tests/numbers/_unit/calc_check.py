#!/usr/bin/env python3
"""numbers_calc_check.py: random and edge cases for the numbers_calc driver, compared with CPython."""
import math
import operator
import random
import subprocess
import sys

sys.set_int_max_str_digits(0)
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)

INTS = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, 256, -256, 2**30 - 1, 2**30, -2**30, 2**31, 2**53, 2**53 + 1,
        -2**53 - 1, 2**61 - 1, 2**61, 2**62 - 1, 2**62, -2**62, -2**62 - 1, 2**63, -2**63, 2**64 + 5,
        10**20, -10**20, 3**100, -(7**77), 2**1024, 2**1023 * 3, 12345678901234567890123]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.1, 0.2, 1e16, 1e15, 123456789012345.0,
          1e-4, 1e-5, 0.0001234, 1e22, 1e23, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
          float("inf"), float("-inf"), float("nan"), 3.141592653589793, 2.0**53, 2.0**53 + 2, 9007199254740993.0,
          1e300, -1e300, 7.0, -7.0, 0.3, 100.0, 1234.5678, 2.675, 0.125, 0.375, 1e-310, 4.35, 0.5e-7]
COMPLEX = [0j, 1j, -1j, 1 + 2j, -1.5 - 2.5j, complex(0, -0.0), complex(-0.0, 0), complex(-0.0, -1),
           complex(1e16, 1), complex(float("inf"), 1), complex(2, 0), 3 + 4j, complex(1e200, 1e200)]
BOOLS = [True, False]


def rand_int():
    r = random.random()
    if r < 0.4:
        return random.choice(INTS)
    if r < 0.7:
        return random.randint(-1000, 1000)
    n = random.getrandbits(random.randint(1, 300))
    return -n if random.random() < 0.5 else n


def rand_float():
    r = random.random()
    if r < 0.5:
        return random.choice(FLOATS)
    if r < 0.7:
        return random.uniform(-100, 100)
    if r < 0.8:
        return float(random.randint(-100, 100))
    return random.uniform(-1, 1) * 10.0 ** random.randint(-320, 308)


def rand_num():
    r = random.random()
    if r < 0.45:
        return rand_int()
    if r < 0.85:
        return rand_float()
    if r < 0.95:
        return random.choice(COMPLEX)
    return random.choice(BOOLS)


def enc(x):
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        return repr(x)
    return "c:%r:%r" % (x.real, x.imag)


def result(f):
    try:
        r = f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return repr(r)


BIN = {"add": operator.add, "sub": operator.sub, "mul": operator.mul, "truediv": operator.truediv,
       "floordiv": operator.floordiv, "mod": operator.mod, "pow": operator.pow, "lshift": operator.lshift,
       "rshift": operator.rshift, "and": operator.and_, "or": operator.or_, "xor": operator.xor,
       "lt": operator.lt, "gt": operator.gt, "eq": operator.eq, "le": operator.le, "ge": operator.ge,
       "ne": operator.ne, "divmod": divmod}
UN = {"neg": operator.neg, "pos": operator.pos, "abs": abs, "invert": operator.invert, "int": int,
      "float": float, "hash": hash, "bool": bool}


def skip_binary(name, a, b):
    # Huge powers and shifts: keep the case cheap.
    if name == "pow" and isinstance(b, int) and not isinstance(b, bool):
        if isinstance(a, int) and abs(b) > 300:
            return True
    if name in ("lshift",) and isinstance(b, int) and b > 2000:
        return True
    if name == "pow" and (isinstance(a, complex) or isinstance(b, complex)):
        return False
    return False


cases = []
for _ in range(6000):
    name = random.choice(list(BIN))
    a, b = rand_num(), rand_num()
    if name in ("lshift", "rshift", "and", "or", "xor") and random.random() < 0.8:
        a, b = rand_int(), rand_int()
        if name in ("lshift", "rshift"):
            b = random.randint(-2, 200)
    if name == "pow" and random.random() < 0.5:
        a, b = rand_num(), random.choice([0, 1, 2, 3, -1, -2, 0.5, -0.5, 10, 17, 2.5, 100, 101])
    if skip_binary(name, a, b):
        continue
    if isinstance(a, bool) and isinstance(b, bool) and name in ("and", "or", "xor"):
        continue  # bool & bool is the runtime's
    cases.append(("bin %s %s %s" % (name, enc(a), enc(b)), result(lambda: BIN[name](a, b))))
for _ in range(1500):
    name = random.choice(list(UN))
    a = rand_num()
    if name == "hash" and (isinstance(a, complex) or (isinstance(a, float) and math.isnan(a))):
        continue
    if isinstance(a, bool) and name in ("hash", "int", "float", "bool", "neg", "pos", "abs", "invert"):
        continue  # bool's own slots are the runtime's
    cases.append(("un %s %s" % (name, enc(a)), result(lambda: UN[name](a))))
for _ in range(800):
    a, b, c = rand_int(), rand_int(), random.choice([rand_int(), 7, 97, -13, 2**61 - 1, 0, 1])
    if random.random() < 0.3:
        b = -random.randint(1, 5)
    if abs(b) > 10**30 and c == 0:
        continue
    cases.append(("pow3 %s %s %s" % (enc(a), enc(b), enc(c)), result(lambda: pow(a, b, c))))
for _ in range(1500):
    x = random.choice([rand_float(), random.randint(-10**6, 10**6) / 8, random.randint(-10**6, 10**6) / 1000])
    n = random.choice([None, 0, 1, 2, 3, -1, -2, 5, 10, 20, -5, 400, -400, 15, 16, 17])
    if n is None:
        cases.append(("round %s" % enc(x), result(lambda: round(x))))
    else:
        cases.append(("round %s %s" % (enc(x), n), result(lambda: round(x, n))))
for _ in range(300):
    x = rand_int()
    n = random.choice([-1, -2, -3, -5, -10, 0, 2])
    cases.append(("round %s %s" % (enc(x), n), result(lambda: round(x, n))))
TYPES = ["e", "E", "f", "F", "g", "G", "%", "r", "none", "#e", "#f", "#g", "n"]
for _ in range(5000):
    x = rand_float() if random.random() < 0.8 else random.randint(-10**6, 10**6) / 1000
    t = random.choice(TYPES)
    p = random.choice([-1, -1, 0, 1, 2, 3, 5, 6, 10, 17, 20, 30])
    if t == "r":
        cases.append(("fmt %r r" % x, repr(repr(x))))
        continue
    spec = ("#" if t.startswith("#") else "") + ("" if p < 0 else ".%d" % p) + ("" if t == "none" else t[-1])
    cases.append(("fmt %r %s %d" % (x, t, p), result(lambda: format(x, spec))))
INT_TEXTS = ["0", "00", "-0", "+5", " 12 ", "1_000", "1__0", "_1", "1_", "0x1f", "0X_1F", "0b101", "0o17",
             "017", "0_0", "12a", "", " ", "-", "9" * 40, "-" + "7" * 50, "z", "Z", "zz", "0x", "1 2",
             "\t42\n", "0b", "1e5", "٣"]
for t in INT_TEXTS:
    for base in [0, 2, 8, 10, 16, 36, 1, 37]:
        enc_t = t.replace(" ", "~")
        if not enc_t or "\t" in t or "\n" in t or not t.isascii():
            continue
        cases.append(("int_str %s %d" % (enc_t, base), result(lambda: int(t, base))))
FLOAT_TEXTS = ["1.5", "-1.5", "+.5", "5.", ".", "1e5", "1E-5", "1e", "e5", "inf", "-Infinity", "nAn", "-nan",
               "1_0.5", "1_.5", "1._5", "1.5_", "_1", "1e5_0", "1e_5", "~1.0~", "0x10", "1.5j", "1e400",
               "-1e400", "1e-400", "0.1", "123456789012345678901234567890", "infinit", "in", "1.2.3",
               "2.5e+03", "000.000", "-0", "1__0"]
for t in FLOAT_TEXTS:
    cases.append(("float_str %s" % t, result(lambda: float(t.replace("~", " ")))))
CPLX_TEXTS = ["1+2j", "(1+2j)", "~(~1-2j~)~", "1~+~2j", "j", "-j", "+j", "1+j", "1-j", "2.5", "3j", "1e5j",
              "inf+nanj", "(1+2j", "1+2", "1+2jj", "-1.5e-3-2.5e+3j", "1_0+2_0j", "", "()", "J", "1+2J"]
for t in CPLX_TEXTS:
    if t:
        cases.append(("complex_str %s" % t, result(lambda: complex(t.replace("~", " ")))))
for _ in range(300):
    x = rand_int()
    base = random.choice([2, 8, 16, 10, 36, 3, 7])
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"

    def to_base(n, b):
        if n == 0:
            return "0"
        s = ""
        m = abs(n)
        while m:
            s = digits[m % b] + s
            m //= b
        return ("-" if n < 0 else "") + s
    cases.append(("hex %s %d" % (enc(x), base), repr(to_base(x, base))))

proc = subprocess.run([sys.argv[1]], input="\n".join(c for c, _ in cases) + "\n", capture_output=True, text=True)
got = proc.stdout.split("\n")
bad = 0
for (case, want), g in zip(cases, got):
    if want != g:
        bad += 1
        if bad <= 40:
            print("MISMATCH %s\n  want %s\n  got  %s" % (case[:150], want[:150], g[:150]))
if len(got) < len(cases):
    print("driver stopped after %d cases: %s" % (len(got), proc.stderr[-500:]))
    bad += len(cases) - len(got) + 1
print("%d passed, %d failed" % (len(cases) - bad, bad))
sys.exit(1 if bad else 0)
