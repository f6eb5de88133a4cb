/* objcomplex.c: the complex type: arithmetic, powers, hashing and repr as CPython's. */
#include <math.h>

#include "py/formatfloat.h"
#include "py/objint.h"
#include "py/objtype.h"
#include "py/parsenum.h"
#include "py/runtime.h"

#if ES_ENABLE_COMPLEX

#if ES_FLOAT_IS_SINGLE
#define MATH(name) name##f
#else
#define MATH(name) name
#endif

typedef struct {
    es_float_t real, imag;
} cplx_t;

typedef struct es_obj_complex_t {
    es_obj_base_t base;
    es_float_t real;
    es_float_t imag;
} es_obj_complex_t;

es_obj_t es_obj_new_complex(es_float_t real, es_float_t imag) {
    es_obj_complex_t *o = es_new(es_obj_complex_t);
    o->base.type = &es_type_complex;
    o->real = real;
    o->imag = imag;
    return es_obj_from_ptr(o);
}

/* The value of a complex or of an instance of a complex subclass; false for anything else. */
static bool complex_value(es_obj_t o, cplx_t *c) {
    if (!es_obj_is_complex(o) && es_obj_is_ptr(o) && es_type_is_user_class(es_obj_get_type(o))) {
        o = es_instance_native(o);
    }
    if (o == ES_OBJ_NULL || !es_obj_is_complex(o)) {
        return false;
    }
    const es_obj_complex_t *self = es_obj_to_ptr(o);
    c->real = self->real;
    c->imag = self->imag;
    return true;
}

void es_obj_complex_get(es_obj_t c, es_float_t *real, es_float_t *imag) {
    cplx_t v = {0, 0};
    complex_value(c, &v);
    *real = v.real;
    *imag = v.imag;
}

static es_obj_t new_cplx(cplx_t c) { return es_obj_new_complex(c.real, c.imag); }

static void complex_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    cplx_t c = {0, 0};
    complex_value(self, &c);
    char buf[80];
    es_vstr_t vstr;
    es_vstr_init_fixed_buf(&vstr, sizeof(buf), buf);
    if (c.real == 0 && !signbit(c.real)) {
        es_format_float_ex(&vstr, c.imag, 'r', -1, ES_FORMAT_FLOAT_NO_DOT0);
        es_vstr_add_byte(&vstr, 'j');
    } else {
        es_vstr_add_byte(&vstr, '(');
        es_format_float_ex(&vstr, c.real, 'r', -1, ES_FORMAT_FLOAT_NO_DOT0);
        if (isnan(c.imag) || !signbit(c.imag)) {
            es_vstr_add_byte(&vstr, '+');
        }
        es_format_float_ex(&vstr, c.imag, 'r', -1, ES_FORMAT_FLOAT_NO_DOT0);
        es_vstr_add_str(&vstr, "j)");
    }
    es_print_strn(print, vstr.buf, vstr.len);
}

/* ---- arithmetic, as CPython's _Py_c_* functions ---------------------------------------- */

static cplx_t c_prod(cplx_t a, cplx_t b) {
    cplx_t r = {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
    return r;
}

/* Smith's method: scaling by the larger part of b avoids needless overflow. Sets *div_zero. */
static cplx_t c_quot(cplx_t a, cplx_t b, bool *div_zero) {
    cplx_t r;
    es_float_t abs_breal = MATH(fabs)(b.real), abs_bimag = MATH(fabs)(b.imag);
    *div_zero = false;
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0) {
            *div_zero = true;
            r.real = r.imag = 0;
        } else {
            es_float_t ratio = b.imag / b.real;
            es_float_t denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bimag >= abs_breal) {
        es_float_t ratio = b.real / b.imag;
        es_float_t denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = (es_float_t)NAN;
    }
    return r;
}

static cplx_t c_powu(cplx_t x, long n) {
    cplx_t r = {1, 0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) {
            r = c_prod(r, p);
        }
        p = c_prod(p, p);
    }
    return r;
}

