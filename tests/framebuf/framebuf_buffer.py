# FrameBuffer's buffer protocol, and a buffer resized behind its back: an error, never a stray write.
import framebuf

buf = bytearray(4)
fb = framebuf.FrameBuffer(buf, 2, 2, framebuf.GS8)
fb.fill(7)
print(bytes(fb), len(memoryview(fb)))
memoryview(fb)[1] = 3
print(fb.pixel(1, 0))

buf = bytearray(8)
fb = framebuf.FrameBuffer(buf, 4, 2, framebuf.GS8)
del buf[4:]
for draw in (lambda: fb.fill(1), lambda: fb.pixel(0, 0), lambda: fb.text("A", 0, 0)):
    try:
        draw()
    except ValueError:
        print("ValueError")
buf.extend(bytes(4))
fb.fill(2)
print(buf)


class Shrinker:
    def __index__(self):
        del big[1:]
        return 5


big = bytearray(64 * 64)
fb = framebuf.FrameBuffer(big, 64, 64, framebuf.GS8)
try:
    fb.fill_rect(0, 0, 64, Shrinker(), 1)
except ValueError:
    print("ValueError", len(big))

import uframebuf

print(uframebuf.FrameBuffer is framebuf.FrameBuffer)
