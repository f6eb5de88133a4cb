# memoryview over bytes and bytearray: slicing without copy, assignment, attributes
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

b = bytearray(b"hello world")
m = memoryview(b)
print(len(m), m[0], m[-1], m.readonly, m.itemsize, m.format, m.nbytes, m.tobytes(), bytes(m[6:]))
s = m[6:11]
s[0] = ord("W")
print(b, s.tobytes(), len(s))
m[0:5] = b"HELLO"
print(b)
print(m[::2].tobytes(), m[::-1].tobytes(), m[1:8:3].tolist())
check(lambda: m.__setitem__(0, 256))
check(lambda: m.__setitem__(0, "a"))
check(lambda: m.__setitem__(slice(0, 2), b"abc"))
check(lambda: m[20])
r = memoryview(b"abc")
print(r.readonly, r.tolist(), r[1:].tobytes(), r == b"abc", r == b"abd", r.hex())
check(lambda: r.__setitem__(0, 1))
check(lambda: memoryview(5))
check(lambda: memoryview("str"))
print(bytes(memoryview(b"xyz")[1:]), bytearray(memoryview(b"12")), list(memoryview(b"ab")))
n = memoryview(b)[2:4]
b[2] = ord("Z")
print(n.tobytes())
with memoryview(b"q") as q:
    print(q[0])
