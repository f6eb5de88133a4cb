# Python-to-Python calls run inside the caller's dispatch loop (no C recursion): results,
# globals of other modules, exceptions through many frames, recursion limits.
import sys

sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/lib")
import helper_calls

if hasattr(sys, "setrecursionlimit"):
    sys.setrecursionlimit(4000)
value = "main value"


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


# deeper than the C stack allowed when every call recursed in C
print(depth(10), depth(1500))


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print([fib(i) for i in range(15)])


# arguments of every kind
def kinds(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


def call_kinds():
    return [kinds(1, c=3), kinds(1, 5, 6, 7, c=3, e=8), kinds(*[1, 2, 3], **{"c": 0, "z": 9})]


print(call_kinds())
try:
    kinds()
except TypeError as e:
    print("TypeError", "missing" in str(e))


# globals switch with the frame: helper functions see their module, callbacks see ours
def ours(x):
    return (value, x)


print(helper_calls.get_value(), value, helper_calls.call_back(ours, 1), value)


# exceptions through frames with handlers and finally blocks on the way
log = []


def level(n):
    try:
        if n == 0:
            raise KeyError("deep")
        return level(n - 1)
    finally:
        log.append(n)


try:
    level(5)
except KeyError as e:
    print("caught", e, log)


def catch_middle(n):
    if n == 3:
        try:
            return catch_middle(n - 1)
        except ZeroDivisionError:
            return "handled at 3"
    if n == 0:
        return 1 // 0
    return catch_middle(n - 1)


print(catch_middle(6))
try:
    helper_calls.raise_in_helper(0)
except ValueError as e:
    print("ValueError", e, value)

# runaway recursion ends in RecursionError, and calls work again afterwards
def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError:
    print("RecursionError")
print(depth(50), fib(10))


# generators, closures, methods and comprehensions calling functions
def gen(n):
    for i in range(n):
        yield depth(i) + fib(i)


def make_adder(k):
    def add(x):
        return x + k if x < 3 else add(x - 1) + 1

    return add


class K:
    def m(self, n):
        return n if n == 0 else self.m(n - 1) + 1

    def __init__(self):
        self.v = self.m(5)


print(list(gen(6)), make_adder(10)(6), K().m(20), K().v, [depth(i) for i in range(5)])


# a call whose argument binding fails is reported in the caller, which can handle it
def takes_one(x):
    return x


def bad_caller():
    try:
        return takes_one(1, 2)
    except TypeError:
        return "binding error handled"


print(bad_caller())

# many failed bindings in a loop leave no frames behind: deep calls still fit afterwards
for i in range(5000):
    try:
        takes_one(1, 2)
    except TypeError:
        pass
print(depth(1500))
