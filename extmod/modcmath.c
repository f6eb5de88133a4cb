/* modcmath.c: the cmath module: complex functions from the C library with CPython's domain and range errors. */

#include <complex.h>
#include <math.h>

#include "py/objint.h"
#include "py/runtime.h"

#if ES_FLOAT_IS_SINGLE
typedef float complex es_complex_t;
#define LIBM(fn) fn##f
#else
typedef double complex es_complex_t;
#define LIBM(fn) fn
#endif

static es_complex_t complex_arg(es_obj_t o) {
    es_float_t re;
    es_float_t im = 0;
    if (es_obj_is_complex(o)) {
        es_obj_complex_get(o, &re, &im);
    } else if (!es_obj_get_float_maybe(o, &re)) {
        es_raise_msg_varg(&es_type_TypeError, "must be real number, not %s", es_obj_type_name(o));
    }
    es_complex_t z;
    __real__ z = re;
    __imag__ z = im;
    return z;
}

static bool is_finite_complex(es_complex_t z) {
    return isfinite(LIBM(creal)(z)) && isfinite(LIBM(cimag)(z));
}

/* A NaN from finite input is a domain error, an infinity a range error (as CPython). */
static es_obj_t complex_result(es_complex_t z, es_complex_t r) {
    if (is_finite_complex(z)) {
        if (isnan(LIBM(creal)(r)) || isnan(LIBM(cimag)(r))) {
            es_raise_msg(&es_type_ValueError, "math domain error");
        }
        if (isinf(LIBM(creal)(r)) || isinf(LIBM(cimag)(r))) {
            es_raise_msg(&es_type_OverflowError, "math range error");
        }
    }
    return es_obj_new_complex(LIBM(creal)(r), LIBM(cimag)(r));
}

