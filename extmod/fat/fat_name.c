/* fat_name.c: FAT names: UTF-8 and UTF-16, code page 437, 8.3 short names with ~N tails, checksums. */

#include "extmod/fat/fat_name.h"

/* Unicode of the code page 437 bytes 0x80..0xff (the upper half; the lower half is ASCII). */
static const uint16_t cp437_high[128] = {
    0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7, 0x00ea, 0x00eb, 0x00e8, 0x00ef, 0x00ee, 0x00ec, 0x00c4, 0x00c5,
    0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9, 0x00ff, 0x00d6, 0x00dc, 0x00a2, 0x00a3, 0x00a5, 0x20a7, 0x0192,
    0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba, 0x00bf, 0x2310, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255d, 0x255c, 0x255b, 0x2510,
    0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x255e, 0x255f, 0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x2567,
    0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256b, 0x256a, 0x2518, 0x250c, 0x2588, 0x2584, 0x258c, 0x2590, 0x2580,
    0x03b1, 0x00df, 0x0393, 0x03c0, 0x03a3, 0x03c3, 0x00b5, 0x03c4, 0x03a6, 0x0398, 0x03a9, 0x03b4, 0x221e, 0x03c6, 0x03b5, 0x2229,
    0x2261, 0x00b1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00f7, 0x2248, 0x00b0, 0x2219, 0x00b7, 0x221a, 0x207f, 0x00b2, 0x25a0, 0x00a0,
};

uint16_t fat_cp437_to_unicode(uint8_t c) {
    return c < 0x80 ? c : cp437_high[c - 0x80];
}

/* The code page byte of u, or 0 if the code page has none. */
static uint8_t unicode_to_cp437(uint16_t u) {
    if (u < 0x80) {
        return (uint8_t)u;
    }
    for (unsigned i = 0; i < 128; i++) {
        if (cp437_high[i] == u) {
            return (uint8_t)(0x80 + i);
        }
    }
    return 0;
}

/* Upper case for the letters FAT names meet: ASCII, Latin-1, Greek and Cyrillic. */
uint16_t fat_upper(uint16_t u) {
    if (u >= 'a' && u <= 'z') {
        return (uint16_t)(u - 32);
    }
    if ((u >= 0xe0 && u <= 0xfe && u != 0xf7) || (u >= 0x3b1 && u <= 0x3c9 && u != 0x3c2) || (u >= 0x430 && u <= 0x44f)) {
        return (uint16_t)(u - 32);
    }
    if (u >= 0x450 && u <= 0x45f) {
        return (uint16_t)(u - 80);
    }
    return u;
}

static uint16_t lower(uint16_t u) {
    return u >= 'A' && u <= 'Z' ? (uint16_t)(u + 32) : u;
}

int fat_utf8_to_utf16(const char *s, size_t len, uint16_t *out, size_t max, size_t *out_len) {
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    size_t n = 0;
    while (p < end) {
        uint32_t c = *p++;
        int extra = c < 0x80 ? 0 : c >= 0xf0 && c < 0xf8 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : -1;
        if (extra < 0 || end - p < extra) {
            return -EINVAL;
        }
        if (extra > 0) {
            c &= 0x3fu >> extra;
        }
        for (int i = 0; i < extra; i++) {
            if ((*p & 0xc0) != 0x80) {
                return -EINVAL;
            }
            c = (c << 6) | (*p++ & 0x3f);
        }
        if (c >= 0x10000) {
            if (n + 2 > max) {
                return -ENAMETOOLONG;
            }
            c -= 0x10000;
            out[n++] = (uint16_t)(0xd800 | (c >> 10));
            out[n++] = (uint16_t)(0xdc00 | (c & 0x3ff));
        } else {
            if (n + 1 > max) {
                return -ENAMETOOLONG;
            }
            out[n++] = (uint16_t)c;
        }
    }
    *out_len = n;
    return 0;
}

size_t fat_utf16_to_utf8(const uint16_t *s, size_t len, char *out, size_t size) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t c = s[i];
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < len && s[i + 1] >= 0xdc00 && s[i + 1] < 0xe000) {
            c = 0x10000 + ((c - 0xd800) << 10) + (s[i + 1] - 0xdc00);
            i++;
        } else if (c >= 0xd800 && c < 0xe000) {
            c = 0xfffd; /* a lone surrogate cannot be UTF-8 */
        }
        char buf[4];
        size_t k;
        if (c < 0x80) {
            buf[0] = (char)c, k = 1;
        } else if (c < 0x800) {
            buf[0] = (char)(0xc0 | (c >> 6)), buf[1] = (char)(0x80 | (c & 0x3f)), k = 2;
        } else if (c < 0x10000) {
            buf[0] = (char)(0xe0 | (c >> 12)), buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
            buf[2] = (char)(0x80 | (c & 0x3f)), k = 3;
        } else {
            buf[0] = (char)(0xf0 | (c >> 18)), buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
            buf[2] = (char)(0x80 | ((c >> 6) & 0x3f)), buf[3] = (char)(0x80 | (c & 0x3f)), k = 4;
        }
        if (n + k + 1 > size) {
            break;
        }
        memcpy(out + n, buf, k);
        n += k;
    }
    out[n] = '\0';
    return n;
}

