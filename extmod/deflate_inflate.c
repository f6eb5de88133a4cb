/* deflate_inflate.c: a resumable DEFLATE decoder (RFC 1951) that pulls input a byte at a time. */

#include <errno.h>
#include <string.h>

#include "extmod/deflate.h"
#include "py/runtime.h"

/*
** The decoder produces output on demand: es_inflate_read stops when the caller's buffer is
** full, in the middle of a stored block or a back-reference if need be, and carries on from
** there on the next call. Input is pulled one byte at a time so that nothing past the end of
** the compressed data is consumed from the underlying stream.
**
** Codes are decoded a bit at a time from the count of codes of each length (the canonical
** code of RFC 1951 3.2.2 fixes every code from those counts): no lookup tables, about 700
** bytes of state for both codes of a block.
**
** What counts as bad data follows zlib, so that a stream zlib rejects is rejected here too:
** over-subscribed codes, incomplete codes (except a lone one-bit code, and an empty distance
** code), a repeat with nothing to repeat, more than 286 length or 30 distance codes, the
** symbols the fixed code reserves, and distances reaching before the start of the output or
** beyond the window.
*/

enum {
    STATE_BLOCK_HEADER,
    STATE_STORED,
    STATE_CODES,
    STATE_COPY,
    STATE_DONE,
};

static _Noreturn void bad_data(void) {
    es_raise_os_error(EINVAL);
}

static unsigned get_bits(es_inflate_t *s, unsigned n) {
    while (s->bit_count < n) {
        s->bit_buf |= (uint32_t)(s->pull(s->pull_ctx) & 0xff) << s->bit_count;
        s->bit_count += 8;
    }
    unsigned value = s->bit_buf & ((1u << n) - 1);
    s->bit_buf >>= n;
    s->bit_count -= n;
    return value;
}

/*
** Builds a code from the code length of each symbol. Returns how many codes of the longest
** length are left unused (0: complete), or a negative number if the lengths over-subscribe.
*/
static int build_code(es_huffman_t *h, const uint8_t *lengths, unsigned n) {
    memset(h->count, 0, sizeof(h->count));
    for (unsigned i = 0; i < n; i++) {
        h->count[lengths[i]]++;
    }
    h->count[0] = 0;
    h->max_len = 0;
    int left = 1;
    uint16_t offset[16];
    offset[1] = 0;
    for (unsigned len = 1; len < 16; len++) {
        left <<= 1;
        left -= h->count[len];
        if (left < 0) {
            return left;
        }
        if (h->count[len] != 0) {
            h->max_len = (uint16_t)len;
        }
        if (len < 15) {
            offset[len + 1] = (uint16_t)(offset[len] + h->count[len]);
        }
    }
    for (unsigned i = 0; i < n; i++) {
        if (lengths[i] != 0) {
            h->symbol[offset[lengths[i]]++] = (uint16_t)i;
        }
    }
    return left;
}

