# _webrepl: login, REPL text both ways, PUT_FILE/GET_FILE/GET_VER, wrong passwords, bad requests.
import io
import struct
import websocket
import _webrepl


class Pipe(io.IOBase):
    def __init__(self, data):
        self.inp = bytearray(data)
        self.out = bytearray()

    def readinto(self, buf):
        n = min(len(buf), len(self.inp))
        if n == 0:
            return None  # a non-blocking socket with nothing to read
        buf[:n] = self.inp[:n]
        self.inp = self.inp[n:]
        return n

    def write(self, b):
        self.out += b
        return len(b)

    def ioctl(self, req, arg):
        return 0


def frame(op, payload):
    n = len(payload)
    h = bytes([0x80 | op]) + (bytes([n]) if n < 126 else bytes([126, n >> 8, n & 255]))
    return h + payload


def request(op, name, size=0):
    return struct.pack('<2sBBQLH64s', b'WA', op, 0, 0, size, len(name), name)


def frames(out):
    """Splits what the server sent into (opcode, payload) pairs."""
    result = []
    i = 0
    while i < len(out):
        op, n = out[i] & 15, out[i + 1]
        i += 2
        if n == 126:
            n = out[i] << 8 | out[i + 1]
            i += 2
        result.append((op, bytes(out[i:i + n])))
        i += n
    return result


_webrepl.password('s3cret')
name = b'webrepl_test_file.txt'
body = bytes(range(256)) * 3
p = Pipe(frame(1, b's3cret\r') + frame(1, b'print(1)\r') +
         frame(2, request(1, name, len(body))[:10]) + frame(2, request(1, name, len(body))[10:]) +
         frame(2, body[:500]) + frame(2, body[500:]) + frame(2, request(2, name)) +
         frame(2, b'\x00') + frame(2, b'\x00') + frame(2, b'\x00') + frame(2, b'\x00') +
         frame(2, request(3, b'')) + frame(2, request(2, b'no/such/file')))
w = _webrepl._webrepl(websocket.websocket(p))
print(w.read(100))
w.write('é→ok\n')
w.write(b'\xe2\x86')  # half a character is held back until the rest arrives
w.write(b'\x92\n')
sent = frames(p.out)
for op, payload in sent:
    if op == 2 and len(payload) > 10:
        print(op, len(payload), payload[:2], payload[2:] == body[:256] or payload[2:] == body[256:512] or payload[2:] == body[512:])
    else:
        print(op, payload)
with open(name, 'rb') as f:
    print(f.read() == body)

# Before login: output is not sent, input is not REPL input; a wrong password is refused.
p = Pipe(frame(1, b'wrong\r') + frame(1, b'print(2)\r'))
w = _webrepl._webrepl(websocket.websocket(p))
w.write(b'secret board output')
print(w.read(100), frames(p.out))
try:
    _webrepl.password('0123456789')
except ValueError:
    print('ValueError')
try:
    import os
    os.remove(name)
except ImportError:
    pass
