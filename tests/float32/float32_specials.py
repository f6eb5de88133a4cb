# Zero of either sign, inf, nan, subnormals and huge values: all keep their meaning whichever
# way the build stores them (immediate or in the heap).
import math
import struct


def bits(x):
    return struct.pack("<f", x).hex()


# Negative zero stays negative and equal to zero.
nz = -0.0
print(bits(0.0), bits(nz), nz == 0.0, math.copysign(1.0, nz), math.copysign(1.0, 0.0))
print(repr(nz), str(nz), repr(0.0 * -1), bits(-(0.0)), bits(0.0 - 0.0), bits(-0.0 - 0.0))
print(1.0 / -math.inf, math.copysign(1.0, 1.0 / -math.inf), math.copysign(1.0, [nz][0]), math.copysign(1.0, (nz,)[0]))
print(hash(nz) == hash(0.0) == hash(0), {0.0: 1, nz: 2}, len({0.0, nz, 0}))
print(math.copysign(1.0, -1e-30 * 1e-30), abs(nz), math.copysign(1.0, abs(nz)))

# inf and nan.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, bits(inf), bits(-inf), inf > 2.0**17, -inf < -2.0**17, inf == inf)
print(nan == nan, nan != nan, nan < 1.0, nan > 1.0, math.isnan(nan), math.isinf(-inf))
print(nan in [nan], [inf, -inf, nan].count(inf), inf - inf != inf - inf, inf * 0 != 0)
print(2.0**17 * inf == inf, -(2.0**100) * inf == -inf, inf / 2.0**100 == inf)
print(hash(inf) == hash(float("inf")), hash(-inf) == hash(float("-inf")))
d = {inf: "inf", -inf: "-inf"}
print(d[float("inf")], d[-float("inf")])

# Subnormals (single precision: below 2**-126) and tiny values.
tiny = 2.0**-149
print(bits(tiny), bits(2.0**-130), bits(3 * 2.0**-140), tiny > 0, tiny / 2 < tiny)
print(2.0**-140 * 2.0**100 * 2.0**40 == 1.0, bits(2.0**-127 + 2.0**-140), 2.0**-130 * 2**65 * 2**65 == 1.0)
print(bits(2.0**-126), bits(2.0**-100), 2.0**-100 * 2**100 == 1.0, int(2.0**-20 * 2**20))

# Huge values.
big = 2.0**100
print(bits(big), bits(-3 * big), int(big), int(-3 * big), big == 2**100, big > 2**99, big < 2**101)
print(int(2.0**17 * 2.0**17), 2.0**20 == 1048576, int(2.0**24 + 2), 2.0**24 + 2 == 16777218)
print(bits(1.5 * 2.0**127), 1.5 * 2.0**127 > 1e38, int(1.5 * 2.0**127) == 3 * 2**126)
print(math.isfinite(big), math.isfinite(tiny), math.isfinite(inf), math.isfinite(nan))
