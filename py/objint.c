/* objint.c: the int type: tagged small ints with overflow-checked fast paths, promoted to mpz big ints. */
#include <math.h>
#include <string.h>

#include "py/formatfloat.h"
#include "py/objint.h"
#include "py/objtype.h"
#include "py/parsenum.h"
#include "py/runtime.h"

/* A big int: only values outside the small-int range are stored this way. */
typedef struct es_obj_int_t {
    es_obj_base_t base;
    uint32_t len;
    bool neg;
    es_mpz_dig_t dig[];
} es_obj_int_t;

#define INT_BITS (sizeof(es_int_t) * 8)

#if ES_FLOAT_IS_SINGLE
#define FLOAT_MANT_DIG (24)
#else
#define FLOAT_MANT_DIG (53)
#endif

/* ---- overflow checks --------------------------------------------------------------- */

/*
** Fast path: GCC and Clang compute the product and report overflow in one instruction.
** Other compilers use the portable division-free check below it.
*/
static bool mul_overflows(es_int_t a, es_int_t b, es_int_t *result) {
#if defined(__GNUC__)
    return __builtin_mul_overflow(a, b, result);
#else
    es_uint_t ua = a < 0 ? 0 - (es_uint_t)a : (es_uint_t)a;
    es_uint_t ub = b < 0 ? 0 - (es_uint_t)b : (es_uint_t)b;
    const unsigned half = INT_BITS / 2;
    if ((ua >> half) != 0 && (ub >> half) != 0) {
        return true;
    }
    es_uint_t prod = ua * ub;
    if (ua != 0 && prod / ua != ub) {
        return true;
    }
    es_uint_t limit = (es_uint_t)INTPTR_MAX + ((a < 0) != (b < 0));
    if (prod > limit) {
        return true;
    }
    *result = (a < 0) != (b < 0) ? (es_int_t)(0 - prod) : (es_int_t)prod;
    return false;
#endif
}

/* ---- construction ------------------------------------------------------------------- */

static bool is_big(es_obj_t o) { return es_obj_is_type(o, &es_type_int); }

bool es_obj_is_int(es_obj_t o) { return es_obj_is_small_int(o) || is_big(o); }
bool es_obj_int_is_big(es_obj_t o) { return is_big(o); }

es_obj_t es_obj_int_from_mpz(const es_mpz_t *z) {
    long long v;
    if (es_mpz_as_ll(z, &v) && v >= ES_SMALL_INT_MIN && v <= ES_SMALL_INT_MAX) {
        return es_obj_new_small_int((es_int_t)v);
    }
    if (z->len > UINT32_MAX) {
        es_raise_memory_error();
    }
    es_obj_int_t *o = es_alloc(sizeof(es_obj_int_t) + z->len * sizeof(es_mpz_dig_t));
    o->base.type = &es_type_int;
    o->len = (uint32_t)z->len;
    o->neg = z->neg;
    memcpy(o->dig, z->dig, z->len * sizeof(es_mpz_dig_t));
    return es_obj_from_ptr(o);
}

/* Turns a result into an object and releases its digits. */
static es_obj_t finish(es_mpz_t *z) {
    es_obj_t o = es_obj_int_from_mpz(z);
    es_mpz_deinit(z);
    return o;
}

es_obj_t es_obj_new_int_from_ll(long long value) {
    if (value >= ES_SMALL_INT_MIN && value <= ES_SMALL_INT_MAX) {
        return es_obj_new_small_int((es_int_t)value);
    }
    es_mpz_dig_t buf[ES_MPZ_LL_DIGS];
    es_mpz_t z;
    es_mpz_init_fixed_ll(&z, buf, value);
    return es_obj_int_from_mpz(&z);
}

es_obj_t es_obj_new_int_from_ull(unsigned long long value) {
    if (value <= (unsigned long long)ES_SMALL_INT_MAX) {
        return es_obj_new_small_int((es_int_t)value);
    }
    es_mpz_dig_t buf[ES_MPZ_LL_DIGS];
    es_mpz_t z;
    es_mpz_init_fixed(&z, buf, ES_MPZ_LL_DIGS, 0, false);
    es_mpz_set_ull(&z, value);
    return es_obj_int_from_mpz(&z);
}

es_obj_t es_obj_new_int(es_int_t value) {
    if (es_small_int_fits(value)) {
        return es_obj_new_small_int(value);
    }
    return es_obj_new_int_from_ll(value);
}

es_obj_t es_obj_new_int_from_uint(es_uint_t value) { return es_obj_new_int_from_ull(value); }

es_obj_t es_obj_new_int_from_float(es_float_t value) {
    if (isnan(value)) {
        es_raise_msg(&es_type_ValueError, "cannot convert float NaN to integer");
    }
    if (isinf(value)) {
        es_raise_msg(&es_type_OverflowError, "cannot convert float infinity to integer");
    }
    /* Below 2**(INT_BITS-2) in magnitude the truncated value is a small int. */
    es_float_t limit = (es_float_t)((es_uint_t)1 << (INT_BITS - 2));
    if (value > -limit && value < limit) {
        return es_obj_new_small_int((es_int_t)value);
    }
    es_mpz_t z;
    es_mpz_init_zero(&z);
    es_mpz_set_float(&z, value);
    return finish(&z);
}

es_obj_t es_obj_new_int_from_str_len(const char **str, size_t len, bool neg, unsigned int base) {
    es_mpz_t z;
    es_mpz_init_zero(&z);
    size_t n = es_mpz_set_str(&z, *str, len, base);
    *str += n;
    if (neg) {
        es_mpz_neg(&z, &z);
    }
    return finish(&z);
}

/* ---- access ------------------------------------------------------------------------------- */

