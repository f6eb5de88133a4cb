/* objstrformat.c: text formatting: the % operator, str.format, format() and the format-spec mini-language. */

#include <math.h>
#include <string.h>

#include "py/objstr.h"
#include "py/runtime.h"

#if __has_include("py/objint.h")
#include "py/objint.h"
#endif
#if __has_include("py/formatfloat.h")
#include "py/formatfloat.h"
#endif
/* Provided by the numbers code (py/objint.c, py/formatfloat.c). */
void es_obj_int_format_digits(es_vstr_t *vstr, es_obj_t i, unsigned base, bool upper);
void es_format_float(es_vstr_t *vstr, es_float_t x, char type, int precision);

/* ---- the format-spec mini-language ------------------------------------------------------------ */

/* [[fill]align][sign][z][#][0][width][grouping][.precision][type] */
typedef struct spec_t {
    es_unichar_t fill;
    char align;     /* 0 (the type's default), '<', '>', '^' or '=' */
    char sign;      /* 0, '+', '-' or ' ' */
    bool no_neg_zero;
    bool alt;       /* '#' */
    bool zero;      /* '0' before the width */
    char grouping;  /* 0, ',' or '_' */
    char type;      /* 0 when absent */
    es_int_t width; /* -1 when absent */
    es_int_t precision;
} spec_t;


