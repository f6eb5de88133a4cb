# Imported files are compiled as they are read, through a window of a few hundred bytes: every
# kind of token, long strings and comments, CRLF line ends, UTF-8, a byte order mark and the
# parenthesised `with` the parser reads twice fall across window boundaries at every offset;
# SyntaxError gives the same file, line and text as when the whole file was in memory.
import os
import sys

D = "/tmp/espy_stream_import_" + sys.implementation.name
try:
    os.mkdir(D)
except OSError:
    pass
sys.path.insert(0, D)

BODY = '''
"""Module docstring, longer than the window: ''' + "doc " * 150 + '''end."""
# A comment block that is longer than the window as well: ''' + "#" * 400 + '''
import sys as _sys
DOC = """A string longer than the window: doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc doc end."""

café = "naïve 日本語 " + 'x' * 300
RAW = r"back\\slash \\n kept"
BYTES = b"\\x00\\x01" + rb"\\d+"
TRIPLE = """line one
line two with 'quotes' and "double" ones
""" + \'\'\'single triple\'\'\'


class CM:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        return self.tag

    def __exit__(self, *exc):
        return False


class Point:
    """A point."""

    def __init__(self, x, y=0):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y:>3}) {'{'}{len(café)}{'}'}"

    def scaled(self, k: int = 2) -> "Point":
        return Point(self.x * k, self.y * k)


def run():
    total = 0x_ff + 0o17 + 0b1010 + 1_000 + int(2.5e1) + int((3j).imag)
    pts = [Point(i, -i).scaled() for i in range(5) if i % 2 == 0]
    table = {p.x: p for p in pts}
    with (CM("held over a window boundary: ''' + "w" * 300 + '''")) as tag:
        held = len(tag)
    with (CM(1) as a, CM(2) as b):
        pair = a + b
    words = sorted({w for w in TRIPLE.split() if w.isalpha()})
    return [total, repr(pts), sorted(table), held, pair, words, len(café), RAW, BYTES, DOC[-12:]]
'''


def write(name, text, newline="\n", bom=False):
    data = text.replace("\n", newline).encode()
    with open(D + "/" + name + ".py", "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data)


first = None
ok = 0
for pad in range(0, 300, 11):
    name = "stream_mod_%d" % pad
    newline = "\r\n" if pad % 3 == 1 else "\n"
    write(name, "#" + "-" * pad + "\n" + BODY, newline, bom=pad % 5 == 2)
    result = __import__(name).run()
    if first is None:
        first = result
        for item in result:
            print(item)
    if result == first:
        ok += 1
    else:
        print("differs at pad", pad, result)
print(ok, "modules gave the same result")

# syntax errors far into a file keep their file, line and text
BAD = BODY + "\n\ndef broken(:\n    pass\n"
for pad in (0, 100, 200):
    name = "stream_bad_%d" % pad
    write(name, "#" + "-" * pad + "\n" + BAD)
    try:
        __import__(name)
    except SyntaxError as e:
        print(type(e).__name__, e.filename.endswith(name + ".py"), e.lineno, repr(e.args[1][3]))

BADINDENT = BODY + "\ndef f():\n        x = 1\n    y = 2\n"
write("stream_bad_indent", BADINDENT)
try:
    import stream_bad_indent
except IndentationError as e:
    print(type(e).__name__, e.lineno, repr(e.args[1][3]))

write("stream_bad_eof", BODY + '\nX = """never closed\n' + "z" * 500)
try:
    import stream_bad_eof
except SyntaxError as e:
    print(type(e).__name__, e.lineno)

write("stream_return", BODY + "\nreturn 5\n")
try:
    import stream_return
except SyntaxError as e:
    print(type(e).__name__, e.lineno, repr(e.args[1][3]))

for name in os.listdir(D):
    os.remove(D + "/" + name)
