# print with sep, end, and several arguments
print()
print(1, 2, 3)
print(1, 2, 3, sep="-")
print("a", "b", sep="")
print("no newline", end="")
print(" continued")
print("x", end="!\n")
print(*[1, 2, 3], sep=", ")
print("", "")
print(None, True, 1.5, [1, "a"], (1,), {"k": [None]})
import sys
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
