# timeout: 120
# Patterns that explode a backtracking matcher must not crash or recurse in C.
import re

print(re.match(r"(a|aa)*c", "a" * 25 + "c") is not None)
print(re.match(r"(?:a*)*b", "a" * 22) is None)
print(re.match("(" * 50 + "a" + ")" * 50, "a").group(0))
print(len(re.match(r"(a|b)*", "ab" * 20000).group(0)))
print(len(re.sub("a", "bb", "a" * 100000)))
print(len(re.findall(r"\w+", "word " * 10000)))
try:
    re.compile("(" * 100000 + ")" * 100000)
    print("compiled")
except (RecursionError, RuntimeError, MemoryError, re.error):
    print("refused")
