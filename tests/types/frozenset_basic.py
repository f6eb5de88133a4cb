# frozenset
f = frozenset([1, 2, 3])
print(sorted(f), len(f), 2 in f, type(f).__name__)
print(sorted(f | {4}), sorted(f & {1, 9}), type(f | {4}).__name__)
print(f == {1, 2, 3}, hash(f) == hash(frozenset([3, 2, 1])))
d = {f: "frozen key"}
print(d[frozenset([1, 2, 3])])
try:
    f.add(4)
except AttributeError:
    print("AttributeError")
print(frozenset(), sorted({frozenset([1]), frozenset([1])}, key=len))
