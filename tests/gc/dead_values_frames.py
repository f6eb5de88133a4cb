# Inside functions and generators, values no longer needed are freed by the next
# collection: old value-stack slots, frames of calls that returned, what a generator
# popped before it yielded, and everything a finished generator held.
# (CPython has no gc.mem_free; there every line prints True as well.)
import gc

BIG = 5000  # list items: some 40 KB on the host, 20 KB on 32-bit builds
SLACK = 2000  # bytes a collection may leave for reasons of its own


def mem_free():
    gc.collect()
    return gc.mem_free() if hasattr(gc, "mem_free") else 0


def call_argument(n):
    before = mem_free()
    total = len([0] * n) + len([1] * n)
    return before - mem_free(), total


def make_and_drop(n):
    big = [0] * n
    return len(big)


def returned_call(n):
    before = mem_free()
    make_and_drop(n)
    return before - mem_free()


def yielder(n):
    yield [0] * n
    yield 1


def suspended_generator(n):
    g = yielder(n)
    before = mem_free()
    next(g)
    return before - mem_free(), g


def holder(n):
    big = [0] * n
    yield len(big)


def finished_generator(n):
    before = mem_free()
    g = holder(n)
    next(g)
    for _ in g:
        pass
    return before - mem_free(), g


for name, run in (("call argument", call_argument), ("returned call", returned_call),
                  ("suspended generator", suspended_generator), ("finished generator", finished_generator)):
    run(1)  # fills caches and interns names
    result = run(BIG)
    kept = result[0] if isinstance(result, tuple) else result
    print(name, kept < SLACK)
