"""machine.WDT on the simulated board: fed in time the board keeps running; left unfed it
resets the board (reset_cause() == WDT_RESET); arguments."""
from board import Board, check, check_equal, error_of


with Board(control=True) as b:
    b.exec("import machine, time")
    check_equal(error_of(b, "machine.WDT(1)"), "ValueError: WDT(id) must be 0", "WDT(1)")
    check(error_of(b, "machine.WDT(timeout=0)").startswith("ValueError"), "timeout 0")
    check(error_of(b, "machine.WDT(bogus=1)").startswith("TypeError"), "unknown keyword")

    # Fed every 100 ms for a second with a 1 s timeout: the board lives on.
    out = b.exec("w = machine.WDT(timeout=1000)\n"
                 "for i in range(10):\n    time.sleep_ms(100)\n    w.feed()\n"
                 "print('fed', machine.WDT() is w)")
    check_equal(out, b"fed True\r\n", "a fed watchdog does not bite")

    # Not fed: the board resets with cause WDT_RESET and boots to the friendly REPL.
    b.write(b"time.sleep_ms(4000)\x04")
    boot = b.rebooted(timeout=10)
    check(b"MicroPython" in boot, "the board rebooted: %r" % boot[-200:])
    check_equal(b.eval("__import__('machine').reset_cause()"), 1, "reset_cause() is WDT_RESET")
    # After the reset the watchdog is the system's again (fed automatically).
    check_equal(b.exec("import time\ntime.sleep_ms(600)\nprint('ok')"), b"ok\r\n", "no watchdog after the reset")

print("ok")
