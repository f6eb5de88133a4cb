# espy-args: -X heapsize=64k
# A 250-line script of the kind a board runs as main.py: configuration, a sensor driver class,
# a ring buffer, a small state machine, formatting helpers and a main loop, with the comments
# and blank lines real scripts carry. Read in chunks and compiled a statement at a time, it
# runs in 64 KB on the 64-bit host (34 KB is enough); on the lx106 under QEMU it compiles in
# 15 KB, and compiles and runs in 25 KB (make qemu-small-heap-check checks 16 and 28 KB).
# The sensors are simulated with a fixed pseudo-random sequence, so the output is the same
# everywhere; integers only, so single-precision floats on the board print the same.

# ---- configuration ---------------------------------------------------------------------

CONFIG = {
    "name": "greenhouse-1",
    "interval": 30,  # seconds between readings
    "history": 8,  # readings kept per sensor
    "temp_low": 12,
    "temp_high": 28,
    "hum_high": 85,
}

# Pins the sensors would sit on (kept for the report only here).
PINS = {"temp": 4, "hum": 5, "fan": 12, "heater": 13}


# ---- a pseudo-random source standing in for the hardware ---------------------------------


class Lcg:
    """Linear congruential generator: the same numbers on every machine."""

    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state % bound


RNG = Lcg(2024)


# ---- a ring buffer of readings --------------------------------------------------------


class Ring:
    """Keeps the last `size` values; the oldest goes first."""

    def __init__(self, size):
        self.items = [0] * size
        self.size = size
        self.count = 0
        self.start = 0

    def push(self, value):
        if self.count < self.size:
            self.items[(self.start + self.count) % self.size] = value
            self.count += 1
        else:
            self.items[self.start] = value
            self.start = (self.start + 1) % self.size

    def values(self):
        return [self.items[(self.start + i) % self.size] for i in range(self.count)]

    def average(self):
        # integer average, rounded half up
        if self.count == 0:
            return None
        return (sum(self.values()) * 2 + self.count) // (2 * self.count)


# ---- the sensor driver ----------------------------------------------------------------


class Sensor:
    def __init__(self, kind, pin, base, spread):
        self.kind = kind
        self.pin = pin
        self.base = base
        self.spread = spread
        self.history = Ring(CONFIG["history"])
        self.errors = 0

    def read(self):
        # every 13th reading fails, as a loose wire would
        roll = RNG.next(100)
        if roll % 13 == 0:
            self.errors += 1
            raise OSError("sensor %s on pin %d did not answer" % (self.kind, self.pin))
        value = self.base + roll % self.spread - self.spread // 2
        self.history.push(value)
        return value


# ---- the controller: a small state machine ----------------------------------------------

IDLE, HEATING, VENTING, ALARM = "idle", "heating", "venting", "alarm"


class Controller:
    def __init__(self):
        self.state = IDLE
        self.changes = []
        self.fan = False
        self.heater = False

    def decide(self, temp, hum):
        low, high = CONFIG["temp_low"], CONFIG["temp_high"]
        if temp is None:
            return self.state
        if temp > high + 4 or (hum is not None and hum > 95):
            return ALARM
        if temp < low:
            return HEATING
        if temp > high or (hum is not None and hum > CONFIG["hum_high"]):
            return VENTING
        return IDLE

    def step(self, tick, temp, hum):
        new = self.decide(temp, hum)
        if new != self.state:
            self.changes.append((tick, self.state, new))
            self.state = new
        self.heater = new == HEATING
        self.fan = new in (VENTING, ALARM)
        return new


# ---- formatting helpers ------------------------------------------------------------------


def fmt_time(seconds):
    """Seconds as h:mm:ss."""
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return "%d:%02d:%02d" % (h, m, s)


def bar(value, low, high, width=20):
    if value is None:
        return "?" * width
    value = max(low, min(high, value))
    filled = (value - low) * width // (high - low)
    return "#" * filled + "." * (width - filled)


def table(rows, header):
    widths = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(str(cell)))
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines.append("-+-".join("-" * w for w in widths))
    for row in rows:
        lines.append(" | ".join(str(c).rjust(w) for c, w in zip(row, widths)))
    return "\n".join(lines)


# ---- the log -------------------------------------------------------------------------


class Log:
    def __init__(self):
        self.lines = []

    def add(self, tick, text):
        self.lines.append("[%s] %s" % (fmt_time(tick), text))

    def dump(self, last=None):
        for line in self.lines[-last if last else 0 :]:
            print(line)


# ---- main loop ---------------------------------------------------------------------------


def read_all(sensors, log, tick):
    """One reading from each sensor; a failed read gives None and a log line."""
    out = {}
    for name, sensor in sensors.items():
        try:
            out[name] = sensor.read()
        except OSError as e:
            out[name] = None
            log.add(tick, "error: %s" % e)
    return out


def run(cycles):
    sensors = {
        "temp": Sensor("temp", PINS["temp"], 20, 22),
        "hum": Sensor("hum", PINS["hum"], 70, 40),
    }
    ctl = Controller()
    log = Log()
    rows = []
    tick = 0
    for cycle in range(cycles):
        tick = cycle * CONFIG["interval"]
        got = read_all(sensors, log, tick)
        state = ctl.step(tick, got["temp"], got["hum"])
        if cycle % 3 == 0:
            rows.append((fmt_time(tick), got["temp"], got["hum"], state))
        if state == ALARM:
            log.add(tick, "ALARM temp=%s hum=%s" % (got["temp"], got["hum"]))
    return sensors, ctl, log, rows, tick


def summary(sensors, ctl, log, rows, tick):
    print("station", CONFIG["name"], "ran", fmt_time(tick))
    print(table(rows, ("time", "temp", "hum", "state")))
    print()
    for name in sorted(sensors):
        s = sensors[name]
        avg = s.history.average()
        print("%-4s avg %3s errors %d  %s" % (name, avg, s.errors, bar(avg, 0, 100)))
        print("     last", s.history.values())
    print()
    print("state changes:", len(ctl.changes))
    for tick, old, new in ctl.changes[:6]:
        print("  %s %s -> %s" % (fmt_time(tick), old, new))
    counts = {}
    for _, _, new in ctl.changes:
        counts[new] = counts.get(new, 0) + 1
    print("entered:", sorted(counts.items()))
    print("fan", ctl.fan, "heater", ctl.heater)
    print("log lines:", len(log.lines))
    log.dump(5)


# ---- self-checks of the helpers, as a board script might run at boot ----------------------


def self_test():
    r = Ring(3)
    for v in (1, 2, 3, 4, 5):
        r.push(v)
    assert r.values() == [3, 4, 5], r.values()
    assert r.average() == 4
    assert Ring(2).average() is None
    assert fmt_time(3725) == "1:02:05"
    assert bar(50, 0, 100, 10) == "#####....."
    assert bar(None, 0, 1, 3) == "???"
    c = Controller()
    assert c.decide(5, 50) == HEATING
    assert c.decide(30, 50) == VENTING
    assert c.decide(40, 50) == ALARM
    assert c.decide(20, 90) == VENTING
    assert c.decide(20, 50) == IDLE
    print("self test ok")


self_test()
summary(*run(40))
