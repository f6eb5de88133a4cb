# bytes comparisons, hashing, and bytes vs str
print(b"a" < b"b", b"ab" < b"b", b"" < b"\x00", b"abc" == bytearray(b"abc"))
print(hash(b"xy") == hash(b"xy"), {b"k": 1}[b"k"], b"a" == "a")
print(sorted([b"b", b"a", b"ab"]))
print(bytes([1, 2]) + bytearray([3]), type(bytes([1]) + bytearray([3])).__name__)
