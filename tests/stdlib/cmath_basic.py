# cmath: values compared to 12 significant digits (CPython has its own algorithms, the C library may differ by an ulp)
import cmath


def c(z):
    return "(%.12g%+.12gj)" % (z.real, z.imag)


for f in (cmath.sqrt, cmath.exp, cmath.log, cmath.log10, cmath.cos, cmath.sin, cmath.tan, cmath.acos, cmath.asin,
          cmath.atan, cmath.cosh, cmath.sinh, cmath.tanh, cmath.acosh, cmath.asinh, cmath.atanh):
    print(f.__name__, [c(f(z)) for z in (1 + 2j, -0.5 + 0.25j, 2, 0.5, -3j)])
print(c(cmath.sqrt(-1)), c(cmath.sqrt(4)), c(cmath.log(100, 10)), c(cmath.log(1j, 2)))
print(cmath.phase(1j), cmath.phase(-1), cmath.phase(-1 - 0j), ["%.12g" % v for v in cmath.polar(3 + 4j)], c(cmath.rect(2, cmath.pi / 2)))
print(cmath.isfinite(1 + 1j), cmath.isinf(complex(1, float("inf"))), cmath.isnan(complex(float("nan"), 0)), cmath.isnan(1))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j), cmath.isclose(0, 1e-10j, abs_tol=1e-9))
print("%.15g %.15g %.15g" % (cmath.pi, cmath.e, cmath.tau), cmath.inf, cmath.nan)
for f, a in ((cmath.log, (0,)), (cmath.atanh, (1,)), (cmath.exp, (1000,)), (cmath.sqrt, ("x",))):
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
