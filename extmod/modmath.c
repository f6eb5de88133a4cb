/* modmath.c: the math module: libm functions with CPython's domain and range errors, and exact integer functions. */

#include <math.h>

#include "py/gc.h"
#include "py/runtime.h"

/* The C library functions for the build's float width. */
#if ES_FLOAT_IS_SINGLE
#define LIBM(fn) fn##f
#else
#define LIBM(fn) fn
#endif

static _Noreturn void raise_domain_error(void) {
    es_raise_msg(&es_type_ValueError, "math domain error");
}

static _Noreturn void raise_range_error(void) {
    es_raise_msg(&es_type_OverflowError, "math range error");
}

/*
** CPython's rule for one-argument functions: a NaN result from a non-NaN argument is a
** domain error; an infinite result from a finite argument is a range error when the
** function can overflow (exp, cosh...) and a domain error otherwise (a pole, like log(0)).
*/
static es_obj_t math_result(es_float_t x, es_float_t r, bool can_overflow) {
    if (isnan(r) && !isnan(x)) {
        raise_domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        if (can_overflow) {
            raise_range_error();
        }
        raise_domain_error();
    }
    return es_obj_new_float(r);
}

static es_obj_t math_call_1(es_obj_t x_in, es_float_t (*f)(es_float_t), bool can_overflow) {
    es_float_t x = es_obj_get_float(x_in);
    return math_result(x, f(x), can_overflow);
}

