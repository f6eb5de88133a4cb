# dict: construction, order, methods, views, operators, errors
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, repr(e))

d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 4
print(d, len(d), list(d), d["a"])
del d["a"]
d["a"] = 5
print(d)
print(dict(), dict(x=1, y=2), dict([(1, 2), [3, 4]]), dict({1: 2}, z=3), dict(zip("ab", range(2))))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
check(lambda: d["zz"])
check(lambda: d[[1]])
check(lambda: dict([(1, 2, 3)]))
check(lambda: dict([1]))
check(lambda: dict(1, 2))
print(d.get("a"), d.get("zz"), d.get("zz", 0))
print(d.setdefault("a", 9), d.setdefault("n", 9), d)
print(d.pop("n"), d.pop("zz", "dflt"))
check(lambda: d.pop("zz"))
print(d.popitem(), d)
check(lambda: {}.popitem())
e = d.copy()
e.update({"q": 1}, w=2)
e.update([("r", 3)])
e.update(s=4)
print(e, d)
e.clear()
print(e, len(e))
print(d.keys(), d.values(), d.items())
print("a" in d, "zz" in d, "a" in d.keys(), 5 in d.values(), ("a", 5) in d.items(), ("a", 6) in d.items())
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {})
print({1: "a"} | {2: "b"}, {1: "a", 2: "c"} | {2: "b"})
f = {1: "a"}
f |= {2: "b"}
f |= [(3, "c")]
print(f)
k = {1: 1, 2: 2, 3: 3}.keys()
print(sorted(k & {2, 3, 4}), sorted(k | {9}), sorted(k - {1}), sorted(k ^ {1, 7}), k == {1, 2, 3}, k <= {1, 2, 3, 4})
print(sorted({1: 1, 2: 2}.items() & {(1, 1), (2, 3)}))
print(list(reversed({1: 1, 2: 2, 3: 3})), list(reversed({1: 1, 2: 2}.items())))
def mutate():
    x = {1: 1, 2: 2}
    for key in x:
        x[key + 10] = 0
check(mutate)
print({1: 1, 1.0: 2, True: 3}, {0: "a", False: "b", 0.0: "c"})
print({(1, 2): 3}[(1, 2)], {"": 0, None: 1, 1.5: 2})
r = {}
r["self"] = r
print(r, str(r))
v = {}
v[1] = v.values()
print(v)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 3):
    del big[i]
print(len(big), big[1], big[998], sum(big), list(big)[:5])
print(dict(sorted({"b": 1, "a": 2}.items())))
print({1: [1, 2], 2: {3: 4}}, {"k": (1,)})
