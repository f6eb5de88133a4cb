# float literal forms
print(1.0, 1., .5, 0.25)
print(1e3, 1E3, 1e+3, 2.5e-1, 1_0.5, 1_000e-3)
print(0e0, 3.)
print(type(1.), type(.5), type(1e0))
print(1.5e1 == 15)
