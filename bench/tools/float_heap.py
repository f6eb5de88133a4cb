# float_heap.py: heap bytes that float workloads allocate on the ESP8266 builds, and their time.
# Run on the lx106 under QEMU: tests/float32/_drivers/lx106_run.py --show bench/tools/float_heap.py
# Each workload runs in chunks with the collector off, so every allocated byte is counted; the
# times are QEMU's clock, a rough guide only.
import gc
import math
import time


def mandel_row(y):
    width = 8
    ci = 2.0 * y / 16 - 1.0
    count = 0
    for x in range(width):
        cr = 3.0 * x / width - 2.0
        zr = zi = 0.0
        i = 0
        while i < 30:
            zr2 = zr * zr
            zi2 = zi * zi
            if zr2 + zi2 > 4.0:
                break
            zi = 2.0 * zr * zi + ci
            zr = zr2 - zi2 + cr
            i += 1
        count += i
    return count


PLANETS = [
    ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0], 1.0),
    ([4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
     [1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05], 9.54791938424326609e-04),
    ([8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
     [-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05], 2.85885980666130812e-04),
    ([1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
     [2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05], 4.36624404335156298e-05),
    ([1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
     [2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05], 5.15138902046611451e-05),
]
SOLAR_MASS = 4 * math.pi * math.pi
bodies = [[p[0], p[1], p[2], v[0] * 365.24, v[1] * 365.24, v[2] * 365.24, m * SOLAR_MASS] for p, v, m in PLANETS]
pairs = [(bodies[i], bodies[j]) for i in range(5) for j in range(i + 1, 5)]


def nbody_steps(_):
    dt = 0.01
    for _ in range(5):
        for a, b in pairs:
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            bm = b[6] * mag
            am = a[6] * mag
            a[3] -= dx * bm
            a[4] -= dy * bm
            a[5] -= dz * bm
            b[3] += dx * am
            b[4] += dy * am
            b[5] += dz * am
        for body in bodies:
            body[0] += dt * body[3]
            body[1] += dt * body[4]
            body[2] += dt * body[5]


def a_ij(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


vec = [1.0] * 16


def spectral_step(_):
    global vec
    n = len(vec)
    vec = [sum(a_ij(i, j) * vec[j] for j in range(n)) for i in range(n)]
    s = max(vec)
    vec = [x / s for x in vec]


level = [0.0]


def sensor(_):
    x = level[0]
    for i in range(200):
        sample = 20.0 + (i % 7) * 0.25 - 0.75
        x = x * 0.875 + sample * 0.125
    level[0] = x


WORK = (("mandelbrot 16x8", mandel_row, 16), ("nbody 50 steps", nbody_steps, 10),
        ("spectral-norm n=16", spectral_step, 10), ("sensor filter 2000", sensor, 10))
for name, fn, chunks in WORK:
    total = 0
    for c in range(chunks):
        gc.collect()
        gc.disable()
        before = gc.mem_alloc()
        fn(c)
        total += gc.mem_alloc() - before
        gc.enable()
    gc.collect()
    t = time.ticks_ms()
    for rep in range(5):
        for c in range(chunks):
            fn(c)
    print("%-20s allocated %6d bytes, 5 runs %5d ms" % (name, total, time.ticks_diff(time.ticks_ms(), t)))
