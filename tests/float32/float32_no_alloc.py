# A float-heavy loop allocates nothing: floats in the usual range live in the object word
# (gc.mem_free() is unchanged), on the 64-bit host and on the ESP8266 builds alike. The loops
# are while loops because a range object would be an allocation of its own.
import gc


def mandelbrot(size):
    count = 0
    yi = 0
    while yi < size:
        xi = 0
        while xi < size:
            cr = -2.0 + 2.5 * xi / size
            ci = -1.25 + 2.5 * yi / size
            zr = zi = 0.0
            k = 0
            while k < 30 and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                k += 1
            count += k
            xi += 1
        yi += 1
    return count


def smoothing(n):
    level = 0.0
    total = 0.0
    i = 0
    while i < n:
        sample = 20.0 + (i % 7) * 0.25 - 0.75
        level = level * 0.875 + sample * 0.125
        total += level
        i += 1
    return total


def polynomial(n):
    acc = 0.0
    step = 4.0 / n
    i = 1
    while i <= n:
        x = i * step  # from the count, so no rounding error piles up
        acc += ((0.5 * x - 1.25) * x + 3.0) * x + 0.125
        i += 1
    return acc


def falling(height):
    g = 9.81
    dt = 0.015625
    y = height
    v = 0.0
    steps = 0
    while y > 0.0:
        v += g * dt
        y -= v * dt
        steps += 1
    return steps


def allocated(fn, arg):
    fn(arg)  # first call: any one-off set-up happens here
    gc.collect()
    before = gc.mem_free()
    result = fn(arg)
    return before - gc.mem_free(), result


for name, fn, arg in (("smoothing", smoothing, 2000), ("polynomial", polynomial, 1000), ("falling", falling, 100.0)):
    used, result = allocated(fn, arg)
    print(name, "bytes allocated:", used, "result:", round(result) if isinstance(result, float) else result)

# Mandelbrot's z meets values near zero now and then (|x| < 2**-15 is stored in the heap on the
# ESP8266 builds), a few dozen of some ten thousand: far from one allocation per operation.
used, result = allocated(mandelbrot, 12)
print("mandelbrot bytes allocated < 1024:", used < 1024, "result:", result)
