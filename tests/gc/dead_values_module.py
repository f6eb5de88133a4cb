# not-sanitized: the sanitizer build's C frames (redzones, -O1) keep stale words the collector's stack scan reads: see docs/gc.md, "What is left"
# Values a module-level statement no longer needs are freed by the next collection: neither
# the value stack's old slots nor the record of a handled exception keeps them alive.
# (CPython has no gc.mem_free; there every line prints True as well.)
import gc

BIG = 5000  # list items: some 40 KB on the host, 20 KB on 32-bit builds
SLACK = 2000  # bytes a collection may leave for reasons of its own


def mem_free():
    gc.collect()
    return gc.mem_free() if hasattr(gc, "mem_free") else 0


# A temporary deep in the value stack (the call's argument) while later statements use
# only its lowest slots.
for n in (1, BIG):  # the small first round fills caches and interns names
    before = mem_free()
    print(len([0] * n) > 0)
    after = mem_free()
print("call argument freed", before - after < SLACK)

# The exception and its argument, once the handler has finished.
for n in (1, BIG):
    before = mem_free()
    try:
        raise ValueError([0] * n)
    except ValueError:
        pass
    after = mem_free()
print("handled exception freed", before - after < SLACK)

# Same, with the exception bound to a name (deleted at the end of the handler).
for n in (1, BIG):
    before = mem_free()
    try:
        raise KeyError([1] * n)
    except KeyError as e:
        n = len(e.args)
    after = mem_free()
print("named exception freed", before - after < SLACK, n)

# Unpacking leaves the sequence below the unpacked values.
for n in (1, BIG):
    before = mem_free()
    a, b = [0] * n, 1
    a = None
    after = mem_free()
print("unpacked sequence freed", before - after < SLACK)

# The example: a dict built by a comprehension, then dropped.
for n in (1, BIG):
    before = mem_free()
    d = {i: i for i in range(n // 5)}
    d = None
    after = mem_free()
print("comprehension result freed", before - after < SLACK)
