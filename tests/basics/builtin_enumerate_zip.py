# enumerate and zip in detail
print(list(enumerate([])), list(enumerate("ab", -1)), list(enumerate(range(3), start=10)))
print(list(zip()), list(zip([1])), list(zip([1, 2], "abc", (True, False, None))))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
m = dict(zip(range(3), "abc"))
print(m)