/* An int operand: bools count as 0 and 1, int subclasses give their int value. */
static es_obj_t int_value(es_obj_t o) {
    if (o == ES_OBJ_FALSE) {
        return ES_OBJ_NEW_SMALL_INT(0);
    }
    if (o == ES_OBJ_TRUE) {
        return ES_OBJ_NEW_SMALL_INT(1);
    }
    if (es_obj_is_ptr(o) && !is_big(o) && es_type_is_user_class(es_obj_get_type(o))) {
        es_obj_t native = es_instance_native(o);
        if (native != ES_OBJ_NULL && es_obj_is_int(native)) {
            return native;
        }
    }
    return o;
}

void es_obj_int_get_mpz(es_obj_t i, es_mpz_t *view, es_mpz_dig_t *buf) {
    i = int_value(i);
    if (es_obj_is_small_int(i)) {
        es_mpz_init_fixed_ll(view, buf, es_small_int_value(i));
    } else {
        es_obj_int_t *o = es_obj_to_ptr(i);
        es_mpz_init_fixed(view, o->dig, o->len, o->len, o->neg);
    }
}

int es_obj_int_sign(es_obj_t i) {
    i = int_value(i);
    if (es_obj_is_small_int(i)) {
        es_int_t v = es_small_int_value(i);
        return v < 0 ? -1 : v > 0;
    }
    return ((es_obj_int_t *)es_obj_to_ptr(i))->neg ? -1 : 1;
}

bool es_obj_int_fits_int_t(es_obj_t o, es_int_t *value) {
    o = int_value(o);
    if (es_obj_is_small_int(o)) {
        *value = es_small_int_value(o);
        return true;
    }
    es_mpz_dig_t buf[ES_MPZ_LL_DIGS];
    es_mpz_t z;
    es_obj_int_get_mpz(o, &z, buf);
    long long v;
    if (!es_mpz_as_ll(&z, &v) || v < INTPTR_MIN || v > INTPTR_MAX) {
        return false;
    }
    *value = (es_int_t)v;
    return true;
}

es_float_t es_obj_int_as_float(es_obj_t o) {
    o = int_value(o);
    if (es_obj_is_small_int(o)) {
        return (es_float_t)es_small_int_value(o);
    }
    es_mpz_dig_t buf[ES_MPZ_LL_DIGS];
    es_mpz_t z;
    es_obj_int_get_mpz(o, &z, buf);
    es_float_t f;
    if (!es_mpz_as_float(&z, &f)) {
        es_raise_msg(&es_type_OverflowError, "int too large to convert to float");
    }
    return f;
}

/* ---- text --------------------------------------------------------------------------------- */

void es_obj_int_format_digits(es_vstr_t *vstr, es_obj_t i, unsigned base, bool upper) {
    i = int_value(i);
    const char *digits = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
    if (es_obj_is_small_int(i)) {
        es_int_t v = es_small_int_value(i);
        es_uint_t mag = v < 0 ? 0 - (es_uint_t)v : (es_uint_t)v;
        char buf[sizeof(es_int_t) * 8 + 1];
        size_t pos = sizeof(buf);
        do {
            buf[--pos] = digits[mag % base];
            mag /= base;
        } while (mag != 0);
        if (v < 0) {
            buf[--pos] = '-';
        }
        es_vstr_add_strn(vstr, buf + pos, sizeof(buf) - pos);
        return;
    }
    es_mpz_dig_t dbuf[ES_MPZ_LL_DIGS];
    es_mpz_t z;
    es_obj_int_get_mpz(i, &z, dbuf);
    if (z.neg) {
        es_vstr_add_byte(vstr, '-');
    }
    size_t size = es_mpz_str_size(&z, base);
    char *dest = es_vstr_extend(vstr, size);
    if (dest == NULL) {
        return;
    }
    size_t n = es_mpz_as_str(&z, dest, base, upper);
    es_vstr_cut_tail_bytes(vstr, size - n);
}

static void int_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    self = int_value(self);
    if (es_obj_is_small_int(self)) {
        char buf[sizeof(es_int_t) * 3 + 2];
        es_vstr_t vstr;
        es_vstr_init_fixed_buf(&vstr, sizeof(buf), buf);
        es_obj_int_format_digits(&vstr, self, 10, false);
        es_print_strn(print, vstr.buf, vstr.len);
        return;
    }
    es_vstr_t vstr;
    es_vstr_init(&vstr, 16);
    es_obj_int_format_digits(&vstr, self, 10, false);
    es_print_strn(print, vstr.buf, vstr.len);
    es_vstr_clear(&vstr);
}

/* ---- hashing ------------------------------------------------------------------------------- */

es_obj_t es_hash_to_obj(es_int_t h) { return es_obj_new_small_int(h); }

es_obj_t es_obj_int_hash(es_obj_t i) {
    if (es_obj_is_small_int(i)) {
        /* Most ints are their own hash: below the modulus and not -1. */
        es_int_t v = es_small_int_value(i);
        const es_int_t below = (es_int_t)(((unsigned long long)1 << (ES_HASH_MODULUS_BITS - 1)) - 1);
        if (v > -below && v < below && v != -1) {
            return i;
        }
    }
    i = int_value(i);
    long long h;
    if (es_obj_is_small_int(i)) {
        es_int_t v = es_small_int_value(i);
        unsigned long long modulus = ((unsigned long long)1 << ES_HASH_MODULUS_BITS) - 1;
        unsigned long long mag = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
        h = (long long)(mag % modulus);
        if (v < 0) {
            h = -h;
        }
    } else {
        es_mpz_dig_t buf[ES_MPZ_LL_DIGS];
        es_mpz_t z;
        es_obj_int_get_mpz(i, &z, buf);
        h = es_mpz_hash(&z, ES_HASH_MODULUS_BITS);
    }
    if (h == -1) {
        h = -2;
    }
    return es_hash_to_obj((es_int_t)h);
}

