# builtin functions with keyword arguments and error types
print(max([3, 1, 2]), max(3, 1, 2), max([], default=9), max(["a", "bbb", "cc"], key=len), min("hello"))
print(min([(1, "b"), (1, "a")]), min([4, 5], key=lambda v: -v))
for bad in (lambda: max([]), lambda: min(1), lambda: max(1, 2, default=3), lambda: max(key=len)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
print(sorted("bca"), sorted([3, 1, 2], key=lambda v: -v), sorted([(1, 2), (0, 5)], reverse=True))
print(sum([]), sum([1.5, 2]), sum([[1], [2]], []), sum(range(5), start=10))
try:
    sum(["a"], "")
except TypeError:
    print("TypeError sum str")
print(divmod(-7, 2), divmod(7.5, 2), pow(2, 10), pow(2, -1), pow(3, 200, 7), pow(2, 3, -3))
print(round(3.14159, 2), round(-2.5), round(3.5), round(1234, -2), round(7.0), round(0.5))
print(abs(-2.5), abs(True), abs(-10 ** 20))
print(bin(0), bin(10), oct(-8), hex(-255), hex(2 ** 70))
print(chr(0x1F600) == "\U0001F600", ord("a"), ord(b"z"), ord("\u20ac"))
for bad in (lambda: chr(-1), lambda: ord("ab"), lambda: ord(""), lambda: hex(1.5), lambda: chr("a")):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
print(all([1, 2]), all([1, 0]), any([]), any(x > 2 for x in range(5)))
print(callable(print), callable(1), callable(int), callable(lambda: 0))
print(isinstance(True, int), isinstance(1, (str, int)), issubclass(int, object), isinstance(int, type))
print(repr("a'b"), repr(None), repr(...), repr(NotImplemented), ascii("x") if False else "-")
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
calls = iter([1, 2, 3, 0, 4].pop, 3)
print(list(iter(lambda: 7, 7)))
print(len("héllo"), len([1, 2]), len({}), len(range(10)))
try:
    len(5)
except TypeError as e:
    print("TypeError", e)
print(hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), type(id(1)).__name__)
try:
    hash([])
except TypeError as e:
    print("TypeError", e)
print(getattr(1, "real"), hasattr([], "append"), getattr([], "nope", None))
try:
    getattr(1, 2)
except TypeError:
    print("TypeError getattr")
print(format(3.14159, ".2f"), format(42, "08b"), format("x", ">3"), format(7))
print(type(globals()).__name__, "__name__" in globals())
print(print("inner", end="|"), end="\n")
print(1, 2, 3, sep="-", end="!\n")
import sys
print("to stdout", file=sys.stdout)
sys.stdout.write("written\n")
print(type(sys.maxsize).__name__, sys.argv[0].endswith(".py"))
try:
    print(sep=1)
except TypeError:
    print("TypeError sep")
x = 5
print(eval("x + 1"), int.__add__(2, 3), (5).__add__(1), [1, 2].__len__(), dict.__getitem__({"k": 3}, "k"))
import gc
gc.collect()
print(gc.isenabled())
