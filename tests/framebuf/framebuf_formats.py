# framebuf pixel layouts of every format, fills, lines, rectangles, clipping and buffer checks.
import sys

sys.path.insert(0, "lib")
try:
    import framebuf
except ImportError:
    import framebuf_model as framebuf

FORMATS = [
    ("MONO_VLSB", framebuf.MONO_VLSB),
    ("MONO_HLSB", framebuf.MONO_HLSB),
    ("MONO_HMSB", framebuf.MONO_HMSB),
    ("GS2_HMSB", framebuf.GS2_HMSB),
    ("GS4_HMSB", framebuf.GS4_HMSB),
    ("GS8", framebuf.GS8),
    ("RGB565", framebuf.RGB565),
]
print([value for name, value in FORMATS], framebuf.MVLSB)

SIZES = {framebuf.MONO_VLSB: 1, framebuf.MONO_HLSB: 1, framebuf.MONO_HMSB: 1, framebuf.GS2_HMSB: 2,
         framebuf.GS4_HMSB: 4, framebuf.GS8: 8, framebuf.RGB565: 16}


def make(fmt, w, h, stride=None):
    bits = SIZES[fmt]
    n = ((stride or w) + 7) * (h + 7) * bits // 8 + 8
    buf = bytearray(n)
    fb = framebuf.FrameBuffer(buf, w, h, fmt) if stride is None else framebuf.FrameBuffer(buf, w, h, fmt, stride)
    return buf, fb


for name, fmt in FORMATS:
    print(name)
    buf, fb = make(fmt, 10, 10)
    top = 3 if fmt != framebuf.RGB565 else 0xF81F
    for i, (x, y) in enumerate([(0, 0), (1, 0), (7, 0), (8, 0), (9, 0), (0, 1), (0, 7), (0, 8), (9, 9), (3, 5)]):
        fb.pixel(x, y, 1 + i % top)
    print(" set", buf.hex())
    print(" get", [fb.pixel(x, y) for x, y in [(0, 0), (1, 0), (8, 0), (0, 8), (9, 9), (3, 5), (5, 3)]])
    print(" off", fb.pixel(10, 0), fb.pixel(0, 10), fb.pixel(-1, 0), fb.pixel(0, -1))
    fb.pixel(-1, 3, 1)
    fb.pixel(3, 10, 1)
    fb.fill(0)
    print(" cleared", buf.count(0) == len(buf))
    fb.fill(top)
    print(" fill", buf.hex())
    fb.fill(0)
    fb.fill_rect(2, 1, 5, 3, 1)
    fb.hline(-3, 6, 5, 1)
    fb.vline(8, 7, 10, 1)
    print(" rects", buf.hex())
    fb.fill(0)
    fb.rect(1, 1, 8, 8, 1)
    fb.rect(3, 3, 4, 4, 1, True)
    fb.rect(-2, -2, 4, 4, 1)
    print(" rect", buf.hex())
    print(" rows", ["".join(str(fb.pixel(x, y) and 1) for x in range(10)) for y in range(10)])

# stride wider than width: pixels beyond the width are never touched
for name, fmt in FORMATS:
    buf, fb = make(fmt, 5, 9, 13)
    fb.fill(1)
    fb.hline(0, 8, 20, 1)
    fb.line(0, 0, 30, 30, 1)
    print(name, "stride", buf.hex())

# nothing visible: zero or negative sizes, everything outside
buf, fb = make(framebuf.GS8, 6, 4)
for args in ((0, 0, 0, 2), (0, 0, 2, 0), (0, 0, -3, 2), (6, 0, 3, 3), (0, 4, 3, 3), (-3, 0, 3, 3), (0, -3, 3, 3)):
    fb.fill_rect(*args, 9)
fb.hline(0, 0, -5, 9)
fb.vline(0, 0, -5, 9)
fb.rect(10, 10, 3, 3, 9)
print("nothing", buf.count(0) == len(buf))
fb.fill_rect(-1000000, -1000000, 2000000, 2000000, 5)
print("huge", buf[:24].hex())

# colour values beyond the format's depth
for name, fmt in FORMATS:
    buf, fb = make(fmt, 4, 2)
    fb.pixel(0, 0, 0x12345)
    fb.pixel(1, 0, -1)
    print(name, "depth", fb.pixel(0, 0), fb.pixel(1, 0))

# buffer sizes: exactly enough works, one byte less fails
CASES = [
    (framebuf.MONO_VLSB, 10, 10, None, 20),
    (framebuf.MONO_VLSB, 10, 8, None, 10),
    (framebuf.MONO_VLSB, 10, 9, 12, 22),
    (framebuf.MONO_HLSB, 10, 3, None, 6),
    (framebuf.MONO_HMSB, 9, 2, 17, 5),
    (framebuf.GS2_HMSB, 5, 2, None, 4),
    (framebuf.GS4_HMSB, 3, 3, None, 6),
    (framebuf.GS8, 4, 3, 6, 16),
    (framebuf.RGB565, 4, 3, None, 24),
]
for fmt, w, h, stride, need in CASES:
    args = (w, h, fmt) if stride is None else (w, h, fmt, stride)
    framebuf.FrameBuffer(bytearray(need), *args)
    try:
        framebuf.FrameBuffer(bytearray(need - 1), *args)
        print("no error", fmt, w, h)
    except ValueError:
        print("ValueError", fmt, w, h, need)

for args in ((8, 8, 7), (8, 8, -1), (0, 8, 0), (8, 0, 0), (8, 8, 0, 7), (70000, 1, 6), (-8, 8, 0)):
    try:
        framebuf.FrameBuffer(bytearray(100), *args)
        print("no error", args)
    except ValueError:
        print("ValueError", args)
for bad in (b"\x00" * 8, "abcdefgh", 8):
    try:
        framebuf.FrameBuffer(bad, 8, 8, framebuf.MONO_VLSB)
    except TypeError:
        print("TypeError", type(bad).__name__)

# FrameBuffer1 is a MONO_VLSB FrameBuffer
buf = bytearray(16)
fb = framebuf.FrameBuffer1(buf, 8, 16)
fb.pixel(2, 9, 1)
fb.pixel(7, 0, 1)
print("FrameBuffer1", buf.hex(), type(fb).__name__)
buf = bytearray(20)
fb = framebuf.FrameBuffer1(buf, 8, 16, 10)
fb.pixel(2, 9, 1)
print("FrameBuffer1 stride", buf.hex())
