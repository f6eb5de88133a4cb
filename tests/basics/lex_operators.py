# every arithmetic and bitwise operator
a, b = 17, 5
print(a + b, a - b, a * b, a / 2, a // b, a % b, a ** 2)
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 1)
print(-a, +a, not a)
print(a < b, a > b, a <= b, a >= b, a == b, a != b)
print(a and b, a or b, 0 and 1, 0 or 2)
print(a in [17], a not in [17], a is a, a is not None)
