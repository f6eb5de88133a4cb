# neopixel.py: WS2812 ("NeoPixel") LED strips, sent with machine.bitstream.

from machine import bitstream


class NeoPixel:
    # The strip takes green, red, blue (and white): ORDER[i] is where colour component i goes.
    ORDER = (1, 0, 2, 3)

    def __init__(self, pin, n, bpp=3, timing=1):
        self.pin = pin
        self.n = n
        self.bpp = bpp
        self.buf = bytearray(n * bpp)
        pin.init(pin.OUT)
        # 1: 800 kHz, 0: 400 kHz, or the pulse widths in ns (high 0, low 0, high 1, low 1).
        if isinstance(timing, int):
            timing = (400, 850, 800, 450) if timing else (800, 1700, 1600, 900)
        self.timing = timing

    def __len__(self):
        return self.n

    def __setitem__(self, index, colour):
        start = index * self.bpp
        order = self.ORDER
        for component in range(self.bpp):
            self.buf[start + order[component]] = colour[component]

    def __getitem__(self, index):
        start = index * self.bpp
        order = self.ORDER
        return tuple(self.buf[start + order[component]] for component in range(self.bpp))

    def fill(self, colour):
        buf = self.buf
        bpp = self.bpp
        for component in range(bpp):
            value = colour[component]
            for at in range(self.ORDER[component], len(buf), bpp):
                buf[at] = value

    def write(self):
        bitstream(self.pin, 0, self.timing, self.buf)
