# bitwise operations including negatives
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print(~0, ~5, ~-5)
print(-1 & 0xff, -256 | 15, -5 ^ 3, -8 >> 1, -1 >> 10, 1 << 40)
print(5 >> 0, 5 << 0, 1 << 62, (1 << 62) >> 61)
try:
    1 << -1
except ValueError:
    print("ValueError negative shift")
print(0x7fffffff + 1, -0x80000000 - 1, 0x3fffffff + 1, 0x40000000 * 2)
