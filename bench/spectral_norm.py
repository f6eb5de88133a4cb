# Benchmark: spectral norm of an infinite matrix by power iteration.

import math

N = 300


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_a(v):
    n = len(v)
    return [sum(a(i, j) * v[j] for j in range(n)) for i in range(n)]


def times_at(v):
    n = len(v)
    return [sum(a(j, i) * v[j] for j in range(n)) for i in range(n)]


def times_ata(v):
    return times_at(times_a(v))


u = [1.0] * N
for _ in range(10):
    v = times_ata(u)
    u = times_ata(v)
vbv = vv = 0.0
for ue, ve in zip(u, v):
    vbv += ue * ve
    vv += ve * ve
print("spectral norm %.9f" % math.sqrt(vbv / vv))
