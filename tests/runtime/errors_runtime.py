# exception types and messages of runtime operations
class C:
    pass
cases = [
    lambda: (1).b,
    lambda: setattr(1, "b", 2),
    lambda: setattr([], "append", 2),
    lambda: delattr(C(), "nope"),
    lambda: C().missing,
    lambda: C.missing,
    lambda: 1 < "a",
    lambda: C() < C(),
    lambda: -"a",
    lambda: ~1.5,
    lambda: [x for x in 5],
    lambda: (5,)[0](),
    lambda: C()(),
    lambda: len(C()),
    lambda: C()[0],
    lambda: undefined_thing,
    lambda: hash({}),
    lambda: {[]: 1},
    lambda: 1 in 5,
    lambda: iter(C()),
    lambda: next([]),
    lambda: [][0],
    lambda: (1, 2)[5],
    lambda: getattr(1),
    lambda: int("zz"),
    lambda: {}["k"],
    lambda: 1 / 0,
    lambda: isinstance(1, "x"),
    lambda: issubclass(1, int),
    lambda: type("X", 1, {}),
    lambda: super(1),
    lambda: object.__new__(5),
    lambda: C.__dict__["x"],
    lambda: 2 ** "a",
    lambda: [] - (),
    lambda: divmod("a", 1),
    lambda: abs("a"),
    lambda: round("a"),
    lambda: pow(2, 3, 1.5),
    lambda: sorted([1, "a"]),
    lambda: min([1, "a"]),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__, e)
def unpack(v):
    a, b = v
    return a, b
for v in (1, [1], [1, 2, 3], "ab", {1: 2, 3: 4}, range(2)):
    try:
        print(unpack(v))
    except Exception as e:
        print(type(e).__name__, e)
def star(v):
    a, *b, c = v
    return a, b, c
for v in ([1], [1, 2], (1, 2, 3, 4), "xyz"):
    try:
        print(star(v))
    except Exception as e:
        print(type(e).__name__, e)
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
try:
    try:
        pass
    finally:
        raise KeyError("k")
except LookupError as e:
    print(type(e).__name__, e)
try:
    try:
        1 / 0
    except (ValueError, ZeroDivisionError) as e:
        print("caught", type(e).__name__)
        raise
except Exception as e:
    print("reraised", type(e).__name__)
