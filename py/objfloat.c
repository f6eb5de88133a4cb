/* objfloat.c: the float type: IEEE arithmetic with Python's floor division, modulo, power and hashing rules. */
#include <float.h>
#include <math.h>

#include "py/formatfloat.h"
#include "py/objint.h"
#include "py/objtype.h"
#include "py/parsenum.h"
#include "py/runtime.h"

/* One source for both widths: es_float_t is double on the host and float on the ESP8266. */
#if ES_FLOAT_IS_SINGLE
#define FLOAT_MANT_DIG FLT_MANT_DIG
#define FLOAT_MIN_EXP FLT_MIN_EXP
#define FLOAT_MAX_EXP FLT_MAX_EXP
#define MATH(name) name##f
#else
#define FLOAT_MANT_DIG DBL_MANT_DIG
#define FLOAT_MIN_EXP DBL_MIN_EXP
#define FLOAT_MAX_EXP DBL_MAX_EXP
#define MATH(name) name
#endif

/* Floats that have no immediate form (py/obj.h): inf, nan, subnormals and magnitudes out of range. */
es_obj_t es_obj_new_float_boxed(es_float_t value) {
    es_obj_float_t *o = es_new(es_obj_float_t);
    o->base.type = &es_type_float;
    o->value = value;
    return es_obj_from_ptr(o);
}

es_float_t es_obj_float_get_boxed(es_obj_t o) { return ((const es_obj_float_t *)es_obj_to_ptr(o))->value; }

/* The float inside a float or an instance of a float subclass; false for anything else. */
static bool float_value(es_obj_t o, es_float_t *value) {
    if (es_obj_is_float(o)) {
        *value = es_obj_float_get(o);
        return true;
    }
    if (es_obj_is_ptr(o) && es_type_is_user_class(es_obj_get_type(o))) {
        es_obj_t native = es_instance_native(o);
        if (native != ES_OBJ_NULL && es_obj_is_float(native)) {
            *value = es_obj_float_get(native);
            return true;
        }
    }
    return false;
}

static es_float_t self_value(es_obj_t self) {
    es_float_t v = 0;
    float_value(self, &v);
    return v;
}

static void float_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    char buf[40];
    es_vstr_t vstr;
    es_vstr_init_fixed_buf(&vstr, sizeof(buf), buf);
    es_format_float(&vstr, self_value(self), 'r', -1);
    es_print_strn(print, vstr.buf, vstr.len);
}

/* ---- hashing ------------------------------------------------------------------------------- */

/*
** CPython's rule: the hash of a finite x is x modulo the prime P = 2**bits - 1, read as a
** rational number, so that it equals the hash of an equal int. The mantissa is consumed 28
** bits at a time; multiplying by 2**k modulo P is a rotation of the bits.
*/
es_int_t es_float_hash_value(es_float_t x) {
    if (isinf(x)) {
        return x > 0 ? ES_HASH_INF : -ES_HASH_INF;
    }
    const unsigned bits = ES_HASH_MODULUS_BITS;
    const unsigned long long modulus = ((unsigned long long)1 << bits) - 1;
    int e;
    es_float_t m = MATH(frexp)(x, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    unsigned long long h = 0;
    while (m != 0) {
        h = ((h << 28) & modulus) | h >> (bits - 28);
        m *= (es_float_t)268435456.0;
        e -= 28;
        unsigned long long y = (unsigned long long)m;
        m -= (es_float_t)y;
        h += y;
        if (h >= modulus) {
            h -= modulus;
        }
    }
    e = e >= 0 ? e % (int)bits : (int)bits - 1 - ((-1 - e) % (int)bits);
    h = ((h << e) & modulus) | h >> (bits - (unsigned)e);
    long long result = (long long)h * sign;
    if (result == -1) {
        result = -2;
    }
    return (es_int_t)result;
}

/* ---- float() -------------------------------------------------------------------------------- */

es_obj_t es_obj_float_from_obj(es_obj_t x) {
    es_float_t v;
    if (es_obj_is_float(x)) {
        return x;
    }
    if (float_value(x, &v)) {
        return es_obj_new_float(v);
    }
    if (es_obj_is_small_int(x) || es_obj_is_int(x) || x == ES_OBJ_TRUE || x == ES_OBJ_FALSE) {
        return es_obj_new_float(es_obj_int_as_float(x == ES_OBJ_TRUE ? ES_OBJ_NEW_SMALL_INT(1) : x == ES_OBJ_FALSE ? ES_OBJ_NEW_SMALL_INT(0) : x));
    }
    const char *data;
    size_t len;
    if (es_parse_num_get_text(x, &data, &len)) {
        return es_parse_num_float_text(data, len, x);
    }
    const es_type_t *type = es_obj_get_type(x);
    if (type->unary_op != NULL) {
        es_obj_t r = type->unary_op(ES_UNARY_OP_FLOAT, x);
        if (r != ES_OBJ_NULL && r != ES_OBJ_NOT_IMPLEMENTED) {
            if (!float_value(r, &v)) {
                es_raise_msg_varg(&es_type_TypeError, "%s.__float__ returned non-float (type %s)",
                                  es_obj_type_name(x), es_obj_type_name(r));
            }
            return es_obj_new_float(v);
        }
        r = type->unary_op(ES_UNARY_OP_INDEX, x);
        if (r != ES_OBJ_NULL && r != ES_OBJ_NOT_IMPLEMENTED) {
            return es_obj_new_float(es_obj_int_as_float(r));
        }
    }
    es_raise_msg_varg(&es_type_TypeError, "float() argument must be a string or a real number, not '%s'",
                      es_obj_type_name(x));
}

static es_obj_t float_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    if (n_kw != 0) {
        es_raise_msg(&es_type_TypeError, "float() takes no keyword arguments");
    }
    if (n_args > 1) {
        es_raise_msg_varg(&es_type_TypeError, "float expected at most 1 argument, got %u", (unsigned)n_args);
    }
    if (n_args == 0) {
        return es_obj_new_float(0);
    }
    return es_obj_float_from_obj(args[0]);
}

