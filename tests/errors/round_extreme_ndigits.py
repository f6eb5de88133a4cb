# round() with ndigits at the ends of the machine word (negating -2**63 overflowed; found by
# fuzzing under UBSan). .exp: CPython computes 10**2**63 for round(int, -2**63) and never ends.
for value in [0, 7, -7, 10**40 + 5, -(10**40) - 5, 2**63, 1.5, -2.5, 1e308]:
    for ndigits in [-2**63, -2**63 + 1, 2**63 - 1, -2**64, 2**64, -2**62, -40, -39, 0, None]:
        try:
            print(value, ndigits, round(value, ndigits))
        except OverflowError:
            print(value, ndigits, "OverflowError")
