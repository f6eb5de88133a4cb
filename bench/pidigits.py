# Benchmark: digits of pi with an unbounded spigot on big integers.

DIGITS = 3500


def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < n * t:
            out.append(n)
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
    return out


digits = pi_digits(DIGITS)
text = "".join(str(d) for d in digits)
print("pidigits", text[:20], text[-20:], sum(digits))
