# str basics
s = "Hello"
print(s, len(s), s[0], s[-1], s[1:3], s * 2, s + "!", "ell" in s, "z" not in s)
print(s == "Hello", s < "World", "a" < "b", "abc" < "abd", "" < "a", "Z" < "a")
print(str(5), str([1]), str(None), repr("q'uote"), repr('d"q'), repr("both'\""))
print(ord("A"), chr(97), chr(0x4e2d), ord("é"))
for c in "ab":
    print(c)
try:
    s[10]
except IndexError:
    print("IndexError")
try:
    s[0] = "h"
except TypeError:
    print("TypeError immutable")
print(list("abc"), "".join(["x", "y"]), str(), repr(""))
