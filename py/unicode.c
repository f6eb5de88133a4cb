/* unicode.c: UTF-8 helpers and the character classes behind str's is*() and case methods. */

#include <string.h>

#include "py/unicode.h"

es_unichar_t es_utf8_decode(const uint8_t **p) {
    const uint8_t *s = *p;
    es_unichar_t c = *s++;
    if (c >= 0xc0) {
        unsigned extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        c &= 0x3f >> extra;
        while (extra-- > 0 && es_utf8_is_cont(*s)) {
            c = (c << 6) | (*s++ & 0x3f);
        }
    }
    *p = s;
    return c;
}

size_t es_utf8_encode(es_unichar_t c, uint8_t *buf) {
    if (c < 0x80) {
        buf[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        buf[0] = (uint8_t)(0xc0 | (c >> 6));
        buf[1] = (uint8_t)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        buf[0] = (uint8_t)(0xe0 | (c >> 12));
        buf[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
        buf[2] = (uint8_t)(0x80 | (c & 0x3f));
        return 3;
    }
    buf[0] = (uint8_t)(0xf0 | ((c >> 18) & 0x07));
    buf[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
    buf[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
    buf[3] = (uint8_t)(0x80 | (c & 0x3f));
    return 4;
}

bool es_str_is_ascii(const uint8_t *data, size_t len) {
    size_t i = 0;
    /* A word at a time: indexing long ASCII strings stays cheap. */
    for (; i + sizeof(uintptr_t) <= len; i += sizeof(uintptr_t)) {
        uintptr_t w;
        memcpy(&w, data + i, sizeof(w));
        if (w & (uintptr_t)0x8080808080808080ULL) {
            return false;
        }
    }
    for (; i < len; i++) {
        if (data[i] & 0x80) {
            return false;
        }
    }
    return true;
}

size_t es_utf8_count(const uint8_t *data, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += !es_utf8_is_cont(data[i]);
    }
    return n;
}

size_t es_utf8_offset(const uint8_t *data, size_t len, size_t index) {
    size_t i = 0;
    while (i < len) {
        if (!es_utf8_is_cont(data[i])) {
            if (index == 0) {
                return i;
            }
            index--;
        }
        i++;
    }
    return len;
}

size_t es_utf8_first_invalid(const uint8_t *data, size_t len) {
    size_t i = 0;
    while (i < len) {
        uint8_t b = data[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        size_t extra;
        es_unichar_t min;
        if (b >= 0xc2 && b <= 0xdf) {
            extra = 1;
            min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
            extra = 2;
            min = 0x800;
        } else if (b >= 0xf0 && b <= 0xf4) {
            extra = 3;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + extra >= len) {
            return i;
        }
        es_unichar_t c = b & (0x3f >> extra);
        for (size_t k = 1; k <= extra; k++) {
            if (!es_utf8_is_cont(data[i + k])) {
                return i;
            }
            c = (c << 6) | (data[i + k] & 0x3f);
        }
        /* Overlong forms, surrogates and values past U+10FFFF are not UTF-8. */
        if (c < min || (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff) {
            return i;
        }
        i += extra + 1;
    }
    return len;
}

bool es_utf8_is_valid(const uint8_t *data, size_t len) { return es_utf8_first_invalid(data, len) == len; }

/* ---- character classes ---------------------------------------------------------------- */

bool es_unichar_isspace(es_unichar_t c) {
    if (c < 0x80) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
           c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* Case pairs for the scripts with one-to-one mappings; returns the other case or c itself. */
static es_unichar_t other_case(es_unichar_t c, bool *is_upper, bool *is_lower) {
    *is_upper = false;
    *is_lower = false;
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') {
            *is_upper = true;
            return c + 32;
        }
        if (c >= 'a' && c <= 'z') {
            *is_lower = true;
            return c - 32;
        }
        return c;
    }
    if (c >= 0xc0 && c <= 0xde && c != 0xd7) {
        *is_upper = true;
        return c + 32;
    }
    if (c >= 0xe0 && c <= 0xfe && c != 0xf7) {
        *is_lower = true;
        return c - 32;
    }
    if (c == 0xdf || c == 0xaa || c == 0xba) {
        *is_lower = true; /* no single-character upper case */
        return c;
    }
    if (c == 0xb5) {
        *is_lower = true;
        return 0x39c;
    }
    if (c == 0xff) {
        *is_lower = true;
        return 0x178;
    }
    if (c == 0x178) {
        *is_upper = true;
        return 0xff;
    }
    if ((c >= 0x100 && c <= 0x12f) || (c >= 0x132 && c <= 0x137) || (c >= 0x14a && c <= 0x177) ||
        (c >= 0x460 && c <= 0x481) || (c >= 0x48a && c <= 0x4bf) || (c >= 0x4d0 && c <= 0x52f)) {
        /* even code point upper, odd lower */
        if (c & 1) {
            *is_lower = true;
            return c - 1;
        }
        *is_upper = true;
        return c + 1;
    }
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e) || (c >= 0x4c1 && c <= 0x4ce)) {
        /* odd code point upper, even lower */
        if (c & 1) {
            *is_upper = true;
            return c + 1;
        }
        *is_lower = true;
        return c - 1;
    }
    if (c == 0x131) {
        *is_lower = true;
        return 'I';
    }
    if (c == 0x17f) {
        *is_lower = true;
        return 'S';
    }
    if (c == 0x130) {
        *is_upper = true;
        return c; /* lower case is two code points */
    }
    if (c == 0x138 || c == 0x149) {
        *is_lower = true;
        return c;
    }
    /* Greek */
    if ((c >= 0x391 && c <= 0x3a9 && c != 0x3a2)) {
        *is_upper = true;
        return c + 32;
    }
    if (c >= 0x3b1 && c <= 0x3c9) {
        *is_lower = true;
        return c == 0x3c2 ? 0x3a3 : c - 32;
    }
    if (c == 0x386) {
        *is_upper = true;
        return 0x3ac;
    }
    if (c == 0x3ac) {
        *is_lower = true;
        return 0x386;
    }
    if (c >= 0x388 && c <= 0x38a) {
        *is_upper = true;
        return c + 37;
    }
    if (c >= 0x3ad && c <= 0x3af) {
        *is_lower = true;
        return c - 37;
    }
    if (c == 0x38c) {
        *is_upper = true;
        return 0x3cc;
    }
    if (c == 0x3cc) {
        *is_lower = true;
        return 0x38c;
    }
    if (c == 0x38e || c == 0x38f) {
        *is_upper = true;
        return c + 63;
    }
    if (c == 0x3cd || c == 0x3ce) {
        *is_lower = true;
        return c - 63;
    }
    /* Cyrillic */
    if (c >= 0x400 && c <= 0x40f) {
        *is_upper = true;
        return c + 80;
    }
    if (c >= 0x410 && c <= 0x42f) {
        *is_upper = true;
        return c + 32;
    }
    if (c >= 0x430 && c <= 0x44f) {
        *is_lower = true;
        return c - 32;
    }
    if (c >= 0x450 && c <= 0x45f) {
        *is_lower = true;
        return c - 80;
    }
    /* Fullwidth Latin */
    if (c >= 0xff21 && c <= 0xff3a) {
        *is_upper = true;
        return c + 32;
    }
    if (c >= 0xff41 && c <= 0xff5a) {
        *is_lower = true;
        return c - 32;
    }
    return c;
}

bool es_unichar_isupper(es_unichar_t c) {
    bool up, low;
    other_case(c, &up, &low);
    return up;
}

bool es_unichar_islower(es_unichar_t c) {
    bool up, low;
    other_case(c, &up, &low);
    return low;
}

es_unichar_t es_unichar_toupper(es_unichar_t c) {
    bool up, low;
    es_unichar_t o = other_case(c, &up, &low);
    return low ? o : c;
}

es_unichar_t es_unichar_tolower(es_unichar_t c) {
    bool up, low;
    es_unichar_t o = other_case(c, &up, &low);
    return up ? o : c;
}

bool es_unichar_isalpha(es_unichar_t c) {
    if (c < 0x80) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
    bool up, low;
    other_case(c, &up, &low);
    if (up || low) {
        return true;
    }
    /* Letters of scripts without case, by block, roughly. */
    return (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7) || (c >= 0x250 && c <= 0x2af) ||
           (c >= 0x370 && c <= 0x3ff && c != 0x375 && c != 0x37e && c != 0x384 && c != 0x385 && c != 0x387) ||
           (c >= 0x400 && c <= 0x52f && (c < 0x482 || c > 0x489)) || (c >= 0x5d0 && c <= 0x5ea) ||
           (c >= 0x620 && c <= 0x64a) || (c >= 0x904 && c <= 0x939) || (c >= 0x3041 && c <= 0x3096) ||
           (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);
}

bool es_unichar_isdigit(es_unichar_t c) {
    return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9) ||
           (c >= 0x966 && c <= 0x96f) || (c >= 0xff10 && c <= 0xff19);
}

bool es_unichar_isalnum(es_unichar_t c) { return es_unichar_isalpha(c) || es_unichar_isdigit(c); }

bool es_unichar_isxdigit(es_unichar_t c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

int es_unichar_xdigit_value(es_unichar_t c) { return c <= '9' ? (int)(c - '0') : (int)((c | 0x20) - 'a' + 10); }

bool es_unichar_isprintable(es_unichar_t c) {
    if (c < 0x80) {
        return c >= 0x20 && c < 0x7f;
    }
    if (c <= 0xa0 || c == 0xad || c == 0x1680 || c == 0x180e || c == 0x061c || c == 0x06dd || c == 0x070f) {
        return false;
    }
    if ((c >= 0x600 && c <= 0x605) || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) ||
        (c >= 0x205f && c <= 0x206f) || c == 0x3000 || (c >= 0xd800 && c <= 0xf8ff) || c == 0xfeff ||
        (c >= 0xfff0 && c <= 0xfffb) || c >= 0xfffe) {
        return c >= 0x10000 && c < 0xe0000; /* the planes above the BMP, up to the tags, print */
    }
    return true;
}

bool es_unichar_isident_start(es_unichar_t c) { return c == '_' || es_unichar_isalpha(c); }

bool es_unichar_isident_cont(es_unichar_t c) {
    return c == '_' || es_unichar_isalpha(c) || (c >= '0' && c <= '9') || (c >= 0x80 && es_unichar_isdigit(c));
}
