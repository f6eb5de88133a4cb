# apa102.py: APA102 ("DotStar") LED strips: a clock and a data line, colours plus a 5-bit brightness.

from esp import apa102_write
from neopixel import NeoPixel


class APA102(NeoPixel):
    # Colours are (red, green, blue, brightness 0-31), kept in that order.
    ORDER = (0, 1, 2, 3)

    def __init__(self, clock_pin, data_pin, n, bpp=4):
        super().__init__(data_pin, n, bpp)
        self.clock_pin = clock_pin
        clock_pin.init(clock_pin.OUT)

    def write(self):
        apa102_write(self.clock_pin, self.pin, self.buf)
