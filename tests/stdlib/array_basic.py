from array import array

for code in "bBhHiIlLqQfd":
    a = array(code, [1, 2, 3])
    print(a, a.typecode, a.itemsize == array(code).itemsize, len(a), list(a), a[0], a[-1], sum(a))
a = array("i")
print(a, len(a), bool(a))
a.append(5)
a.extend([6, 7])
a.extend(array("i", [8]))
a.insert(0, 4)
a.insert(-1, 100)
print(a, a.pop(), a.pop(0), a, a.index(100), a.count(5))
a.remove(100)
a.reverse()
print(a, a[1:], a[::-1], a[::2], 6 in a, 9 in a)
a[0] = -1
a[1:2] = array("i", [10, 11, 12])
print(a)
del a[0]
del a[1:3]
print(a, a.tolist())
b = array("b", b"\x01\x02\xff")
print(b, b.tobytes(), bytes(array("H", [1, 258])) == array("H", [1, 258]).tobytes())
b.frombytes(b"\x05")
b.fromlist([6, 7])
print(b, array("d", [1, 2.5]), array("f", [0.1]), array("i", [1, 2]) + array("i", [3]), array("i", [1, 2]) * 2)
c = array("h", [1, 2])
c += array("h", [3])
c *= 2
print(c, c == array("h", [1, 2, 3, 1, 2, 3]), array("i", [1, 2]) == array("d", [1, 2]), array("i", [1]) < array("i", [2]))
m = memoryview(array("B", [1, 2, 3]))
print(len(m), m[1], list(m))
s = array("H", [1, 2])
s.byteswap()
print(s)
for code, v in (("b", 200), ("b", -200), ("B", -1), ("B", 256), ("h", 40000), ("H", -1), ("i", 2**40), ("I", 2**40)):
    try:
        array(code, [v])
    except OverflowError as e:
        print(code, v, "OverflowError", e)
for bad in (lambda: array("i", [1.0]), lambda: array("d", ["a"]), lambda: array("z"), lambda: array(1),
            lambda: array("i", [1]).extend(array("b")), lambda: array("i", [1])[5], lambda: array("i").pop(),
            lambda: array("i", b"abc"), lambda: array("i", [1, 2]).index(5), lambda: array("i", "ab"),
            lambda: array("i", [1]) + array("b"), lambda: array("i").fromlist((1,))):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
