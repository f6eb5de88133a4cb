# Benchmark: float Mandelbrot set membership over a grid.

WIDTH = 400
HEIGHT = 300
MAX_ITER = 150


def mandel(width, height, max_iter):
    rows = []
    for y in range(height):
        ci = 2.0 * y / height - 1.0
        bits = 0
        for x in range(width):
            cr = 3.0 * x / width - 2.0
            zr = zi = 0.0
            i = 0
            while i < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                i += 1
            bits = (bits * 2 + (1 if i == max_iter else 0)) % 1000000007
        rows.append(bits)
    return rows


rows = mandel(WIDTH, HEIGHT, MAX_ITER)
inside = 0
checksum = 0
for r in rows:
    checksum = (checksum * 131 + r) % 1000000007
print("mandelbrot checksum", checksum)
