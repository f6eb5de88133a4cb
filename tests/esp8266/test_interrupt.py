# Ctrl-C while code runs raises KeyboardInterrupt (friendly, raw, raw-paste, sleeps);
# micropython.kbd_intr(-1) turns it off; while the REPL waits, Ctrl-C is an ordinary key.
import time

from board import Board, check, check_equal

KI = b"Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nKeyboardInterrupt: \r\n"

with Board() as b:
    b.wait_prompt()
    b.write(b"while True: pass\r\r")
    b.read_until(b"\r\n... \r\n")
    time.sleep(0.3)
    b.write(b"\x03")
    check_equal(b.read_until(b">>> "), KI + b">>> ", "busy loop interrupted")
    b.write(b"import time; time.sleep(30)\r")
    b.read_until(b"time.sleep(30)\r\n")
    time.sleep(0.3)
    start = time.time()
    b.write(b"\x03")
    check_equal(b.read_until(b">>> "), KI + b">>> ", "sleep interrupted")
    check(time.time() - start < 2, "sleep interrupted promptly")
    # try/except sees it.
    b.write(b"try:\rtime.sleep(30)\r\x7fexcept KeyboardInterrupt:\rprint('caught')\r\r\r\r")
    b.read_until(b"\r\n... \r\n")
    time.sleep(0.3)
    b.write(b"\x03")
    check_equal(b.read_until(b">>> "), b"caught\r\n>>> ", "caught")
    # kbd_intr(-1): Ctrl-C becomes data for the running code.
    # (Ctrl-C goes once the code says it has turned it off: the echo comes before the code runs.)
    b.write(b"import micropython, sys; micropython.kbd_intr(-1); print('off'); print(repr(sys.stdin.read(1)))\r")
    b.read_until(b"stdin.read(1)))\r\noff\r\n")
    b.write(b"\x03")
    check_equal(b.read_until(b">>> "), b"'\\x03'\r\n>>> ", "kbd_intr(-1)")
    # ...and it is back for the next command.
    b.write(b"while True: pass\r\r")
    b.read_until(b"\r\n... \r\n")
    time.sleep(0.2)
    b.write(b"\x03")
    check_equal(b.read_until(b">>> "), KI + b">>> ", "Ctrl-C back after kbd_intr(-1)")
    # Raw REPL: reported in the error part.
    b.enter_raw(soft_reset=False)
    b.write(b"while True: pass\x04")
    check_equal(b.read_exactly(2), b"OK", "raw OK")
    time.sleep(0.3)
    b.write(b"\x03")
    check_equal(b.read_until(b"\x04>"), b"\x04" + KI + b"\x04>", "raw interrupted")
    # Raw-paste: Ctrl-C while the host is still sending.
    b.write(b"\x05A\x01")
    check_equal(b.read_exactly(5), b"R\x01\x80\x00\x01", "raw-paste")
    b.write(b"print(1)\n\x03")
    check_equal(b.read_until(b"\x04>"), b"\x04\x04KeyboardInterrupt: \r\n\x04>", "raw-paste interrupted")
    b.write(b"print(2)\x04")
    check_equal(b.read_until(b"\x04>"), b"OK2\r\n\x04\x04>", "raw REPL goes on")
    b.exit_raw()
    check(b"MicroPython v" in b.read_until(b">>> "), "back to friendly")
