/* modframebuf.c: the framebuf module: FrameBuffer drawing into a bytearray in seven pixel formats. */

#include <string.h>

#include "extmod/binary.h"
#include "extmod/framebuf_font.h"
#include "py/objtype.h"
#include "py/runtime.h"

/*
** A FrameBuffer keeps the object that owns its pixels, not a pointer into it: the pointer
** is taken again (and the length checked again) by every method, so a bytearray that
** has been resized since can never be written past its end.
**
** Pixel layouts (MicroPython's):
**   MONO_VLSB  a byte is 8 pixels of one column, bit 0 at the top; bands of 8 rows, each
**              `stride` bytes long
**   MONO_HLSB  a byte is 8 pixels of one row, bit 7 at the left; rows of stride/8 bytes
**   MONO_HMSB  the same with bit 0 at the left
**   GS2_HMSB   4 pixels a byte, the leftmost in bits 0-1
**   GS4_HMSB   2 pixels a byte, the leftmost in bits 4-7
**   GS8        a byte a pixel
**   RGB565     a 16-bit word a pixel, in this machine's byte order
** Every drawing call clips to the buffer; colours are taken modulo the format's depth.
** Coordinates are computed in 64 bits; lines and polygons first clamp theirs to +-2**24
** (far beyond any buffer) so that no product can overflow, and they only ever walk the
** part of a shape that can be visible, so huge coordinates cost no time.
*/

enum {
    FORMAT_MONO_VLSB = 0,
    FORMAT_RGB565 = 1,
    FORMAT_GS4_HMSB = 2,
    FORMAT_MONO_HLSB = 3,
    FORMAT_MONO_HMSB = 4,
    FORMAT_GS2_HMSB = 5,
    FORMAT_GS8 = 6,
};

typedef struct framebuf_obj_t {
    es_obj_base_t base;
    es_obj_t buf_obj; /* ES_OBJ_NULL in a subclass instance until super().__init__() */
    size_t needed;    /* bytes the buffer must hold */
    uint16_t width;
    uint16_t height;
    uint16_t stride;
    uint8_t format;
} framebuf_obj_t;

/* What drawing works on: a FrameBuffer's geometry with its pixels located for this call. */
typedef struct canvas_t {
    uint8_t *pix;
    int width;
    int height;
    unsigned stride;
    uint8_t format;
} canvas_t;

static const es_type_t framebuf_type;

/* ---- pixels ------------------------------------------------------------------------------- */

/* x and y are inside the canvas. */
static void set_pixel(const canvas_t *c, unsigned x, unsigned y, uint32_t col) {
    size_t i;
    unsigned shift;
    switch (c->format) {
        case FORMAT_MONO_VLSB:
            i = (y >> 3) * c->stride + x;
            shift = y & 7;
            c->pix[i] = (uint8_t)((c->pix[i] & ~(1u << shift)) | ((col != 0) << shift));
            break;
        case FORMAT_MONO_HLSB:
        case FORMAT_MONO_HMSB:
            i = (x + y * c->stride) >> 3;
            shift = c->format == FORMAT_MONO_HMSB ? (x & 7) : 7 - (x & 7);
            c->pix[i] = (uint8_t)((c->pix[i] & ~(1u << shift)) | ((col != 0) << shift));
            break;
        case FORMAT_GS2_HMSB:
            i = (x + y * c->stride) >> 2;
            shift = (x & 3) << 1;
            c->pix[i] = (uint8_t)((c->pix[i] & ~(3u << shift)) | ((col & 3) << shift));
            break;
        case FORMAT_GS4_HMSB:
            i = (x + y * c->stride) >> 1;
            shift = (x & 1) ? 0 : 4;
            c->pix[i] = (uint8_t)((c->pix[i] & ~(15u << shift)) | ((col & 15) << shift));
            break;
        case FORMAT_GS8:
            c->pix[x + y * c->stride] = (uint8_t)col;
            break;
        default: { /* RGB565; memcpy because the buffer need not be 2-byte aligned */
            uint16_t v = (uint16_t)col;
            memcpy(c->pix + 2 * ((size_t)x + (size_t)y * c->stride), &v, 2);
            break;
        }
    }
}

static uint32_t get_pixel(const canvas_t *c, unsigned x, unsigned y) {
    switch (c->format) {
        case FORMAT_MONO_VLSB:
            return (c->pix[(y >> 3) * c->stride + x] >> (y & 7)) & 1;
        case FORMAT_MONO_HLSB:
        case FORMAT_MONO_HMSB: {
            unsigned shift = c->format == FORMAT_MONO_HMSB ? (x & 7) : 7 - (x & 7);
            return (c->pix[(x + y * c->stride) >> 3] >> shift) & 1;
        }
        case FORMAT_GS2_HMSB:
            return (c->pix[(x + y * c->stride) >> 2] >> ((x & 3) << 1)) & 3;
        case FORMAT_GS4_HMSB:
            return (c->pix[(x + y * c->stride) >> 1] >> ((x & 1) ? 0 : 4)) & 15;
        case FORMAT_GS8:
            return c->pix[x + y * c->stride];
        default: {
            uint16_t v;
            memcpy(&v, c->pix + 2 * ((size_t)x + (size_t)y * c->stride), 2);
            return v;
        }
    }
}

