/* 64-bit multiplication for the lx106, which multiplies only 32 x 32 -> low 32 bits. */
#include "rom_libgcc.h"

#include <stdint.h>

/*
 * Built from 16 x 16 -> 32 partial products.  No 64-bit '*' may appear
 * here: the compiler would turn it back into a call to these functions.
 */

unsigned long long __umulsidi3(unsigned a, unsigned b) {
    uint32_t a_low = a & 0xffff, a_high = a >> 16;
    uint32_t b_low = b & 0xffff, b_high = b >> 16;
    uint32_t low_low = a_low * b_low;
    uint32_t low_high = a_low * b_high;
    uint32_t high_low = a_high * b_low;
    uint32_t high_high = a_high * b_high;
    /* The middle column collects three 16-bit pieces; its carry moves up. */
    uint32_t middle = (low_low >> 16) + (low_high & 0xffff) + (high_low & 0xffff);
    uint32_t result_low = (low_low & 0xffff) | (middle << 16);
    uint32_t result_high = high_high + (low_high >> 16) + (high_low >> 16) + (middle >> 16);
    return ((uint64_t)result_high << 32) | result_low;
}

/* Only the low 64 bits of the product are kept, so the high x high term never matters. */
long long __muldi3(long long a, long long b) {
    uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
    uint32_t a_low = (uint32_t)ua, a_high = (uint32_t)(ua >> 32);
    uint32_t b_low = (uint32_t)ub, b_high = (uint32_t)(ub >> 32);
    uint64_t product = __umulsidi3(a_low, b_low);
    uint32_t cross = a_low * b_high + a_high * b_low;
    return (long long)(product + ((uint64_t)cross << 32));
}
