/* formatfloat.c: floats to text, laid out exactly as CPython's float formatting (repr and e/f/g/%). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/formatfloat.h"
#include "py/runtime.h"

/* Significant digits that always identify a float uniquely. */
#if ES_FLOAT_IS_SINGLE
#define ROUND_TRIP_DIGITS (9)
#else
#define ROUND_TRIP_DIGITS (17)
#endif

/*
** A float as decimal digits: value = 0.DIGITS * 10**decpt, with no leading or trailing
** zeros in DIGITS (zero is "0" with decpt 1). The C library's printf does the correctly
** rounded conversion; this file only lays the digits out.
*/
typedef struct {
    char *digits;
    int len;
    int decpt;
    char small[40];
} decimal_t;

static void decimal_free(decimal_t *d) {
    if (d->digits != d->small) {
        es_free(d->digits);
    }
}

/* printf into buf: "%.*e" (exponent form) or "%.*f"; returns the length it needs. */
static int print_float(char *buf, size_t size, bool exp_form, int precision, double x) {
    if (exp_form) {
        return snprintf(buf, size, "%.*e", precision, x);
    }
    return snprintf(buf, size, "%.*f", precision, x);
}

/* Formats x (finite, non-negative) with printf into d->digits, growing it as needed. */
static void print_into(decimal_t *d, bool exp_form, int precision, double x) {
    int n = print_float(d->small, sizeof(d->small), exp_form, precision, x);
    d->digits = d->small;
    if (n >= (int)sizeof(d->small)) {
        d->digits = es_alloc((size_t)n + 1);
        print_float(d->digits, (size_t)n + 1, exp_form, precision, x);
    }
}

/* Turns printf's "d.ddde+XX" or "ddd.ddd" in place into bare digits and a decimal point position. */
static void normalise(decimal_t *d) {
    char *s = d->digits;
    char *e = strchr(s, 'e');
    int exp10 = 0;
    if (e != NULL) {
        exp10 = atoi(e + 1);
        *e = 0;
    }
    /* Drop the point, noting how many digits stood before it. */
    int before = 0, len = 0;
    bool seen_point = false;
    for (char *p = s; *p; p++) {
        if (*p == '.') {
            seen_point = true;
            continue;
        }
        if (!seen_point) {
            before++;
        }
        s[len++] = *p;
    }
    int start = 0;
    while (start < len && s[start] == '0') {
        start++;
    }
    if (start == len) {
        s[0] = '0';
        d->len = 1;
        d->decpt = 1;
        return;
    }
    int decpt = before - start + exp10;
    while (len > start && s[len - 1] == '0') {
        len--;
    }
    memmove(s, s + start, (size_t)(len - start));
    d->len = len - start;
    d->decpt = decpt;
}

static bool round_trips(const char *text, es_float_t x) {
#if ES_FLOAT_IS_SINGLE
    return strtof(text, NULL) == x;
#else
    return strtod(text, NULL) == x;
#endif
}

/* Writes "+XX" or "-XXX" (at least two digits) and a terminating NUL. */
static void write_exponent(char *out, int exp) {
    *out++ = exp < 0 ? '-' : '+';
    unsigned v = (unsigned)(exp < 0 ? -exp : exp);
    char tmp[12];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0 || n < 2);
    while (n > 0) {
        *out++ = tmp[--n];
    }
    *out = 0;
}

/*
** Steps the last digit of printf's "d.ddde+XX" text up or down by one, carrying or borrowing
** through the digits; a carry out of the leading digit bumps the exponent ("9.9e+00" -> "1.0e+01").
*/
static void step_last_digit(char *text, bool up) {
    char *e = strchr(text, 'e');
    char *p = e - 1;
    for (;; p--) {
        if (*p == '.') {
            continue;
        }
        if (up ? *p != '9' : *p != '0') {
            *p = (char)(*p + (up ? 1 : -1));
            break;
        }
        *p = up ? '0' : '9';
        if (p == text) {
            if (up) {
                /* 9.99 -> 10.00: write 1.000 and raise the exponent. */
                *p = '1';
                write_exponent(e + 1, atoi(e + 1) + 1);
            }
            break;
        }
    }
}

/*
** True when some decimal of `ndigits` significant digits reads back as x, leaving it in d.
** The nearest such decimal is printf's; at a power of two the gap below x is half the gap
** above, so the nearest may miss while its neighbour on the other side still reads back.
*/
static bool digits_round_trip(decimal_t *d, es_float_t x, int ndigits) {
    print_into(d, true, ndigits - 1, (double)x);
#if ES_FLOAT_IS_SINGLE
    es_float_t back = strtof(d->digits, NULL);
#else
    es_float_t back = strtod(d->digits, NULL);
#endif
    if (back == x) {
        return true;
    }
    step_last_digit(d->digits, back < x);
    return round_trips(d->digits, x);
}

