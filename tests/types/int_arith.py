# small int arithmetic
print(7 + 3, 7 - 10, -7 * 3, 7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(2 ** 10, 2 ** 0, (-2) ** 3, 0 ** 0, 10 ** -1)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(abs(-5), abs(5), -(-3), +4)
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__)
print(pow(3, 4), pow(3, 4, 5), pow(2, 100, 1000))
print(max(3, 9, 1), min(3, 9, 1), round(7), round(15, -1), round(25, -1))
