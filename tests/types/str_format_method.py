# str.format
print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0}{0}".format("ab"), "{:>5}|{:<5}|{:^5}|".format("a", "b", "c"))
print("{!r} {!s}".format("q", "q"), "{:*>6}".format("x"), "{:.3}".format("abcdef"))
print("{0[1]} {1[k]}".format([5, 6], {"k": "v"}))
class P:
    a = 7
print("{0.a}".format(P()))
print("{{}} {}".format("x"))
try:
    "{} {}".format(1)
except IndexError:
    print("IndexError")
try:
    "{x}".format()
except KeyError:
    print("KeyError")