#define MATH_FUN_1(name, qname, can_overflow)                                                                          \
    static es_obj_t math_##name(es_obj_t x) { return math_call_1(x, LIBM(name), can_overflow); }                      \
    static ES_DEFINE_FUN_1(math_##name##_obj, qname, math_##name)

MATH_FUN_1(sqrt, ES_Q_sqrt, false);
MATH_FUN_1(exp, ES_Q_exp, true);
MATH_FUN_1(expm1, ES_Q_expm1, true);
MATH_FUN_1(exp2, ES_Q_exp2, true);
MATH_FUN_1(cos, ES_Q_cos, false);
MATH_FUN_1(sin, ES_Q_sin, false);
MATH_FUN_1(tan, ES_Q_tan, false);
MATH_FUN_1(acos, ES_Q_acos, false);
MATH_FUN_1(asin, ES_Q_asin, false);
MATH_FUN_1(atan, ES_Q_atan, false);
MATH_FUN_1(cosh, ES_Q_cosh, true);
MATH_FUN_1(sinh, ES_Q_sinh, true);
MATH_FUN_1(tanh, ES_Q_tanh, false);
MATH_FUN_1(acosh, ES_Q_acosh, false);
MATH_FUN_1(asinh, ES_Q_asinh, false);
MATH_FUN_1(atanh, ES_Q_atanh, false);
MATH_FUN_1(erf, ES_Q_erf, false);
MATH_FUN_1(erfc, ES_Q_erfc, false);
MATH_FUN_1(fabs, ES_Q_fabs, false);
MATH_FUN_1(log1p, ES_Q_log1p, false);
MATH_FUN_1(cbrt, ES_Q_cbrt, false);

/* gamma has poles at 0 and the negative integers, which libm reports as infinities. */
static bool is_non_positive_integer(es_float_t x) {
    return x <= 0 && LIBM(floor)(x) == x;
}

static es_obj_t math_gamma(es_obj_t x_in) {
    es_float_t x = es_obj_get_float(x_in);
    if (is_non_positive_integer(x) || (isinf(x) && x < 0)) {
        raise_domain_error();
    }
    return math_result(x, LIBM(tgamma)(x), true);
}
static ES_DEFINE_FUN_1(math_gamma_obj, ES_Q_gamma, math_gamma);

static es_obj_t math_lgamma(es_obj_t x_in) {
    es_float_t x = es_obj_get_float(x_in);
    if (is_non_positive_integer(x)) {
        raise_domain_error();
    }
    return math_result(x, LIBM(lgamma)(x), true);
}
static ES_DEFINE_FUN_1(math_lgamma_obj, ES_Q_lgamma, math_lgamma);

/* ---- logarithms: big ints beyond the float range still have a logarithm ---------------- */

static es_obj_t int_bit_length(es_obj_t i) {
    es_obj_t dest[2];
    es_load_method(i, ES_Q_bit_length, dest);
    return es_call_method_n_kw(0, 0, dest);
}

/*
** CPython's loghelper: ints are converted to float when they fit; larger ones are split as
** m * 2**e (0.5 <= m < 1) so that f(x) = f(m) + f(2) * e. ValueError for x <= 0.
*/
static es_float_t log_helper(es_obj_t x_in, es_float_t (*f)(es_float_t)) {
    if (x_in == ES_OBJ_TRUE || x_in == ES_OBJ_FALSE) {
        x_in = es_obj_new_small_int(x_in == ES_OBJ_TRUE);
    }
    if (es_obj_is_int(x_in) && !es_obj_is_small_int(x_in)) {
        if (es_binary_op(ES_BINARY_OP_LESS_EQUAL, x_in, es_obj_new_small_int(0)) == ES_OBJ_TRUE) {
            raise_domain_error();
        }
        es_int_t bits = es_obj_get_int(int_bit_length(x_in));
        if (bits > (ES_FLOAT_IS_SINGLE ? 120 : 1000)) {
            es_int_t shift = bits - 60;
            es_obj_t top = es_binary_op(ES_BINARY_OP_RSHIFT, x_in, es_obj_new_small_int(shift));
            es_float_t m = LIBM(ldexp)(es_obj_get_float(top), -60);
            return f(m) + f(2) * (es_float_t)bits;
        }
    }
    es_float_t x = es_obj_get_float(x_in);
    if (isnan(x) || (isinf(x) && x > 0)) {
        return x;
    }
    if (x <= 0) {
        raise_domain_error();
    }
    return f(x);
}

static es_obj_t math_log(size_t n_args, const es_obj_t *args) {
    es_float_t num = log_helper(args[0], LIBM(log));
    if (n_args == 1) {
        return es_obj_new_float(num);
    }
    es_float_t den = log_helper(args[1], LIBM(log));
    if (den == 0) {
        es_raise_msg(&es_type_ZeroDivisionError, "float division by zero");
    }
    return es_obj_new_float(num / den);
}
static ES_DEFINE_FUN_VAR(math_log_obj, ES_Q_log, 1, 2, math_log);

static es_obj_t math_log2(es_obj_t x) {
    return es_obj_new_float(log_helper(x, LIBM(log2)));
}
static ES_DEFINE_FUN_1(math_log2_obj, ES_Q_log2, math_log2);

static es_obj_t math_log10(es_obj_t x) {
    return es_obj_new_float(log_helper(x, LIBM(log10)));
}
static ES_DEFINE_FUN_1(math_log10_obj, ES_Q_log10, math_log10);

/* ---- two-argument float functions ---------------------------------------------------- */

static es_obj_t math_pow(es_obj_t x_in, es_obj_t y_in) {
    es_float_t x = es_obj_get_float(x_in);
    es_float_t y = es_obj_get_float(y_in);
    es_float_t r = LIBM(pow)(x, y);
    if (isfinite(x) && isfinite(y)) {
        if (isnan(r)) {
            raise_domain_error();
        }
        if (isinf(r)) {
            if (x == 0) {
                raise_domain_error();
            }
            raise_range_error();
        }
    }
    return es_obj_new_float(r);
}
static ES_DEFINE_FUN_2(math_pow_obj, ES_Q_pow, math_pow);

static es_obj_t math_atan2(es_obj_t y, es_obj_t x) {
    return es_obj_new_float(LIBM(atan2)(es_obj_get_float(y), es_obj_get_float(x)));
}
static ES_DEFINE_FUN_2(math_atan2_obj, ES_Q_atan2, math_atan2);

static es_obj_t math_copysign(es_obj_t x, es_obj_t y) {
    return es_obj_new_float(LIBM(copysign)(es_obj_get_float(x), es_obj_get_float(y)));
}
static ES_DEFINE_FUN_2(math_copysign_obj, ES_Q_copysign, math_copysign);

static es_obj_t math_fmod(es_obj_t x_in, es_obj_t y_in) {
    es_float_t x = es_obj_get_float(x_in);
    es_float_t y = es_obj_get_float(y_in);
    if (isinf(y) && isfinite(x)) {
        return es_obj_new_float(x);
    }
    es_float_t r = LIBM(fmod)(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        raise_domain_error();
    }
    return es_obj_new_float(r);
}
static ES_DEFINE_FUN_2(math_fmod_obj, ES_Q_fmod, math_fmod);

static es_obj_t math_remainder(es_obj_t x_in, es_obj_t y_in) {
    es_float_t x = es_obj_get_float(x_in);
    es_float_t y = es_obj_get_float(y_in);
    if (isnan(x) || isnan(y)) {
        return es_obj_new_float(x + y);
    }
    if (isinf(x) || y == 0) {
        raise_domain_error();
    }
    if (isinf(y)) {
        return es_obj_new_float(x);
    }
    return es_obj_new_float(LIBM(remainder)(x, y));
}
static ES_DEFINE_FUN_2(math_remainder_obj, ES_Q_remainder, math_remainder);

static es_obj_t math_nextafter(es_obj_t x, es_obj_t y) {
    return es_obj_new_float(LIBM(nextafter)(es_obj_get_float(x), es_obj_get_float(y)));
}
static ES_DEFINE_FUN_2(math_nextafter_obj, ES_Q_nextafter, math_nextafter);

static es_obj_t math_ulp(es_obj_t x_in) {
    es_float_t x = LIBM(fabs)(es_obj_get_float(x_in));
    if (isnan(x) || isinf(x)) {
        return es_obj_new_float(x);
    }
    es_float_t up = LIBM(nextafter)(x, (es_float_t)INFINITY);
    if (isinf(up)) {
        return es_obj_new_float(x - LIBM(nextafter)(x, 0));
    }
    return es_obj_new_float(up - x);
}
static ES_DEFINE_FUN_1(math_ulp_obj, ES_Q_ulp, math_ulp);

static es_obj_t math_ldexp(es_obj_t x_in, es_obj_t exp_in) {
    es_float_t x = es_obj_get_float(x_in);
    if (!es_obj_is_int(exp_in) && exp_in != ES_OBJ_TRUE && exp_in != ES_OBJ_FALSE) {
        es_raise_msg(&es_type_TypeError, "Expected an int as second argument to ldexp.");
    }
    es_int_t e;
    if (!es_obj_int_fits_int_t(exp_in, &e)) {
        e = es_binary_op(ES_BINARY_OP_LESS, exp_in, es_obj_new_small_int(0)) == ES_OBJ_TRUE ? -100000 : 100000;
    }
    if (exp_in == ES_OBJ_TRUE) {
        e = 1;
    } else if (exp_in == ES_OBJ_FALSE) {
        e = 0;
    }
    /* Clamp: far outside the exponent range the result is 0 or inf either way. */
    if (e > 100000) {
        e = 100000;
    } else if (e < -100000) {
        e = -100000;
    }
    es_float_t r = LIBM(ldexp)(x, (int)e);
    if (isinf(r) && isfinite(x)) {
        raise_range_error();
    }
    return es_obj_new_float(r);
}
static ES_DEFINE_FUN_2(math_ldexp_obj, ES_Q_ldexp, math_ldexp);

static es_obj_t math_frexp(es_obj_t x_in) {
    es_float_t x = es_obj_get_float(x_in);
    int e = 0;
    es_float_t m = x;
    if (isfinite(x) && x != 0) {
        m = LIBM(frexp)(x, &e);
    }
    es_obj_t items[2] = {es_obj_new_float(m), es_obj_new_small_int(e)};
    return es_obj_new_tuple(2, items);
}
static ES_DEFINE_FUN_1(math_frexp_obj, ES_Q_frexp, math_frexp);

static es_obj_t math_modf(es_obj_t x_in) {
    es_float_t x = es_obj_get_float(x_in);
    es_float_t whole;
    es_float_t frac;
    if (isinf(x)) {
        whole = x;
        frac = LIBM(copysign)(0, x);
    } else {
        frac = LIBM(modf)(x, &whole);
    }
    es_obj_t items[2] = {es_obj_new_float(frac), es_obj_new_float(whole)};
    return es_obj_new_tuple(2, items);
}
static ES_DEFINE_FUN_1(math_modf_obj, ES_Q_modf, math_modf);

static es_obj_t math_degrees(es_obj_t x) {
    return es_obj_new_float(es_obj_get_float(x) * (es_float_t)(180.0 / 3.141592653589793));
}
static ES_DEFINE_FUN_1(math_degrees_obj, ES_Q_degrees, math_degrees);

static es_obj_t math_radians(es_obj_t x) {
    return es_obj_new_float(es_obj_get_float(x) * (es_float_t)(3.141592653589793 / 180.0));
}
static ES_DEFINE_FUN_1(math_radians_obj, ES_Q_radians, math_radians);

/* ---- classification -------------------------------------------------------------------- */

static es_obj_t math_isfinite(es_obj_t x) {
    return es_obj_new_bool(isfinite(es_obj_get_float(x)));
}
static ES_DEFINE_FUN_1(math_isfinite_obj, ES_Q_isfinite, math_isfinite);

static es_obj_t math_isinf(es_obj_t x) {
    return es_obj_new_bool(isinf(es_obj_get_float(x)));
}
static ES_DEFINE_FUN_1(math_isinf_obj, ES_Q_isinf, math_isinf);

static es_obj_t math_isnan(es_obj_t x) {
    return es_obj_new_bool(isnan(es_obj_get_float(x)));
}
static ES_DEFINE_FUN_1(math_isnan_obj, ES_Q_isnan, math_isnan);

static es_obj_t math_isclose(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    enum { ARG_a, ARG_b, ARG_rel_tol, ARG_abs_tol };
    static const es_arg_t allowed[] = {
        {ES_Q_a, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_b, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_rel_tol, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_abs_tol, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NULL}},
    };
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all(n_args, args, kw_args, ES_ARRAY_SIZE(allowed), allowed, vals);
    es_float_t a = es_obj_get_float(vals[ARG_a].u_obj);
    es_float_t b = es_obj_get_float(vals[ARG_b].u_obj);
    es_float_t rel_tol = vals[ARG_rel_tol].u_obj == ES_OBJ_NULL ? (es_float_t)1e-9 : es_obj_get_float(vals[ARG_rel_tol].u_obj);
    es_float_t abs_tol = vals[ARG_abs_tol].u_obj == ES_OBJ_NULL ? 0 : es_obj_get_float(vals[ARG_abs_tol].u_obj);
    if (rel_tol < 0 || abs_tol < 0) {
        es_raise_msg(&es_type_ValueError, "tolerances must be non-negative");
    }
    if (a == b) {
        return ES_OBJ_TRUE;
    }
    if (isinf(a) || isinf(b)) {
        return ES_OBJ_FALSE;
    }
    es_float_t diff = LIBM(fabs)(b - a);
    bool close = diff <= LIBM(fabs)(rel_tol * b) || diff <= LIBM(fabs)(rel_tol * a) || diff <= abs_tol;
    return es_obj_new_bool(close);
}
static ES_DEFINE_FUN_KW(math_isclose_obj, ES_Q_isclose, 2, math_isclose);

