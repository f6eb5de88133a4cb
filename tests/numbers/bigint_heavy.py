# very large ints: 10,000-digit multiplication, division, power and text conversion (must be quick)
import sys

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)  # CPython limits str<->int to 4300 digits; espy does not

a = 7**11837  # about 10,000 digits
b = 3**20960 + 12345
p = a * b
print(len(str(a)), len(str(b)), len(str(p)))
print(p % 1000000007, p // b == a, p % b == 0, (p + 5) % b)
q, r = divmod(p + 12345678, a - 1)
print(q % 998244353, r % 998244353, q * (a - 1) + r == p + 12345678)
s = str(a)
print(s[:30], s[-30:], int(s) == a, int(s[::-1]) % 1000003)
t = "9" * 10000
n = int(t)
print(n == 10**10000 - 1, len(str(n * n)), str(n * n)[:20], str(n * n)[-20:])
print(hex(a)[:40], hex(a)[-20:], int(hex(a), 16) == a, int(bin(b), 2) == b, int(oct(p), 8) == p)
f = 1
for i in range(2, 3001):
    f *= i
print(len(str(f)), str(f)[:25], f % (10**9 + 7), f.bit_length())
x = (a << 10000) - (b >> 777)
print(x.bit_length(), x % 65537, (-x) // 12345 % 1000, (-x) % 12345, (~x) & 0xffff, (x ^ b) % 99991, (x | -b) % 7777)
print(pow(a, 65537, b) % 1000000, pow(2, 10**5, 10**2000 + 4) % 10**9)
print(a / b, b / a, float(a // b ** 0 % 10**300) > 0, (a * 10) / a)
g = 1
for i in range(200):
    g = g * 10**50 // 7 + i
print(g % 10**40, len(str(g)))