/* ---- int() -------------------------------------------------------------------------------- */

/* Calls __int__, then __index__, through the type's slot; ES_OBJ_NULL when neither exists. */
static es_obj_t call_int_slot(es_obj_t x, es_unary_op_t op) {
    const es_type_t *type = es_obj_get_type(x);
    if (type->unary_op == NULL) {
        return ES_OBJ_NULL;
    }
    es_obj_t r = type->unary_op(op, x);
    if (r != ES_OBJ_NULL && r != ES_OBJ_NOT_IMPLEMENTED) {
        es_obj_t v = int_value(r);
        if (!es_obj_is_int(v)) {
            es_raise_msg_varg(&es_type_TypeError, "%s returned non-int (type %s)",
                              op == ES_UNARY_OP_INT ? "__int__" : "__index__", es_obj_type_name(r));
        }
        return v;
    }
    return ES_OBJ_NULL;
}

es_obj_t es_obj_int_from_obj(es_obj_t x) {
    if (es_obj_is_small_int(x) || is_big(x)) {
        return x;
    }
    if (x == ES_OBJ_FALSE || x == ES_OBJ_TRUE) {
        return int_value(x);
    }
    if (es_obj_is_float(x)) {
        return es_obj_new_int_from_float(es_obj_float_get(x));
    }
    const char *data;
    size_t len;
    if (es_parse_num_get_text(x, &data, &len)) {
        return es_parse_num_int_text(data, len, 10, x);
    }
    es_obj_t r = call_int_slot(x, ES_UNARY_OP_INT);
    if (r == ES_OBJ_NULL) {
        r = call_int_slot(x, ES_UNARY_OP_INDEX);
    }
    if (r == ES_OBJ_NULL) {
        es_raise_msg_varg(&es_type_TypeError,
                          "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                          es_obj_type_name(x));
    }
    return r;
}

static es_obj_t int_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    static const es_arg_t allowed[] = {
        {ES_Q_x, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_base, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    };
    es_arg_val_t vals[2];
    es_arg_parse_all_kw_array(n_args, n_kw, args, 2, allowed, vals);
    es_obj_t x = vals[0].u_obj, base_obj = vals[1].u_obj;
    if (base_obj == ES_OBJ_NULL) {
        if (x == ES_OBJ_NULL) {
            return ES_OBJ_NEW_SMALL_INT(0);
        }
        return es_obj_int_from_obj(x);
    }
    if (x == ES_OBJ_NULL) {
        es_raise_msg(&es_type_TypeError, "int() missing string argument");
    }
    es_int_t base = es_obj_get_int(base_obj);
    if (base != 0 && (base < 2 || base > 36)) {
        es_raise_msg(&es_type_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    const char *data;
    size_t len;
    if (!es_parse_num_get_text(x, &data, &len)) {
        es_raise_msg(&es_type_TypeError, "int() can't convert non-string with explicit base");
    }
    return es_parse_num_int_text(data, len, (int)base, x);
}

/* ---- unary operators ------------------------------------------------------------------------- */

es_obj_t es_obj_int_unary_op(es_unary_op_t op, es_obj_t i) {
    i = int_value(i);
    if (op == ES_UNARY_OP_HASH) {
        return es_obj_int_hash(i);
    }
    if (es_obj_is_small_int(i)) {
        es_int_t v = es_small_int_value(i);
        switch (op) {
            case ES_UNARY_OP_BOOL:
                return es_obj_new_bool(v != 0);
            case ES_UNARY_OP_POSITIVE:
            case ES_UNARY_OP_INT:
            case ES_UNARY_OP_INDEX:
                return i;
            case ES_UNARY_OP_NEGATIVE:
                return es_obj_new_int(-v);
            case ES_UNARY_OP_INVERT:
                return es_obj_new_small_int(~v);
            case ES_UNARY_OP_ABS:
                return es_obj_new_int(v < 0 ? -v : v);
            case ES_UNARY_OP_FLOAT:
                return es_obj_new_float((es_float_t)v);
            case ES_UNARY_OP_SIZEOF:
                return ES_OBJ_NEW_SMALL_INT(sizeof(es_obj_t));
            default:
                return ES_OBJ_NULL;
        }
    }
    es_obj_int_t *o = es_obj_to_ptr(i);
    es_mpz_t z, r;
    es_obj_int_get_mpz(i, &z, NULL);
    es_mpz_init_zero(&r);
    switch (op) {
        case ES_UNARY_OP_BOOL:
            return ES_OBJ_TRUE;
        case ES_UNARY_OP_POSITIVE:
        case ES_UNARY_OP_INT:
        case ES_UNARY_OP_INDEX:
            return i;
        case ES_UNARY_OP_NEGATIVE:
            es_mpz_neg(&r, &z);
            return finish(&r);
        case ES_UNARY_OP_ABS:
            if (!o->neg) {
                return i;
            }
            es_mpz_abs(&r, &z);
            return finish(&r);
        case ES_UNARY_OP_INVERT:
            es_mpz_not(&r, &z);
            return finish(&r);
        case ES_UNARY_OP_FLOAT:
            return es_obj_new_float(es_obj_int_as_float(i));
        case ES_UNARY_OP_SIZEOF:
            return es_obj_new_int((es_int_t)(sizeof(es_obj_int_t) + o->len * sizeof(es_mpz_dig_t)));
        default:
            return ES_OBJ_NULL;
    }
}

/* ---- binary operators ----------------------------------------------------------------------- */

static bool is_comparison(es_binary_op_t op) { return op <= ES_BINARY_OP_NOT_EQUAL; }

static es_obj_t compare_result(es_binary_op_t op, int c) {
    switch (op) {
        case ES_BINARY_OP_LESS:
            return es_obj_new_bool(c < 0);
        case ES_BINARY_OP_MORE:
            return es_obj_new_bool(c > 0);
        case ES_BINARY_OP_EQUAL:
            return es_obj_new_bool(c == 0);
        case ES_BINARY_OP_LESS_EQUAL:
            return es_obj_new_bool(c <= 0);
        case ES_BINARY_OP_MORE_EQUAL:
            return es_obj_new_bool(c >= 0);
        default:
            return es_obj_new_bool(c != 0);
    }
}

/* Compares an int with a float exactly (2**53 + 1 != 2.0**53); nan is unordered. */
int es_obj_int_compare_float(es_obj_t i, es_float_t f, bool *unordered) {
    *unordered = isnan(f);
    if (*unordered) {
        return 0;
    }
    i = int_value(i);
    if (es_obj_is_small_int(i)) {
        es_int_t v = es_small_int_value(i);
        es_int_t exact = (es_int_t)1 << (FLOAT_MANT_DIG < INT_BITS - 2 ? FLOAT_MANT_DIG : INT_BITS - 2);
        if (v >= -exact && v <= exact) {
            es_float_t fv = (es_float_t)v;
            return fv < f ? -1 : fv > f;
        }
    }
    es_mpz_dig_t buf[ES_MPZ_LL_DIGS];
    es_mpz_t z;
    es_obj_int_get_mpz(i, &z, buf);
    return es_mpz_cmp_float(&z, f);
}

/* The operators that floats support, so that other ones fail before any conversion. */
static bool is_float_arith(es_binary_op_t op) {
    return op == ES_BINARY_OP_ADD || op == ES_BINARY_OP_SUBTRACT || op == ES_BINARY_OP_MULTIPLY ||
           op == ES_BINARY_OP_TRUE_DIVIDE || op == ES_BINARY_OP_FLOOR_DIVIDE || op == ES_BINARY_OP_MODULO ||
           op == ES_BINARY_OP_POWER || op == ES_BINARY_OP_DIVMOD;
}

static es_obj_t int_with_float(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    es_float_t f = es_obj_float_get(rhs);
    if (!is_comparison(op) && !is_float_arith(op)) {
        return ES_OBJ_NULL;
    }
    if (is_comparison(op)) {
        bool unordered;
        int c = es_obj_int_compare_float(lhs, f, &unordered);
        if (unordered) {
            return es_obj_new_bool(op == ES_BINARY_OP_NOT_EQUAL);
        }
        return compare_result(op, c);
    }
    return es_obj_float_binary_op(op, es_obj_int_as_float(lhs), rhs);
}

_Noreturn static void raise_zero_division(es_binary_op_t op) {
    es_raise_msg(&es_type_ZeroDivisionError,
                 op == ES_BINARY_OP_MODULO ? "integer modulo by zero" : "integer division or modulo by zero");
}

_Noreturn static void raise_negative_shift(void) { es_raise_msg(&es_type_ValueError, "negative shift count"); }

static es_obj_t new_pair(es_obj_t a, es_obj_t b) {
    es_obj_t items[2] = {a, b};
    return es_obj_new_tuple(2, items);
}

static es_obj_t true_divide(es_obj_t lhs, es_obj_t rhs) {
    if (es_obj_int_sign(rhs) == 0) {
        es_raise_msg(&es_type_ZeroDivisionError, "division by zero");
    }
    if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs)) {
        es_int_t a = es_small_int_value(lhs), b = es_small_int_value(rhs);
        es_int_t exact = (es_int_t)1 << (FLOAT_MANT_DIG < INT_BITS - 2 ? FLOAT_MANT_DIG : INT_BITS - 2);
        if (a >= -exact && a <= exact && b >= -exact && b <= exact) {
            /* Both convert exactly, so one IEEE division is correctly rounded. */
            return es_obj_new_float((es_float_t)a / (es_float_t)b);
        }
    }
    es_mpz_dig_t abuf[ES_MPZ_LL_DIGS], bbuf[ES_MPZ_LL_DIGS];
    es_mpz_t a, b;
    es_obj_int_get_mpz(lhs, &a, abuf);
    es_obj_int_get_mpz(rhs, &b, bbuf);
    es_float_t f;
    if (!es_mpz_true_div(&a, &b, &f)) {
        es_raise_msg(&es_type_OverflowError, "integer division result too large for a float");
    }
    return es_obj_new_float(f);
}

/* int ** negative int is computed in floats, as CPython does. */
static es_obj_t power_negative(es_obj_t lhs, es_obj_t rhs) {
    es_float_t base = es_obj_int_as_float(lhs);
    return es_obj_float_binary_op(ES_BINARY_OP_POWER, base, es_obj_new_float(es_obj_int_as_float(rhs)));
}

static es_obj_t big_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    es_mpz_dig_t abuf[ES_MPZ_LL_DIGS], bbuf[ES_MPZ_LL_DIGS];
    es_mpz_t a, b, r, r2;
    es_obj_int_get_mpz(lhs, &a, abuf);
    es_obj_int_get_mpz(rhs, &b, bbuf);
    es_mpz_init_zero(&r);
    if (is_comparison(op)) {
        return compare_result(op, es_mpz_cmp(&a, &b));
    }
    switch (op) {
        case ES_BINARY_OP_ADD:
            es_mpz_add(&r, &a, &b);
            break;
        case ES_BINARY_OP_SUBTRACT:
            es_mpz_sub(&r, &a, &b);
            break;
        case ES_BINARY_OP_MULTIPLY:
            es_mpz_mul(&r, &a, &b);
            break;
        case ES_BINARY_OP_FLOOR_DIVIDE:
        case ES_BINARY_OP_MODULO:
        case ES_BINARY_OP_DIVMOD:
            if (es_mpz_is_zero(&b)) {
                raise_zero_division(op);
            }
            if (op == ES_BINARY_OP_FLOOR_DIVIDE) {
                es_mpz_divmod_floor(&r, NULL, &a, &b);
            } else if (op == ES_BINARY_OP_MODULO) {
                es_mpz_divmod_floor(NULL, &r, &a, &b);
            } else {
                es_mpz_init_zero(&r2);
                es_mpz_divmod_floor(&r, &r2, &a, &b);
                es_obj_t q = finish(&r);
                return new_pair(q, finish(&r2));
            }
            break;
        case ES_BINARY_OP_TRUE_DIVIDE:
            return true_divide(lhs, rhs);
        case ES_BINARY_OP_POWER: {
            if (b.neg) {
                return power_negative(lhs, rhs);
            }
            long long e;
            if (!es_mpz_as_ll(&b, &e) || (unsigned long long)e > SIZE_MAX) {
                /* Only 0, 1 and -1 have powers this large that fit in memory. */
                if (es_mpz_is_zero(&a)) {
                    return ES_OBJ_NEW_SMALL_INT(0);
                }
                if (a.len == 1 && a.dig[0] == 1) {
                    return ES_OBJ_NEW_SMALL_INT(a.neg && es_mpz_is_odd(&b) ? -1 : 1);
                }
                es_raise_memory_error();
            }
            es_mpz_pow(&r, &a, (size_t)e);
            break;
        }
        case ES_BINARY_OP_LSHIFT:
        case ES_BINARY_OP_RSHIFT: {
            if (b.neg) {
                raise_negative_shift();
            }
            long long s;
            bool huge = !es_mpz_as_ll(&b, &s) || (unsigned long long)s > SIZE_MAX / 2;
            if (op == ES_BINARY_OP_RSHIFT) {
                if (huge) {
                    return ES_OBJ_NEW_SMALL_INT(a.neg ? -1 : 0);
                }
                es_mpz_shr_floor(&r, &a, (size_t)s);
            } else {
                if (es_mpz_is_zero(&a)) {
                    return ES_OBJ_NEW_SMALL_INT(0);
                }
                if (huge) {
                    es_raise_msg(&es_type_OverflowError, "too many digits in integer");
                }
                es_mpz_shl(&r, &a, (size_t)s);
            }
            break;
        }
        case ES_BINARY_OP_AND:
            es_mpz_and(&r, &a, &b);
            break;
        case ES_BINARY_OP_OR:
            es_mpz_or(&r, &a, &b);
            break;
        case ES_BINARY_OP_XOR:
            es_mpz_xor(&r, &a, &b);
            break;
        default:
            return ES_OBJ_NULL;
    }
    return finish(&r);
}

