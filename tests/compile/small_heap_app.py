# espy-args: -X heapsize=80k
# A dense 320-line program (59 code objects: classes, inheritance, closures, decorators,
# generators, comprehensions, f-strings, exceptions) compiles and runs in 80 KB on the 64-bit
# host (68 KB is enough; 112 KB were needed when the file was read whole and every tree node
# was a heap block of its own): the source is read in chunks and each top-level statement is
# parsed into reused chunks, compiled and dropped before the next. On the lx106 it needs about
# 52 KB. Integers only, so single-precision floats on the board print the same.

EVENTS = (
    "boot ok",
    "temp 21",
    "temp 23",
    "hum 40",
    "temp 19",
    "door open",
    "hum 45",
    "door closed",
    "temp 25",
    "error sensor 3",
    "hum 38",
    "temp 22",
)


class Error(Exception):
    """Base of this program's errors."""


class ParseError(Error):
    def __init__(self, line, why):
        super().__init__(line, why)
        self.line = line
        self.why = why

    def __str__(self):
        return f"cannot parse {self.line!r}: {self.why}"


def counted(fn):
    """Decorator: counts the calls of fn in fn.calls."""

    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)

    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    return wrapper


@counted
def parse(line):
    words = line.split()
    if len(words) < 2:
        raise ParseError(line, "too short")
    kind, rest = words[0], words[1:]
    if kind in ("temp", "hum"):
        try:
            return kind, int(rest[0])
        except ValueError:
            raise ParseError(line, "not a number") from None
    if kind == "door":
        return kind, rest[0] == "open"
    if kind == "error":
        return kind, " ".join(rest)
    return kind, rest


class Sensor:
    unit = ""
    count = 0

    def __init__(self, name, low, high):
        self.name = name
        self.low = low
        self.high = high
        self.values = []
        Sensor.count += 1

    def add(self, value):
        self.values.append(value)
        return self.check(value)

    def check(self, value):
        if value < self.low:
            return "low"
        if value > self.high:
            return "high"
        return None

    @property
    def last(self):
        return self.values[-1] if self.values else None

    def stats(self):
        if not self.values:
            return None
        n = len(self.values)
        total = sum(self.values)
        return {"n": n, "min": min(self.values), "max": max(self.values), "mean10": total * 10 // n}

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, last={self.last}{self.unit})"


class Thermometer(Sensor):
    unit = "C"

    def check(self, value):
        verdict = super().check(value)
        return "alarm" if verdict == "high" and value > self.high + 1 else verdict


class Hygrometer(Sensor):
    unit = "%"


class Door:
    def __init__(self):
        self.open = False
        self.changes = 0

    def set(self, is_open):
        if is_open != self.open:
            self.changes += 1
        self.open = is_open

    def __repr__(self):
        return "Door(%s, changes=%d)" % ("open" if self.open else "closed", self.changes)


def make_counter(start=0, step=1):
    count = start

    def next_value():
        nonlocal count
        count += step
        return count

    return next_value


def window(seq, size):
    """Yields the runs of `size` consecutive items."""
    buf = []
    for item in seq:
        buf.append(item)
        if len(buf) > size:
            del buf[0]
        if len(buf) == size:
            yield tuple(buf)


def moving_sums(values, size=3):
    return [sum(w) for w in window(values, size)]


class Log:
    def __init__(self, limit=8):
        self.limit = limit
        self.lines = []
        self.dropped = 0
        self.number = make_counter()

    def write(self, level, text):
        entry = f"{self.number():03d} {level:<5} {text}"
        self.lines.append(entry)
        if len(self.lines) > self.limit:
            self.lines.pop(0)
            self.dropped += 1

    def __iter__(self):
        return iter(self.lines)

    def __len__(self):
        return len(self.lines)


