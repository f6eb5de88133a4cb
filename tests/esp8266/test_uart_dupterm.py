"""UART(0) detached from os.dupterm: the bytes the board receives go to UART(0).read(),
readline(), readinto() and any() instead of the REPL, with the read timeouts; attaching it
again gives the terminal back to the REPL."""
import time

from board import Board, check_equal

# The program detaches UART0, reads what the test types meanwhile, attaches UART0 again and
# only then prints (while detached its output reaches no terminal either).
PROGRAM = """
import os
from machine import UART
u = UART(0, 115200, timeout=3000, timeout_char=100)
old = os.dupterm(None, 1)
first = u.read(5)
line = u.readline()
buf = bytearray(3)
n = u.readinto(buf)
pending = u.any()
rest = u.read()
quiet = UART(0, 115200).read()
os.dupterm(old, 1)
print(repr((first, line, n, bytes(buf), pending, rest, quiet, old is not None)))
"""

with Board() as b:
    b.exec("pass")  # into the raw REPL
    b._wait_raw_prompt(10)
    b.write(PROGRAM.encode() + b"\x04")
    check_equal(b.read_exactly(2), b"OK", "program accepted")
    time.sleep(0.5)
    b.write(b"hello")
    time.sleep(0.3)
    b.write(b"line one\nabcxy")
    out, err = b._follow(20)
    check_equal(err, b"", "no exception")
    result = eval(out.decode())
    check_equal(result, (b"hello", b"line one\n", 3, b"abc", 2, b"xy", None, True),
                "read, readline, readinto, any, read of the rest, nothing more")
    # UART0 is the REPL's terminal again.
    check_equal(b.exec("print(6 * 7)"), b"42\r\n", "REPL after attaching UART0 again")
print("ok")