static cplx_t c_pow(cplx_t a, cplx_t b, bool *domain_error) {
    cplx_t r;
    *domain_error = false;
    if (b.real == 0 && b.imag == 0) {
        r.real = 1;
        r.imag = 0;
    } else if (a.real == 0 && a.imag == 0) {
        if (b.imag != 0 || b.real < 0) {
            *domain_error = true;
        }
        r.real = r.imag = 0;
    } else {
        es_float_t vabs = MATH(hypot)(a.real, a.imag);
        es_float_t len = MATH(pow)(vabs, b.real);
        es_float_t at = MATH(atan2)(a.imag, a.real);
        es_float_t phase = at * b.real;
        if (b.imag != 0) {
            len /= MATH(exp)(at * b.imag);
            phase += b.imag * MATH(log)(vabs);
        }
        /* cos and sin of an infinite phase are a domain error, which CPython reports this way. */
        if (isinf(phase)) {
            *domain_error = true;
        }
        r.real = len * MATH(cos)(phase);
        r.imag = len * MATH(sin)(phase);
    }
    return r;
}

static es_obj_t complex_power(cplx_t a, cplx_t b) {
    cplx_t p;
    bool domain_error = false;
    if (b.imag == 0 && b.real == MATH(floor)(b.real) && MATH(fabs)(b.real) <= 100) {
        /* Small integral powers by repeated multiplication, as CPython. */
        long n = (long)b.real;
        if (n >= 0) {
            p = c_powu(a, n);
        } else {
            cplx_t one = {1, 0};
            p = c_quot(one, c_powu(a, -n), &domain_error);
        }
    } else {
        p = c_pow(a, b, &domain_error);
    }
    if (domain_error) {
        es_raise_msg(&es_type_ZeroDivisionError, "0.0 to a negative or complex power");
    }
    if (isinf(p.real) || isinf(p.imag)) {
        es_raise_msg(&es_type_OverflowError, "complex exponentiation");
    }
    return new_cplx(p);
}

/* The other operand as a complex number; false when it is not a number. */
static bool operand_value(es_obj_t o, cplx_t *c) {
    if (complex_value(o, c)) {
        return true;
    }
    c->imag = 0;
    if (o == ES_OBJ_TRUE || o == ES_OBJ_FALSE) {
        c->real = o == ES_OBJ_TRUE;
        return true;
    }
    if (es_obj_is_float(o)) {
        c->real = es_obj_float_get(o);
        return true;
    }
    if (es_obj_is_small_int(o) || es_obj_is_int(o)) {
        c->real = es_obj_int_as_float(o);
        return true;
    }
    return false;
}

es_obj_t es_obj_complex_binary_op(es_binary_op_t op, es_float_t lhs_real, es_float_t lhs_imag, es_obj_t rhs) {
    if (op >= ES_BINARY_OP_INPLACE_OR && op <= ES_BINARY_OP_INPLACE_POWER) {
        op = (es_binary_op_t)(op + ES_BINARY_OP_INPLACE_OFFSET);
    }
    cplx_t a = {lhs_real, lhs_imag}, b;
    if (op == ES_BINARY_OP_EQUAL || op == ES_BINARY_OP_NOT_EQUAL) {
        bool eq;
        if (complex_value(rhs, &b) || es_obj_is_float(rhs)) {
            if (es_obj_is_float(rhs)) {
                b.real = es_obj_float_get(rhs);
                b.imag = 0;
            }
            eq = a.real == b.real && a.imag == b.imag;
        } else if (es_obj_is_small_int(rhs) || es_obj_is_int(rhs) || rhs == ES_OBJ_TRUE || rhs == ES_OBJ_FALSE) {
            /* Exact against ints: 2**53 + 1 is not complex(2**53). */
            bool unordered;
            es_obj_t i = rhs == ES_OBJ_TRUE ? ES_OBJ_NEW_SMALL_INT(1) : rhs == ES_OBJ_FALSE ? ES_OBJ_NEW_SMALL_INT(0) : rhs;
            eq = a.imag == 0 && es_obj_int_compare_float(i, a.real, &unordered) == 0 && !unordered;
        } else {
            return ES_OBJ_NULL;
        }
        return es_obj_new_bool(eq == (op == ES_BINARY_OP_EQUAL));
    }
    if (op != ES_BINARY_OP_ADD && op != ES_BINARY_OP_SUBTRACT && op != ES_BINARY_OP_MULTIPLY &&
        op != ES_BINARY_OP_TRUE_DIVIDE && op != ES_BINARY_OP_POWER) {
        return ES_OBJ_NULL;
    }
    if (!operand_value(rhs, &b)) {
        return ES_OBJ_NULL;
    }
    bool div_zero;
    cplx_t r;
    switch (op) {
        case ES_BINARY_OP_ADD:
            r.real = a.real + b.real;
            r.imag = a.imag + b.imag;
            return new_cplx(r);
        case ES_BINARY_OP_SUBTRACT:
            r.real = a.real - b.real;
            r.imag = a.imag - b.imag;
            return new_cplx(r);
        case ES_BINARY_OP_MULTIPLY:
            return new_cplx(c_prod(a, b));
        case ES_BINARY_OP_TRUE_DIVIDE:
            r = c_quot(a, b, &div_zero);
            if (div_zero) {
                es_raise_msg(&es_type_ZeroDivisionError, "complex division by zero");
            }
            return new_cplx(r);
        case ES_BINARY_OP_POWER:
            return complex_power(a, b);
        default:
            return ES_OBJ_NULL;
    }
}

