/* parsenum.c: text to int, float and complex, with Python's rules for signs, prefixes, underscores and spaces. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "py/objint.h"
#include "py/parsenum.h"
#include "py/runtime.h"

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static bool is_decimal(char c) { return c >= '0' && c <= '9'; }

static int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    return 99;
}

static void strip_spaces(const char **s, const char **end) {
    while (*s < *end && is_space(**s)) {
        (*s)++;
    }
    while (*end > *s && is_space((*end)[-1])) {
        (*end)--;
    }
}

/* The text shown in an error message: the original object when there is one. */
static es_obj_t text_for_error(const char *s, size_t len, es_obj_t text_obj) {
    return text_obj != ES_OBJ_NULL ? text_obj : es_obj_new_str(s, len);
}

bool es_parse_num_get_text(es_obj_t o, const char **data, size_t *len) {
    if (es_obj_is_str_or_bytes(o)) {
        *data = es_obj_str_get_data(o, len);
        return true;
    }
    if (es_obj_is_small_int(o) || es_obj_is_float(o) || es_obj_is_int(o)) {
        return false;
    }
    const es_type_t *type = es_obj_get_type(o);
    es_buffer_info_t info;
    if (type->buffer != NULL && type->buffer(o, &info, ES_BUFFER_READ) == 0) {
        *data = info.buf;
        *len = info.len;
        return true;
    }
    return false;
}

/* ---- integers --------------------------------------------------------------------------- */

_Noreturn static void raise_bad_int(const char *s, size_t len, int base, es_obj_t text_obj) {
    es_obj_t exc = es_obj_new_exception_msg_varg(&es_type_ValueError, "invalid literal for int() with base %d: %R",
                                                 base, text_for_error(s, len, text_obj));
    es_raise(exc);
}

es_obj_t es_parse_num_int_text(const char *s, size_t len, int base, es_obj_t text_obj) {
    const char *p = s, *end = s + len;
    strip_spaces(&p, &end);
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    /* An optional prefix; after it a single underscore may come before the first digit. */
    bool had_prefix = false;
    int used_base = base;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int prefix_base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (prefix_base != 0 && (base == 0 || base == prefix_base)) {
            used_base = prefix_base;
            had_prefix = true;
            p += 2;
        }
    }
    bool leading_zero_rule = false;
    if (used_base == 0) {
        /* Base 0 without prefix is decimal, where "0" may only be followed by more zeros. */
        used_base = 10;
        leading_zero_rule = p < end && *p == '0';
    }
    /* Copy the digits without underscores, checking where underscores stand. */
    char small[32];
    size_t max = (size_t)(end - p);
    char *digits = max <= sizeof(small) ? small : es_alloc(max);
    size_t n = 0;
    bool prev_digit = false;
    for (const char *q = p; q < end; q++) {
        if (*q == '_') {
            if (!(prev_digit || (had_prefix && q == p)) || q + 1 == end) {
                goto bad;
            }
            prev_digit = false;
            continue;
        }
        if (digit_value(*q) >= used_base) {
            goto bad;
        }
        if (leading_zero_rule && *q != '0') {
            goto bad;
        }
        digits[n++] = *q;
        prev_digit = true;
    }
    if (n == 0) {
        goto bad;
    }
    es_obj_t result;
    es_int_t v = 0;
    size_t i = 0;
    /* Accumulate in a C integer while it cannot overflow; longer numbers go to mpz. */
    for (; i < n && v <= (ES_SMALL_INT_MAX - 35) / used_base; i++) {
        v = v * used_base + digit_value(digits[i]);
    }
    if (i == n) {
        result = es_obj_new_small_int(neg ? -v : v);
    } else {
        const char *d = digits;
        result = es_obj_new_int_from_str_len(&d, n, neg, (unsigned)used_base);
    }
    if (digits != small) {
        es_free(digits);
    }
    return result;
bad:
    if (digits != small) {
        es_free(digits);
    }
    raise_bad_int(s, len, base, text_obj);
}

es_obj_t es_parse_num_integer(const char *s, size_t len, int base) {
    return es_parse_num_int_text(s, len, base, ES_OBJ_NULL);
}

/* ---- floats ------------------------------------------------------------------------------- */

static bool match_word(const char *p, const char *end, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(end - p) < n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if ((p[i] | 0x20) != word[i]) {
            return false;
        }
    }
    return true;
}

/* Digits with single underscores between them, copied to out; returns how many digits. */
static size_t scan_digits(const char **p, const char *end, es_vstr_t *out, bool *ok) {
    size_t n = 0;
    const char *q = *p;
    while (q < end) {
        if (is_decimal(*q)) {
            es_vstr_add_byte(out, (uint8_t)*q);
            n++;
            q++;
        } else if (*q == '_' && n > 0 && q + 1 < end && is_decimal(q[1]) && is_decimal(q[-1])) {
            q++;
        } else {
            break;
        }
    }
    if (q < end && *q == '_') {
        *ok = false;
    }
    *p = q;
    return n;
}

