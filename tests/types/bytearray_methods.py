# bytearray mutation methods
ba = bytearray(b"hello")
ba.reverse() if hasattr(ba, "reverse") else None
print(ba)
ba = bytearray(b"hello")
ba += b" world"
print(ba, len(ba))
ba.remove(ord("o"))
print(ba)
ba[0:5] = b"HEL"
print(ba)
print(ba.upper() if hasattr(ba, "upper") else ba, ba.count(b"l"), ba.index(b"w"))
ba.clear()
print(ba, len(ba))
ba.extend(range(3))
print(ba, ba * 2)
ba2 = bytearray(5)
ba2[1:3] = bytearray(b"xy")
print(ba2, ba2 == b"\x00xy\x00\x00")