class Station:
    def __init__(self):
        self.sensors = {"temp": Thermometer("t1", 18, 24), "hum": Hygrometer("h1", 30, 44)}
        self.door = Door()
        self.log = Log()
        self.errors = []

    def handle(self, line):
        try:
            kind, value = parse(line)
        except ParseError as e:
            self.errors.append(str(e))
            self.log.write("ERROR", e.why)
            return
        if kind in self.sensors:
            verdict = self.sensors[kind].add(value)
            if verdict:
                self.log.write("WARN", f"{kind} {verdict} ({value})")
        elif kind == "door":
            self.door.set(value)
            self.log.write("INFO", f"door {'open' if value else 'closed'}")
        elif kind == "error":
            self.errors.append(value)
            self.log.write("ERROR", value)
        else:
            self.log.write("INFO", " ".join([kind] + list(value)))

    def run(self, events):
        for line in events:
            self.handle(line)
        return self

    def report(self):
        out = []
        for name, sensor in sorted(self.sensors.items()):
            st = sensor.stats()
            pairs = ", ".join(f"{k}={v}" for k, v in sorted(st.items()))
            out.append(f"{name}: {sensor!r} {pairs}")
        out.append(repr(self.door))
        out.append(f"errors: {len(self.errors)}")
        return out


def histogram(values, width=4):
    lo, hi = min(values), max(values)
    buckets = {}
    for v in values:
        key = lo + (v - lo) // width * width
        buckets[key] = buckets.get(key, 0) + 1
    return [f"{k:>3}-{k + width - 1:<3}|{'#' * n}" for k, n in sorted(buckets.items())]


def checksum(text):
    h = 5381
    for ch in text.encode():
        h = (h * 33 + ch) & 0xFFFFFFFF
    return h


def encode_rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}" if j - i > 1 else s[i])
        i = j
    return "".join(out)


def primes(limit):
    sieve = bytearray([1]) * (limit + 1)
    sieve[0] = sieve[1] = 0
    for i in range(2, int(limit**0.5) + 1):
        if sieve[i]:
            for j in range(i * i, limit + 1, i):
                sieve[j] = 0
    return [i for i, is_prime in enumerate(sieve) if is_prime]


def matrix_demo(n):
    m = [[(r * n + c) % 7 for c in range(n)] for r in range(n)]
    t = [list(col) for col in zip(*m)]
    prod = [[sum(a * b for a, b in zip(row, col)) for col in t] for row in m]
    return sum(map(sum, prod)), [row[:3] for row in prod[:2]]


def walk(tree, depth=0):
    """Yields (depth, name) in a nested dict, depth first."""
    for name, sub in sorted(tree.items()):
        yield depth, name
        if isinstance(sub, dict):
            yield from walk(sub, depth + 1)


CONFIG = {
    "net": {"wifi": {"ssid": 1, "key": 2}, "ap": 0},
    "sensors": {"t1": {"pin": 4}, "h1": {"pin": 5}},
    "log": 8,
}


def main():
    station = Station().run(EVENTS)
    for line in station.report():
        print(line)
    print("log kept", len(station.log), "dropped", station.log.dropped)
    for line in station.log:
        print(" ", line)
    print("parse calls:", parse.calls, "sensors:", Sensor.count)
    temps = station.sensors["temp"].values
    print("moving sums:", moving_sums(temps))
    for row in histogram(temps + station.sensors["hum"].values, 6):
        print(row)
    print("checksum:", checksum("\n".join(station.log)) % 1000003)
    print("rle:", encode_rle("aaabccddddde"), encode_rle(""))
    print("primes:", primes(60)[-5:], len(primes(500)))
    print("matrix:", matrix_demo(6))
    print("tree:", ["  " * d + n for d, n in walk(CONFIG)])
    counter = make_counter(10, 5)
    print("counter:", [counter() for _ in range(4)])
    squares = {n: n * n for n in range(8) if n % 2}
    evens = {n for n in range(20) if not n % 4}
    print("comprehensions:", squares, sorted(evens), list(x * 2 for x in range(3)))
    try:
        parse("x")
    except Error as e:
        print("caught:", e)
    try:
        {}["missing"]
    except KeyError as e:
        print("KeyError", e)
    finally:
        print("finally ran")
    text = """multi-line
string with "quotes" and a tab\there"""
    print(len(text), text.splitlines()[1].upper())
    print(sorted(station.errors, key=len))


main()
