/* objstr.c: the str and bytes types: storage, operators, iteration and every method. */

#include <stdio.h>
#include <string.h>

#include "py/objstr.h"
#include "py/objtype.h"
#include "py/runtime.h"
#include "py/sequence.h"

/*
** A str is either a qstr-tagged word (interned: its bytes live in the const table or the
** qstr pool) or a pointer to an es_obj_str_t in the heap. Both hash with es_hash_bytes and
** compare by content, so code never needs to know which one it holds. Text is UTF-8;
** positions seen from Python count code points, and a pure-ASCII check (a word at a time)
** lets the common case use byte offsets directly.
*/

/* Heap strs up to this many bytes are looked up among the existing qstrs first (no interning:
** that would keep them forever), so short names built at run time become qstr words. */
#define STR_LOOKUP_QSTR_MAX (16)

/* ---- basic access --------------------------------------------------------------------- */

static inline bool is_str(es_obj_t o) { return es_obj_is_qstr(o) || es_obj_is_type(o, &es_type_str); }

bool es_obj_is_str(es_obj_t o) { return is_str(o); }

bool es_obj_is_str_or_bytes(es_obj_t o) { return is_str(o) || es_obj_is_type(o, &es_type_bytes); }

static inline bool is_bytes_like(es_obj_t o) {
    return es_obj_is_type(o, &es_type_bytes) || es_obj_is_type(o, &es_type_bytearray);
}

const uint8_t *es_str_bytes(es_obj_t o, size_t *len) {
    if (es_obj_is_qstr(o)) {
        return es_qstr_data(es_obj_qstr_value(o), len);
    }
    if (es_obj_is_ptr(o)) {
        const es_type_t *t = es_obj_get_type(o);
        if (t == &es_type_str || t == &es_type_bytes) {
            const es_obj_str_t *s = es_obj_to_ptr(o);
            *len = s->len;
            return s->data;
        }
        if (t == &es_type_bytearray) {
            const es_obj_bytearray_t *b = es_obj_to_ptr(o);
            *len = b->len;
            return b->items;
        }
    }
    es_obj_t native = es_instance_native(o);
    if (native != ES_OBJ_NULL && native != o) {
        return es_str_bytes(native, len);
    }
    es_raise_msg_varg(&es_type_TypeError, "expected str, bytes or bytearray, not %s", es_obj_type_name(o));
}

/* The str, bytes or bytearray inside an instance of a subclass of one of them, else o. */
static es_obj_t unwrap(es_obj_t o) {
    if (es_obj_is_ptr(o) && (es_obj_get_type(o)->flags & ES_TYPE_FLAG_IS_USER_CLASS)) {
        es_obj_t native = es_instance_native(o);
        if (native != ES_OBJ_NULL) {
            return native;
        }
    }
    return o;
}

const char *es_obj_str_get_data(es_obj_t o, size_t *len) { return (const char *)es_str_bytes(o, len); }

const char *es_obj_str_get_str(es_obj_t o) {
    if (!is_str(o)) {
        es_raise_msg_varg(&es_type_TypeError, "expected str, not %s", es_obj_type_name(o));
    }
    size_t len;
    return (const char *)es_str_bytes(o, &len);
}

es_qstr_t es_obj_str_get_qstr(es_obj_t o) {
    if (es_obj_is_qstr(o)) {
        return es_obj_qstr_value(o);
    }
    size_t len;
    const char *s = es_obj_str_get_data(o, &len);
    return es_qstr_from_strn(s, len);
}

size_t es_obj_str_hash(es_obj_t o) {
    if (es_obj_is_qstr(o)) {
        return es_qstr_hash(es_obj_qstr_value(o));
    }
    es_obj_str_t *s = es_obj_to_ptr(o);
    if (s->hash == 0) {
        size_t h = es_hash_bytes(s->data, s->len);
        /* Strings in flash are read-only; only heap strings cache their hash. */
        if (es_gc_nbytes(s) != 0) {
            s->hash = h;
        }
        return h;
    }
    return s->hash;
}

size_t es_str_char_len(es_obj_t o) {
    size_t len;
    const uint8_t *d = es_str_bytes(o, &len);
    return is_str(o) ? es_utf8_count(d, len) : len;
}

bool es_str_get_buffer(es_obj_t o, es_buffer_info_t *info, int flags) {
    const es_type_t *t = es_obj_get_type(o);
    if (t->buffer == NULL) {
        return false;
    }
    return t->buffer(o, info, flags) == 0;
}

void es_str_get_buffer_raise(es_obj_t o, es_buffer_info_t *info, int flags) {
    if (!es_str_get_buffer(o, info, flags)) {
        es_raise_msg_varg(&es_type_TypeError, "a bytes-like object is required, not '%s'", es_obj_type_name(o));
    }
}

/* ---- construction --------------------------------------------------------------------- */

/*
** The 128 one-character ASCII strs live in flash, so that indexing and iterating over
** ASCII text allocates nothing. Their hashes are FNV-1a of one byte, as es_hash_bytes.
*/
static const char ascii_chars[128 * 2] =
    "\0\0\1\0\2\0\3\0\4\0\5\0\6\0\7\0\10\0\11\0\12\0\13\0\14\0\15\0\16\0\17\0"
    "\20\0\21\0\22\0\23\0\24\0\25\0\26\0\27\0\30\0\31\0\32\0\33\0\34\0\35\0\36\0\37\0"
    " \0!\0\"\0#\0$\0%\0&\0'\0(\0)\0*\0+\0,\0-\0.\0/\0"
    "0\0" "1\0" "2\0" "3\0" "4\0" "5\0" "6\0" "7\0" "8\0" "9\0:\0;\0<\0=\0>\0?\0"
    "@\0A\0B\0C\0D\0E\0F\0G\0H\0I\0J\0K\0L\0M\0N\0O\0"
    "P\0Q\0R\0S\0T\0U\0V\0W\0X\0Y\0Z\0[\0\\\0]\0^\0_\0"
    "`\0a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0"
    "p\0q\0r\0s\0t\0u\0v\0w\0x\0y\0z\0{\0|\0}\0~\0\177";

#define CHAR_HASH(c) ((size_t)((((uint32_t)2166136261u ^ (uint32_t)(c)) * 16777619u) & 0xffffffffu))
#define CHAR_STR(c) {{&es_type_str}, CHAR_HASH(c), 1, (const uint8_t *)&ascii_chars[2 * (c)]}
#define CHAR_STR4(c) CHAR_STR(c), CHAR_STR(c + 1), CHAR_STR(c + 2), CHAR_STR(c + 3)
#define CHAR_STR16(c) CHAR_STR4(c), CHAR_STR4(c + 4), CHAR_STR4(c + 8), CHAR_STR4(c + 12)

static const es_obj_str_t ascii_char_strs[128] = {
    CHAR_STR16(0),  CHAR_STR16(16), CHAR_STR16(32), CHAR_STR16(48),
    CHAR_STR16(64), CHAR_STR16(80), CHAR_STR16(96), CHAR_STR16(112),
};

/* One allocation holds the header and the bytes (NUL-terminated). */
static es_obj_str_t *str_alloc(const es_type_t *type, size_t len) {
    if (len > (size_t)-1 - sizeof(es_obj_str_t) - 1) {
        es_raise_memory_error();
    }
    es_obj_str_t *s = es_alloc(sizeof(es_obj_str_t) + len + 1);
    s->base.type = type;
    s->len = len;
    s->data = (const uint8_t *)(s + 1);
    return s;
}

static inline uint8_t *str_buf(es_obj_str_t *s) { return (uint8_t *)(s + 1); }

/*
** Results whose length is known up front are written straight into their final object;
** short strs go through a stack buffer so that they can still become qstrs or table entries.
** `scratch` must hold STR_LOOKUP_QSTR_MAX bytes. Finish with finish_known_len().
*/
static uint8_t *start_known_len(const es_type_t *type, size_t len, uint8_t *scratch, es_obj_t *obj) {
    if (type == &es_type_bytearray) {
        *obj = es_obj_new_bytearray(len, NULL);
        return ((es_obj_bytearray_t *)es_obj_to_ptr(*obj))->items;
    }
    if (type == &es_type_str && len <= STR_LOOKUP_QSTR_MAX) {
        *obj = ES_OBJ_NULL;
        return scratch;
    }
    es_obj_str_t *str = str_alloc(type, len);
    *obj = es_obj_from_ptr(str);
    return str_buf(str);
}

static es_obj_t finish_known_len(const es_type_t *type, es_obj_t obj, const uint8_t *scratch, size_t len) {
    return obj != ES_OBJ_NULL ? obj : es_obj_new_str_copy(type, scratch, len);
}

es_obj_t es_obj_new_str_copy(const es_type_t *type, const uint8_t *data, size_t len) {
    if (type == &es_type_bytearray) {
        return es_obj_new_bytearray(len, data);
    }
    if (type == &es_type_str && len == 1 && data[0] < 0x80) {
        return es_obj_from_ptr(&ascii_char_strs[data[0]]);
    }
    if (type == &es_type_str && len <= STR_LOOKUP_QSTR_MAX) {
        es_qstr_t q = es_qstr_find_strn((const char *)data, len);
        if (q != ES_Q_NULL) {
            return es_obj_new_qstr(q);
        }
    }
    es_obj_str_t *s = str_alloc(type, len);
    if (len > 0) {
        memcpy(str_buf(s), data, len);
    }
    return es_obj_from_ptr(s);
}

es_obj_t es_obj_new_str(const char *data, size_t len) {
    return es_obj_new_str_copy(&es_type_str, (const uint8_t *)data, len);
}

es_obj_t es_obj_new_bytes(const uint8_t *data, size_t len) { return es_obj_new_str_copy(&es_type_bytes, data, len); }

es_obj_t es_obj_new_str_from_cstr(const char *s) { return es_obj_new_str(s, strlen(s)); }

es_obj_t es_obj_new_str_from_vstr(const es_type_t *type, es_vstr_t *vstr) {
    if (type == &es_type_bytearray) {
        return es_obj_new_bytearray_from_vstr(vstr);
    }
    if (vstr->fixed_buf || (type == &es_type_str && vstr->len <= STR_LOOKUP_QSTR_MAX)) {
        es_obj_t o = es_obj_new_str_copy(type, (const uint8_t *)vstr->buf, vstr->len);
        es_vstr_clear(vstr);
        return o;
    }
    /* Adopt the buffer: no copy. */
    es_obj_str_t *s = es_new(es_obj_str_t);
    uint8_t *buf = es_realloc(vstr->buf, vstr->len + 1);
    buf[vstr->len] = 0;
    s->base.type = type;
    s->len = vstr->len;
    s->data = buf;
    vstr->buf = NULL;
    vstr->alloc = 0;
    vstr->len = 0;
    return es_obj_from_ptr(s);
}

es_obj_t es_str_new_like(es_obj_t like, const uint8_t *data, size_t len) {
    const es_type_t *t = is_str(like) ? &es_type_str : es_obj_get_type(like);
    return es_obj_new_str_copy(t, data, len);
}

static inline const es_type_t *kind_of(es_obj_t o) { return is_str(o) ? &es_type_str : es_obj_get_type(o); }

es_obj_t es_obj_str_chr(es_int_t c) {
    if (c < 0 || c > 0x10ffff) {
        es_raise_msg(&es_type_ValueError, "chr() arg not in range(0x110000)");
    }
    uint8_t buf[4];
    size_t n = es_utf8_encode((es_unichar_t)c, buf);
    return es_obj_new_str((const char *)buf, n);
}

es_obj_t es_obj_str_ord(es_obj_t o) {
    size_t len;
    if (is_str(o)) {
        const uint8_t *d = es_str_bytes(o, &len);
        size_t n = es_utf8_count(d, len);
        if (n != 1) {
            es_raise_msg_varg(&es_type_TypeError, "ord() expected a character, but string of length %u found",
                              (unsigned)n);
        }
        return es_obj_new_small_int((es_int_t)es_utf8_decode(&d));
    }
    es_buffer_info_t info;
    if (is_bytes_like(o) && es_str_get_buffer(o, &info, ES_BUFFER_READ)) {
        if (info.len != 1) {
            es_raise_msg_varg(&es_type_TypeError, "ord() expected a character, but string of length %u found",
                              (unsigned)info.len);
        }
        return es_obj_new_small_int(((const uint8_t *)info.buf)[0]);
    }
    es_raise_msg_varg(&es_type_TypeError, "ord() expected string of length 1, but %s found", es_obj_type_name(o));
}

/* ---- repr ---------------------------------------------------------------------------- */

