# ValueError from bad values
cases = [
    lambda: int("x"),
    lambda: int("10", 1),
    lambda: int("10", 37),
    lambda: float("1.2.3"),
    lambda: [1].index(2),
    lambda: [].remove(0),
    lambda: "abc".index("d"),
    lambda: chr(-1),
    lambda: chr(0x110000),
    lambda: range(1, 5, 0),
    lambda: bytes([300]),
    lambda: bytearray([-1]),
    lambda: "a,b".split(""),
    lambda: (1, 2).index(5),
    lambda: b"\xff".decode("utf-8"),
    lambda: int.from_bytes(b"x", "middle"),
    lambda: "{:d}".format("s"),
    lambda: "%z" % 1,
    lambda: [1, 2, 3].__setitem__(slice(None, None, 2), [1]),
]
for c in cases:
    try:
        c()
        print("no error")
    except ValueError as e:
        print("ValueError")
    except TypeError:
        print("TypeError")
