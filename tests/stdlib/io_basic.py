import io

s = io.StringIO()
print(s.write("hello\n"), s.write("wörld\nlast"), s.tell() > 0)
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.read(3)), repr(s.readline()), repr(s.readline()), repr(s.readline()), repr(s.readline()), repr(s.read()))
s = io.StringIO("a\nb\nc")
print([line for line in s])
s = io.StringIO("one\ntwo\n")
print(s.readlines(), s.read(), s.tell())
s.seek(0)
print(s.read(2), s.tell(), s.read(100), s.seek(0, 2), s.seek(1))
s = io.StringIO("abcdef")
s.seek(2)
s.write("XY")
print(s.getvalue(), s.tell())
s.truncate(3)
print(repr(s.getvalue()))
with io.StringIO("ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
for op in (f.read, f.getvalue, lambda: f.write("x")):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)

b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.read(), b.read(), b.tell())
print(b.write(b"xyz"), b.write(bytearray(b"!")), b.getvalue())
b.seek(0)
buf = bytearray(4)
print(b.readinto(buf), buf, b.read(2))
b.seek(2, 0)
print(b.read(1), b.seek(-2, 2), b.read(), b.seek(0), list(b))
b = io.BytesIO()
b.seek(3)
b.write(b"x")
print(b.getvalue())
for bad in (lambda: io.StringIO().write(b"x"), lambda: io.BytesIO().write("x"), lambda: io.StringIO(5.0),
            lambda: io.BytesIO().seek(-1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Upper(io.IOBase):
    def __init__(self):
        self.data = []

    def write(self, s):
        self.data.append(s.upper())
        return len(s)


u = Upper()
print(u.write("abc"), u.data, isinstance(u, io.IOBase))
with u:
    pass
print("done")
