# reads that cross the read buffer: \r\n split over chunks, tell() after partial reads
P = "/tmp/espy_test_file_large.txt"
with open(P, "wb") as f:
    for i in range(300):
        f.write(b"line %d \xc3\xa9\r\n" % i if i % 3 else b"x" * (i % 7) + b"\r")
with open(P) as f:
    lines = f.readlines()
print(len(lines), lines[:4], lines[-2:])
with open(P, "rb") as f:
    f.readline()
    print(f.tell(), f.read(5), f.tell())
    b = bytearray(300)
    print(f.readinto(b), f.tell())
with open(P) as f:
    s = f.read(1000)
    print(len(s), f.tell() > 1000)
    s += f.read()
print(len(s), s.count("\n"), s.count("\xe9"))
try:
    import os
    os.remove(P)
except ImportError:
    pass
