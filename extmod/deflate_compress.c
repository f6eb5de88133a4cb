/* deflate_compress.c: a small DEFLATE encoder: LZ77 matches over the window, one fixed-Huffman block. */

#include <string.h>

#include "extmod/deflate.h"

/*
** Memory matters more than ratio here: the only state is the window of recent input and a
** few words. Matches are found by a plain scan of the window, nearest first (the nearest of
** equally long matches needs the fewest extra bits). A match never runs past the end of the
** data given to one es_deflate_write call, so the encoder never holds input back.
** The whole stream is one final block with the fixed code of RFC 1951 3.2.6: it is opened
** by es_deflate_init and closed by es_deflate_finish.
*/

#define MIN_MATCH (3)
#define MAX_MATCH (258)

static void flush_out(es_deflate_t *s) {
    if (s->out_len > 0) {
        uint8_t len = s->out_len;
        s->out_len = 0;
        s->push(s->push_ctx, s->out, len);
    }
}

/* Appends the n low bits of value, first bit first. */
static void put_bits(es_deflate_t *s, uint32_t value, unsigned n) {
    s->bit_buf |= value << s->bit_count;
    s->bit_count += n;
    while (s->bit_count >= 8) {
        s->out[s->out_len++] = (uint8_t)s->bit_buf;
        s->bit_buf >>= 8;
        s->bit_count -= 8;
        if (s->out_len == sizeof(s->out)) {
            flush_out(s);
        }
    }
}

/* Huffman codes go most significant bit first, unlike every other field. */
static void put_code(es_deflate_t *s, uint32_t code, unsigned len) {
    uint32_t reversed = 0;
    for (unsigned i = 0; i < len; i++) {
        reversed = (reversed << 1) | ((code >> i) & 1);
    }
    put_bits(s, reversed, len);
}

static void put_lit_symbol(es_deflate_t *s, unsigned sym) {
    if (sym < 144) {
        put_code(s, 0x30 + sym, 8);
    } else if (sym < 256) {
        put_code(s, 0x190 + sym - 144, 9);
    } else if (sym < 280) {
        put_code(s, sym - 256, 7);
    } else {
        put_code(s, 0xc0 + sym - 280, 8);
    }
}

/* The symbol whose range holds value: the last one whose base is not above it. */
static unsigned code_for(const uint32_t *codes, unsigned n, unsigned value) {
    unsigned i = n - 1;
    while (ES_DEFLATE_CODE_BASE(codes[i]) > value) {
        i--;
    }
    return i;
}

static void put_match(es_deflate_t *s, unsigned len, unsigned dist) {
    unsigned i = code_for(es_deflate_length_codes, ES_DEFLATE_NUM_LENGTH_CODES, len);
    uint32_t code = es_deflate_length_codes[i];
    put_lit_symbol(s, 257 + i);
    put_bits(s, len - ES_DEFLATE_CODE_BASE(code), ES_DEFLATE_CODE_EXTRA(code));
    i = code_for(es_deflate_dist_codes, ES_DEFLATE_NUM_DIST_CODES, dist);
    code = es_deflate_dist_codes[i];
    put_code(s, i, 5);
    put_bits(s, dist - ES_DEFLATE_CODE_BASE(code), ES_DEFLATE_CODE_EXTRA(code));
}

void es_deflate_init(es_deflate_t *s, uint8_t *window, unsigned wbits, es_deflate_push_t push, void *ctx) {
    memset(s, 0, sizeof(*s));
    s->push = push;
    s->push_ctx = ctx;
    s->window = window;
    s->window_size = 1u << wbits;
    put_bits(s, 1, 1); /* BFINAL */
    put_bits(s, 1, 2); /* BTYPE 01: fixed code */
}

/* Byte k of the input seen so far, counted from data[0]; negative k reach into the window. */
static inline uint8_t byte_at(const es_deflate_t *s, const uint8_t *data, ptrdiff_t k) {
    if (k >= 0) {
        return data[k];
    }
    return s->window[(s->window_pos + (uint32_t)k) & (s->window_size - 1)];
}

void es_deflate_write(es_deflate_t *s, const uint8_t *data, size_t len) {
    size_t i = 0;
    while (i < len) {
        size_t max_len = len - i < MAX_MATCH ? len - i : MAX_MATCH;
        size_t max_dist = s->window_fill + i;
        if (max_dist > s->window_size) {
            max_dist = s->window_size;
        }
        size_t best_len = 0;
        size_t best_dist = 0;
        if (max_len >= MIN_MATCH) {
            for (size_t dist = 1; dist <= max_dist; dist++) {
                ptrdiff_t from = (ptrdiff_t)i - (ptrdiff_t)dist;
                if (byte_at(s, data, from) != data[i]) {
                    continue;
                }
                size_t n = 1;
                while (n < max_len && byte_at(s, data, from + (ptrdiff_t)n) == data[i + n]) {
                    n++;
                }
                if (n > best_len) {
                    best_len = n;
                    best_dist = dist;
                    if (n == max_len) {
                        break;
                    }
                }
            }
        }
        if (best_len >= MIN_MATCH) {
            put_match(s, (unsigned)best_len, (unsigned)best_dist);
            i += best_len;
        } else {
            put_lit_symbol(s, data[i]);
            i++;
        }
    }
    /* Keep the last window's worth of input as history for the next call. */
    size_t keep = len < s->window_size ? len : s->window_size;
    const uint8_t *tail = data + len - keep;
    for (size_t k = 0; k < keep; k++) {
        s->window[s->window_pos] = tail[k];
        s->window_pos = (s->window_pos + 1) & (s->window_size - 1);
    }
    s->window_fill = s->window_fill + keep < s->window_size ? s->window_fill + (uint32_t)keep : s->window_size;
}

void es_deflate_finish(es_deflate_t *s) {
    put_lit_symbol(s, 256);
    if (s->bit_count > 0) {
        put_bits(s, 0, 8 - s->bit_count);
    }
    flush_out(s);
}
