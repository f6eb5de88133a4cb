# str and bytes with user classes, dicts, f-strings and iteration
class P:
    def __init__(self, x):
        self.x = x
    def __str__(self):
        return "P(%d)" % self.x
    def __repr__(self):
        return "<P %d>" % self.x
    def __format__(self, spec):
        return "P:" + spec

p = P(3)
print(str(p), repr(p), "%s|%r" % (p, p), "{}|{!r}|{!s}|{:xyz}".format(p, p, p, p))
print(f"{p}", f"{p!r}", f"{p:abc}", f"{p.x:>4}", f"{p.x*2=}" if False else "")
print(format(p, "q"), format(p))

class NoFormat:
    def __str__(self):
        return "nf"
print("{}".format(NoFormat()), f"{NoFormat()}")
try:
    "{:x}".format(NoFormat())
except TypeError as e:
    print("TypeError", e)

class BadFormat:
    def __format__(self, spec):
        return 42
try:
    "{}".format(BadFormat())
except TypeError as e:
    print("TypeError", e)

class MyStr(str):
    def shout(self):
        return self.upper() + "!"
s = MyStr("hello")
print(s, len(s), s.shout(), s + " there", "x" + s, s == "hello", "hello" == s, s[1:3], s.split("l"))
print(isinstance(s, str), "-".join([s, "a"]), "ell" in s, s.startswith(MyStr("he")), "%s" % s)
print({"hello": 1}[s] if hash(s) == hash("hello") else "hash differs")

# heap strs and interned strs meet in dicts
d = {}
name = "".join(["ke", "y"])
d["key"] = 1
d[name] += 1
print(d, name == "key", name is not None, hash(name) == hash("key"))
words = "the quick brown fox jumps over the lazy dog the end".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))
print(sorted(["b", "é", "a", "B", "ab", ""]))
print(max("hello"), min("hello"), sorted("hello"), list(reversed("abc")))

# iteration and unpacking
a, b, c = "xyz"
print(a, b, c, [ch for ch in "héllo"], [x for x in b"hi"], tuple("ab"), set("aab") == {"a", "b"})
for i, ch in enumerate("ab\u20ac"):
    print(i, ch, ord(ch))
print(list(map(str.upper, ["a", "b"])), str.join(",", "ab"), str.lower("ABC"))
print(len("\U0001F600"), "\U0001F600".encode(), b"\xf0\x9f\x98\x80".decode() == "\U0001F600")
print(repr("\U0001F600"), repr("\U000E0001"))

# conversions
print(str(123), str(-1.5), str(True), str(None), str([1, "a"]), str((1,)), str({"a": b"b"}))
print(repr(str), str(b"abc"), str(bytearray(b"x")), bytes(range(5)), bytes((65, 66)))
print(int("42"), float("1.5"), "42".isdigit(), "x".join(str(i) for i in range(4)))
print("a" "b" 'c', """tri
ple""", r"\n", b"\x00" * 3, "-" * 10)
s = "abc"
s += "def"
s *= 2
print(s, s.count("abc"), s[::-1], s[-2:], s[100:], s[:-100])
print("%d%%" % 50, "%s" % (1,), "%(x)s" % {"x": [1]}, "%-4s|" % "a", "%.2f" % 2.675, "%e" % 0.0)
print("{0}{1}{0}".format("a", "b"), "{:,.2f}".format(1234567.891), "{:+08.2f}".format(-3.14159), "{:^7}".format("é"))
print(f"{'nested'!r}", f"{3+4}", f"{{literal}}", f"{'%d' % 5:>3}", f"{1234567:_}", f"{0.5:.0%}", f"{255:#06x}")
width = 10
prec = 3
print(f"{3.14159:{width}.{prec}f}|", f"{'x':{'>'}{width}}|")
