# del of names, items, slices, attributes
x = 1
del x
try:
    x
except NameError:
    print("NameError")
l = list(range(8))
del l[0]
del l[-1]
print(l)
del l[1:3]
print(l)
del l[::2]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class O: pass
o = O()
o.z = 1
del o.z
print(hasattr(o, "z"))
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
def f():
    y = 1
    del y
    try:
        return y
    except NameError:
        return "local NameError"
print(f())
