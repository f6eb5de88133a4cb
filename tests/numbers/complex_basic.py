# complex numbers: repr, arithmetic, powers, errors, construction, hashing
inf = float("inf")
nan = float("nan")
vals = [0j, 1j, -1j, 1 + 2j, -1.5 - 2.5j, complex(0, -0.0), complex(-0.0, 0), complex(-0.0, -1), complex(1e16, 1),
        complex(inf, 1), complex(2, 0), 3 + 4j, complex(nan, 1), 1e-5j, complex(1.5, 1e20)]


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for a in vals:
    print(repr(a), str(a), a.real, a.imag, a.conjugate(), -a, +a, bool(a))
    show("abs", lambda: abs(a))
for a in vals[:12]:
    for b in vals[:12] + [2, -3, 0.5, 0, True, 2**70]:
        show("ops", lambda: (a + b, a - b, a * b, b + a, b - a, b * a, a == b, a != b))
        show("div", lambda: a / b)
        show("rdiv", lambda: b / a)
for a in (1 + 2j, 2j, -1 + 0j, 0j, 1.5 - 0.5j, complex(1e200, 1e200)):
    for e in (0, 1, 2, 3, -1, -2, 0.5, 1j, 1 + 1j, 2.5, 100, 101, -100, 0j):
        show("pow", lambda: a ** e)
for a in (2, -8, 2.0, -1.0, 0, 0.0):
    for e in (1j, 0.5j, 1 + 1j):
        show("rpow", lambda: a ** e)
show("(-8)**(1/3)", lambda: (-8) ** (1 / 3))
show("(-1.0)**0.5", lambda: (-1.0) ** 0.5)
show("1j//1", lambda: 1j // 1)
show("1j%1", lambda: 1j % 1)
show("divmod", lambda: divmod(1j, 1))
show("1j<2j", lambda: 1j < 2j)
show("1j>1", lambda: 1j > 1)
show("int(1j)", lambda: int(1j))
show("float(1j)", lambda: float(1j))
texts = ["1+2j", "(1+2j)", " ( 1-2j ) ", "1 + 2j", "j", "-j", "+j", "1+j", "1-j", "2.5", "3j", "1e5j", "inf+nanj",
         "(1+2j", "1+2", "1+2jj", "-1.5e-3-2.5e+3j", "1_0+2_0j", "", "()", "J", "1+2J", "-inf-infj", "1e400j"]
for t in texts:
    show("complex(%r)" % t, lambda: complex(t))
show("complex()", lambda: complex())
show("complex(1)", lambda: complex(1))
show("complex(1, 2)", lambda: complex(1, 2))
show("complex(1j, 1j)", lambda: complex(1j, 1j))
show("complex(1+2j, 3+4j)", lambda: complex(1 + 2j, 3 + 4j))
show("complex(real=1, imag=2)", lambda: complex(real=1, imag=2))
show("complex(imag=2)", lambda: complex(imag=2))
show("complex('1', 2)", lambda: complex("1", 2))
show("complex(1, '2')", lambda: complex(1, "2"))
show("complex([])", lambda: complex([]))
show("complex(2**2000)", lambda: complex(2**2000))
show("complex(True, False)", lambda: complex(True, False))


class C:
    def __complex__(self):
        return 1 + 5j


show("__complex__", lambda: complex(C()))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(1 + 1j), hash(complex(-1, 0)), hash(0j))
print({1: "a", 1 + 0j: "b", 1.0: "c"}, 1 + 0j == 1, 2**53 + 1 == complex(2**53 + 1), complex(2**53) == 2**53)
