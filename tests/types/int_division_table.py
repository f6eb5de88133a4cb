# floor division and modulo signs over a small table
for a in (-7, -1, 0, 1, 7):
    print(a, [(a // b, a % b) for b in (-3, -1, 1, 3)])
for a in (-(2 ** 70), 2 ** 70):
    print([(a // b, a % b) for b in (-3, 7, -(2 ** 65), 2 ** 65)])
