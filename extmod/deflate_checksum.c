/* deflate_checksum.c: Adler-32 (zlib trailer, RFC 1950) and CRC-32 (gzip trailer, RFC 1952). */

#include "extmod/deflate.h"

#define ADLER_MOD (65521u)
/* The largest run of bytes whose sums cannot overflow 32 bits before reducing (zlib's NMAX):
** the division is done once per run, which matters on a CPU without a divider. */
#define ADLER_RUN (5552u)

uint32_t es_adler32(uint32_t adler, const uint8_t *data, size_t len) {
    uint32_t a = adler & 0xffff;
    uint32_t b = adler >> 16;
    while (len > 0) {
        size_t run = len < ADLER_RUN ? len : ADLER_RUN;
        len -= run;
        while (run-- > 0) {
            a += *data++;
            b += a;
        }
        a %= ADLER_MOD;
        b %= ADLER_MOD;
    }
    return b << 16 | a;
}

/* The reflected polynomial 0xedb88320 four bits at a time: 64 bytes of table instead of 1 KB. */
static const uint32_t crc_nibble[16] = {
    0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
    0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
};

uint32_t es_crc32(uint32_t crc, const uint8_t *data, size_t len) {
    crc = ~crc;
    while (len-- > 0) {
        crc ^= *data++;
        crc = (crc >> 4) ^ crc_nibble[crc & 15];
        crc = (crc >> 4) ^ crc_nibble[crc & 15];
    }
    return ~crc;
}
