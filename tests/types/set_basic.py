# set operations
s = {3, 1, 2}
print(sorted(s), len(s), 1 in s, 9 not in s)
s.add(4); s.add(1); s.discard(9); s.remove(3)
print(sorted(s))
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(b), a.isdisjoint({7}), a == {3, 2, 1})
c = set(a)
c |= {10}; c &= {1, 10}; print(sorted(c))
c -= {1}; c ^= {5}; print(sorted(c))
print(set(), sorted(set("hello")), sorted(set([1, 1, 2])))
try:
    set().remove(1)
except KeyError:
    print("KeyError")
try:
    set().pop()
except KeyError:
    print("KeyError pop")
e = {7}
print(e.pop(), e)
f = {1, 2}
f.update([3], {4})
f.clear()
print(f, len(f))
