# MicroPython's tick functions (no CPython equivalent: expected output in time_ticks.py.exp)
import time

t = time.ticks_ms()
print(0 <= t < 2**30, 0 <= time.ticks_us() < 2**30, 0 <= time.ticks_cpu() < 2**30)
time.sleep_ms(20)
print(15 <= time.ticks_diff(time.ticks_ms(), t) < 1000)
u = time.ticks_us()
time.sleep_us(2000)
print(1500 <= time.ticks_diff(time.ticks_us(), u) < 1000000)
MAX = 2**30 - 1
print(time.ticks_add(MAX, 1), time.ticks_add(0, -1), time.ticks_add(100, 50), time.ticks_add(5, -10))
print(time.ticks_diff(0, MAX), time.ticks_diff(MAX, 0), time.ticks_diff(100, 50), time.ticks_diff(50, 100))
print(time.ticks_diff(time.ticks_add(12345, 2**29 - 1), 12345), time.ticks_diff(time.ticks_add(12345, -2**29), 12345))
try:
    time.ticks_add(0, 2**30)
except OverflowError as e:
    print("OverflowError", e)
print(time.localtime(0), time.gmtime(86400 * 365))
