/* framebuf_font.h: the 8x8 font framebuf.text() draws with. */
#pragma once

#include <stdint.h>

#define ES_FRAMEBUF_FONT_FIRST (32)
#define ES_FRAMEBUF_FONT_LAST (127)

/* Column x of glyph c: (es_framebuf_font[c - 32][x >> 2] >> (8 * (x & 3))) & 0xff, bit 0 at the top. */
extern const uint32_t es_framebuf_font[96][2];