/* ---- rounding to integers -------------------------------------------------------------- */

/* floor/ceil/trunc return ints; an int argument comes back unchanged. */
static es_obj_t round_to_int(es_obj_t x_in, es_float_t (*f)(es_float_t)) {
    if (es_obj_is_small_int(x_in) || es_obj_is_int(x_in)) {
        return x_in;
    }
    if (x_in == ES_OBJ_TRUE || x_in == ES_OBJ_FALSE) {
        return es_obj_new_small_int(x_in == ES_OBJ_TRUE);
    }
    return es_obj_new_int_from_float(f(es_obj_get_float(x_in)));
}

static es_obj_t math_floor(es_obj_t x) {
    return round_to_int(x, LIBM(floor));
}
static ES_DEFINE_FUN_1(math_floor_obj, ES_Q_floor, math_floor);

static es_obj_t math_ceil(es_obj_t x) {
    return round_to_int(x, LIBM(ceil));
}
static ES_DEFINE_FUN_1(math_ceil_obj, ES_Q_ceil, math_ceil);

static es_obj_t math_trunc(es_obj_t x) {
    return round_to_int(x, LIBM(trunc));
}
static ES_DEFINE_FUN_1(math_trunc_obj, ES_Q_trunc, math_trunc);

/* ---- exact integer functions, written with the runtime's int operators so big ints work ---- */

