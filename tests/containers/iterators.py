# enumerate, zip, map, filter, reversed, iter(callable, sentinel), __getitem__ iteration
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

print(list(enumerate("abc")), list(enumerate([1, 2], start=10)), list(enumerate([], 5)), list(enumerate("ab", -1)))
e = enumerate("xy")
print(next(e), next(e))
check(lambda: next(e))
check(lambda: enumerate(5))
print(list(zip()), list(zip("abc", range(10))), list(zip([1], [2], [3])), dict(zip("ab", "cd")))
print(list(zip("ab", "cd", strict=True)))
check(lambda: list(zip("ab", "c", strict=True)))
check(lambda: list(zip("a", "cd", strict=True)))
check(lambda: list(zip("ab", "ab", "a", strict=True)))
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(lambda *a: sum(a), [1, 2], [3], [4, 5])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(7))))
check(lambda: list(map(None, [1])))
check(lambda: map(len))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))), list(reversed({1: 2, 3: 4})))
check(lambda: reversed({1, 2}))
check(lambda: reversed(5))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(reversed(Seq())), list(Seq()), 20 in Seq(), 5 in Seq())
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))
class OnlyGet:
    def __getitem__(self, i):
        if i > 4:
            raise StopIteration
        return i
print(list(OnlyGet()), list(iter(OnlyGet())))
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 4)))
check(lambda: iter(5, 1))
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
print(list(zip(*[(1, 2), (3, 4)])), [(i, j) for i, j in zip(range(3), "abc")])
m = map(lambda x: x * 2, range(3))
print(iter(m) is m, list(m), list(m))
