# deflate_shim.py: MicroPython's deflate module for CPython, built on zlib, so the tests run under both.
# Errors map as MicroPython reports them: bad data OSError(EINVAL), input ending early EOFError.
import zlib

AUTO, RAW, ZLIB, GZIP = 0, 1, 2, 3
EINVAL = 22


def _einval():
    return OSError(EINVAL, "EINVAL")


class DeflateIO:
    def __init__(self, stream, format=AUTO, wbits=0, close=False):
        if not 0 <= format <= 3:
            raise ValueError("format")
        if wbits != 0 and not 5 <= wbits <= 15:
            raise ValueError("wbits")
        self._stream = stream
        self._format = format
        self._close = close
        self._data = None
        self._pos = 0
        self._comp = None

    def _inflated(self):
        if self._stream is None:
            raise _einval()
        if self._data is None:
            wbits = {AUTO: 47, RAW: -15, ZLIB: 15, GZIP: 31}[self._format]
            d = zlib.decompressobj(wbits)
            src = self._stream.read()
            try:
                out = d.decompress(src)
            except zlib.error:
                raise _einval()
            if not d.eof:
                raise EOFError
            if d.unused_data:
                # MicroPython reads nothing past the end of the compressed data.
                self._stream.seek(-len(d.unused_data), 1)
            self._data = out
        return self._data

    def read(self, n=-1):
        data = self._inflated()
        end = len(data) if n is None or n < 0 else min(len(data), self._pos + n)
        chunk = data[self._pos:end]
        self._pos = end
        return chunk

    def readinto(self, buf):
        chunk = self.read(len(buf))
        buf[: len(chunk)] = chunk
        return len(chunk)

    def readline(self, limit=-1):
        data = self._inflated()
        end = data.find(b"\n", self._pos)
        end = len(data) if end < 0 else end + 1
        if limit is not None and limit >= 0:
            end = min(end, self._pos + limit)
        chunk = data[self._pos:end]
        self._pos = end
        return chunk

    def write(self, buf):
        if self._stream is None:
            raise _einval()
        if self._comp is None:
            wbits = {AUTO: -15, RAW: -15, ZLIB: 15, GZIP: 31}[self._format]
            self._comp = zlib.compressobj(6, zlib.DEFLATED, wbits)
        if isinstance(buf, str):
            buf = buf.encode()
        self._stream.write(self._comp.compress(buf))
        return len(buf)

    def close(self):
        if self._stream is None:
            return
        if self._comp is not None:
            self._stream.write(self._comp.flush())
        if self._close:
            self._stream.close()
        self._stream = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
