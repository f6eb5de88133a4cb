# assignment to subscripts, slices and attributes
l = list(range(6))
l[0] = "a"
l[-1] = "z"
print(l)
l[1:3] = [10, 20, 30]
print(l)
l[::2] = [0] * len(l[::2])
print(l)
d = {}
d[1, 2] = "tuple key"
print(d)
class O: pass
o = O()
o.attr = 1
o.attr2 = o
print(o.attr, o.attr2.attr)
