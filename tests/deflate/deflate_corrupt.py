# deflate.DeflateIO on bad input: truncation, bad checksums and headers, invalid codes, garbage.
# Bad data raises OSError(EINVAL), input that ends early EOFError; nothing crashes.
import io
import sys

sys.path.insert(0, "lib")
try:
    import deflate
except ImportError:
    import deflate_shim as deflate

ZLIB_DYNAMIC = bytes.fromhex(
    "78da554eed0ac02008fcef53f86a8eac067dc11ab1b79fa46d84287a9e7706ca9990aff660f5d823cf048cb7f7990a3a"
    "4e9d90528bf461070b04066a1d6771750828227a22cde287df036cab7537318dc913dd356fd7a0cdfc401cec05891734"
    "254483"
)
GZIP_HELLO = bytes.fromhex("1f8b0800000000000203cb48cdc9c957c84022cbf38b72520026e65a8117000000")
ZLIB_FIXED = bytes.fromhex("78014bcbac484d514843908a0040ab0692")


def outcome(data, *args):
    try:
        out = deflate.DeflateIO(io.BytesIO(data), *args).read()
    except EOFError:
        return "E"
    except OSError as e:
        return "O" if e.errno == 22 else "?"
    return "k" if out else "0"


def show(name, data, *args):
    try:
        print(name, deflate.DeflateIO(io.BytesIO(data), *args).read())
    except Exception as e:
        print(name, type(e).__name__)


# every truncation of valid streams
for data in (ZLIB_DYNAMIC, GZIP_HELLO, ZLIB_FIXED):
    print("".join(outcome(data[:n]) for n in range(len(data) + 1)))
print("".join(outcome(ZLIB_FIXED[2:n], deflate.RAW) for n in range(2, len(ZLIB_FIXED) - 3)))


def flip(data, i, mask=0x01):
    b = bytearray(data)
    b[i] ^= mask
    return bytes(b)


# checksums and lengths in trailers
show("zlib adler", flip(ZLIB_FIXED, -1))
show("zlib adler high", flip(ZLIB_FIXED, -4, 0x80))
show("gzip crc", flip(GZIP_HELLO, -8))
show("gzip size", flip(GZIP_HELLO, -4))
show("gzip size high", flip(GZIP_HELLO, -1, 0x80))

# headers
show("zlib check bits", flip(ZLIB_FIXED, 1))
show("zlib method 7", bytes([0x77, 0x85]) + ZLIB_FIXED[2:])
show("zlib window 64K", bytes([0x88, 0x98]) + ZLIB_FIXED[2:])
show("zlib preset dictionary", bytes([0x78, 0xBB]) + b"\x00\x00\x00\x01" + ZLIB_FIXED[2:])
show("zlib as gzip", ZLIB_FIXED, deflate.GZIP)
show("gzip as zlib", GZIP_HELLO, deflate.ZLIB)
show("gzip method 7", GZIP_HELLO[:2] + b"\x07" + GZIP_HELLO[3:])
show("gzip reserved flag", GZIP_HELLO[:3] + b"\x20" + GZIP_HELLO[4:])
show("gzip bad header crc", GZIP_HELLO[:3] + b"\x02" + GZIP_HELLO[4:10] + b"\x12\x34" + GZIP_HELLO[10:])
show("gzip magic", flip(GZIP_HELLO, 1))
show("empty", b"")
show("empty raw", b"", deflate.RAW)


class Bits:
    """Packs fields as DEFLATE does: values from the least significant bit, codes from the most."""

    def __init__(self):
        self.out = bytearray()
        self.n = 0

    def put(self, value, nbits):
        for i in range(nbits):
            if self.n % 8 == 0:
                self.out.append(0)
            self.out[-1] |= ((value >> i) & 1) << (self.n % 8)
            self.n += 1
        return self

    def code(self, value, nbits):
        for i in range(nbits - 1, -1, -1):
            self.put((value >> i) & 1, 1)
        return self

    def bytes(self):
        return bytes(self.out) + bytes(8)


def fixed(final=1):
    return Bits().put(final, 1).put(1, 2)


