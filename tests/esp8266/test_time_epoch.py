"""time on the board counts from 2000-01-01 as MicroPython's ESP8266 port does: time() is an int,
gmtime(0) is 2000-01-01, and the calendar agrees with machine.RTC and file times."""
from board import Board, check, check_equal

with Board() as b:
    b.exec("import time, os, machine")
    check_equal(b.eval("time.gmtime(0)"), (2000, 1, 1, 0, 0, 0, 5, 1), "gmtime(0) is 2000-01-01, a Saturday")
    check_equal(b.eval("time.mktime((2000, 1, 1, 0, 0, 0, 0, 0)), time.mktime((2024, 2, 29, 12, 0, 0, 0, 0))"),
                (0, 762523200), "mktime counts from 2000")
    check_equal(b.eval("type(time.time()).__name__"), "int", "time() is an int")
    b.exec("machine.RTC().datetime((2024, 1, 2, 0, 3, 4, 5, 0))")
    check_equal(b.eval("time.localtime()[:5]"), (2024, 1, 2, 3, 4), "localtime follows the RTC")
    check(b.eval("abs(time.time() - time.mktime((2024, 1, 2, 3, 4, 5, 0, 0))) <= 2"), "time() follows the RTC")
    check(b.eval("time.time_ns() // 1000000000 - time.time() in (0, 1)"), "time_ns() on the same epoch")
    b.exec("open('stamp.txt', 'w').write('x')")
    check(b.eval("abs(os.stat('stamp.txt')[8] - time.time()) <= 4"), "file times on the same epoch")
