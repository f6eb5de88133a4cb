# Many interned names: attribute and keyword names made at run time cross several of the
# interned-name pool's chunks and text blocks, including names longer than a text block.


class Bag:
    pass


bag = Bag()
names = ["attr_%d_%s" % (i, "x" * (i % 7)) for i in range(300)]
for i, n in enumerate(names):
    setattr(bag, n, i)
import gc

gc.collect()
print(all(getattr(bag, n) == i for i, n in enumerate(names)))
print(sum(getattr(bag, n) for n in names))

long_names = ["long_" + "y" * (100 + 37 * i) + str(i) for i in range(6)]
for i, n in enumerate(long_names):
    setattr(bag, n, -i)
print([getattr(bag, n) for n in long_names])
print(getattr(bag, names[0]), getattr(bag, names[-1]))
print(hasattr(bag, "attr_300_"), hasattr(bag, "long_" + "y" * 100))

# The same names met again by text intern to the same objects.
d = {}
for n in names[::17]:
    d[n] = len(n)
print(sorted(d.items())[:3])
print(len(d), sum(d.values()))


def f(**kw):
    return sorted(kw)


print(f(**{n: 1 for n in names[:40]})[:4])
exec("zz_" + "q" * 150 + " = 5\nprint(zz_" + "q" * 150 + " * 2)")

# Lengths around the one-byte length of a pool entry.
edge = ["e" * n for n in (253, 254, 255, 256, 257)]
for i, n in enumerate(edge):
    setattr(bag, n, i)
print([getattr(bag, n) for n in edge], [len(n) for n in sorted(edge)][-2:])
