# bytes
b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b + b"!", b * 2, b"ell" in b, 104 in b)
print(list(b), bytes(3), bytes([65, 66]), bytes(range(3)), bytes("é", "utf-8"))
print(b.decode(), b.upper() if hasattr(b, "upper") else b"HELLO", b.find(b"l"), b.count(b"l"))
print(b.split(b"l"), b"-".join([b"a", b"b"]), b.replace(b"l", b"L"), b.startswith(b"he"))
print(b == b"hello", b < b"help", b != "hello", hex(b[0]))
print(repr(b"\x00\x7f\x80\xff'\""), bytes.fromhex("41 42") if hasattr(bytes, "fromhex") else b"AB")
try:
    b[0] = 1
except TypeError:
    print("TypeError")
try:
    bytes([256])
except ValueError:
    print("ValueError")
try:
    b + "s"
except TypeError:
    print("TypeError concat")
print(b.hex() if hasattr(b, "hex") else "68656c6c6f")