static es_obj_t int_arg(es_obj_t o) {
    if (es_obj_is_small_int(o) || es_obj_is_int(o)) {
        return o;
    }
    if (o == ES_OBJ_TRUE || o == ES_OBJ_FALSE) {
        return es_obj_new_small_int(o == ES_OBJ_TRUE);
    }
    if (!es_obj_is_float(o)) {
        es_obj_t dest[2];
        es_load_method_maybe(o, ES_Q___index__, dest);
        if (dest[0] != ES_OBJ_NULL) {
            return int_arg(es_call_method_n_kw(0, 0, dest));
        }
    }
    es_raise_msg_varg(&es_type_TypeError, "'%s' object cannot be interpreted as an integer", es_obj_type_name(o));
}

static bool int_is_negative(es_obj_t i) {
    if (es_obj_is_small_int(i)) {
        return es_small_int_value(i) < 0;
    }
    return es_binary_op(ES_BINARY_OP_LESS, i, es_obj_new_small_int(0)) == ES_OBJ_TRUE;
}

static bool int_is_zero(es_obj_t i) {
    return i == es_obj_new_small_int(0);
}

static es_obj_t int_abs(es_obj_t i) {
    return int_is_negative(i) ? es_unary_op(ES_UNARY_OP_NEGATIVE, i) : i;
}

static es_obj_t int_gcd(es_obj_t a, es_obj_t b) {
    a = int_abs(a);
    b = int_abs(b);
    while (!int_is_zero(b)) {
        es_obj_t r = es_binary_op(ES_BINARY_OP_MODULO, a, b);
        a = b;
        b = r;
    }
    return a;
}

static es_obj_t math_gcd(size_t n_args, const es_obj_t *args) {
    es_obj_t g = es_obj_new_small_int(0);
    for (size_t i = 0; i < n_args; i++) {
        g = int_gcd(g, int_arg(args[i]));
    }
    return g;
}
static ES_DEFINE_FUN_VAR(math_gcd_obj, ES_Q_gcd, 0, ES_FUN_ARGS_MAX, math_gcd);

