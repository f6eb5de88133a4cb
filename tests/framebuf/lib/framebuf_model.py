# framebuf_model.py: a plain-Python model of MicroPython's framebuf, written from the documented
# pixel layouts, for producing the expected output of the framebuf tests under CPython
# (tests/framebuf/*.py.exp: `cd tests/framebuf && PYTHONPATH=lib python3 test.py > test.py.exp`).

MONO_VLSB = MVLSB = 0
RGB565 = 1
GS4_HMSB = 2
MONO_HLSB = 3
MONO_HMSB = 4
GS2_HMSB = 5
GS8 = 6

# espy's font: 5x7 glyphs drawn in columns 1..5 of each 8x8 cell; row 7 holds descenders.
FONT_ART = [
    '...../...../...../...../...../...../...../.....',
    '..#../..#../..#../..#../..#../...../..#../.....',
    '.#.#./.#.#./...../...../...../...../...../.....',
    '.#.#./.#.#./#####/.#.#./#####/.#.#./.#.#./.....',
    '..#../.####/#.#../.###./..#.#/####./..#../.....',
    '##.../##..#/...#./..#../.#.../#..##/...##/.....',
    '.##../#..#./#.#../.#.../#.#.#/#..#./.##.#/.....',
    '..#../..#../.#.../...../...../...../...../.....',
    '...#./..#../.#.../.#.../.#.../..#../...#./.....',
    '.#.../..#../...#./...#./...#./..#../.#.../.....',
    '...../..#../#.#.#/.###./#.#.#/..#../...../.....',
    '...../..#../..#../#####/..#../..#../...../.....',
    '...../...../...../...../...../..##./..#../.#...',
    '...../...../...../#####/...../...../...../.....',
    '...../...../...../...../...../.##../.##../.....',
    '...../....#/...#./..#../.#.../#..../...../.....',
    '.###./#...#/#..##/#.#.#/##..#/#...#/.###./.....',
    '..#../.##../..#../..#../..#../..#../.###./.....',
    '.###./#...#/....#/...#./..#../.#.../#####/.....',
    '#####/...#./..#../...#./....#/#...#/.###./.....',
    '...#./..##./.#.#./#..#./#####/...#./...#./.....',
    '#####/#..../####./....#/....#/#...#/.###./.....',
    '..##./.#.../#..../####./#...#/#...#/.###./.....',
    '#####/....#/...#./..#../.#.../.#.../.#.../.....',
    '.###./#...#/#...#/.###./#...#/#...#/.###./.....',
    '.###./#...#/#...#/.####/....#/...#./.##../.....',
    '...../.##../.##../...../.##../.##../...../.....',
    '...../.##../.##../...../.##../..#../.#.../.....',
    '...#./..#../.#.../#..../.#.../..#../...#./.....',
    '...../...../#####/...../#####/...../...../.....',
    '.#.../..#../...#./....#/...#./..#../.#.../.....',
    '.###./#...#/....#/...#./..#../...../..#../.....',
    '.###./#...#/....#/.##.#/#.#.#/#.#.#/.###./.....',
    '.###./#...#/#...#/#####/#...#/#...#/#...#/.....',
    '####./#...#/#...#/####./#...#/#...#/####./.....',
    '.###./#...#/#..../#..../#..../#...#/.###./.....',
    '###../#..#./#...#/#...#/#...#/#..#./###../.....',
    '#####/#..../#..../####./#..../#..../#####/.....',
    '#####/#..../#..../####./#..../#..../#..../.....',
    '.###./#...#/#..../#.###/#...#/#...#/.####/.....',
    '#...#/#...#/#...#/#####/#...#/#...#/#...#/.....',
    '.###./..#../..#../..#../..#../..#../.###./.....',
    '..###/...#./...#./...#./...#./#..#./.##../.....',
    '#...#/#..#./#.#../##.../#.#../#..#./#...#/.....',
    '#..../#..../#..../#..../#..../#..../#####/.....',
    '#...#/##.##/#.#.#/#.#.#/#...#/#...#/#...#/.....',
    '#...#/#...#/##..#/#.#.#/#..##/#...#/#...#/.....',
    '.###./#...#/#...#/#...#/#...#/#...#/.###./.....',
    '####./#...#/#...#/####./#..../#..../#..../.....',
    '.###./#...#/#...#/#...#/#.#.#/#..#./.##.#/.....',
    '####./#...#/#...#/####./#.#../#..#./#...#/.....',
    '.####/#..../#..../.###./....#/....#/####./.....',
    '#####/..#../..#../..#../..#../..#../..#../.....',
    '#...#/#...#/#...#/#...#/#...#/#...#/.###./.....',
    '#...#/#...#/#...#/#...#/#...#/.#.#./..#../.....',
    '#...#/#...#/#...#/#.#.#/#.#.#/#.#.#/.#.#./.....',
    '#...#/#...#/.#.#./..#../.#.#./#...#/#...#/.....',
    '#...#/#...#/.#.#./..#../..#../..#../..#../.....',
    '#####/....#/...#./..#../.#.../#..../#####/.....',
    '.###./.#.../.#.../.#.../.#.../.#.../.###./.....',
    '...../#..../.#.../..#../...#./....#/...../.....',
    '.###./...#./...#./...#./...#./...#./.###./.....',
    '..#../.#.#./#...#/...../...../...../...../.....',
    '...../...../...../...../...../...../...../#####',
    '.#.../..#../...../...../...../...../...../.....',
    '...../...../.###./....#/.####/#...#/.####/.....',
    '#..../#..../#.##./##..#/#...#/#...#/####./.....',
    '...../...../.###./#..../#..../#...#/.###./.....',
    '....#/....#/.##.#/#..##/#...#/#...#/.####/.....',
    '...../...../.###./#...#/#####/#..../.###./.....',
    '..##./.#..#/.#.../###../.#.../.#.../.#.../.....',
    '...../...../.####/#...#/#...#/.####/....#/.###.',
    '#..../#..../#.##./##..#/#...#/#...#/#...#/.....',
    '..#../...../.##../..#../..#../..#../.###./.....',
    '...#./...../..##./...#./...#./...#./#..#./.##..',
    '#..../#..../#..#./#.#../##.../#.#../#..#./.....',
    '.##../..#../..#../..#../..#../..#../.###./.....',
    '...../...../##.#./#.#.#/#.#.#/#...#/#...#/.....',
    '...../...../#.##./##..#/#...#/#...#/#...#/.....',
    '...../...../.###./#...#/#...#/#...#/.###./.....',
    '...../...../####./#...#/#...#/####./#..../#....',
    '...../...../.####/#...#/#...#/.####/....#/....#',
    '...../...../#.##./##..#/#..../#..../#..../.....',
    '...../...../.###./#..../.###./....#/####./.....',
    '.#.../.#.../###../.#.../.#.../.#..#/..##./.....',
    '...../...../#...#/#...#/#...#/#..##/.##.#/.....',
    '...../...../#...#/#...#/#...#/.#.#./..#../.....',
    '...../...../#...#/#...#/#.#.#/#.#.#/.#.#./.....',
    '...../...../#...#/.#.#./..#../.#.#./#...#/.....',
    '...../...../#...#/#...#/#...#/.####/....#/.###.',
    '...../...../#####/...#./..#../.#.../#####/.....',
    '...#./..#../..#../.#.../..#../..#../...#./.....',
    '..#../..#../..#../..#../..#../..#../..#../.....',
    '.#.../..#../..#../...#./..#../..#../.#.../.....',
    '...../...../.#.../#.#.#/...#./...../...../.....',
    '#####/#####/#####/#####/#####/#####/#####/.....',]


