/* objint.h: the numeric tower's shared interface: ints (small and big), float and complex helpers, round() and hash. */
#pragma once

#include "py/mpz.h"
#include "py/obj.h"
#include "py/print.h"

/*
** Ints are small (a tagged word) whenever the value fits ES_SMALL_INT_MIN..MAX, and a heap
** big int otherwise; every function here returns that normal form, so two equal ints are
** either the same small-int word or both big. Bools are accepted wherever an int operand is.
*/

/* ---- hashing ------------------------------------------------------------------------- */

/* Numbers hash as CPython does: value modulo the prime 2**61 - 1 (2**31 - 1 on 32-bit words),
** so that hash(n) == hash(float(n)) == hash(complex(n)); -1 becomes -2. */
#if UINTPTR_MAX > 0xffffffffu
#define ES_HASH_MODULUS_BITS (61)
#else
#define ES_HASH_MODULUS_BITS (31)
#endif
#define ES_HASH_INF (314159)
#define ES_HASH_IMAG (1000003)

es_obj_t es_obj_int_hash(es_obj_t i);     /* small-int hash of an int or bool */
es_int_t es_float_hash_value(es_float_t x); /* hash of a finite or infinite float (not nan) */
es_obj_t es_hash_to_obj(es_int_t h);        /* folds a hash into a small int word */

/* ---- ints (py/objint.c) ------------------------------------------------------------------ */

/* Appends '-' when negative, then the digits of abs(i) in base 2..36, without prefix. */
void es_obj_int_format_digits(es_vstr_t *vstr, es_obj_t i, unsigned base, bool upper);

int es_obj_int_sign(es_obj_t i); /* -1, 0, 1; i is an int or bool */
bool es_obj_int_is_big(es_obj_t i);

/* The int type's operator slots, usable by bool and by int subclasses: lhs is an int or bool;
** rhs any object (ES_OBJ_NULL returned when unsupported, so the runtime tries the reflection). */
es_obj_t es_obj_int_unary_op(es_unary_op_t op, es_obj_t i);
es_obj_t es_obj_int_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs);

/* Compares int i with float f exactly: -1, 0, 1; *unordered is set when f is nan. */
int es_obj_int_compare_float(es_obj_t i, es_float_t f, bool *unordered);

/* pow(base, exp, mod) for ints, negative exp meaning the modular inverse as Python 3.8+. */
es_obj_t es_obj_int_pow3(es_obj_t base, es_obj_t exp, es_obj_t mod);

/* round(i) and round(i, ndigits); ndigits may be ES_OBJ_NULL or None. Half to even. */
es_obj_t es_int_round(es_obj_t i, es_obj_t ndigits);

/* Conversion between int objects and mpz numbers. A view's digits may live in the object
** or in buf (ES_MPZ_LL_DIGS digits) and must not be modified. */
void es_obj_int_get_mpz(es_obj_t i, es_mpz_t *view, es_mpz_dig_t *buf);
es_obj_t es_obj_int_from_mpz(const es_mpz_t *z); /* copies; returns a small int when it fits */

/* Raw little/big-endian bytes, for int.to_bytes, int.from_bytes and the struct module.
** to_bytes returns false when the value does not fit (the caller raises OverflowError). */
bool es_obj_int_to_bytes_buf(es_obj_t i, uint8_t *buf, size_t len, bool big_endian, bool is_signed);
es_obj_t es_obj_int_from_bytes_buf(const uint8_t *buf, size_t len, bool big_endian, bool is_signed);

/* int(x): calls __int__/__index__ through the runtime for non-numbers; int(str, base) rules. */
es_obj_t es_obj_int_from_obj(es_obj_t x);

/* Floor division and modulo of C integers as Python's // and % (b != 0); for VM fast paths. */
static inline es_int_t es_int_floor_div(es_int_t a, es_int_t b) {
    es_int_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        q -= 1;
    }
    return q;
}
static inline es_int_t es_int_floor_mod(es_int_t a, es_int_t b) {
    es_int_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        r += b;
    }
    return r;
}

/* ---- floats (py/objfloat.c) ---------------------------------------------------------- */

/* The float type's binary operator with the left operand already a C float. */
es_obj_t es_obj_float_binary_op(es_binary_op_t op, es_float_t lhs, es_obj_t rhs);
/* round(f) (an int) and round(f, ndigits) (a float), half to even on the exact value. */
es_obj_t es_float_round(es_obj_t f, es_obj_t ndigits);
/* float(x) as the constructor: numbers, str/bytes text, __float__, __index__. */
es_obj_t es_obj_float_from_obj(es_obj_t x);

/* ---- complex (py/objcomplex.c) ---------------------------------------------------------- */

es_obj_t es_obj_new_complex(es_float_t real, es_float_t imag);
void es_obj_complex_get(es_obj_t c, es_float_t *real, es_float_t *imag);
static inline bool es_obj_is_complex(es_obj_t o) { return es_obj_is_type(o, &es_type_complex); }
es_obj_t es_obj_complex_binary_op(es_binary_op_t op, es_float_t lhs_real, es_float_t lhs_imag, es_obj_t rhs);
