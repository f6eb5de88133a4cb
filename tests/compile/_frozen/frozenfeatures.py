# A frozen module exercising every kind of constant and code object the compiler makes.
huge = 123456789012345678901234567890
neg_huge = -98765432109876543210
mask32 = 0xFFFFFFFF
mid = 1 << 40
edge = 536870912
small_neg = -536870912
big_float = 1e400
tiny = 0.15625
z = 2j
nested = ((1, 2.5), ("x", (b"y", None)), -7)
kw = {"alpha": 1, "beta": [1, 2]}
empty = ""
unicode_text = "h\u00e9llo \u20ac \U0001f600"
name_like = "frozen_only_identifier_xyz"


def closure(n):
    total = 0

    def inc(k=1, *, scale=1):
        nonlocal total
        total += k * scale
        return total

    return inc


def gen_squares(n):
    yield from (i * i for i in range(n))


def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError as e:
        return "div0: %s" % type(e).__name__
    finally:
        pass


class Base:
    def who(self):
        return "base"


class Derived(Base):
    tag = "derived"

    def who(self):
        return "derived+" + super().who()

    @property
    def prop(self):
        return self.tag.upper()


def fmt(x):
    return f"{x!r:>8}|{x:.3f}|{'ok' if x > 1 else 'no'}"


def comps(n):
    return [i for i in range(n) if i % 2], {i: i * i for i in range(3)}, {i % 3 for i in range(7)}


async def coro(x):
    return x + 1


def run_coro(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


class Ctx:
    def __enter__(self):
        return "entered"

    def __exit__(self, *a):
        return True


def with_block():
    with Ctx() as v:
        raise ValueError(v)
    return "suppressed"


def raiser():
    x = 1
    y = 0
    return x / y