static void print_escaped_char(const es_print_t *print, es_unichar_t c) {
    static const char hex[] = "0123456789abcdef";
    char buf[10];
    size_t n;
    buf[0] = '\\';
    if (c < 0x100) {
        buf[1] = 'x';
        n = 2;
    } else if (c < 0x10000) {
        buf[1] = 'u';
        n = 4;
    } else {
        buf[1] = 'U';
        n = 8;
    }
    for (size_t i = 0; i < n; i++) {
        buf[2 + i] = hex[(c >> (4 * (n - 1 - i))) & 0xf];
    }
    es_print_strn(print, buf, n + 2);
}

static void print_quoted(const es_print_t *print, const uint8_t *data, size_t len, bool is_bytes, bool ascii_only) {
    /* Single quotes unless the text has a single quote and no double quote, as CPython. */
    char quote = '\'';
    if (memchr(data, '\'', len) != NULL && memchr(data, '"', len) == NULL) {
        quote = '"';
    }
    if (is_bytes) {
        es_print_strn(print, "b", 1);
    }
    es_print_strn(print, &quote, 1);
    const uint8_t *p = data, *end = data + len;
    while (p < end) {
        /* Runs of plain characters go out in one write. */
        const uint8_t *run = p;
        while (p < end && *p >= 0x20 && *p < 0x7f && *p != '\\' && *p != (uint8_t)quote) {
            p++;
        }
        if (p > run) {
            es_print_strn(print, (const char *)run, (size_t)(p - run));
        }
        if (p >= end) {
            break;
        }
        const uint8_t *char_start = p;
        es_unichar_t c = is_bytes ? *p++ : es_utf8_decode(&p);
        if (c == '\\' || c == (es_unichar_t)quote) {
            char esc[2] = {'\\', (char)c};
            es_print_strn(print, esc, 2);
        } else if (c == '\n') {
            es_print_strn(print, "\\n", 2);
        } else if (c == '\r') {
            es_print_strn(print, "\\r", 2);
        } else if (c == '\t') {
            es_print_strn(print, "\\t", 2);
        } else if (c < 0x80 || is_bytes || ascii_only || !es_unichar_isprintable(c)) {
            print_escaped_char(print, c);
        } else {
            es_print_strn(print, (const char *)char_start, (size_t)(p - char_start));
        }
    }
    es_print_strn(print, &quote, 1);
}

void es_str_print_quoted(const es_print_t *print, const uint8_t *data, size_t len, bool is_bytes) {
    print_quoted(print, data, len, is_bytes, false);
}

void es_str_print_ascii(const es_print_t *print, const uint8_t *data, size_t len) {
    print_quoted(print, data, len, false, true);
}

static void str_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    size_t len;
    const uint8_t *d = es_str_bytes(self, &len);
    if (is_str(self)) {
        if (kind == ES_PRINT_STR) {
            es_print_strn(print, (const char *)d, len);
        } else {
            print_quoted(print, d, len, false, false);
        }
    } else {
        print_quoted(print, d, len, true, false);
    }
}

/* ---- operators ------------------------------------------------------------------------- */

static bool str_equal(es_obj_t a, es_obj_t b) {
    if (a == b) {
        return true;
    }
    if (es_obj_is_qstr(a) && es_obj_is_qstr(b)) {
        return false; /* interned: equal text means the same qstr */
    }
    size_t alen, blen;
    const uint8_t *ad = es_str_bytes(a, &alen);
    const uint8_t *bd = es_str_bytes(b, &blen);
    if (alen != blen) {
        return false;
    }
    if (!es_obj_is_qstr(a) && !es_obj_is_qstr(b)) {
        size_t ah = ((es_obj_str_t *)es_obj_to_ptr(a))->hash, bh = ((es_obj_str_t *)es_obj_to_ptr(b))->hash;
        if (ah != 0 && bh != 0 && ah != bh) {
            return false;
        }
    }
    return memcmp(ad, bd, alen) == 0;
}

es_obj_t es_str_compare_bytes(es_binary_op_t op, const uint8_t *a, size_t alen, const uint8_t *b, size_t blen) {
    /* UTF-8 byte order is code point order, so one memcmp serves str and bytes. */
    size_t n = alen < blen ? alen : blen;
    int c = n > 0 ? memcmp(a, b, n) : 0;
    if (c == 0) {
        c = alen < blen ? -1 : alen > blen ? 1 : 0;
    }
    switch (op) {
        case ES_BINARY_OP_LESS:
            return es_obj_new_bool(c < 0);
        case ES_BINARY_OP_MORE:
            return es_obj_new_bool(c > 0);
        case ES_BINARY_OP_LESS_EQUAL:
            return es_obj_new_bool(c <= 0);
        case ES_BINARY_OP_MORE_EQUAL:
            return es_obj_new_bool(c >= 0);
        case ES_BINARY_OP_EQUAL:
            return es_obj_new_bool(c == 0);
        case ES_BINARY_OP_NOT_EQUAL:
            return es_obj_new_bool(c != 0);
        default:
            return ES_OBJ_NULL;
    }
}

/* Repeats data n times (n may be negative: empty). */
static es_obj_t repeat(es_obj_t self, es_obj_t times) {
    es_int_t n;
    if (es_obj_is_float(times) || !es_obj_get_int_maybe(times, &n)) {
        if (es_obj_is_int(times)) {
            es_raise_msg(&es_type_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        return ES_OBJ_NULL;
    }
    size_t len;
    const uint8_t *d = es_str_bytes(self, &len);
    if (n <= 0 || len == 0) {
        return es_str_new_like(self, d, 0);
    }
    if ((size_t)n > ((size_t)-1 / 2) / len) {
        es_raise_msg(&es_type_OverflowError, "repeated string is too long");
    }
    const es_type_t *type = kind_of(self);
    size_t total = len * (size_t)n;
    uint8_t scratch[STR_LOOKUP_QSTR_MAX];
    es_obj_t obj;
    uint8_t *out = start_known_len(type, total, scratch, &obj);
    d = es_str_bytes(self, &len); /* a bytearray's bytes are re-read after the allocation */
    for (es_int_t i = 0; i < n; i++) {
        memcpy(out + (size_t)i * len, d, len);
    }
    return finish_known_len(type, obj, scratch, total);
}

static es_obj_t concat(es_obj_t self, const uint8_t *b, size_t blen) {
    size_t alen;
    es_str_bytes(self, &alen);
    const es_type_t *type = kind_of(self);
    uint8_t scratch[STR_LOOKUP_QSTR_MAX];
    es_obj_t obj;
    uint8_t *out = start_known_len(type, alen + blen, scratch, &obj);
    const uint8_t *a = es_str_bytes(self, &alen);
    memcpy(out, a, alen);
    memcpy(out + alen, b, blen);
    return finish_known_len(type, obj, scratch, alen + blen);
}

static bool is_user_object(es_obj_t o) { return (es_obj_get_type(o)->flags & ES_TYPE_FLAG_IS_USER_CLASS) != 0; }

/* Byte search used by find, in, count, replace and split. */
static const uint8_t *find_bytes(const uint8_t *hay, size_t hlen, const uint8_t *needle, size_t nlen, bool reverse) {
    if (nlen > hlen) {
        return NULL;
    }
    if (nlen == 0) {
        return reverse ? hay + hlen : hay;
    }
    if (!reverse) {
        if (nlen == 1) {
            return memchr(hay, needle[0], hlen);
        }
        const uint8_t *last = hay + hlen - nlen;
        for (const uint8_t *p = hay; p <= last; p++) {
            p = memchr(p, needle[0], (size_t)(last - p) + 1);
            if (p == NULL) {
                return NULL;
            }
            if (memcmp(p, needle, nlen) == 0) {
                return p;
            }
        }
        return NULL;
    }
    for (const uint8_t *p = hay + hlen - nlen;; p--) {
        if (*p == needle[0] && memcmp(p, needle, nlen) == 0) {
            return p;
        }
        if (p == hay) {
            return NULL;
        }
    }
}

static es_obj_t str_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    rhs = unwrap(rhs);
    switch (op) {
        case ES_BINARY_OP_ADD:
        case ES_BINARY_OP_INPLACE_ADD:
            if (is_str(rhs)) {
                size_t blen;
                const uint8_t *b = es_str_bytes(rhs, &blen);
                if (blen == 0) {
                    return lhs;
                }
                return concat(lhs, b, blen);
            }
            if (!is_user_object(rhs)) {
                es_raise_msg_varg(&es_type_TypeError, "can only concatenate str (not \"%s\") to str",
                                  es_obj_type_name(rhs));
            }
            return ES_OBJ_NULL;
        case ES_BINARY_OP_MULTIPLY:
        case ES_BINARY_OP_INPLACE_MULTIPLY:
        case ES_BINARY_OP_REVERSE_MULTIPLY: {
            es_obj_t r = repeat(lhs, rhs);
            if (r == ES_OBJ_NULL && !is_user_object(rhs)) {
                es_raise_msg_varg(&es_type_TypeError, "can't multiply sequence by non-int of type '%s'",
                                  es_obj_type_name(rhs));
            }
            return r;
        }
        case ES_BINARY_OP_MODULO:
        case ES_BINARY_OP_INPLACE_MODULO:
            return es_str_modulo_format(lhs, rhs);
        case ES_BINARY_OP_IN: {
            if (!is_str(rhs)) {
                es_raise_msg_varg(&es_type_TypeError, "'in <string>' requires string as left operand, not %s",
                                  es_obj_type_name(rhs));
            }
            size_t hlen, nlen;
            const uint8_t *h = es_str_bytes(lhs, &hlen);
            const uint8_t *n = es_str_bytes(rhs, &nlen);
            return es_obj_new_bool(find_bytes(h, hlen, n, nlen, false) != NULL);
        }
        case ES_BINARY_OP_EQUAL:
        case ES_BINARY_OP_NOT_EQUAL:
            if (!is_str(rhs)) {
                return ES_OBJ_NULL;
            }
            return es_obj_new_bool(str_equal(lhs, rhs) == (op == ES_BINARY_OP_EQUAL));
        case ES_BINARY_OP_LESS:
        case ES_BINARY_OP_MORE:
        case ES_BINARY_OP_LESS_EQUAL:
        case ES_BINARY_OP_MORE_EQUAL: {
            if (!is_str(rhs)) {
                return ES_OBJ_NULL;
            }
            size_t alen, blen;
            const uint8_t *a = es_str_bytes(lhs, &alen);
            const uint8_t *b = es_str_bytes(rhs, &blen);
            return es_str_compare_bytes(op, a, alen, b, blen);
        }
        default:
            return ES_OBJ_NULL;
    }
}

static es_obj_t bytes_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    es_buffer_info_t info;
    rhs = unwrap(rhs);
    switch (op) {
        case ES_BINARY_OP_ADD:
        case ES_BINARY_OP_INPLACE_ADD:
            if (!es_str_get_buffer(rhs, &info, ES_BUFFER_READ)) {
                if (!is_user_object(rhs)) {
                    es_raise_msg_varg(&es_type_TypeError, "can't concat %s to %s", es_obj_type_name(rhs),
                                      es_obj_type_name(lhs));
                }
                return ES_OBJ_NULL;
            }
            return concat(lhs, info.buf, info.len);
        case ES_BINARY_OP_MULTIPLY:
        case ES_BINARY_OP_INPLACE_MULTIPLY:
        case ES_BINARY_OP_REVERSE_MULTIPLY: {
            es_obj_t r = repeat(lhs, rhs);
            if (r == ES_OBJ_NULL && !is_user_object(rhs)) {
                es_raise_msg_varg(&es_type_TypeError, "can't multiply sequence by non-int of type '%s'",
                                  es_obj_type_name(rhs));
            }
            return r;
        }
        case ES_BINARY_OP_MODULO:
        case ES_BINARY_OP_INPLACE_MODULO:
            return es_str_modulo_format(lhs, rhs);
        case ES_BINARY_OP_IN: {
            size_t hlen;
            const uint8_t *h = es_str_bytes(lhs, &hlen);
            es_int_t v;
            if (!es_obj_is_float(rhs) && es_obj_get_int_maybe(rhs, &v)) {
                if (v < 0 || v > 255) {
                    es_raise_msg(&es_type_ValueError, "byte must be in range(0, 256)");
                }
                return es_obj_new_bool(hlen > 0 && memchr(h, (int)v, hlen) != NULL);
            }
            es_str_get_buffer_raise(rhs, &info, ES_BUFFER_READ);
            h = es_str_bytes(lhs, &hlen);
            return es_obj_new_bool(find_bytes(h, hlen, info.buf, info.len, false) != NULL);
        }
        case ES_BINARY_OP_EQUAL:
        case ES_BINARY_OP_NOT_EQUAL:
        case ES_BINARY_OP_LESS:
        case ES_BINARY_OP_MORE:
        case ES_BINARY_OP_LESS_EQUAL:
        case ES_BINARY_OP_MORE_EQUAL: {
            size_t alen, blen;
            const uint8_t *a = es_str_bytes(lhs, &alen);
            const uint8_t *b;
            if (is_bytes_like(rhs)) {
                b = es_str_bytes(rhs, &blen);
            } else if (es_obj_is_type(rhs, &es_type_memoryview) && es_str_get_buffer(rhs, &info, ES_BUFFER_READ)) {
                b = info.buf;
                blen = info.len;
            } else {
                return ES_OBJ_NULL;
            }
            return es_str_compare_bytes(op, a, alen, b, blen);
        }
        default:
            return ES_OBJ_NULL;
    }
}

