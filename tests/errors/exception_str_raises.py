# an exception whose __str__ raises still gets its traceback printed, ending in
# "<exception str() failed>"; uncaught, it exits with status 1 (was FATAL; found by tools/fuzz.py)
import io
import sys


class Broken(Exception):
    def __str__():
        return "never"


class Raising(ValueError):
    def __str__(self):
        raise KeyError("inside __str__")


def last_line(exc):
    out = io.StringIO()
    if hasattr(sys, "print_exception"):
        sys.print_exception(exc, out)
    else:
        import traceback
        traceback.print_exception(exc, file=out)
    return out.getvalue().rstrip("\n").split("\n")[-1]


print(last_line(Broken()))
print(last_line(Raising("x")))
try:
    raise Raising("y")
except ValueError as e:
    print("caught", type(e).__name__, repr(e))
print("raising")
raise Broken()
