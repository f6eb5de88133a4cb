# list methods: append extend insert pop remove clear copy count index reverse sort
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

l = []
l.append(1)
l.extend([2, 3])
l.extend(range(4, 6))
l.extend("ab")
l.extend(l)
print(l)
l.insert(0, "first")
l.insert(-1, "before-last")
l.insert(100, "last")
l.insert(-100, "very first")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
check(lambda: [].pop())
check(lambda: [1].pop(5))
l.remove("a")
print(l)
check(lambda: l.remove("zzz"))
print(l.count(1), l.count("b"), l.count(99))
print(l.index(2), l.index(2, 3), l.index("b", -3))
check(lambda: l.index(2, 3, 4))
check(lambda: l.index(99))
c = l.copy()
c.reverse()
print(c, l)
c.clear()
print(c, len(c))
n = [5, 2, 8, 1, 9, 3]
n.sort()
print(n)
n.sort(reverse=True)
print(n)
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(pairs), sorted("hello"), sorted({3: 1, 1: 2}), sorted([], reverse=True))
big = [(i * 7919) % 1009 for i in range(2000)]
s = sorted(big)
print(s[:5], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
check(lambda: [1, "a", 2].sort())
check(lambda: [3, 1].sort(1))
check(lambda: [3, 1].sort(key=1))
m = [3, 1, "x", 2]
try:
    m.sort()
except TypeError:
    pass
print(sorted(m, key=str))
def bad_key(x):
    if x == 2:
        raise ValueError("no 2")
    return x
k = [3, 2, 1]
check(lambda: k.sort(key=bad_key))
print(k)
class Meddle:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        victim.append(1)
        return self.v < other.v
victim = [Meddle(2), Meddle(1)]
check(lambda: victim.sort())
print(len(victim))
print([1, 2, 3].sort(), [3, 2].reverse())