bool fat_name_equal(const uint16_t *a, size_t a_len, const uint16_t *b, size_t b_len) {
    if (a_len != b_len) {
        return false;
    }
    for (size_t i = 0; i < a_len; i++) {
        if (fat_upper(a[i]) != fat_upper(b[i])) {
            return false;
        }
    }
    return true;
}

int fat_name_check(uint16_t *name, size_t *len) {
    /* Trailing dots and spaces are not part of a name (as on other FAT systems). */
    while (*len > 0 && (name[*len - 1] == '.' || name[*len - 1] == ' ')) {
        (*len)--;
    }
    if (*len == 0 || *len > FAT_NAME_MAX) {
        return *len == 0 ? -EINVAL : -ENAMETOOLONG;
    }
    for (size_t i = 0; i < *len; i++) {
        uint16_t c = name[i];
        if (c < 0x20 || (c < 0x80 && strchr("\"*/:<>?\\|\x7f", (char)c) != NULL)) {
            return -EINVAL;
        }
    }
    return 0;
}

size_t fat_short_name_display(const uint8_t *entry, uint8_t case_flags, uint16_t *out) {
    size_t n = 0;
    size_t base_len = 8;
    while (base_len > 0 && entry[base_len - 1] == ' ') {
        base_len--;
    }
    for (size_t i = 0; i < base_len; i++) {
        uint8_t c = i == 0 && entry[0] == 0x05 ? 0xe5 : entry[i];
        uint16_t u = fat_cp437_to_unicode(c);
        out[n++] = case_flags & 0x08 ? lower(u) : u;
    }
    size_t ext_len = 3;
    while (ext_len > 0 && entry[8 + ext_len - 1] == ' ') {
        ext_len--;
    }
    if (ext_len > 0) {
        out[n++] = '.';
        for (size_t i = 0; i < ext_len; i++) {
            uint16_t u = fat_cp437_to_unicode(entry[8 + i]);
            out[n++] = case_flags & 0x10 ? lower(u) : u;
        }
    }
    return n;
}

/* The short-name byte for u: upper-cased in code page 437, or 0 when u cannot appear. */
static uint8_t short_char(uint16_t u) {
    if (u < 0x80) {
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
            (u != 0 && strchr("$%'-_@~`!(){}^#&", (char)u) != NULL)) {
            return (uint8_t)fat_upper(u);
        }
        return 0;
    }
    uint8_t c = unicode_to_cp437(fat_upper(u));
    return c != 0 ? c : unicode_to_cp437(u);
}

int fat_make_short_name(const uint16_t *name, size_t len, uint8_t sfn[11]) {
    memset(sfn, ' ', 11);
    bool lossy = false;
    size_t start = 0;
    while (start < len && (name[start] == '.' || name[start] == ' ')) {
        start++;
        lossy = true;
    }
    size_t dot = len;
    for (size_t i = len; i > start; i--) {
        if (name[i - 1] == '.') {
            dot = i - 1;
            break;
        }
    }
    size_t n = 0;
    for (size_t i = start; i < dot; i++) {
        if (name[i] == ' ' || name[i] == '.') {
            lossy = true;
            continue;
        }
        uint8_t c = short_char(name[i]);
        if (c == 0) {
            c = '_';
            lossy = true;
        }
        if (n < 8) {
            sfn[n++] = c;
        } else {
            lossy = true;
        }
    }
    if (n == 0) {
        sfn[n++] = '_';
        lossy = true;
    }
    n = 0;
    for (size_t i = dot + 1; i < len; i++) {
        if (name[i] == ' ') {
            lossy = true;
            continue;
        }
        uint8_t c = short_char(name[i]);
        if (c == 0) {
            c = '_';
            lossy = true;
        }
        if (n < 3) {
            sfn[8 + n++] = c;
        } else {
            lossy = true;
        }
    }
    if (sfn[0] == 0xe5) {
        sfn[0] = 0x05;
    }
    if (lossy) {
        return FAT_SHORT_LOSSY;
    }
    /* Stored exactly when the short name reads back as the same text. */
    uint16_t back[13];
    size_t back_len = fat_short_name_display(sfn, 0, back);
    if (back_len != len) {
        return FAT_SHORT_LOSSY;
    }
    for (size_t i = 0; i < len; i++) {
        if (back[i] != name[i]) {
            return FAT_SHORT_CASE;
        }
    }
    return FAT_SHORT_EXACT;
}

void fat_short_name_tail(uint8_t sfn[11], uint32_t number) {
    char digits[8];
    size_t nd = 0;
    do {
        digits[nd++] = (char)('0' + number % 10);
        number /= 10;
    } while (number != 0 && nd < 7);
    size_t base_len = 8;
    while (base_len > 1 && sfn[base_len - 1] == ' ') {
        base_len--;
    }
    size_t keep = 8 - (nd + 1);
    if (base_len < keep) {
        keep = base_len;
    }
    size_t pos = keep;
    sfn[pos++] = '~';
    while (nd > 0) {
        sfn[pos++] = (uint8_t)digits[--nd];
    }
    while (pos < 8) {
        sfn[pos++] = ' ';
    }
}

uint8_t fat_short_name_checksum(const uint8_t sfn[11]) {
    uint8_t sum = 0;
    for (size_t i = 0; i < 11; i++) {
        sum = (uint8_t)(((sum & 1) ? 0x80 : 0) + (sum >> 1) + sfn[i]);
    }
    return sum;
}
