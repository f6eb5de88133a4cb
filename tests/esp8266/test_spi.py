"""machine.SPI (hardware SPI(1) on GPIO14/13/12) and machine.SoftSPI on the simulated board, talking
to simulated SPI register devices (docs/control-devices.md); rates, modes and errors."""
from board import Board, check_equal, error_of


with Board(control=True) as b:
    check_equal(b.control("spi add 15 14 13 12"), "ok", "device on SPI(1), CS GPIO15")
    check_equal(b.control("spi mem 15 0 0102030405"), "ok", "preset registers")
    check_equal(b.control("spi add 5 0 2 4 3"), "ok", "mode-3 device on GPIO0/2/4, CS GPIO5")
    b.exec("from machine import SPI, SoftSPI, Pin\ncs = Pin(15, Pin.OUT, value=1)\nspi = SPI(1)")

    # SPI(1): the sheet's defaults and the divider's rates.
    check_equal(b.eval("repr(spi)"), "HSPI(id=1, baudrate=80000000, polarity=0, phase=0)", "default repr")
    check_equal(b.eval("repr(SPI(1, baudrate=1000000, polarity=1, phase=1))"),
                "HSPI(id=1, baudrate=1000000, polarity=1, phase=1)", "repr with settings")
    check_equal(b.eval("repr(SPI(1, 30000000))"), "HSPI(id=1, baudrate=40000000, polarity=0, phase=0)",
                "30 MHz rounds to the 40 MHz divider")
    check_equal(b.eval("repr(SPI(1, 3000000))"), "HSPI(id=1, baudrate=3076923, polarity=0, phase=0)",
                "3 MHz becomes 80 MHz / 26")
    spi_reset = "spi.init(baudrate=1000000, polarity=0, phase=0)"
    b.exec(spi_reset)

    # Exchanges with the register device: command byte (bit 7 = read), then data.
    b.exec("cs(0)\nr = spi.read(4, 0x80)\ncs(1)")
    check_equal(b.eval("r"), b"\x00\x01\x02\x03", "read(n, write) clocks out the given byte")
    b.exec("cs(0)\nspi.write(b'\\x10abc')\ncs(1)")
    check_equal(b.control("spi mem 15 0x10 3?"), "spi mem 616263", "write reached the registers")
    b.exec("buf = bytearray(4)\ncs(0)\nspi.write_readinto(b'\\x90\\x00\\x00\\x00', buf)\ncs(1)")
    check_equal(b.eval("bytes(buf)"), b"\x00abc", "write_readinto")
    b.exec("buf = bytearray(2)\ncs(0)\nspi.write(b'\\x81')\nspi.readinto(buf, 0xff)\ncs(1)")
    check_equal(b.eval("bytes(buf)"), b"\x02\x03", "readinto after a command")
    check_equal(b.eval("(SPI.MSB, SPI.LSB)"), (0, 1), "MSB/LSB")

    # SoftSPI on any pins; every mode works against a device of the same mode.
    b.exec("cs2 = Pin(5, Pin.OUT, value=1)\n"
           "soft = SoftSPI(baudrate=100000, polarity=1, phase=1, sck=Pin(0), mosi=Pin(2), miso=Pin(4))")
    check_equal(b.eval("repr(soft)"), "SoftSPI(baudrate=100000, polarity=1, phase=1, sck=0, mosi=2, miso=4)", "repr")
    b.exec("cs2(0)\nsoft.write(b'\\x05hi!')\ncs2(1)\ncs2(0)\nr = soft.read(4, 0x85)\ncs2(1)")
    check_equal(b.eval("r"), b"\x00hi!", "mode 3 round trip")
    check_equal(b.control("spi mem 5 5 3?"), "spi mem 686921", "mode 3 write")
    for mode in (0, 1, 2):
        b.control("spi remove 5")
        check_equal(b.control("spi add 5 0 2 4 %d" % mode), "ok", "mode-%d device" % mode)
        b.control("spi mem 5 0x20 %02x55aa" % (mode + 1))
        b.exec("soft.init(polarity=%d, phase=%d)\ncs2(0)\nr = soft.read(4, 0xa0)\ncs2(1)" % (mode >> 1, mode & 1))
        check_equal(b.eval("r"), bytes([0, mode + 1, 0x55, 0xaa]), "mode %d read" % mode)
    check_equal(b.eval("repr(SoftSPI(sck=Pin(0), mosi=Pin(2), miso=Pin(4)))"),
                "SoftSPI(baudrate=400000, polarity=0, phase=0, sck=0, mosi=2, miso=4)",
                "defaults; the rate is capped at what the CPU can toggle")
    check_equal(b.eval("repr(SoftSPI(300000, sck=0, mosi=2, miso=4))"),
                "SoftSPI(baudrate=250000, polarity=0, phase=0, sck=0, mosi=2, miso=4)",
                "the rate rounds down to whole microseconds")

    # SPI(-1) and SPI() without id: the old spelling of SoftSPI, with a warning.
    out = b.exec("s = SPI(-1, baudrate=100000, sck=Pin(0), mosi=Pin(2), miso=Pin(4))\nprint(type(s).__name__)")
    check_equal(out, b"Warning: SPI(-1, ...) is deprecated, use SoftSPI(...) instead\r\nSoftSPI\r\n", "SPI(-1)")

    # Errors.
    # A ValueError without a message (the traceback's last line is "ValueError:" then).
    check_equal(error_of(b, "SPI(0)").rstrip(":"), "ValueError", "SPI(0) drives the flash")
    check_equal(error_of(b, "SPI(2)").rstrip(":"), "ValueError", "no SPI(2)")
    check_equal(error_of(b, "SPI(1, baudrate=50000000)"), "ValueError: impossible baudrate", "above 40 MHz")
    check_equal(error_of(b, "SPI(1, baudrate=100)"), "ValueError: impossible baudrate", "below the divider")
    check_equal(error_of(b, "SPI(1, baudrate=0)"), "ValueError: impossible baudrate", "zero")
    check_equal(error_of(b, "SoftSPI(sck=Pin(0), mosi=Pin(2))"), "ValueError: must specify all of sck/mosi/miso",
                "miso missing")
    check_equal(error_of(b, "SoftSPI(bits=16, sck=0, mosi=2, miso=4)"), "ValueError: bits must be 8", "bits")
    check_equal(error_of(b, "SoftSPI(firstbit=SoftSPI.LSB, sck=0, mosi=2, miso=4)"),
                "ValueError: firstbit must be MSB", "firstbit")
    check_equal(error_of(b, "SoftSPI(sck=7, mosi=2, miso=4)"), "ValueError: invalid pin", "flash pin")
    check_equal(error_of(b, "spi.write_readinto(b'ab', bytearray(3))"),
                "ValueError: buffers must be the same length", "write_readinto lengths")
    check_equal(error_of(b, "spi.read(-1)"), "ValueError: negative count", "negative read")
print("ok")