static es_obj_t math_lcm(size_t n_args, const es_obj_t *args) {
    es_obj_t l = es_obj_new_small_int(1);
    for (size_t i = 0; i < n_args; i++) {
        es_obj_t v = int_abs(int_arg(args[i]));
        if (int_is_zero(v) || int_is_zero(l)) {
            l = es_obj_new_small_int(0);
            continue;
        }
        es_obj_t g = int_gcd(l, v);
        l = es_binary_op(ES_BINARY_OP_MULTIPLY, es_binary_op(ES_BINARY_OP_FLOOR_DIVIDE, l, g), v);
    }
    return l;
}
static ES_DEFINE_FUN_VAR(math_lcm_obj, ES_Q_lcm, 0, ES_FUN_ARGS_MAX, math_lcm);

/* Product of the integers lo..hi (inclusive) by splitting in halves, so the big-int
** multiplications stay balanced; the recursion depth is only log2 of the count. */
static es_obj_t range_product(es_obj_t lo, es_obj_t hi) {
    es_obj_t one = es_obj_new_small_int(1);
    if (es_binary_op(ES_BINARY_OP_MORE, lo, hi) == ES_OBJ_TRUE) {
        return one;
    }
    es_obj_t span = es_binary_op(ES_BINARY_OP_SUBTRACT, hi, lo);
    if (es_obj_is_small_int(span) && es_small_int_value(span) < 8) {
        es_obj_t p = lo;
        for (es_int_t k = 1; k <= es_small_int_value(span); k++) {
            p = es_binary_op(ES_BINARY_OP_MULTIPLY, p, es_binary_op(ES_BINARY_OP_ADD, lo, es_obj_new_small_int(k)));
        }
        return p;
    }
    es_obj_t mid = es_binary_op(ES_BINARY_OP_FLOOR_DIVIDE, es_binary_op(ES_BINARY_OP_ADD, lo, hi), es_obj_new_small_int(2));
    es_obj_t left = range_product(lo, mid);
    es_obj_t right = range_product(es_binary_op(ES_BINARY_OP_ADD, mid, one), hi);
    return es_binary_op(ES_BINARY_OP_MULTIPLY, left, right);
}

/* CPython's limit for a count of factors: beyond a machine word no memory could hold the
   product, and computing towards it would run for ever. */
static void check_count_fits(es_obj_t count, const char *msg) {
    es_int_t unused;
    if (!es_obj_int_fits_int_t(count, &unused)) {
        es_raise_msg(&es_type_OverflowError, msg);
    }
}

/*
** MemoryError at once when a product of `count` factors, none below `least`, has more bits than
** the whole heap holds: factorial(2**32) would otherwise multiply for hours before failing.
*/
static void check_product_fits(es_obj_t count_in, es_obj_t least_in) {
    es_int_t count, least;
    if (!es_obj_int_fits_int_t(count_in, &count) || count < 64) {
        return;
    }
    unsigned bits_each = 8 * sizeof(es_int_t) - 1; /* beyond a word: at least this many */
    if (es_obj_int_fits_int_t(least_in, &least)) {
        for (bits_each = 0; least > 1; least >>= 1) {
            bits_each++; /* ends as floor(log2(least)) */
        }
    }
    es_gc_info_t info;
    es_gc_info(&info);
    if (bits_each > 0 && (uint64_t)count * bits_each / 8 > info.total) {
        es_raise_memory_error();
    }
}

static es_obj_t math_factorial(es_obj_t n_in) {
    es_obj_t n = int_arg(n_in);
    if (int_is_negative(n)) {
        es_raise_msg(&es_type_ValueError, "factorial() not defined for negative values");
    }
    check_count_fits(n, "factorial() argument too large");
    es_obj_t half = es_binary_op(ES_BINARY_OP_FLOOR_DIVIDE, n, es_obj_new_small_int(2));
    check_product_fits(half, half); /* n! > (n/2)**(n/2) */
    return range_product(es_obj_new_small_int(1), n);
}
static ES_DEFINE_FUN_1(math_factorial_obj, ES_Q_factorial, math_factorial);

static es_obj_t math_perm(size_t n_args, const es_obj_t *args) {
    es_obj_t n = int_arg(args[0]);
    if (n_args == 1 || args[1] == ES_OBJ_NONE) {
        return math_factorial(n);
    }
    es_obj_t k = int_arg(args[1]);
    if (int_is_negative(n)) {
        es_raise_msg(&es_type_ValueError, "n must be a non-negative integer");
    }
    if (int_is_negative(k)) {
        es_raise_msg(&es_type_ValueError, "k must be a non-negative integer");
    }
    if (es_binary_op(ES_BINARY_OP_MORE, k, n) == ES_OBJ_TRUE) {
        return es_obj_new_small_int(0);
    }
    check_count_fits(k, "k too large");
    es_obj_t lo = es_binary_op(ES_BINARY_OP_ADD, es_binary_op(ES_BINARY_OP_SUBTRACT, n, k), es_obj_new_small_int(1));
    check_product_fits(k, lo);
    return range_product(lo, n);
}
static ES_DEFINE_FUN_VAR(math_perm_obj, ES_Q_perm, 1, 2, math_perm);

