# time: CPython has no ticks_*; time_ticks.py covers those with a .exp file
import time

t0 = time.time()
time.sleep(0.01)
t1 = time.time()
print(type(t0), 0.005 < t1 - t0 < 1.0)
print(type(time.time_ns()), abs(time.time_ns() / 1e9 - time.time()) < 1)
for secs in (0, 1, 86399, 86400, 951782400, 1700000000, 2**31 - 1, -1, -86401, 4102444800):
    print(secs, tuple(time.gmtime(secs))[:8])
for t in ((2000, 1, 1, 0, 0, 0, 5, 1), (2024, 2, 29, 12, 30, 45, 3, 60), (1970, 1, 1, 0, 0, 0, 3, 1),
          (2023, 13, 1, 0, 0, 0, 0, 0), (2021, 3, 0, 0, 0, 0, 0, 0)):
    print(t[:3], int(time.mktime(t + (0,)) - time.mktime((1970, 1, 1, 0, 0, 0, 3, 1, 0))))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