/* ---- unary operators --------------------------------------------------------------------------- */

static es_obj_t float_unary_op(es_unary_op_t op, es_obj_t self) {
    es_float_t v = self_value(self);
    switch (op) {
        case ES_UNARY_OP_BOOL:
            return es_obj_new_bool(v != 0);
        case ES_UNARY_OP_HASH:
            if (isnan(v)) {
                /* Each nan object hashes by identity, as in CPython 3.10+. */
                return es_hash_to_obj((es_int_t)(self >> 2));
            }
            return es_hash_to_obj(es_float_hash_value(v));
        case ES_UNARY_OP_POSITIVE:
            return es_obj_is_float(self) ? self : es_obj_new_float(v);
        case ES_UNARY_OP_NEGATIVE:
            return es_obj_new_float(-v);
        case ES_UNARY_OP_ABS:
            return es_obj_new_float(MATH(fabs)(v));
        case ES_UNARY_OP_INT:
            return es_obj_new_int_from_float(v);
        case ES_UNARY_OP_FLOAT:
            return es_obj_is_float(self) ? self : es_obj_new_float(v);
        default:
            return ES_OBJ_NULL;
    }
}

/* ---- binary operators --------------------------------------------------------------------------- */

_Noreturn static void raise_range_error(void) {
    /* CPython reports the C library's ERANGE: OverflowError(34, 'Numerical result out of range'). */
    es_obj_t args[2] = {ES_OBJ_NEW_SMALL_INT(34), es_obj_new_str_from_cstr("Numerical result out of range")};
    es_raise(es_obj_new_exception_args(&es_type_OverflowError, 2, args));
}

static bool is_odd_integer(es_float_t y) {
    /* Halving an odd integer leaves a fraction of exactly one half. */
    return MATH(fmod)(MATH(fabs)(y), 2) == 1;
}