static es_obj_t math_comb(es_obj_t n_in, es_obj_t k_in) {
    es_obj_t n = int_arg(n_in);
    es_obj_t k = int_arg(k_in);
    if (int_is_negative(n)) {
        es_raise_msg(&es_type_ValueError, "n must be a non-negative integer");
    }
    if (int_is_negative(k)) {
        es_raise_msg(&es_type_ValueError, "k must be a non-negative integer");
    }
    if (es_binary_op(ES_BINARY_OP_MORE, k, n) == ES_OBJ_TRUE) {
        return es_obj_new_small_int(0);
    }
    es_obj_t n_minus_k = es_binary_op(ES_BINARY_OP_SUBTRACT, n, k);
    if (es_binary_op(ES_BINARY_OP_LESS, n_minus_k, k) == ES_OBJ_TRUE) {
        k = n_minus_k;
    }
    check_count_fits(k, "min(n - k, k) too large");
    if (!int_is_zero(k)) {
        check_product_fits(k, es_binary_op(ES_BINARY_OP_FLOOR_DIVIDE, n, k)); /* C(n, k) >= (n/k)**k */
    }
    /* C(n, k) = C(n, k-1) * (n-k+1) / k stays an exact integer at every step. */
    es_obj_t result = es_obj_new_small_int(1);
    es_obj_t one = es_obj_new_small_int(1);
    for (es_obj_t i = one; es_binary_op(ES_BINARY_OP_LESS_EQUAL, i, k) == ES_OBJ_TRUE;
         i = es_binary_op(ES_BINARY_OP_ADD, i, one)) {
        es_obj_t factor = es_binary_op(ES_BINARY_OP_ADD, es_binary_op(ES_BINARY_OP_SUBTRACT, n, i), one);
        result = es_binary_op(ES_BINARY_OP_FLOOR_DIVIDE, es_binary_op(ES_BINARY_OP_MULTIPLY, result, factor), i);
    }
    return result;
}
static ES_DEFINE_FUN_2(math_comb_obj, ES_Q_comb, math_comb);

static es_obj_t math_isqrt(es_obj_t n_in) {
    es_obj_t n = int_arg(n_in);
    if (int_is_negative(n)) {
        es_raise_msg(&es_type_ValueError, "isqrt() argument must be nonnegative");
    }
    if (int_is_zero(n)) {
        return n;
    }
    /* Newton's iteration from a power of two above the root decreases monotonically to it. */
    es_int_t bits = es_obj_get_int(int_bit_length(n));
    es_obj_t x = es_binary_op(ES_BINARY_OP_LSHIFT, es_obj_new_small_int(1), es_obj_new_small_int((bits + 1) / 2));
    for (;;) {
        es_obj_t y = es_binary_op(ES_BINARY_OP_RSHIFT,
                                  es_binary_op(ES_BINARY_OP_ADD, x, es_binary_op(ES_BINARY_OP_FLOOR_DIVIDE, n, x)),
                                  es_obj_new_small_int(1));
        if (es_binary_op(ES_BINARY_OP_MORE_EQUAL, y, x) == ES_OBJ_TRUE) {
            return x;
        }
        x = y;
    }
}
static ES_DEFINE_FUN_1(math_isqrt_obj, ES_Q_isqrt, math_isqrt);

static es_obj_t math_prod(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_iterable, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_start, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NEW_SMALL_INT(1)}},
    };
    es_arg_val_t vals[2];
    es_arg_parse_all(n_args, args, kw_args, 2, allowed, vals);
    es_obj_t result = vals[1].u_obj;
    es_obj_t iter = es_getiter(vals[0].u_obj, NULL);
    for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        result = es_binary_op(ES_BINARY_OP_MULTIPLY, result, item);
    }
    return result;
}
static ES_DEFINE_FUN_KW(math_prod_obj, ES_Q_prod, 1, math_prod);

