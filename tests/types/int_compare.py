# int comparisons across sizes and with floats
big = 2 ** 80
print(1 < big, big > -big, big == 2 ** 80, big != big + 1)
print(3 == 3.0, 3 < 3.5, 2 ** 53 == float(2 ** 53), 1 == True)
print(sorted([big, -big, 0, 5, -5, 2 ** 40]))
print(max(big, 1), min(-big, 1))
print(-0 == 0, 0 == -0.0)