def _glyph_columns(ch):
    art = FONT_ART[ch - 32].split("/")
    cols = [0] * 8
    for y, row in enumerate(art):
        for x, cell in enumerate(row):
            if cell == "#":
                cols[x + 1] |= 1 << y
    return cols


def _round(v, n):
    return (v + n - 1) // n * n


class FrameBuffer:
    def __init__(self, buf, width, height, format, stride=None, _writable=True):
        if stride is None:
            stride = width
        if width < 1 or height < 1 or width > 0xFFFF or height > 0xFFFF or stride > 0xFFFF or stride < width:
            raise ValueError("invalid FrameBuffer size")
        bpp, rows, full, last = 1, height, height - 1, width
        if format == MONO_VLSB:
            rows = _round(height, 8)
            full = rows - 8
        elif format in (MONO_HLSB, MONO_HMSB):
            stride, last = _round(stride, 8), _round(width, 8)
        elif format == GS2_HMSB:
            stride, last, bpp = _round(stride, 4), _round(width, 4), 2
        elif format == GS4_HMSB:
            stride, last, bpp = _round(stride, 2), _round(width, 2), 4
        elif format == GS8:
            bpp = 8
        elif format == RGB565:
            bpp = 16
        else:
            raise ValueError("invalid format")
        if _writable:
            memoryview(buf)[:0] = b""  # TypeError for read-only buffers, as the C version
        if (full * stride + (rows - full) * last) * bpp // 8 > len(memoryview(buf).cast("B")):
            raise ValueError("buffer too small")
        self.buf = memoryview(buf).cast("B")
        self.width, self.height, self.stride, self.format = width, height, stride, format

    # -- layouts, as the module documentation describes them
    def _set(self, x, y, c):
        b, f = self.buf, self.format
        if f == MONO_VLSB:
            i, s = (y >> 3) * self.stride + x, y & 7
            b[i] = (b[i] & ~(1 << s)) | ((c != 0) << s)
        elif f in (MONO_HLSB, MONO_HMSB):
            i = (x + y * self.stride) >> 3
            s = x & 7 if f == MONO_HMSB else 7 - (x & 7)
            b[i] = (b[i] & ~(1 << s)) | ((c != 0) << s)
        elif f == GS2_HMSB:
            i, s = (x + y * self.stride) >> 2, (x & 3) * 2
            b[i] = (b[i] & ~(3 << s)) | ((c & 3) << s)
        elif f == GS4_HMSB:
            i, s = (x + y * self.stride) >> 1, 0 if x & 1 else 4
            b[i] = (b[i] & ~(15 << s)) | ((c & 15) << s)
        elif f == GS8:
            b[x + y * self.stride] = c & 0xFF
        else:
            i = 2 * (x + y * self.stride)
            b[i], b[i + 1] = c & 0xFF, (c >> 8) & 0xFF  # little-endian machines
        return None

    def _get(self, x, y):
        b, f = self.buf, self.format
        if f == MONO_VLSB:
            return (b[(y >> 3) * self.stride + x] >> (y & 7)) & 1
        if f in (MONO_HLSB, MONO_HMSB):
            s = x & 7 if f == MONO_HMSB else 7 - (x & 7)
            return (b[(x + y * self.stride) >> 3] >> s) & 1
        if f == GS2_HMSB:
            return (b[(x + y * self.stride) >> 2] >> ((x & 3) * 2)) & 3
        if f == GS4_HMSB:
            return (b[(x + y * self.stride) >> 1] >> (0 if x & 1 else 4)) & 15
        if f == GS8:
            return b[x + y * self.stride]
        i = 2 * (x + y * self.stride)
        return b[i] | b[i + 1] << 8

    def _inside(self, x, y):
        return 0 <= x < self.width and 0 <= y < self.height

    def _setc(self, x, y, c):
        if self._inside(x, y):
            self._set(x, y, c)

    def _fill_rect(self, x, y, w, h, c):
        for yy in range(max(y, 0), min(y + h, self.height)):
            for xx in range(max(x, 0), min(x + w, self.width)):
                self._set(xx, yy, c)

    # -- the methods
    def fill(self, c):
        self._fill_rect(0, 0, self.width, self.height, c)

    def fill_rect(self, x, y, w, h, c):
        self._fill_rect(x, y, w, h, c)

    def pixel(self, x, y, c=None):
        if not self._inside(x, y):
            return None
        if c is None:
            return self._get(x, y)
        self._set(x, y, c)

    def hline(self, x, y, w, c):
        self._fill_rect(x, y, w, 1, c)

    def vline(self, x, y, h, c):
        self._fill_rect(x, y, 1, h, c)

    def rect(self, x, y, w, h, c, f=False):
        if f:
            self._fill_rect(x, y, w, h, c)
        else:
            self._fill_rect(x, y, w, 1, c)
            self._fill_rect(x, y + h - 1, w, 1, c)
            self._fill_rect(x, y, 1, h, c)
            self._fill_rect(x + w - 1, y, 1, h, c)

    def line(self, x1, y1, x2, y2, c):
        dx, sx = (x2 - x1, 1) if x2 - x1 > 0 else (x1 - x2, -1)
        dy, sy = (y2 - y1, 1) if y2 - y1 > 0 else (y1 - y2, -1)
        steep = dy > dx
        if steep:
            x1, y1, dx, dy, sx, sy = y1, x1, dy, dx, sy, sx
        e = 2 * dy - dx
        for _ in range(dx):
            if steep:
                self._setc(y1, x1, c)
            else:
                self._setc(x1, y1, c)
            while e >= 0:
                y1 += sy
                e -= 2 * dx
            x1 += sx
            e += 2 * dy
        self._setc(x2, y2, c)

    def _ellipse_points(self, cx, cy, x, y, c, m, f):
        if f:
            if m & 1:
                self._fill_rect(cx, cy - y, x + 1, 1, c)
            if m & 2:
                self._fill_rect(cx - x, cy - y, x + 1, 1, c)
            if m & 4:
                self._fill_rect(cx - x, cy + y, x + 1, 1, c)
            if m & 8:
                self._fill_rect(cx, cy + y, x + 1, 1, c)
        else:
            if m & 1:
                self._setc(cx + x, cy - y, c)
            if m & 2:
                self._setc(cx - x, cy - y, c)
            if m & 4:
                self._setc(cx - x, cy + y, c)
            if m & 8:
                self._setc(cx + x, cy + y, c)

    def ellipse(self, cx, cy, a, b, c, f=False, m=15):
        m &= 15
        if a == 0 and b == 0:
            if m:
                self._setc(cx, cy, c)
            return
        ta, tb = 2 * a * a, 2 * b * b
        x, y = a, 0
        xc, yc = b * b * (1 - 2 * a), a * a
        err, sx, sy = 0, tb * a, 0
        while sx >= sy:
            self._ellipse_points(cx, cy, x, y, c, m, f)
            y += 1
            sy += ta
            err += yc
            yc += ta
            if 2 * err + xc > 0:
                x -= 1
                sx -= tb
                err += xc
                xc += tb
        x, y = 0, b
        xc, yc = b * b, a * a * (1 - 2 * b)
        err, sx, sy = 0, 0, ta * b
        while sx <= sy:
            self._ellipse_points(cx, cy, x, y, c, m, f)
            x += 1
            sx += tb
            err += xc
            xc += tb
            if 2 * err + yc > 0:
                y -= 1
                sy -= ta
                err += yc
                yc += ta

    def poly(self, x, y, coords, c, f=False):
        pts = list(coords)
        n = len(pts) // 2
        if n == 0:
            return
        order = [0] + list(range(n - 1, -1, -1))  # edges: first to last, then backwards
        if not f:
            for k in range(n):
                a, b = order[k], order[k + 1]
                self.line(x + pts[2 * a], y + pts[2 * a + 1], x + pts[2 * b], y + pts[2 * b + 1], c)
            return
        ys = pts[1::2][:n]
        for row in range(min(ys), max(ys) + 1):
            nodes = []
            for k in range(n):
                a, b = order[k], order[k + 1]
                px1, py1, px2, py2 = pts[2 * a], pts[2 * a + 1], pts[2 * b], pts[2 * b + 1]
                if py1 != py2 and ((py1 > row and py2 <= row) or (py1 <= row and py2 > row)):
                    num = 32 * (px2 - px1) * (row - py1)
                    q = abs(num) // abs(py2 - py1) * (1 if (num < 0) == (py2 - py1 < 0) else -1)  # C division
                    t = 32 * px1 + q + 16
                    nodes.append(abs(t) // 32 * (1 if t >= 0 else -1))
                elif row == max(py1, py2):
                    if py1 < py2:
                        self._setc(x + px2, y + py2, c)
                    elif py2 < py1:
                        self._setc(x + px1, y + py1, c)
                    else:
                        self.line(x + px1, y + py1, x + px2, y + py2, c)
            nodes.sort()
            for i in range(0, len(nodes) - 1, 2):
                self._fill_rect(x + nodes[i], y + row, nodes[i + 1] - nodes[i] + 1, 1, c)

    def text(self, s, x, y, c=1):
        if not isinstance(s, str):
            raise TypeError
        for ch in s.encode():
            if ch < 32 or ch > 127:
                ch = 127
            for col in _glyph_columns(ch):
                if 0 <= x < self.width:
                    yy = y
                    while col:
                        if col & 1 and 0 <= yy < self.height:
                            self._set(x, yy, c)
                        col >>= 1
                        yy += 1
                x += 1

    def scroll(self, xstep, ystep):
        if xstep >= self.width or -xstep >= self.width or ystep >= self.height or -ystep >= self.height:
            return
        xs = range(0, self.width + xstep) if xstep < 0 else range(self.width - 1, xstep - 1, -1)
        ys = range(0, self.height + ystep) if ystep < 0 else range(self.height - 1, ystep - 1, -1)
        for yy in ys:
            for xx in xs:
                self._set(xx, yy, self._get(xx - xstep, yy - ystep))

    def blit(self, src, x, y, key=-1, palette=None):
        if isinstance(src, (tuple, list)):
            src = FrameBuffer(*src, _writable=False) if len(src) in (4, 5) else None
            if src is None:
                raise ValueError
        if not isinstance(src, FrameBuffer):
            raise TypeError
        if isinstance(palette, (tuple, list)):
            palette = FrameBuffer(*palette, _writable=False)
        if x >= self.width or y >= self.height or -x >= src.width or -y >= src.height:
            return
        for sy in range(max(0, -y), src.height):
            for sx in range(max(0, -x), src.width):
                dx, dy = x + sx, y + sy
                if dx >= self.width or dy >= self.height:
                    continue
                col = src._get(sx, sy)
                if palette is not None:
                    if col >= palette.width:
                        continue
                    col = palette._get(col, 0)
                if col != key:
                    self._set(dx, dy, col)

    def __buffer__(self, flags):
        return self.buf


def FrameBuffer1(buf, width, height, stride=None):
    return FrameBuffer(buf, width, height, MONO_VLSB, stride)
