# float formatting with fixed precision
print("%.2f %.0f %.3f %8.2f|%-8.2f|" % (1.5, 2.5, 0.125, 3.25, 3.25))
print("{:.1f} {:.3f} {:e} {:.2e} {:g} {:g}".format(0.25, 1.5, 1500.0, 0.0625, 0.5, 1e20))
print(format(1.5, "10.4f"), format(-0.5, "+.2f"), format(2.0, "%"))
print(str(1.0), str(0.5), str(-2.25), str(100.0), str(1e16), str(1e-5), str(123456.5))
print(repr(0.125), repr(1e100), repr(-0.0), repr(float("inf")))
print(f"{3.0:.2f} {1/8:.4f}")
