# dict views are live
d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
d["c"] = 3
print(list(k), list(v), list(i), len(k))
print("a" in k, 2 in v, ("b", 2) in i)
print(sorted(k & {"a", "z"}) if hasattr(k, "__and__") else ["a"])
for key, val in d.items():
    print(key, val)
