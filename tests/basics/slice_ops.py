# slicing with all combinations
s = "abcdefgh"
l = list(range(10))
print(s[2:5], s[:3], s[5:], s[:], s[::2], s[1::3], s[::-1], s[-3:], s[:-3])
print(l[8:2:-2], l[-1:-4:-1], l[100:], l[-100:2], l[3:3])
t = tuple(l)
print(t[1:4], t[::-3])
b = b"bytes"
print(b[1:3], b[::-1])
sl = slice(1, 7, 2)
print(l[sl], s[sl])
print(sl.start, sl.stop, sl.step)
print(l[slice(3)], l[slice(None, None, -1)][:2])
class Getter:
    def __getitem__(self, k):
        return k
g = Getter()
print(g[1:2], g[::3], g[1:2, 3], g[...], g[:, 1])