static es_obj_t complex_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    cplx_t a = {0, 0};
    if (op >= ES_BINARY_OP_REVERSE_OR && op <= ES_BINARY_OP_REVERSE_POWER) {
        /* other OP self */
        op = (es_binary_op_t)(op - ES_BINARY_OP_REVERSE_OFFSET);
        if (op != ES_BINARY_OP_ADD && op != ES_BINARY_OP_SUBTRACT && op != ES_BINARY_OP_MULTIPLY &&
            op != ES_BINARY_OP_TRUE_DIVIDE && op != ES_BINARY_OP_POWER) {
            return ES_OBJ_NULL;
        }
        if (!operand_value(rhs, &a)) {
            return ES_OBJ_NULL;
        }
        return es_obj_complex_binary_op(op, a.real, a.imag, lhs);
    }
    complex_value(lhs, &a);
    return es_obj_complex_binary_op(op, a.real, a.imag, rhs);
}

static es_obj_t complex_unary_op(es_unary_op_t op, es_obj_t self) {
    cplx_t c = {0, 0};
    complex_value(self, &c);
    switch (op) {
        case ES_UNARY_OP_BOOL:
            return es_obj_new_bool(c.real != 0 || c.imag != 0);
        case ES_UNARY_OP_HASH: {
            es_uint_t hr = (es_uint_t)(isnan(c.real) ? (es_int_t)(self >> 2) : es_float_hash_value(c.real));
            es_uint_t hi = (es_uint_t)(isnan(c.imag) ? (es_int_t)(self >> 2) : es_float_hash_value(c.imag));
            /* Unsigned, wrapping arithmetic as CPython's Py_uhash_t. */
            es_uint_t h = hr + (es_uint_t)ES_HASH_IMAG * hi;
            if (h == (es_uint_t)-1) {
                h = (es_uint_t)-2;
            }
            return es_hash_to_obj((es_int_t)h);
        }
        case ES_UNARY_OP_POSITIVE:
            return es_obj_is_complex(self) ? self : new_cplx(c);
        case ES_UNARY_OP_NEGATIVE:
            c.real = -c.real;
            c.imag = -c.imag;
            return new_cplx(c);
        case ES_UNARY_OP_ABS: {
            if (isinf(c.real) || isinf(c.imag)) {
                return es_obj_new_float((es_float_t)INFINITY);
            }
            if (isnan(c.real) || isnan(c.imag)) {
                return es_obj_new_float((es_float_t)NAN);
            }
            es_float_t r = MATH(hypot)(c.real, c.imag);
            if (isinf(r)) {
                es_raise_msg(&es_type_OverflowError, "absolute value too large");
            }
            return es_obj_new_float(r);
        }
        default:
            return ES_OBJ_NULL;
    }
}

/* ---- complex() -------------------------------------------------------------------------------- */

/* Numbers, and objects of user classes that say how to become one. */
static bool is_real_number(es_obj_t o) {
    if (es_obj_is_small_int(o) || es_obj_is_int(o) || es_obj_is_float(o) || o == ES_OBJ_TRUE || o == ES_OBJ_FALSE) {
        return true;
    }
    if (!es_obj_is_ptr(o) || !es_type_is_user_class(es_obj_get_type(o))) {
        return false;
    }
    es_obj_t dest[2];
    es_load_method_maybe(o, ES_Q___float__, dest);
    if (dest[0] == ES_OBJ_NULL) {
        es_load_method_maybe(o, ES_Q___index__, dest);
    }
    return dest[0] != ES_OBJ_NULL;
}

