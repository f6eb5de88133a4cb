# dicts keep insertion order through updates and deletions
d = {}
for k in "zyxwvu":
    d[k] = ord(k)
print(list(d))
del d["x"]
d["x"] = 0
print(list(d))
d["z"] = "updated"
print(list(d.items())[0])
big = {i: i * i for i in range(100, 0, -7)}
print(list(big)[:5], list(big)[-3:])
for k in list(big):
    if k % 2:
        del big[k]
print(list(big))
big.update({1000: 1, 14: "replaced"})
print(list(big.items())[-3:])
