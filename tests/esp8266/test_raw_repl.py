# Raw REPL and raw-paste transcripts, byte for byte as in repl-protocols.md §2-§3.
from board import Board, check_equal

NAME_ERROR = (b"Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
              b"NameError: name 'x' is not defined\r\n")

with Board() as b:
    b.read_until(b">>> ")
    b.write(b"\x01")
    check_equal(b.read_until(b">"), b"\r\nraw REPL; CTRL-B to exit\r\n>", "enter raw")
    b.write(b"print(1)\x04")
    check_equal(b.read_until(b"\x04>"), b"OK1\r\n\x04\x04>", "raw print")
    b.write(b"x\x04")
    check_equal(b.read_until(b"\x04>"), b"OK\x04" + NAME_ERROR + b"\x04>", "raw error")
    # Ctrl-C clears the buffer silently; Ctrl-A with a buffer resets the raw prompt.
    b.write(b"garbage\x03print(2)\x04")
    check_equal(b.read_until(b"\x04>"), b"OK2\r\n\x04\x04>", "Ctrl-C clears")
    b.write(b"junk\x01")
    check_equal(b.read_until(b">"), b"raw REPL; CTRL-B to exit\r\n>", "Ctrl-A resets")
    # Raw-paste: the documented example.
    b.write(b"\x05A\x01")
    check_equal(b.read_exactly(5), b"R\x01\x80\x00\x01", "raw-paste accepted")
    b.write(b"print(123)\x04")
    check_equal(b.read_until(b"\x04>"), b"\x04123\r\n\x04\x04>", "raw-paste run")
    b.write(b"\x05A\x01")
    b.read_exactly(5)
    b.write(b"x\x04")
    check_equal(b.read_until(b"\x04>"), b"\x04\x04" + NAME_ERROR + b"\x04>", "raw-paste error")
    # An unknown raw-paste variant is refused.
    b.write(b"\x05B\x01")
    check_equal(b.read_until(b">"), b"R\x00>", "raw-paste refused")
    # Big code through raw-paste flow control (several windows) and through plain raw mode.
    code = "s = 0\n" + "".join("s += %d  # %s\n" % (i, "-" * 60) for i in range(40)) + "print(s)\n"
    check_equal(b.exec_raw_paste(code), (b"780\r\n", b""), "raw-paste of %d bytes" % len(code))
    check_equal(b.exec_raw(code), (b"780\r\n", b""), "plain raw of %d bytes" % len(code))
    # SystemExit: soft reset staying in raw mode.
    b.read_until(b">")
    b.write(b"import sys\nsys.exit()\x04")
    check_equal(b.read_until(b"raw REPL; CTRL-B to exit\r\n>"),
                b"OK\x04\x04MPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>", "SystemExit in raw")
    # Ctrl-D on an empty buffer: soft reset, still raw.
    b.write(b"\x04")
    check_equal(b.read_until(b"raw REPL; CTRL-B to exit\r\n>"),
                b"OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>", "soft reset in raw")
    # Ctrl-B back to friendly: banner and prompt.
    b.write(b"\x02")
    out = b.read_until(b">>> ")
    check_equal(out[:15], b"\r\nMicroPython v", "Ctrl-B to friendly")
    # pyboard.py's way in: \r\x03, then \r\x01, then Ctrl-D soft reset.
    b.enter_raw(soft_reset=True)
    check_equal(b.exec_raw("print('hello')"), (b"hello\r\n", b""), "after pyboard enter_raw")
    # Thonny: Ctrl-C Ctrl-A until the raw banner; soft reboot from raw with Ctrl-D Ctrl-C; Ctrl-B
    # for the welcome text.
    b.exit_raw()
    b.read_until(b">>> ")
    b.write(b"\x03\x01")
    check_equal(b.read_until(b"raw REPL; CTRL-B to exit\r\n>"), b"\r\n>>> \r\nraw REPL; CTRL-B to exit\r\n>",
                "Thonny's way into raw")
    b.write(b"\x04\x03")
    check_equal(b.read_until(b"raw REPL; CTRL-B to exit\r\n>"),
                b"OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>", "Thonny's soft reboot")
    b.write(b"print('after')\x04")
    check_equal(b.read_until(b"\x04>"), b"OKafter\r\n\x04\x04>", "raw after Thonny's reboot")
