# str comparisons and dict keys
a = "abc"
b = "".join(["a", "b", "c"])
print(a == b, a is not None, {a: 1}[b], hash(a) == hash(b))
print(sorted(["b", "B", "a", "é", "aa", ""]))
print("abc" < "abcd", "b" > "abcd", max("hello"), min("hello"))
try:
    "a" < 1
except TypeError:
    print("TypeError")
print("1" == 1, "a" != "b")
