"""machine.UART on the simulated board: ids, parameters and their checks, repr, UART1's output
read back through the control socket, UART0 while it is the REPL's terminal, errors."""
from board import Board, check, check_equal, error_of


with Board(control=True) as b:
    b.exec("from machine import UART, Pin")
    check_equal(b.eval("repr(UART(0))"),
                "UART(0, baudrate=115200, bits=8, parity=None, stop=1, rxbuf=15, timeout=0, timeout_char=1)",
                "UART(0) as every boot sets it up")
    check_equal(b.eval("repr(UART(1, 9600))"),
                "UART(1, baudrate=9600, bits=8, parity=None, stop=1, rxbuf=15, timeout=0, timeout_char=2)",
                "timeout_char grows with slower rates (13 bit times)")
    check_equal(b.eval("repr(UART(1, 115200, 7, 0, 2, timeout=100, timeout_char=5))"),
                "UART(1, baudrate=115200, bits=7, parity=0, stop=2, rxbuf=15, timeout=100, timeout_char=5)",
                "positional bits, even parity, stop, keyword timeouts")
    b.exec("u = UART(1, 4800, bits=5, parity=1)")
    check_equal(b.eval("repr(u)"),
                "UART(1, baudrate=4800, bits=5, parity=1, stop=1, rxbuf=15, timeout=0, timeout_char=3)", "odd parity")
    b.exec("u.init(parity=None, stop=2, baudrate=115200)")
    check_equal(b.eval("repr(u)"),
                "UART(1, baudrate=115200, bits=5, parity=None, stop=2, rxbuf=15, timeout=0, timeout_char=3)",
                "init changes only what it is given")
    check_equal(b.eval("repr(UART(0, tx=Pin(15), rx=Pin(13), rxbuf=63))"),
                "UART(0, baudrate=115200, bits=8, parity=None, stop=1, rxbuf=63, timeout=0, timeout_char=1)",
                "swapped pins and a bigger receive buffer")
    b.exec("UART(0, 115200, tx=1, rx=3, rxbuf=15)")

    # UART1 transmits on GPIO2; the control socket hears it.
    b.control("uart1?")
    b.exec("u = UART(1, 115200)")
    check_equal(b.eval("u.write(b'hello uart1')"), 11, "write returns the count")
    check_equal(b.eval("u.write('text')"), 4, "str is written as UTF-8")
    check_equal(b.control("uart1?"), "uart1 " + b"hello uart1text".hex(), "UART1 output read back")
    check_equal(b.eval("(u.txdone(), u.flush(), u.any(), u.deinit())"), (True, None, 0, None),
                "txdone, flush, any, deinit")

    # UART0 is the REPL's terminal (os.dupterm slot 1): its bytes go to the REPL, not to read().
    b.exec("u0 = UART(0)")
    check_equal(b.eval("(u0.any(), u0.read(), u0.readline(), u0.read(0))"), (0, None, None, b""),
                "UART(0) reads nothing while the REPL has the terminal")
    check_equal(b.eval("u0.readinto(bytearray(4))"), None, "readinto returns None without data")
    out = b.exec("u0.write(b'[direct]\\r\\n')")
    check(b"[direct]\r\n" in out, "UART(0).write goes straight to the terminal: %r" % out)

    # Errors.
    for bad in (2, -1, 10):
        check_equal(error_of(b, "UART(%d)" % bad), "ValueError: UART(%d) does not exist" % bad, "UART(%d)" % bad)
    check_equal(error_of(b, "UART(1).read()"), "OSError: UART(1) can't read", "UART1 cannot read")
    check_equal(error_of(b, "UART(1).readline()"), "OSError: UART(1) can't read", "nor readline")
    check_equal(error_of(b, "UART(0, bits=9)"), "ValueError: invalid data bits", "bits=9")
    check_equal(error_of(b, "UART(0, bits=4)"), "ValueError: invalid data bits", "bits=4")
    check_equal(error_of(b, "UART(0, stop=3)"), "ValueError: invalid stop bits", "stop=3")
    check_equal(error_of(b, "UART(0, tx=Pin(4))"), "ValueError: invalid tx/rx", "GPIO4 is no UART0 pin")
    check_equal(error_of(b, "UART(0, tx=15, rx=3)"), "ValueError: invalid tx/rx", "half swapped")
    check_equal(error_of(b, "UART(0, tx=7)"), "ValueError: invalid pin", "flash pin")
    check_equal(error_of(b, "UART(0, timeout=-5)"), "ValueError: invalid timeout", "negative timeout")
    check_equal(error_of(b, "UART()"), "TypeError: function missing 1 required positional arguments",
                "id is required")
    check_equal(error_of(b, "UART(0, spam=1)"), "TypeError: function got an unexpected keyword argument 'spam'",
                "unknown keyword")
    check_equal(error_of(b, "UART(0).write(5)").split(":")[0], "TypeError", "write needs a buffer")
    check_equal(b.eval("repr(UART(0))"),
                "UART(0, baudrate=115200, bits=8, parity=None, stop=1, rxbuf=15, timeout=0, timeout_char=1)",
                "nothing changed by the failed calls")
print("ok")
