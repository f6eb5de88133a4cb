# set and frozenset: every method and operator, printing order of ints as CPython
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, repr(e))

s = {3, 1, 2}
print(s, set(), set("a"), set([5, 1, 5]), set(range(10)), frozenset(), frozenset([2, 1]))
s.add(10)
s.add(1)
s.discard(2)
s.discard(99)
s.remove(3)
print(s, len(s), 1 in s, 2 in s)
check(lambda: s.remove(99))
check(lambda: set().pop())
check(lambda: {[1]})
check(lambda: s.add({1}))
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection(b, {4}), a.difference(b, [1]), a.symmetric_difference([5, 6]))
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
print(a <= a, a < a, {1} < a, a >= {1, 2}, a > a, a == {4, 3, 2, 1}, a != b, {1} == frozenset({1}))
c = a.copy()
c |= {7}
c &= {1, 2, 7}
c -= {2}
c ^= {1, 8}
print(c, a)
c.update([20], (21,))
c.intersection_update({7, 8, 20, 21, 99})
c.difference_update([8])
c.symmetric_difference_update({7, 30})
print(c)
print(c.pop(), c)
c.clear()
print(c)
check(lambda: {1} | [2])
check(lambda: {1} < [2])
f = frozenset([1, 2, 3])
print(f | {4}, {4} | f, f & {1}, f - {1}, type(f | {4}).__name__, type({4} | f).__name__)
g = f
g |= {9}
print(g, f, g is f)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), {frozenset([1]): "x"}[frozenset([1])])
print({1} in {frozenset([1])}, frozenset([1]) in [{1}])
check(lambda: hash({1}))
check(lambda: f.add(1))
nums = set()
for i in range(100):
    nums.add((i * 37) % 101)
print(nums)
for i in range(0, 100, 2):
    nums.discard(i)
print(nums)
neg = {-1, -2, -3, 0, 1, 2}
print(neg, {-5, 5, 13, -13, 100, -100})
print(set([1, 1.0, True]), {0, False, 0.0})
def mutate():
    x = {1, 2}
    for i in x:
        x.add(i + 10)
check(mutate)
print(sorted({"b", "a", "c"}), len({"x", "y"}))
