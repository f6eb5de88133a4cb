# webrepl.py: the WebREPL daemon: a TCP listener whose WebSocket connections share the REPL (os.dupterm slot 0).
import binascii
import hashlib
import os
import socket

import _webrepl
import network
import websocket

listen_s = None
client_s = None

DEFAULT_PORT = 8266
static_host = "https://micropython.org/webrepl/"
# A client that connects and then says nothing (half open) is dropped after this many seconds,
# so the board does not wait for it.
HANDSHAKE_TIMEOUT = 3
MAX_HEADER_LINES = 40
_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
_SOCKOPT_READABLE_CALLBACK = 20

_PAGE = """\
<!DOCTYPE html>
<html>
<head>
<title>MicroPython WebREPL</title>
<base href="%s"></base>
</head>
<body>
<script src="webrepl_content.js"></script>
</body>
</html>
"""


def _read_headers(stream):
    """Reads an HTTP request's header block; returns {lower-case name: value}, None at EOF."""
    if not stream.readline(256):
        return None
    headers = {}
    for _ in range(MAX_HEADER_LINES):
        line = stream.readline(512)
        if not line or not line.endswith(b"\n"):
            return None
        if line == b"\r\n" or line == b"\n":
            return headers
        name, sep, value = line.partition(b":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return None


def server_handshake(cl):
    """Answers the HTTP request on cl: True once it is a WebSocket, False after serving the
    page to a plain request (or on a request that is not understood)."""
    headers = _read_headers(cl)
    if headers is None:
        return False
    key = headers.get(b"sec-websocket-key")
    upgrade = b"upgrade" in headers.get(b"connection", b"").lower()
    if not (upgrade and headers.get(b"upgrade", b"").lower() == b"websocket" and key is not None):
        cl.write(b"HTTP/1.0 200 OK\r\n\r\n")
        cl.write((_PAGE % static_host).encode())
        return False
    digest = hashlib.sha1(key + _GUID).digest()
    accept = binascii.b2a_base64(digest)[:-1]
    cl.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ")
    cl.write(accept)
    cl.write(b"\r\n\r\n")
    return True


def _session_active():
    # A session whose client has hung up (or whose wrong-password delay is over) ends here first.
    if hasattr(os, "dupterm_notify"):
        os.dupterm_notify(None)
    prev = os.dupterm(None)
    os.dupterm(prev)
    return prev is not None


def accept_conn(listen_sock):
    global client_s
    try:
        cl, remote_addr = listen_sock.accept()
    except OSError:
        return False  # no connection after all, or no socket left
    try:
        cl.settimeout(HANDSHAKE_TIMEOUT)
        if not server_handshake(cl):
            cl.close()
            return False
        if _session_active():
            print("\nConcurrent WebREPL connection from", remote_addr, "rejected")
            # Tell the client why before hanging up.
            websocket.websocket(cl).write(b"\r\nConcurrent WebREPL connection rejected\r\n")
            cl.close()
            return False
    except OSError:
        cl.close()
        return False
    print("\nWebREPL connection from:", remote_addr)
    client_s = cl
    ws = websocket.websocket(cl, True)
    ws = _webrepl._webrepl(ws)
    cl.setblocking(False)
    # Arriving data is pushed into the REPL's input at once.
    if hasattr(os, "dupterm_notify"):
        cl.setsockopt(socket.SOL_SOCKET, _SOCKOPT_READABLE_CALLBACK, os.dupterm_notify)
    os.dupterm(ws)
    return True


def stop():
    global listen_s, client_s
    os.dupterm(None)
    if client_s:
        client_s.close()
        client_s = None
    if listen_s:
        listen_s.close()
        listen_s = None


def setup_conn(port, accept_handler):
    global listen_s
    listen_s = socket.socket()
    listen_s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listen_s.bind(("0.0.0.0", port))
    listen_s.listen(1)
    if accept_handler:
        # The callback must never wait: a connection the client has already dropped can
        # make the listener look readable with nothing left to accept.
        listen_s.setblocking(False)
        listen_s.setsockopt(socket.SOL_SOCKET, _SOCKOPT_READABLE_CALLBACK, accept_handler)
    for i in (network.AP_IF, network.STA_IF):
        iface = network.WLAN(i)
        if iface.active():
            print("WebREPL server started on http://%s:%d/" % (iface.ifconfig()[0], port))
    return listen_s


def _password(password):
    """The password to use and whether it came from webrepl_cfg; None when there is none."""
    global static_host
    if password is not None:
        return password, False
    try:
        try:
            import webrepl_cfg

            cfg = webrepl_cfg.__dict__
        except ImportError:
            # Where the importer does not reach the filesystem, the file is read directly.
            cfg = {}
            with open("webrepl_cfg.py") as f:
                exec(f.read(), cfg)
        if "BASE" in cfg:
            static_host = cfg["BASE"]
        return cfg["PASS"], True
    except:
        print("WebREPL is not configured, run 'import webrepl_setup'")
        return None, False


def start(port=DEFAULT_PORT, password=None, accept_handler=accept_conn):
    stop()
    password, from_cfg = _password(password)
    if password is None:
        return
    _webrepl.password(password)
    setup_conn(port, accept_handler)
    if from_cfg:
        print("Started webrepl in normal mode")
    else:
        print("Started webrepl in manual override mode")


def start_foreground(port=DEFAULT_PORT, password=None):
    print("Starting webrepl in foreground mode")
    stop()
    password, _ = _password(password)
    if password is None:
        return
    _webrepl.password(password)
    s = setup_conn(port, None)
    while not accept_conn(s):
        pass