static es_obj_t float_pow(es_float_t x, es_float_t y) {
    if (y == 0) {
        return es_obj_new_float(1);
    }
    if (isnan(x)) {
        return es_obj_new_float(x);
    }
    if (isnan(y)) {
        return es_obj_new_float(x == 1 ? 1 : y);
    }
    if (isinf(y)) {
        es_float_t ax = MATH(fabs)(x);
        if (ax == 1) {
            return es_obj_new_float(1);
        }
        return es_obj_new_float((y > 0) == (ax > 1) ? MATH(fabs)(y) : 0);
    }
    if (isinf(x)) {
        bool odd = is_odd_integer(y);
        if (x > 0) {
            return es_obj_new_float(y > 0 ? x : 0);
        }
        if (y > 0) {
            return es_obj_new_float(odd ? x : -x);
        }
        return es_obj_new_float(odd ? (es_float_t)-0.0 : 0);
    }
    if (x == 0) {
        if (y < 0) {
            es_raise_msg(&es_type_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        }
        return es_obj_new_float(is_odd_integer(y) ? x : 0);
    }
    bool negate = false;
    if (x < 0) {
        if (y != MATH(floor)(y)) {
            /* A negative number to a fractional power is complex. */
#if ES_ENABLE_COMPLEX
            return es_obj_complex_binary_op(ES_BINARY_OP_POWER, x, 0, es_obj_new_complex(y, 0));
#else
            es_raise_msg(&es_type_ValueError, "math domain error");
#endif
        }
        x = -x;
        negate = is_odd_integer(y);
    }
    if (x == 1) {
        return es_obj_new_float(negate ? -1 : 1);
    }
    es_float_t r = MATH(pow)(x, y);
    if (isinf(r)) {
        raise_range_error();
    }
    return es_obj_new_float(negate ? -r : r);
}

/* Python's divmod for floats: the remainder has the divisor's sign, the quotient is floored. */
static void float_divmod(es_float_t x, es_float_t y, es_float_t *quo, es_float_t *rem) {
    es_float_t mod = MATH(fmod)(x, y);
    es_float_t div = (x - mod) / y;
    if (mod != 0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1;
        }
    } else {
        mod = MATH(copysign)(0, y);
    }
    es_float_t floordiv;
    if (div != 0) {
        floordiv = MATH(floor)(div);
        if (div - floordiv > (es_float_t)0.5) {
            floordiv += 1;
        }
    } else {
        floordiv = MATH(copysign)(0, x / y);
    }
    *quo = floordiv;
    *rem = mod;
}

static es_obj_t compare(es_binary_op_t op, es_float_t a, es_float_t b) {
    switch (op) {
        case ES_BINARY_OP_LESS:
            return es_obj_new_bool(a < b);
        case ES_BINARY_OP_MORE:
            return es_obj_new_bool(a > b);
        case ES_BINARY_OP_EQUAL:
            return es_obj_new_bool(a == b);
        case ES_BINARY_OP_LESS_EQUAL:
            return es_obj_new_bool(a <= b);
        case ES_BINARY_OP_MORE_EQUAL:
            return es_obj_new_bool(a >= b);
        default:
            return es_obj_new_bool(a != b);
    }
}

/* Checked before an int operand is converted, so that 10**400 | 1.0 is a TypeError. */
static bool float_supports(es_binary_op_t op) {
    return op <= ES_BINARY_OP_NOT_EQUAL || op == ES_BINARY_OP_ADD || op == ES_BINARY_OP_SUBTRACT ||
           op == ES_BINARY_OP_MULTIPLY || op == ES_BINARY_OP_TRUE_DIVIDE || op == ES_BINARY_OP_FLOOR_DIVIDE ||
           op == ES_BINARY_OP_MODULO || op == ES_BINARY_OP_POWER || op == ES_BINARY_OP_DIVMOD;
}

