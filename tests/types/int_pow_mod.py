# three-argument pow and large exponents
print(pow(3, 0, 7), pow(3, 1, 7), pow(3, 100, 7), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(2, 1000, 10 ** 9 + 9), pow(12345678901234567890, 65537, 2 ** 61 - 1))
print(2 ** 256, (-3) ** 41, 0 ** 100, 1 ** 1000)
print(pow(2, -2), pow(4, 0.5))
try:
    pow(2, 3, 0)
except ValueError:
    print("ValueError")
