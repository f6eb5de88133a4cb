# factorial, perm and comb whose result has more bits than the heap can hold raise MemoryError at
# once (factorial(2**32) multiplied for hours; found by tools/fuzz.py). .exp: CPython computes.
import math

for call in [lambda: math.factorial(2**32), lambda: math.perm(2**62, 2**30), lambda: math.comb(2**62, 2**30),
             lambda: math.comb(2**62, 2**62 - 2**30)]:
    try:
        print(call())
    except MemoryError:
        print("MemoryError")
print(math.perm(100, 100) == math.factorial(100), math.comb(200, 100), math.perm(2**62, 3) % 1000)
print(math.factorial(0), math.factorial(1), math.perm(5, 0), math.comb(5, 0), math.comb(0, 0), math.comb(7, 7))
