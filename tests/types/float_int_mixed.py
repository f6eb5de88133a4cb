# mixed int/float arithmetic and comparisons
print(1 + 0.5, 3 - 0.25, 2 * 1.5, 3 / 4, 7 // 2.0, 7 % 2.5, 2 ** 0.5 > 1.41)
print(10 == 10.0, 10 < 10.5, -1 > -1.5, 2 ** 60 == float(2 ** 60), 2 ** 60 + 1 == float(2 ** 60 + 1))
print(int(7.999), int(-0.5), round(0.5), round(1.5), round(-0.5))
print(max(1, 2.5), min(-1, -1.0), sum([0.5, 0.25, 1]), abs(-0.0))
print(float(2 ** 100) == 2 ** 100, 1e20 == 10 ** 20, float(7) / 2)
