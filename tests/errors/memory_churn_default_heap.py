# lots of short-lived allocations in the default heap
total = 0
for i in range(20000):
    s = str(i) * 3
    l = [s, s[::-1]]
    total += len(l[0]) + len(l[1])
print(total)
d = {}
for i in range(5000):
    d[str(i)] = [i] * 3
    if i % 3 == 0:
        del d[str(i)]
print(len(d), sum(v[0] for v in d.values()))
