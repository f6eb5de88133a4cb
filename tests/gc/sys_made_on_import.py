# sys is made at its first import, not when the interpreter starts (docs/gc.md, "What the
# empty interpreter keeps"): the first import takes heap, later ones find the same module.
# (CPython has no gc.mem_alloc and has sys from the start; there every line prints True too.)
import gc


def mem_alloc():
    gc.collect()
    return gc.mem_alloc() if hasattr(gc, "mem_alloc") else 0


def import_twice():
    before = mem_alloc()
    import sys

    first = mem_alloc() - before
    import sys as again

    second = mem_alloc() - before - first
    return first, second


measured = hasattr(gc, "mem_alloc")
first, second = import_twice()
print(first > 300 or not measured, abs(second) < 200)
import sys
import sys as again

print(again is sys, __import__("sys") is sys, sys.modules["sys"] is sys)
saved = sys.stdout
sys.stdout = saved
again.maxsize_copy = sys.maxsize
print(sys.maxsize_copy == again.maxsize, "stdout" in dir(sys))
del again.maxsize_copy
print(hasattr(sys, "maxsize_copy"))
