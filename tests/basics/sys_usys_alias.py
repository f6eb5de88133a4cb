# usys is sys itself, writable like it (CPython has no u-prefixed names: there sys stands in).
import sys

try:
    import usys
except ImportError:
    usys = sys
print(usys is sys)
usys.extra_name = 5
print(sys.extra_name)
del sys.extra_name
print(hasattr(usys, "extra_name"))
try:
    from usys import stdout
except ImportError:
    from sys import stdout
print(stdout is sys.stdout)