static es_obj_t small_binary_op(es_binary_op_t op, es_int_t a, es_int_t b, es_obj_t lhs, es_obj_t rhs) {
    es_int_t r;
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
        case ES_BINARY_OP_NOT_EQUAL:
            return es_obj_new_bool(a != b);
        /* Small ints have two spare bits, so sums and differences never overflow es_int_t. */
        case ES_BINARY_OP_ADD:
            return es_obj_new_int(a + b);
        case ES_BINARY_OP_SUBTRACT:
            return es_obj_new_int(a - b);
        case ES_BINARY_OP_MULTIPLY:
            if (mul_overflows(a, b, &r)) {
                return big_binary_op(op, lhs, rhs);
            }
            return es_obj_new_int(r);
        case ES_BINARY_OP_FLOOR_DIVIDE:
            if (b == 0) {
                raise_zero_division(op);
            }
            return es_obj_new_int(es_int_floor_div(a, b));
        case ES_BINARY_OP_MODULO:
            if (b == 0) {
                raise_zero_division(op);
            }
            return es_obj_new_small_int(es_int_floor_mod(a, b));
        case ES_BINARY_OP_DIVMOD:
            if (b == 0) {
                raise_zero_division(op);
            }
            return new_pair(es_obj_new_int(es_int_floor_div(a, b)), es_obj_new_small_int(es_int_floor_mod(a, b)));
        case ES_BINARY_OP_TRUE_DIVIDE:
            return true_divide(lhs, rhs);
        case ES_BINARY_OP_POWER: {
            if (b < 0) {
                return power_negative(lhs, rhs);
            }
            es_int_t result = 1, base = a;
            for (es_int_t e = b;;) {
                if ((e & 1) && mul_overflows(result, base, &result)) {
                    return big_binary_op(op, lhs, rhs);
                }
                e >>= 1;
                if (e == 0) {
                    break;
                }
                if (mul_overflows(base, base, &base)) {
                    return big_binary_op(op, lhs, rhs);
                }
            }
            return es_obj_new_int(result);
        }
        case ES_BINARY_OP_LSHIFT:
            if (b < 0) {
                raise_negative_shift();
            }
            if (a == 0) {
                return lhs;
            }
            if (b < (es_int_t)INT_BITS - 1) {
                r = (es_int_t)((es_uint_t)a << b);
                if ((r >> b) == a) {
                    return es_obj_new_int(r);
                }
            }
            return big_binary_op(op, lhs, rhs);
        case ES_BINARY_OP_RSHIFT:
            if (b < 0) {
                raise_negative_shift();
            }
            /* >> on a negative es_int_t is an arithmetic shift in GCC, i.e. floor division. */
            return es_obj_new_small_int(b >= (es_int_t)INT_BITS ? (a < 0 ? -1 : 0) : a >> b);
        case ES_BINARY_OP_AND:
            return es_obj_new_small_int(a & b);
        case ES_BINARY_OP_OR:
            return es_obj_new_small_int(a | b);
        case ES_BINARY_OP_XOR:
            return es_obj_new_small_int(a ^ b);
        default:
            return ES_OBJ_NULL;
    }
}

