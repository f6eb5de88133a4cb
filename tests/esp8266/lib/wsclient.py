"""wsclient.py: a WebSocket client (RFC 6455, masked frames) speaking WebREPL, for the board tests."""
import base64
import hashlib
import os
import socket
import struct
import time

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class WebSocket:
    def __init__(self, host, port, timeout=5, handshake=True):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.pending = b""
        if handshake:
            self.handshake()

    def handshake(self, key=None):
        key = key or base64.b64encode(os.urandom(16))
        self.sock.sendall(b"GET / HTTP/1.1\r\nHost: board\r\nconnection: keep-alive, Upgrade\r\n"
                          b"upgrade: websocket\r\nsec-websocket-key: " + key + b"\r\n\r\n")
        head = self.recv_until(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 101 Switching Protocols\r\n"):
            raise IOError("handshake refused: %r" % head)
        want = base64.b64encode(hashlib.sha1(key + GUID).digest())
        if b"Sec-WebSocket-Accept: " + want + b"\r\n" not in head:
            raise IOError("bad accept key: %r" % head)

    def recv_some(self):
        chunk = self.sock.recv(4096)
        if not chunk:
            raise EOFError("connection closed; pending %r" % self.pending)
        self.pending += chunk

    def recv_until(self, ending):
        while ending not in self.pending:
            self.recv_some()
        i = self.pending.index(ending) + len(ending)
        data, self.pending = self.pending[:i], self.pending[i:]
        return data

    def recv_exactly(self, n):
        while len(self.pending) < n:
            self.recv_some()
        data, self.pending = self.pending[:n], self.pending[n:]
        return data

    def send_frame(self, opcode, payload, mask=True):
        n = len(payload)
        head = bytes([0x80 | opcode])
        mbit = 0x80 if mask else 0
        if n < 126:
            head += bytes([mbit | n])
        elif n < 65536:
            head += bytes([mbit | 126]) + struct.pack(">H", n)
        else:
            head += bytes([mbit | 127]) + struct.pack(">Q", n)
        if mask:
            key = os.urandom(4)
            payload = bytes(b ^ key[i % 4] for i, b in enumerate(payload))
            head += key
        self.sock.sendall(head + payload)

    def recv_frame(self):
        """(opcode, payload) of the next frame the server sends."""
        b0, b1 = self.recv_exactly(2)
        n = b1 & 0x7F
        if n == 126:
            n = struct.unpack(">H", self.recv_exactly(2))[0]
        elif n == 127:
            n = struct.unpack(">Q", self.recv_exactly(8))[0]
        return b0 & 0x0F, self.recv_exactly(n)

    def close(self):
        self.sock.close()


class WebREPL(WebSocket):
    """Login, the terminal in text frames, files in binary frames (webrepl-protocol.md)."""

    def __init__(self, host, port, password=None, timeout=5):
        super().__init__(host, port, timeout)
        self.text = b""
        if password is not None:
            self.login(password)

    def read_text_until(self, ending, timeout=10):
        deadline = time.time() + timeout
        while ending not in self.text:
            if time.time() > deadline:
                raise TimeoutError("no %r in %r" % (ending, self.text))
            op, data = self.recv_frame()
            if op == 1:
                self.text += data
            elif op == 8:
                raise EOFError("closed; text %r" % self.text)
        i = self.text.index(ending) + len(ending)
        out, self.text = self.text[:i], self.text[i:]
        return out

    def login(self, password):
        """Sends the password; returns the server's answer (up to the cosmetic prompt when accepted)."""
        self.read_text_until(b"Password: ")
        self.send_frame(1, password.encode() + b"\r")
        answer = self.read_text_until(b"\r\n") + self.read_text_until(b"\r\n")
        if answer == b"\r\nWebREPL connected\r\n":
            answer += self.read_text_until(b">>> ")
        return answer

    def run(self, line, timeout=10):
        """Types a line at the friendly REPL; returns the output up to the next prompt."""
        self.send_frame(1, line.encode() + b"\r")
        out = self.read_text_until(b">>> ", timeout)
        return out

    def binary(self):
        while True:
            op, data = self.recv_frame()
            if op == 2:
                return data
            if op == 1:
                self.text += data

    def request(self, op, name, size=0):
        name = name.encode()
        return struct.pack("<2sBBQLH64s", b"WA", op, 0, 0, size, len(name), name)

    def put_file(self, name, data, chunk=1024):
        rec = self.request(1, name, len(data))
        self.send_frame(2, rec[:10])
        self.send_frame(2, rec[10:])
        assert self.binary() == b"WB\x00\x00"
        for i in range(0, len(data), chunk):
            self.send_frame(2, data[i:i + chunk])
        assert self.binary() == b"WB\x00\x00"

    def get_file(self, name):
        self.send_frame(2, self.request(2, name))
        status = self.binary()
        if status != b"WB\x00\x00":
            raise IOError("GET refused: %r" % status)
        data = b""
        while True:
            self.send_frame(2, b"\x00")
            chunk = self.binary()
            (n,) = struct.unpack("<H", chunk[:2])
            assert len(chunk) == 2 + n
            if n == 0:
                break
            data += chunk[2:]
        assert self.binary() == b"WB\x00\x00"
        return data

    def get_ver(self):
        self.send_frame(2, self.request(3, ""))
        return self.binary()
