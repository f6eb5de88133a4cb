# large lists: growth, slicing, sorting
l = []
for i in range(10000):
    l.append(i * 7 % 10007)
print(len(l), l[:5], l[-5:], sum(l))
l.sort()
print(l[:3], l[-3:])
print(len(l[::3]), l[5000], l.index(l[5000]))
del l[100:9900]
print(len(l), l[99], l[100])
r = list(range(100000))
print(len(r), r[-1], sum(r[::1000]))
