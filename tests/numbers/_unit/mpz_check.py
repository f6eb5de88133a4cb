#!/usr/bin/env python3
"""numbers_mpz_check.py: feeds random cases to the numbers_mpz driver and compares with Python."""
import random
import subprocess
import sys

sys.set_int_max_str_digits(0)
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)


def rnd():
    kind = random.random()
    if kind < 0.3:
        n = random.randint(-300, 300)
    elif kind < 0.8:
        n = random.getrandbits(random.randint(1, 400))
    else:
        n = random.getrandbits(random.randint(1000, 6000))
    if random.random() < 0.2:
        n = (1 << random.randint(0, 300)) - random.randint(0, 2)
    return -n if random.random() < 0.5 else n


def py_hash(n):
    return hash(n) if hash(n) != -2 or n == -2 else -1


cases, expected = [], []
for _ in range(3000):
    a, b = rnd(), rnd()
    op = random.choice(["add", "sub", "mul", "divmod", "and", "or", "xor", "not", "shl", "shr",
                        "pow", "powmod", "inv", "float", "truediv", "hash", "hex", "bytes", "cmpf"])
    if op == "divmod" and b == 0:
        b = 7
    if op == "shl" or op == "shr":
        b = random.randint(0, 200)
    if op == "pow":
        a, b = random.randint(-10**20, 10**20), random.randint(0, 40)
    if op == "powmod":
        c = rnd() or 5
        b = abs(b)
        cases.append(f"{op} {a} {b} {c}")
        expected.append(str(pow(a, b, c)))
        continue
    if op == "inv":
        b = abs(b) or 3
        cases.append(f"{op} {a} {b}")
        try:
            expected.append(str(pow(a, -1, b)))
        except ValueError:
            expected.append("none")
        continue
    if op == "bytes":
        n = random.randint(0, 40)
        cases.append(f"{op} {a} {n}")
        try:
            expected.append(str(int.from_bytes(a.to_bytes(n, "big", signed=True), "big", signed=True)))
        except OverflowError:
            expected.append("overflow")
        continue
    if op == "cmpf":
        if abs(a) > 2**1000:
            a = a >> (abs(a).bit_length() - 900)
        f = random.choice([float(a), float(a) + 0.5, float(a) - 0.25, float(a) * 2.0])
        cases.append(f"{op} {a} {f!r}")
        expected.append(str((a > f) - (a < f)))
        continue
    cases.append(f"{op} {a} {b}")
    if op == "add": expected.append(str(a + b))
    elif op == "sub": expected.append(str(a - b))
    elif op == "mul": expected.append(str(a * b))
    elif op == "divmod": expected.append(f"{a // b}\n{a % b}")
    elif op == "and": expected.append(str(a & b))
    elif op == "or": expected.append(str(a | b))
    elif op == "xor": expected.append(str(a ^ b))
    elif op == "not": expected.append(str(~a))
    elif op == "shl": expected.append(str(a << b))
    elif op == "shr": expected.append(str(a >> b))
    elif op == "pow": expected.append(str(a ** b))
    elif op == "hex": expected.append(format(abs(a), "x"))
    elif op == "hash":
        h = abs(a) % (2**61 - 1)
        expected.append(str(-h if a < 0 else h))
    elif op == "float":
        try: expected.append("%.17g" % float(a))
        except OverflowError: expected.append("overflow")
    elif op == "truediv":
        if b == 0:
            cases.pop(); continue
        try: expected.append("%.17g" % (a / b))
        except OverflowError: expected.append("overflow")

out = subprocess.run([sys.argv[1]], input="\n".join(cases) + "\n", capture_output=True, text=True).stdout
got = out.split("\n")
exp = "\n".join(expected).split("\n")
bad = 0
gi = 0
ci = 0
for case, e in zip(cases, expected):
    lines = e.split("\n")
    g = got[gi:gi + len(lines)]
    gi += len(lines)
    if g != lines:
        bad += 1
        if bad < 10:
            print("MISMATCH", case[:200], "\n  want", e[:200], "\n  got ", "\n".join(g)[:200])
print(len(cases) - bad, "passed,", bad, "failed")
sys.exit(1 if bad else 0)
