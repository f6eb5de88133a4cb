# bytes and bytearray with user classes, memoryview and big repeat counts
class B:
    def __bytes__(self):
        return b"from B"

class Bad:
    def __bytes__(self):
        return "str"

print(bytes(B()))
try:
    bytes(Bad())
except TypeError as e:
    print("TypeError", e)

class MyBytes(bytes):
    pass

mb = MyBytes(b"abc")
print(mb, len(mb), mb.upper(), mb + b"d", b"x" + mb, mb == b"abc", bytes(mb), mb[1], b"-".join([mb, b"z"]))
m = memoryview(b"hello")
print(bytes(m), bytearray(m), b"he" + m[:2], b"hello" == m)
ba = bytearray(b"xyz")
mv = memoryview(ba)
ba[0] = 65
print(bytes(mv), ba.hex(), bytes.fromhex(ba.hex()))
for bad in [lambda: "a" * (2 ** 100), lambda: b"a" * 1.5, lambda: "ab" * "c"]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(b"abc" * 0, b"" * 5, "x" * True, "%s" % b"q", str(b"\x00\xff"))
print(bytes(10), bytearray(b"a") * 3, list(bytes(b"\x01\x02")), b"a b\tc\nd".split(), b"  x  ".strip())
print(b"%s and %d" % (b"x", 7), b"%5s|%-5s|" % (b"ab", b"cd"), b"%x" % 255, b"%c" % 97)
