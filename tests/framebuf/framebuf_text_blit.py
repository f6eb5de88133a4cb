# framebuf text with the built-in 8x8 font, scroll, and blit (key, palette, tuple sources, clipping).
import sys

sys.path.insert(0, "lib")
try:
    import framebuf
except ImportError:
    import framebuf_model as framebuf


def canvas(w, h):
    buf = bytearray(w * h)
    return buf, framebuf.FrameBuffer(buf, w, h, framebuf.GS8)


def show(title, buf, w):
    print(title)
    for y in range(len(buf) // w):
        print(" " + "".join(".123456789abcdef"[buf[y * w + x] & 15] for x in range(w)))


W, H = 26, 10
buf, fb = canvas(W, H)
fb.text("Hi!", 0, 0)
fb.text("gj", 2, 1, 2)
show("text", buf, W)
fb.fill(0)
fb.text("AB", -3, -2, 3)
fb.text("xy", 20, 5, 4)
show("clipped", buf, W)

# every glyph fits its 8x8 cell; a space draws nothing; codes outside 32..127 draw DEL
cells = []
for code in range(32, 128):
    fb.fill(0)
    fb.text(chr(code), 8, 1)
    lit = [(x, y) for y in range(H) for x in range(W) if buf[y * W + x]]
    cells.append(all(8 <= x < 16 and 1 <= y < 9 for x, y in lit))
    if code == 32:
        print("space", lit)
print("in cells", all(cells))
fb.fill(0)
fb.text("\x7f", 0, 0)
ref = bytes(buf)
for s in ("\x00", "\x1f", "\x08"):
    fb.fill(0)
    fb.text(s, 0, 0)
    print(repr(s), bytes(buf) == ref)
fb.fill(0)
fb.text("\u00e9", 0, 0)  # two UTF-8 bytes: two DEL glyphs
print("two cells", bytes(buf[:8]) == ref[:8], bytes(buf[8:16]) == ref[:8])
# text is the glyphs side by side
fb.fill(0)
fb.text("ab", 3, 2, 5)
both = bytes(buf)
fb.fill(0)
fb.text("a", 3, 2, 5)
fb.text("b", 11, 2, 5)
print("side by side", bytes(buf) == both)
try:
    fb.text(b"ab", 0, 0)
except TypeError:
    print("TypeError")

# scroll in each direction; uncovered pixels keep their old values
buf, fb = canvas(6, 4)
for y in range(4):
    for x in range(6):
        fb.pixel(x, y, 1 + x + y)
start = bytes(buf)
for step in ((1, 0), (-2, 0), (0, 1), (0, -1), (2, 1), (-1, -2), (6, 0), (0, -4), (5, 3), (-5, -3)):
    buf[:] = start
    fb.scroll(*step)
    show("scroll %d %d" % step, buf, 6)

# blit: clipping on every side, key colour, palettes, tuple and list sources
sbuf, src = canvas(4, 3)
for i in range(12):
    src.pixel(i % 4, i // 4, i + 1)
buf, fb = canvas(8, 6)
for x, y in ((0, 0), (6, 4), (-2, -1), (5, -2), (-3, 4), (8, 0), (0, 6), (-4, 0), (0, -3)):
    fb.fill(0)
    fb.blit(src, x, y)
    show("blit %d %d" % (x, y), buf, 8)
fb.fill(15)
fb.blit(src, 2, 1, 6)
show("key 6", buf, 8)

# a MONO_HLSB icon onto GS8 through a palette; key compared after the palette
icon = bytearray([0b10100000, 0b01000000, 0b10100000])
ifb = framebuf.FrameBuffer(icon, 3, 3, framebuf.MONO_HLSB)
pbuf, palette = canvas(2, 1)
palette.pixel(0, 0, 7)
palette.pixel(1, 0, 9)
fb.fill(0)
fb.blit(ifb, 1, 1, -1, palette)
fb.blit(ifb, 4, 1, 7, palette)
fb.blit((icon, 3, 3, framebuf.MONO_HLSB), 1, 4)
fb.blit([bytes(icon), 3, 3, framebuf.MONO_HLSB, 8], 5, 4, 0)
show("palette and tuples", buf, 8)
# a palette too short for the source's colours leaves those pixels alone
fb.fill(1)
fb.blit(src, 0, 0, -1, palette)
show("short palette", buf, 8)
# blit onto itself
fb.fill(0)
fb.blit(src, 0, 0)
fb.blit(fb, 2, 2)
show("onto itself", buf, 8)
for bad in ((icon, 3, 3), (icon, 3, 3, 9), (bytearray(1), 3, 3, framebuf.GS8)):
    try:
        fb.blit(bad, 0, 0)
    except ValueError:
        print("ValueError")
try:
    fb.blit(b"abc", 0, 0)
except TypeError:
    print("TypeError")