es_obj_t es_obj_int_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    if (op >= ES_BINARY_OP_INPLACE_OR && op <= ES_BINARY_OP_INPLACE_POWER) {
        op = (es_binary_op_t)(op + ES_BINARY_OP_INPLACE_OFFSET);
    }
    if (op >= ES_BINARY_OP_REVERSE_OR && op <= ES_BINARY_OP_REVERSE_POWER) {
        /* other OP self: compute it in the forward direction. */
        op = (es_binary_op_t)(op - ES_BINARY_OP_REVERSE_OFFSET);
        es_obj_t t = lhs;
        lhs = rhs;
        rhs = t;
        lhs = int_value(lhs);
        if (es_obj_is_float(lhs)) {
            return es_obj_float_binary_op(op, es_obj_float_get(lhs), rhs);
        }
#if ES_ENABLE_COMPLEX
        if (es_obj_is_complex(lhs)) {
            es_float_t re, im;
            es_obj_complex_get(lhs, &re, &im);
            return es_obj_complex_binary_op(op, re, im, rhs);
        }
#endif
        if (!es_obj_is_int(lhs)) {
            return ES_OBJ_NULL;
        }
    }
    lhs = int_value(lhs);
    rhs = int_value(rhs);
    if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs)) {
        return small_binary_op(op, es_small_int_value(lhs), es_small_int_value(rhs), lhs, rhs);
    }
    if (!es_obj_is_int(rhs)) {
        if (es_obj_is_float(rhs)) {
            return int_with_float(op, lhs, rhs);
        }
#if ES_ENABLE_COMPLEX
        if (es_obj_is_complex(rhs)) {
            if (is_comparison(op) && op != ES_BINARY_OP_EQUAL && op != ES_BINARY_OP_NOT_EQUAL) {
                return ES_OBJ_NULL;
            }
            if (is_comparison(op)) {
                es_float_t re, im;
                es_obj_complex_get(rhs, &re, &im);
                bool unordered;
                bool eq = im == 0 && es_obj_int_compare_float(lhs, re, &unordered) == 0 && !unordered;
                return es_obj_new_bool(eq == (op == ES_BINARY_OP_EQUAL));
            }
            if (op != ES_BINARY_OP_ADD && op != ES_BINARY_OP_SUBTRACT && op != ES_BINARY_OP_MULTIPLY &&
                op != ES_BINARY_OP_TRUE_DIVIDE && op != ES_BINARY_OP_POWER) {
                return ES_OBJ_NULL;
            }
            return es_obj_complex_binary_op(op, es_obj_int_as_float(lhs), 0, rhs);
        }
#endif
        return ES_OBJ_NULL;
    }
    return big_binary_op(op, lhs, rhs);
}