# block types and stored blocks
show("block type 3", Bits().put(1, 1).put(3, 2).bytes(), deflate.RAW)
show("block type 3 not final", Bits().put(0, 1).put(3, 2).bytes(), deflate.RAW)
show("stored", b"\x01\x05\x00\xfa\xffhello", deflate.RAW)
show("stored bad nlen", b"\x01\x05\x00\xfb\xffhello", deflate.RAW)
show("stored empty then fixed", b"\x00\x00\x00\xff\xff" + fixed().code(0x30 + 65, 8).code(0, 7).bytes(), deflate.RAW)

# fixed code: literals, a match, reserved symbols, distances before the start
show("fixed AB", fixed().code(0x30 + 65, 8).code(0x30 + 66, 8).code(0, 7).bytes(), deflate.RAW)
ab_match = fixed().code(0x30 + 65, 8).code(0x30 + 66, 8).code(1, 7).code(1, 5).code(0, 7)
show("fixed AB + 3 from 2 back", ab_match.bytes(), deflate.RAW)
show("fixed match at start", fixed().code(1, 7).code(0, 5).code(0, 7).bytes(), deflate.RAW)
show("fixed too far back", fixed().code(0x30 + 65, 8).code(1, 7).code(1, 5).code(0, 7).bytes(), deflate.RAW)
show("fixed symbol 286", fixed().code(0x30 + 65, 8).code(0xC6, 8).bytes(), deflate.RAW)
show("fixed symbol 287", fixed().code(0x30 + 65, 8).code(0xC7, 8).bytes(), deflate.RAW)
show("fixed distance 30", fixed().code(0x30 + 65, 8).code(1, 7).code(30, 5).bytes(), deflate.RAW)
show("fixed distance 31", fixed().code(0x30 + 65, 8).code(1, 7).code(31, 5).bytes(), deflate.RAW)
show("fixed length 258", fixed().code(0x30 + 65, 8).code(0xC5, 8).code(0, 5).code(0, 7).bytes(), deflate.RAW)
show("fixed not final", fixed(0).code(0x30 + 65, 8).code(0, 7).bytes(), deflate.RAW)


def dynamic(hlit, hdist, code_len_lengths):
    b = Bits().put(1, 1).put(2, 2).put(hlit - 257, 5).put(hdist - 1, 5).put(len(code_len_lengths) - 4, 4)
    for n in code_len_lengths:
        b.put(n, 3)
    return b


# dynamic headers; the code-length code below gives symbols 0, 16, 17, 18 the codes 0..3 of two bits
show("dynamic 287 lengths", dynamic(287, 1, [2, 2, 2, 2]).bytes(), deflate.RAW)
show("dynamic 31 distances", dynamic(257, 31, [2, 2, 2, 2]).bytes(), deflate.RAW)
show("dynamic oversubscribed", dynamic(257, 1, [1, 1, 1, 1]).bytes(), deflate.RAW)
show("dynamic incomplete", dynamic(257, 1, [2, 2, 2]).bytes(), deflate.RAW)
show("dynamic repeat first", dynamic(257, 1, [2, 2, 2, 2]).code(1, 2).put(0, 2).bytes(), deflate.RAW)
# 18 (138 zeros) + 18 (119 zeros): 257 zero lengths, so no end-of-block code
show("dynamic no end code", dynamic(257, 1, [2, 2, 2, 2]).code(3, 2).put(127, 7).code(3, 2).put(108, 7).code(0, 2).bytes(), deflate.RAW)
# 18 runs past the 258 lengths
show("dynamic repeat too long", dynamic(257, 1, [2, 2, 2, 2]).code(3, 2).put(127, 7).code(3, 2).put(127, 7).bytes(), deflate.RAW)


# garbage: every outcome must be an exception or data, never a crash
def lcg_bytes(n, state):
    out = bytearray(n)
    for i in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out[i] = state >> 16 & 0xFF
    return bytes(out), state


state = 1
for fmt in (deflate.RAW, deflate.AUTO, deflate.ZLIB, deflate.GZIP):
    line = ""
    for i in range(60):
        data, state = lcg_bytes(1 + i % 50, state)
        if fmt == deflate.ZLIB:
            data = b"\x78\x9c" + data
        elif fmt == deflate.GZIP:
            data = GZIP_HELLO[:10] + data
        line += outcome(data, fmt, 15 if fmt == deflate.RAW else 0)
    print(line)

# every single-bit error in a valid stream
for data in (ZLIB_DYNAMIC, ZLIB_FIXED):
    line = ""
    for i in range(len(data) * 8):
        line += outcome(flip(data, i // 8, 1 << (i % 8)))
    print(line)
