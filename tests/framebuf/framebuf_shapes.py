# framebuf lines, ellipses and polygons on a GS8 canvas, printed row by row.
import sys
from array import array

sys.path.insert(0, "lib")
try:
    import framebuf
except ImportError:
    import framebuf_model as framebuf

W, H = 24, 16
buf = bytearray(W * H)
fb = framebuf.FrameBuffer(buf, W, H, framebuf.GS8)


def show(title):
    print(title)
    for y in range(H):
        print(" " + "".join(".123456789abcdef"[buf[y * W + x] & 15] for x in range(W)))
    fb.fill(0)


# lines in every octant from the centre, and lines with both ends outside
for i, (dx, dy) in enumerate([(10, 3), (3, 7), (-3, 7), (-10, 3), (-10, -3), (-3, -7), (3, -7), (10, -3)]):
    fb.line(12, 8, 12 + dx, 8 + dy, i + 1)
show("octants")
fb.line(-5, -5, 30, 20, 1)
fb.line(30, 0, -10, 15, 2)
fb.line(5, 5, 5, 5, 3)
fb.line(0, 15, 23, 15, 4)
fb.line(23, 0, 23, 15, 5)
show("long lines")

# ellipses: outline, filled, circles, each quadrant, degenerate radii, clipped
fb.ellipse(12, 8, 10, 6, 1)
fb.ellipse(12, 8, 4, 4, 2, True)
show("ellipse")
for m in (1, 2, 4, 8, 5, 0):
    fb.ellipse(11, 7, 9, 6, 3, False, m)
    fb.ellipse(11, 7, 4, 3, 4, True, m)
    show("quadrants %d" % m)
fb.ellipse(3, 3, 0, 0, 1)
fb.ellipse(8, 3, 3, 0, 2)
fb.ellipse(14, 3, 0, 2, 3)
fb.ellipse(20, 3, 1, 1, 4, True)
fb.ellipse(0, 15, 5, 5, 5, True)
fb.ellipse(23, 15, 30, 8, 6)
show("small and clipped")

# polygons: triangle, concave arrow, with horizontal edges, clipped, from bytes
tri = array("h", [0, 0, 10, 4, 2, 12])
fb.poly(1, 1, tri, 1)
fb.poly(12, 1, tri, 2, True)
show("triangles")
arrow = array("h", [0, 4, 8, 0, 8, 3, 16, 3, 16, 5, 8, 5, 8, 8])
fb.poly(2, 0, arrow, 3, True)
fb.poly(2, 7, arrow, 4)
show("arrow")
square = array("b", [0, 0, 6, 0, 6, 6, 0, 6])
fb.poly(-3, -3, square, 5, True)
fb.poly(20, 12, square, 6, True)
fb.poly(10, 5, bytes([0, 0, 5, 0, 5, 5]), 7, True)
fb.poly(10, 12, array("i", [0, 0, 4, 2, 0, 4, 9]), 8, True)
show("clipped and odd")
fb.poly(5, 5, array("h"), 1, True)
fb.poly(5, 5, array("h", [3, 3]), 2, True)
fb.poly(5, 5, array("h", [3, 3]), 3)
star = array("h", [8, 0, 10, 6, 16, 6, 11, 9, 13, 15, 8, 11, 3, 15, 5, 9, 0, 6, 6, 6])
fb.poly(4, 0, star, 9, True)
show("star")