static es_obj_t str_unary_op(es_unary_op_t op, es_obj_t self) {
    switch (op) {
        case ES_UNARY_OP_BOOL: {
            size_t len;
            es_str_bytes(self, &len);
            return es_obj_new_bool(len != 0);
        }
        case ES_UNARY_OP_LEN:
            return es_obj_new_small_int((es_int_t)es_str_char_len(self));
        case ES_UNARY_OP_HASH:
            if (is_str(self)) {
                /* masked as es_obj_hash masks str hashes, so every route gives the same value */
                return es_obj_new_small_int((es_int_t)(es_obj_str_hash(self) & (size_t)ES_SMALL_INT_MAX));
            } else {
                size_t len;
                const uint8_t *d = es_str_bytes(self, &len);
                return es_obj_new_small_int((es_int_t)es_hash_bytes(d, len));
            }
        case ES_UNARY_OP_SIZEOF: {
            size_t len;
            es_str_bytes(self, &len);
            return es_obj_new_small_int((es_int_t)(sizeof(es_obj_str_t) + len + 1));
        }
        default:
            return ES_OBJ_NULL;
    }
}

/* ---- indexing and slicing ---------------------------------------------------------------- */

/* Normalises an index already known to be an int against len; IndexError with `what`. */
static size_t index_of(es_int_t i, size_t len, const char *what) {
    if (i < 0) {
        i += (es_int_t)len;
    }
    if (i < 0 || (size_t)i >= len) {
        es_raise_msg_varg(&es_type_IndexError, "%s out of range", what);
    }
    return (size_t)i;
}

/* Slice of a str or bytes-like object, in code points for str. */
static es_obj_t slice_of(es_obj_t self, es_obj_t slice) {
    size_t len;
    const uint8_t *d = es_str_bytes(self, &len);
    bool ascii = !is_str(self) || es_str_is_ascii(d, len);
    size_t n = ascii ? len : es_utf8_count(d, len);
    es_bound_slice_t b;
    size_t count = es_seq_slice_bounds(slice, n, &b);
    if (b.step == 1) {
        if (b.stop <= b.start) {
            return es_str_new_like(self, d, 0);
        }
        size_t from = (size_t)b.start, to = (size_t)b.stop;
        if (!ascii) {
            from = es_utf8_offset(d, len, from);
            to = from + es_utf8_offset(d + from, len - from, (size_t)(b.stop - b.start));
        }
        return es_str_new_like(self, d + from, to - from);
    }
    if (ascii) {
        const es_type_t *type = kind_of(self);
        uint8_t scratch[STR_LOOKUP_QSTR_MAX];
        es_obj_t obj;
        uint8_t *out = start_known_len(type, count, scratch, &obj);
        d = es_str_bytes(self, &len);
        for (size_t k = 0; k < count; k++) {
            out[k] = d[b.start + (es_int_t)k * b.step];
        }
        return finish_known_len(type, obj, scratch, count);
    }
    es_vstr_t v;
    es_vstr_init(&v, 16);
    d = es_str_bytes(self, &len);
    for (es_int_t i = b.start; b.step > 0 ? i < b.stop : i > b.stop; i += b.step) {
        if (ascii) {
            es_vstr_add_byte(&v, d[i]);
        } else {
            size_t off = es_utf8_offset(d, len, (size_t)i);
            size_t clen = 1;
            while (off + clen < len && es_utf8_is_cont(d[off + clen])) {
                clen++;
            }
            es_vstr_add_strn(&v, (const char *)d + off, clen);
        }
    }
    return es_obj_new_str_from_vstr(kind_of(self), &v);
}

static es_obj_t str_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    bool s = is_str(self);
    if (value != ES_OBJ_SENTINEL) {
        es_raise_msg_varg(&es_type_TypeError, value == ES_OBJ_NULL ? "'%s' object doesn't support item deletion"
                                                                    : "'%s' object does not support item assignment",
                          s ? "str" : "bytes");
    }
    if (es_obj_is_type(index, &es_type_slice)) {
        return slice_of(self, index);
    }
    es_int_t i;
    if (es_obj_is_float(index) || !es_obj_get_int_maybe(index, &i)) {
        if (es_obj_is_int(index)) {
            es_raise_msg(&es_type_IndexError, "cannot fit 'int' into an index-sized integer");
        }
        if (s) {
            es_raise_msg_varg(&es_type_TypeError, "string indices must be integers, not '%s'", es_obj_type_name(index));
        }
        es_raise_msg_varg(&es_type_TypeError, "byte indices must be integers or slices, not %s", es_obj_type_name(index));
    }
    size_t len;
    const uint8_t *d = es_str_bytes(self, &len);
    if (!s) {
        return es_obj_new_small_int(d[index_of(i, len, "index")]);
    }
    if (es_str_is_ascii(d, len)) {
        size_t at = index_of(i, len, "string index");
        return es_obj_new_str((const char *)d + at, 1);
    }
    size_t at = index_of(i, es_utf8_count(d, len), "string index");
    size_t off = es_utf8_offset(d, len, at);
    const uint8_t *p = d + off;
    es_utf8_decode(&p);
    return es_obj_new_str((const char *)d + off, (size_t)(p - (d + off)));
}

/* ---- iteration ---------------------------------------------------------------------------- */

typedef struct str_iter_t {
    es_obj_base_t base;
    es_obj_t seq;
    size_t pos; /* byte offset */
} str_iter_t;

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

static es_obj_t str_iter_next(es_obj_t self) {
    str_iter_t *it = es_obj_to_ptr(self);
    size_t len;
    const uint8_t *d = es_str_bytes(it->seq, &len);
    if (it->pos >= len) {
        return ES_OBJ_STOP_ITERATION;
    }
    size_t start = it->pos++;
    while (it->pos < len && es_utf8_is_cont(d[it->pos])) {
        it->pos++;
    }
    return es_obj_new_str((const char *)d + start, it->pos - start);
}

static es_obj_t bytes_iter_next(es_obj_t self) {
    str_iter_t *it = es_obj_to_ptr(self);
    size_t len;
    const uint8_t *d = es_str_bytes(it->seq, &len);
    if (it->pos >= len) {
        return ES_OBJ_STOP_ITERATION;
    }
    return es_obj_new_small_int(d[it->pos++]);
}

static const es_type_t str_iterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_str_iterator,
    .getiter = iter_self,
    .iternext = str_iter_next,
};

static const es_type_t bytes_iterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_bytes_iterator,
    .getiter = iter_self,
    .iternext = bytes_iter_next,
};

static es_obj_t new_iter(const es_type_t *type, es_obj_t seq, es_obj_iter_buf_t *iter_buf) {
    _Static_assert(sizeof(str_iter_t) <= sizeof(es_obj_iter_buf_t), "str iterator fits the iterator buffer");
    str_iter_t *it = iter_buf != NULL ? (str_iter_t *)iter_buf : es_new(str_iter_t);
    it->base.type = type;
    it->seq = seq;
    it->pos = 0;
    return es_obj_from_ptr(it);
}

static es_obj_t str_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    return new_iter(is_str(self) ? &str_iterator_type : &bytes_iterator_type, self, iter_buf);
}

es_obj_t es_bytes_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    return new_iter(&bytes_iterator_type, self, iter_buf);
}

static int bytes_buffer(es_obj_t self, es_buffer_info_t *info, int flags) {
    if (flags & ES_BUFFER_WRITE) {
        return 1;
    }
    size_t len;
    info->buf = (void *)es_str_bytes(self, &len);
    info->len = len;
    info->typecode = 'B';
    return 0;
}

/* ---- method helpers -------------------------------------------------------------------- */

/* The text a method works on: its bytes, and whether positions count code points. */
typedef struct text_t {
    const uint8_t *data;
    size_t len;
    bool is_str;
    bool ascii; /* positions are byte offsets (bytes, or str of ASCII only) */
} text_t;

static void text_of(es_obj_t o, text_t *t) {
    t->data = es_str_bytes(o, &t->len);
    t->is_str = is_str(o);
    t->ascii = !t->is_str || es_str_is_ascii(t->data, t->len);
}

static size_t text_count(const text_t *t) { return t->ascii ? t->len : es_utf8_count(t->data, t->len); }
static size_t text_byte_at(const text_t *t, size_t cp) { return t->ascii ? cp : es_utf8_offset(t->data, t->len, cp); }
static size_t text_cp_at(const text_t *t, size_t off) { return t->ascii ? off : es_utf8_count(t->data, off); }

/* Length in bytes of the character at p (1 for bytes). */
static size_t char_len_at(const text_t *t, const uint8_t *p, const uint8_t *end) {
    if (!t->is_str || *p < 0x80) {
        return 1;
    }
    size_t n = 1;
    while (p + n < end && es_utf8_is_cont(p[n])) {
        n++;
    }
    return n;
}

/* Start of the character that ends just before p. */
static const uint8_t *char_before(const text_t *t, const uint8_t *p, const uint8_t *start) {
    p--;
    if (t->is_str) {
        while (p > start && es_utf8_is_cont(*p)) {
            p--;
        }
    }
    return p;
}

static es_unichar_t char_at(const text_t *t, const uint8_t *p) {
    return t->is_str ? es_utf8_decode(&p) : *p;
}