/* The shortest digit string that reads back as x (CPython's repr); the digit counts that
** round-trip form an upward-closed range, so a binary search finds the least. */
static void shortest_digits(decimal_t *d, es_float_t x) {
    int lo = 1, hi = ROUND_TRIP_DIGITS;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (digits_round_trip(d, x, mid)) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    digits_round_trip(d, x, lo);
    normalise(d);
}

/* Lays out digits as CPython's format_float_short does for 'e', 'f', 'g' and 'r'. */
static void layout(es_vstr_t *out, const decimal_t *d, char type, int precision, bool alt, bool add_dot_0,
                   bool upper) {
    int decpt = d->decpt;
    int vdigits_end = d->len;
    bool use_exp = false;
    switch (type) {
        case 'e':
            use_exp = true;
            vdigits_end = precision;
            break;
        case 'f':
            vdigits_end = decpt + precision;
            break;
        case 'g':
            if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) {
                use_exp = true;
            }
            if (alt) {
                vdigits_end = precision;
            }
            break;
        default: /* 'r' */
            if (decpt <= -4 || decpt > 16) {
                use_exp = true;
            }
            break;
    }
    int exp = 0;
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0) {
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    } else {
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
    }
    size_t start_len = out->len;
    if (decpt <= 0) {
        for (int i = 0; i < decpt - vdigits_start; i++) {
            es_vstr_add_byte(out, '0');
        }
        es_vstr_add_byte(out, '.');
        for (int i = 0; i < -decpt; i++) {
            es_vstr_add_byte(out, '0');
        }
    } else {
        for (int i = 0; i < -vdigits_start; i++) {
            es_vstr_add_byte(out, '0');
        }
    }
    if (0 < decpt && decpt <= d->len) {
        es_vstr_add_strn(out, d->digits, (size_t)decpt);
        es_vstr_add_byte(out, '.');
        es_vstr_add_strn(out, d->digits + decpt, (size_t)(d->len - decpt));
    } else {
        es_vstr_add_strn(out, d->digits, (size_t)d->len);
    }
    if (d->len < decpt) {
        for (int i = 0; i < decpt - d->len; i++) {
            es_vstr_add_byte(out, '0');
        }
        es_vstr_add_byte(out, '.');
        for (int i = 0; i < vdigits_end - decpt; i++) {
            es_vstr_add_byte(out, '0');
        }
    } else {
        for (int i = 0; i < vdigits_end - d->len; i++) {
            es_vstr_add_byte(out, '0');
        }
    }
    if (out->len > start_len && out->buf[out->len - 1] == '.' && !alt) {
        out->len--;
    }
    if (use_exp) {
        es_vstr_printf(out, "%c%c%02d", upper ? 'E' : 'e', exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
}

void es_format_float_ex(es_vstr_t *vstr, es_float_t x, char type, int precision, unsigned flags) {
    bool alt = (flags & ES_FORMAT_FLOAT_ALT) != 0;
    bool add_dot_0 = false;
    bool upper = type == 'E' || type == 'F' || type == 'G';
    bool percent = type == '%';
    char code = (char)(upper ? type + ('a' - 'A') : type);
    if (percent) {
        code = 'f';
        x *= 100;
    } else if (code == 'n') {
        code = 'g';
    } else if (code == '\0') {
        /* No type: repr, or 'g' that keeps a ".0", as format() does. */
        add_dot_0 = true;
        code = precision < 0 ? 'r' : 'g';
    } else if (code == 'r') {
        add_dot_0 = (flags & ES_FORMAT_FLOAT_NO_DOT0) == 0;
    }
    if (precision < 0) {
        precision = 6;
    }
    if (isnan(x)) {
        es_vstr_add_str(vstr, upper ? "NAN" : "nan");
    } else if (isinf(x)) {
        es_vstr_add_str(vstr, x < 0 ? (upper ? "-INF" : "-inf") : (upper ? "INF" : "inf"));
    } else {
        if (signbit(x)) {
            es_vstr_add_byte(vstr, '-');
            x = -x;
        }
        decimal_t d;
        switch (code) {
            case 'e':
                precision++;
                print_into(&d, true, precision - 1, (double)x);
                normalise(&d);
                break;
            case 'f':
                print_into(&d, false, precision, (double)x);
                normalise(&d);
                break;
            case 'g':
                if (precision == 0) {
                    precision = 1;
                }
                print_into(&d, true, precision - 1, (double)x);
                normalise(&d);
                break;
            default:
                code = 'r';
                shortest_digits(&d, x);
                break;
        }
        layout(vstr, &d, code, precision, alt, add_dot_0, upper);
        decimal_free(&d);
    }
    if (percent) {
        es_vstr_add_byte(vstr, '%');
    }
}

void es_format_float(es_vstr_t *vstr, es_float_t x, char type, int precision) {
    es_format_float_ex(vstr, x, type, precision, 0);
}