es_obj_t es_obj_float_binary_op(es_binary_op_t op, es_float_t lhs, es_obj_t rhs) {
    if (op >= ES_BINARY_OP_INPLACE_OR && op <= ES_BINARY_OP_INPLACE_POWER) {
        op = (es_binary_op_t)(op + ES_BINARY_OP_INPLACE_OFFSET);
    }
    es_float_t r;
    if (rhs == ES_OBJ_TRUE || rhs == ES_OBJ_FALSE) {
        rhs = es_obj_new_small_int(rhs == ES_OBJ_TRUE);
    }
    if (float_value(rhs, &r)) {
        /* both floats */
    } else if (es_obj_is_small_int(rhs) || es_obj_is_int(rhs) ||
               (es_obj_is_ptr(rhs) && es_type_is_user_class(es_obj_get_type(rhs)) &&
                es_instance_native(rhs) != ES_OBJ_NULL && es_obj_is_int(es_instance_native(rhs)))) {
        if (!float_supports(op)) {
            return ES_OBJ_NULL;
        }
        if (op <= ES_BINARY_OP_NOT_EQUAL) {
            /* Exact comparison: an int is never rounded to a float to be compared. */
            bool unordered;
            int c = es_obj_int_compare_float(rhs, lhs, &unordered);
            if (unordered) {
                return es_obj_new_bool(op == ES_BINARY_OP_NOT_EQUAL);
            }
            return compare(op, 0, (es_float_t)c);
        }
        r = es_obj_int_as_float(rhs);
#if ES_ENABLE_COMPLEX
    } else if (es_obj_is_complex(rhs)) {
        return es_obj_complex_binary_op(op, lhs, 0, rhs);
#endif
    } else {
        return ES_OBJ_NULL;
    }
    es_float_t q, m;
    switch (op) {
        case ES_BINARY_OP_LESS:
        case ES_BINARY_OP_MORE:
        case ES_BINARY_OP_EQUAL:
        case ES_BINARY_OP_LESS_EQUAL:
        case ES_BINARY_OP_MORE_EQUAL:
        case ES_BINARY_OP_NOT_EQUAL:
            return compare(op, lhs, r);
        case ES_BINARY_OP_ADD:
            return es_obj_new_float(lhs + r);
        case ES_BINARY_OP_SUBTRACT:
            return es_obj_new_float(lhs - r);
        case ES_BINARY_OP_MULTIPLY:
            return es_obj_new_float(lhs * r);
        case ES_BINARY_OP_TRUE_DIVIDE:
            if (r == 0) {
                es_raise_msg(&es_type_ZeroDivisionError, "float division by zero");
            }
            return es_obj_new_float(lhs / r);
        case ES_BINARY_OP_FLOOR_DIVIDE:
            if (r == 0) {
                es_raise_msg(&es_type_ZeroDivisionError, "float floor division by zero");
            }
            float_divmod(lhs, r, &q, &m);
            return es_obj_new_float(q);
        case ES_BINARY_OP_MODULO:
            if (r == 0) {
                es_raise_msg(&es_type_ZeroDivisionError, "float modulo");
            }
            m = MATH(fmod)(lhs, r);
            if (m != 0) {
                if ((r < 0) != (m < 0)) {
                    m += r;
                }
            } else {
                m = MATH(copysign)(0, r);
            }
            return es_obj_new_float(m);
        case ES_BINARY_OP_DIVMOD: {
            if (r == 0) {
                es_raise_msg(&es_type_ZeroDivisionError, "float divmod()");
            }
            float_divmod(lhs, r, &q, &m);
            es_obj_t items[2] = {es_obj_new_float(q), es_obj_new_float(m)};
            return es_obj_new_tuple(2, items);
        }
        case ES_BINARY_OP_POWER:
            return float_pow(lhs, r);
        default:
            return ES_OBJ_NULL;
    }
}

static es_obj_t float_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    if (op >= ES_BINARY_OP_REVERSE_OR && op <= ES_BINARY_OP_REVERSE_POWER) {
        /* other OP self, where other is not a float (or it would have handled it). */
        op = (es_binary_op_t)(op - ES_BINARY_OP_REVERSE_OFFSET);
        es_obj_t other = rhs;
        if (other == ES_OBJ_TRUE || other == ES_OBJ_FALSE) {
            other = es_obj_new_small_int(other == ES_OBJ_TRUE);
        }
        if ((!es_obj_is_small_int(other) && !es_obj_is_int(other)) || !float_supports(op)) {
            return ES_OBJ_NULL;
        }
        return es_obj_float_binary_op(op, es_obj_int_as_float(other), lhs);
    }
    return es_obj_float_binary_op(op, self_value(lhs), rhs);
}

/* ---- round() -------------------------------------------------------------------------------- */

/* Beyond these many digits rounding changes nothing, or leaves only zero (as CPython's bounds). */
#define NDIGITS_MAX ((FLOAT_MANT_DIG - FLOAT_MIN_EXP) * 30103 / 100000)
#define NDIGITS_MIN (-((FLOAT_MAX_EXP + 1) * 30103 / 100000))

