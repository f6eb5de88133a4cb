# imaginary literals
a = 2j
b = 1.5J
c = 1e1j
print(type(a).__name__)
print(a.imag, a.real, b.imag, c.imag)
print(a * a == -4)
print(1 + 2j == complex(1, 2))
