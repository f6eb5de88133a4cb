# time.gmtime and time.mktime with values at the ends of the machine word raise OverflowError
# instead of overflowing 64-bit arithmetic (found by fuzzing under UBSan). espy's limits:
# timestamps within +-10**15 s (as for floats), mktime fields that fit a C int (as CPython).
import time

for v in [2**63 - 1, -2**63, 2**62, -2**62, 10**15 + 1, -10**15 - 1, 2**64]:
    for f in [time.gmtime, time.localtime]:
        try:
            print(v, f(v))
        except OverflowError as e:
            print(v, "OverflowError", e)
print(time.gmtime(10**15)[:6], time.gmtime(-10**15)[:6])
for fields in [(2**63 - 1, 1, 1, 0, 0, 0, 0, 0), (2000, -2**63, 1, 0, 0, 0, 0, 0),
               (2000, 1, 2**31, 0, 0, 0, 0, 0), (2000, 1, 1, 0, 0, -2**31 - 1, 0, 0)]:
    try:
        print(time.mktime(fields))
    except OverflowError as e:
        print("OverflowError", e)
print(time.mktime((2**31 - 1, 2**31 - 1, 2**31 - 1, 2**31 - 1, 2**31 - 1, 2**31 - 1, 0, 0)))
print(time.mktime((-2**31, -2**31, -2**31, -2**31, -2**31, -2**31, 0, 0)))
