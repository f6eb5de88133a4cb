/* strings_stubs.c: weak stand-ins for number and VM pieces the strings driver needs while they are
 * missing. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/objstr.h"
#include "py/runtime.h"

#define WEAK __attribute__((weak))

static void float_print(const es_print_t *print, es_obj_t o, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_vstr_t v;
    es_vstr_init(&v, 32);
    es_format_float(&v, es_obj_float_get(o), 'r', -1);
    es_print_strn(print, v.buf, v.len);
}
static void int_print(const es_print_t *print, es_obj_t o, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_printf(print, "%ld", (long)es_small_int_value(o));
}
static es_obj_t int_unary(es_unary_op_t op, es_obj_t o) {
    if (op == ES_UNARY_OP_HASH) return o;
    if (op == ES_UNARY_OP_BOOL) return es_obj_new_bool(es_small_int_value(o) != 0);
    return ES_OBJ_NULL;
}
static es_obj_t int_binary(es_binary_op_t op, es_obj_t a, es_obj_t b) {
    if (op == ES_BINARY_OP_EQUAL && es_obj_is_small_int(b)) return es_obj_new_bool(a == b);
    if (op == ES_BINARY_OP_MULTIPLY && !es_obj_is_small_int(b)) {
        const es_type_t *t = es_obj_get_type(b);
        if (t->binary_op) return t->binary_op(ES_BINARY_OP_REVERSE_MULTIPLY, b, a);
    }
    return ES_OBJ_NULL;
}
WEAK const es_type_t es_type_int = {.base = {&es_type_type},
                                    .name = ES_Q_int,
                                    .print = int_print,
                                    .unary_op = int_unary,
                                    .binary_op = int_binary};
WEAK const es_type_t es_type_float = {
    .base = {&es_type_type}, .name = ES_Q_float, .print = float_print};
WEAK const es_type_t es_type_memoryview = {.base = {&es_type_type}, .name = ES_Q_memoryview};
WEAK const es_type_t es_type_generator = {.base = {&es_type_type}, .name = ES_Q_generator};
WEAK const es_type_t es_type_function = {.base = {&es_type_type}, .name = ES_Q_function};
WEAK const es_type_t es_type_closure = {.base = {&es_type_type}, .name = ES_Q_closure};
WEAK const es_type_t es_type_complex = {.base = {&es_type_type}, .name = ES_Q_complex};
WEAK const es_type_t es_type_cell = {.base = {&es_type_type}, .name = ES_Q_cell};
WEAK const es_type_t es_type_module = {.base = {&es_type_type}, .name = ES_Q_module};
WEAK const es_obj_module_t es_module_builtins = {{&es_type_module}, NULL};

WEAK bool es_obj_is_int(es_obj_t o) {
    return es_obj_is_small_int(o);
}
WEAK es_obj_t es_obj_new_int(es_int_t v) {
    return es_obj_new_small_int(v);
}
WEAK es_obj_t es_obj_new_int_from_ll(long long v) {
    return es_obj_new_small_int((es_int_t)v);
}
WEAK es_obj_t es_obj_new_int_from_float(es_float_t v) {
    return es_obj_new_small_int((es_int_t)v);
}
WEAK bool es_obj_int_fits_int_t(es_obj_t o, es_int_t *v) {
    *v = es_small_int_value(o);
    return true;
}
WEAK es_float_t es_obj_int_as_float(es_obj_t o) {
    return (es_float_t)es_small_int_value(o);
}
WEAK es_obj_t es_obj_new_float(es_float_t x) {
    es_obj_float_t *f = es_new(es_obj_float_t);
    f->base.type = &es_type_float;
    f->value = x;
    return es_obj_from_ptr(f);
}
WEAK es_float_t es_obj_float_get(es_obj_t o) {
    return ((es_obj_float_t *)es_obj_to_ptr(o))->value;
}
WEAK void es_obj_cell_set(es_obj_t c, es_obj_t v) {
    ES_UNUSED(c);
    ES_UNUSED(v);
}
WEAK void es_sched_keyboard_interrupt(void) {}
WEAK void es_handle_pending(void) {}

WEAK void es_obj_int_format_digits(es_vstr_t *vstr, es_obj_t i, unsigned base, bool upper) {
    es_int_t v = es_small_int_value(i);
    unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    char buf[80], *p = buf + sizeof(buf);
    const char *d = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        *--p = d[m % base];
        m /= base;
    } while (m);
    if (v < 0) *--p = '-';
    es_vstr_add_strn(vstr, p, (size_t)(buf + sizeof(buf) - p));
}

WEAK void es_format_float(es_vstr_t *vstr, es_float_t x, char type, int prec) {
    char buf[512];
    if (isinf(x) || isnan(x)) {
        const char *s = isnan(x) ? "nan" : "inf";
        if (signbit(x) && !isnan(x)) es_vstr_add_byte(vstr, '-');
        bool up = type == 'E' || type == 'F' || type == 'G';
        es_vstr_add_str(vstr, up ? (isnan(x) ? "NAN" : "INF") : s);
        if (type == '%') es_vstr_add_byte(vstr, '%');
        return;
    }
    if (type == 'r') {
        for (int p = 1; p <= 17; p++) {
            snprintf(buf, sizeof(buf), "%.*g", p, x);
            if (strtod(buf, NULL) == x) break;
        }
        /* Python's repr: exponent form only below 1e-4 or from 1e16 */
        double ax = fabs(x);
        if (ax != 0 && (ax < 1e-4 || ax >= 1e16)) {
            char *e = strchr(buf, 'e');
            if (e == NULL) {
                int p;
                for (p = 1; p <= 17; p++) {
                    snprintf(buf, sizeof(buf), "%.*e", p - 1, x);
                    if (strtod(buf, NULL) == x) break;
                }
            }
            /* strip trailing zeros of the mantissa */
            char *ep = strchr(buf, 'e');
            char mant[64], ex[16];
            size_t ml = (size_t)(ep - buf);
            memcpy(mant, buf, ml);
            mant[ml] = 0;
            strcpy(ex, ep);
            if (strchr(mant, '.')) {
                size_t l = strlen(mant);
                while (mant[l - 1] == '0')
                    mant[--l] = 0;
                if (mant[l - 1] == '.') mant[--l] = 0;
            }
            snprintf(buf, sizeof(buf), "%s%s", mant, ex);
        } else {
            snprintf(buf, sizeof(buf), "%.17f", x);
            for (int p = 0; p <= 17; p++) {
                snprintf(buf, sizeof(buf), "%.*f", p, x);
                if (strtod(buf, NULL) == x) break;
            }
            if (!strchr(buf, '.')) strcat(buf, ".0");
        }
        es_vstr_add_str(vstr, buf);
        return;
    }
    if (prec < 0) prec = 6;
    if (type == '%') {
        snprintf(buf, sizeof(buf), "%.*f%%", prec, x * 100);
    } else {
        char f[8] = {'%', '.', '*', type, 0};
        snprintf(buf, sizeof(buf), f, prec, x);
    }
    es_vstr_add_str(vstr, buf);
}

/* The compiler and VM are not needed by the driver. */
WEAK void es_compile_to_code(void) { es_fatal_error("no compiler in the strings driver"); }
WEAK void es_exec_function(void) { es_fatal_error("no VM in the strings driver"); }
WEAK void es_exec_source(void) { es_fatal_error("no VM in the strings driver"); }