#define CMATH_FUN_1(name, qname, cfun)                                                                                 \
    static es_obj_t cmath_##name(es_obj_t x) {                                                                         \
        es_complex_t z = complex_arg(x);                                                                               \
        return complex_result(z, LIBM(cfun)(z));                                                                       \
    }                                                                                                                  \
    static ES_DEFINE_FUN_1(cmath_##name##_obj, qname, cmath_##name)

CMATH_FUN_1(sqrt, ES_Q_sqrt, csqrt);
CMATH_FUN_1(exp, ES_Q_exp, cexp);
CMATH_FUN_1(cos, ES_Q_cos, ccos);
CMATH_FUN_1(sin, ES_Q_sin, csin);
CMATH_FUN_1(tan, ES_Q_tan, ctan);
CMATH_FUN_1(acos, ES_Q_acos, cacos);
CMATH_FUN_1(asin, ES_Q_asin, casin);
CMATH_FUN_1(atan, ES_Q_atan, catan);
CMATH_FUN_1(cosh, ES_Q_cosh, ccosh);
CMATH_FUN_1(sinh, ES_Q_sinh, csinh);
CMATH_FUN_1(tanh, ES_Q_tanh, ctanh);
CMATH_FUN_1(acosh, ES_Q_acosh, cacosh);
CMATH_FUN_1(asinh, ES_Q_asinh, casinh);

static es_obj_t cmath_atanh(es_obj_t x) {
    es_complex_t z = complex_arg(x);
    if (LIBM(cimag)(z) == 0 && LIBM(fabs)(LIBM(creal)(z)) == 1) {
        es_raise_msg(&es_type_ValueError, "math domain error");
    }
    return complex_result(z, LIBM(catanh)(z));
}
static ES_DEFINE_FUN_1(cmath_atanh_obj, ES_Q_atanh, cmath_atanh);

static es_complex_t complex_log(es_complex_t z) {
    if (LIBM(creal)(z) == 0 && LIBM(cimag)(z) == 0) {
        es_raise_msg(&es_type_ValueError, "math domain error");
    }
    return LIBM(clog)(z);
}

static es_obj_t cmath_log(size_t n_args, const es_obj_t *args) {
    es_complex_t z = complex_arg(args[0]);
    es_complex_t r = complex_log(z);
    if (n_args > 1) {
        es_complex_t base = complex_log(complex_arg(args[1]));
        if (LIBM(creal)(base) == 0 && LIBM(cimag)(base) == 0) {
            es_raise_msg(&es_type_ZeroDivisionError, "complex division by zero");
        }
        r = r / base;
    }
    return complex_result(z, r);
}
static ES_DEFINE_FUN_VAR(cmath_log_obj, ES_Q_log, 1, 2, cmath_log);

static es_obj_t cmath_log10(es_obj_t x) {
    es_complex_t z = complex_arg(x);
    return complex_result(z, complex_log(z) / (es_float_t)2.302585092994046);
}
static ES_DEFINE_FUN_1(cmath_log10_obj, ES_Q_log10, cmath_log10);

static es_obj_t cmath_phase(es_obj_t x) {
    es_complex_t z = complex_arg(x);
    return es_obj_new_float(LIBM(atan2)(LIBM(cimag)(z), LIBM(creal)(z)));
}
static ES_DEFINE_FUN_1(cmath_phase_obj, ES_Q_phase, cmath_phase);

static es_obj_t cmath_polar(es_obj_t x) {
    es_complex_t z = complex_arg(x);
    es_float_t r = LIBM(hypot)(LIBM(creal)(z), LIBM(cimag)(z));
    if (isinf(r) && is_finite_complex(z)) {
        es_raise_msg(&es_type_OverflowError, "math range error");
    }
    es_obj_t items[2] = {es_obj_new_float(r), es_obj_new_float(LIBM(atan2)(LIBM(cimag)(z), LIBM(creal)(z)))};
    return es_obj_new_tuple(2, items);
}
static ES_DEFINE_FUN_1(cmath_polar_obj, ES_Q_polar, cmath_polar);

static es_obj_t cmath_rect(es_obj_t r_in, es_obj_t phi_in) {
    es_float_t r = es_obj_get_float(r_in);
    es_float_t phi = es_obj_get_float(phi_in);
    if (!isfinite(phi) && r != 0 && isfinite(r)) {
        es_raise_msg(&es_type_ValueError, "math domain error");
    }
    /* r * (cos phi + i sin phi), with 0 * anything = 0 so rect(0, inf) is 0 as in CPython */
    es_float_t re = r == 0 ? 0 : r * LIBM(cos)(phi);
    es_float_t im = r == 0 ? 0 : r * LIBM(sin)(phi);
    return es_obj_new_complex(re, im);
}
static ES_DEFINE_FUN_2(cmath_rect_obj, ES_Q_rect, cmath_rect);

static es_obj_t cmath_isfinite(es_obj_t x) {
    return es_obj_new_bool(is_finite_complex(complex_arg(x)));
}
static ES_DEFINE_FUN_1(cmath_isfinite_obj, ES_Q_isfinite, cmath_isfinite);

static es_obj_t cmath_isinf(es_obj_t x) {
    es_complex_t z = complex_arg(x);
    return es_obj_new_bool(isinf(LIBM(creal)(z)) || isinf(LIBM(cimag)(z)));
}
static ES_DEFINE_FUN_1(cmath_isinf_obj, ES_Q_isinf, cmath_isinf);

static es_obj_t cmath_isnan(es_obj_t x) {
    es_complex_t z = complex_arg(x);
    return es_obj_new_bool(isnan(LIBM(creal)(z)) || isnan(LIBM(cimag)(z)));
}
static ES_DEFINE_FUN_1(cmath_isnan_obj, ES_Q_isnan, cmath_isnan);

static es_obj_t cmath_isclose(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_a, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_b, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_rel_tol, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_abs_tol, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NULL}},
    };
    es_arg_val_t vals[4];
    es_arg_parse_all(n_args, args, kw_args, 4, allowed, vals);
    es_complex_t a = complex_arg(vals[0].u_obj);
    es_complex_t b = complex_arg(vals[1].u_obj);
    es_float_t rel_tol = vals[2].u_obj == ES_OBJ_NULL ? (es_float_t)1e-9 : es_obj_get_float(vals[2].u_obj);
    es_float_t abs_tol = vals[3].u_obj == ES_OBJ_NULL ? 0 : es_obj_get_float(vals[3].u_obj);
    if (rel_tol < 0 || abs_tol < 0) {
        es_raise_msg(&es_type_ValueError, "tolerances must be non-negative");
    }
    if (LIBM(creal)(a) == LIBM(creal)(b) && LIBM(cimag)(a) == LIBM(cimag)(b)) {
        return ES_OBJ_TRUE;
    }
    if (!is_finite_complex(a) || !is_finite_complex(b)) {
        return ES_OBJ_FALSE;
    }
    es_float_t diff = LIBM(cabs)(a - b);
    bool close = diff <= rel_tol * LIBM(cabs)(b) || diff <= rel_tol * LIBM(cabs)(a) || diff <= abs_tol;
    return es_obj_new_bool(close);
}
static ES_DEFINE_FUN_KW(cmath_isclose_obj, ES_Q_isclose, 2, cmath_isclose);