static bool inside(const canvas_t *c, int64_t x, int64_t y) {
    return x >= 0 && x < c->width && y >= 0 && y < c->height;
}

static void set_pixel_clipped(const canvas_t *c, int64_t x, int64_t y, uint32_t col) {
    if (inside(c, x, y)) {
        set_pixel(c, (unsigned)x, (unsigned)y, col);
    }
}

static void fill_rect(const canvas_t *c, int64_t x, int64_t y, int64_t w, int64_t h, uint32_t col) {
    if (w < 1 || h < 1 || x + w <= 0 || y + h <= 0 || x >= c->width || y >= c->height) {
        return;
    }
    int64_t x_end = x + w < c->width ? x + w : c->width;
    int64_t y_end = y + h < c->height ? y + h : c->height;
    unsigned x0 = x < 0 ? 0 : (unsigned)x;
    unsigned y0 = y < 0 ? 0 : (unsigned)y;
    for (unsigned yy = y0; yy < (unsigned)y_end; yy++) {
        if (c->format == FORMAT_GS8) {
            memset(c->pix + x0 + yy * c->stride, (uint8_t)col, (size_t)(x_end - x0));
            continue;
        }
        for (unsigned xx = x0; xx < (unsigned)x_end; xx++) {
            set_pixel(c, xx, yy, col);
        }
    }
}

/* ---- the object and its buffer ---------------------------------------------------------------- */

/* Bytes a buffer needs for this geometry (MicroPython's rule: the last row or band need
** only reach `width`, not `stride`). Rounds stride up to whole bytes for packed formats. */
static size_t bytes_needed(unsigned format, unsigned width, unsigned height, unsigned *stride) {
    uint64_t bits_per_pixel = 1;
    uint64_t rows = height;
    uint64_t full_rows = height - 1; /* rows that take a whole stride */
    uint64_t last_width = width;
    switch (format) {
        case FORMAT_MONO_VLSB:
            rows = (height + 7) & ~7u;
            full_rows = rows - 8;
            break;
        case FORMAT_MONO_HLSB:
        case FORMAT_MONO_HMSB:
            *stride = (*stride + 7) & ~7u;
            last_width = (width + 7) & ~7u;
            break;
        case FORMAT_GS2_HMSB:
            *stride = (*stride + 3) & ~3u;
            last_width = (width + 3) & ~3u;
            bits_per_pixel = 2;
            break;
        case FORMAT_GS4_HMSB:
            *stride = (*stride + 1) & ~1u;
            last_width = (width + 1) & ~1u;
            bits_per_pixel = 4;
            break;
        case FORMAT_GS8:
            bits_per_pixel = 8;
            break;
        case FORMAT_RGB565:
            bits_per_pixel = 16;
            break;
        default:
            es_raise_msg(&es_type_ValueError, "invalid format");
    }
    return (size_t)((full_rows * *stride + (rows - full_rows) * last_width) * bits_per_pixel / 8);
}

/* Checks the arguments as FrameBuffer(buffer, width, height, format, stride) does and fills
** in fb; with `writable` false the buffer may be read-only (blit sources). */
static void init_framebuf(framebuf_obj_t *fb, es_obj_t buffer, es_obj_t width_in, es_obj_t height_in, es_int_t format,
                          const es_obj_t *stride_in, bool writable) {
    es_int_t width = es_obj_get_int(width_in);
    es_int_t height = es_obj_get_int(height_in);
    es_int_t stride = stride_in != NULL ? es_obj_get_int(*stride_in) : width;
    if (width < 1 || height < 1 || width > 0xffff || height > 0xffff || stride > 0xffff || stride < width) {
        es_raise_msg(&es_type_ValueError, "invalid FrameBuffer size");
    }
    unsigned ustride = (unsigned)stride;
    size_t needed = bytes_needed((unsigned)format, (unsigned)width, (unsigned)height, &ustride);
    if (ustride > 0xffff) {
        es_raise_msg(&es_type_ValueError, "invalid FrameBuffer size");
    }
    es_buffer_info_t info;
    es_get_buffer_raise(buffer, &info, writable ? ES_BUFFER_WRITE : ES_BUFFER_READ);
    if (info.len < needed) {
        es_raise_msg(&es_type_ValueError, "buffer too small");
    }
    fb->buf_obj = buffer;
    fb->needed = needed;
    fb->width = (uint16_t)width;
    fb->height = (uint16_t)height;
    fb->stride = (uint16_t)ustride;
    fb->format = (uint8_t)format;
}

