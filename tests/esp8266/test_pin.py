"""machine.Pin and machine.Signal on the simulated board: numbering, modes, levels seen from
the control socket, open drain, GPIO16, errors (docs/control-protocol.md, API sheet)."""
from board import Board, check, check_equal, error_of


def pad(b, pin):
    """The pad's fields from 'pin N?' as a dict."""
    words = b.control("pin %d?" % pin).split()
    check(words[:2] == ["pin", str(pin)], "pin query reply: %r" % words)
    return dict(zip(words[2::2], words[3::2]))


with Board(control=True) as b:
    b.exec("from machine import Pin, Signal")

    # Numbering: chip GPIO numbers; the flash pins and numbers out of range are refused.
    for bad in (6, 7, 8, 11, -1, 17, 100):
        check_equal(error_of(b, "Pin(%d)" % bad), "ValueError: invalid pin", "Pin(%d)" % bad)
    check_equal(b.eval("[repr(Pin(n)) for n in (0, 1, 2, 3, 4, 5, 9, 10, 12, 13, 14, 15, 16)]"),
                ["Pin(%d)" % n for n in (0, 1, 2, 3, 4, 5, 9, 10, 12, 13, 14, 15, 16)], "repr")
    check(b.eval("Pin(4) is Pin(4) and Pin(Pin(5)) is Pin(5)"), "one singleton per GPIO")
    check_equal(b.eval("(Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.PULL_UP, Pin.IRQ_RISING, Pin.IRQ_FALLING)"),
                (0, 1, 2, 1, 1, 2), "constants")
    check(b.eval("not hasattr(Pin, 'PULL_DOWN')"), "no PULL_DOWN on the ESP8266")

    # Output: what the program writes is what the pad shows.
    b.exec("p = Pin(5, Pin.OUT, value=1)")
    check_equal((pad(b, 5)["mode"], pad(b, 5)["drive"], pad(b, 5)["level"]), ("out", "1", "1"), "OUT value=1")
    b.exec("p.off()")
    check_equal(pad(b, 5)["level"], "0", "off()")
    b.exec("p.on()")
    check_equal(pad(b, 5)["level"], "1", "on()")
    b.exec("p(0)")
    check_equal(pad(b, 5)["level"], "0", "p(0)")
    b.exec("p.value(1)")
    check_equal(pad(b, 5)["level"], "1", "value(1)")
    b.exec("p.toggle()")
    check_equal((pad(b, 5)["level"], b.eval("p()"), b.eval("p.value()")), ("0", 0, 0), "toggle()")
    b.exec("p.toggle()")
    check_equal(pad(b, 5)["level"], "1", "toggle() back")
    # Pin(id) leaves the configuration alone; init() without value keeps the latch.
    b.exec("Pin(5); Pin(5).init(Pin.OUT)")
    check_equal(pad(b, 5)["level"], "1", "Pin(5) and init(OUT) keep the output latch")

    # Input: the level an outside circuit applies, the pull-up when nothing drives.
    b.exec("q = Pin(4, Pin.IN)")
    check_equal(b.control("pin 4 1"), "ok", "set pin 4 high")
    check_equal(b.eval("q.value()"), 1, "input reads high")
    check_equal(b.control("pin 4 0"), "ok", "set pin 4 low")
    check_equal(b.eval("q()"), 0, "input reads low")
    b.control("pin 4 float")
    check_equal((pad(b, 4)["level"], b.eval("q.value()")), ("float", 0), "floating input")
    b.exec("Pin(4, Pin.IN, Pin.PULL_UP)")
    check_equal((pad(b, 4)["pull"], pad(b, 4)["level"], b.eval("q.value()")), ("up", "1", 1), "pull-up")
    b.control("pin 4 0")
    check_equal(b.eval("q.value()"), 0, "a driver beats the pull-up")
    b.exec("Pin(4, Pin.IN, None)")
    check_equal(pad(b, 4)["pull"], "none", "pull=None switches the pull-up off")
    # Writing an input changes nothing (as MicroPython's ESP8266 port).
    b.exec("q.value(1)")
    check_equal(pad(b, 4)["drive"], "none", "an input does not drive")
    # Reading an output gives the pad level, so an outside short shows.
    b.control("pin 5 0")
    check_equal(b.eval("p.value()"), 0, "output shorted low reads 0")
    b.control("pin 5 float")

    # Open drain: 0 pulls low, 1 releases; the line is a wired AND.
    b.exec("od = Pin(12, Pin.OPEN_DRAIN, value=1)")
    check_equal((pad(b, 12)["mode"], pad(b, 12)["drive"]), ("open_drain", "none"), "released open drain")
    b.control("pin 12 1")
    check_equal(b.eval("od.value()"), 1, "released line pulled high outside")
    b.exec("od(0)")
    check_equal((pad(b, 12)["drive"], pad(b, 12)["level"], b.eval("od()")), ("0", "0", 0), "open drain low wins")
    b.exec("od(1)")
    b.control("pin 12 0")
    check_equal(b.eval("od()"), 0, "another driver pulls the released line low")
    b.control("pin 12 float")
    b.exec("Pin(12, Pin.OPEN_DRAIN, Pin.PULL_UP)")
    check_equal(b.eval("od()"), 1, "released open drain with pull-up reads 1")

    # GPIO16: IN/OUT/OPEN_DRAIN, no pull-up, no IRQ.
    check_equal(error_of(b, "Pin(16, Pin.IN, Pin.PULL_UP)"), "ValueError: Pin(16) doesn't support pull", "GPIO16 pull")
    b.exec("Pin(16, Pin.IN, None)")
    b.exec("p16 = Pin(16, Pin.OUT, value=1)")
    check_equal(pad(b, 16)["level"], "1", "GPIO16 output")
    b.exec("p16(0)")
    check_equal(pad(b, 16)["level"], "0", "GPIO16 output low")

    # Bad arguments.
    check_equal(error_of(b, "Pin(4, 7)"), "ValueError: invalid pin mode", "unknown mode")
    check(error_of(b, "Pin(4).init()").startswith("TypeError"), "init() needs a mode")
    check(error_of(b, "Pin('x')").startswith("TypeError"), "Pin('x')")
    check(error_of(b, "Pin()").startswith("TypeError"), "Pin() needs an id")
    check(error_of(b, "Pin(4, Pin.IN, bogus=1)").startswith("TypeError"), "unknown keyword")
    check(error_of(b, "Pin(4)(1, 2)").startswith("TypeError"), "p(a, b)")

    # Signal: a pin seen through an optional inversion.
    b.exec("s = Signal(Pin(13, Pin.OUT), invert=True)\ns.on()")
    check_equal((pad(b, 13)["level"], b.eval("s.value()"), b.eval("s()")), ("0", 1, 1), "inverted Signal on")
    b.exec("s.off()")
    check_equal(pad(b, 13)["level"], "1", "inverted Signal off")
    b.exec("s(1)")
    check_equal(pad(b, 13)["level"], "0", "s(1)")
    b.exec("s2 = Signal(14, Pin.OUT, value=1, invert=True)")
    check_equal(pad(b, 14)["level"], "0", "Signal(id, mode, value=1, invert=True) starts inactive-high")
    b.exec("s3 = Signal(Pin(15))")
    b.control("pin 15 1")
    check_equal(b.eval("s3.value()"), 1, "plain Signal reads the pin")
    b.exec("s4 = Signal(15, Pin.IN, invert=True)")
    check_equal(b.eval("s4.value()"), 0, "inverted Signal reads the pin inverted")
    check(error_of(b, "Signal(Pin(15), Pin.OUT)").startswith("TypeError"), "Signal(pin, mode)")

    # A soft reset keeps modes and levels.
    b.leave_raw()
    b.soft_reset()
    check_equal((pad(b, 5)["mode"], pad(b, 5)["level"]), ("out", "1"), "levels survive a soft reset")

print("ok")
