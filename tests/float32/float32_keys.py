# Floats as dict keys and set members: equal values meet whatever their representation, and
# floats meet the ints they equal (hash(x) == hash(int(x))).
values = [0.0, -0.0, 1.0, 0.5, -2.5, 2.0**-15, 2.0**-16, 2.0**17 - 2.0**-7, 2.0**17, 2.0**17 + 2.0**-6,
          65536.0, 2.0**20, -(2.0**20), 2.0**100, 3.0 * 2.0**-140, float("inf"), -float("inf")]


def computed(x):
    """The same value made by arithmetic, so that a heap-stored float is a different object."""
    return (x * 4.0) / 4.0 if abs(x) < 2.0**120 else x * 1.0


d = {}
for i, x in enumerate(values):
    d[x] = i
print(len(d), len(values))
print([d[computed(x)] for x in values])
print([computed(x) in d for x in values], [x in d for x in values])

# Integers that equal floats find the same entries, both ways.
ints = {0: "zero", 1: "one", 131072: "2**17", 65536: "2**16", 2**20: "2**20", -(2**20): "-2**20", 2**100: "2**100"}
print(ints[0.0], ints[-0.0], ints[1.0], ints[2.0**17], ints[65536.0], ints[2.0**20], ints[-(2.0**20)], ints[2.0**100])
print(d[0], d[1], d[131072], d[65536], d[2**20], d[2**100], d.get(131071, "none"))
print([hash(x) == hash(computed(x)) for x in values])
print([hash(float(n)) == hash(n) for n in (0, 1, -1, 65536, 131071, 131072, 131073, 2**20, -(2**20), 2**24, 2**100)])
print(hash(0.5) == hash(computed(0.5)), hash(2.0**-16) == hash(computed(2.0**-16)))

# Sets and equality across the two kinds.
s = set(values)
s2 = set(computed(x) for x in values)
print(len(s), s == s2, len(s | s2), len(s & s2))
print(sorted(int(x) for x in s if x in (0, 1, 131072, 2**100)))
print(2.0**17 == 131072, 131072 == 2.0**17, 2.0**17 + 2.0**-6 != 131072, 2.0**100 == 2**100)
print([x == computed(x) for x in values], [x != computed(x) for x in values].count(True))
print({1.0: "a", 1: "b", True: "c"}, {2.0**17: 1, 131072: 2}, {0.0: 1, -0.0: 2, 0: 3, False: 4})
print(values.index(computed(2.0**17)), values.count(computed(2.0**100)), (2.0**20) in [2**20])
