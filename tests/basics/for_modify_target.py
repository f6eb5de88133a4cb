# for target can be any assignable
class O: pass
o = O()
for o.x in range(2):
    print(o.x)
l = [0, 0, 0]
for l[1] in "ab":
    print(l)
d = {}
for d["k"], d["v"] in [(1, 2)]:
    pass
print(d)
