# subclasses of built-in types
class L(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = "e"
    def first(self):
        return self[0]
l = L([3, 1, 2])
l.sort()
print(l, l.first(), l.extra, len(l), l + [4], [0] + l, 2 * l, isinstance(l, list), type(l).__name__)
print(sum(l), sorted(l, reverse=True), 3 in l, list(reversed(l)), l == [1, 2, 3], bool(L()))

class Dd(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
d = Dd()
d["ABC"] = 1
print(d["abc"], d["AbC"], list(d.keys()), len(d), "abc" in d)

class Cnt(dict):
    def __missing__(self, k):
        self[k] = 0
        return 0
c = Cnt()
for ch in "hello":
    c[ch] = c[ch] + 1
print(sorted(c.items()))

class I(int):
    def __str__(self):
        return "I<%d>" % int(self)
i = I(5)
print(i + 1, i * 2, str(i), repr(int(i)), i == 5, hash(i) == hash(5), isinstance(i, int), -i, i < 10)

class Str(str):
    def shout(self):
        return self.upper() + "!"
s = Str("hey")
print(s.shout(), s + "x", len(s), s[0], s == "hey", "e" in s)

class Tup(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def swap(self):
        return Tup(self[1], self[0])
t = Tup(1, 2)
print(t, t.swap(), len(t), t[0], isinstance(t, tuple), t == (1, 2))

class MyErr(ValueError):
    pass
class CodeErr(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code
    def __str__(self):
        return "code %d" % self.code
try:
    raise MyErr("bad value")
except ValueError as e:
    print(type(e).__name__, e, e.args, repr(e), isinstance(e, Exception))
try:
    raise CodeErr("m", 3)
except CodeErr as e:
    print(e, e.code, e.args)
try:
    try:
        raise MyErr("inner")
    except MyErr as e:
        raise CodeErr("outer", 9)
except Exception as e:
    print(type(e).__name__, e)
class Quiet(Exception):
    def __init__(self):
        pass
try:
    raise Quiet()
except Quiet as e:
    print(repr(e), e.args)
class L(list): pass
l = L([1])
l += [2]
print(type(l).__name__, l, 1 in l, l * 2, [0] + l, l + l, l[::-1], l == [1, 2], l < [5])
class S(set): pass
s = S([1]); s |= {2}; print(type(s).__name__, sorted(s))
