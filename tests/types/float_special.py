# inf and nan behaviour
inf = float("inf")
nan = float("nan")
print(inf, -inf, inf + 1, inf * -1, inf > 1e308, -inf < -1e308)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf)
print(str(nan), repr(inf), float("-inf"), float("Infinity"), float("nan") is not nan)
print(inf - inf != inf - inf, 0 * inf != 0 * inf)
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0))
