# list slice assignment and deletion
l = list(range(10))
l[2:5] = ["a"]
print(l)
l[:0] = [-1, -2]
print(l)
l[len(l):] = [99]
print(l)
l[::3] = ["X"] * len(l[::3])
print(l)
try:
    l[::2] = [1]
except ValueError:
    print("ValueError extended slice size")
del l[::2]
print(l)
l[1:1] = "xyz"
print(l)
l[:] = []
print(l)
a = [1, 2, 3]
a[5:10] = [4]
print(a)
a[-100:1] = [0]
print(a)