/* Codes of one length are consecutive numbers, so one comparison per bit finds the symbol. */
static unsigned decode_symbol(es_inflate_t *s, const es_huffman_t *h) {
    int code = 0;  /* the bits read so far */
    int first = 0; /* the first code of the current length */
    int index = 0; /* where that length's symbols start */
    for (unsigned len = 1; len <= h->max_len; len++) {
        code |= (int)get_bits(s, 1);
        int count = h->count[len];
        if (code - first < count) {
            return h->symbol[index + code - first];
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    bad_data(); /* a bit pattern an incomplete code does not use */
}

static void use_fixed_codes(es_inflate_t *s) {
    uint8_t lengths[288];
    memset(lengths, 8, 144);
    memset(lengths + 144, 9, 256 - 144);
    memset(lengths + 256, 7, 280 - 256);
    memset(lengths + 280, 8, 288 - 280);
    build_code(&s->lit, lengths, 288);
    memset(lengths, 5, 32);
    build_code(&s->dist, lengths, 32);
}

/* Order in which the code-length code's lengths are sent (RFC 1951 3.2.7). */
static const uint8_t code_length_order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

static void read_dynamic_codes(es_inflate_t *s) {
    unsigned n_lit = get_bits(s, 5) + 257;
    unsigned n_dist = get_bits(s, 5) + 1;
    unsigned n_code_len = get_bits(s, 4) + 4;
    if (n_lit > 286 || n_dist > 30) {
        bad_data();
    }
    uint8_t lengths[286 + 30];
    memset(lengths, 0, 19);
    for (unsigned i = 0; i < n_code_len; i++) {
        lengths[code_length_order[i]] = (uint8_t)get_bits(s, 3);
    }
    uint16_t code_len_symbol[19];
    es_huffman_t code_len = {.symbol = code_len_symbol};
    if (build_code(&code_len, lengths, 19) != 0) {
        bad_data();
    }
    /* One sequence of lengths covers both codes: repeats may run from one into the other. */
    unsigned total = n_lit + n_dist;
    unsigned n = 0;
    while (n < total) {
        unsigned sym = decode_symbol(s, &code_len);
        if (sym < 16) {
            lengths[n++] = (uint8_t)sym;
            continue;
        }
        uint8_t value = 0;
        unsigned repeat;
        if (sym == 16) {
            if (n == 0) {
                bad_data();
            }
            value = lengths[n - 1];
            repeat = 3 + get_bits(s, 2);
        } else if (sym == 17) {
            repeat = 3 + get_bits(s, 3);
        } else {
            repeat = 11 + get_bits(s, 7);
        }
        if (n + repeat > total) {
            bad_data();
        }
        memset(lengths + n, value, repeat);
        n += repeat;
    }
    if (lengths[256] == 0) {
        bad_data(); /* no end-of-block code */
    }
    int left = build_code(&s->lit, lengths, n_lit);
    if (left < 0 || (left > 0 && s->lit.max_len != 1)) {
        bad_data();
    }
    left = build_code(&s->dist, lengths + n_lit, n_dist);
    if (left < 0 || (left > 0 && s->dist.max_len > 1)) {
        bad_data();
    }
}

static void start_block(es_inflate_t *s) {
    s->last_block = get_bits(s, 1);
    switch (get_bits(s, 2)) {
        case 0: {
            /* Stored: the rest of the current byte is padding, then LEN and its complement. */
            s->bit_buf = 0;
            s->bit_count = 0;
            unsigned len = get_bits(s, 16);
            unsigned nlen = get_bits(s, 16);
            if (len != (~nlen & 0xffff)) {
                bad_data();
            }
            s->copy_len = (uint16_t)len;
            s->state = STATE_STORED;
            break;
        }
        case 1:
            use_fixed_codes(s);
            s->state = STATE_CODES;
            break;
        case 2:
            read_dynamic_codes(s);
            s->state = STATE_CODES;
            break;
        default:
            bad_data();
    }
}

/* Reads a length/distance pair after length symbol `sym` and sets up the copy. */
static void start_copy(es_inflate_t *s, unsigned sym) {
    if (sym > 285) {
        bad_data();
    }
    uint32_t code = es_deflate_length_codes[sym - 257];
    unsigned len = ES_DEFLATE_CODE_BASE(code) + get_bits(s, ES_DEFLATE_CODE_EXTRA(code));
    unsigned dist_sym = decode_symbol(s, &s->dist);
    if (dist_sym >= ES_DEFLATE_NUM_DIST_CODES) {
        bad_data();
    }
    code = es_deflate_dist_codes[dist_sym];
    unsigned dist = ES_DEFLATE_CODE_BASE(code) + get_bits(s, ES_DEFLATE_CODE_EXTRA(code));
    if (dist > s->window_fill) {
        bad_data();
    }
    s->copy_len = (uint16_t)len;
    s->copy_dist = (uint16_t)dist;
    s->state = STATE_COPY;
}

void es_inflate_init(es_inflate_t *s, uint8_t *window, unsigned wbits, es_deflate_pull_t pull,
                     es_deflate_pull_bulk_t pull_bulk, void *ctx) {
    memset(s, 0, sizeof(*s));
    s->pull = pull;
    s->pull_bulk = pull_bulk;
    s->pull_ctx = ctx;
    s->window = window;
    s->window_mask = (1u << wbits) - 1;
    s->lit.symbol = s->lit_symbol;
    s->dist.symbol = s->dist_symbol;
    s->state = STATE_BLOCK_HEADER;
}

size_t es_inflate_read(es_inflate_t *s, uint8_t *out, size_t size) {
    if (s->failed) {
        bad_data();
    }
    /* Stays set if anything below raises, so that a broken stream stays broken. */
    s->failed = true;
    uint8_t *window = s->window;
    uint32_t mask = s->window_mask;
    size_t n = 0;
    while (n < size && s->state != STATE_DONE) {
        uint8_t byte;
        switch (s->state) {
            case STATE_BLOCK_HEADER:
                if (s->last_block) {
                    s->state = STATE_DONE;
                } else {
                    start_block(s);
                }
                continue;
            case STATE_STORED: {
                if (s->copy_len == 0) {
                    s->state = STATE_BLOCK_HEADER;
                    continue;
                }
                /* The block's length is known, so it can be read in one go without over-reading. */
                size_t want = size - n < s->copy_len ? size - n : s->copy_len;
                size_t got = s->pull_bulk(s->pull_ctx, out + n, want);
                s->copy_len -= (uint16_t)got;
                for (size_t i = 0; i < got; i++) {
                    window[s->window_pos++ & mask] = out[n++];
                }
                s->window_fill = s->window_fill + got <= mask + 1 ? s->window_fill + (uint32_t)got : mask + 1;
                continue;
            }
            case STATE_CODES: {
                unsigned sym = decode_symbol(s, &s->lit);
                if (sym == 256) {
                    s->state = STATE_BLOCK_HEADER;
                    continue;
                }
                if (sym > 256) {
                    start_copy(s, sym);
                    continue;
                }
                byte = (uint8_t)sym;
                break;
            }
            default: /* STATE_COPY */
                byte = window[(s->window_pos - s->copy_dist) & mask];
                if (--s->copy_len == 0) {
                    s->state = STATE_CODES;
                }
                break;
        }
        out[n++] = byte;
        window[s->window_pos++ & mask] = byte;
        if (s->window_fill <= mask) {
            s->window_fill++;
        }
    }
    s->failed = false;
    return n;
}

bool es_inflate_done(const es_inflate_t *s) {
    return s->state == STATE_DONE;
}

void es_inflate_align(es_inflate_t *s) {
    s->bit_buf = 0;
    s->bit_count = 0;
}
