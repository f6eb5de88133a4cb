# websocket: masked and unmasked frames, lengths with 16-bit extension, control frames, errors.
import io
import websocket


class Pipe(io.IOBase):
    """A byte stream: reads come from `data`, writes are kept; empty means EAGAIN or EOF."""

    def __init__(self, data, eof=True):
        self.inp = bytearray(data)
        self.out = bytearray()
        self.eof = eof

    def readinto(self, buf):
        n = min(len(buf), len(self.inp))
        if n == 0 and not self.eof:
            return None
        buf[:n] = self.inp[:n]
        self.inp = self.inp[n:]
        return n

    def write(self, b):
        self.out += b
        return len(b)

    def ioctl(self, req, arg):
        return 0


def frame(op, payload, mask=None):
    n = len(payload)
    bit = 0x80 if mask else 0
    h = bytes([0x80 | op]) + (bytes([bit | n]) if n < 126 else bytes([bit | 126, n >> 8, n & 255]))
    if mask:
        h += mask
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return h + payload


p = Pipe(frame(1, b'hello', b'abcd') + frame(2, b'\x00\x01') + frame(9, b'ping') + frame(1, b'') +
         frame(1, b'x' * 300, b'\x01\x02\x03\x04') + frame(8, b''))
ws = websocket.websocket(p)
print(ws.read(3), ws.read(2), ws.read(2), len(ws.read(1000)), ws.read(5), p.out)

# Writes: one unmasked frame each, text unless switched to binary; long ones get 16-bit lengths.
p = Pipe(b'')
ws = websocket.websocket(p)
ws.write(b'abc')
ws.write(b'y' * 200)
ws.ioctl(9, 2)
ws.write(b'\x00\xff')
print(p.out[:6], len(p.out), p.out[-4:])

# A frame split at every byte, arriving on a non-blocking stream.
data = frame(1, b'split', b'wxyz')
p = Pipe(b'', eof=False)
ws = websocket.websocket(p)
got = b''
for b in data:
    p.inp += bytes([b])
    r = ws.read(10)
    if r:
        got += r
print(got)

# 64-bit lengths and reserved opcodes end the stream with an error.
for bad in (b'\x82\x7f' + bytes(8), b'\x83\x00'):
    ws = websocket.websocket(Pipe(bad))
    try:
        ws.read(10)
    except OSError as e:
        print('OSError', e.errno)
try:
    websocket.websocket(42)
except TypeError:
    print('TypeError')
