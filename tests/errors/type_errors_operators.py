# operators on unsupported types raise TypeError
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [] + (),
    lambda: {} + {},
    lambda: None * 2,
    lambda: "a" * "b",
    lambda: [1] * 1.5,
    lambda: 1 < "a",
    lambda: [] < {},
    lambda: -"a",
    lambda: ~1.5,
    lambda: 1 << 1.0,
    lambda: "a" - "b",
    lambda: b"a" + "a",
    lambda: 1 in 5,
    lambda: "a" in ["a"] in 5,
    lambda: {1} + {2},
    lambda: 2 ** "x",
    lambda: 1 @ 2,
    lambda: object() + object(),
]
for c in cases:
    try:
        c()
        print("no error")
    except TypeError:
        print("TypeError")
