# arbitrary precision integers
a = 2 ** 100
print(a, a + 1, a - 1, -a)
print(a * a)
print(a // 3, a % 3, a // -7, -a % 7)
print(10 ** 30 // 10 ** 15, 10 ** 30 % 999)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f == 265252859812191058636308480000000, f > 2 ** 64, f < -1)
print(int("123456789" * 4) + 1)
print((1 << 200) >> 190, (1 << 200) & 0xfff, ((1 << 200) - 1) & 0xff)
print(-(2 ** 70) >> 3, (2 ** 70) | 1, (2 ** 70) ^ (2 ** 69))
print(abs(-(10 ** 25)), hash(2 ** 70) == hash(2 ** 70))
print(pow(2, 200, 10 ** 9 + 7))
print(divmod(-(10 ** 20), 7))