/* ---- pow(a, b, m), round() ----------------------------------------------------------------- */

es_obj_t es_obj_int_pow3(es_obj_t base, es_obj_t exp, es_obj_t mod) {
    base = int_value(base);
    exp = int_value(exp);
    mod = int_value(mod);
    if (!es_obj_is_int(base) || !es_obj_is_int(exp) || !es_obj_is_int(mod)) {
        es_raise_msg(&es_type_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    int msign = es_obj_int_sign(mod);
    if (msign == 0) {
        es_raise_msg(&es_type_ValueError, "pow() 3rd argument cannot be 0");
    }
    if (es_obj_is_small_int(base) && es_obj_is_small_int(exp) && es_obj_is_small_int(mod)) {
        es_int_t b = es_small_int_value(base), e = es_small_int_value(exp), m = es_small_int_value(mod);
        unsigned long long um = m < 0 ? 0 - (unsigned long long)m : (unsigned long long)m;
        if (e >= 0 && um <= 0xffffffffu) {
            /* Products of residues below 2**32 fit in 64 bits. */
            unsigned long long x = (unsigned long long)es_int_floor_mod(b, (es_int_t)um);
            unsigned long long r = 1 % um;
            for (; e != 0; e >>= 1) {
                if (e & 1) {
                    r = r * x % um;
                }
                x = x * x % um;
            }
            es_int_t result = (es_int_t)r;
            if (m < 0 && result != 0) {
                result += m;
            }
            return es_obj_new_small_int(result);
        }
    }
    es_mpz_dig_t bbuf[ES_MPZ_LL_DIGS], ebuf[ES_MPZ_LL_DIGS], mbuf[ES_MPZ_LL_DIGS];
    es_mpz_t b, e, m, r, mabs;
    es_obj_int_get_mpz(base, &b, bbuf);
    es_obj_int_get_mpz(exp, &e, ebuf);
    es_obj_int_get_mpz(mod, &m, mbuf);
    es_mpz_init_zero(&r);
    if (e.neg) {
        /* A negative exponent means a power of the inverse of base (Python 3.8). */
        es_mpz_init_zero(&mabs);
        es_mpz_abs(&mabs, &m);
        if (!es_mpz_inverse_mod(&r, &b, &mabs)) {
            es_raise_msg(&es_type_ValueError, "base is not invertible for the given modulus");
        }
        es_mpz_t eabs;
        es_mpz_init_zero(&eabs);
        es_mpz_abs(&eabs, &e);
        es_mpz_pow_mod(&r, &r, &eabs, &m);
        es_mpz_deinit(&eabs);
        es_mpz_deinit(&mabs);
    } else {
        es_mpz_pow_mod(&r, &b, &e, &m);
    }
    return finish(&r);
}

/* ndigits as a C integer, clamped: huge values behave like the extreme ones. */
static es_int_t get_ndigits(es_obj_t ndigits) {
    es_obj_t n = int_value(ndigits);
    if (!es_obj_is_int(n)) {
        es_obj_t idx = call_int_slot(ndigits, ES_UNARY_OP_INDEX);
        if (idx == ES_OBJ_NULL) {
            es_raise_msg_varg(&es_type_TypeError, "'%s' object cannot be interpreted as an integer",
                              es_obj_type_name(ndigits));
        }
        n = idx;
    }
    es_int_t v;
    if (!es_obj_int_fits_int_t(n, &v) || v < INTPTR_MIN / 2 || v > INTPTR_MAX / 2) {
        v = es_obj_int_sign(n) < 0 ? INTPTR_MIN / 2 : INTPTR_MAX / 2; /* so -v cannot overflow */
    }
    return v;
}

es_obj_t es_int_round(es_obj_t i, es_obj_t ndigits) {
    i = int_value(i);
    if (ndigits == ES_OBJ_NULL || ndigits == ES_OBJ_NONE) {
        return i;
    }
    es_int_t n = get_ndigits(ndigits);
    if (n >= 0) {
        return i;
    }
    es_mpz_dig_t ibuf[ES_MPZ_LL_DIGS];
    es_mpz_t z, p, q, r;
    es_obj_int_get_mpz(i, &z, ibuf);
    if ((es_uint_t)-n > es_mpz_bit_length(&z) + 1) {
        /* 10**-n > 2 * |i|: the nearest multiple is zero. */
        return ES_OBJ_NEW_SMALL_INT(0);
    }
    es_mpz_init_zero(&p);
    es_mpz_init_zero(&q);
    es_mpz_init_zero(&r);
    es_mpz_set_ll(&p, 10);
    es_mpz_pow(&p, &p, (size_t)-n);
    es_mpz_divmod_floor(&q, &r, &z, &p);
    /* Round half to even: compare twice the remainder with the divisor. */
    es_mpz_add(&r, &r, &r);
    int c = es_mpz_cmp(&r, &p);
    if (c > 0 || (c == 0 && es_mpz_is_odd(&q))) {
        es_mpz_t one;
        es_mpz_dig_t one_buf[ES_MPZ_LL_DIGS];
        es_mpz_init_fixed_ll(&one, one_buf, 1);
        es_mpz_add(&q, &q, &one);
    }
    es_mpz_mul(&q, &q, &p);
    es_mpz_deinit(&p);
    es_mpz_deinit(&r);
    return finish(&q);
}

/* ---- bytes --------------------------------------------------------------------------------- */

bool es_obj_int_to_bytes_buf(es_obj_t i, uint8_t *buf, size_t len, bool big_endian, bool is_signed) {
    es_mpz_dig_t dbuf[ES_MPZ_LL_DIGS];
    es_mpz_t z;
    es_obj_int_get_mpz(i, &z, dbuf);
    return es_mpz_as_bytes(&z, buf, len, big_endian, is_signed);
}

es_obj_t es_obj_int_from_bytes_buf(const uint8_t *buf, size_t len, bool big_endian, bool is_signed) {
    es_mpz_t z;
    es_mpz_init_zero(&z);
    es_mpz_set_bytes(&z, buf, len, big_endian, is_signed);
    return finish(&z);
}

static bool parse_byteorder(es_obj_t order) {
    if (!es_obj_is_str(order)) {
        es_raise_msg_varg(&es_type_TypeError, "to_bytes() argument 'byteorder' must be str, not %s",
                          es_obj_type_name(order));
    }
    size_t len;
    const char *s = es_obj_str_get_data(order, &len);
    if (len == 3 && memcmp(s, "big", 3) == 0) {
        return true;
    }
    if (len == 6 && memcmp(s, "little", 6) == 0) {
        return false;
    }
    es_raise_msg(&es_type_ValueError, "byteorder must be either 'little' or 'big'");
}

static es_obj_t int_to_bytes(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_length, ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_SMALL_INT(1)}},
        {ES_Q_byteorder, ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_QSTR(ES_Q_big)}},
        {ES_Q_signed, ES_ARG_BOOL | ES_ARG_KW_ONLY, {.u_bool = false}},
    };
    es_arg_val_t vals[3];
    es_arg_parse_all(n_args - 1, args + 1, kw_args, 3, allowed, vals);
    es_obj_t self = int_value(args[0]);
    es_int_t len = es_obj_get_int(vals[0].u_obj);
    if (len < 0) {
        es_raise_msg(&es_type_ValueError, "length argument must be non-negative");
    }
    bool big_endian = parse_byteorder(vals[1].u_obj);
    bool is_signed = vals[2].u_bool;
    if (!is_signed && es_obj_int_sign(self) < 0) {
        es_raise_msg(&es_type_OverflowError, "can't convert negative int to unsigned");
    }
    uint8_t small[16];
    uint8_t *buf = (size_t)len <= sizeof(small) ? small : es_alloc((size_t)len);
    if (!es_obj_int_to_bytes_buf(self, buf, (size_t)len, big_endian, is_signed)) {
        es_raise_msg(&es_type_OverflowError, "int too big to convert");
    }
    es_obj_t result = es_obj_new_bytes(buf, (size_t)len);
    if (buf != small) {
        es_free(buf);
    }
    return result;
}
static ES_DEFINE_FUN_KW(int_to_bytes_obj, ES_Q_to_bytes, 1, int_to_bytes);

