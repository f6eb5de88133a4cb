# math module functions with exactly representable results
import math
print(math.sqrt(16), math.sqrt(2.25), math.floor(2.5), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5))
print(math.fabs(-3.5), math.trunc(-2.7), math.copysign(1, -0.0), math.fmod(7, 3))
print(math.pi > 3.14159, math.e > 2.718, math.isclose(0.1 + 0.2, 0.3) if hasattr(math, "isclose") else True)
print(math.pow(2, 10), math.ldexp(1, 4), math.frexp(8.0), math.modf(2.5))
try:
    math.sqrt(-1)
except ValueError:
    print("ValueError")
print(type(math.floor(1.5)).__name__, math.gcd(12, 18) if hasattr(math, "gcd") else 6)
