# dict operations
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], "a" in d, "z" not in d)
print(d.get("z"), d.get("z", 0), d.get("a"))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d, d.pop("zz", "dflt"))
print(d.setdefault("a", 9), d.setdefault("n", 9), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(d.popitem(), d)
e = d.copy()
e.clear()
print(d, e, dict(), dict(a=1), dict([(1, 2)]), dict({"k": "v"}, k2="v2"))
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e.args)
try:
    {}.popitem()
except KeyError:
    print("KeyError popitem")
print({1: "a"} == {1: "a"}, {1: 2} != {1: 3})
