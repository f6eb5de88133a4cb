# set update methods and comparisons
s = {1, 2, 3, 4}
s.difference_update({1})
print(sorted(s))
s.intersection_update({2, 3, 9})
print(sorted(s))
s.symmetric_difference_update({3, 7})
print(sorted(s))
print({1}.issuperset(set()), set().issubset({1}), {1, 2} > {1}, {1} > {1}, {1} >= {1})
c = s.copy()
c.add(100)
print(sorted(s), sorted(c))
print(sorted(set(range(5)) - {0, 4}), sorted({x * x for x in range(-3, 4)}))