/* The FrameBuffer inside o (o itself, or the built-in part of a subclass instance); NULL if none. */
static framebuf_obj_t *framebuf_in(es_obj_t o) {
    if (!es_obj_is_type(o, &framebuf_type)) {
        o = es_instance_native(o);
        if (o == ES_OBJ_NULL || !es_obj_is_type(o, &framebuf_type)) {
            return NULL;
        }
    }
    return es_obj_to_ptr(o);
}

static void open_canvas(const framebuf_obj_t *fb, canvas_t *c, int flags) {
    if (fb->buf_obj == ES_OBJ_NULL) {
        es_raise_msg(&es_type_AttributeError, "call super().__init__() first");
    }
    es_buffer_info_t info;
    es_get_buffer_raise(fb->buf_obj, &info, flags);
    if (info.len < fb->needed) {
        es_raise_msg(&es_type_ValueError, "buffer too small");
    }
    c->pix = info.buf;
    c->width = fb->width;
    c->height = fb->height;
    c->stride = fb->stride;
    c->format = fb->format;
}

/* The canvas of a method's self. */
static void self_canvas(es_obj_t self, canvas_t *c) {
    framebuf_obj_t *fb = framebuf_in(self);
    if (fb == NULL) {
        es_raise_msg(&es_type_TypeError, "FrameBuffer expected");
    }
    open_canvas(fb, c, ES_BUFFER_WRITE);
}

/* A FrameBuffer, or a (buffer, width, height, format[, stride]) tuple or list (whose buffer may be
** read-only) checked into *temp. */
static const framebuf_obj_t *source_framebuf(es_obj_t o, framebuf_obj_t *temp) {
    framebuf_obj_t *fb = framebuf_in(o);
    if (fb != NULL) {
        return fb;
    }
    if (!es_obj_is_type(o, &es_type_tuple) && !es_obj_is_type(o, &es_type_list)) {
        es_raise_msg(&es_type_TypeError, "FrameBuffer or tuple expected");
    }
    size_t len;
    es_obj_t *items;
    es_obj_get_array(o, &len, &items);
    if (len != 4 && len != 5) {
        es_raise_msg(&es_type_ValueError, "tuple must be (buffer, width, height, format[, stride])");
    }
    init_framebuf(temp, items[0], items[1], items[2], es_obj_get_int(items[3]), len == 5 ? &items[4] : NULL, false);
    return temp;
}

/* An integer argument, clamped to +-2**40 so that sums of a few of them cannot overflow. */
static int64_t int_arg(es_obj_t o) {
    int64_t v = (int64_t)es_obj_get_int(o);
    const int64_t limit = (int64_t)1 << 40;
    return v < -limit ? -limit : v > limit ? limit : v;
}

/*
** Methods convert every argument before they locate the pixels: a conversion may run Python
** code (__index__, __bool__) that resizes the buffer under a pointer taken earlier.
*/
static void int_args(const es_obj_t *args, int64_t *out, size_t n) {
    for (size_t i = 0; i < n; i++) {
        out[i] = int_arg(args[i]);
    }
}

static es_obj_t framebuf_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    framebuf_obj_t *fb = es_new(framebuf_obj_t);
    fb->base.type = type;
    /* A subclass's instance gets its FrameBuffer part empty; super().__init__() fills it. */
    if (n_args == 0 && n_kw == 0) {
        return es_obj_from_ptr(fb);
    }
    es_arg_check_num(n_args, n_kw, 4, 5, false);
    init_framebuf(fb, args[0], args[1], args[2], es_obj_get_int(args[3]), n_args > 4 ? &args[4] : NULL, true);
    return es_obj_from_ptr(fb);
}

/* FrameBuffer1(buffer, width, height[, stride]): the old name for a MONO_VLSB FrameBuffer. */
static es_obj_t framebuf_framebuffer1(size_t n_args, const es_obj_t *args) {
    framebuf_obj_t *fb = es_new(framebuf_obj_t);
    fb->base.type = &framebuf_type;
    init_framebuf(fb, args[0], args[1], args[2], FORMAT_MONO_VLSB, n_args > 3 ? &args[3] : NULL, true);
    return es_obj_from_ptr(fb);
}
static ES_DEFINE_FUN_VAR(framebuf_framebuffer1_obj, ES_Q_FrameBuffer1, 3, 4, framebuf_framebuffer1);

static int framebuf_buffer(es_obj_t self, es_buffer_info_t *info, int flags) {
    framebuf_obj_t *fb = es_obj_to_ptr(self);
    if (fb->buf_obj == ES_OBJ_NULL) {
        return 1;
    }
    const es_type_t *type = es_obj_get_type(fb->buf_obj);
    return type->buffer != NULL ? type->buffer(fb->buf_obj, info, flags) : 1;
}