/* A user object's __complex__, or ES_OBJ_NULL. */
static es_obj_t call_dunder_complex(es_obj_t o) {
    if (!es_obj_is_ptr(o) || !es_type_is_user_class(es_obj_get_type(o))) {
        return ES_OBJ_NULL;
    }
    es_obj_t dest[2];
    es_load_method_maybe(o, ES_Q___complex__, dest);
    if (dest[0] == ES_OBJ_NULL) {
        return ES_OBJ_NULL;
    }
    es_obj_t r = es_call_method_n_kw(0, 0, dest);
    if (!es_obj_is_complex(r)) {
        es_raise_msg_varg(&es_type_TypeError, "__complex__ returned non-complex (type %s)", es_obj_type_name(r));
    }
    return r;
}

static es_obj_t complex_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    static const es_arg_t allowed[] = {
        {ES_Q_real, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_imag, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    };
    es_arg_val_t vals[2];
    es_arg_parse_all_kw_array(n_args, n_kw, args, 2, allowed, vals);
    es_obj_t r = vals[0].u_obj, i = vals[1].u_obj;
    if (r == ES_OBJ_NULL) {
        r = ES_OBJ_NEW_SMALL_INT(0);
    }
    if (es_obj_is_str(r)) {
        if (i != ES_OBJ_NULL) {
            es_raise_msg(&es_type_TypeError, "complex() can't take second arg if first is a string");
        }
        size_t len;
        const char *s = es_obj_str_get_data(r, &len);
        return es_parse_num_complex(s, len);
    }
    if (i != ES_OBJ_NULL && es_obj_is_str(i)) {
        es_raise_msg(&es_type_TypeError, "complex() second arg can't be a string");
    }
    es_obj_t rc = call_dunder_complex(r);
    if (rc != ES_OBJ_NULL) {
        r = rc;
    }
    if (es_obj_is_complex(r) && i == ES_OBJ_NULL) {
        return r;
    }
    cplx_t cr = {0, 0}, ci = {0, 0};
    bool cr_is_complex = complex_value(r, &cr);
    if (!cr_is_complex) {
        if (!is_real_number(r)) {
            es_raise_msg_varg(&es_type_TypeError, "complex() first argument must be a string or a number, not '%s'",
                              es_obj_type_name(r));
        }
        cr.real = es_obj_float_get(es_obj_float_from_obj(r));
    }
    bool ci_is_complex = false;
    if (i == ES_OBJ_NULL) {
        ci.real = cr.imag;
    } else if (complex_value(i, &ci)) {
        ci_is_complex = true;
    } else {
        if (!is_real_number(i)) {
            es_raise_msg_varg(&es_type_TypeError, "complex() second argument must be a number, not '%s'",
                              es_obj_type_name(i));
        }
        ci.real = es_obj_float_get(es_obj_float_from_obj(i));
    }
    /* (a + bj) + (c + dj) j == (a - d) + (b + c) j */
    if (ci_is_complex) {
        cr.real -= ci.imag;
    }
    if (cr_is_complex && i != ES_OBJ_NULL) {
        ci.real += cr.imag;
    }
    return es_obj_new_complex(cr.real, ci.real);
}

/* ---- attributes and methods ------------------------------------------------------------------ */

static es_obj_t complex_conjugate(es_obj_t self) {
    cplx_t c = {0, 0};
    complex_value(self, &c);
    return es_obj_new_complex(c.real, -c.imag);
}
static ES_DEFINE_FUN_1(complex_conjugate_obj, ES_Q_conjugate, complex_conjugate);

static void complex_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    cplx_t c = {0, 0};
    complex_value(self, &c);
    if (attr == ES_Q_real) {
        dest[0] = es_obj_new_float(c.real);
    } else if (attr == ES_Q_imag) {
        dest[0] = es_obj_new_float(c.imag);
    }
}

static const es_map_elem_t complex_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_conjugate), ES_OBJ_FROM_CONST(complex_conjugate_obj)},
};
static ES_DEFINE_CONST_DICT(complex_locals_dict, complex_locals_table);

const es_type_t es_type_complex = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    .name = ES_Q_complex,
    .print = complex_print,
    .make_new = complex_make_new,
    .unary_op = complex_unary_op,
    .binary_op = complex_binary_op,
    .attr = complex_attr,
    .locals_dict = (es_obj_dict_t *)&complex_locals_dict,
};

#endif /* ES_ENABLE_COMPLEX */