static es_obj_t int_from_bytes(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_bytes, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_byteorder, ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_QSTR(ES_Q_big)}},
        {ES_Q_signed, ES_ARG_BOOL | ES_ARG_KW_ONLY, {.u_bool = false}},
    };
    es_arg_val_t vals[3];
    /* args[0] is the class (a classmethod). */
    es_arg_parse_all(n_args - 1, args + 1, kw_args, 3, allowed, vals);
    bool big_endian = parse_byteorder(vals[1].u_obj);
    es_obj_t src = vals[0].u_obj;
    const char *data;
    size_t len;
    if (es_obj_is_str(src)) {
        es_raise_msg(&es_type_TypeError, "cannot convert 'str' object to bytes");
    }
    if (es_parse_num_get_text(src, &data, &len)) {
        return es_obj_int_from_bytes_buf((const uint8_t *)data, len, big_endian, vals[2].u_bool);
    }
    /* Any iterable of ints in 0..255. */
    es_vstr_t vstr;
    es_vstr_init(&vstr, 16);
    es_obj_t iter = es_getiter(src, NULL);
    for (es_obj_t x; (x = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        es_int_t v = es_obj_get_int(x);
        if (v < 0 || v > 255) {
            es_raise_msg(&es_type_ValueError, "bytes must be in range(0, 256)");
        }
        es_vstr_add_byte(&vstr, (uint8_t)v);
    }
    es_obj_t result = es_obj_int_from_bytes_buf((const uint8_t *)vstr.buf, vstr.len, big_endian, vals[2].u_bool);
    es_vstr_clear(&vstr);
    return result;
}
static ES_DEFINE_FUN_KW(int_from_bytes_fun_obj, ES_Q_from_bytes, 1, int_from_bytes);
static const es_obj_static_class_method_t int_from_bytes_obj = {{&es_type_classmethod},
                                                                ES_OBJ_FROM_CONST(int_from_bytes_fun_obj)};

