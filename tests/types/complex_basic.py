# complex numbers with exact components
a = complex(1, 2)
b = 3 - 4j
print(a, b, a + b, a - b, a * b, -a)
print(a.real, a.imag, abs(b), b.conjugate())
print(complex(2), complex("1+2j") if True else 0, 1j * 1j)
print(a == 1 + 2j, type(a).__name__)
