/* deflate.h: the DEFLATE codec (RFC 1951) behind the deflate module: inflater, compressor, checksums. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
** Both directions work over a caller-owned window of 2**wbits bytes (5 <= wbits <= 15)
** and move bytes through callbacks. The input callback returns the next byte or raises
** (EOFError at the end of the input); the inflater raises OSError(EINVAL) on bad data.
** A raise leaves the inflater marked as failed: every later call raises OSError(EINVAL).
*/
typedef int (*es_deflate_pull_t)(void *ctx);
/* Reads between 1 and n bytes into buf, or raises: for stored blocks, whose length is known. */
typedef size_t (*es_deflate_pull_bulk_t)(void *ctx, uint8_t *buf, size_t n);
typedef void (*es_deflate_push_t)(void *ctx, const uint8_t *data, size_t len);

/* ---- shared code tables ------------------------------------------------------------- */

/*
** Length symbols 257..285 and distance symbols 0..29 as (base | extra_bits << 16), packed
** in words so that reads from flash are 32-bit loads.
*/
#define ES_DEFLATE_NUM_LENGTH_CODES (29)
#define ES_DEFLATE_NUM_DIST_CODES (30)
extern const uint32_t es_deflate_length_codes[ES_DEFLATE_NUM_LENGTH_CODES];
extern const uint32_t es_deflate_dist_codes[ES_DEFLATE_NUM_DIST_CODES];
#define ES_DEFLATE_CODE_BASE(c) ((c) & 0xffff)
#define ES_DEFLATE_CODE_EXTRA(c) ((c) >> 16)

/* ---- checksums ---------------------------------------------------------------------- */

uint32_t es_adler32(uint32_t adler, const uint8_t *data, size_t len); /* start with 1 */
uint32_t es_crc32(uint32_t crc, const uint8_t *data, size_t len);     /* start with 0 */

/* ---- inflater ----------------------------------------------------------------------- */

/* A canonical Huffman code: how many codes of each length, and its symbols in code order. */
typedef struct es_huffman_t {
    uint16_t count[16];
    uint16_t max_len;
    uint16_t *symbol;
} es_huffman_t;

typedef struct es_inflate_t {
    es_deflate_pull_t pull;
    es_deflate_pull_bulk_t pull_bulk;
    void *pull_ctx;
    uint8_t *window;
    uint32_t window_mask;
    uint32_t window_pos;  /* total bytes produced (wraps harmlessly) */
    uint32_t window_fill; /* bytes of history, up to the window size */
    uint32_t bit_buf;
    uint8_t bit_count;
    uint8_t state;
    bool last_block;
    bool failed;
    uint16_t copy_len;  /* bytes of a back-reference or stored block still to emit */
    uint16_t copy_dist;
    es_huffman_t lit;  /* literal/length code of the current block */
    es_huffman_t dist; /* its distance code */
    uint16_t lit_symbol[288];
    uint16_t dist_symbol[32];
} es_inflate_t;

void es_inflate_init(es_inflate_t *s, uint8_t *window, unsigned wbits, es_deflate_pull_t pull,
                     es_deflate_pull_bulk_t pull_bulk, void *ctx);
/* Produces up to `size` bytes; 0 once the final block has ended (and it stays 0). */
size_t es_inflate_read(es_inflate_t *s, uint8_t *out, size_t size);
bool es_inflate_done(const es_inflate_t *s);
/* After the final block: drops the bits left in the current byte (the trailer is byte-aligned). */
void es_inflate_align(es_inflate_t *s);

/* ---- compressor: LZ77 over the window, one fixed-Huffman block ------------------------ */

typedef struct es_deflate_t {
    es_deflate_push_t push;
    void *push_ctx;
    uint8_t *window;
    uint32_t window_size;
    uint32_t window_pos;  /* where the next history byte goes (mod window_size) */
    uint32_t window_fill;
    uint32_t bit_buf;
    uint8_t bit_count;
    uint8_t out_len;
    uint8_t out[32]; /* compressed bytes waiting for push */
} es_deflate_t;

void es_deflate_init(es_deflate_t *s, uint8_t *window, unsigned wbits, es_deflate_push_t push, void *ctx);
void es_deflate_write(es_deflate_t *s, const uint8_t *data, size_t len);
/* Ends the block and pushes every remaining byte. */
void es_deflate_finish(es_deflate_t *s);
