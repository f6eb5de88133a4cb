# float error cases
for f in (lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: 0.0 ** -1):
    try:
        f()
    except ZeroDivisionError:
        print("ZeroDivisionError")
try:
    float("abc")
except ValueError:
    print("ValueError")
try:
    int(float("inf"))
except OverflowError:
    print("OverflowError")
try:
    int(float("nan"))
except ValueError:
    print("ValueError nan")
try:
    float([])
except TypeError:
    print("TypeError")
