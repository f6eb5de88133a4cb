"""The neopixel and apa102 frozen drivers, machine.bitstream, esp.neopixel_write and
esp.apa102_write against simulated WS2812 and APA102 strips that decode the waveform
(docs/control-devices.md)."""
from board import Board, check, check_equal, error_of


with Board(control=True) as b:
    check_equal(b.control("neopixel add 4"), "ok", "WS2812 strip on GPIO4")
    b.exec("import neopixel, apa102, machine, esp\nfrom machine import Pin\nnp = neopixel.NeoPixel(Pin(4), 3)")
    check_equal(b.control("pin 4?").split()[4:6], ["mode", "out"], "NeoPixel makes its pin an output")
    b.exec("np[0] = (255, 0, 0)\nnp[1] = (0, 255, 0)\nnp[2] = (1, 2, 3)\nnp.write()")
    check_equal(b.control("neopixel 4?"), "neopixel 4 00ff00 ff0000 020103", "GRB on the wire")
    check_equal(b.eval("(len(np), np[2], np.bpp, bytes(np.buf))"),
                (3, (1, 2, 3), 3, bytes([0, 255, 0, 255, 0, 0, 2, 1, 3])), "buffer and accessors")
    b.exec("np.fill((16, 32, 48))\nnp.write()")
    check_equal(b.control("neopixel 4?"), "neopixel 4 201030 201030 201030", "fill")
    b.exec("big = neopixel.NeoPixel(Pin(4), 60)\nfor i in range(60):\n    big[i] = (i, 2 * i, 255 - i)\nbig.write()")
    pixels = b.control("neopixel 4?").split()[2:]
    check_equal(pixels, ["%02x%02x%02x" % (2 * i, i, 255 - i) for i in range(60)], "60 LEDs in one frame")

    # RGBW and the 400 kHz timing.
    b.control("neopixel remove 4")
    check_equal(b.control("neopixel add 4 4"), "ok", "RGBW strip")
    b.exec("w = neopixel.NeoPixel(Pin(4), 2, bpp=4)\nw[0] = (1, 2, 3, 4)\nw[1] = (5, 6, 7, 8)\nw.write()")
    check_equal(b.control("neopixel 4?"), "neopixel 4 02010304 06050708", "GRBW on the wire")
    b.control("neopixel remove 4")
    check_equal(b.control("neopixel add 4 3 400"), "ok", "400 kHz strip")
    b.exec("s = neopixel.NeoPixel(Pin(4), 2, timing=0)\ns[0] = (0xaa, 0x55, 0xf0)\ns[1] = (1, 0x80, 0x7f)\ns.write()")
    check_equal(b.control("neopixel 4?"), "neopixel 4 55aaf0 80017f", "timing=0 (400 kHz)")
    b.exec("esp.neopixel_write(Pin(4), b'\\x12\\x34\\x56', False)")
    check_equal(b.control("neopixel 4?"), "neopixel 4 123456", "esp.neopixel_write at 400 kHz")
    b.control("neopixel remove 4")
    b.control("neopixel add 4")
    b.exec("esp.neopixel_write(Pin(4), bytearray(b'\\xde\\xad\\xbe\\xef\\x00\\x01'), True)")
    check_equal(b.control("neopixel 4?"), "neopixel 4 deadbe ef0001", "esp.neopixel_write at 800 kHz")
    b.exec("machine.bitstream(Pin(4), 0, (350, 900, 900, 350), b'\\x0f\\xf0\\x81')")
    check_equal(b.control("neopixel 4?"), "neopixel 4 0ff081", "machine.bitstream with its own timing")
    b.exec("t = neopixel.NeoPixel(Pin(4), 1, timing=(350, 900, 900, 350))\nt[0] = (9, 8, 7)\nt.write()")
    check_equal(b.control("neopixel 4?"), "neopixel 4 080907", "NeoPixel with a timing tuple")

    # APA102: clock and data, brightness in the fourth byte.
    check_equal(b.control("apa102 add 14 13 3"), "ok", "APA102 strip on GPIO14/13")
    b.exec("a = apa102.APA102(Pin(14), Pin(13), 3)\na[0] = (255, 0, 0, 31)\na[1] = (0, 128, 0, 5)\n"
           "a[2] = (1, 2, 3, 1)\na.write()")
    check_equal(b.control("apa102 14?"), "apa102 14 31:ff0000 5:008000 1:010203", "APA102 frames")
    check_equal(b.eval("a[1]"), (0, 128, 0, 5), "APA102 colour read back")
    b.exec("esp.apa102_write(Pin(14), Pin(13), b'\\x10\\x20\\x30\\x1f')")
    # Only one LED's worth of data: the end frame's 32 ones reach the second LED as full white,
    # as they would on a real strip.
    check_equal(b.control("apa102 14?"), "apa102 14 31:102030 31:ffffff", "esp.apa102_write, one LED")

    # Errors.
    check_equal(error_of(b, "machine.bitstream(Pin(4), 1, (1, 2, 3, 4), b'x')"), "ValueError: encoding",
                "unknown encoding")
    check(error_of(b, "machine.bitstream(Pin(4), 0, (1, 2, 3), b'x')").startswith("ValueError"),
          "timing needs 4 values")
    check(error_of(b, "machine.bitstream(Pin(4), 0, (1, 2, 3, 4), 5)").startswith("TypeError"), "buffer needed")
    check_equal(error_of(b, "neopixel.NeoPixel(Pin(6), 1)"), "ValueError: invalid pin", "flash pin")
print("ok")
