"""machine.Timer on the simulated board: periodic and one-shot virtual timers, period/tick_hz/freq,
scheduled and hard callbacks (heap locked, errors reported), deinit, soft reset, errors."""
import re
import time

from board import Board, BoardError, check, check_equal, error_of


def calls_fit(calls, elapsed_ms, period_ms, what):
    """A periodic timer fires once per period of the time that really passed on the board; a
    board starved by a loaded host skips missed ticks, so fewer (never more) calls are fine."""
    expected = elapsed_ms / period_ms
    check(expected * 0.5 - 1 <= calls <= expected + 1,
          "%s: %d calls in %d ms at %g ms" % (what, calls, elapsed_ms, period_ms))


def level(b, pin):
    return b.control("pin %d?" % pin).split()[3]


with Board(control=True) as b:
    b.exec("from machine import Timer, Pin\nimport time\nn = [0]\ndef count(t):\n    n[0] += 1\n")

    # Periodic, in ms by default.
    b.exec("def run(ms, **kw):\n    n[0] = 0\n    t0 = time.ticks_ms()\n    t.init(**kw)\n"
           "    time.sleep_ms(ms)\n    t.deinit()\n    return n[0], time.ticks_diff(time.ticks_ms(), t0)\n")
    b.exec("t = Timer(-1)")
    got, elapsed = b.eval("run(500, period=20, callback=count)")
    calls_fit(got, elapsed, 20, "periodic 20 ms")
    b.exec("time.sleep_ms(100)")
    check_equal(b.eval("n[0]"), got, "deinit stops the timer")

    # tick_hz and freq.
    got, elapsed = b.eval("run(520, period=5, tick_hz=100, callback=count)")
    calls_fit(got, elapsed, 50, "period 5 at tick_hz 100 = 50 ms")
    got, elapsed = b.eval("run(510, freq=40.0, period=1, callback=count)")
    calls_fit(got, elapsed, 25, "freq 40 Hz wins over period")

    # One shot fires once; the callback gets the timer.
    b.exec("def wait_for(cond):\n    for i in range(300):\n        if cond():\n            return\n        time.sleep_ms(10)\n")
    b.exec("seen = []\nt.init(mode=Timer.ONE_SHOT, period=30, callback=lambda x: seen.append(x))\n"
           "wait_for(lambda: seen)\ntime.sleep_ms(100)")
    check_equal(b.eval("len(seen)"), 1, "one shot fires once")
    check(b.eval("seen[0] is t"), "callback gets the Timer")
    check_equal(b.eval("(Timer.ONE_SHOT, Timer.PERIODIC)"), (0, 1), "constants")
    check(re.fullmatch(r"Timer\(0x[0-9a-f]+\)", b.eval("repr(t)")), "repr: %r" % b.eval("repr(t)"))

    # Many timers at once.
    b.exec("hits = bytearray(5)\nts = [Timer(-1) for i in range(5)]\n"
           "for i in range(5):\n    ts[i].init(mode=Timer.ONE_SHOT, period=10 + 10 * i, callback=lambda x, i=i: hits.__setitem__(i, 1))\n"
           "wait_for(lambda: all(hits))")
    check_equal(b.eval("list(hits)"), [1, 1, 1, 1, 1], "five timers")

    # Hard callbacks run in the timer interrupt with the heap locked.
    b.exec("st = bytearray(2)\n"
           "def hard(t):\n"
           "    st[0] += 1\n"
           "    try:\n"
           "        x = [1, 2, 3]\n"
           "    except MemoryError:\n"
           "        st[1] = 1\n"
           "\n"
           "t0 = time.ticks_ms()\nt.init(period=10, callback=hard, hard=True)\ntime.sleep_ms(105)\nt.deinit()\n"
           "elapsed = time.ticks_diff(time.ticks_ms(), t0)")
    calls, locked = b.eval("tuple(st)")
    calls_fit(calls, b.eval("elapsed"), 10, "hard periodic 10 ms")
    check_equal(locked, 1, "the heap is locked in a hard callback")
    out = b.exec("st[0] = 0\ndef bad(t):\n    st[0] += 1\n    raise ValueError\n\n"
                 "t.init(period=10, callback=bad, hard=True)\ntime.sleep_ms(100)")
    check(b"uncaught exception in timer callback" in out, "the error is reported: %r" % out)
    check_equal(b.eval("st[0]"), 1, "a hard timer that raised stops repeating")

    # A scheduled callback that raises is an ordinary exception of the running code.
    try:
        b.exec("t.init(mode=Timer.ONE_SHOT, period=5, callback=lambda t: 1/0)\ntime.sleep_ms(50)")
        check(False, "the callback's exception surfaces")
    except BoardError as e:
        check(b"ZeroDivisionError" in e.args[1], "ZeroDivisionError from the callback: %r" % e.args[1])

    # Errors.
    check(error_of(b, "Timer()").startswith("TypeError"), "Timer() needs an id")
    check_equal(error_of(b, "Timer(-1, period=10)"), "TypeError: function doesn't take keyword arguments",
                "Timer takes no keywords")
    check_equal(error_of(b, "Timer(-1).init(mode=7, period=10)"), "ValueError: invalid mode", "bad mode")
    check(error_of(b, "Timer(-1).init(1, 10)").startswith("TypeError"), "init takes keywords only")
    check(error_of(b, "Timer(-1).init(period='x')").startswith("TypeError"), "period must be an int")

    # A soft reset stops every timer (a pin toggled by one stops changing).
    b.exec("p = Pin(5, Pin.OUT)\nt.init(period=10, callback=lambda t: p.toggle())")
    samples = set()
    for i in range(10):
        samples.add(level(b, 5))
        time.sleep(0.013)
    check_equal(samples, {"0", "1"}, "the timer toggles the pin")
    b.raw_soft_reset()
    b.exec("import time\ntime.sleep_ms(30)")
    samples = set()
    for i in range(8):
        samples.add(level(b, 5))
        b.exec("time.sleep_ms(13)")
    check_equal(len(samples), 1, "no timer runs after a soft reset")

print("ok")
