# operator precedence and associativity
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 // 10 // 3, 2 * 3 % 4, 1 + 2 << 3, 1 | 2 ^ 3 & 4)
print(not 1 == 2, not (1 and 0), 1 or 0 and 0, (1 or 0) and 0)
print(3 > 2 == True, -3 % 5, ~1 + 1, 2 * -3, - - 4)
print(1 if 0 else 2 + 10, (1 if 0 else 2) + 10)
print((lambda: 0 if False else "x")(), (lambda: 1)())
print(5 & 3 == 1, (5 & 3) == 1)
