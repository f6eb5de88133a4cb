# for loops unpacking dict items and zipped sequences
prices = {"apple": 3, "pear": 5, "fig": 7}
for name, price in prices.items():
    print(name, price)
for i, (k, v) in enumerate(sorted(prices.items())):
    print(i, k, v)
for a, b, c in zip("abc", range(3), [True, False, None]):
    print(a, b, c)