static bool char_isspace(const text_t *t, es_unichar_t c) {
    if (t->is_str) {
        return es_unichar_isspace(c);
    }
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The bytes of an argument that must be of the same kind as self: str for str, bytes-like for bytes. */
static const uint8_t *arg_bytes(es_obj_t self, es_obj_t arg, size_t *len) {
    arg = unwrap(arg);
    if (is_str(self)) {
        if (!is_str(arg)) {
            es_raise_msg_varg(&es_type_TypeError, "must be str, not %s", es_obj_type_name(arg));
        }
        return es_str_bytes(arg, len);
    }
    es_buffer_info_t info;
    es_str_get_buffer_raise(arg, &info, ES_BUFFER_READ);
    *len = info.len;
    return info.buf;
}

static es_int_t slice_index_arg(es_obj_t o) {
    es_int_t v;
    if (es_obj_is_float(o) || !es_obj_get_int_maybe(o, &v)) {
        es_raise_msg(&es_type_TypeError, "slice indices must be integers or None or have an __index__ method");
    }
    return v;
}

/*
** Resolves the optional start and end arguments (args[first], args[first + 1]; code points
** for str) to byte offsets. Returns false when no match is possible, not even of '' (start
** past the end, or start after end).
*/
static bool text_range(const text_t *t, size_t n_args, const es_obj_t *args, size_t first, size_t *bstart,
                       size_t *bend) {
    es_int_t n = (es_int_t)text_count(t);
    es_int_t start = 0, end = n;
    if (n_args > first && args[first] != ES_OBJ_NONE) {
        start = slice_index_arg(args[first]);
    }
    if (n_args > first + 1 && args[first + 1] != ES_OBJ_NONE) {
        end = slice_index_arg(args[first + 1]);
    }
    if (start < 0) {
        start = start + n < 0 ? 0 : start + n;
    }
    if (end < 0) {
        end = end + n < 0 ? 0 : end + n;
    } else if (end > n) {
        end = n;
    }
    if (start > n || start > end) {
        return false;
    }
    *bstart = text_byte_at(t, (size_t)start);
    *bend = *bstart + (t->ascii ? (size_t)(end - start)
                                : es_utf8_offset(t->data + *bstart, t->len - *bstart, (size_t)(end - start)));
    return true;
}

/* Needle of find/index/count: same kind as self, or for bytes an int 0..255. */
static const uint8_t *needle_of(es_obj_t self, es_obj_t arg, size_t *len, uint8_t *byte) {
    es_int_t v;
    if (!is_str(self) && !es_obj_is_float(arg) && !es_obj_is_ptr(arg) && es_obj_get_int_maybe(arg, &v)) {
        if (v < 0 || v > 255) {
            es_raise_msg(&es_type_ValueError, "byte must be in range(0, 256)");
        }
        *byte = (uint8_t)v;
        *len = 1;
        return byte;
    }
    if (!is_str(self) && es_obj_is_int(arg)) {
        es_raise_msg(&es_type_ValueError, "byte must be in range(0, 256)");
    }
    return arg_bytes(self, arg, len);
}

/* Small keyword parser for the methods that take keywords: positionals after self first. */
static void parse_kw_args(const char *fname, size_t n_pos, const es_obj_t *pos, es_map_t *kw, size_t n,
                          const uint16_t *names, es_obj_t *vals) {
    if (n_pos > n) {
        es_raise_msg_varg(&es_type_TypeError, "%s() takes at most %u arguments (%u given)", fname, (unsigned)n,
                          (unsigned)n_pos);
    }
    for (size_t i = 0; i < n_pos; i++) {
        vals[i] = pos[i];
    }
    if (kw == NULL) {
        return;
    }
    for (size_t k = 0; k < kw->used; k++) {
        if (!es_map_slot_is_filled(kw, k)) {
            continue;
        }
        es_qstr_t name = es_obj_str_get_qstr(kw->table[k].key);
        size_t i = 0;
        while (i < n && names[i] != name) {
            i++;
        }
        if (i == n) {
            es_raise_msg_varg(&es_type_TypeError, "'%q' is an invalid keyword argument for %s()", name, fname);
        }
        if (i < n_pos) {
            es_raise_msg_varg(&es_type_TypeError, "argument for %s() given by name ('%q') and position (%u)", fname,
                              name, (unsigned)(i + 1));
        }
        vals[i] = kw->table[k].value;
    }
}

#define DEFINE_METHOD_VAR(name, min, max, fn) ES_DEFINE_FUN_VAR(es_strmeth_##name##_obj, ES_Q_##name, min, max, fn)
#define DEFINE_METHOD_KW(name, min, fn) ES_DEFINE_FUN_KW(es_strmeth_##name##_obj, ES_Q_##name, min, fn)
#define DEFINE_METHOD_1(name, fn) ES_DEFINE_FUN_1(es_strmeth_##name##_obj, ES_Q_##name, fn)

/* ---- searching ---------------------------------------------------------------------------- */

static es_obj_t find_impl(size_t n_args, const es_obj_t *args, bool reverse, bool must_find) {
    text_t t;
    size_t nlen, from, to;
    uint8_t byte;
    const uint8_t *needle = needle_of(args[0], args[1], &nlen, &byte);
    text_of(args[0], &t);
    const uint8_t *at = NULL;
    if (text_range(&t, n_args, args, 2, &from, &to)) {
        at = find_bytes(t.data + from, to - from, needle, nlen, reverse);
    }
    if (at == NULL) {
        if (must_find) {
            es_raise_msg(&es_type_ValueError, t.is_str ? "substring not found" : "subsection not found");
        }
        return es_obj_new_small_int(-1);
    }
    return es_obj_new_small_int((es_int_t)text_cp_at(&t, (size_t)(at - t.data)));
}

static es_obj_t str_find(size_t n_args, const es_obj_t *args) { return find_impl(n_args, args, false, false); }
static es_obj_t str_rfind(size_t n_args, const es_obj_t *args) { return find_impl(n_args, args, true, false); }
static es_obj_t str_index(size_t n_args, const es_obj_t *args) { return find_impl(n_args, args, false, true); }
static es_obj_t str_rindex(size_t n_args, const es_obj_t *args) { return find_impl(n_args, args, true, true); }
DEFINE_METHOD_VAR(find, 2, 4, str_find);
DEFINE_METHOD_VAR(rfind, 2, 4, str_rfind);
DEFINE_METHOD_VAR(index, 2, 4, str_index);
DEFINE_METHOD_VAR(rindex, 2, 4, str_rindex);

static es_obj_t str_count(size_t n_args, const es_obj_t *args) {
    text_t t;
    size_t nlen, from, to;
    uint8_t byte;
    const uint8_t *needle = needle_of(args[0], args[1], &nlen, &byte);
    text_of(args[0], &t);
    if (!text_range(&t, n_args, args, 2, &from, &to)) {
        return es_obj_new_small_int(0);
    }
    if (nlen == 0) {
        size_t n = t.ascii ? to - from : es_utf8_count(t.data + from, to - from);
        return es_obj_new_small_int((es_int_t)n + 1);
    }
    es_int_t count = 0;
    const uint8_t *p = t.data + from, *end = t.data + to;
    while ((p = find_bytes(p, (size_t)(end - p), needle, nlen, false)) != NULL) {
        count++;
        p += nlen;
    }
    return es_obj_new_small_int(count);
}
DEFINE_METHOD_VAR(count, 2, 4, str_count);

static es_obj_t starts_ends_with(size_t n_args, const es_obj_t *args, bool ends, const char *fname) {
    text_t t;
    size_t from = 0, to = 0;
    es_obj_t self = args[0];
    size_t n_items = 1;
    es_obj_t *items = (es_obj_t *)&args[1];
    bool tuple = es_obj_is_type(args[1], &es_type_tuple);
    if (tuple) {
        es_obj_get_array(args[1], &n_items, &items);
    }
    text_of(self, &t);
    bool in_range = text_range(&t, n_args, args, 2, &from, &to);
    for (size_t i = 0; i < n_items; i++) {
        es_obj_t item = unwrap(items[i]);
        bool ok = is_str(self) ? is_str(item) : (!is_str(item) && es_obj_get_type(item)->buffer != NULL);
        if (!ok) {
            const char *kind = is_str(self) ? "str" : "bytes";
            if (tuple) {
                es_raise_msg_varg(&es_type_TypeError, "tuple for %s must only contain %s, not %s", fname, kind,
                                  es_obj_type_name(items[i]));
            }
            es_raise_msg_varg(&es_type_TypeError, "%s first arg must be %s or a tuple of %s, not %s", fname, kind,
                              kind, es_obj_type_name(items[i]));
        }
        if (!in_range) {
            continue;
        }
        size_t plen;
        const uint8_t *p = arg_bytes(self, items[i], &plen);
        if (plen <= to - from && memcmp(t.data + (ends ? to - plen : from), p, plen) == 0) {
            return ES_OBJ_TRUE;
        }
    }
    return ES_OBJ_FALSE;
}

static es_obj_t str_startswith(size_t n_args, const es_obj_t *args) {
    return starts_ends_with(n_args, args, false, "startswith");
}
static es_obj_t str_endswith(size_t n_args, const es_obj_t *args) {
    return starts_ends_with(n_args, args, true, "endswith");
}
DEFINE_METHOD_VAR(startswith, 2, 4, str_startswith);
DEFINE_METHOD_VAR(endswith, 2, 4, str_endswith);

static es_obj_t remove_affix(es_obj_t self, es_obj_t affix, bool suffix) {
    size_t len, alen;
    const uint8_t *a = arg_bytes(self, affix, &alen);
    const uint8_t *d = es_str_bytes(self, &len);
    if (alen <= len && alen > 0 && memcmp(d + (suffix ? len - alen : 0), a, alen) == 0) {
        return es_str_new_like(self, d + (suffix ? 0 : alen), len - alen);
    }
    if (es_obj_is_type(self, &es_type_bytearray)) {
        return es_str_new_like(self, d, len); /* a bytearray method returns a new bytearray */
    }
    return self;
}
static es_obj_t str_removeprefix(es_obj_t self, es_obj_t affix) { return remove_affix(self, affix, false); }
static es_obj_t str_removesuffix(es_obj_t self, es_obj_t affix) { return remove_affix(self, affix, true); }
ES_DEFINE_FUN_2(es_strmeth_removeprefix_obj, ES_Q_removeprefix, str_removeprefix);
ES_DEFINE_FUN_2(es_strmeth_removesuffix_obj, ES_Q_removesuffix, str_removesuffix);

/* ---- splitting and joining ------------------------------------------------------------------ */

static void append_piece(es_obj_t list, es_obj_t self, const uint8_t *p, size_t len) {
    es_obj_list_append(list, es_str_new_like(self, p, len));
}

static void list_reverse(es_obj_t list) {
    es_obj_list_t *l = es_obj_to_ptr(list);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        es_obj_t tmp = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = tmp;
    }
}

static const uint16_t split_arg_names[] = {ES_Q_sep, ES_Q_maxsplit};

static es_obj_t split_impl(size_t n_args, const es_obj_t *args, es_map_t *kw, bool reverse) {
    es_obj_t vals[2] = {ES_OBJ_NONE, ES_OBJ_NEW_SMALL_INT(-1)};
    parse_kw_args(reverse ? "rsplit" : "split", n_args - 1, args + 1, kw, 2, split_arg_names, vals);
    es_obj_t self = args[0];
    es_int_t maxsplit = es_obj_get_int(vals[1]);
    es_obj_t list = es_obj_new_list(0, NULL);
    text_t t;
    if (vals[0] == ES_OBJ_NONE) {
        text_of(self, &t);
        const uint8_t *start = t.data, *end = t.data + t.len;
        if (!reverse) {
            const uint8_t *p = start;
            for (;;) {
                while (p < end && char_isspace(&t, char_at(&t, p))) {
                    p += char_len_at(&t, p, end);
                }
                if (p == end) {
                    break;
                }
                if (maxsplit == 0) {
                    append_piece(list, self, p, (size_t)(end - p));
                    break;
                }
                const uint8_t *word = p;
                while (p < end && !char_isspace(&t, char_at(&t, p))) {
                    p += char_len_at(&t, p, end);
                }
                append_piece(list, self, word, (size_t)(p - word));
                maxsplit--;
            }
        } else {
            const uint8_t *p = end;
            for (;;) {
                while (p > start) {
                    const uint8_t *q = char_before(&t, p, start);
                    if (!char_isspace(&t, char_at(&t, q))) {
                        break;
                    }
                    p = q;
                }
                if (p == start) {
                    break;
                }
                if (maxsplit == 0) {
                    append_piece(list, self, start, (size_t)(p - start));
                    break;
                }
                const uint8_t *word_end = p;
                while (p > start) {
                    const uint8_t *q = char_before(&t, p, start);
                    if (char_isspace(&t, char_at(&t, q))) {
                        break;
                    }
                    p = q;
                }
                append_piece(list, self, p, (size_t)(word_end - p));
                maxsplit--;
            }
            list_reverse(list);
        }
        return list;
    }
    if (is_str(self) && !is_str(unwrap(vals[0]))) {
        es_raise_msg_varg(&es_type_TypeError, "must be str or None, not %s", es_obj_type_name(vals[0]));
    }
    size_t slen;
    const uint8_t *sep = arg_bytes(self, vals[0], &slen);
    if (slen == 0) {
        es_raise_msg(&es_type_ValueError, "empty separator");
    }
    text_of(self, &t);
    const uint8_t *start = t.data, *end = t.data + t.len;
    if (!reverse) {
        const uint8_t *p = start, *at;
        while (maxsplit != 0 && (at = find_bytes(p, (size_t)(end - p), sep, slen, false)) != NULL) {
            append_piece(list, self, p, (size_t)(at - p));
            p = at + slen;
            maxsplit--;
        }
        append_piece(list, self, p, (size_t)(end - p));
    } else {
        const uint8_t *p = end, *at;
        while (maxsplit != 0 && (at = find_bytes(start, (size_t)(p - start), sep, slen, true)) != NULL) {
            append_piece(list, self, at + slen, (size_t)(p - (at + slen)));
            p = at;
            maxsplit--;
        }
        append_piece(list, self, start, (size_t)(p - start));
        list_reverse(list);
    }
    return list;
}

static es_obj_t str_split(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    return split_impl(n_args, args, kw, false);
}
static es_obj_t str_rsplit(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    return split_impl(n_args, args, kw, true);
}
DEFINE_METHOD_KW(split, 1, str_split);
DEFINE_METHOD_KW(rsplit, 1, str_rsplit);

/* Length of the line break at p (0 if none): str knows more breaks than bytes. */
static size_t line_break_at(const text_t *t, const uint8_t *p, const uint8_t *end) {
    uint8_t b = *p;
    if (b == '\r') {
        return p + 1 < end && p[1] == '\n' ? 2 : 1;
    }
    if (b == '\n') {
        return 1;
    }
    if (!t->is_str) {
        return 0;
    }
    if (b == 0x0b || b == 0x0c || (b >= 0x1c && b <= 0x1e)) {
        return 1;
    }
    if (b == 0xc2 && p + 1 < end && p[1] == 0x85) {
        return 2;
    }
    if (b == 0xe2 && p + 2 < end && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
        return 3;
    }
    return 0;
}

