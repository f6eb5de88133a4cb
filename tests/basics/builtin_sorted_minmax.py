# sorted/min/max with keys, defaults and mixed inputs
data = ["bb", "a", "ccc", "dd"]
print(sorted(data, key=len), sorted(data, key=len, reverse=True), min(data, key=len), max(data, key=len))
print(min([], default=0), max((), default=None), min(3, 1, 2), max("abc", "abd"))
print(sorted(range(5), key=lambda x: (x % 2, -x)))
try:
    min([])
except ValueError:
    print("ValueError")
print(sorted({3: "a", 1: "b"}.items()), sorted("bca", reverse=True))