static bool is_align(es_unichar_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

static es_int_t parse_decimal(const uint8_t **p, const uint8_t *end) {
    es_int_t n = 0;
    while (*p < end && **p >= '0' && **p <= '9') {
        if (n > 100000000) {
            es_raise_msg(&es_type_ValueError, "Too many decimal digits in format string");
        }
        n = n * 10 + (**p - '0');
        (*p)++;
    }
    return n;
}

/* type_name names the formatted value's type for the error messages. */
static void parse_spec(const uint8_t *s, size_t len, spec_t *spec, const char *type_name) {
    memset(spec, 0, sizeof(*spec));
    spec->fill = ' ';
    spec->width = -1;
    spec->precision = -1;
    const uint8_t *p = s, *end = s + len;
    if (p == end) {
        return;
    }
    /* A fill character is any code point followed by an align character. */
    const uint8_t *q = p;
    es_unichar_t first = es_utf8_decode(&q);
    if (q < end && is_align(*q)) {
        spec->fill = first;
        spec->align = (char)*q;
        p = q + 1;
    } else if (is_align(*p)) {
        spec->align = (char)*p++;
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) {
        spec->sign = (char)*p++;
    }
    if (p < end && *p == 'z') {
        spec->no_neg_zero = true;
        p++;
    }
    if (p < end && *p == '#') {
        spec->alt = true;
        p++;
    }
    if (p < end && *p == '0') {
        spec->zero = true;
        p++;
    }
    if (p < end && *p >= '0' && *p <= '9') {
        spec->width = parse_decimal(&p, end);
    }
    if (p < end && (*p == ',' || *p == '_')) {
        spec->grouping = (char)*p++;
        if (p < end && (*p == ',' || *p == '_')) {
            es_raise_msg(&es_type_ValueError, "Cannot specify both ',' and '_'.");
        }
    }
    if (p < end && *p == '.') {
        p++;
        if (p == end || *p < '0' || *p > '9') {
            es_raise_msg(&es_type_ValueError, "Format specifier missing precision");
        }
        spec->precision = parse_decimal(&p, end);
    }
    if (p < end) {
        spec->type = (char)*p++;
    }
    if (p != end) {
        es_raise_msg_varg(&es_type_ValueError, "Invalid format specifier '%.*s' for object of type '%s'", (int)len,
                          (const char *)s, type_name);
    }
}

static void add_fill(es_vstr_t *out, es_unichar_t fill, es_int_t n) {
    for (es_int_t i = 0; i < n; i++) {
        es_vstr_add_char(out, fill);
    }
}

/* Appends prefix (sign, 0x) and body padded to width as align says; chars counts code points. */
static void emit_padded(es_vstr_t *out, const spec_t *spec, char default_align, const char *prefix, size_t plen,
                        const char *body, size_t blen, size_t body_chars) {
    es_int_t pad = spec->width - (es_int_t)(plen + body_chars);
    char align = spec->align != 0 ? spec->align : default_align;
    if (pad <= 0) {
        es_vstr_add_strn(out, prefix, plen);
        es_vstr_add_strn(out, body, blen);
        return;
    }
    switch (align) {
        case '<':
            es_vstr_add_strn(out, prefix, plen);
            es_vstr_add_strn(out, body, blen);
            add_fill(out, spec->fill, pad);
            break;
        case '^':
            add_fill(out, spec->fill, pad / 2);
            es_vstr_add_strn(out, prefix, plen);
            es_vstr_add_strn(out, body, blen);
            add_fill(out, spec->fill, pad - pad / 2);
            break;
        case '=':
            es_vstr_add_strn(out, prefix, plen);
            add_fill(out, spec->fill, pad);
            es_vstr_add_strn(out, body, blen);
            break;
        default:
            add_fill(out, spec->fill, pad);
            es_vstr_add_strn(out, prefix, plen);
            es_vstr_add_strn(out, body, blen);
            break;
    }
}

/*
** Inserts a separator every `every` digits, counting from the end of the digit run
** digits[0..n). With min_len > 0 leading zeros are added first until the grouped
** text is at least min_len long (the 0 flag pads inside the grouping, as CPython does).
*/
static void add_grouped(es_vstr_t *out, const char *digits, size_t n, char sep, size_t every, size_t min_len) {
    size_t zeros = 0;
    if (sep == 0) {
        if (n < min_len) {
            zeros = min_len - n;
        }
        add_fill(out, '0', (es_int_t)zeros);
        es_vstr_add_strn(out, digits, n);
        return;
    }
    while (n + zeros + (n + zeros - 1) / every < min_len) {
        zeros++;
    }
    size_t total = n + zeros;
    for (size_t i = 0; i < total; i++) {
        if (i > 0 && (total - i) % every == 0) {
            es_vstr_add_byte(out, (uint8_t)sep);
        }
        es_vstr_add_byte(out, i < zeros ? '0' : (uint8_t)digits[i - zeros]);
    }
}

/* Writes sign and prefix for a number. */
static size_t make_sign(char *buf, bool negative, char sign_flag) {
    if (negative) {
        buf[0] = '-';
        return 1;
    }
    if (sign_flag == '+' || sign_flag == ' ') {
        buf[0] = sign_flag;
        return 1;
    }
    return 0;
}

static void format_int_spec(es_vstr_t *out, es_obj_t value, spec_t *spec) {
    char type = spec->type;
    if (type != 0 && strchr("bcdnoxX", type) == NULL) {
        es_raise_msg_varg(&es_type_ValueError, "Unknown format code '%c' for object of type 'int'", type);
    }
    if (spec->no_neg_zero) {
        es_raise_msg(&es_type_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    }
    if (spec->precision >= 0) {
        es_raise_msg(&es_type_ValueError, "Precision not allowed in integer format specifier");
    }
    if (type == 'c') {
        if (spec->sign != 0) {
            es_raise_msg(&es_type_ValueError, "Sign not allowed with integer format specifier 'c'");
        }
        if (spec->alt) {
            es_raise_msg(&es_type_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
        }
        es_int_t c;
        if (!es_obj_get_int_maybe(value, &c) || c < 0 || c > 0x10ffff) {
            es_raise_msg(&es_type_OverflowError, "%c arg not in range(0x110000)");
        }
        uint8_t buf[4];
        size_t n = es_utf8_encode((es_unichar_t)c, buf);
        emit_padded(out, spec, '<', "", 0, (const char *)buf, n, 1);
        return;
    }
    unsigned base = 10;
    const char *prefix = "";
    switch (type) {
        case 0:
        case 'd':
        case 'n':
            break;
        case 'b':
            base = 2;
            prefix = "0b";
            break;
        case 'o':
            base = 8;
            prefix = "0o";
            break;
        case 'x':
            base = 16;
            prefix = "0x";
            break;
        case 'X':
            base = 16;
            prefix = "0X";
            break;
        default:
            es_raise_msg_varg(&es_type_ValueError, "Unknown format code '%c' for object of type 'int'", type);
    }
    if (spec->grouping == ',' && base != 10) {
        es_raise_msg_varg(&es_type_ValueError, "Cannot specify ',' with '%c'.", type);
    }
    if (spec->grouping != 0 && type == 'n') {
        es_raise_msg_varg(&es_type_ValueError, "Cannot specify '%c' with 'n'.", spec->grouping);
    }
    es_vstr_t digits;
    es_vstr_init(&digits, 24);
    es_obj_int_format_digits(&digits, value, base, type == 'X');
    const char *d = digits.buf;
    size_t n = digits.len;
    bool negative = n > 0 && d[0] == '-';
    if (negative) {
        d++;
        n--;
    }
    char head[8];
    size_t hlen = make_sign(head, negative, spec->sign);
    if (spec->alt && base != 10) {
        memcpy(head + hlen, prefix, 2);
        hlen += 2;
    }
    size_t min_len = 0;
    if (spec->zero && spec->align == 0 && spec->width > (es_int_t)hlen) {
        min_len = (size_t)spec->width - hlen;
    }
    es_vstr_t body;
    es_vstr_init(&body, n + 8);
    add_grouped(&body, d, n, spec->grouping, base == 10 ? 3 : 4, min_len);
    if (spec->zero && spec->align == 0) {
        spec->fill = '0';
        spec->align = '=';
    }
    emit_padded(out, spec, '>', head, hlen, body.buf, body.len, body.len);
    es_vstr_clear(&body);
    es_vstr_clear(&digits);
}

static void format_float_spec(es_vstr_t *out, es_float_t x, spec_t *spec) {
    char type = spec->type;
    es_int_t prec = spec->precision;
    bool general = false; /* no type: like 'g' but keeps a '.0' and uses repr without precision */
    switch (type) {
        case 0:
            general = true;
            type = prec < 0 ? 'r' : 'g';
            if (prec == 0) {
                prec = 1;
            }
            break;
        case 'n':
            type = 'g';
            break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case '%':
            break;
        default:
            es_raise_msg_varg(&es_type_ValueError, "Unknown format code '%c' for object of type 'float'", type);
    }
    bool negative = signbit(x) != 0;
    if (negative) {
        x = -x;
    }
    es_vstr_t num;
    es_vstr_init(&num, 32);
    if (spec->alt && (type == 'g' || type == 'G') && isfinite(x)) {
        /* '#' keeps the trailing zeros 'g' would drop: choose 'e' or 'f' by the exponent as 'g' does. */
        int p = prec < 0 ? 6 : prec == 0 ? 1 : (int)prec;
        es_format_float(&num, x, 'e', p - 1);
        const char *e = memchr(num.buf, 'e', num.len);
        int exp10 = 0;
        for (const char *q = e + 2; q < num.buf + num.len; q++) {
            exp10 = exp10 * 10 + (*q - '0');
        }
        if (e[1] == '-') {
            exp10 = -exp10;
        }
        if (exp10 >= -4 && exp10 < p) {
            num.len = 0;
            es_format_float(&num, x, 'f', p - 1 - exp10);
        } else if (type == 'G') {
            num.buf[e - num.buf] = 'E';
        }
    } else {
        es_format_float(&num, x, type, type == 'r' ? -1 : (int)(prec < 0 ? 6 : prec));
    }
    if (spec->no_neg_zero && negative) {
        /* 'z': a value that rounds to zero loses its minus sign */
        bool all_zero = true;
        for (size_t i = 0; i < num.len; i++) {
            char c = num.buf[i];
            if (c >= '1' && c <= '9') {
                all_zero = false;
            }
            if (c == 'e' || c == 'E') {
                break;
            }
        }
        negative = !all_zero;
    }
    bool finite = isfinite(x);
    if (general && finite) {
        /* With no type a fixed-point result keeps one fraction digit ('1.0'); when that digit
        ** would exceed the precision, exponent notation is used instead (format(100.0, '.3')). */
        bool has_point = memchr(num.buf, '.', num.len) != NULL || memchr(num.buf, 'e', num.len) != NULL;
        if (!has_point && type == 'g' && (es_int_t)num.len >= prec) {
            es_vstr_clear(&num);
            es_vstr_init(&num, 32);
            es_format_float(&num, x, 'e', (int)prec - 1);
            char *e = memchr(num.buf, 'e', num.len);
            char *m = e;
            if (memchr(num.buf, '.', (size_t)(e - num.buf)) != NULL) {
                while (m[-1] == '0') {
                    m--;
                }
                if (m[-1] == '.') {
                    m--;
                }
            }
            size_t exp_len = (size_t)(num.buf + num.len - e);
            memmove(m, e, exp_len);
            num.len = (size_t)(m - num.buf) + exp_len;
        } else if (!has_point) {
            es_vstr_add_strn(&num, ".0", 2);
        }
    }
    if (spec->alt && finite && memchr(num.buf, '.', num.len) == NULL) {
        /* '#' keeps the decimal point even without fraction digits. */
        size_t at = num.len;
        for (size_t i = 0; i < num.len; i++) {
            if (num.buf[i] == 'e' || num.buf[i] == 'E' || num.buf[i] == '%') {
                at = i;
                break;
            }
        }
        es_vstr_ins_strn(&num, at, ".", 1);
    }
    char head[4];
    size_t hlen = make_sign(head, negative, spec->sign);
    es_vstr_t body;
    es_vstr_init(&body, num.len + 8);
    size_t min_len = 0;
    if (spec->zero && spec->align == 0 && spec->width > (es_int_t)hlen && finite) {
        min_len = (size_t)spec->width - hlen;
    }
    /* Group the integer digits; the rest (fraction, exponent, %) follows as it is. */
    size_t int_digits = 0;
    while (int_digits < num.len && num.buf[int_digits] >= '0' && num.buf[int_digits] <= '9') {
        int_digits++;
    }
    size_t rest = num.len - int_digits;
    add_grouped(&body, num.buf, int_digits, finite ? spec->grouping : 0, 3, min_len > rest ? min_len - rest : 0);
    es_vstr_add_strn(&body, num.buf + int_digits, rest);
    if (spec->zero && spec->align == 0) {
        spec->fill = '0';
        spec->align = '=';
    }
    emit_padded(out, spec, '>', head, hlen, body.buf, body.len, body.len);
    es_vstr_clear(&body);
    es_vstr_clear(&num);
}

static void format_str_spec(es_vstr_t *out, es_obj_t value, spec_t *spec) {
    if (spec->type != 0 && spec->type != 's') {
        es_raise_msg_varg(&es_type_ValueError, "Unknown format code '%c' for object of type 'str'", spec->type);
    }
    if (spec->no_neg_zero) {
        es_raise_msg(&es_type_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (spec->sign != 0) {
        es_raise_msg(&es_type_ValueError, "Sign not allowed in string format specifier");
    }
    if (spec->alt) {
        es_raise_msg(&es_type_ValueError, "Alternate form (#) not allowed in string format specifier");
    }
    if (spec->grouping != 0) {
        es_raise_msg_varg(&es_type_ValueError, "Cannot specify '%c' with 's'.", spec->grouping);
    }
    if (spec->align == '=') {
        es_raise_msg(&es_type_ValueError, "'=' alignment not allowed in string format specifier");
    }
    size_t len;
    const uint8_t *d = es_str_bytes(value, &len);
    size_t chars = es_utf8_count(d, len);
    if (spec->precision >= 0 && (size_t)spec->precision < chars) {
        chars = (size_t)spec->precision;
        len = es_utf8_offset(d, len, chars);
    }
    if (spec->zero && spec->align == 0) {
        spec->fill = '0';
    }
    emit_padded(out, spec, '<', "", 0, (const char *)d, len, chars);
}

static bool is_bool(es_obj_t o) { return o == ES_OBJ_TRUE || o == ES_OBJ_FALSE; }

static es_obj_t str_of(es_obj_t o, es_print_kind_t kind) {
    if (kind == ES_PRINT_STR && es_obj_is_str(o)) {
        return o;
    }
    es_vstr_t v;
    es_print_t print;
    es_vstr_init_print(&v, 16, &print);
    es_obj_print_helper(&print, o, kind);
    return es_obj_new_str_from_vstr(&es_type_str, &v);
}

/* Formats value by spec into out (the body of format(value, spec)). */
static void format_value(es_vstr_t *out, es_obj_t value, es_obj_t spec_obj) {
    size_t slen;
    const uint8_t *s = es_str_bytes(spec_obj, &slen);
    const es_type_t *type = es_obj_get_type(value);
    bool builtin = (type->flags & ES_TYPE_FLAG_IS_USER_CLASS) == 0;
    if (builtin && (es_obj_is_str(value) || es_obj_is_int(value) || is_bool(value) || es_obj_is_float(value))) {
        if (slen == 0) {
            es_obj_t str = str_of(value, ES_PRINT_STR);
            size_t len;
            const uint8_t *d = es_str_bytes(str, &len);
            es_vstr_add_strn(out, (const char *)d, len);
            return;
        }
        spec_t spec;
        parse_spec(s, slen, &spec, es_obj_type_name(value));
        if (es_obj_is_str(value)) {
            format_str_spec(out, value, &spec);
        } else if (es_obj_is_float(value)) {
            format_float_spec(out, es_obj_float_get(value), &spec);
        } else if (strchr("eEfFgG%", spec.type) != NULL && spec.type != 0) {
            format_float_spec(out, es_obj_get_float(value), &spec);
        } else {
            if (is_bool(value)) {
                value = es_obj_new_small_int(value == ES_OBJ_TRUE);
            }
            format_int_spec(out, value, &spec);
        }
        return;
    }
    es_obj_t dest[3] = {ES_OBJ_NULL, ES_OBJ_NULL, ES_OBJ_NULL};
    /* Only user classes are asked: object.__format__ of built-in values comes back here.
    ** Look in the class first: an instance's attribute slot may raise AttributeError when absent. */
    if (!builtin && es_type_lookup(type, ES_Q___format__) != ES_OBJ_NULL) {
        es_load_method_maybe(value, ES_Q___format__, dest);
    }
    if (dest[0] != ES_OBJ_NULL) {
        dest[2] = spec_obj;
        es_obj_t r = es_call_method_n_kw(1, 0, dest);
        if (!es_obj_is_str(r)) {
            es_raise_msg_varg(&es_type_TypeError, "__format__ must return a str, not %s", es_obj_type_name(r));
        }
        size_t len;
        const uint8_t *d = es_str_bytes(r, &len);
        es_vstr_add_strn(out, (const char *)d, len);
        return;
    }
    if (slen != 0) {
        es_raise_msg_varg(&es_type_TypeError, "unsupported format string passed to %s.__format__",
                          es_obj_type_name(value));
    }
    es_obj_t str = str_of(value, ES_PRINT_STR);
    size_t len;
    const uint8_t *d = es_str_bytes(str, &len);
    es_vstr_add_strn(out, (const char *)d, len);
}

es_obj_t es_obj_format(es_obj_t value, es_obj_t spec) {
    if (spec == ES_OBJ_NULL) {
        spec = ES_OBJ_NEW_QSTR(ES_Q__S_empty);
    } else if (!es_obj_is_str(spec)) {
        es_raise_msg_varg(&es_type_TypeError, "format() argument 2 must be str, not %s", es_obj_type_name(spec));
    }
    if (es_obj_is_str(value) && es_obj_get_type(value) == &es_type_str) {
        size_t slen;
        es_str_bytes(spec, &slen);
        if (slen == 0) {
            return value;
        }
    }
    es_vstr_t out;
    es_vstr_init(&out, 16);
    format_value(&out, value, spec);
    return es_obj_new_str_from_vstr(&es_type_str, &out);
}

/* ---- str.format ----------------------------------------------------------------------------------- */

typedef struct format_ctx_t {
    size_t n_args; /* positional arguments (after self) */
    const es_obj_t *args;
    es_map_t *kw;       /* str.format keywords, or NULL */
    es_obj_t mapping;   /* format_map's mapping, or NULL */
    es_int_t next_auto; /* next automatic field number; -1 once manual numbering is used */
    bool used_auto;
} format_ctx_t;

_Noreturn static void raise_key_error_str(const uint8_t *s, size_t len) {
    es_raise_key_error(es_obj_new_str((const char *)s, len));
}

static bool all_digits(const uint8_t *s, size_t len) {
    if (len == 0) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

static es_int_t digits_value(const uint8_t *s, size_t len) {
    es_int_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (n > (ES_SMALL_INT_MAX - 9) / 10) {
            es_raise_msg(&es_type_ValueError, "Too many decimal digits in format string");
        }
        n = n * 10 + (s[i] - '0');
    }
    return n;
}

static es_obj_t positional_arg(format_ctx_t *ctx, es_int_t index) {
    if (index < 0 || (size_t)index >= ctx->n_args) {
        es_raise_msg_varg(&es_type_IndexError, "Replacement index %d out of range for positional args tuple",
                          (int)index);
    }
    return ctx->args[index];
}

/* Looks up the argument a field name starts with: '', a number or a keyword. */
static es_obj_t field_arg(format_ctx_t *ctx, const uint8_t *name, size_t len) {
    if (len == 0) {
        if (ctx->mapping != ES_OBJ_NULL) {
            es_raise_msg(&es_type_ValueError, "Format string contains positional fields");
        }
        if (ctx->next_auto < 0) {
            es_raise_msg(&es_type_ValueError,
                         "cannot switch from manual field specification to automatic field numbering");
        }
        ctx->used_auto = true;
        return positional_arg(ctx, ctx->next_auto++);
    }
    if (all_digits(name, len)) {
        if (ctx->mapping != ES_OBJ_NULL) {
            es_raise_msg(&es_type_ValueError, "Format string contains positional fields");
        }
        if (ctx->used_auto) {
            es_raise_msg(&es_type_ValueError,
                         "cannot switch from automatic field numbering to manual field specification");
        }
        ctx->next_auto = -1;
        return positional_arg(ctx, digits_value(name, len));
    }
    es_obj_t key = es_obj_new_str((const char *)name, len);
    if (ctx->mapping != ES_OBJ_NULL) {
        return es_obj_subscr(ctx->mapping, key, ES_OBJ_SENTINEL);
    }
    if (ctx->kw != NULL) {
        es_map_elem_t *e = es_map_lookup(ctx->kw, key, ES_MAP_LOOKUP);
        if (e != NULL) {
            return e->value;
        }
    }
    raise_key_error_str(name, len);
}

/* Resolves a whole field name: arg_name ('.' attribute | '[' index ']')* */
static es_obj_t resolve_field(format_ctx_t *ctx, const uint8_t *s, size_t len) {
    const uint8_t *p = s, *end = s + len;
    while (p < end && *p != '.' && *p != '[') {
        p++;
    }
    es_obj_t value = field_arg(ctx, s, (size_t)(p - s));
    while (p < end) {
        if (*p == '.') {
            const uint8_t *attr = ++p;
            while (p < end && *p != '.' && *p != '[') {
                p++;
            }
            if (p == attr) {
                es_raise_msg(&es_type_ValueError, "Empty attribute in format string");
            }
            value = es_load_attr(value, es_qstr_from_strn((const char *)attr, (size_t)(p - attr)));
        } else if (*p == '[') {
            const uint8_t *key = ++p;
            while (p < end && *p != ']') {
                p++;
            }
            if (p == end) {
                es_raise_msg(&es_type_ValueError, "Missing ']' in format string");
            }
            if (p == key) {
                es_raise_msg(&es_type_ValueError, "Empty attribute in format string");
            }
            size_t klen = (size_t)(p - key);
            es_obj_t index = all_digits(key, klen) ? es_obj_new_small_int(digits_value(key, klen))
                                                   : es_obj_new_str((const char *)key, klen);
            value = es_obj_subscr(value, index, ES_OBJ_SENTINEL);
            p++;
            if (p < end && *p != '.' && *p != '[') {
                es_raise_msg(&es_type_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            break;
        }
    }
    return value;
}

static void format_template(es_vstr_t *out, format_ctx_t *ctx, const uint8_t *s, size_t len, int depth);

/* One replacement field, the text between the braces. */
static void format_field(es_vstr_t *out, format_ctx_t *ctx, const uint8_t *s, size_t len, int depth) {
    const uint8_t *p = s, *end = s + len;
    /* The field name ends at '!' or ':' outside brackets. */
    while (p < end && *p != '!' && *p != ':') {
        if (*p == '[') {
            while (p < end && *p != ']') {
                p++;
            }
            if (p == end) {
                break;
            }
        }
        p++;
    }
    const uint8_t *name_end = p;
    char conv = 0;
    if (p < end && *p == '!') {
        if (p + 1 >= end) {
            es_raise_msg(&es_type_ValueError, "end of string while looking for conversion specifier");
        }
        conv = (char)p[1];
        p += 2;
        if (p < end && *p != ':') {
            es_raise_msg(&es_type_ValueError, "expected ':' after conversion specifier");
        }
    }
    es_obj_t value = resolve_field(ctx, s, (size_t)(name_end - s));
    switch (conv) {
        case 0:
            break;
        case 'r':
            value = str_of(value, ES_PRINT_REPR);
            break;
        case 's':
            value = str_of(value, ES_PRINT_STR);
            break;
        case 'a': {
            es_obj_t r = str_of(value, ES_PRINT_REPR);
            es_vstr_t v;
            es_vstr_init(&v, 16);
            size_t rlen;
            const uint8_t *rd = es_str_bytes(r, &rlen), *rp = rd, *re = rd + rlen;
            while (rp < re) {
                es_unichar_t c = es_utf8_decode(&rp);
                if (c < 0x80) {
                    es_vstr_add_byte(&v, (uint8_t)c);
                } else {
                    es_vstr_printf(&v, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)c);
                }
            }
            value = es_obj_new_str_from_vstr(&es_type_str, &v);
            break;
        }
        default:
            es_raise_msg_varg(&es_type_ValueError, "Unknown conversion specifier %c", conv);
    }
    es_obj_t spec = ES_OBJ_NEW_QSTR(ES_Q__S_empty);
    if (p < end && *p == ':') {
        p++;
        if (memchr(p, '{', (size_t)(end - p)) != NULL) {
            /* Nested fields in the spec are expanded first. */
            if (depth >= 1) {
                es_raise_msg(&es_type_ValueError, "Max string recursion exceeded");
            }
            es_vstr_t sv;
            es_vstr_init(&sv, 16);
            format_template(&sv, ctx, p, (size_t)(end - p), depth + 1);
            spec = es_obj_new_str_from_vstr(&es_type_str, &sv);
        } else {
            spec = es_obj_new_str((const char *)p, (size_t)(end - p));
        }
    }
    format_value(out, value, spec);
}

static void format_template(es_vstr_t *out, format_ctx_t *ctx, const uint8_t *s, size_t len, int depth) {
    const uint8_t *p = s, *end = s + len;
    while (p < end) {
        const uint8_t *run = p;
        while (p < end && *p != '{' && *p != '}') {
            p++;
        }
        es_vstr_add_strn(out, (const char *)run, (size_t)(p - run));
        if (p == end) {
            break;
        }
        if (*p == '}') {
            if (p + 1 < end && p[1] == '}') {
                es_vstr_add_byte(out, '}');
                p += 2;
                continue;
            }
            es_raise_msg(&es_type_ValueError, "Single '}' encountered in format string");
        }
        if (p + 1 < end && p[1] == '{') {
            es_vstr_add_byte(out, '{');
            p += 2;
            continue;
        }
        /* Find the matching close brace, allowing nested fields in the spec. */
        const uint8_t *field = ++p;
        int level = 1;
        bool in_brackets = false;
        while (p < end) {
            if (in_brackets) {
                in_brackets = *p != ']';
            } else if (*p == '[') {
                in_brackets = true;
            } else if (*p == '{') {
                level++;
            } else if (*p == '}' && --level == 0) {
                break;
            }
            p++;
        }
        if (p == end) {
            if (field == end) {
                es_raise_msg(&es_type_ValueError, "Single '{' encountered in format string");
            }
            es_raise_msg(&es_type_ValueError, level > 1 || memchr(field, '!', (size_t)(end - field)) != NULL
                                                  ? "unmatched '{' in format spec"
                                                  : "expected '}' before end of string");
        }
        format_field(out, ctx, field, (size_t)(p - field), depth);
        p++;
    }
}

static es_obj_t str_format(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    if (!es_obj_is_str(args[0])) {
        es_raise_msg_varg(&es_type_TypeError, "descriptor 'format' requires a 'str' object but received a '%s'",
                          es_obj_type_name(args[0]));
    }
    format_ctx_t ctx = {n_args - 1, args + 1, kw, ES_OBJ_NULL, 0, false};
    size_t len;
    const uint8_t *s = es_str_bytes(args[0], &len);
    es_vstr_t out;
    es_vstr_init(&out, len + 16);
    format_template(&out, &ctx, s, len, 0);
    return es_obj_new_str_from_vstr(&es_type_str, &out);
}
ES_DEFINE_FUN_KW(es_strmeth_format_obj, ES_Q_format, 1, str_format);

static es_obj_t str_format_map(es_obj_t self, es_obj_t mapping) {
    if (!es_obj_is_str(self)) {
        es_raise_msg(&es_type_TypeError, "format_map() requires a str");
    }
    format_ctx_t ctx = {0, NULL, NULL, mapping, 0, false};
    size_t len;
    const uint8_t *s = es_str_bytes(self, &len);
    es_vstr_t out;
    es_vstr_init(&out, len + 16);
    format_template(&out, &ctx, s, len, 0);
    return es_obj_new_str_from_vstr(&es_type_str, &out);
}
ES_DEFINE_FUN_2(es_strmeth_format_map_obj, ES_Q_format_map, str_format_map);

/* ---- the % operator ---------------------------------------------------------------------------------- */

typedef struct modulo_args_t {
    size_t n;
    es_obj_t *items;
    size_t next;
    es_obj_t mapping; /* NULL unless the right operand is a mapping */
} modulo_args_t;

static es_obj_t next_arg(modulo_args_t *a) {
    if (a->next >= a->n) {
        es_raise_msg(&es_type_TypeError, "not enough arguments for format string");
    }
    return a->items[a->next++];
}

static es_int_t star_arg(modulo_args_t *a) {
    es_obj_t o = next_arg(a);
    es_int_t v;
    if (es_obj_is_float(o) || !es_obj_get_int_maybe(o, &v)) {
        es_raise_msg(&es_type_TypeError, "* wants int");
    }
    return v;
}

/* The number a numeric conversion works on: ints stay ints; floats become ints for %d/%i/%u. */
static es_obj_t modulo_int_value(es_obj_t v, char conv) {
    if (es_obj_is_int(v)) {
        return v;
    }
    if (v == ES_OBJ_TRUE || v == ES_OBJ_FALSE) {
        return es_obj_new_small_int(v == ES_OBJ_TRUE);
    }
    if (es_obj_is_float(v) && (conv == 'd' || conv == 'i' || conv == 'u')) {
        return es_obj_new_int_from_float(es_obj_float_get(v));
    }
    es_int_t i;
    if (!es_obj_is_float(v) && !es_obj_is_str(v) && es_obj_get_int_maybe(v, &i)) {
        return es_obj_new_int(i);
    }
    if (conv == 'd' || conv == 'i' || conv == 'u') {
        es_raise_msg_varg(&es_type_TypeError, "%%%c format: a real number is required, not %s", conv,
                          es_obj_type_name(v));
    }
    es_raise_msg_varg(&es_type_TypeError, "%%%c format: an integer is required, not %s", conv, es_obj_type_name(v));
}

/* Applies width and '-' to already converted text (chars counts code points). */
static void modulo_pad(es_vstr_t *out, const char *head, size_t hlen, const char *body, size_t blen, size_t chars,
                       es_int_t width, bool left, bool zero) {
    spec_t spec;
    memset(&spec, 0, sizeof(spec));
    spec.fill = zero && !left ? '0' : ' ';
    spec.align = left ? '<' : zero ? '=' : '>';
    spec.width = width;
    emit_padded(out, &spec, '>', head, hlen, body, blen, chars);
}

/* Appends the str (or for bytes, the bytes) of one %s/%r/%a/%b argument. */
static void modulo_text(es_vstr_t *out, es_obj_t v, char conv, bool is_bytes, size_t *chars) {
    size_t start = out->len;
    if (is_bytes && (conv == 's' || conv == 'b')) {
        es_buffer_info_t info;
        if (!es_str_get_buffer(v, &info, ES_BUFFER_READ)) {
            es_obj_t dest[2];
            es_load_method_maybe(v, ES_Q___bytes__, dest);
            if (dest[0] == ES_OBJ_NULL) {
                es_raise_msg_varg(&es_type_TypeError,
                                  "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                                  es_obj_type_name(v));
            }
            es_obj_t b = es_call_method_n_kw(0, 0, dest);
            es_str_get_buffer_raise(b, &info, ES_BUFFER_READ);
        }
        es_vstr_add_strn(out, info.buf, info.len);
        *chars = info.len;
        return;
    }
    es_obj_t s = str_of(v, conv == 's' ? ES_PRINT_STR : ES_PRINT_REPR);
    size_t len;
    const uint8_t *d = es_str_bytes(s, &len);
    if (conv == 'a' || (is_bytes && conv == 'r')) {
        const uint8_t *p = d, *end = d + len;
        while (p < end) {
            es_unichar_t c = es_utf8_decode(&p);
            if (c < 0x80) {
                es_vstr_add_byte(out, (uint8_t)c);
            } else {
                es_vstr_printf(out, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)c);
            }
        }
    } else {
        es_vstr_add_strn(out, (const char *)d, len);
    }
    *chars = es_utf8_count((const uint8_t *)out->buf + start, out->len - start);
}

es_obj_t es_str_modulo_format(es_obj_t self, es_obj_t args) {
    bool is_bytes = !es_obj_is_str(self);
    modulo_args_t a = {1, NULL, 0, ES_OBJ_NULL};
    es_obj_t single = args;
    if (es_obj_is_type(args, &es_type_tuple)) {
        es_obj_get_array(args, &a.n, &a.items);
    } else {
        a.items = &single;
        const es_type_t *t = es_obj_get_type(args);
        bool user = (t->flags & ES_TYPE_FLAG_IS_USER_CLASS) != 0;
        if (!es_obj_is_str_or_bytes(args) && !es_obj_is_type(args, &es_type_bytearray) && t->subscr != NULL &&
            (!user || es_type_lookup(t, ES_Q___getitem__) != ES_OBJ_NULL)) {
            a.mapping = args;
        }
    }
    size_t len;
    const uint8_t *fmt = es_str_bytes(self, &len);
    const uint8_t *p = fmt, *end = fmt + len;
    es_vstr_t out;
    es_vstr_init(&out, len + 16);
    while (p < end) {
        const uint8_t *run = p;
        while (p < end && *p != '%') {
            p++;
        }
        es_vstr_add_strn(&out, (const char *)run, (size_t)(p - run));
        if (p == end) {
            break;
        }
        p++;
        es_obj_t value = ES_OBJ_NULL;
        if (p < end && *p == '(') {
            if (a.mapping == ES_OBJ_NULL) {
                es_raise_msg(&es_type_TypeError, "format requires a mapping");
            }
            const uint8_t *key = ++p;
            int depth = 1;
            while (p < end) {
                if (*p == '(') {
                    depth++;
                } else if (*p == ')' && --depth == 0) {
                    break;
                }
                p++;
            }
            if (p == end) {
                es_raise_msg(&es_type_ValueError, "incomplete format key");
            }
            es_obj_t k = is_bytes ? es_obj_new_bytes(key, (size_t)(p - key))
                                  : es_obj_new_str((const char *)key, (size_t)(p - key));
            value = es_obj_subscr(a.mapping, k, ES_OBJ_SENTINEL);
            p++;
        }
        bool left = false, zero = false, alt = false;
        char sign = 0;
        for (; p < end; p++) {
            if (*p == '-') {
                left = true;
            } else if (*p == '0') {
                zero = true;
            } else if (*p == '#') {
                alt = true;
            } else if (*p == '+') {
                sign = '+';
            } else if (*p == ' ') {
                if (sign == 0) {
                    sign = ' ';
                }
            } else {
                break;
            }
        }
        es_int_t width = -1, prec = -1;
        if (p < end && *p == '*') {
            width = star_arg(&a);
            if (width < 0) {
                left = true;
                width = -width;
            }
            p++;
        } else if (p < end && *p >= '0' && *p <= '9') {
            width = parse_decimal(&p, end);
        }
        if (p < end && *p == '.') {
            p++;
            if (p < end && *p == '*') {
                prec = star_arg(&a);
                if (prec < 0) {
                    prec = 0;
                }
                p++;
            } else {
                prec = parse_decimal(&p, end);
            }
        }
        while (p < end && (*p == 'h' || *p == 'l' || *p == 'L')) {
            p++;
        }
        if (p == end) {
            es_raise_msg(&es_type_ValueError, "incomplete format");
        }
        char conv = (char)*p++;
        if (conv == '%') {
            es_vstr_add_byte(&out, '%');
            continue;
        }
        if (value == ES_OBJ_NULL && strchr("diouxXeEfFgGcrsab", conv) != NULL) {
            value = next_arg(&a);
        }
        switch (conv) {
            case 'd':
            case 'i':
            case 'u':
            case 'o':
            case 'x':
            case 'X': {
                es_obj_t iv = modulo_int_value(value, conv);
                unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
                es_vstr_t digits;
                es_vstr_init(&digits, 24);
                es_obj_int_format_digits(&digits, iv, base, conv == 'X');
                const char *d = digits.buf;
                size_t n = digits.len;
                bool negative = n > 0 && d[0] == '-';
                if (negative) {
                    d++;
                    n--;
                }
                char head[8];
                size_t hlen = make_sign(head, negative, sign);
                if (alt && base != 10) {
                    head[hlen++] = '0';
                    head[hlen++] = conv == 'o' ? 'o' : conv;
                }
                es_vstr_t body;
                es_vstr_init(&body, n + 8);
                if (prec > (es_int_t)n) {
                    add_fill(&body, '0', prec - (es_int_t)n);
                }
                es_vstr_add_strn(&body, d, n);
                modulo_pad(&out, head, hlen, body.buf, body.len, body.len, width, left, zero);
                es_vstr_clear(&body);
                es_vstr_clear(&digits);
                break;
            }
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                es_float_t x;
                if (es_obj_is_str_or_bytes(value) || !es_obj_get_float_maybe(value, &x)) {
                    es_raise_msg_varg(&es_type_TypeError, "must be real number, not %s", es_obj_type_name(value));
                }
                spec_t spec;
                memset(&spec, 0, sizeof(spec));
                spec.fill = ' ';
                spec.sign = sign;
                spec.alt = alt;
                spec.type = conv;
                spec.width = width;
                spec.precision = prec < 0 ? 6 : prec;
                if (left) {
                    spec.align = '<';
                } else if (zero) {
                    spec.zero = true;
                }
                format_float_spec(&out, x, &spec);
                break;
            }
            case 'c': {
                uint8_t buf[4];
                size_t n;
                es_int_t c;
                if (es_obj_is_str(value) && !is_bytes) {
                    const uint8_t *d = es_str_bytes(value, &n);
                    if (es_utf8_count(d, n) != 1) {
                        es_raise_msg(&es_type_TypeError, "%c requires int or char");
                    }
                    memcpy(buf, d, n);
                } else if (is_bytes && es_obj_is_type(value, &es_type_bytes)) {
                    const uint8_t *d = es_str_bytes(value, &n);
                    if (n != 1) {
                        es_raise_msg(&es_type_TypeError, "%c requires an integer in range(256) or a single byte");
                    }
                    buf[0] = d[0];
                } else if (!es_obj_is_float(value) && !es_obj_is_str_or_bytes(value) &&
                           es_obj_get_int_maybe(value, &c)) {
                    if (is_bytes) {
                        if (c < 0 || c > 255) {
                            es_raise_msg(&es_type_OverflowError, "%c arg not in range(256)");
                        }
                        buf[0] = (uint8_t)c;
                        n = 1;
                    } else {
                        if (c < 0 || c > 0x10ffff) {
                            es_raise_msg(&es_type_OverflowError, "%c arg not in range(0x110000)");
                        }
                        n = es_utf8_encode((es_unichar_t)c, buf);
                    }
                } else {
                    es_raise_msg(&es_type_TypeError, is_bytes ? "%c requires an integer in range(256) or a single byte"
                                                              : "%c requires int or char");
                }
                modulo_pad(&out, "", 0, (const char *)buf, n, 1, width, left, false);
                break;
            }
            case 'r':
            case 's':
            case 'a':
            case 'b': {
                if (conv == 'b' && !is_bytes) {
                    goto unsupported;
                }
                es_vstr_t text;
                es_vstr_init(&text, 16);
                size_t chars;
                modulo_text(&text, value, conv, is_bytes, &chars);
                size_t tlen = text.len;
                if (prec >= 0 && (size_t)prec < chars) {
                    tlen = is_bytes ? (size_t)prec : es_utf8_offset((const uint8_t *)text.buf, text.len, (size_t)prec);
                    chars = (size_t)prec;
                }
                modulo_pad(&out, "", 0, text.buf, tlen, is_bytes ? tlen : chars, width, left, false);
                es_vstr_clear(&text);
                break;
            }
            default:
            unsupported: {
                const uint8_t *cp = p - 1;
                es_unichar_t c = is_bytes ? *cp : es_utf8_decode(&cp);
                es_raise_msg_varg(&es_type_ValueError, "unsupported format character '%c' (0x%x) at index %u",
                                  c < 0x80 ? (int)c : '?', (unsigned)c, (unsigned)(p - 1 - fmt));
            }
        }
    }
    if (a.next < a.n && a.mapping == ES_OBJ_NULL) {
        es_raise_msg(&es_type_TypeError, is_bytes ? "not all arguments converted during bytes formatting"
                                                  : "not all arguments converted during string formatting");
    }
    return es_obj_new_str_from_vstr(is_bytes ? &es_type_bytes : &es_type_str, &out);
}