static const uint16_t splitlines_arg_names[] = {ES_Q_keepends};

static es_obj_t str_splitlines(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    es_obj_t keep = ES_OBJ_FALSE;
    parse_kw_args("splitlines", n_args - 1, args + 1, kw, 1, splitlines_arg_names, &keep);
    bool keepends = es_obj_is_true(keep);
    es_obj_t self = args[0];
    text_t t;
    text_of(self, &t);
    es_obj_t list = es_obj_new_list(0, NULL);
    const uint8_t *p = t.data, *end = t.data + t.len, *line = p;
    while (p < end) {
        size_t br = line_break_at(&t, p, end);
        if (br == 0) {
            p++;
            continue;
        }
        append_piece(list, self, line, (size_t)(p - line) + (keepends ? br : 0));
        p += br;
        line = p;
    }
    if (line < end) {
        append_piece(list, self, line, (size_t)(end - line));
    }
    return list;
}
DEFINE_METHOD_KW(splitlines, 1, str_splitlines);

/* Whether the character at p is one of chars (NULL chars: whitespace). */
static bool in_strip_set(const text_t *t, const uint8_t *p, size_t clen, const uint8_t *chars, size_t nchars) {
    if (chars == NULL) {
        return char_isspace(t, char_at(t, p));
    }
    /* UTF-8 is self-synchronising: a whole-sequence match is a character match. */
    return find_bytes(chars, nchars, p, clen, false) != NULL;
}

static es_obj_t strip_impl(size_t n_args, const es_obj_t *args, bool left, bool right) {
    es_obj_t self = args[0];
    const uint8_t *chars = NULL;
    size_t nchars = 0;
    if (n_args > 1 && args[1] != ES_OBJ_NONE) {
        if (is_str(self) && !is_str(unwrap(args[1]))) {
            es_raise_msg_varg(&es_type_TypeError, "%s arg must be None or str", left && right ? "strip" : left ? "lstrip" : "rstrip");
        }
        chars = arg_bytes(self, args[1], &nchars);
    }
    text_t t;
    text_of(self, &t);
    const uint8_t *start = t.data, *end = t.data + t.len;
    if (left) {
        while (start < end) {
            size_t clen = char_len_at(&t, start, end);
            if (!in_strip_set(&t, start, clen, chars, nchars)) {
                break;
            }
            start += clen;
        }
    }
    if (right) {
        while (end > start) {
            const uint8_t *q = char_before(&t, end, start);
            if (!in_strip_set(&t, q, (size_t)(end - q), chars, nchars)) {
                break;
            }
            end = q;
        }
    }
    if (start == t.data && end == t.data + t.len && !es_obj_is_type(self, &es_type_bytearray)) {
        return self;
    }
    return es_str_new_like(self, start, (size_t)(end - start));
}

static es_obj_t str_strip(size_t n_args, const es_obj_t *args) { return strip_impl(n_args, args, true, true); }
static es_obj_t str_lstrip(size_t n_args, const es_obj_t *args) { return strip_impl(n_args, args, true, false); }
static es_obj_t str_rstrip(size_t n_args, const es_obj_t *args) { return strip_impl(n_args, args, false, true); }
DEFINE_METHOD_VAR(strip, 1, 2, str_strip);
DEFINE_METHOD_VAR(lstrip, 1, 2, str_lstrip);
DEFINE_METHOD_VAR(rstrip, 1, 2, str_rstrip);

static es_obj_t str_join(es_obj_t self, es_obj_t iterable) {
    size_t n;
    es_obj_t *items;
    if (!es_obj_is_type(iterable, &es_type_list) && !es_obj_is_type(iterable, &es_type_tuple)) {
        es_obj_t list = es_obj_new_list(0, NULL);
        es_obj_t it = es_getiter(iterable, NULL);
        es_obj_t item;
        while ((item = es_iternext(it)) != ES_OBJ_STOP_ITERATION) {
            es_obj_list_append(list, item);
        }
        iterable = list;
    }
    es_obj_get_array(iterable, &n, &items);
    bool s = is_str(self);
    size_t seplen;
    es_str_bytes(self, &seplen);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        es_buffer_info_t info;
        es_obj_t item = unwrap(items[i]);
        if (s ? !is_str(item) : !es_str_get_buffer(item, &info, ES_BUFFER_READ)) {
            es_raise_msg_varg(&es_type_TypeError,
                              s ? "sequence item %u: expected str instance, %s found"
                                : "sequence item %u: expected a bytes-like object, %s found",
                              (unsigned)i, es_obj_type_name(item));
        }
        if (s) {
            es_str_bytes(item, &len);
        } else {
            len = info.len;
        }
        total += len + (i > 0 ? seplen : 0);
    }
    if (n == 1 && s && es_obj_get_type(items[0]) == &es_type_str) {
        return items[0];
    }
    es_vstr_t v;
    es_vstr_init(&v, total + 1);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        if (i > 0) {
            const uint8_t *sep = es_str_bytes(self, &len);
            es_vstr_add_strn(&v, (const char *)sep, len);
        }
        const uint8_t *d = arg_bytes(self, items[i], &len);
        es_vstr_add_strn(&v, (const char *)d, len);
    }
    return es_obj_new_str_from_vstr(kind_of(self), &v);
}
ES_DEFINE_FUN_2(es_strmeth_join_obj, ES_Q_join, str_join);

static es_obj_t str_replace(size_t n_args, const es_obj_t *args) {
    es_obj_t self = args[0];
    size_t olen, nlen;
    const uint8_t *old = arg_bytes(self, args[1], &olen);
    const uint8_t *new = arg_bytes(self, args[2], &nlen);
    es_int_t count = -1;
    if (n_args > 3) {
        count = es_obj_get_int(args[3]);
    }
    text_t t;
    text_of(self, &t);
    if (count == 0 || (olen > t.len) || (olen > 0 && find_bytes(t.data, t.len, old, olen, false) == NULL)) {
        return es_obj_is_type(self, &es_type_bytearray) ? es_str_new_like(self, t.data, t.len) : self;
    }
    es_vstr_t v;
    es_vstr_init(&v, t.len + nlen + 16);
    text_of(self, &t);
    const uint8_t *p = t.data, *end = t.data + t.len;
    if (olen == 0) {
        /* '' matches before every character and at the end. */
        for (;;) {
            if (count != 0) {
                es_vstr_add_strn(&v, (const char *)new, nlen);
                count--;
            }
            if (p == end) {
                break;
            }
            size_t clen = char_len_at(&t, p, end);
            es_vstr_add_strn(&v, (const char *)p, clen);
            p += clen;
        }
    } else {
        const uint8_t *at;
        while (count != 0 && (at = find_bytes(p, (size_t)(end - p), old, olen, false)) != NULL) {
            es_vstr_add_strn(&v, (const char *)p, (size_t)(at - p));
            es_vstr_add_strn(&v, (const char *)new, nlen);
            p = at + olen;
            count--;
        }
        es_vstr_add_strn(&v, (const char *)p, (size_t)(end - p));
    }
    return es_obj_new_str_from_vstr(kind_of(self), &v);
}
DEFINE_METHOD_VAR(replace, 3, 4, str_replace);

static es_obj_t partition_impl(es_obj_t self, es_obj_t sep_obj, bool reverse) {
    size_t slen;
    const uint8_t *sep = arg_bytes(self, sep_obj, &slen);
    if (slen == 0) {
        es_raise_msg(&es_type_ValueError, "empty separator");
    }
    text_t t;
    text_of(self, &t);
    const uint8_t *at = find_bytes(t.data, t.len, sep, slen, reverse);
    es_obj_t parts[3];
    size_t off = at == NULL ? 0 : (size_t)(at - t.data);
    if (at == NULL) {
        es_obj_t empty = es_str_new_like(self, t.data, 0);
        es_obj_t whole = es_obj_is_type(self, &es_type_bytearray) ? es_str_new_like(self, t.data, t.len) : self;
        parts[0] = reverse ? empty : whole;
        parts[1] = es_str_new_like(self, t.data, 0);
        parts[2] = reverse ? whole : empty;
    } else {
        parts[0] = es_str_new_like(self, t.data, off);
        text_of(self, &t);
        parts[1] = es_str_new_like(self, t.data + off, slen);
        text_of(self, &t);
        parts[2] = es_str_new_like(self, t.data + off + slen, t.len - off - slen);
    }
    return es_obj_new_tuple(3, parts);
}
static es_obj_t str_partition(es_obj_t self, es_obj_t sep) { return partition_impl(self, sep, false); }
static es_obj_t str_rpartition(es_obj_t self, es_obj_t sep) { return partition_impl(self, sep, true); }
ES_DEFINE_FUN_2(es_strmeth_partition_obj, ES_Q_partition, str_partition);
ES_DEFINE_FUN_2(es_strmeth_rpartition_obj, ES_Q_rpartition, str_rpartition);

/* ---- case and character classes ------------------------------------------------------------ */

/* bytes methods see only ASCII letters; str methods all of Unicode. */
static bool text_isupper(const text_t *t, es_unichar_t c) { return (t->is_str || c < 0x80) && es_unichar_isupper(c); }
static bool text_islower(const text_t *t, es_unichar_t c) { return (t->is_str || c < 0x80) && es_unichar_islower(c); }

typedef enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE, CASE_FOLD } case_kind_t;

/*
** Capital sigma lowers to final sigma at the end of a word: after a cased letter and not
** before one. (Unicode also skips case-ignorable marks around it; those are not tabled here.)
*/
static bool sigma_is_final(const uint8_t *start, const uint8_t *at, const uint8_t *end) {
    const uint8_t *p = at;
    while (p > start && es_utf8_is_cont(*--p)) {
    }
    if (p == at) {
        return false;
    }
    const uint8_t *q = p;
    if (!es_unichar_iscased(es_utf8_decode(&q))) {
        return false;
    }
    q = at;
    es_utf8_decode(&q); /* the sigma itself */
    return q == end || !es_unichar_iscased(es_utf8_decode(&q));
}

static es_obj_t case_impl(es_obj_t self, case_kind_t kind) {
    text_t t;
    text_of(self, &t);
    es_vstr_t v;
    es_vstr_init(&v, t.len + 1);
    text_of(self, &t);
    const uint8_t *p = t.data, *end = t.data + t.len;
    bool prev_cased = false, first = true;
    while (p < end) {
        const uint8_t *at = p;
        es_unichar_t c = t.is_str ? es_utf8_decode(&p) : *p++;
        if (!t.is_str) {
            bool up = text_isupper(&t, c), low = text_islower(&t, c);
            bool to_upper = kind == CASE_UPPER || (kind == CASE_SWAP && low) || (kind == CASE_TITLE && !prev_cased) ||
                            (kind == CASE_CAPITALIZE && first);
            prev_cased = up || low;
            first = false;
            es_vstr_add_byte(&v, (uint8_t)(to_upper && low ? c - 32 : !to_upper && up ? c + 32 : c));
            continue;
        }
        es_case_kind_t mapping = ES_CASE_LOWER;
        bool keep = false;
        switch (kind) {
            case CASE_UPPER:
                mapping = ES_CASE_UPPER;
                break;
            case CASE_FOLD:
                mapping = ES_CASE_FOLD;
                break;
            case CASE_SWAP:
                mapping = es_unichar_isupper(c) ? ES_CASE_LOWER : ES_CASE_UPPER;
                keep = !es_unichar_isupper(c) && !es_unichar_islower(c);
                break;
            case CASE_TITLE:
                mapping = prev_cased ? ES_CASE_LOWER : ES_CASE_TITLE;
                break;
            case CASE_CAPITALIZE:
                mapping = first ? ES_CASE_TITLE : ES_CASE_LOWER;
                break;
            default:
                break;
        }
        prev_cased = es_unichar_iscased(c);
        first = false;
        if (keep) {
            es_vstr_add_char(&v, c);
        } else if (c == 0x3a3 && mapping == ES_CASE_LOWER) {
            es_vstr_add_char(&v, sigma_is_final(t.data, at, end) ? 0x3c2 : 0x3c3);
        } else {
            es_unichar_t out[3];
            size_t n = es_unichar_case_full(c, mapping, out);
            for (size_t i = 0; i < n; i++) {
                es_vstr_add_char(&v, out[i]);
            }
        }
    }
    return es_obj_new_str_from_vstr(kind_of(self), &v);
}

