/* print.c: es_printf, a small formatter that needs no libc stdio, and the vstr buffer. */

#include <string.h>

#include "py/print.h"
#include "py/runtime.h"

void es_print_strn(const es_print_t *print, const char *str, size_t len) {
    if (len > 0) {
        print->write(print->data, str, len);
    }
}

void es_print_str(const es_print_t *print, const char *str) { es_print_strn(print, str, strlen(str)); }

/* Writes `len` bytes padded to `width` with `fill`, left- or right-aligned. */
static int print_padded(const es_print_t *print, const char *str, size_t len, int width, bool left, char fill) {
    int pad = width > (int)len ? width - (int)len : 0;
    if (!left) {
        for (int i = 0; i < pad; i++) {
            es_print_strn(print, &fill, 1);
        }
    }
    es_print_strn(print, str, len);
    if (left) {
        for (int i = 0; i < pad; i++) {
            es_print_strn(print, " ", 1);
        }
    }
    return (int)len + pad;
}

static int print_unsigned(const es_print_t *print, unsigned long long v, unsigned base, bool upper,
                          bool negative, int width, bool left, char fill) {
    char buf[24];
    char *p = buf + sizeof(buf);
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        *--p = digits[v % base];
        v /= base;
    } while (v != 0);
    if (negative) {
        if (fill == '0' && width > 0) {
            es_print_strn(print, "-", 1);
            return 1 + print_padded(print, p, (size_t)(buf + sizeof(buf) - p), width - 1, left, fill);
        }
        *--p = '-';
    }
    return print_padded(print, p, (size_t)(buf + sizeof(buf) - p), width, left, fill);
}

int es_vprintf(const es_print_t *print, const char *fmt, va_list args) {
    int written = 0;
    while (*fmt != '\0') {
        const char *start = fmt;
        while (*fmt != '\0' && *fmt != '%') {
            fmt++;
        }
        if (fmt > start) {
            es_print_strn(print, start, (size_t)(fmt - start));
            written += (int)(fmt - start);
        }
        if (*fmt == '\0') {
            break;
        }
        fmt++; /* the '%' */
        bool left = false;
        char fill = ' ';
        for (;; fmt++) {
            if (*fmt == '-') {
                left = true;
            } else if (*fmt == '0') {
                fill = '0';
            } else {
                break;
            }
        }
        int width = 0;
        if (*fmt == '*') {
            width = va_arg(args, int);
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10 + (*fmt++ - '0');
        }
        int precision = -1;
        if (*fmt == '.') {
            fmt++;
            if (*fmt == '*') {
                precision = va_arg(args, int);
                fmt++;
            } else {
                precision = 0;
                while (*fmt >= '0' && *fmt <= '9') {
                    precision = precision * 10 + (*fmt++ - '0');
                }
            }
        }
        int longness = 0; /* 1: long, 2: long long, 3: size_t */
        if (*fmt == 'l') {
            longness = 1;
            if (*++fmt == 'l') {
                longness = 2;
                fmt++;
            }
        } else if (*fmt == 'z') {
            longness = 3;
            fmt++;
        }
        char conv = *fmt;
        if (conv == '\0') {
            break;
        }
        fmt++;
        switch (conv) {
            case '%':
                es_print_strn(print, "%", 1);
                written++;
                break;
            case 'c': {
                char c = (char)va_arg(args, int);
                written += print_padded(print, &c, 1, width, left, ' ');
                break;
            }
            case 's': {
                const char *s = va_arg(args, const char *);
                if (s == NULL) {
                    s = "(null)";
                }
                size_t len = precision >= 0 ? strnlen(s, (size_t)precision) : strlen(s);
                written += print_padded(print, s, len, width, left, ' ');
                break;
            }
            case 'q': {
                es_qstr_t q = va_arg(args, es_qstr_t);
                size_t len;
                const uint8_t *s = es_qstr_data(q, &len);
                written += print_padded(print, (const char *)s, len, width, left, ' ');
                break;
            }
            case 'O':
            case 'R':
                es_obj_print_helper(print, va_arg(args, es_obj_t), conv == 'R' ? ES_PRINT_REPR : ES_PRINT_STR);
                break;
            case 'd':
            case 'i': {
                long long v;
                if (longness == 2) {
                    v = va_arg(args, long long);
                } else if (longness == 1) {
                    v = va_arg(args, long);
                } else if (longness == 3) {
                    v = (long long)va_arg(args, ptrdiff_t);
                } else {
                    v = va_arg(args, int);
                }
                unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
                written += print_unsigned(print, mag, 10, false, v < 0, width, left, fill);
                break;
            }
            case 'u':
            case 'x':
            case 'X': {
                unsigned long long v;
                if (longness == 2) {
                    v = va_arg(args, unsigned long long);
                } else if (longness == 1) {
                    v = va_arg(args, unsigned long);
                } else if (longness == 3) {
                    v = va_arg(args, size_t);
                } else {
                    v = va_arg(args, unsigned int);
                }
                written += print_unsigned(print, v, conv == 'u' ? 10 : 16, conv == 'X', false, width, left, fill);
                break;
            }
            case 'p': {
                uintptr_t v = (uintptr_t)va_arg(args, void *);
                es_print_strn(print, "0x", 2);
                written += 2 + print_unsigned(print, v, 16, false, false, width, left, fill);
                break;
            }
            default:
                /* An unknown conversion is printed as it stands so the mistake is visible. */
                es_print_strn(print, fmt - 2, 2);
                written += 2;
                break;
        }
    }
    return written;
}

