# builtins given wrong argument types
cases = [
    lambda: len(5),
    lambda: len(None),
    lambda: int([]),
    lambda: float({}),
    lambda: abs("x"),
    lambda: chr("a"),
    lambda: ord(1),
    lambda: ord("ab"),
    lambda: iter(5),
    lambda: next([1]),
    lambda: sum(["a", "b"]),
    lambda: sorted(5),
    lambda: max(1),
    lambda: hash([]),
    lambda: hash({}),
    lambda: range("a"),
    lambda: range(1.5),
    lambda: "abc"[1.0],
    lambda: [1, 2]["0"],
    lambda: {}.get(),
    lambda: "a".join([1, 2]),
    lambda: "abc".startswith(1),
    lambda: isinstance(1, 2),
    lambda: issubclass(1, int),
    lambda: getattr(1, 2),
    lambda: setattr(1, "x", 1),
    lambda: divmod("a", 1),
    lambda: list(1),
    lambda: tuple(None),
    lambda: dict(1),
    lambda: dict([1, 2]),
    lambda: set(5),
    lambda: bytes("abc"),
    lambda: str(b"x", 5),
]
for c in cases:
    try:
        c()
        print("no error")
    except (TypeError, AttributeError, ValueError) as e:
        print(type(e).__name__)