static es_obj_t str_lower(es_obj_t self) { return case_impl(self, CASE_LOWER); }
static es_obj_t str_upper(es_obj_t self) { return case_impl(self, CASE_UPPER); }
static es_obj_t str_swapcase(es_obj_t self) { return case_impl(self, CASE_SWAP); }
static es_obj_t str_title(es_obj_t self) { return case_impl(self, CASE_TITLE); }
static es_obj_t str_capitalize(es_obj_t self) { return case_impl(self, CASE_CAPITALIZE); }
static es_obj_t str_casefold(es_obj_t self) { return case_impl(self, CASE_FOLD); }
DEFINE_METHOD_1(lower, str_lower);
DEFINE_METHOD_1(upper, str_upper);
DEFINE_METHOD_1(swapcase, str_swapcase);
DEFINE_METHOD_1(title, str_title);
DEFINE_METHOD_1(capitalize, str_capitalize);
ES_DEFINE_FUN_1(es_strmeth_casefold_obj, ES_Q_casefold, str_casefold);

typedef enum {
    IS_ALPHA,
    IS_ALNUM,
    IS_DIGIT,
    IS_DECIMAL,
    IS_NUMERIC,
    IS_SPACE,
    IS_ASCII,
    IS_PRINTABLE,
} is_kind_t;

static bool str_char_is(const text_t *t, es_unichar_t c, is_kind_t kind) {
    if (!t->is_str && c >= 0x80) {
        return kind == IS_PRINTABLE;
    }
    switch (kind) {
        case IS_ALPHA:
            return es_unichar_isalpha(c);
        case IS_ALNUM:
            return es_unichar_isalnum(c);
        case IS_DECIMAL:
            return es_unichar_isdecimal(c);
        case IS_DIGIT:
            return es_unichar_isdigit(c);
        case IS_NUMERIC:
            return es_unichar_isnumeric(c);
        case IS_SPACE:
            return char_isspace(t, c);
        case IS_ASCII:
            return c < 0x80;
        default:
            return es_unichar_isprintable(c);
    }
}

static es_obj_t is_impl(es_obj_t self, is_kind_t kind) {
    text_t t;
    text_of(self, &t);
    if (t.len == 0) {
        return es_obj_new_bool(kind == IS_ASCII || kind == IS_PRINTABLE);
    }
    const uint8_t *p = t.data, *end = t.data + t.len;
    while (p < end) {
        es_unichar_t c = t.is_str ? es_utf8_decode(&p) : *p++;
        if (!str_char_is(&t, c, kind)) {
            return ES_OBJ_FALSE;
        }
    }
    return ES_OBJ_TRUE;
}

static es_obj_t str_isalpha(es_obj_t self) { return is_impl(self, IS_ALPHA); }
static es_obj_t str_isalnum(es_obj_t self) { return is_impl(self, IS_ALNUM); }
static es_obj_t str_isdigit(es_obj_t self) { return is_impl(self, IS_DIGIT); }
static es_obj_t str_isdecimal(es_obj_t self) { return is_impl(self, IS_DECIMAL); }
static es_obj_t str_isnumeric(es_obj_t self) { return is_impl(self, IS_NUMERIC); }
static es_obj_t str_isspace(es_obj_t self) { return is_impl(self, IS_SPACE); }
static es_obj_t str_isascii(es_obj_t self) { return is_impl(self, IS_ASCII); }
static es_obj_t str_isprintable(es_obj_t self) { return is_impl(self, IS_PRINTABLE); }
DEFINE_METHOD_1(isalpha, str_isalpha);
DEFINE_METHOD_1(isalnum, str_isalnum);
DEFINE_METHOD_1(isdigit, str_isdigit);
DEFINE_METHOD_1(isdecimal, str_isdecimal);
DEFINE_METHOD_1(isnumeric, str_isnumeric);
DEFINE_METHOD_1(isspace, str_isspace);
DEFINE_METHOD_1(isascii, str_isascii);
DEFINE_METHOD_1(isprintable, str_isprintable);

/* isupper, islower, istitle: at least one cased character, and the case rule holds. */
static es_obj_t case_test(es_obj_t self, int which) {
    text_t t;
    text_of(self, &t);
    const uint8_t *p = t.data, *end = t.data + t.len;
    bool any_cased = false, prev_cased = false;
    while (p < end) {
        es_unichar_t c = t.is_str ? es_utf8_decode(&p) : *p++;
        bool title = t.is_str && es_unichar_istitle(c);
        bool up = text_isupper(&t, c), low = text_islower(&t, c);
        if ((which == 0 && (low || title)) || (which == 1 && (up || title))) {
            return ES_OBJ_FALSE;
        }
        if (which == 2 && (((up || title) && prev_cased) || (low && !prev_cased))) {
            return ES_OBJ_FALSE;
        }
        any_cased |= up || low || title;
        prev_cased = up || low || title;
    }
    return es_obj_new_bool(any_cased);
}
static es_obj_t str_isupper(es_obj_t self) { return case_test(self, 0); }
static es_obj_t str_islower(es_obj_t self) { return case_test(self, 1); }
static es_obj_t str_istitle(es_obj_t self) { return case_test(self, 2); }
DEFINE_METHOD_1(isupper, str_isupper);
DEFINE_METHOD_1(islower, str_islower);
DEFINE_METHOD_1(istitle, str_istitle);

static es_obj_t str_isidentifier(es_obj_t self) {
    text_t t;
    text_of(self, &t);
    const uint8_t *p = t.data, *end = t.data + t.len;
    if (p == end || !es_unichar_isident_start(es_utf8_decode(&p))) {
        return ES_OBJ_FALSE;
    }
    while (p < end) {
        if (!es_unichar_isident_cont(es_utf8_decode(&p))) {
            return ES_OBJ_FALSE;
        }
    }
    return ES_OBJ_TRUE;
}
DEFINE_METHOD_1(isidentifier, str_isidentifier);

/* ---- padding ---------------------------------------------------------------------------------- */

/* The fill character of center/ljust/rjust: one code point for str, one byte for bytes. */
static const uint8_t *fill_char(es_obj_t self, size_t n_args, const es_obj_t *args, size_t *flen, const char *fname) {
    if (n_args < 3) {
        *flen = 1;
        return (const uint8_t *)" ";
    }
    if (is_str(self)) {
        if (!is_str(args[2])) {
            es_raise_msg_varg(&es_type_TypeError, "%s() argument 2 must be str, not %s", fname, es_obj_type_name(args[2]));
        }
        const uint8_t *f = es_str_bytes(args[2], flen);
        if (es_utf8_count(f, *flen) != 1) {
            es_raise_msg(&es_type_TypeError, "The fill character must be exactly one character long");
        }
        return f;
    }
    if (!is_bytes_like(args[2])) {
        es_raise_msg_varg(&es_type_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", fname,
                          es_obj_type_name(args[2]));
    }
    const uint8_t *f = es_str_bytes(args[2], flen);
    if (*flen != 1) {
        es_raise_msg_varg(&es_type_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", fname,
                          es_obj_type_name(args[2]));
    }
    return f;
}

static es_obj_t pad_impl(size_t n_args, const es_obj_t *args, int align, const char *fname) {
    es_obj_t self = args[0];
    es_int_t width = es_obj_get_int(args[1]);
    size_t flen;
    const uint8_t *fill = fill_char(self, n_args, args, &flen, fname);
    text_t t;
    text_of(self, &t);
    size_t n = text_count(&t);
    if (width <= (es_int_t)n) {
        return es_obj_is_type(self, &es_type_bytearray) ? es_str_new_like(self, t.data, t.len) : self;
    }
    size_t pad = (size_t)width - n, left;
    if (align < 0) {
        left = 0;
    } else if (align > 0) {
        left = pad;
    } else {
        left = pad / 2 + (pad & (size_t)width & 1);
    }
    es_vstr_t v;
    es_vstr_init(&v, t.len + pad * flen + 1);
    for (size_t i = 0; i < left; i++) {
        es_vstr_add_strn(&v, (const char *)fill, flen);
    }
    es_vstr_add_strn(&v, (const char *)t.data, t.len);
    for (size_t i = left; i < pad; i++) {
        es_vstr_add_strn(&v, (const char *)fill, flen);
    }
    return es_obj_new_str_from_vstr(kind_of(self), &v);
}
static es_obj_t str_ljust(size_t n_args, const es_obj_t *args) { return pad_impl(n_args, args, -1, "ljust"); }
static es_obj_t str_rjust(size_t n_args, const es_obj_t *args) { return pad_impl(n_args, args, 1, "rjust"); }
static es_obj_t str_center(size_t n_args, const es_obj_t *args) { return pad_impl(n_args, args, 0, "center"); }
DEFINE_METHOD_VAR(ljust, 2, 3, str_ljust);
DEFINE_METHOD_VAR(rjust, 2, 3, str_rjust);
DEFINE_METHOD_VAR(center, 2, 3, str_center);

static es_obj_t str_zfill(es_obj_t self, es_obj_t width_obj) {
    es_int_t width = es_obj_get_int(width_obj);
    text_t t;
    text_of(self, &t);
    size_t n = text_count(&t);
    if (width <= (es_int_t)n) {
        return es_obj_is_type(self, &es_type_bytearray) ? es_str_new_like(self, t.data, t.len) : self;
    }
    es_vstr_t v;
    es_vstr_init(&v, (size_t)width + t.len);
    size_t sign = t.len > 0 && (t.data[0] == '+' || t.data[0] == '-') ? 1 : 0;
    es_vstr_add_strn(&v, (const char *)t.data, sign);
    for (size_t i = n; i < (size_t)width; i++) {
        es_vstr_add_byte(&v, '0');
    }
    es_vstr_add_strn(&v, (const char *)t.data + sign, t.len - sign);
    return es_obj_new_str_from_vstr(kind_of(self), &v);
}
ES_DEFINE_FUN_2(es_strmeth_zfill_obj, ES_Q_zfill, str_zfill);

static const uint16_t expandtabs_arg_names[] = {ES_Q_tabsize};

static es_obj_t str_expandtabs(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    es_obj_t tab_obj = ES_OBJ_NEW_SMALL_INT(8);
    parse_kw_args("expandtabs", n_args - 1, args + 1, kw, 1, expandtabs_arg_names, &tab_obj);
    es_int_t tabsize = es_obj_get_int(tab_obj);
    es_obj_t self = args[0];
    text_t t;
    text_of(self, &t);
    es_vstr_t v;
    es_vstr_init(&v, t.len + 8);
    text_of(self, &t);
    size_t column = 0;
    const uint8_t *p = t.data, *end = t.data + t.len;
    while (p < end) {
        size_t clen = char_len_at(&t, p, end);
        if (*p == '\t') {
            if (tabsize > 0) {
                size_t spaces = (size_t)tabsize - column % (size_t)tabsize;
                for (size_t i = 0; i < spaces; i++) {
                    es_vstr_add_byte(&v, ' ');
                }
                column += spaces;
            }
        } else {
            es_vstr_add_strn(&v, (const char *)p, clen);
            column = (*p == '\n' || *p == '\r') ? 0 : column + 1;
        }
        p += clen;
    }
    return es_obj_new_str_from_vstr(kind_of(self), &v);
}
DEFINE_METHOD_KW(expandtabs, 1, str_expandtabs);

/* ---- encodings --------------------------------------------------------------------------------- */

typedef enum { ENC_UTF8, ENC_ASCII, ENC_LATIN1 } encoding_t;
typedef enum { ERR_STRICT, ERR_IGNORE, ERR_REPLACE } errors_t;

static encoding_t encoding_of(es_obj_t name) {
    if (name == ES_OBJ_NULL || name == ES_OBJ_NONE) {
        return ENC_UTF8;
    }
    if (!is_str(name)) {
        es_raise_msg_varg(&es_type_TypeError, "encoding must be str, not %s", es_obj_type_name(name));
    }
    size_t len;
    const uint8_t *s = es_str_bytes(name, &len);
    char norm[16];
    size_t n = 0;
    for (size_t i = 0; i < len && n < sizeof(norm) - 1; i++) {
        if (s[i] != '-' && s[i] != '_' && s[i] != ' ') {
            norm[n++] = (char)es_unichar_tolower(s[i]);
        }
    }
    norm[n] = 0;
    if (len < 16) {
        if (!strcmp(norm, "utf8") || !strcmp(norm, "u8")) {
            return ENC_UTF8;
        }
        if (!strcmp(norm, "ascii") || !strcmp(norm, "usascii")) {
            return ENC_ASCII;
        }
        if (!strcmp(norm, "latin1") || !strcmp(norm, "iso88591") || !strcmp(norm, "l1")) {
            return ENC_LATIN1;
        }
    }
    es_raise_msg_varg(&es_type_LookupError, "unknown encoding: %.*s", (int)len, (const char *)s);
}

