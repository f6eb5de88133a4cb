# conversions that must fail cleanly
cases = [lambda: int("1e5"), lambda: int(" "), lambda: int("0x1g", 16), lambda: int("three"),
         lambda: float(""), lambda: float("1,5"), lambda: complex("1+"), lambda: int("--1"),
         lambda: chr(1.5), lambda: list(5), lambda: dict([(1, 2, 3)]), lambda: bytes(-1), lambda: bytearray(-1),
         lambda: str.join(",", 5), lambda: tuple(1.5), lambda: range(1, 2, 3, 4)]
for c in cases:
    try:
        c()
        print("no error")
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
