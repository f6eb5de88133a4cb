# A display driver's pattern: a FrameBuffer subclass that sets itself up with super().__init__().
import sys

sys.path.insert(0, "lib")
try:
    import framebuf
except ImportError:
    import framebuf_model as framebuf


class Display(framebuf.FrameBuffer):
    def __init__(self, width, height, external_vcc=False):
        self.width = width
        self.height = height
        self.pages = height // 8
        self.buffer = bytearray(self.pages * width)
        self.sent = []
        super().__init__(self.buffer, width, height, framebuf.MONO_VLSB)

    def show(self):
        self.sent.append(bytes(self.buffer))


d = Display(16, 16)
print(isinstance(d, framebuf.FrameBuffer), d.width, d.pages)
d.fill(0)
d.text("A", 0, 0)
d.hline(0, 15, 16, 1)
d.pixel(15, 0, 1)
print(d.pixel(15, 0), d.pixel(14, 0))
d.show()
print(d.sent[0].hex())

# a subclass instance as a blit source and destination
buf = bytearray(32)
plain = framebuf.FrameBuffer(buf, 16, 16, framebuf.MONO_VLSB)
plain.blit(d, 0, 0)
print(buf == d.buffer)
d.fill(0)
d.blit(plain, 4, 4)
print(d.buffer.hex())


class NoInit(framebuf.FrameBuffer):
    def __init__(self):
        pass


n = NoInit()
try:
    n.fill(0)
except AttributeError:
    print("AttributeError")