static errors_t errors_of(es_obj_t name) {
    if (name == ES_OBJ_NULL || name == ES_OBJ_NONE) {
        return ERR_STRICT;
    }
    const char *s = es_obj_str_get_str(name);
    if (!strcmp(s, "strict")) {
        return ERR_STRICT;
    }
    if (!strcmp(s, "ignore")) {
        return ERR_IGNORE;
    }
    if (!strcmp(s, "replace")) {
        return ERR_REPLACE;
    }
    es_raise_msg_varg(&es_type_LookupError, "unknown error handler name '%s'", s);
}

static const uint16_t encode_arg_names[] = {ES_Q_encoding, ES_Q_errors};

/* str.encode: UTF-8 is the storage format, so only ascii and latin-1 need work. */
static es_obj_t str_encode_impl(es_obj_t self, es_obj_t encoding, es_obj_t errors) {
    encoding_t enc = encoding_of(encoding);
    errors_t err = errors_of(errors);
    size_t len;
    const uint8_t *d = es_str_bytes(self, &len);
    if (enc == ENC_UTF8 || es_str_is_ascii(d, len)) {
        return es_obj_new_bytes(d, len);
    }
    es_unichar_t limit = enc == ENC_ASCII ? 0x80 : 0x100;
    es_vstr_t v;
    es_vstr_init(&v, len);
    const uint8_t *p = d, *end = d + len;
    size_t pos = 0;
    while (p < end) {
        es_unichar_t c = es_utf8_decode(&p);
        if (c < limit) {
            es_vstr_add_byte(&v, (uint8_t)c);
        } else if (err == ERR_REPLACE) {
            es_vstr_add_byte(&v, '?');
        } else if (err == ERR_STRICT) {
            /* Shown as repr() would escape it: \xNN, \uNNNN or \UNNNNNNNN. */
            char escape[12];
            snprintf(escape, sizeof(escape), c < 0x100 ? "x%02x" : c < 0x10000 ? "u%04x" : "U%08x", (unsigned)c);
            es_raise_msg_varg(&es_type_UnicodeEncodeError,
                              "'%s' codec can't encode character '\\%s' in position %u: ordinal not in range(%u)",
                              enc == ENC_ASCII ? "ascii" : "latin-1", escape, (unsigned)pos, (unsigned)limit);
        }
        pos++;
    }
    return es_obj_new_str_from_vstr(&es_type_bytes, &v);
}

static es_obj_t str_encode(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    es_obj_t vals[2] = {ES_OBJ_NULL, ES_OBJ_NULL};
    parse_kw_args("encode", n_args - 1, args + 1, kw, 2, encode_arg_names, vals);
    return str_encode_impl(args[0], vals[0], vals[1]);
}
DEFINE_METHOD_KW(encode, 1, str_encode);

es_obj_t es_bytes_decode(const uint8_t *data, size_t len, es_obj_t encoding, es_obj_t errors) {
    encoding_t enc = encoding_of(encoding);
    errors_t err = errors_of(errors);
    size_t bad = es_utf8_first_invalid(data, len);
    if (bad == len && (enc != ENC_ASCII || es_str_is_ascii(data, len))) {
        if (enc != ENC_LATIN1 || es_str_is_ascii(data, len)) {
            return es_obj_new_str((const char *)data, len);
        }
    }
    es_vstr_t v;
    es_vstr_init(&v, len + 8);
    size_t i = 0;
    while (i < len) {
        uint8_t b = data[i];
        if (b < 0x80) {
            es_vstr_add_byte(&v, b);
            i++;
            continue;
        }
        if (enc == ENC_LATIN1) {
            es_vstr_add_char(&v, b);
            i++;
            continue;
        }
        size_t seq = 1;
        if (enc == ENC_UTF8) {
            size_t valid = es_utf8_first_invalid(data + i, len - i);
            if (valid > 0) {
                es_vstr_add_strn(&v, (const char *)data + i, valid);
                i += valid;
                continue;
            }
            /* The maximal valid prefix of a broken sequence counts as one error. */
            size_t extra = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
            if (b >= 0xc2 && b <= 0xf4) {
                while (seq <= extra && i + seq < len && es_utf8_is_cont(data[i + seq])) {
                    seq++;
                }
                if (seq > extra) {
                    seq = 1; /* a complete but invalid form (overlong, surrogate): bytes one by one */
                }
            }
        }
        if (err == ERR_STRICT) {
            const char *reason = "ordinal not in range(128)";
            if (enc == ENC_UTF8) {
                reason = !(b >= 0xc2 && b <= 0xf4) ? "invalid start byte"
                         : i + seq >= len          ? "unexpected end of data"
                                                   : "invalid continuation byte";
            }
            es_raise_msg_varg(&es_type_UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %u: %s",
                              enc == ENC_UTF8 ? "utf-8" : "ascii", (unsigned)b, (unsigned)i, reason);
        }
        if (err == ERR_REPLACE) {
            es_vstr_add_char(&v, 0xfffd);
        }
        i += seq;
    }
    return es_obj_new_str_from_vstr(&es_type_str, &v);
}

static const uint16_t decode_arg_names[] = {ES_Q_encoding, ES_Q_errors};

static es_obj_t bytes_decode(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    es_obj_t vals[2] = {ES_OBJ_NULL, ES_OBJ_NULL};
    parse_kw_args("decode", n_args - 1, args + 1, kw, 2, decode_arg_names, vals);
    size_t len;
    const uint8_t *d = es_str_bytes(args[0], &len);
    return es_bytes_decode(d, len, vals[0], vals[1]);
}
DEFINE_METHOD_KW(decode, 1, bytes_decode);

static es_obj_t bytes_hex(size_t n_args, const es_obj_t *args) {
    static const char digits[] = "0123456789abcdef";
    size_t len;
    const uint8_t *sep = NULL;
    size_t seplen = 0;
    es_int_t group = 1;
    if (n_args > 1) {
        if (is_str(args[1])) {
            sep = es_str_bytes(args[1], &seplen);
        } else {
            sep = arg_bytes(args[0], args[1], &seplen);
        }
        if (seplen != 1 || sep[0] >= 0x80) {
            es_raise_msg(&es_type_ValueError, "sep must be length 1.");
        }
        if (n_args > 2) {
            group = es_obj_get_int(args[2]);
        }
    }
    const uint8_t *d = es_str_bytes(args[0], &len);
    es_vstr_t v;
    es_vstr_init(&v, 2 * len + 1);
    d = es_str_bytes(args[0], &len);
    size_t g = group < 0 ? 0 - (size_t)group : (size_t)group; /* unsigned: -(-2**63) overflows */
    for (size_t i = 0; i < len; i++) {
        if (sep != NULL && i > 0 && g > 0) {
            /* A positive group counts from the right, a negative one from the left. */
            size_t from_edge = group > 0 ? len - i : i;
            if (from_edge % g == 0) {
                es_vstr_add_byte(&v, sep[0]);
            }
        }
        es_vstr_add_byte(&v, (uint8_t)digits[d[i] >> 4]);
        es_vstr_add_byte(&v, (uint8_t)digits[d[i] & 15]);
    }
    return es_obj_new_str_from_vstr(&es_type_str, &v);
}
DEFINE_METHOD_VAR(hex, 1, 3, bytes_hex);

static es_obj_t bytes_fromhex(es_obj_t cls, es_obj_t string) {
    if (!is_str(string)) {
        es_raise_msg_varg(&es_type_TypeError, "fromhex() argument must be str, not %s", es_obj_type_name(string));
    }
    size_t len;
    const uint8_t *s = es_str_bytes(string, &len);
    es_vstr_t v;
    es_vstr_init(&v, len / 2 + 1);
    size_t i = 0;
    for (;;) {
        while (i < len && es_unichar_isspace(s[i])) {
            i++;
        }
        if (i >= len) {
            break;
        }
        if (!es_unichar_isxdigit(s[i]) || i + 1 >= len || !es_unichar_isxdigit(s[i + 1])) {
            size_t at = es_unichar_isxdigit(s[i]) ? i + 1 : i;
            es_raise_msg_varg(&es_type_ValueError, "non-hexadecimal number found in fromhex() arg at position %u",
                              (unsigned)at);
        }
        es_vstr_add_byte(&v, (uint8_t)(es_unichar_xdigit_value(s[i]) * 16 + es_unichar_xdigit_value(s[i + 1])));
        i += 2;
    }
    const es_type_t *type = cls == es_obj_from_ptr(&es_type_bytearray) ? &es_type_bytearray : &es_type_bytes;
    return es_obj_new_str_from_vstr(type, &v);
}
static ES_DEFINE_FUN_2(bytes_fromhex_fun_obj, ES_Q_fromhex, bytes_fromhex);
const es_obj_static_class_method_t es_bytes_fromhex_obj = {{&es_type_classmethod},
                                                            ES_OBJ_FROM_CONST(bytes_fromhex_fun_obj)};

/* ---- translate and maketrans ------------------------------------------------------------------- */

/* table[c] for str.translate: ES_OBJ_NULL when the table has no entry (LookupError). */
static es_obj_t translate_lookup(es_obj_t table, es_unichar_t c) {
    es_obj_t key = es_obj_new_small_int((es_int_t)c);
    if (es_obj_is_type(table, &es_type_dict)) {
        return es_obj_dict_get(table, key);
    }
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_t r = es_obj_subscr(table, key, ES_OBJ_SENTINEL);
        es_nlr_pop();
        return r;
    }
    if (es_obj_exception_match(nlr.ret_val, &es_type_LookupError)) {
        return ES_OBJ_NULL;
    }
    es_nlr_jump(nlr.ret_val);
}

static es_obj_t str_translate(size_t n_args, const es_obj_t *args) {
    es_obj_t self = args[0];
    text_t t;
    text_of(self, &t);
    es_vstr_t v;
    es_vstr_init(&v, t.len + 1);
    if (!t.is_str) {
        const uint8_t *table = NULL;
        size_t tlen = 0, dlen = 0;
        const uint8_t *del = NULL;
        if (args[1] != ES_OBJ_NONE) {
            table = arg_bytes(self, args[1], &tlen);
            if (tlen != 256) {
                es_raise_msg(&es_type_ValueError, "translation table must be 256 characters long");
            }
        }
        if (n_args > 2) {
            del = arg_bytes(self, args[2], &dlen);
        }
        text_of(self, &t);
        for (size_t i = 0; i < t.len; i++) {
            if (dlen > 0 && memchr(del, t.data[i], dlen) != NULL) {
                continue;
            }
            es_vstr_add_byte(&v, table != NULL ? table[t.data[i]] : t.data[i]);
        }
        return es_obj_new_str_from_vstr(kind_of(self), &v);
    }
    if (n_args > 2) {
        es_raise_msg(&es_type_TypeError, "translate() takes exactly one argument (2 given)");
    }
    const uint8_t *p = t.data, *end = t.data + t.len;
    while (p < end) {
        const uint8_t *start = p;
        es_unichar_t c = es_utf8_decode(&p);
        es_obj_t r = translate_lookup(args[1], c);
        es_int_t code;
        if (r == ES_OBJ_NULL) {
            es_vstr_add_strn(&v, (const char *)start, (size_t)(p - start));
        } else if (r == ES_OBJ_NONE) {
            /* deleted */
        } else if (is_str(r)) {
            size_t rlen;
            const uint8_t *rd = es_str_bytes(r, &rlen);
            es_vstr_add_strn(&v, (const char *)rd, rlen);
        } else if (!es_obj_is_float(r) && es_obj_get_int_maybe(r, &code)) {
            if (code < 0 || code > 0x10ffff) {
                es_raise_msg(&es_type_ValueError, "character mapping must be in range(0x110000)");
            }
            es_vstr_add_char(&v, (uint32_t)code);
        } else {
            es_raise_msg(&es_type_TypeError, "character mapping must return integer, None or str");
        }
    }
    return es_obj_new_str_from_vstr(&es_type_str, &v);
}
DEFINE_METHOD_VAR(translate, 2, 3, str_translate);

