"""machine.time_pulse_us on the simulated board: a pulse made on the control socket while the
board waits for it; -2 when it never starts, -1 when it never ends; bad pins."""
import threading
import time

from board import Board, BoardError, check, check_equal


def pulse_later(b, pin, start_delay, width):
    def run():
        time.sleep(start_delay)
        b.control("pin %d 1" % pin)
        time.sleep(width)
        b.control("pin %d 0" % pin)
    t = threading.Thread(target=run)
    t.start()
    return t


with Board(control=True) as b:
    b.exec("from machine import Pin, time_pulse_us\np = Pin(4, Pin.IN)")
    b.control("pin 4 0")

    t = pulse_later(b, 4, 0.3, 0.2)
    width = b.eval("time_pulse_us(p, 1, 2000000)", timeout=10)
    t.join()
    check(150000 <= width <= 300000, "a 200 ms high pulse: %r us" % width)

    # The pin is already at the level: timing starts at once.
    b.control("pin 4 1")
    t = threading.Thread(target=lambda: (time.sleep(0.15), b.control("pin 4 0")))
    t.start()
    width = b.eval("time_pulse_us(4, 1)", timeout=10)
    t.join()
    check(100000 <= width <= 250000, "already high, falls 150 ms later: %r us" % width)

    check_equal(b.eval("time_pulse_us(p, 1, 20000)"), -2, "never starts: -2")
    b.control("pin 4 1")
    check_equal(b.eval("time_pulse_us(p, 1, 20000)"), -1, "never ends: -1")
    check_equal(b.eval("time_pulse_us(p, 0, 20000)"), -2, "low pulse never starts: -2")

    try:
        b.exec("time_pulse_us(Pin(4), 1, 'x')")
        check(False, "a str timeout raises")
    except BoardError as e:
        check(b"TypeError" in e.args[1], "TypeError for a str timeout")
    try:
        b.exec("time_pulse_us(7, 1)")
        check(False, "flash pin raises")
    except BoardError as e:
        check(b"ValueError: invalid pin" in e.args[1], "invalid pin")

print("ok")
