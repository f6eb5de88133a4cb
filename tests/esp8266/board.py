"""board.py: drive build/esp8266-sim as a host tool drives a real board (pyboard.py, mpremote).

    from board import Board
    with Board() as b:                    # fresh flash image in a temp dir, UART0 on a pty
        b.read_until(b'>>> ')             # the boot banner and first prompt
        print(b.exec('print(1+1)'))       # raw REPL, like pyboard.py: b'2\\r\\n'
        b.put_file('main.py', b'print("hi")\\n')
        b.soft_reset()

Everything goes over the simulated UART0 byte for byte, so the tests see what mpremote and
Thonny see. Timeouts raise BoardTimeout with everything received so far.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import serial

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SIM = os.environ.get("ESP8266_SIM", os.path.join(ROOT, "build", "esp8266-sim"))
# Host-side helpers of the tests (wsclient.py, ...) import as top-level modules.
if os.path.join(HERE, "lib") not in sys.path:
    sys.path.insert(0, os.path.join(HERE, "lib"))

RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n"
SOFT_REBOOT = b"MPY: soft reboot\r\n"


class BoardTimeout(Exception):
    pass


class BoardError(Exception):
    """Code run through the raw REPL raised; args: (stdout, error text)."""


class Board:
    def __init__(self, flash_size=None, heap=None, flash_image=None, control=False, sim=DEFAULT_SIM,
                 extra_args=(), start=True):
        self.tmpdir = tempfile.mkdtemp(prefix="esp8266-sim-")
        self.flash = os.path.join(self.tmpdir, "flash.img")
        if flash_image is not None:
            shutil.copyfile(flash_image, self.flash)
        self.flash_size = flash_size
        self.heap = heap
        self.control_path = os.path.join(self.tmpdir, "control.sock") if control else None
        self.sim = sim
        self.extra_args = list(extra_args)
        self.proc = None
        self.serial = None
        self.received = b""  # everything read since start(), for debugging
        if start:
            self.start()

    # ---- process --------------------------------------------------------------------

    def command_line(self):
        args = [self.sim, "--uart", "pty", "--flash", self.flash]
        if self.flash_size:
            args += ["--flash-size", self.flash_size]
        if self.heap:
            args += ["--heap", str(self.heap)]
        if self.control_path:
            args += ["--control", self.control_path]
        if "--webrepl-page" not in self.extra_args:
            # Boards under test serve no page unless a test asks: no fight over the default port.
            args += ["--webrepl-page", "0"]
        return args + self.extra_args

    def start(self):
        """Powers the board on (a new process on the same flash image); it starts at the
        friendly REPL, so no raw-REPL state is kept from before."""
        self._in_raw = self._raw_prompt_pending = False
        self.proc = subprocess.Popen(self.command_line(), stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
        line = self.proc.stdout.readline().decode()
        if "UART0 on " not in line:
            self.proc.wait(5)
            raise RuntimeError("esp8266-sim did not start: %r" % line)
        self.pty = line.split("UART0 on ")[1].strip()
        # pyserial flushes pending input when it opens a port; the boot output is wanted here.
        self.serial = serial.Serial()
        self.serial.port = self.pty
        self.serial.baudrate = 115200
        self.serial.timeout = 0.05
        self.serial._reset_input_buffer = lambda: None
        self.serial.open()
        if self.control_path:
            deadline = time.time() + 5
            while not os.path.exists(self.control_path) and time.time() < deadline:
                time.sleep(0.01)

    def stop(self):
        """Powers the board off."""
        if self.serial is not None:
            self.serial.close()
            self.serial = None
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc.stdout.close()
            self.proc = None

    def power_cycle(self):
        """Power off and on again: RAM and RTC memory are lost, the flash stays."""
        self.stop()
        self.start()

    def close(self):
        self.stop()
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    # ---- bytes on the UART ---------------------------------------------------------------

    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.serial.write(data)
        self.serial.flush()

    def read_available(self, wait=0.1):
        """What arrives within `wait` seconds of quiet."""
        data = b""
        deadline = time.time() + wait
        while time.time() < deadline:
            chunk = self.serial.read(4096)
            if chunk:
                data += chunk
                deadline = time.time() + wait
        self.received += data
        return data

    def read_until(self, ending, timeout=10):
        """Reads up to and including `ending`; BoardTimeout if it does not come."""
        if isinstance(ending, str):
            ending = ending.encode()
        data = b""
        deadline = time.time() + timeout
        while not data.endswith(ending):
            if time.time() > deadline:
                self.received += data
                raise BoardTimeout("waited %.1fs for %r; got %r" % (timeout, ending, data))
            chunk = self.serial.read(1)
            if chunk:
                data += chunk
            elif not self.alive():
                raise BoardTimeout("esp8266-sim exited (%s) while waiting for %r; got %r"
                                   % (self.proc.returncode, ending, data))
        self.received += data
        return data

    def read_exactly(self, n, timeout=10):
        data = b""
        deadline = time.time() + timeout
        while len(data) < n:
            if time.time() > deadline:
                raise BoardTimeout("waited for %d bytes; got %r" % (n, data))
            data += self.serial.read(n - len(data))
        self.received += data
        return data

    # ---- friendly REPL -----------------------------------------------------------------

    def friendly(self, line, prompt=b">>> ", timeout=10):
        """Types a line at the friendly prompt; returns everything up to the next prompt."""
        self.write(line + "\r" if isinstance(line, str) else line + b"\r")
        return self.read_until(prompt, timeout)

    def wait_prompt(self, timeout=10):
        return self.read_until(b">>> ", timeout)

    # ---- raw REPL (what pyboard.py and mpremote do) -------------------------------------

    def enter_raw(self, soft_reset=True, timeout=10):
        self.write(b"\r\x03")
        time.sleep(0.1)
        self.read_available(0.1)
        self.write(b"\r\x01")
        self.read_until(RAW_BANNER + b">", timeout)
        if soft_reset:
            self.write(b"\x04")
            self.read_until(b"soft reboot\r\n", timeout)
            self.read_until(RAW_BANNER, timeout)
        else:
            self._raw_prompt_pending = False
            return
        self._raw_prompt_pending = True

    def exit_raw(self):
        self.write(b"\r\x02")

    def _wait_raw_prompt(self, timeout):
        if getattr(self, "_raw_prompt_pending", False):
            self.read_until(b">", timeout)
            self._raw_prompt_pending = False

    def exec_raw(self, code, timeout=10):
        """Plain raw REPL: code in 256-byte chunks 10 ms apart, then Ctrl-D; returns (out, err)."""
        if isinstance(code, str):
            code = code.encode()
        self._wait_raw_prompt(timeout)
        for i in range(0, len(code), 256):
            self.write(code[i:i + 256])
            time.sleep(0.01)
        self.write(b"\x04")
        ok = self.read_exactly(2, timeout)
        if ok != b"OK":
            raise BoardError(b"", b"could not exec command (response: %r)" % ok)
        return self._follow(timeout)

    def exec_raw_paste(self, code, timeout=10):
        """Raw-paste mode with its flow control; returns (out, err)."""
        if isinstance(code, str):
            code = code.encode()
        self._wait_raw_prompt(timeout)
        self.write(b"\x05A\x01")
        reply = self.read_exactly(2, timeout)
        if reply != b"R\x01":
            raise BoardError(b"", b"raw-paste refused: %r" % reply)
        header = self.read_exactly(3, timeout)
        window = header[0] | header[1] << 8
        remaining = window * 2  # the size implies one free window, the \x01 another
        i = 0
        while i < len(code):
            while remaining == 0 or self.serial.in_waiting:
                b = self.read_exactly(1, timeout)
                if b == b"\x01":
                    remaining += window
                elif b == b"\x04":
                    self.write(b"\x04")  # the device ended the paste early (compile error)
                    i = len(code)
                    break
                else:
                    raise BoardError(b"", b"unexpected flow-control byte %r" % b)
            if i >= len(code):
                break
            n = min(remaining, len(code) - i)
            self.write(code[i:i + n])
            remaining -= n
            i += n
        self.write(b"\x04")
        self.read_until(b"\x04", timeout)  # end-of-data acknowledgement
        return self._follow(timeout)

    def _follow(self, timeout):
        out = self.read_until(b"\x04", timeout)[:-1]
        err = self.read_until(b"\x04", timeout)[:-1]
        self._raw_prompt_pending = True
        return out, err

    def exec(self, code, timeout=10, raw_paste=True):
        """Runs code in the raw REPL (entered without soft reset if needed); returns stdout,
        raises BoardError(out, err) when it raised."""
        if not getattr(self, "_in_raw", False):
            self.enter_raw(soft_reset=False)
            self._in_raw = True
        run = self.exec_raw_paste if raw_paste else self.exec_raw
        out, err = run(code, timeout)
        if err:
            raise BoardError(out, err)
        return out

    def eval(self, expr, timeout=10):
        import ast
        return ast.literal_eval(self.exec("print(repr((%s)))" % expr, timeout).decode().strip())

    def leave_raw(self):
        if getattr(self, "_in_raw", False):
            self._wait_raw_prompt(5)
            self.exit_raw()
            self.read_until(b">>> ")
            self._in_raw = False

    def raw_soft_reset(self, timeout=10):
        """Ctrl-D at the raw REPL's prompt; returns what follows up to the next raw prompt
        (BoardError when the board does not say it rebooted)."""
        if not getattr(self, "_in_raw", False):
            self.enter_raw(soft_reset=False)
            self._in_raw = True
        self._wait_raw_prompt(timeout)
        self.write(b"\x04")
        out = self.read_until(RAW_BANNER + b">", timeout)
        if b"soft reboot\r\n" not in out:
            raise BoardError(out, b"no soft reboot before the raw prompt")
        return out

    def rebooted(self, timeout=10):
        """The board restarted by itself (reset button, watchdog, deep sleep): reads its boot
        output up to the friendly prompt and returns it; the raw REPL is left behind."""
        out = self.read_until(b">>> ", timeout)
        self._in_raw = self._raw_prompt_pending = False
        return out

    def soft_reset(self, timeout=10):
        """Ctrl-D at an empty friendly prompt; returns what follows up to the next prompt."""
        self.write(b"\x04")
        return self.read_until(b">>> ", timeout)

    # ---- files, as mpremote copies them ----------------------------------------------------

    def put_file(self, remote, data, chunk=256):
        if isinstance(data, str):
            data = data.encode()
        self.exec("f=open(%r,'wb')\nw=f.write" % remote)
        for i in range(0, len(data), chunk):
            self.exec("w(%r)" % data[i:i + chunk])
        self.exec("f.close()")

    def get_file(self, remote, chunk=256):
        self.exec("f=open(%r,'rb')\nr=f.read" % remote)
        data = b""
        while True:
            out = self.exec("print(r(%d))" % chunk)
            piece = eval(out.decode().strip())
            if not piece:
                break
            data += piece
        self.exec("f.close()")
        return data

    # ---- the control socket (docs/control-protocol.md) --------------------------------------

    def control(self, line, timeout=5):
        """Sends one command line on the control socket; returns the reply line."""
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(timeout)
        s.connect(self.control_path)
        s.sendall(line.encode() + b"\n")
        reply = b""
        while not reply.endswith(b"\n"):
            chunk = s.recv(4096)
            if not chunk:
                break
            reply += chunk
        s.close()
        return reply.decode().rstrip("\n")

    def flash_bytes(self, offset=0, size=None):
        """Reads the flash image file directly (as an independent check)."""
        with open(self.flash, "rb") as f:
            f.seek(offset)
            return f.read() if size is None else f.read(size)


def error_of(b, code):
    """The last line of what running code raised ('ValueError: invalid pin'); None if it did not raise."""
    try:
        b.exec(code)
    except BoardError as e:
        return e.args[1].decode().strip().splitlines()[-1]
    return None


def tcp_exchange(port, request):
    """Sends request to 127.0.0.1:port; returns all the peer sends until it closes."""
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(request)
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    return data


def check(condition, message):
    """Fails the test (exit status 1) with a message when condition is false."""
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


def check_equal(got, expected, what):
    if got != expected:
        print("FAIL: %s\n  expected %r\n  got      %r" % (what, expected, got))
        sys.exit(1)
