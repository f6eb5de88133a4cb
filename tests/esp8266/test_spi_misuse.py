"""SPI methods called with something else as self, and SPI objects where streams are expected:
clear TypeErrors, and the board keeps running."""
from board import Board, check_equal, error_of


with Board() as b:
    b.exec("from machine import SPI, SoftSPI, Pin\nimport os")
    check_equal(error_of(b, "SoftSPI.read(5, 1)"), "TypeError: descriptor 'read' for 'SoftSPI' objects doesn't apply to a 'int' object", "int as self")
    check_equal(error_of(b, "SPI.write(Pin(4), b'x')"), "TypeError: descriptor 'write' for 'HSPI' objects doesn't apply to a 'Pin' object", "Pin as self")
    check_equal(error_of(b, "os.dupterm(SPI(1), 0)"), "TypeError: 'HSPI' object is not a stream", "SPI as a terminal")
    check_equal(b.eval("1 + 1"), 2, "still running")