/* x rounded to n decimal digits, ties to even, on the exact binary value of x. */
static es_float_t round_digits(es_float_t x, es_int_t n) {
    int e;
    es_float_t m = MATH(frexp)(MATH(fabs)(x), &e);
    unsigned long long mant = (unsigned long long)MATH(ldexp)(m, FLOAT_MANT_DIG);
    e -= FLOAT_MANT_DIG; /* |x| == mant * 2**e */
    es_mpz_t num, den, p10, q, r;
    es_mpz_init_zero(&num);
    es_mpz_init_zero(&den);
    es_mpz_init_zero(&p10);
    es_mpz_init_zero(&q);
    es_mpz_init_zero(&r);
    es_mpz_set_ull(&num, mant);
    es_mpz_set_ll(&den, 1);
    if (e > 0) {
        es_mpz_shl(&num, &num, (size_t)e);
    } else {
        es_mpz_shl(&den, &den, (size_t)-e);
    }
    es_mpz_set_ll(&p10, 10);
    es_mpz_pow(&p10, &p10, (size_t)(n < 0 ? -n : n));
    if (n >= 0) {
        es_mpz_mul(&num, &num, &p10);
    } else {
        es_mpz_mul(&den, &den, &p10);
    }
    es_mpz_divmod_floor(&q, &r, &num, &den);
    es_mpz_add(&r, &r, &r);
    int c = es_mpz_cmp(&r, &den);
    if (c > 0 || (c == 0 && es_mpz_is_odd(&q))) {
        es_mpz_set_ll(&r, 1);
        es_mpz_add(&q, &q, &r);
    }
    es_float_t result;
    bool ok;
    if (n >= 0) {
        ok = es_mpz_true_div(&q, &p10, &result);
    } else {
        es_mpz_mul(&q, &q, &p10);
        ok = es_mpz_as_float(&q, &result);
    }
    es_mpz_deinit(&num);
    es_mpz_deinit(&den);
    es_mpz_deinit(&p10);
    es_mpz_deinit(&q);
    es_mpz_deinit(&r);
    if (!ok) {
        es_raise_msg(&es_type_OverflowError, "rounded value too large to represent");
    }
    return MATH(copysign)(result, x);
}

es_obj_t es_float_round(es_obj_t f, es_obj_t ndigits) {
    es_float_t x = self_value(f);
    if (ndigits == ES_OBJ_NULL || ndigits == ES_OBJ_NONE) {
        es_float_t r = MATH(round)(x);
        if (MATH(fabs)(x - r) == (es_float_t)0.5) {
            r = 2 * MATH(round)(x / 2);
        }
        return es_obj_new_int_from_float(r);
    }
    es_int_t n;
    if (ndigits == ES_OBJ_TRUE || ndigits == ES_OBJ_FALSE) {
        n = ndigits == ES_OBJ_TRUE;
    } else if (es_obj_is_small_int(ndigits) || es_obj_is_int(ndigits)) {
        if (!es_obj_int_fits_int_t(ndigits, &n)) {
            n = es_obj_int_sign(ndigits) < 0 ? NDIGITS_MIN - 1 : NDIGITS_MAX + 1;
        }
    } else {
        n = es_obj_get_int(es_unary_op(ES_UNARY_OP_INDEX, ndigits));
    }
    if (!isfinite(x) || x == 0 || n > NDIGITS_MAX) {
        return es_obj_new_float(x);
    }
    if (n < NDIGITS_MIN) {
        return es_obj_new_float(0 * x);
    }
    return es_obj_new_float(round_digits(x, n));
}

/* ---- methods --------------------------------------------------------------------------------- */

static es_obj_t float_is_integer(es_obj_t self) {
    es_float_t v = self_value(self);
    return es_obj_new_bool(isfinite(v) && MATH(floor)(v) == v);
}
static ES_DEFINE_FUN_1(float_is_integer_obj, ES_Q_is_integer, float_is_integer);

static es_obj_t float_as_integer_ratio(es_obj_t self) {
    es_float_t v = self_value(self);
    if (isinf(v)) {
        es_raise_msg(&es_type_OverflowError, "cannot convert Infinity to integer ratio");
    }
    if (isnan(v)) {
        es_raise_msg(&es_type_ValueError, "cannot convert NaN to integer ratio");
    }
    int e;
    es_float_t m = MATH(frexp)(v, &e);
    for (int i = 0; i < 300 && m != MATH(floor)(m); i++) {
        m *= 2;
        e--;
    }
    es_obj_t num = es_obj_new_int_from_float(m);
    es_obj_t den = ES_OBJ_NEW_SMALL_INT(1);
    if (e > 0) {
        num = es_obj_int_binary_op(ES_BINARY_OP_LSHIFT, num, es_obj_new_small_int(e));
    } else {
        den = es_obj_int_binary_op(ES_BINARY_OP_LSHIFT, den, es_obj_new_small_int(-e));
    }
    es_obj_t items[2] = {num, den};
    return es_obj_new_tuple(2, items);
}
static ES_DEFINE_FUN_1(float_as_integer_ratio_obj, ES_Q_as_integer_ratio, float_as_integer_ratio);

