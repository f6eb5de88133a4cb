# overflows that must raise rather than crash
cases = [
    lambda: int(float("inf")),
    lambda: float(10 ** 400),
    lambda: 2.0 ** 10000,
    lambda: [0] * (2 ** 100),
    lambda: "x" * (2 ** 100),
    lambda: range(2 ** 100)[0] + len(range(2 ** 100)),
    lambda: 1 << (2 ** 100),
    lambda: (1).to_bytes(0, "big") if False else (256).to_bytes(1, "big"),
]
for c in cases:
    try:
        c()
        print("no error")
    except (OverflowError, MemoryError) as e:
        print("OverflowError or MemoryError")
