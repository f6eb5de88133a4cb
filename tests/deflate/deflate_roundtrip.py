# deflate.DeflateIO writing: every format and window size, read back; output accepted by the reader.
import io
import sys

sys.path.insert(0, "lib")
try:
    import deflate
except ImportError:
    import deflate_shim as deflate


def words(n, seed):
    ws = [b"alpha", b"beta", b"gamma", b"delta", b"deflate", b"window", b"huffman", b"the", b"a", b"of", b"espy", b"\n"]
    out = bytearray()
    x = seed
    while len(out) < n:
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out += ws[(x >> 16) % len(ws)] + b" "
    return bytes(out[:n])


def noise(n, seed):
    out = bytearray(n)
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out[i] = x >> 23
    return bytes(out)


def compress(data, fmt, wbits=0, step=None):
    s = io.BytesIO()
    d = deflate.DeflateIO(s, fmt, wbits)
    if step is None:
        print(d.write(data))
    else:
        for i in range(0, len(data), step):
            d.write(data[i : i + step])
    d.close()
    return s.getvalue()


def decompress(data, fmt, wbits=0):
    return deflate.DeflateIO(io.BytesIO(data), fmt, wbits).read()


samples = [
    ("one byte", b"x"),
    ("text", words(5000, 3)),
    ("zeros", bytes(3000)),
    ("noise", noise(700, 11)),
    ("all bytes", bytes(range(256)) * 3),
]
for name, data in samples:
    for fmt in (deflate.RAW, deflate.ZLIB, deflate.GZIP):
        packed = compress(data, fmt)
        read_fmt = fmt
        print(name, fmt, decompress(packed, read_fmt, 8) == data, decompress(packed, read_fmt, 15) == data)
        if fmt != deflate.RAW:
            print(name, fmt, "auto", decompress(packed, deflate.AUTO) == data)

# AUTO writes a raw stream
packed = compress(b"abcabcabcabc", deflate.AUTO)
print(decompress(packed, deflate.RAW) == b"abcabcabcabc")

# window sizes, and data written in small pieces
text = words(20000, 5)
for wbits in (5, 6, 8, 9, 10, 12, 15):
    for fmt in (deflate.RAW, deflate.ZLIB, deflate.GZIP):
        packed = compress(text, fmt, wbits, 333)
        print(wbits, fmt, decompress(packed, fmt, wbits) == text, decompress(packed, fmt, 15) == text, len(packed) < len(text) * 3 // 4)

# repeated data compresses well
packed = compress(bytes(100000), deflate.ZLIB, 0, 10000)
print(len(packed) < 1000, decompress(packed, deflate.ZLIB) == bytes(100000))

# writing str, and a context manager that closes the stream
s = io.BytesIO()
with deflate.DeflateIO(s, deflate.GZIP) as d:
    d.write("text as str ")
    d.write(b"and as bytes")
print(decompress(s.getvalue(), deflate.GZIP))

# writing after close
try:
    d.write(b"more")
except OSError as e:
    print("OSError", e.errno)
