# iterators are exhausted, iterables are not
l = [1, 2, 3]
print(list(l), list(l))
g = (x for x in l)
print(list(g), list(g))
r = range(3)
print(list(r), list(r))
d = {"a": 1}
k = iter(d)
print(list(k), list(k))
z = zip([1, 2], [3, 4])
print(list(z), list(z))
print(sum(x for x in l), max(iter(l)), sorted(reversed(l)))
