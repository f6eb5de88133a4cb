# values around small-int / machine word boundaries
for b in (29, 30, 31, 32, 62, 63, 64, 65):
    v = 2 ** b
    print(b, v - 1, v, v + 1, -v, (v - 1) * 2, v // 2 == 2 ** (b - 1))
x = 0x3fffffff
print(x + 1, x * x, -x - 2)
y = 0x7fffffffffffffff
print(y + 1, y * 2, -y - 1, -y - 2)
print((y + 1) - 1 == y, type(y + 1).__name__)
z = 2 ** 64
print(z - z, (z * z) // z == z)
