"""--trace FILE: the Value Change Dump parses (a small reader of IEEE 1364 VCD below); a blinking
LED (Pin(2) toggled with time.sleep_ms, from main.py when the board has a filesystem) is a square
wave with the right period; a PWM output is its exact waveform; external levels show."""
import os
import time

from board import Board, BoardError, check, check_equal


def read_vcd(path):
    """Returns (timescale, {name: id}, {id: [(time, value), ...]}); raises ValueError when the
    file is not a well-formed VCD of 1-bit wires."""
    with open(path) as f:
        tokens = f.read().split()
    timescale = None
    names = {}
    changes = {}
    i = 0
    # Header: $keyword ... $end sections up to $enddefinitions.
    while True:
        if i >= len(tokens):
            raise ValueError("no $enddefinitions")
        word = tokens[i]
        if not word.startswith("$"):
            raise ValueError("header: unexpected %r" % word)
        end = tokens.index("$end", i)
        body = tokens[i + 1:end]
        if word == "$timescale":
            timescale = "".join(body)
        elif word == "$var":
            kind, width, ident, name = body[:4]
            if kind != "wire" or width != "1":
                raise ValueError("not a 1-bit wire: %r" % body)
            names[name] = ident
            changes[ident] = []
        i = end + 1
        if word == "$enddefinitions":
            break
    # Body: #time stamps (never going back), value changes, $dumpvars ... $end blocks.
    now = None
    while i < len(tokens):
        word = tokens[i]
        i += 1
        if word.startswith("#"):
            t = int(word[1:])
            if now is not None and t < now:
                raise ValueError("time goes back: %d after %d" % (t, now))
            now = t
        elif word in ("$dumpvars", "$end"):
            pass
        elif word[0] in "01xzXZ":
            ident = word[1:]
            if ident not in changes or now is None:
                raise ValueError("change of unknown wire or before any time: %r" % word)
            changes[ident].append((now, word[0].lower()))
        else:
            raise ValueError("body: unexpected %r" % word)
    return timescale, names, changes


def edges(history, value):
    """Times at which the wire became `value` (from another value)."""
    out = []
    last = None
    for t, v in history:
        if v != last and v == value and last is not None:
            out.append(t)
        last = v
    return out


vcd = os.path.join(os.environ.get("TMPDIR", "/tmp"), "espy-trace-%d.vcd" % os.getpid())
blink = ("from machine import Pin\nimport time\nled = Pin(2, Pin.OUT, value=0)\n"
         "for i in range(12):\n    led.toggle()\n    time.sleep_ms(50)\nprint('blinked')\n")
try:
    with Board(control=True, extra_args=["--trace", vcd]) as b:
        try:
            b.put_file("main.py", blink)
            from_main_py = True
        except BoardError:
            from_main_py = False  # no filesystem in this build: run the same program directly
        if from_main_py:
            b.leave_raw()
            from_main_py = b"blinked" in b.soft_reset(timeout=20)
            if not from_main_py:
                print("(main.py was not run at the soft reset; running the program directly)")
        if not from_main_py:
            b.exec(blink)
        # An outside circuit on GPIO4, and a PWM output on GPIO12 (100 Hz, duty 256/1024).
        b.control("pin 4 1")
        b.control("pin 4 0")
        b.control("pin 4 float")
        b.exec("from machine import Pin, PWM\nimport time\np = PWM(Pin(12), freq=100, duty=256)\n"
               "time.sleep_ms(300)\np.deinit()")

    timescale, names, changes = read_vcd(vcd)
    check_equal(timescale, "1us", "timescale")
    for n in (0, 1, 2, 3, 4, 5, 9, 10, 12, 13, 14, 15, 16):
        check("gpio%d" % n in names, "wire gpio%d" % n)
    for n in (6, 7, 8, 11):
        check("gpio%d" % n not in names, "no wire for flash pin %d" % n)

    # The blinking LED: 12 toggles 50 ms apart.
    led = changes[names["gpio2"]]
    rises, falls = edges(led, "1"), edges(led, "0")
    toggles = sorted(rises + falls)
    check(len(toggles) >= 12, "12 toggles of gpio2 (main.py: %s): %r" % (from_main_py, led))
    toggles = toggles[-12:]
    gaps = [b_ - a for a, b_ in zip(toggles, toggles[1:])]
    check(all(45000 <= g <= 70000 for g in gaps), "half periods of about 50 ms: %r" % gaps)
    periods = [b_ - a for a, b_ in zip(rises[-6:], rises[-5:])]
    check(all(95000 <= p <= 130000 for p in periods), "square wave period about 100 ms: %r" % periods)

    # The outside circuit: 1, 0, then floating again.
    ext = [v for t, v in changes[names["gpio4"]]]
    check_equal(ext[-3:], ["1", "0", "z"], "gpio4 driven from the control socket")

    # PWM: rises exactly 10000 us apart, each high for 2500 us; low after deinit.
    pwm = changes[names["gpio12"]]
    rises, falls = edges(pwm, "1"), edges(pwm, "0")
    check(len(rises) >= 25, "about 30 PWM periods in 300 ms: %d" % len(rises))
    check(all(b_ - a == 10000 for a, b_ in zip(rises, rises[1:])), "PWM period 10 ms: %r" % rises[:5])
    highs = [f - r for r, f in zip(rises, [f for f in falls if f > rises[0]])]
    check(all(h == 2500 for h in highs[:-1]), "PWM high for 2.5 ms: %r" % highs[:5])
    check_equal(pwm[-1][1], "0", "PWM output low after deinit")
finally:
    if os.path.exists(vcd):
        os.unlink(vcd)

print("ok")
