# clear() on the dict of a built-in module or type, whose table lives in flash, raises TypeError
# like every other change to it (it wrote to read-only memory: SIGSEGV; found by fuzzing).
# .exp: CPython's module and type dicts are writable.
import builtins
import math

for d in [math.__dict__, builtins.__dict__, int.__dict__]:
    try:
        d.clear()
        print("cleared")
    except TypeError as e:
        print("TypeError", e)
copy = math.__dict__.copy()
copy.clear()
print(len(copy), math.pi, len([1, 2]), int("7"))
