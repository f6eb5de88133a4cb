# bytearray
ba = bytearray(b"abc")
print(ba, len(ba), ba[0])
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
print(ba)
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
print(ba, bytes(ba), ba.decode())
print(bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"))
ba2 = bytearray(b"xy") + b"z"
print(ba2, type(ba2).__name__, ba2 == b"xyz")
try:
    ba[0] = 300
except ValueError:
    print("ValueError")
print(ba.pop(), ba)
ba.insert(0, 33)
print(ba, ba.find(b"Z"), list(ba[::2]))
