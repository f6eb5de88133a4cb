# iterating dicts in several ways
d = {"one": 1, "two": 2, "three": 3}
print([k for k in d], [v for v in d.values()], [kv for kv in d.items()])
print(list(zip(d.keys(), d.values())))
print(sorted(d, key=d.get), max(d, key=lambda k: d[k]))
inverted = {v: k for k, v in d.items()}
print(inverted)
print(len(d), bool({}), bool(d), list(reversed(list(d))))
