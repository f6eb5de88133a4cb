"""machine.RTC on the simulated board: datetime, memory kept over soft reset (and lost at power
off), alarm/alarm_left/irq, errors."""
import time

from board import Board, check, check_equal, error_of


with Board(control=True) as b:
    b.exec("from machine import RTC\nr = RTC()")
    check(b.eval("RTC() is r"), "RTC is a singleton")
    dt = b.eval("r.datetime()")
    check_equal(dt[:4], (2000, 1, 1, 5), "power-on date 2000-01-01, a Saturday (weekday 5)")
    check(dt[4:6] == (0, 0) and 0 <= dt[7] < 1000, "just after power-on: %r" % (dt,))

    # Setting ignores the weekday; the weekday read back is the real one.
    b.exec("r.datetime((2024, 2, 29, 6, 23, 59, 58, 500))")
    dt = b.eval("r.datetime()")
    check_equal(dt[:6], (2024, 2, 29, 3, 23, 59), "leap day, a Thursday")
    b.exec("import time\ntime.sleep_ms(1600)")
    dt = b.eval("r.datetime()")
    check_equal(dt[:5], (2024, 3, 1, 4, 0), "the clock runs over midnight into March")
    b.exec("r.datetime((2099, 12, 31, 0, 23, 59, 59, 0))")
    check_equal(b.eval("r.datetime()[:3]"), (2099, 12, 31), "last day")
    check(error_of(b, "r.datetime((2024, 2, 30, 0, 0, 0, 0, 0))").startswith("ValueError"), "Feb 30")
    check(error_of(b, "r.datetime((2024, 1, 1))").startswith("ValueError"), "short tuple")
    check(error_of(b, "r.datetime(5)").startswith("TypeError"), "not a tuple")
    b.exec("r.datetime((2020, 6, 1, 0, 12, 0, 0, 0))")

    # Memory: up to 492 bytes, kept over soft reset.
    check_equal(b.eval("r.memory()"), b"", "RTC memory empty after power-on")
    b.exec("r.memory(b'hello rtc')")
    check_equal(b.eval("r.memory()"), b"hello rtc", "memory reads back")
    b.exec("r.memory(bytes(range(256)) + bytes(236))")
    check_equal(b.eval("len(r.memory())"), 492, "492 bytes fit")
    check_equal(error_of(b, "r.memory(bytes(493))"), "ValueError: buffer too long", "493 bytes")
    check_equal(b.eval("len(r.memory())"), 492, "a refused write changes nothing")
    b.exec("r.memory(bytearray(b'survives'))")
    b.raw_soft_reset()
    check_equal(b.eval("__import__('machine').RTC().memory()"), b"survives", "memory kept over soft reset")
    check_equal(b.eval("__import__('machine').RTC().datetime()[:3]"), (2020, 6, 1), "time kept over soft reset")

    # Alarm 0.
    b.exec("import machine\nr = machine.RTC()\nr.alarm(0, 5000)")
    left = b.eval("r.alarm_left()")
    check(4000 < left <= 5000, "alarm_left counts down: %r" % left)
    check(b.eval("r.alarm_left(0)") <= left, "alarm_left(0)")
    b.exec("r.alarm(r.ALARM0, 10)\nimport time\ntime.sleep_ms(30)")
    check_equal(b.eval("r.alarm_left()"), 0, "0 once past")
    check_equal(error_of(b, "r.alarm(1, 100)"), "ValueError: invalid alarm", "alarm 1")
    check_equal(error_of(b, "r.alarm_left(2)"), "ValueError: invalid alarm", "alarm_left(2)")
    check_equal(error_of(b, "r.irq(trigger=1, wake=machine.DEEPSLEEP)"), "ValueError: invalid alarm", "irq trigger 1")
    check_equal(b.eval("(r.ALARM0, machine.DEEPSLEEP)"), (0, 4), "constants")
    check_equal(b.eval("r.irq(trigger=r.ALARM0, wake=machine.DEEPSLEEP)"), None, "irq arms the deepsleep wake")

# Power off: RTC memory is lost.
with Board(control=True) as b:
    b.exec("import machine\nmachine.RTC().memory(b'x')")
    b.power_cycle()
    check_equal(b.eval("__import__('machine').RTC().memory()"), b"", "RTC memory empty after power off")

print("ok")
