/* unicode.c: UTF-8 helpers and the character classes behind str's is*() and case methods. */

#include <string.h>

#include "py/config.h"
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

typedef struct es_case_special_t {
    uint16_t c;
    uint16_t mapped[4][3]; /* lower, upper, title, fold; unused places 0 */
} es_case_special_t;

#include "py/unicode_tables.h"

#define RANGE_FIRST(w) ((w) & 0x1fffff)

/* Tables of entries `stride` words long, sorted by the code point in each entry's first word:
** how many entries start at or below c (so entry result - 1 is the one that may hold c). */
static size_t entries_at_or_below(const uint32_t *words, size_t stride, size_t n, es_unichar_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (RANGE_FIRST(words[mid * stride]) <= c) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static bool in_ranges(const uint32_t *table, size_t n, es_unichar_t c) {
    size_t k = entries_at_or_below(table, 1, n, c);
    return k > 0 && c - RANGE_FIRST(table[k - 1]) <= (table[k - 1] >> 21);
}
#define IN(table, c) in_ranges(table, ES_ARRAY_SIZE(table), c)

/* c mapped by the run that holds it, or c itself. */
static es_unichar_t map_runs(const uint32_t *runs, size_t n, es_unichar_t c, bool *hit) {
    size_t k = entries_at_or_below(runs, 2, n, c);
    if (k > 0) {
        uint32_t word = runs[2 * (k - 1)];
        uint32_t step = ((word >> 21) & 1) + 1;
        uint32_t count = (word >> 22) + 1;
        uint32_t offset = c - RANGE_FIRST(word);
        if (offset % step == 0 && offset / step < count) {
            *hit = true;
            return c + runs[2 * (k - 1) + 1]; /* the delta, modulo 2**32 */
        }
    }
    *hit = false;
    return c;
}
#define MAP(runs, c, hit) map_runs(runs, ES_ARRAY_SIZE(runs) / 2, c, hit)

bool es_unichar_isspace(es_unichar_t c) {
    if (c < 0x80) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }
    return IN(space_ranges, c);
}

es_unichar_t es_unichar_toupper(es_unichar_t c) {
    if (c < 0x80) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
    bool hit;
    return MAP(upper_runs, c, &hit);
}

es_unichar_t es_unichar_tolower(es_unichar_t c) {
    if (c < 0x80) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
    bool hit;
    return MAP(lower_runs, c, &hit);
}

/* Uppercase letters are those with a lowercase mapping, apart from a listed few; likewise lowercase. */
bool es_unichar_isupper(es_unichar_t c) {
    if (c < 0x80) {
        return c >= 'A' && c <= 'Z';
    }
    return (es_unichar_tolower(c) != c) != IN(upper_flip_ranges, c);
}

bool es_unichar_islower(es_unichar_t c) {
    if (c < 0x80) {
        return c >= 'a' && c <= 'z';
    }
    return (es_unichar_toupper(c) != c) != IN(lower_flip_ranges, c);
}

bool es_unichar_istitle(es_unichar_t c) { return c >= 0x80 && IN(title_ranges, c); }

bool es_unichar_iscased(es_unichar_t c) {
    return es_unichar_isupper(c) || es_unichar_islower(c) || es_unichar_istitle(c);
}

size_t es_unichar_case_full(es_unichar_t c, es_case_kind_t kind, es_unichar_t out[3]) {
    if (c >= 0x80) {
        size_t lo = 0, hi = ES_ARRAY_SIZE(case_specials);
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (case_specials[mid].c < c) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo < ES_ARRAY_SIZE(case_specials) && case_specials[lo].c == c) {
            const uint16_t *m = case_specials[lo].mapped[kind];
            size_t n = 0;
            while (n < 3 && m[n] != 0) {
                out[n] = m[n];
                n++;
            }
            return n;
        }
    }
    bool hit = false;
    switch (kind) {
        case ES_CASE_LOWER:
            out[0] = es_unichar_tolower(c);
            break;
        case ES_CASE_UPPER:
            out[0] = es_unichar_toupper(c);
            break;
        case ES_CASE_TITLE:
            out[0] = c >= 0x80 ? MAP(title_runs, c, &hit) : c;
            if (!hit) {
                out[0] = es_unichar_toupper(c);
            }
            break;
        default:
            out[0] = c >= 0x80 ? MAP(fold_runs, c, &hit) : c;
            if (!hit) {
                out[0] = es_unichar_tolower(c);
            }
            break;
    }
    return 1;
}

bool es_unichar_isalpha(es_unichar_t c) {
    if (c < 0x80) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }
    return IN(alpha_ranges, c);
}

bool es_unichar_isdecimal(es_unichar_t c) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    return IN(decimal_ranges, c);
}

bool es_unichar_isdigit(es_unichar_t c) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    return IN(digit_ranges, c);
}

bool es_unichar_isnumeric(es_unichar_t c) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    return IN(numeric_ranges, c);
}

bool es_unichar_isalnum(es_unichar_t c) { return es_unichar_isalpha(c) || es_unichar_isnumeric(c); }

bool es_unichar_isxdigit(es_unichar_t c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

int es_unichar_xdigit_value(es_unichar_t c) { return c <= '9' ? (int)(c - '0') : (int)((c | 0x20) - 'a' + 10); }

bool es_unichar_isprintable(es_unichar_t c) {
    if (c < 0x80) {
        return c >= 0x20 && c < 0x7f;
    }
    return IN(printable_ranges, c);
}

bool es_unichar_isident_start(es_unichar_t c) {
    if (c < 0x80) {
        return c == '_' || es_unichar_isalpha(c);
    }
    return es_unichar_isalpha(c) != IN(ident_start_flip_ranges, c);
}

bool es_unichar_isident_cont(es_unichar_t c) {
    if (c < 0x80) {
        return c == '_' || es_unichar_isalpha(c) || (c >= '0' && c <= '9');
    }
    return es_unichar_isident_start(c) != IN(ident_cont_flip_ranges, c);
}