/* ---- methods ---------------------------------------------------------------------------- */

static es_obj_t int_bit_length(es_obj_t self) {
    self = int_value(self);
    if (es_obj_is_small_int(self)) {
        es_int_t v = es_small_int_value(self);
        es_uint_t mag = v < 0 ? 0 - (es_uint_t)v : (es_uint_t)v;
        es_int_t n = 0;
        while (mag != 0) {
            mag >>= 1;
            n++;
        }
        return es_obj_new_small_int(n);
    }
    es_mpz_t z;
    es_obj_int_get_mpz(self, &z, NULL);
    return es_obj_new_int_from_ull(es_mpz_bit_length(&z));
}
static ES_DEFINE_FUN_1(int_bit_length_obj, ES_Q_bit_length, int_bit_length);

static es_obj_t int_bit_count(es_obj_t self) {
    es_mpz_dig_t buf[ES_MPZ_LL_DIGS];
    es_mpz_t z;
    es_obj_int_get_mpz(self, &z, buf);
    size_t count = 0;
    for (size_t i = 0; i < z.len; i++) {
        for (es_mpz_dig_t d = z.dig[i]; d != 0; d &= (es_mpz_dig_t)(d - 1)) {
            count++;
        }
    }
    return es_obj_new_int_from_ull(count);
}
static ES_DEFINE_FUN_1(int_bit_count_obj, ES_Q_bit_count, int_bit_count);

static es_obj_t int_conjugate(es_obj_t self) { return int_value(self); }
static ES_DEFINE_FUN_1(int_conjugate_obj, ES_Q_conjugate, int_conjugate);

static es_obj_t int_as_integer_ratio(es_obj_t self) { return new_pair(int_value(self), ES_OBJ_NEW_SMALL_INT(1)); }
static ES_DEFINE_FUN_1(int_as_integer_ratio_obj, ES_Q_as_integer_ratio, int_as_integer_ratio);

static es_obj_t int_round_method(size_t n_args, const es_obj_t *args) {
    return es_int_round(args[0], n_args > 1 ? args[1] : ES_OBJ_NULL);
}
static ES_DEFINE_FUN_VAR(int_round_obj, ES_Q___round__, 1, 2, int_round_method);

static es_obj_t int_trunc(es_obj_t self) { return int_value(self); }
static ES_DEFINE_FUN_1(int_trunc_obj, ES_Q___trunc__, int_trunc);

static void int_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return; /* store and delete: ints are immutable */
    }
    if (attr == ES_Q_real || attr == ES_Q_numerator) {
        dest[0] = int_value(self);
    } else if (attr == ES_Q_imag) {
        dest[0] = ES_OBJ_NEW_SMALL_INT(0);
    } else if (attr == ES_Q_denominator) {
        dest[0] = ES_OBJ_NEW_SMALL_INT(1);
    }
}

static const es_map_elem_t int_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_bit_length), ES_OBJ_FROM_CONST(int_bit_length_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_bit_count), ES_OBJ_FROM_CONST(int_bit_count_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_to_bytes), ES_OBJ_FROM_CONST(int_to_bytes_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_from_bytes), ES_OBJ_FROM_CONST(int_from_bytes_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_conjugate), ES_OBJ_FROM_CONST(int_conjugate_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_as_integer_ratio), ES_OBJ_FROM_CONST(int_as_integer_ratio_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___round__), ES_OBJ_FROM_CONST(int_round_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___trunc__), ES_OBJ_FROM_CONST(int_trunc_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___floor__), ES_OBJ_FROM_CONST(int_trunc_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___ceil__), ES_OBJ_FROM_CONST(int_trunc_obj)},
};
static ES_DEFINE_CONST_DICT(int_locals_dict, int_locals_table);

const es_type_t es_type_int = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    .name = ES_Q_int,
    .print = int_print,
    .make_new = int_make_new,
    .unary_op = es_obj_int_unary_op,
    .binary_op = es_obj_int_binary_op,
    .attr = int_attr,
    .locals_dict = (es_obj_dict_t *)&int_locals_dict,
};
