# Collections at awkward moments must not lose values the running code still needs: items
# being unpacked, a method being looked up, arguments being evaluated, a generator being
# resumed, a handler running. Every collection here clears the value-stack slots the VM
# considers dead, so a wrong idea of the live stack top shows up as lost or wrong values.
import gc


def collect():
    gc.collect()
    return [0] * 10


def items():
    for i in range(3):
        collect()
        yield [i] * 3


a, b, c = items()
print(a, b, c)
first, *rest = items()
print(first, rest)


class Lazy:
    def __getattr__(self, name):
        collect()
        if name == "method":
            return lambda x: [x, name]
        return [name] * 2


lazy = Lazy()
print(lazy.value, lazy.method(5))


def args(*a):
    return a


print(args([1] * 3, collect()[:2], [2] * 3, len(collect())))
print(sorted([[3], [1], [2]], key=lambda x: (collect(), x)[1]))
print(list(map(lambda x: (collect(), [x] * 2)[1], range(3))))


def echo():
    got = None
    while True:
        collect()
        got = yield [got] * 2


e = echo()
print(next(e), e.send("a"), e.send(["b"]))

try:
    raise ValueError([collect()[:1], "payload"])
except ValueError as err:
    collect()
    print(err.args)


def deep(n):
    if n == 0:
        return [collect()[:1]]
    return [n] + deep(n - 1)


print(deep(20))

if hasattr(gc, "threshold"):
    gc.threshold(64)  # a collection every few allocations
total = 0
for i in range(300):
    total += sum(x[0] + x[1] for x in ([j, i] for j in range(5)))
print(total)
if hasattr(gc, "threshold"):
    gc.threshold(-1)
