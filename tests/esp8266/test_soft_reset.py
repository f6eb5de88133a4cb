# Soft reset (boot-and-filesystem.md §2, repl-protocols.md §4): fresh heap, finalisers run,
# "MPY: soft reboot", mode kept; machine.soft_reset() and sys.exit() as triggers.
import re

from board import Board, check, check_equal

BANNER = rb'MicroPython v[^\r]*\r\nType "help\(\)" for more information\.\r\n>>> '

with Board() as b:
    b.wait_prompt()
    b.friendly("x = 42")
    b.friendly("class Closer:\r    def __del__(self):\r        print('closed')\r\r\r")
    b.friendly("c = Closer()")
    b.friendly("import gc; free = gc.mem_free()")
    # Ctrl-D on an empty line: finalisers, then the reboot line and the banner, no hard-boot \r\n.
    out = b.soft_reset()
    check(re.fullmatch(rb"\r\nclosed\r\nMPY: soft reboot\r\n" + BANNER, out), "Ctrl-D soft reset %r" % out)
    check_equal(b.friendly("'x' in globals()"), b"'x' in globals()\r\nFalse\r\n>>> ", "globals gone")
    check_equal(b.friendly("import sys; sys.platform"), b"import sys; sys.platform\r\n'esp8266'\r\n>>> ", "runtime fresh")
    # Ctrl-D on a non-empty line is ignored.
    b.write(b"1\x04+1\r")
    check_equal(b.read_until(b">>> "), b"1+1\r\n2\r\n>>> ", "Ctrl-D ignored mid-line")
    # sys.exit() and machine.soft_reset() at the prompt soft-reset too.
    out = b.friendly("sys.exit()")
    check(re.fullmatch(rb"sys.exit\(\)\r\nMPY: soft reboot\r\n" + BANNER, out), "sys.exit %r" % out)
    out = b.friendly("import machine; machine.soft_reset()")
    check(re.fullmatch(rb"import machine; machine.soft_reset\(\)\r\nMPY: soft reboot\r\n" + BANNER, out),
          "machine.soft_reset %r" % out)
    # The reset cause is not changed by a soft reset; history is cleared.
    check_equal(b.friendly("import machine; machine.reset_cause()"), b"import machine; machine.reset_cause()\r\n0\r\n>>> ", "reset cause kept")
    b.soft_reset()
    b.write(b"\x1b[A\r")
    check_equal(b.read_until(b">>> "), b"\r\n>>> ", "history cleared")
    # The heap is fresh every time: many soft resets do not leak.
    for i in range(5):
        b.friendly("junk = [bytearray(100) for i in range(50)]")
        b.soft_reset()
    out = b.friendly("import gc; gc.collect(); gc.mem_free() > 30000")
    check_equal(out, b"import gc; gc.collect(); gc.mem_free() > 30000\r\nTrue\r\n>>> ", "heap fresh")
    # UART0 is in dupterm slot 1 after every start.
    check_equal(b.friendly("import machine; machine.UART(0) is not None"),
                b"import machine; machine.UART(0) is not None\r\nTrue\r\n>>> ", "UART0 exists")
