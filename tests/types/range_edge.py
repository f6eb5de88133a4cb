# range edge cases
print(list(range(-5)), list(range(-5, -1)), list(range(5, -5, -3)))
print(range(5)[-1], range(5)[1:-1], range(10)[::-1][0], range(0, 10, 3)[-1])
print(len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(0, -10, -1)))
print(3 in range(0, 10, 3), 4 in range(0, 10, 3), -1 in range(5), 2.0 in range(3))
print(range(0, 3) == range(3), range(1, 10, 2) == range(1, 11, 2), hash(range(3)) == hash(range(3)))
print(list(range(2 ** 64, 2 ** 64 + 3)), range(2 ** 70)[2 ** 69])
print(range(3).index(2), range(2, 20, 2).count(4))