int es_printf(const es_print_t *print, const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    int n = es_vprintf(print, fmt, args);
    va_end(args);
    return n;
}

/* ---- vstr ---------------------------------------------------------------- */

void es_vstr_init(es_vstr_t *vstr, size_t alloc) {
    if (alloc < 1) {
        alloc = 1;
    }
    vstr->alloc = alloc;
    vstr->len = 0;
    vstr->fixed_buf = false;
    vstr->buf = es_alloc(alloc);
}

void es_vstr_init_fixed_buf(es_vstr_t *vstr, size_t alloc, char *buf) {
    vstr->alloc = alloc;
    vstr->len = 0;
    vstr->buf = buf;
    vstr->fixed_buf = true;
}

static void vstr_write(void *data, const char *str, size_t len) { es_vstr_add_strn((es_vstr_t *)data, str, len); }

void es_vstr_init_print(es_vstr_t *vstr, size_t alloc, es_print_t *print) {
    es_vstr_init(vstr, alloc);
    print->data = vstr;
    print->write = vstr_write;
}

void es_vstr_clear(es_vstr_t *vstr) {
    if (!vstr->fixed_buf) {
        es_free(vstr->buf);
    }
    vstr->buf = NULL;
    vstr->alloc = 0;
    vstr->len = 0;
}

char *es_vstr_extend(es_vstr_t *vstr, size_t len) {
    if (vstr->len + len > vstr->alloc) {
        if (vstr->fixed_buf) {
            return NULL; /* a fixed buffer never grows: es_vstr_add_strn keeps what fits */
        }
        size_t new_alloc = vstr->alloc * 2;
        if (new_alloc < vstr->len + len) {
            new_alloc = vstr->len + len + 16;
        }
        vstr->buf = es_realloc(vstr->buf, new_alloc);
        vstr->alloc = new_alloc;
    }
    char *p = vstr->buf + vstr->len;
    vstr->len += len;
    return p;
}

void es_vstr_add_strn(es_vstr_t *vstr, const char *str, size_t len) {
    if (vstr->fixed_buf && vstr->len + len > vstr->alloc) {
        len = vstr->alloc - vstr->len;
    }
    if (len == 0) {
        return;
    }
    char *p = es_vstr_extend(vstr, len);
    memmove(p, str, len);
}

void es_vstr_add_byte(es_vstr_t *vstr, uint8_t b) { es_vstr_add_strn(vstr, (const char *)&b, 1); }

void es_vstr_add_str(es_vstr_t *vstr, const char *str) { es_vstr_add_strn(vstr, str, strlen(str)); }

void es_vstr_add_char(es_vstr_t *vstr, uint32_t c) {
    char buf[4];
    size_t n;
    if (c < 0x80) {
        buf[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        buf[0] = (char)(0xc0 | (c >> 6));
        buf[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        buf[0] = (char)(0xe0 | (c >> 12));
        buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        buf[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        buf[0] = (char)(0xf0 | ((c >> 18) & 0x07));
        buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        buf[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        buf[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    es_vstr_add_strn(vstr, buf, n);
}

void es_vstr_ins_strn(es_vstr_t *vstr, size_t pos, const char *str, size_t len) {
    if (pos > vstr->len) {
        pos = vstr->len;
    }
    size_t old_len = vstr->len;
    if (es_vstr_extend(vstr, len) == NULL) {
        return;
    }
    memmove(vstr->buf + pos + len, vstr->buf + pos, old_len - pos);
    memcpy(vstr->buf + pos, str, len);
}

void es_vstr_cut_tail_bytes(es_vstr_t *vstr, size_t n) { vstr->len = n > vstr->len ? 0 : vstr->len - n; }

void es_vstr_printf(es_vstr_t *vstr, const char *fmt, ...) {
    es_print_t print = {vstr, vstr_write};
    va_list args;
    va_start(args, fmt);
    es_vprintf(&print, fmt, args);
    va_end(args);
}

char *es_vstr_null_terminated_str(es_vstr_t *vstr) {
    if (vstr->fixed_buf && vstr->len >= vstr->alloc) {
        vstr->len = vstr->alloc - 1;
    } else {
        es_vstr_add_byte(vstr, 0);
        vstr->len--;
    }
    vstr->buf[vstr->len] = '\0';
    return vstr->buf;
}
