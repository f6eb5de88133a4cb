# int arithmetic across the small/big boundary, with Python's floor semantics
vals = [0, 1, -1, 2, -3, 7, -7, 10, 255, -256, 2**30 - 1, 2**30, -2**30, 2**31 + 5, 2**61 - 1,
        2**62 - 1, 2**62, -2**62, -2**62 - 1, 2**63, -2**63, 2**64 + 1, 10**20, -10**20, 3**70, -(5**60)]


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


for a in vals:
    for b in vals:
        print(a + b, a - b, a * b, a < b, a <= b, a == b, a != b, a > b, a >= b)
        if b:
            print(a // b, a % b, divmod(a, b), a / b)
        print(a & b, a | b, a ^ b)
for a in vals:
    print(-a, +a, abs(a), ~a, a.bit_length(), bool(a), hash(a))
    for s in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100):
        print(a << s, a >> s)
for a in (0, 1, -1, 2, -2, 3, 10, -10, 2**40, -(2**33)):
    for e in (0, 1, 2, 3, 7, 31, 32, 63, 64, 65, 100):
        print(a ** e)
for a in (2, -2, 10, 3):
    for e in (-1, -2, -10):
        print(a ** e)
show("0**-1", lambda: 0 ** -1)
show("1//0", lambda: 1 // 0)
show("1%0", lambda: 1 % 0)
show("divmod", lambda: divmod(2**100, 0))
show("1/0", lambda: 1 / 0)
show("big/0", lambda: 2**100 / 0)
show("<<-1", lambda: 1 << -1)
show(">>-1", lambda: 1 >> -1)
show("<<huge", lambda: 1 << 2**100)
show(">>huge", lambda: -5 >> 2**100)
show("0<<huge", lambda: 0 << 2**100)
show("1**huge", lambda: 1 ** 2**100)
show("-1**huge", lambda: (-1) ** (2**100 + 1))
show("2**-2000", lambda: 2 ** -2000)
show("huge/1", lambda: 2**2000 / 1)
show("1/huge", lambda: 1 / 2**2000)
show("huge*1.0", lambda: 2**2000 * 1.0)
print(2**1023 * 3 // 2**1020, (2**200 + 1) / 2**100, 10**30 / 3, (10**30 + 1) / 10**15)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2)
print(True + 1, True * 10, 5 - True, False ** 0, 3 // True, 2**64 + True, True << 70)
print(pow(2, 10), pow(3, 4, 5), pow(2, -1, 7), pow(3, -2, 11), pow(-3, 5, 7), pow(5, 3, -7), pow(2**100, 2**100, 10**9 + 7))
print(pow(4, 0, 1), pow(0, 0, 7), pow(123456789, 10**18, 2**61 - 1), pow(-5, 3, -4))
show("pow3 zero", lambda: pow(2, 3, 0))
show("pow3 noinv", lambda: pow(2, -1, 4))
show("pow3 float", lambda: pow(2.0, 3, 4))
x = 1
for i in range(100):
    x = x * 3 + i
print(x, x % 1000007, x // 12345678901234567, x.bit_length())
print(int.__name__, type(2**100).__name__, type(5).__name__, isinstance(2**100, int))
n = 2**62 - 1
n += 1
print(n, type(n).__name__, n - 1, hash(n), hash(2**61), hash(-(2**61)), hash(-1), hash(-2), hash(2**61 - 1))
print(2**53 + 1 == float(2**53 + 1), 2**53 + 1 == 2.0**53, 2**53 == 2.0**53, 2**1000 < float("inf"), -2**1000 > float("-inf"))
print(10**400 > 1e308, 10**400 == float("inf"), 2**63 == 9.223372036854776e18, 3 == 3.0, 3 < 3.5, -3 > -3.5)
print(1 == 1 + 0j, 2**53 + 1 == complex(2**53 + 1), 1 != 1j)
