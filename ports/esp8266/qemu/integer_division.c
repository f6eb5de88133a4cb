/* Integer division for the lx106, which has no divide instruction: 32- and 64-bit, signed and unsigned. */
#include "rom_libgcc.h"

#include <stdint.h>

/*
 * Plain shift-and-subtract.  This file must never use '/' or '%' itself:
 * the compiler would turn them back into calls to these very functions.
 *
 * Division by zero is undefined in C and this CPU has nothing to trap, so
 * the result is simply what the loop gives: an all-ones quotient and the
 * dividend as remainder.  INT_MIN / -1 wraps to INT_MIN with remainder 0.
 */

static uint32_t udivmod32(uint32_t dividend, uint32_t divisor, uint32_t *remainder) {
    if (divisor == 0) {
        *remainder = dividend;
        return UINT32_MAX;
    }
    if (dividend < divisor) {
        *remainder = dividend;
        return 0;
    }
    /* Line the divisor's top bit up with the dividend's, then one quotient bit per step. */
    int shift = __builtin_clz(divisor) - __builtin_clz(dividend);
    uint32_t shifted = divisor << shift;
    uint32_t quotient = 0;
    for (int step = shift; step >= 0; step--) {
        quotient <<= 1;
        if (dividend >= shifted) {
            dividend -= shifted;
            quotient |= 1;
        }
        shifted >>= 1;
    }
    *remainder = dividend;
    return quotient;
}

static uint64_t udivmod64(uint64_t dividend, uint64_t divisor, uint64_t *remainder) {
    if ((dividend >> 32) == 0 && (divisor >> 32) == 0 && divisor != 0) {
        uint32_t remainder32;
        uint32_t quotient32 = udivmod32((uint32_t)dividend, (uint32_t)divisor, &remainder32);
        *remainder = remainder32;
        return quotient32;
    }
    if (divisor == 0) {
        *remainder = dividend;
        return UINT64_MAX;
    }
    if (dividend < divisor) {
        *remainder = dividend;
        return 0;
    }
    int shift = __builtin_clzll(divisor) - __builtin_clzll(dividend);
    uint64_t shifted = divisor << shift;
    uint64_t quotient = 0;
    for (int step = shift; step >= 0; step--) {
        quotient <<= 1;
        if (dividend >= shifted) {
            dividend -= shifted;
            quotient |= 1;
        }
        shifted >>= 1;
    }
    *remainder = dividend;
    return quotient;
}

/* Magnitudes go through unsigned arithmetic so that INT_MIN never overflows. */
static uint32_t magnitude32(int32_t value) {
    return value < 0 ? 0u - (uint32_t)value : (uint32_t)value;
}

static uint64_t magnitude64(int64_t value) {
    return value < 0 ? 0u - (uint64_t)value : (uint64_t)value;
}

unsigned __udivsi3(unsigned dividend, unsigned divisor) {
    uint32_t remainder;
    return udivmod32(dividend, divisor, &remainder);
}

unsigned __umodsi3(unsigned dividend, unsigned divisor) {
    uint32_t remainder;
    udivmod32(dividend, divisor, &remainder);
    return remainder;
}

/* C truncates toward zero: the quotient is negative when the signs differ. */
int __divsi3(int dividend, int divisor) {
    uint32_t remainder;
    uint32_t quotient = udivmod32(magnitude32(dividend), magnitude32(divisor), &remainder);
    return (int)((dividend < 0) != (divisor < 0) ? 0u - quotient : quotient);
}

/* The remainder takes the dividend's sign. */
int __modsi3(int dividend, int divisor) {
    uint32_t remainder;
    udivmod32(magnitude32(dividend), magnitude32(divisor), &remainder);
    return (int)(dividend < 0 ? 0u - remainder : remainder);
}

unsigned long long __udivdi3(unsigned long long dividend, unsigned long long divisor) {
    uint64_t remainder;
    return udivmod64(dividend, divisor, &remainder);
}

unsigned long long __umoddi3(unsigned long long dividend, unsigned long long divisor) {
    uint64_t remainder;
    udivmod64(dividend, divisor, &remainder);
    return remainder;
}

long long __divdi3(long long dividend, long long divisor) {
    uint64_t remainder;
    uint64_t quotient = udivmod64(magnitude64(dividend), magnitude64(divisor), &remainder);
    return (long long)((dividend < 0) != (divisor < 0) ? 0u - quotient : quotient);
}

long long __moddi3(long long dividend, long long divisor) {
    uint64_t remainder;
    udivmod64(magnitude64(dividend), magnitude64(divisor), &remainder);
    return (long long)(dividend < 0 ? 0u - remainder : remainder);
}
