# Streams written in Python: a RawIOBase subclass with readinto gets read, readline,
# and readlines from the ready-made stream methods.
import io


class Source(io.RawIOBase):
    def __init__(self, data, chunk=3):
        self.data = data
        self.pos = 0
        self.chunk = chunk
        self.calls = 0

    def readable(self):
        return True

    def readinto(self, buf):
        self.calls += 1
        n = min(len(buf), self.chunk, len(self.data) - self.pos)
        buf[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


s = Source(b"hello world\nsecond line\nthird\n", chunk=64)
print(s.read(4))
print(s.read(0))
print(s.readline())
print(s.readline(3))
print(s.readlines())
print(s.read())
print(s.readline())

s = Source(b"a\nbb\nccc\n\nlast", chunk=1)
while True:
    line = s.readline()
    print(repr(line))
    if not line:
        break

s = Source(b"x" * 1000, chunk=64)
data = s.read()
print(len(data), data[:5])

s = Source(b"one\ntwo\nthree\n")
print(s.readlines(5))

with Source(b"ctx\n") as c:
    print(c.readline())


class Failing(io.RawIOBase):
    def readinto(self, buf):
        raise OSError(5, "EIO")


try:
    Failing().read(3)
except OSError as e:
    print("OSError", e.errno)


class Broken(io.RawIOBase):
    def readinto(self, buf):
        raise ValueError("broken")


try:
    Broken().readline()
except ValueError as e:
    print("ValueError", e)