/*
** fsum: Shewchuk's exact summation. `partials` holds non-overlapping floats whose exact sum
** is the running total; the final step rounds that exact sum half-to-even, as CPython does.
*/
static es_obj_t math_fsum(es_obj_t iterable) {
    size_t alloc = 8;
    size_t n = 0;
    es_float_t *partials = es_alloc(alloc * sizeof(es_float_t));
    es_float_t special_sum = 0;
    es_float_t inf_sum = 0;
    es_obj_t iter = es_getiter(iterable, NULL);
    for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        es_float_t x = es_obj_get_float(item);
        es_float_t xsave = x;
        size_t kept = 0;
        for (size_t j = 0; j < n; j++) {
            es_float_t y = partials[j];
            if (LIBM(fabs)(x) < LIBM(fabs)(y)) {
                es_float_t t = x;
                x = y;
                y = t;
            }
            es_float_t hi = x + y;
            es_float_t lo = y - (hi - x);
            if (lo != 0) {
                partials[kept++] = lo;
            }
            x = hi;
        }
        n = kept;
        if (!isfinite(x)) {
            /* An infinity or NaN among the inputs decides the result; a finite overflow is an error. */
            if (isfinite(xsave)) {
                es_raise_msg(&es_type_OverflowError, "intermediate overflow in fsum");
            }
            if (isinf(xsave)) {
                inf_sum += xsave;
            }
            special_sum += xsave;
            n = 0;
        } else {
            if (n == alloc) {
                alloc *= 2;
                partials = es_realloc(partials, alloc * sizeof(es_float_t));
            }
            partials[n++] = x;
        }
    }
    if (special_sum != 0) {
        if (isnan(inf_sum)) {
            es_raise_msg(&es_type_ValueError, "-inf + inf in fsum");
        }
        return es_obj_new_float(special_sum);
    }
    es_float_t hi = 0;
    if (n > 0) {
        hi = partials[--n];
        es_float_t lo = 0;
        while (n > 0) {
            es_float_t x = hi;
            es_float_t y = partials[--n];
            hi = x + y;
            es_float_t yr = hi - x;
            lo = y - yr;
            if (lo != 0) {
                break;
            }
        }
        /* Round half to even when the rest of the partials push the tie one way. */
        if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
            es_float_t y = lo * 2;
            es_float_t x = hi + y;
            es_float_t yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
    }
    es_free(partials);
    return es_obj_new_float(hi);
}
static ES_DEFINE_FUN_1(math_fsum_obj, ES_Q_fsum, math_fsum);

/* Euclidean norm of n values without overflow: scale by the largest magnitude. */
static es_float_t vector_norm(size_t n, const es_float_t *v) {
    es_float_t max = 0;
    bool found_nan = false;
    for (size_t i = 0; i < n; i++) {
        es_float_t a = LIBM(fabs)(v[i]);
        if (isnan(a)) {
            found_nan = true;
        } else if (a > max) {
            max = a;
        }
    }
    if (isinf(max)) {
        return max;
    }
    if (found_nan) {
        return (es_float_t)NAN;
    }
    if (max == 0 || n <= 1) {
        return max;
    }
    if (n == 2) {
        return LIBM(hypot)(v[0], v[1]);
    }
    es_float_t sum = 0;
    es_float_t compensation = 0;
    for (size_t i = 0; i < n; i++) {
        es_float_t q = v[i] / max;
        es_float_t term = q * q - compensation;
        es_float_t t = sum + term;
        compensation = (t - sum) - term;
        sum = t;
    }
    return max * LIBM(sqrt)(sum);
}

static es_obj_t math_hypot(size_t n_args, const es_obj_t *args) {
    es_float_t small[8] = {0};
    es_float_t *v = n_args <= 8 ? small : es_alloc(n_args * sizeof(es_float_t));
    for (size_t i = 0; i < n_args; i++) {
        v[i] = es_obj_get_float(args[i]);
    }
    es_float_t r = vector_norm(n_args, v);
    if (v != small) {
        es_free(v);
    }
    return es_obj_new_float(r);
}
static ES_DEFINE_FUN_VAR(math_hypot_obj, ES_Q_hypot, 0, ES_FUN_ARGS_MAX, math_hypot);

static es_obj_t math_dist(es_obj_t p_in, es_obj_t q_in) {
    size_t np;
    size_t nq;
    es_obj_t *p;
    es_obj_t *q;
    es_obj_get_array(p_in, &np, &p);
    es_obj_get_array(q_in, &nq, &q);
    if (np != nq) {
        es_raise_msg(&es_type_ValueError, "both points must have the same number of dimensions");
    }
    es_float_t small[8] = {0};
    es_float_t *v = np <= 8 ? small : es_alloc(np * sizeof(es_float_t));
    for (size_t i = 0; i < np; i++) {
        v[i] = es_obj_get_float(p[i]) - es_obj_get_float(q[i]);
    }
    es_float_t r = vector_norm(np, v);
    if (v != small) {
        es_free(v);
    }
    return es_obj_new_float(r);
}
static ES_DEFINE_FUN_2(math_dist_obj, ES_Q_dist, math_dist);

/* ---- constants and the module table ------------------------------------------------------ */

static const es_obj_float_t math_const_e = {{&es_type_float}, (es_float_t)2.718281828459045};
static const es_obj_float_t math_const_pi = {{&es_type_float}, (es_float_t)3.141592653589793};
static const es_obj_float_t math_const_tau = {{&es_type_float}, (es_float_t)6.283185307179586};
static const es_obj_float_t math_const_inf = {{&es_type_float}, (es_float_t)INFINITY};
static const es_obj_float_t math_const_nan = {{&es_type_float}, (es_float_t)NAN};

