# dict growing and shrinking with many keys
d = {}
for i in range(1000):
    d[i] = i * 2
print(len(d), d[999], sum(d.values()))
for i in range(0, 1000, 2):
    del d[i]
print(len(d), d[1], 2 in d)
for i in range(1000, 1200):
    d["s" + str(i)] = i
print(len(d), d["s1100"], list(d)[:3], list(d)[-1])
