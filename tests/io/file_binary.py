# binary files: round trip, readinto, seek/tell, append, r+
P = "/tmp/espy_test_file_binary.bin"
with open(P, "wb") as f:
    print(f.write(b"0123456789"), f.write(bytearray(b"\x00\xff\r\n")))
    print(f.tell(), f.mode)
with open(P, "rb") as f:
    print(f.read(), f.mode)
    print(f.seek(0), f.read(3), f.tell())
    print(f.seek(-2, 2), f.read(), f.tell())
    print(f.seek(4), f.seek(2, 1), f.read(2))
    b = bytearray(5)
    f.seek(0)
    print(f.readinto(b), b)
    print(f.readline(), f.readline(), f.readline())
with open(P, "ab") as f:
    print(f.mode, f.write(b"END"))
with open(P, "rb") as f:
    print(f.read())
with open(P, "r+b") as f:
    print(f.mode, f.read(2), f.write(b"ZZ"), f.tell())
    f.seek(0)
    print(f.read())
with open(P, "a") as f:
    print(f.write("txt"), f.mode)
with open(P, "rb") as f:
    print(f.read())
try:
    open(P).read()
except UnicodeError:
    print("UnicodeError")
with open(P, "wb") as f:
    f.write(b"0123456789")
with open(P, "r+") as f:
    print(f.read(4))
    f.seek(0)
    f.write("Q")
    f.seek(0)
    print(repr(f.readline()))
try:
    open(P, "rb").write(b"x")
except OSError:
    print("OSError not writable")
try:
    import os
    os.remove(P)
except ImportError:
    pass
