"""RTC alarm 0 with wake=DEEPSLEEP ends machine.deepsleep(): the board restarts with
DEEPSLEEP_RESET, the RTC kept its memory and counted the sleep; pins and the alarm start afresh."""
import time

from board import Board, check, check_equal

with Board(control=True) as b:
    b.exec("import machine\nfrom machine import Pin, RTC\nr = RTC()\nr.datetime((2030, 1, 1, 0, 0, 0, 0, 0))\n"
           "r.memory(b'asleep')\nPin(5, Pin.OUT, value=1)\n"
           "r.irq(trigger=r.ALARM0, wake=machine.DEEPSLEEP)\nr.alarm(0, 400)")
    check_equal(b.control("pin 5?").split()[3], "1", "pin 5 high before sleeping")
    start = time.time()
    b.write(b"machine.deepsleep()\x04")
    boot = b.rebooted(timeout=10)
    slept = time.time() - start
    check(b"MicroPython" in boot, "the board woke up: %r" % boot[-200:])
    check(0.3 <= slept <= 3, "woken by the alarm after about 0.4 s: %.2f s" % slept)
    check_equal(b.eval("__import__('machine').reset_cause()"), 5, "DEEPSLEEP_RESET")
    b.exec("import machine\nr = machine.RTC()")
    check_equal(b.eval("r.memory()"), b"asleep", "RTC memory kept over deepsleep")
    dt = b.eval("r.datetime()")
    check(dt[:6] == (2030, 1, 1, 1, 0, 0) and dt[6] <= 2, "the RTC counted the sleep: %r" % (dt,))
    check_equal(b.eval("r.alarm_left()"), 0, "the alarm is spent after the wake")
    check_equal(b.control("pin 5?").split()[5], "in", "pins are inputs after the wake")

print("ok")
