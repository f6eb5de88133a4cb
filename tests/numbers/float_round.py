# round() on floats and ints: ties to even on the exact binary value, negative ndigits, huge ndigits
vals = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375, -0.125, 1234.5678,
        5e-324, 1e300, 1.7976931348623157e308, 123456789.987654321, 0.1, 0.0, -0.0, 1e-5, 99.995, 1e22, 2.5e-8]
for v in vals:
    for n in (None, 0, 1, 2, 3, -1, -2, -3, 5, 10, 20, 300, 400, -300, -400):
        try:
            r = round(v) if n is None else round(v, n)
            print(v, n, repr(r), type(r).__name__)
        except Exception as e:
            print(v, n, type(e).__name__, e)
for v in (0, 5, 15, 25, 35, -25, -35, 149, 150, 151, 250, 12345678901234567890, -(10**30 + 5 * 10**9)):
    for n in (None, 0, 2, -1, -2, -3, -10, -40):
        print(v, n, round(v) if n is None else round(v, n))
for bad in (float("inf"), float("-inf"), float("nan")):
    try:
        print(round(bad))
    except Exception as e:
        print(type(e).__name__, e)
    print(round(bad, 2))
try:
    round(1.5, 1.0)
except TypeError as e:
    print("TypeError", e)
print(round(2.5, True), round(7, None), type(round(7.0, None)).__name__)
