# deflate window sizes as MicroPython documents them: a window smaller than the stream's fails
# with OSError only when a back-reference reaches past it; argument checks; Python-level streams.
import io

import deflate


def noise(n, seed):
    out = bytearray(n)
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out[i] = x >> 23
    return bytes(out)


def compress(data, fmt, wbits):
    s = io.BytesIO()
    with deflate.DeflateIO(s, fmt, wbits) as d:
        d.write(data)
    return s.getvalue()


def attempt(data, *args):
    try:
        out = deflate.DeflateIO(io.BytesIO(data), *args).read()
        return len(out)
    except OSError as e:
        return "OSError %d" % e.errno


# 1500 bytes of noise, twice: the second copy is one back-reference 1500 bytes back
DATA = noise(1500, 3) * 2
for fmt in (deflate.ZLIB, deflate.GZIP, deflate.RAW):
    packed = compress(DATA, fmt, 15)
    print(fmt, len(packed) < 1700)
    for wbits in (0, 8, 10, 11, 15):
        print(fmt, wbits, attempt(packed, fmt, wbits))

# the zlib header declares the window: 2**(CINFO + 8); 256 is declared as 512
for wbits in (5, 8, 9, 10, 15):
    packed = compress(b"abc" * 100, deflate.ZLIB, wbits)
    print(wbits, hex(packed[0]), (packed[0] * 256 + packed[1]) % 31, attempt(packed, deflate.ZLIB))

# data shorter than the window never reaches past it
packed = compress(noise(200, 5) * 2, deflate.RAW, 15)
print(attempt(packed, deflate.RAW, 8), attempt(packed, deflate.RAW, 7))

# argument checks
for args in ((4,), (-1,), (0, 4), (0, 16), (0, -1)):
    try:
        deflate.DeflateIO(io.BytesIO(), *args)
    except ValueError as e:
        print("ValueError", e)
try:
    deflate.DeflateIO()
except TypeError:
    print("TypeError")


# streams written in Python: readinto only, read only, write only
class ReadInto:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def readinto(self, buf):
        n = min(len(buf), 3, len(self.data) - self.pos)
        buf[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n


class ReadOnly:
    def __init__(self, data):
        self.data = data

    def read(self, n):
        chunk = self.data[:n]
        self.data = self.data[n:]
        return chunk


class WriteOnly:
    def __init__(self):
        self.chunks = []

    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)


w = WriteOnly()
d = deflate.DeflateIO(w, deflate.GZIP)
d.write(b"hello " * 50)
d.close()
packed = b"".join(w.chunks)
print(packed[:4], len(packed) < 100)
print(deflate.DeflateIO(ReadInto(packed)).read(12))
print(deflate.DeflateIO(ReadOnly(packed)).read(12))
print(len(deflate.DeflateIO(ReadOnly(packed), deflate.GZIP).read()))
try:
    deflate.DeflateIO(42).read()
except Exception:
    print("not a stream")

import udeflate
print(udeflate.DeflateIO is deflate.DeflateIO)
