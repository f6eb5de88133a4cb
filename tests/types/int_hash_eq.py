# equal numbers hash equal and act as the same dict key
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(-0.0) == hash(False))
big = 2 ** 100
print(hash(big) == hash(2 ** 100), hash(-1) == hash(-1))
d = {}
for k in (1, 1.0, True, 2, 2.0, big):
    d[k] = d.get(k, 0) + 1
print(d)
