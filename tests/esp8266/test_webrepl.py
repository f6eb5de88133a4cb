"""WebREPL on the simulated board through its real interfaces: a WebSocket client on the host
logs in, runs code, uploads and downloads files (bytes checked in the flash image too); wrong
passwords, a second client, plain HTTP, malformed and oversized frames, a half-open client and
a client that vanishes mid-transfer leave the board running and its files intact."""
import hashlib
import os
import socket
import struct
import subprocess
import tempfile
import time

from board import ROOT, Board, check, check_equal, tcp_exchange
from wsclient import WebREPL, WebSocket

BASE = 23000
PORT = BASE + 8266
body = bytes(range(256)) * 12 + b"tail"


def alive(b):
    check_equal(b.exec("print(6*7)"), b"42\r\n", "board answers on UART0")


def refused():
    try:
        socket.create_connection(("127.0.0.1", PORT), timeout=2).close()
    except OSError:
        return True
    return False


with Board(extra_args=["--net-port-base", str(BASE)]) as b:
    b.read_until(b">>> ")
    # Not configured: the daemon says why and does not listen.
    out = b.exec("import webrepl\nwebrepl.start()")
    check_equal(out, b"WebREPL is not configured, run 'import webrepl_setup'\r\n", "unconfigured")
    check(refused(), "no listener without a password")

    b.put_file("webrepl_cfg.py", "PASS = 'abcd'\n")
    out = b.exec("webrepl.start()")
    check_equal(out, b"WebREPL server started on http://192.168.4.1:8266/\r\nStarted webrepl in normal mode\r\n", "start")

    # Plain HTTP: the small page that loads the client from the static host.
    page = tcp_exchange(PORT, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    check(page.startswith(b"HTTP/1.0 200 OK\r\n\r\n") and b'<base href="https://micropython.org/webrepl/">' in page,
          "HTML page: %r" % page)

    # Log in (case-insensitive headers, masked frames), run code, files both ways.
    b.leave_raw()
    w = WebREPL("127.0.0.1", PORT)
    check_equal(w.login("abcd"), b"\r\nWebREPL connected\r\n>>> ", "login")
    check(b"WebREPL connection from: ('127.0.0.1'," in b.read_until(b")\r\n"), "connection printed")
    check_equal(w.run("print(6*7)"), b"print(6*7)\r\n42\r\n>>> ", "runs code")
    check_equal(w.get_ver(), b"\x01\x16\x00", "GET_VER: the MicroPython release espy follows, as sys.implementation.version")
    w.put_file("/up.bin", body)
    check_equal(w.get_file("/up.bin"), body, "download what was uploaded")
    try:
        w.get_file("/missing.bin")
        check(False, "GET of a missing file")
    except (IOError, EOFError, ConnectionError):
        pass
    w.close()
    time.sleep(0.5)

    # A second client while one is connected is told and turned away.
    w = WebREPL("127.0.0.1", PORT, "abcd")
    w2 = WebSocket("127.0.0.1", PORT)
    op, msg = w2.recv_frame()
    check_equal((op, msg), (1, b"\r\nConcurrent WebREPL connection rejected\r\n"), "second client")
    w2.close()
    out = w.run("print('still')")
    check(b"Concurrent WebREPL connection from ('127.0.0.1'," in out and out.endswith(b"print('still')\r\nstill\r\n>>> "),
          "first session sees the refusal and continues: %r" % out)
    w.close()
    time.sleep(0.5)

    # Wrong password: refused; the board goes on, the next client gets in.
    w = WebREPL("127.0.0.1", PORT)
    check_equal(w.login("nope"), b"\r\nAccess denied\r\n", "wrong password")
    w.close()
    time.sleep(2)  # the refused session ends after a delay that grows with each failure
    w = WebREPL("127.0.0.1", PORT)
    w.read_text_until(b"Password: ")
    w.send_frame(2, b"abcd\r", mask=False)  # as webrepl_cli.py: binary, unmasked
    w.read_text_until(b">>> ")
    check_equal(w.run("print(len(open('/up.bin','rb').read()))"), b"print(len(open('/up.bin','rb').read()))\r\n%d\r\n>>> " % len(body), "after wrong password")

    # Malformed: a 64-bit length ends the session; the board stays up.
    w.sock.sendall(bytes([0x81, 0x80 | 127]) + struct.pack(">Q", 1 << 40) + b"\x00" * 8)
    time.sleep(0.5)
    w.close()
    b.enter_raw(soft_reset=False)
    b._in_raw = True
    alive(b)
    b.leave_raw()

    # Oversized: a 4000-byte text frame of input (more than the REPL buffers) is taken, never a crash.
    w = WebREPL("127.0.0.1", PORT, "abcd")
    w.send_frame(1, b"#" * 4000)
    w.send_frame(1, b"\x03")
    time.sleep(1)
    w.close()
    time.sleep(0.5)

    # Half open: a client that connects and says nothing is dropped after a few seconds.
    half = socket.create_connection(("127.0.0.1", PORT), timeout=10)
    start = time.time()
    try:
        got = half.recv(10)
    except OSError:
        got = b""
    check(got == b"" and time.time() - start < 9, "half-open client dropped (%r after %.1fs)" % (got, time.time() - start))
    half.close()

    # A client that vanishes in the middle of an upload.
    w = WebREPL("127.0.0.1", PORT, "abcd")
    rec = w.request(1, "/partial.bin", 5000)
    w.send_frame(2, rec)
    check_equal(w.binary(), b"WB\x00\x00", "PUT accepted")
    w.send_frame(2, b"x" * 1000)
    w.sock.close()
    time.sleep(1)
    b.read_available()
    b.enter_raw(soft_reset=False)
    b._in_raw = True
    alive(b)
    check_equal(b.eval("__import__('binascii').hexlify(__import__('hashlib').sha256(open('/up.bin','rb').read()).digest())"),
                hashlib.sha256(body).hexdigest().encode(), "earlier upload intact")
    names = b.eval("sorted(__import__('os').listdir('/'))")
    check("up.bin" in names and "boot.py" in names, "files: %r" % names)
    b.exec("import os\nos.sync() if hasattr(os, 'sync') else None")

    # And a new session works.
    b.leave_raw()
    w = WebREPL("127.0.0.1", PORT, "abcd")
    check_equal(w.run("print(1+1)"), b"print(1+1)\r\n2\r\n>>> ", "new session")
    w.close()
    b.stop()

    # The uploaded bytes are in the flash image, read with an independent tool when there is one.
    tool = os.path.join(ROOT, "tools", "flashimage")
    if os.path.exists(tool):
        out = tempfile.mkdtemp(prefix="flash-")
        subprocess.run([tool, "--espy", os.path.join(ROOT, "build", "espy"), "extract", b.flash, out], check=True,
                       stdout=subprocess.DEVNULL)
        with open(os.path.join(out, "up.bin"), "rb") as f:
            check_equal(f.read(), body, "bytes in the flash image")
print("ok")