static const es_obj_float_t cmath_const_e = {{&es_type_float}, (es_float_t)2.718281828459045};
static const es_obj_float_t cmath_const_pi = {{&es_type_float}, (es_float_t)3.141592653589793};
static const es_obj_float_t cmath_const_tau = {{&es_type_float}, (es_float_t)6.283185307179586};
static const es_obj_float_t cmath_const_inf = {{&es_type_float}, (es_float_t)INFINITY};
static const es_obj_float_t cmath_const_nan = {{&es_type_float}, (es_float_t)NAN};


static const es_map_elem_t cmath_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_cmath)},
    {ES_OBJ_NEW_QSTR(ES_Q_e), ES_OBJ_FROM_CONST(cmath_const_e)},
    {ES_OBJ_NEW_QSTR(ES_Q_pi), ES_OBJ_FROM_CONST(cmath_const_pi)},
    {ES_OBJ_NEW_QSTR(ES_Q_tau), ES_OBJ_FROM_CONST(cmath_const_tau)},
    {ES_OBJ_NEW_QSTR(ES_Q_inf), ES_OBJ_FROM_CONST(cmath_const_inf)},
    {ES_OBJ_NEW_QSTR(ES_Q_nan), ES_OBJ_FROM_CONST(cmath_const_nan)},
    {ES_OBJ_NEW_QSTR(ES_Q_sqrt), ES_OBJ_FROM_CONST(cmath_sqrt_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_exp), ES_OBJ_FROM_CONST(cmath_exp_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_log), ES_OBJ_FROM_CONST(cmath_log_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_log10), ES_OBJ_FROM_CONST(cmath_log10_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_cos), ES_OBJ_FROM_CONST(cmath_cos_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sin), ES_OBJ_FROM_CONST(cmath_sin_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_tan), ES_OBJ_FROM_CONST(cmath_tan_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_acos), ES_OBJ_FROM_CONST(cmath_acos_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_asin), ES_OBJ_FROM_CONST(cmath_asin_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_atan), ES_OBJ_FROM_CONST(cmath_atan_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_cosh), ES_OBJ_FROM_CONST(cmath_cosh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sinh), ES_OBJ_FROM_CONST(cmath_sinh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_tanh), ES_OBJ_FROM_CONST(cmath_tanh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_acosh), ES_OBJ_FROM_CONST(cmath_acosh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_asinh), ES_OBJ_FROM_CONST(cmath_asinh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_atanh), ES_OBJ_FROM_CONST(cmath_atanh_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_phase), ES_OBJ_FROM_CONST(cmath_phase_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_polar), ES_OBJ_FROM_CONST(cmath_polar_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_rect), ES_OBJ_FROM_CONST(cmath_rect_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isfinite), ES_OBJ_FROM_CONST(cmath_isfinite_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isinf), ES_OBJ_FROM_CONST(cmath_isinf_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isnan), ES_OBJ_FROM_CONST(cmath_isnan_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isclose), ES_OBJ_FROM_CONST(cmath_isclose_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_cmath, cmath_globals_table);
ES_REGISTER_MODULE(ES_Q_cmath, es_module_cmath);
