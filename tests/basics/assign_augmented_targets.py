# augmented assignment to names, attributes, subscripts, slices
class C:
    pass
c = C()
c.x = 1
c.x += 5
print(c.x)
d = {"k": 10}
d["k"] -= 3
print(d)
l = [1, 2, 3]
l[1] *= 10
print(l)
l += [4]
print(l)
s = "ab"
s *= 3
print(s)
t = (1,)
t += (2,)
print(t)
calls = []
def idx():
    calls.append(1)
    return 0
l[idx()] += 100
print(l, len(calls))
