# list comparisons and membership
print([1, 2] == [1, 2], [1, 2] == (1, 2), [1, [2]] == [1, [2]])
print([1, 2] < [1, 2, 3], [2] > [1, 9], [] < [0], [1, "a"] == [1, "a"])
print(2 in [1, 2], [2] in [[2]], "a" in ["ab"], None in [None])
nan = float("nan")
l = [nan]
print(nan in l, l == l, l.count(nan))
try:
    [1] < ["a"]
except TypeError:
    print("TypeError")