static es_obj_t str_maketrans(size_t n_args, const es_obj_t *args) {
    es_obj_t dict = es_obj_new_dict(0);
    if (n_args == 1) {
        if (!es_obj_is_type(args[0], &es_type_dict)) {
            es_raise_msg(&es_type_TypeError, "if you give only one argument to maketrans it must be a dict");
        }
        es_map_t *map = es_obj_dict_get_map(args[0]);
        for (size_t i = 0; i < map->used; i++) {
            if (!es_map_slot_is_filled(map, i)) {
                continue;
            }
            es_obj_t key = map->table[i].key;
            if (is_str(key)) {
                size_t klen;
                const uint8_t *k = es_str_bytes(key, &klen);
                if (es_utf8_count(k, klen) != 1) {
                    es_raise_msg(&es_type_ValueError, "string keys in translate table must be of length 1");
                }
                key = es_obj_new_small_int((es_int_t)es_utf8_decode(&k));
            } else if (!es_obj_is_int(key)) {
                es_raise_msg(&es_type_TypeError, "keys in translate table must be strings or integers");
            }
            es_obj_dict_store(dict, key, map->table[i].value);
        }
        return dict;
    }
    for (size_t i = 0; i < n_args; i++) {
        if (!is_str(args[i])) {
            es_raise_msg_varg(&es_type_TypeError, "maketrans() argument %u must be str, not %s", (unsigned)(i + 1),
                              es_obj_type_name(args[i]));
        }
    }
    size_t xlen, ylen;
    const uint8_t *x = es_str_bytes(args[0], &xlen), *y = es_str_bytes(args[1], &ylen);
    if (es_utf8_count(x, xlen) != es_utf8_count(y, ylen)) {
        es_raise_msg(&es_type_ValueError, "the first two maketrans arguments must have equal length");
    }
    const uint8_t *xe = x + xlen;
    while (x < xe) {
        es_unichar_t a = es_utf8_decode(&x), b = es_utf8_decode(&y);
        es_obj_dict_store(dict, es_obj_new_small_int((es_int_t)a), es_obj_new_small_int((es_int_t)b));
    }
    if (n_args > 2) {
        size_t zlen;
        const uint8_t *z = es_str_bytes(args[2], &zlen), *ze = z + zlen;
        while (z < ze) {
            es_obj_dict_store(dict, es_obj_new_small_int((es_int_t)es_utf8_decode(&z)), ES_OBJ_NONE);
        }
    }
    return dict;
}
static ES_DEFINE_FUN_VAR(str_maketrans_fun_obj, ES_Q_maketrans, 1, 3, str_maketrans);
static const es_obj_static_class_method_t str_maketrans_obj = {{&es_type_staticmethod},
                                                               ES_OBJ_FROM_CONST(str_maketrans_fun_obj)};

static es_obj_t bytes_maketrans(es_obj_t from, es_obj_t to) {
    es_buffer_info_t a, b;
    es_str_get_buffer_raise(from, &a, ES_BUFFER_READ);
    es_str_get_buffer_raise(to, &b, ES_BUFFER_READ);
    if (a.len != b.len) {
        es_raise_msg(&es_type_ValueError, "maketrans arguments must have same length");
    }
    es_obj_str_t *s = str_alloc(&es_type_bytes, 256);
    uint8_t *table = str_buf(s);
    for (size_t i = 0; i < 256; i++) {
        table[i] = (uint8_t)i;
    }
    for (size_t i = 0; i < a.len; i++) {
        table[((const uint8_t *)a.buf)[i]] = ((const uint8_t *)b.buf)[i];
    }
    return es_obj_from_ptr(s);
}
static ES_DEFINE_FUN_2(bytes_maketrans_fun_obj, ES_Q_maketrans, bytes_maketrans);
const es_obj_static_class_method_t es_bytes_maketrans_obj = {{&es_type_staticmethod},
                                                              ES_OBJ_FROM_CONST(bytes_maketrans_fun_obj)};

/* ---- constructors ------------------------------------------------------------------------------ */

/* Positional then keyword arguments of a constructor, by name. */
static void parse_kw_array(const char *fname, size_t n_args, size_t n_kw, const es_obj_t *args, size_t n,
                           const uint16_t *names, es_obj_t *vals) {
    if (n_args > n) {
        es_raise_msg_varg(&es_type_TypeError, "%s() takes at most %u arguments (%u given)", fname, (unsigned)n,
                          (unsigned)n_args);
    }
    for (size_t i = 0; i < n_args; i++) {
        vals[i] = args[i];
    }
    for (size_t k = 0; k < n_kw; k++) {
        es_qstr_t name = es_obj_str_get_qstr(args[n_args + 2 * k]);
        size_t i = 0;
        while (i < n && names[i] != name) {
            i++;
        }
        if (i == n) {
            es_raise_msg_varg(&es_type_TypeError, "'%q' is an invalid keyword argument for %s()", name, fname);
        }
        if (i < n_args) {
            es_raise_msg_varg(&es_type_TypeError, "argument for %s() given by name ('%q') and position (%u)", fname,
                              name, (unsigned)(i + 1));
        }
        vals[i] = args[n_args + 2 * k + 1];
    }
}

static const uint16_t str_new_arg_names[] = {ES_Q_object, ES_Q_encoding, ES_Q_errors};

static es_obj_t str_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_obj_t vals[3] = {ES_OBJ_NULL, ES_OBJ_NULL, ES_OBJ_NULL};
    parse_kw_array("str", n_args, n_kw, args, 3, str_new_arg_names, vals);
    if (vals[0] == ES_OBJ_NULL) {
        vals[0] = ES_OBJ_NEW_QSTR(ES_Q__S_empty);
        if (vals[1] == ES_OBJ_NULL && vals[2] == ES_OBJ_NULL) {
            return vals[0];
        }
    }
    if (vals[1] != ES_OBJ_NULL || vals[2] != ES_OBJ_NULL) {
        if (is_str(vals[0])) {
            es_raise_msg(&es_type_TypeError, "decoding str is not supported");
        }
        es_buffer_info_t info;
        if (!es_str_get_buffer(vals[0], &info, ES_BUFFER_READ)) {
            es_raise_msg_varg(&es_type_TypeError, "decoding to str: need a bytes-like object, %s found",
                              es_obj_type_name(vals[0]));
        }
        return es_bytes_decode(info.buf, info.len, vals[1], vals[2]);
    }
    if (is_str(vals[0])) {
        return vals[0];
    }
    es_vstr_t v;
    es_print_t print;
    es_vstr_init_print(&v, 16, &print);
    es_obj_print_helper(&print, vals[0], ES_PRINT_STR);
    return es_obj_new_str_from_vstr(&es_type_str, &v);
}

static const uint16_t bytes_new_arg_names[] = {ES_Q_source, ES_Q_encoding, ES_Q_errors};

void es_bytes_fill_from_args(const char *fname, size_t n_args, size_t n_kw, const es_obj_t *args, es_vstr_t *v) {
    es_obj_t vals[3] = {ES_OBJ_NULL, ES_OBJ_NULL, ES_OBJ_NULL};
    parse_kw_array(fname, n_args, n_kw, args, 3, bytes_new_arg_names, vals);
    es_obj_t src = vals[0];
    if (src == ES_OBJ_NULL) {
        if (vals[1] != ES_OBJ_NULL || vals[2] != ES_OBJ_NULL) {
            es_raise_msg(&es_type_TypeError, vals[1] != ES_OBJ_NULL ? "encoding without a string argument"
                                                                     : "errors without a string argument");
        }
        return;
    }
    if (is_str(src)) {
        if (vals[1] == ES_OBJ_NULL) {
            es_raise_msg(&es_type_TypeError, "string argument without an encoding");
        }
        es_obj_t b = str_encode_impl(src, vals[1], vals[2]);
        size_t len;
        const uint8_t *d = es_str_bytes(b, &len);
        es_vstr_add_strn(v, (const char *)d, len);
        return;
    }
    if (vals[1] != ES_OBJ_NULL || vals[2] != ES_OBJ_NULL) {
        es_raise_msg(&es_type_TypeError, vals[1] != ES_OBJ_NULL ? "encoding without a string argument"
                                                                 : "errors without a string argument");
    }
    es_buffer_info_t info;
    if (strcmp(fname, "bytes") == 0 && is_user_object(src) &&
        es_type_lookup(es_obj_get_type(src), ES_Q___bytes__) != ES_OBJ_NULL) {
        es_obj_t dest[2];
        es_load_method(src, ES_Q___bytes__, dest);
        es_obj_t b = es_call_method_n_kw(0, 0, dest);
        if (!es_obj_is_type(unwrap(b), &es_type_bytes)) {
            es_raise_msg_varg(&es_type_TypeError, "__bytes__ returned non-bytes (type %s)", es_obj_type_name(b));
        }
        src = b;
    }
    if (es_str_get_buffer(unwrap(src), &info, ES_BUFFER_READ)) {
        es_vstr_add_strn(v, info.buf, info.len);
        return;
    }
    es_int_t n;
    if (!es_obj_is_float(src) && (es_obj_is_int(src) || src == ES_OBJ_TRUE || src == ES_OBJ_FALSE) &&
        es_obj_get_int_maybe(src, &n)) {
        if (n < 0) {
            es_raise_msg(&es_type_ValueError, "negative count");
        }
        char *p = es_vstr_extend(v, (size_t)n);
        memset(p, 0, (size_t)n);
        return;
    }
    if (es_obj_is_int(src)) {
        es_raise_msg(&es_type_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    if (es_obj_is_float(src)) {
        es_raise_msg_varg(&es_type_TypeError, "cannot convert '%s' object to %s", es_obj_type_name(src), fname);
    }
    es_obj_t it = es_getiter(src, NULL);
    es_obj_t item;
    while ((item = es_iternext(it)) != ES_OBJ_STOP_ITERATION) {
        es_int_t b;
        if (es_obj_is_float(item) || !es_obj_get_int_maybe(item, &b)) {
            es_raise_msg_varg(&es_type_TypeError, "'%s' object cannot be interpreted as an integer",
                              es_obj_type_name(item));
        }
        if (b < 0 || b > 255) {
            es_raise_msg(&es_type_ValueError, "bytes must be in range(0, 256)");
        }
        es_vstr_add_byte(v, (uint8_t)b);
    }
}

static es_obj_t bytes_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    if (n_args == 1 && n_kw == 0 && es_obj_is_type(args[0], &es_type_bytes)) {
        return args[0];
    }
    es_vstr_t v;
    es_vstr_init(&v, 16);
    es_bytes_fill_from_args("bytes", n_args, n_kw, args, &v);
    return es_obj_new_str_from_vstr(&es_type_bytes, &v);
}

/* ---- the types ------------------------------------------------------------------------------------ */

#define METHOD_ENTRY(name, qname) {ES_OBJ_NEW_QSTR(qname), ES_OBJ_FROM_CONST(es_strmeth_##name##_obj)},

static const es_map_elem_t str_locals_table[] = {
    ES_BYTES_SHARED_METHODS(METHOD_ENTRY)
    {ES_OBJ_NEW_QSTR(ES_Q_casefold), ES_OBJ_FROM_CONST(es_strmeth_casefold_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_encode), ES_OBJ_FROM_CONST(es_strmeth_encode_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_format), ES_OBJ_FROM_CONST(es_strmeth_format_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_format_map), ES_OBJ_FROM_CONST(es_strmeth_format_map_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isdecimal), ES_OBJ_FROM_CONST(es_strmeth_isdecimal_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isidentifier), ES_OBJ_FROM_CONST(es_strmeth_isidentifier_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isnumeric), ES_OBJ_FROM_CONST(es_strmeth_isnumeric_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isprintable), ES_OBJ_FROM_CONST(es_strmeth_isprintable_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_maketrans), ES_OBJ_FROM_CONST(str_maketrans_obj)},
};
static ES_DEFINE_CONST_DICT(str_locals_dict, str_locals_table);

const es_type_t es_type_str = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_NONE,
    .name = ES_Q_str,
    .print = str_print,
    .make_new = str_make_new,
    .unary_op = str_unary_op,
    .binary_op = str_binary_op,
    .subscr = str_subscr,
    .getiter = str_getiter,
    .locals_dict = (es_obj_dict_t *)&str_locals_dict,
};

static const es_map_elem_t bytes_locals_table[] = {
    ES_BYTES_SHARED_METHODS(METHOD_ENTRY)
    {ES_OBJ_NEW_QSTR(ES_Q_fromhex), ES_OBJ_FROM_CONST(es_bytes_fromhex_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_maketrans), ES_OBJ_FROM_CONST(es_bytes_maketrans_obj)},
};
static ES_DEFINE_CONST_DICT(bytes_locals_dict, bytes_locals_table);

const es_type_t es_type_bytes = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    .name = ES_Q_bytes,
    .print = str_print,
    .make_new = bytes_make_new,
    .unary_op = str_unary_op,
    .binary_op = bytes_binary_op,
    .subscr = str_subscr,
    .getiter = str_getiter,
    .buffer = bytes_buffer,
    .locals_dict = (es_obj_dict_t *)&bytes_locals_dict,
};