/* ---- simple shapes ------------------------------------------------------------------------------ */

static es_obj_t framebuf_fill(es_obj_t self, es_obj_t col_in) {
    uint32_t col = (uint32_t)es_obj_get_int(col_in);
    canvas_t c;
    self_canvas(self, &c);
    fill_rect(&c, 0, 0, c.width, c.height, col);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(framebuf_fill_obj, ES_Q_fill, framebuf_fill);

static es_obj_t framebuf_fill_rect(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    int64_t a[5]; /* x, y, w, h, c */
    int_args(args + 1, a, 5);
    canvas_t c;
    self_canvas(args[0], &c);
    fill_rect(&c, a[0], a[1], a[2], a[3], (uint32_t)a[4]);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(framebuf_fill_rect_obj, ES_Q_fill_rect, 6, 6, framebuf_fill_rect);

static es_obj_t framebuf_pixel(size_t n_args, const es_obj_t *args) {
    int64_t a[3]; /* x, y, c */
    int_args(args + 1, a, n_args - 1);
    canvas_t c;
    self_canvas(args[0], &c);
    if (!inside(&c, a[0], a[1])) {
        return ES_OBJ_NONE;
    }
    if (n_args == 3) {
        return es_obj_new_int_from_uint(get_pixel(&c, (unsigned)a[0], (unsigned)a[1]));
    }
    set_pixel(&c, (unsigned)a[0], (unsigned)a[1], (uint32_t)a[2]);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(framebuf_pixel_obj, ES_Q_pixel, 3, 4, framebuf_pixel);

static es_obj_t framebuf_hline(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    int64_t a[4]; /* x, y, w, c */
    int_args(args + 1, a, 4);
    canvas_t c;
    self_canvas(args[0], &c);
    fill_rect(&c, a[0], a[1], a[2], 1, (uint32_t)a[3]);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(framebuf_hline_obj, ES_Q_hline, 5, 5, framebuf_hline);

static es_obj_t framebuf_vline(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    int64_t a[4]; /* x, y, h, c */
    int_args(args + 1, a, 4);
    canvas_t c;
    self_canvas(args[0], &c);
    fill_rect(&c, a[0], a[1], 1, a[2], (uint32_t)a[3]);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(framebuf_vline_obj, ES_Q_vline, 5, 5, framebuf_vline);

static es_obj_t framebuf_rect(size_t n_args, const es_obj_t *args) {
    int64_t a[5];
    int_args(args + 1, a, 5);
    int64_t x = a[0], y = a[1], w = a[2], h = a[3];
    uint32_t col = (uint32_t)a[4];
    bool fill = n_args > 6 && es_obj_is_true(args[6]);
    canvas_t c;
    self_canvas(args[0], &c);
    if (fill) {
        fill_rect(&c, x, y, w, h, col);
    } else {
        fill_rect(&c, x, y, w, 1, col);
        fill_rect(&c, x, y + h - 1, w, 1, col);
        fill_rect(&c, x, y, 1, h, col);
        fill_rect(&c, x + w - 1, y, 1, h, col);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(framebuf_rect_obj, ES_Q_rect, 6, 7, framebuf_rect);

#define COORD_LIMIT ((int64_t)1 << 24)

static int64_t clamp_coord(int64_t v) {
    return v < -COORD_LIMIT ? -COORD_LIMIT : v > COORD_LIMIT ? COORD_LIMIT : v;
}

/*
** Bresenham's line, both end points included; steps along the longer axis. The steps whose
** position on that axis lies outside the canvas are skipped: after k steps the shorter axis
** has advanced n(k) = floor((e0 + 2*dy*(k - 1)) / (2*dx)) + 1 times (0 while that numerator
** is negative), with e0 = 2*dy - dx the starting error; the pixels are the same.
*/
static void draw_line(const canvas_t *c, int64_t x1, int64_t y1, int64_t x2, int64_t y2, uint32_t col) {
    x1 = clamp_coord(x1);
    y1 = clamp_coord(y1);
    x2 = clamp_coord(x2);
    y2 = clamp_coord(y2);
    int64_t dx = x2 - x1;
    int64_t sx = 1;
    if (dx <= 0) {
        dx = -dx;
        sx = -1;
    }
    int64_t dy = y2 - y1;
    int64_t sy = 1;
    if (dy <= 0) {
        dy = -dy;
        sy = -1;
    }
    bool steep = dy > dx;
    if (steep) {
        int64_t t;
        t = x1, x1 = y1, y1 = t;
        t = dx, dx = dy, dy = t;
        t = sx, sx = sy, sy = t;
    }
    int64_t limit = steep ? c->height : c->width; /* the long axis's visible range is [0, limit) */
    int64_t k_lo, k_hi;
    if (sx > 0) {
        k_lo = x1 < 0 ? -x1 : 0;
        k_hi = limit - x1 < dx ? limit - x1 : dx;
    } else {
        k_lo = x1 > limit - 1 ? x1 - (limit - 1) : 0;
        k_hi = x1 + 1 < dx ? x1 + 1 : dx;
    }
    int64_t err = 2 * dy - dx;
    if (k_lo > 0 && k_lo < k_hi) {
        int64_t v = err + 2 * dy * (k_lo - 1);
        int64_t n = v >= 0 ? v / (2 * dx) + 1 : 0;
        x1 += sx * k_lo;
        y1 += sy * n;
        err += 2 * dy * k_lo - 2 * dx * n;
    }
    for (int64_t i = k_lo; i < k_hi; i++) {
        if (steep) {
            set_pixel_clipped(c, y1, x1, col);
        } else {
            set_pixel_clipped(c, x1, y1, col);
        }
        while (err >= 0) {
            y1 += sy;
            err -= 2 * dx;
        }
        x1 += sx;
        err += 2 * dy;
    }
    set_pixel_clipped(c, x2, y2, col);
}

static es_obj_t framebuf_line(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    int64_t a[5]; /* x1, y1, x2, y2, c */
    int_args(args + 1, a, 5);
    canvas_t c;
    self_canvas(args[0], &c);
    draw_line(&c, a[0], a[1], a[2], a[3], (uint32_t)a[4]);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(framebuf_line_obj, ES_Q_line, 6, 6, framebuf_line);

/* ---- ellipse and polygon ------------------------------------------------------------------------ */

/* Quadrants: bit 0 top right, bit 1 top left, bit 2 bottom left, bit 3 bottom right. */
#define QUADRANT_ALL (0x0f)

static void ellipse_points(const canvas_t *c, int64_t cx, int64_t cy, int64_t x, int64_t y, uint32_t col,
                           unsigned quadrants, bool fill) {
    if (fill) {
        if (quadrants & 1) {
            fill_rect(c, cx, cy - y, x + 1, 1, col);
        }
        if (quadrants & 2) {
            fill_rect(c, cx - x, cy - y, x + 1, 1, col);
        }
        if (quadrants & 4) {
            fill_rect(c, cx - x, cy + y, x + 1, 1, col);
        }
        if (quadrants & 8) {
            fill_rect(c, cx, cy + y, x + 1, 1, col);
        }
        return;
    }
    if (quadrants & 1) {
        set_pixel_clipped(c, cx + x, cy - y, col);
    }
    if (quadrants & 2) {
        set_pixel_clipped(c, cx - x, cy - y, col);
    }
    if (quadrants & 4) {
        set_pixel_clipped(c, cx - x, cy + y, col);
    }
    if (quadrants & 8) {
        set_pixel_clipped(c, cx + x, cy + y, col);
    }
}

/*
** The midpoint ellipse in two passes over one quadrant, mirrored into the others: first
** where the slope is shallower than -1 (stepping y), then where it is steeper (stepping x).
** Radii are limited to 0xffff: the squares below stay far from overflowing 64 bits, and the
** loops (one step per pixel of the outline) stay short.
*/
static es_obj_t framebuf_ellipse(size_t n_args, const es_obj_t *args) {
    int64_t cx = int_arg(args[1]);
    int64_t cy = int_arg(args[2]);
    int64_t a = int_arg(args[3]);
    int64_t b = int_arg(args[4]);
    uint32_t col = (uint32_t)es_obj_get_int(args[5]);
    bool fill = n_args > 6 && es_obj_is_true(args[6]);
    unsigned quadrants = n_args > 7 ? (unsigned)es_obj_get_int(args[7]) & QUADRANT_ALL : QUADRANT_ALL;
    canvas_t c;
    self_canvas(args[0], &c);
    if (a > 0xffff || b > 0xffff || a < -0xffff || b < -0xffff) {
        es_raise_msg(&es_type_ValueError, "radius too large"); /* larger than any FrameBuffer */
    }
    if (a == 0 && b == 0) {
        if (quadrants != 0) {
            set_pixel_clipped(&c, cx, cy, col);
        }
        return ES_OBJ_NONE;
    }
    int64_t two_a2 = 2 * a * a;
    int64_t two_b2 = 2 * b * b;
    int64_t x = a;
    int64_t y = 0;
    int64_t x_change = b * b * (1 - 2 * a);
    int64_t y_change = a * a;
    int64_t err = 0;
    int64_t stop_x = two_b2 * a;
    int64_t stop_y = 0;
    while (stop_x >= stop_y) {
        ellipse_points(&c, cx, cy, x, y, col, quadrants, fill);
        y++;
        stop_y += two_a2;
        err += y_change;
        y_change += two_a2;
        if (2 * err + x_change > 0) {
            x--;
            stop_x -= two_b2;
            err += x_change;
            x_change += two_b2;
        }
    }
    x = 0;
    y = b;
    x_change = b * b;
    y_change = a * a * (1 - 2 * b);
    err = 0;
    stop_x = 0;
    stop_y = two_a2 * b;
    while (stop_x <= stop_y) {
        ellipse_points(&c, cx, cy, x, y, col, quadrants, fill);
        x++;
        stop_x += two_b2;
        err += x_change;
        x_change += two_b2;
        if (2 * err + y_change > 0) {
            y--;
            stop_y -= two_a2;
            err += y_change;
            y_change += two_a2;
        }
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(framebuf_ellipse_obj, ES_Q_ellipse, 6, 8, framebuf_ellipse);

typedef struct coords_t {
    const uint8_t *data;
    size_t item_size;
    char typecode;
    size_t n_points;
} coords_t;

static int64_t coord(const coords_t *p, size_t index) {
    es_obj_t v = es_binary_get(p->data + index * p->item_size, p->typecode, p->item_size, es_binary_native_big_endian());
    int64_t value;
    if (!es_obj_is_small_int(v)) {
        /* Beyond a small int, only the sign matters once clamped. */
        value = es_obj_is_true(es_binary_op(ES_BINARY_OP_LESS, v, es_obj_new_small_int(0))) ? -COORD_LIMIT : COORD_LIMIT;
    } else {
        value = es_small_int_value(v);
    }
    return clamp_coord(value);
}

/*
** Filled polygons by scan lines: on each row, the x where every edge crosses it (the lower end
** of an edge excluded, so a shared vertex counts once), sorted, filled in pairs. Pixels the
** exclusion misses at local minima and on horizontal edges are drawn separately.
*/
static void fill_polygon(const canvas_t *c, int64_t x, int64_t y, const coords_t *p, uint32_t col) {
    x = clamp_coord(x);
    y = clamp_coord(y);
    int64_t y_min = INT64_MAX, y_max = INT64_MIN;
    for (size_t i = 0; i < p->n_points; i++) {
        int64_t py = coord(p, 2 * i + 1);
        y_min = py < y_min ? py : y_min;
        y_max = py > y_max ? py : y_max;
    }
    /* Rows outside the canvas draw nothing; skip them. */
    if (y_min < -y) {
        y_min = -y;
    }
    if (y_max > c->height - 1 - y) {
        y_max = c->height - 1 - y;
    }
    int64_t *nodes = es_new_array(int64_t, p->n_points);
    for (int64_t row = y_min; row <= y_max; row++) {
        size_t n_nodes = 0;
        int64_t px1 = coord(p, 0);
        int64_t py1 = coord(p, 1);
        for (size_t k = p->n_points; k-- > 0;) {
            int64_t px2 = coord(p, 2 * k);
            int64_t py2 = coord(p, 2 * k + 1);
            if (py1 != py2 && ((py1 > row && py2 <= row) || (py1 <= row && py2 > row))) {
                nodes[n_nodes++] = (32 * px1 + 32 * (px2 - px1) * (row - py1) / (py2 - py1) + 16) / 32;
            } else if (row == (py1 > py2 ? py1 : py2)) {
                if (py1 < py2) {
                    set_pixel_clipped(c, x + px2, y + py2, col);
                } else if (py2 < py1) {
                    set_pixel_clipped(c, x + px1, y + py1, col);
                } else {
                    draw_line(c, x + px1, y + py1, x + px2, y + py2, col);
                }
            }
            px1 = px2;
            py1 = py2;
        }
        for (size_t i = 1; i < n_nodes; i++) { /* insertion sort: a handful of nodes */
            int64_t v = nodes[i];
            size_t j = i;
            while (j > 0 && nodes[j - 1] > v) {
                nodes[j] = nodes[j - 1];
                j--;
            }
            nodes[j] = v;
        }
        for (size_t i = 0; i + 1 < n_nodes; i += 2) {
            fill_rect(c, x + nodes[i], y + row, nodes[i + 1] - nodes[i] + 1, 1, col);
        }
    }
    es_free(nodes);
}

static es_obj_t framebuf_poly(size_t n_args, const es_obj_t *args) {
    int64_t x = int_arg(args[1]);
    int64_t y = int_arg(args[2]);
    uint32_t col = (uint32_t)es_obj_get_int(args[4]);
    bool fill = n_args > 5 && es_obj_is_true(args[5]);
    canvas_t c;
    self_canvas(args[0], &c);
    es_buffer_info_t info;
    es_get_buffer_raise(args[3], &info, ES_BUFFER_READ);
    coords_t p;
    p.data = info.buf;
    p.typecode = (char)info.typecode;
    size_t align;
    p.item_size = es_binary_size(p.typecode, true, &align);
    if (p.item_size == 0) {
        es_raise_msg(&es_type_TypeError, "coordinates must be integers");
    }
    p.n_points = info.len / (2 * p.item_size); /* an odd last value is ignored */
    if (p.n_points == 0) {
        return ES_OBJ_NONE;
    }
    if (fill) {
        fill_polygon(&c, x, y, &p, col);
        return ES_OBJ_NONE;
    }
    int64_t px1 = coord(&p, 0);
    int64_t py1 = coord(&p, 1);
    for (size_t k = p.n_points; k-- > 0;) {
        int64_t px2 = coord(&p, 2 * k);
        int64_t py2 = coord(&p, 2 * k + 1);
        draw_line(&c, x + px1, y + py1, x + px2, y + py2, col);
        px1 = px2;
        py1 = py2;
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(framebuf_poly_obj, ES_Q_poly, 5, 6, framebuf_poly);

/* ---- text, scroll, blit ---------------------------------------------------------------------------- */

static es_obj_t framebuf_text(size_t n_args, const es_obj_t *args) {
    if (!es_obj_is_str(args[1])) {
        es_raise_msg_varg(&es_type_TypeError, "can't convert '%s' object to str implicitly", es_obj_type_name(args[1]));
    }
    size_t len;
    const char *str = es_obj_str_get_data(args[1], &len);
    int64_t x = int_arg(args[2]);
    int64_t y0 = int_arg(args[3]);
    uint32_t col = n_args > 4 ? (uint32_t)es_obj_get_int(args[4]) : 1;
    canvas_t c;
    self_canvas(args[0], &c);
    /* Byte by byte: each byte of a character outside ASCII draws the DEL glyph. */
    for (size_t i = 0; i < len; i++) {
        unsigned ch = (uint8_t)str[i];
        if (ch < ES_FRAMEBUF_FONT_FIRST || ch > ES_FRAMEBUF_FONT_LAST) {
            ch = ES_FRAMEBUF_FONT_LAST;
        }
        const uint32_t *glyph = es_framebuf_font[ch - ES_FRAMEBUF_FONT_FIRST];
        for (unsigned col_index = 0; col_index < 8; col_index++, x++) {
            if (x < 0 || x >= c.width) {
                continue;
            }
            unsigned bits = (glyph[col_index >> 2] >> (8 * (col_index & 3))) & 0xff;
            for (int64_t y = y0; bits != 0; bits >>= 1, y++) {
                if ((bits & 1) && y >= 0 && y < c.height) {
                    set_pixel(&c, (unsigned)x, (unsigned)y, col);
                }
            }
        }
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(framebuf_text_obj, ES_Q_text, 4, 5, framebuf_text);

/* Moves the contents by (xstep, ystep); what is uncovered keeps its old pixels. */
static es_obj_t framebuf_scroll(es_obj_t self, es_obj_t xstep_in, es_obj_t ystep_in) {
    int64_t xstep = int_arg(xstep_in);
    int64_t ystep = int_arg(ystep_in);
    canvas_t c;
    self_canvas(self, &c);
    if (xstep >= c.width || -xstep >= c.width || ystep >= c.height || -ystep >= c.height) {
        return ES_OBJ_NONE;
    }
    /* Copy in the direction that never reads a pixel already overwritten. */
    int64_t x_start = xstep < 0 ? 0 : c.width - 1;
    int64_t x_end = xstep < 0 ? c.width + xstep : xstep - 1;
    int64_t dx = xstep < 0 ? 1 : -1;
    int64_t y_start = ystep < 0 ? 0 : c.height - 1;
    int64_t y_end = ystep < 0 ? c.height + ystep : ystep - 1;
    int64_t dy = ystep < 0 ? 1 : -1;
    for (int64_t y = y_start; y != y_end; y += dy) {
        for (int64_t x = x_start; x != x_end; x += dx) {
            set_pixel(&c, (unsigned)x, (unsigned)y, get_pixel(&c, (unsigned)(x - xstep), (unsigned)(y - ystep)));
        }
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(framebuf_scroll_obj, ES_Q_scroll, framebuf_scroll);

/*
** blit(source, x, y, key=-1, palette=None): source pixels equal to key (after the palette)
** are not drawn. A palette is a one-row FrameBuffer in this one's format whose pixel n is the
** colour for source colour n; source colours beyond its width are not drawn.
*/
static es_obj_t framebuf_blit(size_t n_args, const es_obj_t *args) {
    framebuf_obj_t src_temp, palette_temp;
    const framebuf_obj_t *src_fb = source_framebuf(args[1], &src_temp);
    const framebuf_obj_t *palette_fb = NULL;
    if (n_args > 5 && args[5] != ES_OBJ_NONE) {
        palette_fb = source_framebuf(args[5], &palette_temp);
    }
    int64_t x = int_arg(args[2]);
    int64_t y = int_arg(args[3]);
    int64_t key = n_args > 4 ? int_arg(args[4]) : -1;
    /* Pixels are located only now that no Python code can run any more. */
    canvas_t dst, src, palette;
    self_canvas(args[0], &dst);
    open_canvas(src_fb, &src, ES_BUFFER_READ);
    bool has_palette = palette_fb != NULL;
    if (has_palette) {
        open_canvas(palette_fb, &palette, ES_BUFFER_READ);
    }
    if (x >= dst.width || y >= dst.height || -x >= src.width || -y >= src.height) {
        return ES_OBJ_NONE;
    }
    int64_t dst_x0 = x < 0 ? 0 : x;
    int64_t dst_y = y < 0 ? 0 : y;
    int64_t src_x0 = x < 0 ? -x : 0;
    int64_t src_y = y < 0 ? -y : 0;
    int64_t dst_x_end = x + src.width < dst.width ? x + src.width : dst.width;
    int64_t dst_y_end = y + src.height < dst.height ? y + src.height : dst.height;
    for (; dst_y < dst_y_end; dst_y++, src_y++) {
        int64_t src_x = src_x0;
        for (int64_t dst_x = dst_x0; dst_x < dst_x_end; dst_x++, src_x++) {
            uint32_t col = get_pixel(&src, (unsigned)src_x, (unsigned)src_y);
            if (has_palette) {
                if (col >= (uint32_t)palette.width) {
                    continue;
                }
                col = get_pixel(&palette, col, 0);
            }
            if ((int64_t)col != key) {
                set_pixel(&dst, (unsigned)dst_x, (unsigned)dst_y, col);
            }
        }
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(framebuf_blit_obj, ES_Q_blit, 4, 6, framebuf_blit);

/* ---- the type and the module ---------------------------------------------------------------------- */

static const es_map_elem_t framebuf_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_fill), ES_OBJ_FROM_CONST(framebuf_fill_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_fill_rect), ES_OBJ_FROM_CONST(framebuf_fill_rect_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pixel), ES_OBJ_FROM_CONST(framebuf_pixel_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_hline), ES_OBJ_FROM_CONST(framebuf_hline_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_vline), ES_OBJ_FROM_CONST(framebuf_vline_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_rect), ES_OBJ_FROM_CONST(framebuf_rect_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_line), ES_OBJ_FROM_CONST(framebuf_line_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ellipse), ES_OBJ_FROM_CONST(framebuf_ellipse_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_poly), ES_OBJ_FROM_CONST(framebuf_poly_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_blit), ES_OBJ_FROM_CONST(framebuf_blit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_scroll), ES_OBJ_FROM_CONST(framebuf_scroll_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_text), ES_OBJ_FROM_CONST(framebuf_text_obj)},
};
static ES_DEFINE_CONST_DICT(framebuf_locals_dict, framebuf_locals_table);

static const es_type_t framebuf_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_INIT_BUILDS_NATIVE,
    .name = ES_Q_FrameBuffer,
    .make_new = framebuf_make_new,
    .buffer = framebuf_buffer,
    .locals_dict = (es_obj_dict_t *)&framebuf_locals_dict,
};

static const es_map_elem_t framebuf_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_framebuf)},
    {ES_OBJ_NEW_QSTR(ES_Q_FrameBuffer), ES_OBJ_FROM_CONST(framebuf_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_FrameBuffer1), ES_OBJ_FROM_CONST(framebuf_framebuffer1_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_MVLSB), ES_OBJ_NEW_SMALL_INT(FORMAT_MONO_VLSB)},
    {ES_OBJ_NEW_QSTR(ES_Q_MONO_VLSB), ES_OBJ_NEW_SMALL_INT(FORMAT_MONO_VLSB)},
    {ES_OBJ_NEW_QSTR(ES_Q_RGB565), ES_OBJ_NEW_SMALL_INT(FORMAT_RGB565)},
    {ES_OBJ_NEW_QSTR(ES_Q_GS2_HMSB), ES_OBJ_NEW_SMALL_INT(FORMAT_GS2_HMSB)},
    {ES_OBJ_NEW_QSTR(ES_Q_GS4_HMSB), ES_OBJ_NEW_SMALL_INT(FORMAT_GS4_HMSB)},
    {ES_OBJ_NEW_QSTR(ES_Q_GS8), ES_OBJ_NEW_SMALL_INT(FORMAT_GS8)},
    {ES_OBJ_NEW_QSTR(ES_Q_MONO_HLSB), ES_OBJ_NEW_SMALL_INT(FORMAT_MONO_HLSB)},
    {ES_OBJ_NEW_QSTR(ES_Q_MONO_HMSB), ES_OBJ_NEW_SMALL_INT(FORMAT_MONO_HMSB)},
};

ES_DEFINE_CONST_MODULE(es_module_framebuf, framebuf_globals_table);
ES_REGISTER_MODULE(ES_Q_framebuf, es_module_framebuf);
