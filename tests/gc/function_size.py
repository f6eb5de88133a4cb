# A function without defaults, closure or attributes takes four words of heap (one GC block on
# 32-bit builds); the rest is made only for the functions that need it, and still behaves.
# (CPython has no gc.mem_free; there every size line prints True as well.)
import gc
import sys

WORD = 8 if sys.maxsize > 2**32 else 4
N = 200
SLACK = 512  # bytes a collection may leave for reasons of its own


def mem_free():
    gc.collect()
    return gc.mem_free() if hasattr(gc, "mem_free") else 0


def make_plain():
    def plain(x):
        return x + 1

    return plain


def make_with_defaults():
    def with_defaults(x, y=2, *, z=3):
        return x + y + z

    return with_defaults


funs = [None] * N
make_plain()
before = mem_free()
for i in range(N):
    funs[i] = make_plain()
used = before - mem_free()
print("plain function size ok:", used <= N * 4 * WORD + SLACK)
funs = None

plain = make_plain()
print(plain(1), plain.__defaults__, plain.__kwdefaults__, plain.__closure__)
plain.tag = "set later"
print(plain.tag, plain.__dict__, plain(2))
del plain.tag
print(hasattr(plain, "tag"), plain.__dict__)

wd = make_with_defaults()
print(wd(1), wd(1, 5), wd(1, z=10), wd.__defaults__, wd.__kwdefaults__)
wd.note = 1
print(wd.note, wd(0), wd.__defaults__)


def outer(n):
    def inner(m=1):
        return n * m

    return inner


closure = outer(7)
print(closure(), closure(3), len(closure.__closure__), closure.__closure__[0].cell_contents)
closure.extra = [1]
print(closure.extra, closure(2))
g = make_plain()
print(g.__dict__)
g.__dict__["k"] = 5
print(g.k)
