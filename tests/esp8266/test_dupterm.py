# os.dupterm: a Python stream in slot 0 sees all output and feeds input; UART0 in slot 1 can be
# detached and re-attached; a failing stream is deactivated with MicroPython's message.
from board import Board, check, check_equal

SETUP = """\
import io, os
class Term(io.IOBase):
    def __init__(self):
        self.out = bytearray()
        self.inp = bytearray()
    def write(self, data):
        self.out += data
        return len(data)
    def readinto(self, buf):
        if not self.inp:
            return None
        buf[0] = self.inp[0]
        self.inp = self.inp[1:]
        return 1
    def ioctl(self, op, arg):
        return 0
t = Term()
"""

with Board() as b:
    b.wait_prompt()
    b.write(b"\x05" + SETUP.replace("\n", "\r").encode() + b"\x04")
    b.read_until(b">>> ")
    check_equal(b.friendly("os.dupterm(t, 0)"), b"os.dupterm(t, 0)\r\n>>> ", "attach slot 0")
    b.friendly("print('to both')")
    b.write(b"bytes(t.out)\r")
    check_equal(b.read_until(b'"\r\n>>> '), b"bytes(t.out)\r\nb\">>> print('to both')\\r\\nto both\\r\\n>>> bytes(t.out)\\r\\n\"\r\n>>> ",
                "the stream got the echo and the output")
    # Input from the stream is typed into the REPL like UART input.
    b.write(b"t.inp += b'40 + 2\\r'\r")
    check_equal(b.read_until(b"42\r\n>>> "), b"t.inp += b'40 + 2\\r'\r\n>>> 40 + 2\r\n42\r\n>>> ", "input from the stream")
    check_equal(b.friendly("os.dupterm(None, 0) is t"), b"os.dupterm(None, 0) is t\r\nTrue\r\n>>> ", "detach returns it")
    # Slot 1 holds UART0; bad indices are refused.
    out = b.friendly("os.dupterm(None, 2)")
    check(out.endswith(b"ValueError: invalid dupterm index\r\n>>> "), "bad index %r" % out)
    check_equal(b.friendly("u0 = os.dupterm(None, 1); os.dupterm(u0, 1); repr(u0)[:7]"),
                b"u0 = os.dupterm(None, 1); os.dupterm(u0, 1); repr(u0)[:7]\r\n'UART(0,'\r\n>>> ", "UART0 in slot 1")
    # Detached UART0: the REPL no longer reads it; UART(0).read() does.
    b.write(b"import machine, time; u = machine.UART(0, 115200); os.dupterm(None, 1); time.sleep(0.5); "
            b"got = u.read(); os.dupterm(u, 1); print(got)\r")
    b.read_until(b"print(got)\r\n")
    b.write(b"xyz")
    check_equal(b.read_until(b">>> "), b"b'xyz'\r\n>>> ", "UART(0).read() while detached")
    # A stream whose write raises is deactivated.
    b.write(b"\x05class Bad(io.IOBase):\r    def write(self, d):\r        raise OSError(5)\r"
            b"    def readinto(self, b):\r        return None\r\x04")
    b.read_until(b">>> ")
    out = b.friendly("os.dupterm(Bad(), 0); print('after')")
    check(b"dupterm: Exception in write() method, deactivating: " in out and b"after" in out, "deactivated %r" % out)
    check_equal(b.friendly("os.dupterm(None, 0)"), b"os.dupterm(None, 0)\r\n>>> ", "slot emptied")
