# asyncio/stream.py: StreamReader/StreamWriter over non-blocking streams, open_connection, start_server.

from errno import EINPROGRESS
import socket

from . import core

# Bytes asked of the stream per read: small, since the board's heap is small.
_CHUNK = 256


class IncompleteReadError(EOFError):
    def __init__(self, partial, expected):
        super().__init__("%d bytes read on a total of %r expected bytes" % (len(partial), expected))
        self.partial = partial
        self.expected = expected


class Stream:
    # One object serves as both reader and writer, as in MicroPython; it buffers what it has
    # received but not yet handed out, and what write() could not send yet.
    def __init__(self, s, e=None):
        self.s = s
        self.e = {} if e is None else e
        self._in = b""
        self._out = b""
        self._closed = False

    def get_extra_info(self, name, default=None):
        if name in self.e:
            return self.e[name]
        try:
            if name == "peername":
                return self.s.getpeername()
            if name == "sockname":
                return self.s.getsockname()
            if name == "socket":
                return self.s
        except (OSError, AttributeError):
            pass
        return default

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    # ---- reading

    async def _fill(self):
        # Waits until the stream has data and adds it to the buffer; False at end of stream.
        while True:
            await core._wait_io(self.s, False)
            data = self.s.read(_CHUNK)
            if data is None:
                continue
            if not data:
                return False
            self._in += data
            return True

    def _take(self, n):
        data = self._in[:n]
        self._in = self._in[n:]
        return data

    async def read(self, n=-1):
        if n < 0:
            while await self._fill():
                pass
            return self._take(len(self._in))
        if n and not self._in:
            await self._fill()
        return self._take(n)

    async def readinto(self, buf):
        if not self._in:
            await self._fill()
        n = min(len(buf), len(self._in))
        buf[:n] = self._take(n)
        return n

    async def readexactly(self, n):
        while len(self._in) < n:
            if not await self._fill():
                raise IncompleteReadError(self._take(len(self._in)), n)
        return self._take(n)

    async def readline(self):
        start = 0
        while True:
            i = self._in.find(b"\n", start)
            if i >= 0:
                return self._take(i + 1)
            start = len(self._in)
            if not await self._fill():
                return self._take(len(self._in))

    # ---- writing

    def write(self, buf):
        if not self._out:
            n = self.s.write(buf)
            if n == len(buf):
                return
            if n:
                buf = buf[n:]
        self._out += buf

    async def drain(self):
        while self._out:
            await core._wait_io(self.s, True)
            n = self.s.write(self._out)
            if n:
                self._out = self._out[n:]

    async def awrite(self, buf, off=0, sz=-1):
        if off or sz >= 0:
            buf = memoryview(buf)[off : off + sz if sz >= 0 else len(buf)]
        self.write(bytes(buf))
        await self.drain()

    async def awritestr(self, s):
        await self.awrite(s.encode())

    # ---- closing

    def is_closing(self):
        return self._closed

    def close(self):
        if self._closed:
            return
        self._closed = True
        if self._out:
            # Whatever the peer can take now still goes out, as a transport would flush it.
            try:
                self.s.write(self._out)
            except OSError:
                pass
            self._out = b""
        self.s.close()

    async def wait_closed(self):
        self.close()

    async def aclose(self):
        self.close()


StreamReader = Stream
StreamWriter = Stream


async def open_connection(host, port, ssl=None, server_hostname=None):
    if ssl:
        raise ValueError("ssl is not supported")
    family, kind, proto, _, addr = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(family, kind, proto)
    try:
        s.setblocking(False)
        try:
            s.connect(addr)
        except OSError as e:
            if e.errno != EINPROGRESS:
                raise
        await core._wait_io(s, True)
        err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            raise OSError(err)
    except BaseException:
        s.close()
        raise
    stream = Stream(s, {"peername": addr})
    return stream, stream


class Server:
    def __init__(self, s, cb):
        self.sockets = [s]
        self._cb = cb
        self._task = core.create_task(self._serve(s))

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def is_serving(self):
        return not self._task.done()

    def close(self):
        self._task.cancel()

    async def wait_closed(self):
        await self._task

    async def serve_forever(self):
        await self._task

    async def _serve(self, s):
        try:
            while True:
                await core._wait_io(s, False)
                try:
                    c, addr = s.accept()
                except OSError:
                    # Nothing after all, or no room for another socket now: try again later.
                    await core.sleep_ms(10)
                    continue
                c.setblocking(False)
                stream = Stream(c, {"peername": addr})
                r = self._cb(stream, stream)
                if r is not None and hasattr(r, "send"):
                    core.create_task(r)
        except core.CancelledError:
            pass
        finally:
            s.close()
            self.sockets = []


async def start_server(cb, host, port, backlog=5, ssl=None):
    if ssl:
        raise ValueError("ssl is not supported")
    family, kind, proto, _, addr = socket.getaddrinfo("0.0.0.0" if host is None else host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(family, kind, proto)
    try:
        s.setblocking(False)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(addr)
        s.listen(backlog)
    except BaseException:
        s.close()
        raise
    return Server(s, cb)