static es_obj_t float_hex(es_obj_t self) {
    es_float_t v = self_value(self);
    char buf[48];
    es_vstr_t vstr;
    es_vstr_init_fixed_buf(&vstr, sizeof(buf), buf);
    if (isnan(v) || isinf(v)) {
        es_format_float(&vstr, v, 'r', -1);
        return es_obj_new_str(vstr.buf, vstr.len);
    }
    if (signbit(v)) {
        es_vstr_add_byte(&vstr, '-');
        v = -v;
    }
    if (v == 0) {
        es_vstr_add_str(&vstr, "0x0.0p+0");
        return es_obj_new_str(vstr.buf, vstr.len);
    }
    int e;
    es_float_t m = MATH(frexp)(v, &e);
    /* Normal numbers show 1.xxx; subnormals 0.xxx with the smallest exponent. */
    int shift = 1 - (FLOAT_MIN_EXP - e > 0 ? FLOAT_MIN_EXP - e : 0);
    m = MATH(ldexp)(m, shift);
    e -= shift;
    static const char hexdig[] = "0123456789abcdef";
    es_vstr_add_str(&vstr, "0x");
    es_vstr_add_byte(&vstr, (uint8_t)hexdig[(int)m]);
    m -= (es_float_t)(int)m;
    es_vstr_add_byte(&vstr, '.');
    for (int i = 0; i < (FLOAT_MANT_DIG - 1 + 3) / 4; i++) {
        m *= 16;
        es_vstr_add_byte(&vstr, (uint8_t)hexdig[(int)m]);
        m -= (es_float_t)(int)m;
    }
    es_vstr_printf(&vstr, "p%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    return es_obj_new_str(vstr.buf, vstr.len);
}
static ES_DEFINE_FUN_1(float_hex_obj, ES_Q_hex, float_hex);

static es_obj_t float_conjugate(es_obj_t self) { return es_obj_new_float(self_value(self)); }
static ES_DEFINE_FUN_1(float_conjugate_obj, ES_Q_conjugate, float_conjugate);

static es_obj_t float_trunc(es_obj_t self) { return es_obj_new_int_from_float(self_value(self)); }
static ES_DEFINE_FUN_1(float_trunc_obj, ES_Q___trunc__, float_trunc);

static es_obj_t float_floor(es_obj_t self) { return es_obj_new_int_from_float(MATH(floor)(self_value(self))); }
static ES_DEFINE_FUN_1(float_floor_obj, ES_Q___floor__, float_floor);

static es_obj_t float_ceil(es_obj_t self) { return es_obj_new_int_from_float(MATH(ceil)(self_value(self))); }
static ES_DEFINE_FUN_1(float_ceil_obj, ES_Q___ceil__, float_ceil);

static es_obj_t float_round_method(size_t n_args, const es_obj_t *args) {
    return es_float_round(args[0], n_args > 1 ? args[1] : ES_OBJ_NULL);
}
static ES_DEFINE_FUN_VAR(float_round_obj, ES_Q___round__, 1, 2, float_round_method);

static void float_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    if (attr == ES_Q_real) {
        dest[0] = es_obj_is_float(self) ? self : es_obj_new_float(self_value(self));
    } else if (attr == ES_Q_imag) {
        dest[0] = es_obj_new_float(0);
    }
}

static const es_map_elem_t float_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_is_integer), ES_OBJ_FROM_CONST(float_is_integer_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_as_integer_ratio), ES_OBJ_FROM_CONST(float_as_integer_ratio_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_hex), ES_OBJ_FROM_CONST(float_hex_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_conjugate), ES_OBJ_FROM_CONST(float_conjugate_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___trunc__), ES_OBJ_FROM_CONST(float_trunc_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___floor__), ES_OBJ_FROM_CONST(float_floor_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___ceil__), ES_OBJ_FROM_CONST(float_ceil_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___round__), ES_OBJ_FROM_CONST(float_round_obj)},
};
static ES_DEFINE_CONST_DICT(float_locals_dict, float_locals_table);

const es_type_t es_type_float = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    .name = ES_Q_float,
    .print = float_print,
    .make_new = float_make_new,
    .unary_op = float_unary_op,
    .binary_op = float_binary_op,
    .attr = float_attr,
    .locals_dict = (es_obj_dict_t *)&float_locals_dict,
};
