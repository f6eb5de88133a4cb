/* mpz.h: arbitrary-precision signed integers (sign and magnitude), the engine behind big ints. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "py/config.h"

/*
** Digits are 32 bits wide where the machine has a cheap 64-bit product (64-bit hosts) and
** 16 bits wide on 32-bit targets, so that a digit product always fits a native double digit.
*/
#ifndef ES_MPZ_DIG_BITS
#if UINTPTR_MAX > 0xffffffffu
#define ES_MPZ_DIG_BITS (32)
#else
#define ES_MPZ_DIG_BITS (16)
#endif
#endif

#if ES_MPZ_DIG_BITS == 32
typedef uint32_t es_mpz_dig_t;
typedef uint64_t es_mpz_dbl_t;
#elif ES_MPZ_DIG_BITS == 16
typedef uint16_t es_mpz_dig_t;
typedef uint32_t es_mpz_dbl_t;
#else
#error "ES_MPZ_DIG_BITS must be 16 or 32"
#endif

/*
** A number is neg * sum(dig[i] << (i * ES_MPZ_DIG_BITS)) for i < len, with dig[len - 1] != 0;
** zero has len == 0 and neg == false. `alloc` digits are writable; when `fixed` the buffer is
** caller memory (stack or an int object) and is never reallocated or freed.
*/
typedef struct es_mpz_t {
    bool neg;
    bool fixed;
    size_t len;
    size_t alloc;
    es_mpz_dig_t *dig;
} es_mpz_t;

/* Digits needed to hold any long long, for fixed buffers. */
#define ES_MPZ_LL_DIGS ((sizeof(long long) * 8 + ES_MPZ_DIG_BITS - 1) / ES_MPZ_DIG_BITS)

void es_mpz_init_zero(es_mpz_t *z);
/* A view of caller memory: digits read-only if used only as an operand. */
void es_mpz_init_fixed(es_mpz_t *z, es_mpz_dig_t *buf, size_t alloc, size_t len, bool neg);
/* buf must have ES_MPZ_LL_DIGS digits. */
void es_mpz_init_fixed_ll(es_mpz_t *z, es_mpz_dig_t *buf, long long value);
void es_mpz_deinit(es_mpz_t *z); /* frees heap digits; z is zero afterwards */

void es_mpz_set(es_mpz_t *dest, const es_mpz_t *src);
void es_mpz_set_ll(es_mpz_t *dest, long long value);
void es_mpz_set_ull(es_mpz_t *dest, unsigned long long value);
/* Truncates towards zero; the caller has checked that value is finite. */
void es_mpz_set_float(es_mpz_t *dest, es_float_t value);
/* Parses digits of `base` (2..36) from str[0..len); no sign, prefix or underscores.
** Returns how many leading characters were digits (all of them were consumed). */
size_t es_mpz_set_str(es_mpz_t *dest, const char *str, size_t len, unsigned base);
/* Two's complement (signed) or plain magnitude, little or big endian. */
void es_mpz_set_bytes(es_mpz_t *dest, const uint8_t *buf, size_t len, bool big_endian, bool is_signed);

bool es_mpz_is_zero(const es_mpz_t *z);
bool es_mpz_is_odd(const es_mpz_t *z);
int es_mpz_sign(const es_mpz_t *z);                       /* -1, 0, 1 */
int es_mpz_cmp(const es_mpz_t *a, const es_mpz_t *b);     /* -1, 0, 1 */
int es_mpz_cmp_abs(const es_mpz_t *a, const es_mpz_t *b); /* compares magnitudes */
/* Compares with a float exactly; the float must not be nan. */
int es_mpz_cmp_float(const es_mpz_t *a, es_float_t b);

/* dest may alias an operand in every function below. */
void es_mpz_neg(es_mpz_t *dest, const es_mpz_t *a);
void es_mpz_abs(es_mpz_t *dest, const es_mpz_t *a);
void es_mpz_add(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b);
void es_mpz_sub(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b);
void es_mpz_mul(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b);
/* Floor division and modulo as Python's // and %; b must not be zero. quo or rem may be NULL. */
void es_mpz_divmod_floor(es_mpz_t *quo, es_mpz_t *rem, const es_mpz_t *a, const es_mpz_t *b);
/* Truncating division (C semantics). quo or rem may be NULL. */
void es_mpz_divmod_trunc(es_mpz_t *quo, es_mpz_t *rem, const es_mpz_t *a, const es_mpz_t *b);
void es_mpz_pow(es_mpz_t *dest, const es_mpz_t *base, size_t exp);
/* base ** exp % mod with exp >= 0 and mod != 0; the result has the sign of mod. */
void es_mpz_pow_mod(es_mpz_t *dest, const es_mpz_t *base, const es_mpz_t *exp, const es_mpz_t *mod);
/* Inverse of a modulo m (m > 0): false when they are not coprime. */
bool es_mpz_inverse_mod(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *m);
void es_mpz_gcd(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b);
void es_mpz_shl(es_mpz_t *dest, const es_mpz_t *a, size_t bits);
void es_mpz_shr_floor(es_mpz_t *dest, const es_mpz_t *a, size_t bits); /* as Python's >> */

/* Bitwise operators with the semantics of infinite two's complement, as Python's. */
void es_mpz_and(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b);
void es_mpz_or(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b);
void es_mpz_xor(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b);
void es_mpz_not(es_mpz_t *dest, const es_mpz_t *a); /* -a - 1 */

size_t es_mpz_bit_length(const es_mpz_t *z); /* of the magnitude; 0 for zero */
/* True and *value set when z fits a long long. */
bool es_mpz_as_ll(const es_mpz_t *z, long long *value);
/* Low bits of z as two's complement, whatever its size (for hashing and masks). */
unsigned long long es_mpz_low_bits(const es_mpz_t *z);
/* Correctly rounded (half to even) conversion; false when the result overflows es_float_t. */
bool es_mpz_as_float(const es_mpz_t *z, es_float_t *value);
/* a / b correctly rounded to es_float_t; false on overflow; b must not be zero. */
bool es_mpz_true_div(const es_mpz_t *a, const es_mpz_t *b, es_float_t *value);
/* Python's hash of an int for the modulus 2**bits - 1 (before the -1 -> -2 fix-up). */
long long es_mpz_hash(const es_mpz_t *z, unsigned modulus_bits);
/* Bytes of two's complement (is_signed) or magnitude; false when z does not fit in len bytes. */
bool es_mpz_as_bytes(const es_mpz_t *z, uint8_t *buf, size_t len, bool big_endian, bool is_signed);

/* Digits of abs(z) in base 2..36 written to buf, most significant first, without sign.
** Returns the count; buf needs es_mpz_str_size(z, base) bytes. */
size_t es_mpz_str_size(const es_mpz_t *z, unsigned base);
size_t es_mpz_as_str(const es_mpz_t *z, char *buf, unsigned base, bool upper);
