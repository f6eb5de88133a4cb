# keys of many types
d = {1: "int", "1": "str", 1.5: "float", (1, 2): "tuple", None: "none", b"1": "bytes", frozenset([1]): "fs"}
print(d[1], d["1"], d[1.5], d[(1, 2)], d[None], d[b"1"], d[frozenset([1])])
print(d[1.0], d[True])
d[2 ** 70] = "big"
print(d[2 ** 70])
try:
    d[[1]] = 1
except TypeError:
    print("TypeError list key")
try:
    d[{}] = 1
except TypeError:
    print("TypeError dict key")
