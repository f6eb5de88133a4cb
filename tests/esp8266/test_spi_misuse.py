"""SPI methods called with something else as self, and SPI objects where streams are expected:
clear TypeErrors, and the board keeps running."""
from board import Board, check_equal, error_of


with Board() as b:
    b.exec("from machine import SPI, SoftSPI, Pin\nimport os")
    check_equal(error_of(b, "SoftSPI.read(5, 1)"), "TypeError: expected an SPI object, got 'int'", "int as self")
    check_equal(error_of(b, "SPI.write(Pin(4), b'x')"), "TypeError: expected an SPI object, got 'Pin'", "Pin as self")
    check_equal(error_of(b, "os.dupterm(SPI(1), 0)"), "TypeError: 'HSPI' object is not a stream", "SPI as a terminal")
    check_equal(b.eval("1 + 1"), 2, "still running")