/*
** Reads one real number at *p: sign, then inf, infinity, nan or decimal digits with a point
** and an exponent. Returns false (leaving *p alone) when no number starts there.
*/
static bool scan_float(const char **p, const char *end, es_float_t *value) {
    const char *q = *p;
    bool neg = false;
    if (q < end && (*q == '+' || *q == '-')) {
        neg = *q == '-';
        q++;
    }
    if (match_word(q, end, "infinity")) {
        *value = neg ? -(es_float_t)INFINITY : (es_float_t)INFINITY;
        *p = q + 8;
        return true;
    }
    if (match_word(q, end, "inf")) {
        *value = neg ? -(es_float_t)INFINITY : (es_float_t)INFINITY;
        *p = q + 3;
        return true;
    }
    if (match_word(q, end, "nan")) {
        *value = neg ? -(es_float_t)NAN : (es_float_t)NAN;
        *p = q + 3;
        return true;
    }
    char small[40];
    es_vstr_t text;
    es_vstr_init_fixed_buf(&text, sizeof(small), small);
    es_vstr_t big;
    big.buf = NULL;
    es_vstr_t *out = &text;
    if ((size_t)(end - q) >= sizeof(small) - 2) {
        es_vstr_init(&big, (size_t)(end - q) + 2);
        out = &big;
    }
    bool ok = true;
    size_t n = scan_digits(&q, end, out, &ok);
    if (q < end && *q == '.') {
        es_vstr_add_byte(out, '.');
        q++;
        if (q < end && *q == '_') {
            ok = false;
        }
        n += scan_digits(&q, end, out, &ok);
    }
    if (n == 0 || !ok) {
        goto fail;
    }
    if (q < end && (*q == 'e' || *q == 'E')) {
        const char *e = q + 1;
        es_vstr_add_byte(out, 'e');
        if (e < end && (*e == '+' || *e == '-')) {
            es_vstr_add_byte(out, (uint8_t)*e);
            e++;
        }
        if (e < end && *e == '_') {
            goto fail;
        }
        if (scan_digits(&e, end, out, &ok) == 0 || !ok) {
            goto fail;
        }
        q = e;
    }
    es_vstr_add_byte(out, 0);
    /* The syntax is checked; strtod does the correctly rounded conversion. */
#if ES_FLOAT_IS_SINGLE
    es_float_t v = strtof(out->buf, NULL);
#else
    es_float_t v = strtod(out->buf, NULL);
#endif
    if (out == &big) {
        es_vstr_clear(&big);
    }
    *value = neg ? -v : v;
    *p = q;
    return true;
fail:
    if (out == &big) {
        es_vstr_clear(&big);
    }
    return false;
}

_Noreturn static void raise_bad_float(const char *s, size_t len, es_obj_t text_obj) {
    es_raise(es_obj_new_exception_msg_varg(&es_type_ValueError, "could not convert string to float: %R",
                                           text_for_error(s, len, text_obj)));
}

static es_obj_t parse_float(const char *s, size_t len, bool allow_imag, es_obj_t text_obj) {
    const char *p = s, *end = s + len;
    strip_spaces(&p, &end);
    es_float_t value;
    if (!scan_float(&p, end, &value)) {
        raise_bad_float(s, len, text_obj);
    }
    if (allow_imag && p + 1 == end && (*p == 'j' || *p == 'J')) {
#if ES_ENABLE_COMPLEX
        return es_obj_new_complex(0, value);
#else
        es_raise_msg(&es_type_ValueError, "complex values not supported");
#endif
    }
    if (p != end) {
        raise_bad_float(s, len, text_obj);
    }
    return es_obj_new_float(value);
}

es_obj_t es_parse_num_float(const char *s, size_t len, bool allow_imag) {
    return parse_float(s, len, allow_imag, ES_OBJ_NULL);
}

es_obj_t es_parse_num_float_text(const char *s, size_t len, es_obj_t text_obj) {
    return parse_float(s, len, false, text_obj);
}

/* ---- complex ------------------------------------------------------------------------------ */

#if ES_ENABLE_COMPLEX
es_obj_t es_parse_num_complex(const char *s, size_t len) {
    const char *p = s, *end = s + len;
    strip_spaces(&p, &end);
    if (p < end && *p == '(') {
        if (end[-1] != ')') {
            goto bad;
        }
        p++;
        end--;
        strip_spaces(&p, &end);
    }
    es_float_t real = 0, imag = 0, x;
    if (scan_float(&p, end, &x)) {
        if (p < end && (*p == 'j' || *p == 'J')) {
            imag = x;
            p++;
        } else {
            real = x;
            if (p < end && (*p == '+' || *p == '-')) {
                if (scan_float(&p, end, &x)) {
                    imag = x;
                } else {
                    /* "1+j": an imaginary part with no digits is 1. */
                    imag = *p == '-' ? -1 : 1;
                    p++;
                }
                if (!(p < end && (*p == 'j' || *p == 'J'))) {
                    goto bad;
                }
                p++;
            }
        }
    } else {
        /* "j", "+j", "-j" */
        if (p < end && (*p == '+' || *p == '-')) {
            imag = *p == '-' ? -1 : 1;
            p++;
        } else {
            imag = 1;
        }
        if (!(p < end && (*p == 'j' || *p == 'J'))) {
            goto bad;
        }
        p++;
    }
    if (p != end) {
        goto bad;
    }
    return es_obj_new_complex(real, imag);
bad:
    es_raise_msg(&es_type_ValueError, "complex() arg is a malformed string");
}
#endif
