# subclasses of list, dict, set and tuple reaching the built-in methods; deep nesting
class L(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
    def total(self):
        return sum(self)
l = L([3, 1, 2])
l.append(5)
l.sort(reverse=True)
l.extend([0])
print(l, len(l), l.total(), l[0], l[1:], isinstance(l, list), l.extra, list(reversed(l)), 5 in l)
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
d = D(a=1)
d["b"] = 2
d.update(c=3)
print(d, d.get("b"), list(d.keys()), len(d), "a" in d, sorted(d.items()))
class S(set):
    def add_twice(self, x):
        self.add(x)
        self.add(x)
s = S([3, 1])
s.add_twice(2)
print(sorted(s), len(s), 2 in s, s | {9} == {1, 2, 3, 9})
class T(tuple):
    def first(self):
        return self[0]
t = T((5, 6))
print(t, t.first(), len(t), t + (7,), hash(t) == hash((5, 6)), t == (5, 6))
x = [1, 2, 3]
print(x.__len__(), x.__getitem__(1), x.__contains__(2), list.__getitem__(x, 0), dict.__getitem__({1: 2}, 1))
x.__setitem__(0, 9)
x.__delitem__(1)
print(x, tuple.__len__((1, 2)))
deep = []
for i in range(800):
    deep = [deep, i]
print(len(repr(deep)), deep == deep, deep < [deep])
very = []
for i in range(20000):
    very = [very]
for op in (repr, lambda v: v == [very], hash):
    try:
        op(very)
        print("no error")
    except RecursionError:
        print("RecursionError")
    except TypeError:
        print("TypeError")
print("still running", len([1, [2, [3]]]))
