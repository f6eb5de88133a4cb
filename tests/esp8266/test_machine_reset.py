# machine.reset(), reset_cause(), deepsleep with RTC memory and RTC time kept, power cycle.
import re
import time

from board import Board, check, check_equal

BOOT = rb"\r\nMicroPython v[^\r]*\r\nType \"help\(\)\" for more information\.\r\n>>> "

with Board() as b:
    b.wait_prompt()
    check_equal(b.friendly("import machine; machine.reset_cause() == machine.PWRON_RESET"),
                b"import machine; machine.reset_cause() == machine.PWRON_RESET\r\nTrue\r\n>>> ", "power-on cause")
    # machine.reset(): a hard boot (its "\r\n" and banner), cause SOFT_RESET (4).
    b.write(b"machine.reset()\r")
    b.read_until(b"machine.reset()\r\n")
    out = b.read_until(b">>> ")
    check(re.fullmatch(BOOT, out), "reset boot output %r" % out)
    check_equal(b.friendly("import machine; machine.reset_cause()"), b"import machine; machine.reset_cause()\r\n4\r\n>>> ",
                "SOFT_RESET cause")
    # The RTC and its memory survive deepsleep; the wake is a hard boot with cause 5.
    b.friendly("rtc = machine.RTC(); rtc.memory(b'survives'); rtc.datetime((2024, 5, 6, 0, 12, 0, 0, 0))")
    start = time.time()
    b.write(b"machine.deepsleep(700)\r")
    b.read_until(b"machine.deepsleep(700)\r\n")
    # Asleep: input is not taken (the chip is off).
    time.sleep(0.2)
    b.write(b"ignored")
    out = b.read_until(b">>> ")
    slept = time.time() - start
    check(re.fullmatch(BOOT, out), "wake boot output %r" % out)
    check(0.6 < slept < 3, "slept %.2f s" % slept)
    b.read_available(0.2)
    check_equal(b.friendly("import machine; machine.reset_cause() == machine.DEEPSLEEP_RESET"),
                b"import machine; machine.reset_cause() == machine.DEEPSLEEP_RESET\r\nTrue\r\n>>> ", "DEEPSLEEP cause")
    check_equal(b.friendly("machine.RTC().memory()"), b"machine.RTC().memory()\r\nb'survives'\r\n>>> ", "RTC memory kept")
    out = b.friendly("d = machine.RTC().datetime(); d[:5], d[6] * 1000 + d[7] >= 700")
    check(b"((2024, 5, 6, 0, 12), True)" in out, "RTC time kept with the sleep added: %r" % out)
    # An RTC alarm armed for deepsleep wakes the chip before the asked time.
    b.friendly("rtc = machine.RTC(); rtc.irq(trigger=rtc.ALARM0, wake=machine.DEEPSLEEP); rtc.alarm(0, 300)")
    start = time.time()
    b.write(b"machine.deepsleep(20000)\r")
    b.read_until(b"machine.deepsleep(20000)\r\n")
    b.read_until(b">>> ")
    check(time.time() - start < 3, "RTC alarm woke the chip after %.2f s" % (time.time() - start))
    # Power off and on: RTC memory empty, cause PWRON_RESET, flash kept.
    b.power_cycle()
    b.read_until(b">>> ")
    check_equal(b.friendly("import machine; machine.reset_cause(), machine.RTC().memory()"),
                b"import machine; machine.reset_cause(), machine.RTC().memory()\r\n(0, b'')\r\n>>> ", "power cycle")
    # Frequency: 80 or 160 MHz only; back to 80 MHz after a hard reset.
    check_equal(b.friendly("machine.freq(160000000); machine.freq()"),
                b"machine.freq(160000000); machine.freq()\r\n160000000\r\n>>> ", "160 MHz")
    out = b.friendly("machine.freq(100000000)")
    check(out.endswith(b"ValueError: frequency can only be either 80Mhz or 160MHz\r\n>>> "), "bad freq %r" % out)
    b.soft_reset()
    check_equal(b.friendly("import machine; machine.freq()"), b"import machine; machine.freq()\r\n160000000\r\n>>> ",
                "freq kept over soft reset")
    b.write(b"machine.reset()\r")
    b.read_until(b"machine.reset()\r\n")
    b.read_until(b">>> ")
    check_equal(b.friendly("import machine; machine.freq()"), b"import machine; machine.freq()\r\n80000000\r\n>>> ",
                "80 MHz after reset")
    check_equal(b.friendly("s = machine.disable_irq(); machine.enable_irq(s); len(machine.unique_id()), s"),
                b"s = machine.disable_irq(); machine.enable_irq(s); len(machine.unique_id()), s\r\n(4, 0)\r\n>>> ",
                "unique_id, irq")
    check_equal(b.friendly("machine.idle(); machine.lightsleep(10)"),
                b"machine.idle(); machine.lightsleep(10)\r\n>>> ", "idle, lightsleep")
