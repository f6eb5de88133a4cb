# list: construction, indexing, slicing with steps, slice assignment and deletion, operators
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

l = list(range(10))
print(l[::2], l[1::3], l[::-1], l[-3:], l[:-7:-2], l[100:], l[-100:2])
print(l[2:8:-1], l[8:2:-2], l[::-3])
l[::2] = "abcde"
print(l)
l[1:4] = []
print(l)
l[0:0] = [100, 200]
print(l)
l[len(l):] = (7, 8)
print(l)
del l[::3]
print(l)
del l[-2:]
print(l)
l[1:1] = l
print(l)
l = [0, 1, 2, 3, 4, 5]
l[5:1:-2] = ["x", "y"]
print(l)
del l[5:0:-2]
print(l)
check(lambda: l.__setitem__(slice(None, None, 2), [1]))
check(lambda: [1, 2][5])
check(lambda: [1, 2]["a"])
def f(): l[10] = 1
check(f)
def g(): del l[10]
check(g)
check(lambda: l.__setitem__(slice(1, 2), 5))
print([1, 2] + [3], [1, 2] * 2, 2 * [0], [1] * -1, [] * 5)
a = [1, 2]
b = a
a += (3, 4)
a *= 2
print(a, b, a is b)
print([1, 2] < [1, 2, 3], [1, 3] > [1, 2, 9], [1, 2] == [1, 2], [1, 2] != [1, 2], [] < [0], [2] <= [2])
print(3 in [1, 2, 3], 4 not in [1, 2, 3], [1] in [[1], 2])
print(list("abc"), list((1, 2)), list({1: 2, 3: 4}), list(range(3)), list())
check(lambda: list(5))
check(lambda: [1] + (2,))
check(lambda: [1] < 1)
check(lambda: [1] * 1.5)
print(bool([]), bool([0]), len([1, 2, 3]))
print([[1, 2], [3]], [None, True, 1.5, "s", b"b"])
x = [1, 2]
x.append(x)
print(x, str(x))
y = [x, x]
print(y)
