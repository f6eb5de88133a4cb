# del of an array's extended slice with a negative step removes exactly the chosen items
# (it removed the wrong ones, then moved memory by a negative size; found by tools/fuzz.py)
import array

for step in [-1, -2, -3, -5, 2, 3]:
    for start in [None, 0, 1, 4, -1, -3]:
        a = array.array("i", range(8))
        del a[start::step]
        l = list(range(8))
        del l[start::step]
        print(step, start, list(a), list(a) == l)
b = array.array("b", b"hello world")
del b[::-1]
print(b)
