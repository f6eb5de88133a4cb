# every augmented assignment operator
x = 10
x += 3; print(x)
x -= 1; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 5; print(x)
x <<= 3; print(x)
x >>= 2; print(x)
x &= 6; print(x)
x |= 9; print(x)
x ^= 5; print(x)
y = 9
y /= 2; print(y)
