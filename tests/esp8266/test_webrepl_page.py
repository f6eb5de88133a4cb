"""espy's WebREPL page in a real browser: headless chromium loads it from the simulator's page
server, logs in by typing the password into the terminal, runs code, interrupts it, sends a
file through the file input (bytes checked on the board and in the flash image), gets files
back, and shows "another session" and "wrong password". The page server answers bad requests
with 400/404/405/413 while the board keeps running, and a taken port is only a warning."""
import os
import socket
import subprocess
import sys
import tempfile
import time

from board import ROOT, Board, check, check_equal, tcp_exchange

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from cdp import Browser  # noqa: E402
from wsclient import WebREPL  # noqa: E402

PASSWORD = "abcd"
upload = bytes(range(256)) * 9 + b"\r\n\x00end"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def status_line(reply):
    return reply.split(b"\r\n", 1)[0]


# Free ports now, so that test runs on the same host at the same time do not collide.
PAGE_PORT = free_port()
BOARD_PORT = free_port()  # the board's 8266, through --net-port-base
BASE = BOARD_PORT - 8266

with Board(extra_args=["--net-port-base", str(BASE), "--webrepl-page", str(PAGE_PORT)]) as b:
    b.read_until(b">>> ")
    b.put_file("webrepl_cfg.py", "PASS = %r\n" % PASSWORD)
    version = ".".join(str(n) for n in b.eval("__import__('sys').implementation.version[:3]"))
    b.exec("import webrepl\nwebrepl.start()")
    b.leave_raw()

    # The page server: the files, the board's address, and what it refuses.
    index = tcp_exchange(PAGE_PORT, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    check(status_line(index) == b"HTTP/1.1 200 OK" and b"text/html" in index and b"webrepl.js" in index, "index: %r" % index[:200])
    config = tcp_exchange(PAGE_PORT, b"GET /config.js?x=1 HTTP/1.0\r\n\r\n")
    check(config.endswith(b"var espyConfig = {boardPort: %d};\n" % BOARD_PORT), "config.js: %r" % config)
    head = tcp_exchange(PAGE_PORT, b"HEAD /webrepl.css HTTP/1.1\r\n\r\n")
    check(status_line(head) == b"HTTP/1.1 200 OK" and head.endswith(b"\r\n\r\n"), "HEAD: %r" % head)
    for request, expected in [
        (b"GET /../../etc/passwd HTTP/1.1\r\n\r\n", b"400"),
        (b"GET /%2e%2e/etc/passwd HTTP/1.1\r\n\r\n", b"400"),
        (b"GET /missing.html HTTP/1.1\r\n\r\n", b"404"),
        (b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc", b"405"),
        (b"GET / SPDY/3\r\n\r\n", b"400"),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", b"400"),
        (b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\n\r\n", b"413"),
    ]:
        got = status_line(tcp_exchange(PAGE_PORT, request))
        check(got.startswith(b"HTTP/1.1 " + expected + b" "), "%r... answered %r" % (request[:30], got))
    # Clients that connect and say nothing, or vanish half-way, do not stop the others.
    idle = [socket.create_connection(("127.0.0.1", PAGE_PORT)) for _ in range(3)]
    half = socket.create_connection(("127.0.0.1", PAGE_PORT))
    half.sendall(b"GET /webrepl.js HT")
    half.close()
    check(status_line(tcp_exchange(PAGE_PORT, b"GET /webrepl.js HTTP/1.1\r\n\r\n")) == b"HTTP/1.1 200 OK", "served beside idle clients")
    for s in idle:
        s.close()
    # More silent clients than the server holds, one dribbling bytes: they are dropped after
    # 5 s, the request queued behind them is then served, and the board answers meanwhile.
    start = time.time()
    idle = [socket.create_connection(("127.0.0.1", PAGE_PORT)) for _ in range(10)]
    dribble = idle[0]
    queued = socket.create_connection(("127.0.0.1", PAGE_PORT), timeout=15)
    queued.sendall(b"GET /config.js HTTP/1.1\r\n\r\n")
    check_equal(b.friendly("print(6*7)"), b"print(6*7)\r\n42\r\n>>> ", "board runs while the server is full")
    queued.settimeout(0.1)
    got = b""
    while not got.endswith(b"};\n") and time.time() - start < 12:
        try:
            dribble.sendall(b"X")
        except OSError:
            pass  # closed by the server, as it should be
        try:
            chunk = queued.recv(4096)
            check(chunk, "queued request answered: %r" % got)
            got += chunk
        except socket.timeout:
            pass
    check(5 <= time.time() - start < 12, "queued request served after the silent ones went (%.1f s)" % (time.time() - start))
    idle[1].settimeout(5)
    check_equal(idle[1].recv(10), b"", "a silent client is closed")
    for s in idle + [queued]:
        s.close()
    check_equal(b.friendly("print(6*7)"), b"print(6*7)\r\n42\r\n>>> ", "board runs on")

    # A taken page port is a warning; that board boots and runs all the same.
    with tempfile.TemporaryDirectory() as tmp:
        other = subprocess.run([b.sim, "--flash", os.path.join(tmp, "f.img"), "--net-port-base", str(BASE + 1000),
                                "--webrepl-page", str(PAGE_PORT)], input=b"print(6*7)\r\n",
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30)
        check(b"warning: no WebREPL page on 127.0.0.1:%d" % PAGE_PORT in other.stderr, "warning: %r" % other.stderr)
        check(b"42\r\n" in other.stdout and other.stderr.count(b"\n") == 1, "second board: %r %r" % (other.stdout[-200:], other.stderr))

    with Browser() as br:
        br.allow_downloads()
        br.call("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
        page = br.new_page("http://127.0.0.1:%d/" % PAGE_PORT)
        page.wait_for("document.readyState === 'complete' && typeof espy === 'object'", what="the page")
        check_equal(page.evaluate("document.getElementById('address').value"), "ws://127.0.0.1:%d/" % BOARD_PORT, "address")

        def terminal():
            return page.evaluate("espy.terminalText()")

        def status():
            return page.evaluate("document.getElementById('status').textContent")

        def wait_terminal(text, timeout=10):
            try:
                return page.wait_for("espy.terminalText().includes(%r)" % text, timeout)
            except Exception:
                print("terminal:", repr(terminal()), "\nstatus:", status())
                raise

        def wait_status(text, timeout=10):
            try:
                page.wait_for("document.getElementById('status').textContent.includes(%r)" % text, timeout)
            except Exception:
                print("terminal:", repr(terminal()), "\nstatus:", status())
                raise

        def click(element_id):
            page.evaluate("document.getElementById(%r).click()" % element_id)

        # Log in as a user does: the board asks in the terminal, the password is typed there.
        click("connect")
        wait_terminal("Password: ")
        page.evaluate("document.getElementById('terminal').focus()")
        page.type_text(PASSWORD + "\r")
        wait_status("Logged in")
        wait_terminal("WebREPL connected\n>>> ")
        check(PASSWORD not in terminal(), "the password is not shown")
        page.wait_for("document.getElementById('version').textContent.includes(%r)" % ("MicroPython " + version),
                      what="the version shown after login")

        # Typed keys: a line with a correction (Backspace), the result read back from the terminal.
        page.type_text("print(6*7x")
        page.press("Backspace", 8)
        page.type_text(")\r")
        wait_terminal(">>> print(6*7)\n42\n>>> ")
        # History (arrow up) and Ctrl-C interrupting a running program.
        page.type_text("import time; time.sleep(30)\r")
        wait_terminal("time.sleep(30)\n")
        page.press("c", 67, modifiers=2)
        wait_terminal("KeyboardInterrupt")
        page.press("ArrowUp", 38)
        page.press("ArrowUp", 38)
        wait_terminal(">>> print(6*7)")
        page.press("Enter", 13)
        page.wait_for("espy.terminalText().split('\\n42\\n').length === 3", what="the recalled line ran")
        # Paste from the clipboard (newlines go as Enter), into the REPL's paste mode (Ctrl-E ... Ctrl-D).
        page.press("e", 69, modifiers=2)
        wait_terminal("paste mode")
        check_equal(page.evaluate("navigator.clipboard.writeText('x = 5\\nif x:\\n    y = x * 3\\n').then(() => 'ok')",
                                  await_promise=True), "ok", "clipboard filled")
        page.press("v", 86, modifiers=2)
        wait_terminal("===     y = x * 3")
        page.press("d", 68, modifiers=2)
        page.type_text("print(y)\r")
        wait_terminal("\n15\n>>> ")

        # Send a file through the file input, as the user picks it.
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "page.bin")
            with open(path, "wb") as f:
                f.write(upload)
            page.set_file_input("#file", [path])
            page.wait_for("!document.getElementById('put').disabled", what="the send button")
            check_equal(page.evaluate("document.getElementById('put-name').value"), "page.bin", "name from the file")
            page.evaluate("document.getElementById('put-name').value = '/page.bin'")
            click("put")
            page.wait_for("document.getElementById('transfer').textContent.startsWith('Sent /page.bin (%d bytes)')" % len(upload),
                          what="the upload")

        # Get it back: the page's copy and the browser's download both hold the same bytes.
        page.evaluate("document.getElementById('get-name').value = '/page.bin'")
        click("get")
        page.wait_for("document.getElementById('transfer').textContent.startsWith('Got /page.bin')", what="the download")
        check_equal(bytes(page.evaluate("Array.from(espy.lastDownload.bytes)")), upload, "bytes got by the page")
        saved = os.path.join(br.downloads, "page.bin")
        deadline = time.time() + 10
        while not (os.path.exists(saved) and os.path.getsize(saved) == len(upload)) and time.time() < deadline:
            time.sleep(0.05)
        with open(saved, "rb") as f:
            check_equal(f.read(), upload, "bytes in the browser's download")
        page.evaluate("document.getElementById('get-name').value = '/missing.bin'")
        click("get")
        page.wait_for("document.getElementById('transfer').textContent.startsWith('Failed getting /missing.bin')",
                      what="a missing file reported")
        page.type_text("print(len(open('/page.bin','rb').read()))\r")
        wait_terminal("\n%d\n>>> " % len(upload))

        click("connect")  # now "Disconnect"
        wait_status("Disconnected.")

        # Another session holds the board: the page says so.
        time.sleep(0.3)
        other = WebREPL("127.0.0.1", BOARD_PORT, PASSWORD)
        click("connect")
        wait_status("Another WebREPL session")
        page.wait_for("document.getElementById('connect').textContent === 'Connect'", what="closed after refusal")
        other.close()

        # A wrong password: the page says so.
        time.sleep(0.3)
        before = terminal().count("Password: ")
        click("connect")
        page.wait_for("espy.terminalText().split('Password: ').length > %d" % (before + 1), what="second password prompt")
        page.evaluate("document.getElementById('terminal').focus()")
        page.type_text("nope\r")
        wait_status("Wrong password")
        wait_status("Connection closed", timeout=20)  # the board has said its last on UART0 too

        # Ctrl-D soft-resets the board, which ends the session; the page says so.
        before = terminal().count("Password: ")
        click("connect")
        page.wait_for("espy.terminalText().split('Password: ').length > %d" % (before + 1), what="third password prompt")
        page.evaluate("document.getElementById('terminal').focus()")
        page.type_text(PASSWORD + "\r")
        wait_status("Logged in")
        page.press("d", 68, modifiers=2)
        wait_status("Connection closed by the board")
        b.read_until(b"soft reboot\r\n")
        b.wait_prompt()

    # The file, read over UART0 and from the flash image.
    b.read_available(0.3)
    check_equal(b.get_file("/page.bin"), upload, "bytes on the board")
    b.stop()
    tool = os.path.join(ROOT, "tools", "flashimage")
    if os.path.exists(tool):
        with tempfile.TemporaryDirectory(prefix="flash-") as out:
            subprocess.run([tool, "--espy", os.path.join(ROOT, "build", "espy"), "extract", b.flash, out], check=True,
                           stdout=subprocess.DEVNULL)
            with open(os.path.join(out, "page.bin"), "rb") as f:
                check_equal(f.read(), upload, "bytes in the flash image")
print("ok")
