# formatting of big ints and floats with every presentation type
big = 2 ** 100
for spec in ["", "d", ",", "_", "x", "#X", "_b", "o", "40", "<40", "^+40,", "=40", "e", ".3g", "%"]:
    print(repr(format(big, spec)), repr(format(-big, spec)))
print("%d|%x|%o|%X|%e" % (big, big, -big, 3 ** 50, big))
print("%30d|%-30d|%030d" % (big, -big, -big))
for x in [0.0, -0.0, 1.0, 0.1, 1 / 3, 2 / 3, 1e16, 1.5e-7, 123456789.125, 1e300, 5e-324, float("inf"), -float("inf"), float("nan")]:
    print(repr(x), str(x), format(x, ""), format(x, ".3"), format(x, "e"), format(x, ".2f"), format(x, "g"), format(x, ".10g"), format(x, "%"), format(x, "12.4E"), format(x, ",.1f"))
    print("%s %r %.3f %10.2e %-10g| %G %+.0f" % (x, x, x, x, x, x, x))
for n in [0, 1, -1, 7, 255, 65535, -65536, 10 ** 20]:
    print(format(n, "b"), format(n, "#o"), format(n, "08x"), format(n, "+,"), format(n, "c") if 0 <= n < 0x110000 else "", format(n, ".2f"), format(n, "e"))
print(f"{big:,}", f"{1e10:,.0f}", f"{12345.6789:_.2f}", f"{-1234.5:010,.1f}", f"{0.000123:.2e}")
print(round(2.675, 2), "%.2f" % 2.675, "%.1f" % 0.25, "%.0f" % 2.5, "%.0f" % 3.5, format(1e22, "f"))
print(str(1e16), str(1e15), str(-1e-5), str(1.0e-4), repr(0.1 + 0.2), 1e100)
