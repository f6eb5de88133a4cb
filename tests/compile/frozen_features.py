# Frozen bytecode keeps every kind of constant and code object working: big and negative
# integers, floats (inf, subnormal), complex, nested tuples, closures, generators, exception
# tables, classes with super(), f-strings, comprehensions, coroutines, with.
# CPython reads the same module from its source folder; espy finds the frozen one first.
import sys

sys.path.append(".frozen")
sys.path.append("_frozen")
import frozenfeatures as f

print(f.huge, f.neg_huge, f.mask32, f.mid, f.edge, f.small_neg)
print(f.huge + 1, f.mask32 + 1, f.mask32 & 0xFF00, type(f.mask32).__name__)
print(f.big_float, f.tiny, f.z, f.z * f.z)
print(f.nested, f.kw, repr(f.empty), f.unicode_text, len(f.unicode_text))
print(f.name_like, f.name_like == "frozen_only_" + "identifier_xyz")
print(hash(f.name_like) == hash("frozen_only_" + "identifier_xyz"))
d = {f.name_like: 1}
print(d["frozen_only_" + "identifier_xyz"])
inc = f.closure(0)
print(inc(), inc(2), inc(3, scale=10))
print(list(f.gen_squares(5)))
print(f.safe_div(7, 2), f.safe_div(1, 0))
o = f.Derived()
print(o.who(), o.prop, f.Derived.__name__, f.Derived.__qualname__)
print(f.fmt(3.14159), f.fmt(0.5))
print(f.comps(6))
print(f.run_coro(f.coro(41)))
print(f.with_block())
print(f.closure.__name__, f.closure(1).__qualname__)
try:
    f.raiser()
except ZeroDivisionError as e:
    print("raised", type(e).__name__)
# getattr with a run-time string finds names only the frozen code interned.
print(getattr(f, "name" + "_like"))
print(getattr(o, "t" + "ag"))