static const es_map_elem_t math_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_math)},
    {ES_OBJ_NEW_QSTR(ES_Q_e), ES_OBJ_FROM_CONST(math_const_e)},
    {ES_OBJ_NEW_QSTR(ES_Q_pi), ES_OBJ_FROM_CONST(math_const_pi)},
    {ES_OBJ_NEW_QSTR(ES_Q_tau), ES_OBJ_FROM_CONST(math_const_tau)},
    {ES_OBJ_NEW_QSTR(ES_Q_inf), ES_OBJ_FROM_CONST(math_const_inf)},
    {ES_OBJ_NEW_QSTR(ES_Q_nan), ES_OBJ_FROM_CONST(math_const_nan)},
    {ES_OBJ_NEW_QSTR(ES_Q_sqrt), ES_OBJ_FROM_CONST(math_sqrt_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pow), ES_OBJ_FROM_CONST(math_pow_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_exp), ES_OBJ_FROM_CONST(math_exp_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_exp2), ES_OBJ_FROM_CONST(math_exp2_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_expm1), ES_OBJ_FROM_CONST(math_expm1_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_log), ES_OBJ_FROM_CONST(math_log_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_log2), ES_OBJ_FROM_CONST(math_log2_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_log10), ES_OBJ_FROM_CONST(math_log10_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_log1p), ES_OBJ_FROM_CONST(math_log1p_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_cbrt), ES_OBJ_FROM_CONST(math_cbrt_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_cosh), ES_OBJ_FROM_CONST(math_cosh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sinh), ES_OBJ_FROM_CONST(math_sinh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_tanh), ES_OBJ_FROM_CONST(math_tanh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_acosh), ES_OBJ_FROM_CONST(math_acosh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_asinh), ES_OBJ_FROM_CONST(math_asinh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_atanh), ES_OBJ_FROM_CONST(math_atanh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_cos), ES_OBJ_FROM_CONST(math_cos_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sin), ES_OBJ_FROM_CONST(math_sin_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_tan), ES_OBJ_FROM_CONST(math_tan_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_acos), ES_OBJ_FROM_CONST(math_acos_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_asin), ES_OBJ_FROM_CONST(math_asin_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_atan), ES_OBJ_FROM_CONST(math_atan_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_atan2), ES_OBJ_FROM_CONST(math_atan2_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ceil), ES_OBJ_FROM_CONST(math_ceil_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_floor), ES_OBJ_FROM_CONST(math_floor_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_trunc), ES_OBJ_FROM_CONST(math_trunc_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_copysign), ES_OBJ_FROM_CONST(math_copysign_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_fabs), ES_OBJ_FROM_CONST(math_fabs_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_fmod), ES_OBJ_FROM_CONST(math_fmod_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_remainder), ES_OBJ_FROM_CONST(math_remainder_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_frexp), ES_OBJ_FROM_CONST(math_frexp_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ldexp), ES_OBJ_FROM_CONST(math_ldexp_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_modf), ES_OBJ_FROM_CONST(math_modf_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_nextafter), ES_OBJ_FROM_CONST(math_nextafter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ulp), ES_OBJ_FROM_CONST(math_ulp_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isfinite), ES_OBJ_FROM_CONST(math_isfinite_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isinf), ES_OBJ_FROM_CONST(math_isinf_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isnan), ES_OBJ_FROM_CONST(math_isnan_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isclose), ES_OBJ_FROM_CONST(math_isclose_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_degrees), ES_OBJ_FROM_CONST(math_degrees_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_radians), ES_OBJ_FROM_CONST(math_radians_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_erf), ES_OBJ_FROM_CONST(math_erf_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_erfc), ES_OBJ_FROM_CONST(math_erfc_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_gamma), ES_OBJ_FROM_CONST(math_gamma_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_lgamma), ES_OBJ_FROM_CONST(math_lgamma_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_factorial), ES_OBJ_FROM_CONST(math_factorial_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_gcd), ES_OBJ_FROM_CONST(math_gcd_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_lcm), ES_OBJ_FROM_CONST(math_lcm_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_comb), ES_OBJ_FROM_CONST(math_comb_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_perm), ES_OBJ_FROM_CONST(math_perm_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isqrt), ES_OBJ_FROM_CONST(math_isqrt_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_prod), ES_OBJ_FROM_CONST(math_prod_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_fsum), ES_OBJ_FROM_CONST(math_fsum_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_hypot), ES_OBJ_FROM_CONST(math_hypot_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_dist), ES_OBJ_FROM_CONST(math_dist_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_math, math_globals_table);
ES_REGISTER_MODULE(ES_Q_math, es_module_math);
