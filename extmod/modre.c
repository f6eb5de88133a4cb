/* modre.c: the re module: patterns compiled to a small program run by a backtracking VM with an explicit stack. */

#include <string.h>

#include "py/runtime.h"
#include "py/sequence.h"

/*
** The compiler turns a pattern into instructions whose jump targets are relative to the
** instruction itself, so a block of code can be moved or copied (quantifiers insert
** before an atom and repeat it) without fixing its inner jumps.
**
** The VM never recurses for alternation or repetition: choice points and the undo
** records of capture slots go on a heap stack, so a pathological pattern can only use
** heap (bounded by RE_STACK_LIMIT, then RuntimeError), never the C stack. Only
** assertions (lookahead, look-behind) recurse, as deep as they are nested in the pattern text.
*/

#ifndef RE_STACK_LIMIT
#define RE_STACK_LIMIT (1u << 20)
#endif
#define RE_MAX_PROGRAM (1u << 16)
#define RE_MAX_REPEAT (1000)

#define FLAG_IGNORECASE (2)
#define FLAG_LOCALE (4)
#define FLAG_MULTILINE (8)
#define FLAG_DOTALL (16)
#define FLAG_UNICODE (32)
#define FLAG_VERBOSE (64)
#define FLAG_ASCII (256)

enum {
    OP_CHAR,      /* x: code point */
    OP_ANY,       /* any but newline */
    OP_ANY_ALL,   /* any */
    OP_CLASS,     /* x: first range, y: number of ranges; negated with OP_NCLASS */
    OP_NCLASS,
    OP_SPLIT,     /* try pc+x first, then pc+y */
    OP_JMP,       /* pc += x */
    OP_SAVE,      /* slot x = pos */
    OP_MARK,      /* register x = pos (loop start) */
    OP_PROGRESS,  /* pos == register x (the iteration matched empty): leave the loop at pc+y */
    OP_BOL,
    OP_BOL_MULTI,
    OP_EOL,
    OP_EOL_MULTI,
    OP_STR_START,
    OP_STR_END,
    OP_WORD_B,
    OP_NOT_WORD_B,
    OP_BACKREF,   /* x: group */
    OP_LOOK,      /* x: length of the sub-program that follows, y: 1 for negative */
    OP_LOOKBEHIND, /* as OP_LOOK, run from y >> 1 characters back; y & 1 for negative */
    OP_MATCH,
};

/* Class items: plain ranges, or these markers in `lo` for the escapes \d \w \s and negations. */
#define CLASS_SPECIAL (0x7fffff00u)
enum { SPECIAL_DIGIT, SPECIAL_NOT_DIGIT, SPECIAL_WORD, SPECIAL_NOT_WORD, SPECIAL_SPACE, SPECIAL_NOT_SPACE };

typedef struct re_insn_t {
    uint8_t op;
    bool ignore_case;
    int32_t x;
    int32_t y;
} re_insn_t;

typedef struct re_range_t {
    uint32_t lo;
    uint32_t hi;
} re_range_t;

typedef struct re_obj_t {
    es_obj_base_t base;
    es_obj_t pattern; /* the source str or bytes */
    es_int_t flags;
    bool is_bytes;
    size_t n_groups; /* capturing groups, not counting group 0 */
    size_t n_regs;   /* loop registers */
    size_t n_insns;
    re_insn_t *insns;
    size_t n_ranges;
    re_range_t *ranges;
    es_obj_t group_names; /* dict name -> index */
} re_obj_t;

typedef struct match_obj_t {
    es_obj_base_t base;
    re_obj_t *re;
    es_obj_t string;
    int32_t pos;    /* the search bounds, in bytes */
    int32_t endpos;
    int32_t slots[]; /* 2 * (n_groups + 1) byte offsets, -1 when unset */
} match_obj_t;

static const es_type_t re_type;
static const es_type_t match_type;

/* ======================================================================================
** Characters
** ====================================================================================== */

static uint32_t fold_lower(uint32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3a9) ||
        (c >= 0x410 && c <= 0x42f)) {
        return c + 32;
    }
    if (c >= 0x400 && c <= 0x40f) {
        return c + 80;
    }
    return c;
}

static uint32_t fold_upper(uint32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 0xe0 && c <= 0xfe && c != 0xf7) || (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) ||
        (c >= 0x430 && c <= 0x44f)) {
        return c - 32;
    }
    if (c >= 0x450 && c <= 0x45f) {
        return c - 80;
    }
    return c;
}

static bool is_digit_char(uint32_t c) {
    return c >= '0' && c <= '9';
}

static bool is_space_char(uint32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* Letters and digits beyond ASCII are approximated by "not punctuation or space". */
static bool is_word_char(uint32_t c, bool ascii_only) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    if (ascii_only) {
        return false;
    }
    return !(c < 0xaa || c == 0xab || c == 0xbb || c == 0xd7 || c == 0xf7 || (c >= 0xb0 && c <= 0xb1) ||
             (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || is_space_char(c));
}

/* The subject: str data is UTF-8 and moves by code points, bytes by bytes. */
typedef struct subject_t {
    const uint8_t *data;
    int32_t len; /* the effective end (endpos) */
    bool is_bytes;
} subject_t;

static uint32_t decode_at(const subject_t *s, int32_t pos, int32_t *next) {
    const uint8_t *p = s->data;
    uint32_t c = p[pos++];
    if (!s->is_bytes && c >= 0x80) {
        int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        c &= 0x3f >> extra;
        while (extra-- > 0 && pos < s->len && (p[pos] & 0xc0) == 0x80) {
            c = (c << 6) | (p[pos++] & 0x3f);
        }
    }
    *next = pos;
    return c;
}

static uint32_t decode_before(const subject_t *s, int32_t pos) {
    int32_t start = pos - 1;
    if (!s->is_bytes) {
        while (start > 0 && (s->data[start] & 0xc0) == 0x80) {
            start--;
        }
    }
    int32_t next;
    return decode_at(s, start, &next);
}

static int32_t next_pos(const subject_t *s, int32_t pos) {
    pos++;
    if (!s->is_bytes) {
        while (pos < s->len && (s->data[pos] & 0xc0) == 0x80) {
            pos++;
        }
    }
    return pos;
}

/* Byte offset <-> character index, for str subjects. */
static es_int_t char_index(const subject_t *s, int32_t byte_pos) {
    if (s->is_bytes) {
        return byte_pos;
    }
    es_int_t n = 0;
    for (int32_t i = 0; i < byte_pos; i++) {
        n += (s->data[i] & 0xc0) != 0x80;
    }
    return n;
}

static int32_t byte_offset(const uint8_t *data, size_t len, bool is_bytes, es_int_t index) {
    if (index <= 0) {
        return 0;
    }
    if (is_bytes) {
        return index >= (es_int_t)len ? (int32_t)len : (int32_t)index;
    }
    size_t i = 0;
    while (i < len && index > 0) {
        i++;
        while (i < len && (data[i] & 0xc0) == 0x80) {
            i++;
        }
        index--;
    }
    return (int32_t)i;
}

/* ======================================================================================
** Compiler
** ====================================================================================== */

typedef struct re_compiler_t {
    const uint8_t *src;
    size_t len;
    size_t pos;
    bool is_bytes;
    es_int_t flags;
    re_insn_t *insns;
    size_t n_insns;
    size_t alloc_insns;
    re_range_t *ranges;
    size_t n_ranges;
    size_t alloc_ranges;
    size_t n_groups;
    size_t n_regs;
    es_obj_t group_names;
} re_compiler_t;

static _Noreturn void compile_error(re_compiler_t *c, const char *msg, size_t at) {
    ES_UNUSED(c);
    es_raise_msg_varg(&es_type_ValueError, "%s at position %u", msg, (unsigned)at);
}

static size_t emit(re_compiler_t *c, uint8_t op, int32_t x, int32_t y) {
    if (c->n_insns >= RE_MAX_PROGRAM) {
        es_raise_msg(&es_type_ValueError, "regular expression is too large");
    }
    if (c->n_insns == c->alloc_insns) {
        c->alloc_insns = c->alloc_insns * 2 + 16;
        c->insns = es_realloc(c->insns, c->alloc_insns * sizeof(re_insn_t));
    }
    re_insn_t *i = &c->insns[c->n_insns];
    i->op = op;
    i->ignore_case = (c->flags & FLAG_IGNORECASE) != 0;
    i->x = x;
    i->y = y;
    return c->n_insns++;
}

/* Opens a gap of n instructions at `at` (code after it moves; its relative jumps stay right). */
static void insert_gap(re_compiler_t *c, size_t at, size_t n) {
    for (size_t k = 0; k < n; k++) {
        emit(c, OP_JMP, 1, 0);
    }
    memmove(&c->insns[at + n], &c->insns[at], (c->n_insns - n - at) * sizeof(re_insn_t));
}

static void set_insn(re_compiler_t *c, size_t at, uint8_t op, int32_t x, int32_t y) {
    c->insns[at].op = op;
    c->insns[at].ignore_case = (c->flags & FLAG_IGNORECASE) != 0;
    c->insns[at].x = x;
    c->insns[at].y = y;
}

static void add_range(re_compiler_t *c, uint32_t lo, uint32_t hi) {
    if (c->n_ranges == c->alloc_ranges) {
        c->alloc_ranges = c->alloc_ranges * 2 + 8;
        c->ranges = es_realloc(c->ranges, c->alloc_ranges * sizeof(re_range_t));
    }
    c->ranges[c->n_ranges].lo = lo;
    c->ranges[c->n_ranges].hi = hi;
    c->n_ranges++;
}

static bool at_end(const re_compiler_t *c) {
    return c->pos >= c->len;
}

static uint32_t peek_char(re_compiler_t *c) {
    subject_t s = {c->src, (int32_t)c->len, c->is_bytes};
    int32_t next;
    return decode_at(&s, (int32_t)c->pos, &next);
}

static uint32_t next_char(re_compiler_t *c) {
    subject_t s = {c->src, (int32_t)c->len, c->is_bytes};
    int32_t next;
    uint32_t ch = decode_at(&s, (int32_t)c->pos, &next);
    c->pos = (size_t)next;
    return ch;
}

static int hex_value(uint32_t ch) {
    if (ch >= '0' && ch <= '9') {
        return (int)(ch - '0');
    }
    if (ch >= 'a' && ch <= 'f') {
        return (int)(ch - 'a' + 10);
    }
    if (ch >= 'A' && ch <= 'F') {
        return (int)(ch - 'A' + 10);
    }
    return -1;
}

static uint32_t read_hex(re_compiler_t *c, int digits, size_t esc_at) {
    uint32_t v = 0;
    for (int i = 0; i < digits; i++) {
        int d = at_end(c) ? -1 : hex_value(peek_char(c));
        if (d < 0) {
            compile_error(c, "incomplete escape", esc_at);
        }
        c->pos++;
        v = v * 16 + (uint32_t)d;
    }
    return v;
}

/*
** An escape that stands for one character (after the backslash has been read), or -1 for
** the class escapes \d \D \w \W \s \S (returned in *special). Other letters are errors.
*/
static int64_t parse_char_escape(re_compiler_t *c, size_t esc_at, int *special) {
    if (at_end(c)) {
        compile_error(c, "bad escape (end of pattern)", esc_at);
    }
    uint32_t ch = next_char(c);
    *special = -1;
    switch (ch) {
        case 'n':
            return '\n';
        case 't':
            return '\t';
        case 'r':
            return '\r';
        case 'f':
            return '\f';
        case 'v':
            return '\v';
        case 'a':
            return '\a';
        case '0': {
            /* Up to three octal digits in all. */
            uint32_t v = 0;
            for (int i = 0; i < 2 && !at_end(c) && peek_char(c) >= '0' && peek_char(c) <= '7'; i++) {
                v = v * 8 + (next_char(c) - '0');
            }
            return v;
        }
        case 'x':
            return read_hex(c, 2, esc_at);
        case 'u':
            if (!c->is_bytes) {
                return read_hex(c, 4, esc_at);
            }
            break;
        case 'U':
            if (!c->is_bytes) {
                return read_hex(c, 8, esc_at);
            }
            break;
        case 'd':
            *special = SPECIAL_DIGIT;
            return -1;
        case 'D':
            *special = SPECIAL_NOT_DIGIT;
            return -1;
        case 'w':
            *special = SPECIAL_WORD;
            return -1;
        case 'W':
            *special = SPECIAL_NOT_WORD;
            return -1;
        case 's':
            *special = SPECIAL_SPACE;
            return -1;
        case 'S':
            *special = SPECIAL_NOT_SPACE;
            return -1;
        default:
            break;
    }
    if (ch < 0x80 && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
        es_raise_msg_varg(&es_type_ValueError, "bad escape \\%c at position %u", (int)ch, (unsigned)esc_at);
    }
    return ch;
}

static void parse_class(re_compiler_t *c) {
    size_t start = c->pos - 1;
    bool negate = false;
    if (!at_end(c) && peek_char(c) == '^') {
        negate = true;
        c->pos++;
    }
    size_t first = c->n_ranges;
    bool first_item = true;
    for (;;) {
        if (at_end(c)) {
            compile_error(c, "unterminated character set", start);
        }
        uint32_t ch = peek_char(c);
        if (ch == ']' && !first_item) {
            c->pos++;
            break;
        }
        first_item = false;
        size_t item_at = c->pos;
        next_char(c);
        uint32_t lo = ch;
        if (ch == '\\') {
            int special;
            int64_t v = parse_char_escape(c, item_at, &special);
            if (special >= 0) {
                add_range(c, CLASS_SPECIAL + (uint32_t)special, 0);
                continue;
            }
            lo = (uint32_t)v;
        }
        uint32_t hi = lo;
        if (c->pos + 1 < c->len && peek_char(c) == '-' && c->src[c->pos + 1] != ']') {
            c->pos++;
            size_t hi_at = c->pos;
            hi = next_char(c);
            if (hi == '\\') {
                int special;
                int64_t v = parse_char_escape(c, hi_at, &special);
                if (special >= 0) {
                    es_raise_msg_varg(&es_type_ValueError, "bad character range at position %u", (unsigned)item_at);
                }
                hi = (uint32_t)v;
            }
            if (hi < lo) {
                es_raise_msg_varg(&es_type_ValueError, "bad character range at position %u", (unsigned)item_at);
            }
        }
        add_range(c, lo, hi);
    }
    emit(c, negate ? OP_NCLASS : OP_CLASS, (int32_t)first, (int32_t)(c->n_ranges - first));
}

static void parse_alternation(re_compiler_t *c, int depth);

/* Reads a group name up to `terminator`; ValueError when empty or not an identifier. */
static es_obj_t parse_group_name(re_compiler_t *c, char terminator, size_t at) {
    size_t start = c->pos;
    while (!at_end(c) && c->src[c->pos] != (uint8_t)terminator) {
        c->pos++;
    }
    if (at_end(c)) {
        es_raise_msg_varg(&es_type_ValueError, "missing %c, unterminated name at position %u", terminator, (unsigned)start);
    }
    size_t len = c->pos - start;
    c->pos++;
    if (len == 0) {
        compile_error(c, "missing group name", at);
    }
    return es_obj_new_str((const char *)c->src + start, len);
}

static void emit_group(re_compiler_t *c, size_t group, int depth) {
    emit(c, OP_SAVE, (int32_t)(2 * group), 0);
    parse_alternation(c, depth + 1);
    emit(c, OP_SAVE, (int32_t)(2 * group + 1), 0);
}

static void expect_close(re_compiler_t *c, size_t open_at) {
    if (at_end(c) || c->src[c->pos] != ')') {
        compile_error(c, "missing ), unterminated subpattern", open_at);
    }
    c->pos++;
}

/* Characters matched by code [start, end), or -1 when that is not one fixed number
** (alternation, repetition and backreferences are refused, as simple rules go). */
static int32_t fixed_width(re_compiler_t *c, size_t start, size_t end) {
    int32_t width = 0;
    for (size_t i = start; i < end; i++) {
        switch (c->insns[i].op) {
            case OP_CHAR:
            case OP_ANY:
            case OP_ANY_ALL:
            case OP_CLASS:
            case OP_NCLASS:
                width++;
                break;
            case OP_LOOK:
            case OP_LOOKBEHIND:
                i += (size_t)c->insns[i].x - 1; /* a nested assertion consumes nothing */
                break;
            case OP_SPLIT:
            case OP_JMP:
            case OP_MARK:
            case OP_PROGRESS:
            case OP_BACKREF:
                return -1;
            default:
                break;
        }
    }
    return width;
}

/* An atom; returns false when the atom cannot be repeated (assertions). */
static bool parse_atom(re_compiler_t *c, int depth) {
    size_t at = c->pos;
    uint32_t ch = next_char(c);
    switch (ch) {
        case '.':
            emit(c, (c->flags & FLAG_DOTALL) ? OP_ANY_ALL : OP_ANY, 0, 0);
            return true;
        case '^':
            emit(c, (c->flags & FLAG_MULTILINE) ? OP_BOL_MULTI : OP_BOL, 0, 0);
            return false;
        case '$':
            emit(c, (c->flags & FLAG_MULTILINE) ? OP_EOL_MULTI : OP_EOL, 0, 0);
            return false;
        case '[':
            parse_class(c);
            return true;
        case '(': {
            if (at_end(c) || c->src[c->pos] != '?') {
                size_t group = ++c->n_groups;
                emit_group(c, group, depth);
                expect_close(c, at);
                return true;
            }
            c->pos++;
            uint32_t kind = at_end(c) ? 0 : next_char(c);
            if (kind == ':') {
                parse_alternation(c, depth + 1);
                expect_close(c, at);
                return true;
            }
            if (kind == 'P' && !at_end(c) && c->src[c->pos] == '<') {
                c->pos++;
                es_obj_t name = parse_group_name(c, '>', c->pos);
                if (es_obj_dict_get(c->group_names, name) != ES_OBJ_NULL) {
                    es_raise_msg_varg(&es_type_ValueError, "redefinition of group name %R at position %u", name,
                                      (unsigned)at);
                }
                size_t group = ++c->n_groups;
                es_obj_dict_store(c->group_names, name, es_obj_new_small_int((es_int_t)group));
                emit_group(c, group, depth);
                expect_close(c, at);
                return true;
            }
            if (kind == 'P' && !at_end(c) && c->src[c->pos] == '=') {
                c->pos++;
                es_obj_t name = parse_group_name(c, ')', c->pos);
                es_obj_t index = es_obj_dict_get(c->group_names, name);
                if (index == ES_OBJ_NULL) {
                    es_raise_msg_varg(&es_type_ValueError, "unknown group name %R at position %u", name, (unsigned)at);
                }
                emit(c, OP_BACKREF, (int32_t)es_small_int_value(index), 0);
                return true;
            }
            if (kind == '=' || kind == '!') {
                size_t look = emit(c, OP_LOOK, 0, kind == '!');
                parse_alternation(c, depth + 1);
                emit(c, OP_MATCH, 0, 0);
                c->insns[look].x = (int32_t)(c->n_insns - look);
                expect_close(c, at);
                return false;
            }
            if (kind == '#') {
                while (!at_end(c) && c->src[c->pos] != ')') {
                    c->pos++;
                }
                expect_close(c, at);
                return false;
            }
            if (kind == '<' && !at_end(c) && (c->src[c->pos] == '=' || c->src[c->pos] == '!')) {
                bool negative = c->src[c->pos++] == '!';
                size_t look = emit(c, OP_LOOKBEHIND, 0, 0);
                parse_alternation(c, depth + 1);
                emit(c, OP_MATCH, 0, 0);
                int32_t width = fixed_width(c, look + 1, c->n_insns - 1);
                if (width < 0) {
                    compile_error(c, "look-behind requires fixed-width pattern", at);
                }
                c->insns[look].x = (int32_t)(c->n_insns - look);
                c->insns[look].y = width * 2 + negative;
                expect_close(c, at);
                return false;
            }
            /* Inline flags (?imsx) apply to the whole pattern. */
            c->pos--;
            while (!at_end(c) && c->src[c->pos] != ')') {
                switch (c->src[c->pos++]) {
                    case 'i':
                        c->flags |= FLAG_IGNORECASE;
                        break;
                    case 'm':
                        c->flags |= FLAG_MULTILINE;
                        break;
                    case 's':
                        c->flags |= FLAG_DOTALL;
                        break;
                    case 'a':
                        c->flags |= FLAG_ASCII;
                        break;
                    case 'u':
                    case 'L':
                    case 'x':
                        break;
                    default:
                        compile_error(c, "unknown extension", at);
                }
            }
            expect_close(c, at);
            return false;
        }
        case ')':
            compile_error(c, "unbalanced parenthesis", at);
        case '*':
        case '+':
        case '?':
            compile_error(c, "nothing to repeat", at);
        case '\\': {
            if (at_end(c)) {
                compile_error(c, "bad escape (end of pattern)", at);
            }
            uint32_t e = peek_char(c);
            switch (e) {
                case 'A':
                    c->pos++;
                    emit(c, OP_STR_START, 0, 0);
                    return false;
                case 'Z':
                    c->pos++;
                    emit(c, OP_STR_END, 0, 0);
                    return false;
                case 'b':
                    c->pos++;
                    emit(c, OP_WORD_B, 0, 0);
                    return false;
                case 'B':
                    c->pos++;
                    emit(c, OP_NOT_WORD_B, 0, 0);
                    return false;
                default:
                    break;
            }
            if (e >= '1' && e <= '9') {
                size_t group = 0;
                while (!at_end(c) && peek_char(c) >= '0' && peek_char(c) <= '9' && group < 100) {
                    group = group * 10 + (next_char(c) - '0');
                }
                if (group > c->n_groups) {
                    es_raise_msg_varg(&es_type_ValueError, "invalid group reference %u at position %u", (unsigned)group,
                                      (unsigned)(at + 1));
                }
                emit(c, OP_BACKREF, (int32_t)group, 0);
                return true;
            }
            int special;
            int64_t v = parse_char_escape(c, at, &special);
            if (special >= 0) {
                size_t first = c->n_ranges;
                add_range(c, CLASS_SPECIAL + (uint32_t)special, 0);
                emit(c, OP_CLASS, (int32_t)first, 1);
            } else {
                emit(c, OP_CHAR, (int32_t)v, 0);
            }
            return true;
        }
        default:
            emit(c, OP_CHAR, (int32_t)ch, 0);
            return true;
    }
}

/* Reads {m}, {m,}, {,n} or {m,n} at c->pos (just after '{'); false if it is not one (then '{' is literal). */
static bool parse_braces(re_compiler_t *c, long *min, long *max) {
    size_t p = c->pos;
    long lo = -1;
    long hi = -1;
    while (p < c->len && c->src[p] >= '0' && c->src[p] <= '9') {
        lo = (lo < 0 ? 0 : lo) * 10 + (c->src[p++] - '0');
        if (lo > 1000000) {
            return false;
        }
    }
    if (p < c->len && c->src[p] == '}') {
        if (lo < 0) {
            return false;
        }
        *min = *max = lo;
        c->pos = p + 1;
        return true;
    }
    if (p >= c->len || c->src[p] != ',') {
        return false;
    }
    p++;
    while (p < c->len && c->src[p] >= '0' && c->src[p] <= '9') {
        hi = (hi < 0 ? 0 : hi) * 10 + (c->src[p++] - '0');
        if (hi > 1000000) {
            return false;
        }
    }
    if (p >= c->len || c->src[p] != '}') {
        return false;
    }
    *min = lo < 0 ? 0 : lo;
    *max = hi; /* -1: unbounded */
    c->pos = p + 1;
    return true;
}

/* Appends a copy of a block of code. */
static void emit_block(re_compiler_t *c, const re_insn_t *block, size_t n) {
    for (size_t i = 0; i < n; i++) {
        size_t at = emit(c, block[i].op, block[i].x, block[i].y);
        c->insns[at].ignore_case = block[i].ignore_case;
    }
}

/* Turns code [start, end) into e* (greedy unless lazy). */
static void make_star(re_compiler_t *c, size_t start, bool lazy) {
    int32_t reg = (int32_t)c->n_regs++;
    insert_gap(c, start, 2);
    emit(c, OP_PROGRESS, reg, 2);
    size_t jmp = emit(c, OP_JMP, 0, 0);
    c->insns[jmp].x = (int32_t)start - (int32_t)jmp;
    int32_t exit = (int32_t)(c->n_insns - start);
    if (lazy) {
        set_insn(c, start, OP_SPLIT, exit, 1);
    } else {
        set_insn(c, start, OP_SPLIT, 1, exit);
    }
    set_insn(c, start + 1, OP_MARK, reg, 0);
}

/* Turns code [start, end) into e? (greedy unless lazy). */
static void make_optional(re_compiler_t *c, size_t start, bool lazy) {
    insert_gap(c, start, 1);
    int32_t exit = (int32_t)(c->n_insns - start);
    if (lazy) {
        set_insn(c, start, OP_SPLIT, exit, 1);
    } else {
        set_insn(c, start, OP_SPLIT, 1, exit);
    }
}

static void apply_quantifier(re_compiler_t *c, size_t start, long min, long max, bool lazy) {
    size_t end = c->n_insns;
    if (max == 1 && min == 0) {
        make_optional(c, start, lazy);
        return;
    }
    if (min == 0 && max < 0) {
        make_star(c, start, lazy);
        return;
    }
    /* General case: min copies, then either a star or (max - min) optional copies that each
    ** skip to the very end when not taken. */
    size_t body_len = end - start;
    if (min > RE_MAX_REPEAT || max > RE_MAX_REPEAT ||
        body_len * (size_t)((max < 0 ? min + 1 : max) + 1) > RE_MAX_PROGRAM) {
        es_raise_msg(&es_type_ValueError, "regular expression is too large");
    }
    re_insn_t *saved = es_alloc(body_len * sizeof(re_insn_t) + 1);
    memcpy(saved, &c->insns[start], body_len * sizeof(re_insn_t));
    c->n_insns = start;
    for (long k = 0; k < min; k++) {
        emit_block(c, saved, body_len);
    }
    if (max < 0) {
        size_t star_start = c->n_insns;
        emit_block(c, saved, body_len);
        make_star(c, star_start, lazy);
    } else {
        size_t first_opt = c->n_insns;
        size_t n_opt = (size_t)(max - min);
        for (size_t k = 0; k < n_opt; k++) {
            emit(c, OP_SPLIT, 0, 0);
            emit_block(c, saved, body_len);
        }
        for (size_t k = 0, at = first_opt; k < n_opt; k++, at += body_len + 1) {
            int32_t exit = (int32_t)(c->n_insns - at);
            set_insn(c, at, OP_SPLIT, lazy ? exit : 1, lazy ? 1 : exit);
        }
    }
    es_free(saved);
}

static void parse_sequence(re_compiler_t *c, int depth) {
    while (!at_end(c) && c->src[c->pos] != '|' && c->src[c->pos] != ')') {
        size_t atom_start = c->n_insns;
        size_t atom_at = c->pos;
        bool repeatable = parse_atom(c, depth);
        if (at_end(c)) {
            break;
        }
        uint8_t q = c->src[c->pos];
        long min;
        long max;
        size_t q_at = c->pos;
        if (q == '*') {
            min = 0;
            max = -1;
            c->pos++;
        } else if (q == '+') {
            min = 1;
            max = -1;
            c->pos++;
        } else if (q == '?') {
            min = 0;
            max = 1;
            c->pos++;
        } else if (q == '{') {
            c->pos++;
            if (!parse_braces(c, &min, &max)) {
                c->pos--;
                continue;
            }
            if (max >= 0 && min > max) {
                compile_error(c, "min repeat greater than max repeat", q_at + 1);
            }
        } else {
            continue;
        }
        if (!repeatable) {
            compile_error(c, "nothing to repeat", atom_at);
        }
        bool lazy = false;
        if (!at_end(c) && c->src[c->pos] == '?') {
            lazy = true;
            c->pos++;
        }
        if (!at_end(c)) {
            uint8_t next = c->src[c->pos];
            size_t here = c->pos;
            bool multiple = next == '*' || next == '+' || next == '?';
            if (next == '{') {
                long a;
                long b;
                c->pos++;
                multiple = parse_braces(c, &a, &b);
                c->pos = here;
            }
            if (multiple) {
                compile_error(c, "multiple repeat", here);
            }
        }
        apply_quantifier(c, atom_start, min, max, lazy);
    }
}

static void parse_alternation(re_compiler_t *c, int depth) {
    es_stack_check();
    if (depth > 200) {
        es_raise_msg(&es_type_RecursionError, "maximum recursion depth exceeded in regular expression");
    }
    size_t start = c->n_insns;
    parse_sequence(c, depth);
    /* The JMPs that end each alternative are chained through their x (the previous one's
    ** index, -1 ends the chain) until the end of the last alternative is known. */
    int32_t pending = -1;
    while (!at_end(c) && c->src[c->pos] == '|') {
        c->pos++;
        /* SPLIT before this alternative (inserted), JMP to the end after it. */
        insert_gap(c, start, 1);
        size_t jmp = emit(c, OP_JMP, pending, 0);
        set_insn(c, start, OP_SPLIT, 1, (int32_t)(c->n_insns - start));
        pending = (int32_t)jmp;
        start = c->n_insns;
        parse_sequence(c, depth);
    }
    while (pending >= 0) {
        int32_t previous = c->insns[pending].x;
        c->insns[pending].x = (int32_t)c->n_insns - pending;
        pending = previous;
    }
}

static es_obj_t re_compile_obj(es_obj_t pattern, es_int_t flags) {
    if (es_obj_is_type(pattern, &re_type)) {
        if (flags != 0) {
            es_raise_msg(&es_type_ValueError, "cannot process flags argument with a compiled pattern");
        }
        return pattern;
    }
    if (!es_obj_is_str_or_bytes(pattern)) {
        es_raise_msg(&es_type_TypeError, "first argument must be string or compiled pattern");
    }
    re_compiler_t c;
    memset(&c, 0, sizeof(c));
    size_t len;
    c.src = (const uint8_t *)es_obj_str_get_data(pattern, &len);
    c.len = len;
    c.is_bytes = !es_obj_is_str(pattern);
    c.flags = flags;
    c.group_names = es_obj_new_dict(0);
    emit(&c, OP_SAVE, 0, 0);
    parse_alternation(&c, 0);
    if (!at_end(&c)) {
        compile_error(&c, "unbalanced parenthesis", c.pos);
    }
    emit(&c, OP_SAVE, 1, 0);
    emit(&c, OP_MATCH, 0, 0);
    re_obj_t *re = es_new(re_obj_t);
    re->base.type = &re_type;
    re->pattern = pattern;
    re->flags = c.flags | (c.is_bytes ? 0 : FLAG_UNICODE);
    if (c.flags & FLAG_ASCII) {
        re->flags &= ~FLAG_UNICODE;
    }
    re->is_bytes = c.is_bytes;
    re->n_groups = c.n_groups;
    re->n_regs = c.n_regs;
    re->n_insns = c.n_insns;
    re->insns = c.insns;
    re->n_ranges = c.n_ranges;
    re->ranges = c.ranges;
    re->group_names = c.group_names;
    return es_obj_from_ptr(re);
}

/* ======================================================================================
** The VM
** ====================================================================================== */

typedef struct bt_entry_t {
    int32_t pc;  /* >= 0: resume here; < 0: undo slot -1 - pc */
    int32_t pos; /* the position, or the slot's old value */
} bt_entry_t;

typedef struct re_vm_t {
    const re_obj_t *re;
    subject_t s;
    int32_t *slots; /* captures, then loop registers */
    bt_entry_t *stack;
    size_t sp;
    size_t alloc;
    bool full;        /* fullmatch: MATCH only at the end */
    int32_t min_end;  /* MATCH only when pos >= min_end (search must advance) */
} re_vm_t;

static void vm_push(re_vm_t *vm, int32_t pc, int32_t pos) {
    if (vm->sp == vm->alloc) {
        if (vm->alloc >= RE_STACK_LIMIT) {
            es_raise_msg(&es_type_RuntimeError, "maximum recursion depth exceeded in regular expression");
        }
        vm->alloc = vm->alloc == 0 ? 64 : vm->alloc * 2;
        vm->stack = es_realloc(vm->stack, vm->alloc * sizeof(bt_entry_t));
    }
    vm->stack[vm->sp].pc = pc;
    vm->stack[vm->sp].pos = pos;
    vm->sp++;
}

static void vm_set_slot(re_vm_t *vm, int32_t slot, int32_t value) {
    if (vm->slots[slot] != value) {
        vm_push(vm, -1 - slot, vm->slots[slot]);
        vm->slots[slot] = value;
    }
}

static bool class_matches(const re_obj_t *re, const re_insn_t *insn, uint32_t ch) {
    bool ascii = (re->flags & FLAG_UNICODE) == 0;
    for (int32_t i = 0; i < insn->y; i++) {
        const re_range_t *r = &re->ranges[insn->x + i];
        if (r->lo >= CLASS_SPECIAL) {
            bool hit;
            switch (r->lo - CLASS_SPECIAL) {
                case SPECIAL_DIGIT:
                    hit = is_digit_char(ch);
                    break;
                case SPECIAL_NOT_DIGIT:
                    hit = !is_digit_char(ch);
                    break;
                case SPECIAL_WORD:
                    hit = is_word_char(ch, ascii);
                    break;
                case SPECIAL_NOT_WORD:
                    hit = !is_word_char(ch, ascii);
                    break;
                case SPECIAL_SPACE:
                    hit = is_space_char(ch);
                    break;
                default:
                    hit = !is_space_char(ch);
                    break;
            }
            if (hit) {
                return true;
            }
            continue;
        }
        if (ch >= r->lo && ch <= r->hi) {
            return true;
        }
        if (insn->ignore_case) {
            uint32_t lower = fold_lower(ch);
            uint32_t upper = fold_upper(ch);
            if ((lower >= r->lo && lower <= r->hi) || (upper >= r->lo && upper <= r->hi)) {
                return true;
            }
        }
    }
    return false;
}

static bool at_word(const re_vm_t *vm, int32_t pos) {
    bool ascii = (vm->re->flags & FLAG_UNICODE) == 0;
    bool before = pos > 0 && is_word_char(decode_before(&vm->s, pos), ascii);
    int32_t next;
    bool after = pos < vm->s.len && is_word_char(decode_at(&vm->s, pos, &next), ascii);
    return before != after;
}

static int32_t vm_run(re_vm_t *vm, int32_t pc, int32_t pos);

/* Runs a lookahead's sub-program at pos; true when the assertion holds. Captures set by a
** successful positive lookahead are kept, with undo records so backtracking restores them. */
static bool vm_lookahead(re_vm_t *vm, int32_t pc, int32_t pos, bool negative) {
    es_stack_check();
    size_t n_slots = 2 * (vm->re->n_groups + 1) + vm->re->n_regs;
    int32_t *saved = es_alloc(n_slots * sizeof(int32_t));
    memcpy(saved, vm->slots, n_slots * sizeof(int32_t));
    size_t base = vm->sp;
    bool saved_full = vm->full;
    int32_t saved_min_end = vm->min_end;
    vm->full = false;
    vm->min_end = 0;
    bool matched = vm_run(vm, pc, pos) >= 0;
    vm->full = saved_full;
    vm->min_end = saved_min_end;
    vm->sp = base;
    if (matched && !negative) {
        for (size_t i = 0; i < n_slots; i++) {
            if (vm->slots[i] != saved[i]) {
                vm_push(vm, -1 - (int32_t)i, saved[i]);
            }
        }
    } else {
        memcpy(vm->slots, saved, n_slots * sizeof(int32_t));
    }
    es_free(saved);
    return matched != negative;
}

/* Returns the end position of a match starting at pos, or -1; entries above the starting
** stack height are consumed either way. */
static int32_t vm_run(re_vm_t *vm, int32_t pc, int32_t pos) {
    size_t base = vm->sp;
    const re_insn_t *code = vm->re->insns;
    const subject_t *s = &vm->s;
    for (;;) {
        const re_insn_t *insn = &code[pc];
        bool ok = true;
        switch (insn->op) {
            case OP_CHAR: {
                if (pos >= s->len) {
                    ok = false;
                    break;
                }
                int32_t next;
                uint32_t ch = decode_at(s, pos, &next);
                uint32_t want = (uint32_t)insn->x;
                ok = ch == want || (insn->ignore_case && fold_lower(ch) == fold_lower(want));
                pos = next;
                pc++;
                break;
            }
            case OP_ANY:
            case OP_ANY_ALL:
                if (pos >= s->len || (insn->op == OP_ANY && s->data[pos] == '\n')) {
                    ok = false;
                    break;
                }
                pos = next_pos(s, pos);
                pc++;
                break;
            case OP_CLASS:
            case OP_NCLASS: {
                if (pos >= s->len) {
                    ok = false;
                    break;
                }
                int32_t next;
                uint32_t ch = decode_at(s, pos, &next);
                ok = class_matches(vm->re, insn, ch) == (insn->op == OP_CLASS);
                pos = next;
                pc++;
                break;
            }
            case OP_SPLIT:
                vm_push(vm, pc + insn->y, pos);
                pc += insn->x;
                break;
            case OP_JMP:
                pc += insn->x;
                break;
            case OP_SAVE:
                vm_set_slot(vm, insn->x, pos);
                pc++;
                break;
            case OP_MARK:
                vm_set_slot(vm, (int32_t)(2 * (vm->re->n_groups + 1)) + insn->x, pos);
                pc++;
                break;
            case OP_PROGRESS:
                pc += vm->slots[2 * (vm->re->n_groups + 1) + (size_t)insn->x] == pos ? insn->y : 1;
                break;
            case OP_BOL:
                ok = pos == 0;
                pc++;
                break;
            case OP_BOL_MULTI:
                ok = pos == 0 || s->data[pos - 1] == '\n';
                pc++;
                break;
            case OP_EOL:
                ok = pos == s->len || (pos == s->len - 1 && s->data[pos] == '\n');
                pc++;
                break;
            case OP_EOL_MULTI:
                ok = pos == s->len || s->data[pos] == '\n';
                pc++;
                break;
            case OP_STR_START:
                ok = pos == 0;
                pc++;
                break;
            case OP_STR_END:
                ok = pos == s->len;
                pc++;
                break;
            case OP_WORD_B:
                ok = at_word(vm, pos);
                pc++;
                break;
            case OP_NOT_WORD_B:
                ok = !at_word(vm, pos);
                pc++;
                break;
            case OP_BACKREF: {
                int32_t start = vm->slots[2 * insn->x];
                int32_t end = vm->slots[2 * insn->x + 1];
                if (start < 0 || end < 0) {
                    ok = false;
                    break;
                }
                int32_t p = pos;
                int32_t q = start;
                while (ok && q < end) {
                    if (p >= s->len) {
                        ok = false;
                        break;
                    }
                    int32_t pn;
                    int32_t qn;
                    uint32_t a = decode_at(s, p, &pn);
                    uint32_t b = decode_at(s, q, &qn);
                    ok = a == b || (insn->ignore_case && fold_lower(a) == fold_lower(b));
                    p = pn;
                    q = qn;
                }
                pos = p;
                pc++;
                break;
            }
            case OP_LOOK:
                ok = vm_lookahead(vm, pc + 1, pos, insn->y != 0);
                pc += insn->x;
                break;
            case OP_LOOKBEHIND: {
                /* Step back over `width` characters; too close to the start means no match there. */
                int32_t back = pos;
                for (int32_t k = insn->y >> 1; k > 0 && back >= 0; k--) {
                    back--;
                    while (!s->is_bytes && back > 0 && (s->data[back] & 0xc0) == 0x80) {
                        back--;
                    }
                }
                bool negative = (insn->y & 1) != 0;
                ok = back >= 0 ? vm_lookahead(vm, pc + 1, back, negative) : negative;
                pc += insn->x;
                break;
            }
            default: /* OP_MATCH */
                if ((!vm->full || pos == s->len) && pos >= vm->min_end) {
                    return pos;
                }
                ok = false;
                break;
        }
        if (ok) {
            continue;
        }
        /* Backtrack: undo slot changes until a choice point. */
        for (;;) {
            if (vm->sp == base) {
                return -1;
            }
            bt_entry_t e = vm->stack[--vm->sp];
            if (e.pc < 0) {
                vm->slots[-1 - e.pc] = e.pos;
                continue;
            }
            pc = e.pc;
            pos = e.pos;
            break;
        }
    }
}

/* ======================================================================================
** Matching entry points
** ====================================================================================== */

static void subject_of(const re_obj_t *re, es_obj_t string, subject_t *s) {
    bool is_str = es_obj_is_str(string);
    size_t len;
    if (is_str) {
        if (re->is_bytes) {
            es_raise_msg(&es_type_TypeError, "cannot use a bytes pattern on a string-like object");
        }
        s->data = (const uint8_t *)es_obj_str_get_data(string, &len);
    } else {
        if (!re->is_bytes) {
            es_raise_msg(&es_type_TypeError, "cannot use a string pattern on a bytes-like object");
        }
        const es_type_t *type = es_obj_get_type(string);
        es_buffer_info_t info;
        if (type->buffer == NULL || type->buffer(string, &info, ES_BUFFER_READ) != 0) {
            es_raise_msg_varg(&es_type_TypeError, "expected string or bytes-like object, got '%s'",
                              es_obj_type_name(string));
        }
        s->data = info.buf;
        len = info.len;
    }
    if (len > 0x7fffffff) {
        es_raise_msg(&es_type_OverflowError, "string is too large");
    }
    s->len = (int32_t)len;
    s->is_bytes = !is_str;
}

typedef enum { MODE_MATCH, MODE_SEARCH, MODE_FULLMATCH } match_mode_t;

/*
** Looks for a match at or after `start` (byte offset). With must_advance, a match at
** `start` itself must not be empty (the rule finditer/sub/split use after an empty match).
*/
/* Loops that find many matches keep one backtrack stack and one scratch match object. */
typedef struct re_scratch_t {
    bt_entry_t *stack;
    size_t alloc;
    match_obj_t *match;
} re_scratch_t;

static es_obj_t re_exec_with(re_obj_t *re, es_obj_t string, const subject_t *s, int32_t start, match_mode_t mode,
                             bool must_advance, re_scratch_t *scratch) {
    size_t n_slots = 2 * (re->n_groups + 1) + re->n_regs;
    if (scratch->match == NULL) {
        scratch->match = es_alloc(sizeof(match_obj_t) + n_slots * sizeof(int32_t));
    }
    match_obj_t *m = scratch->match;
    re_vm_t vm;
    memset(&vm, 0, sizeof(vm));
    vm.re = re;
    vm.s = *s;
    vm.slots = m->slots;
    vm.full = mode == MODE_FULLMATCH;
    vm.stack = scratch->stack;
    vm.alloc = scratch->alloc;
    int32_t pos = start;
    es_obj_t result = ES_OBJ_NONE;
    for (;;) {
        for (size_t i = 0; i < n_slots; i++) {
            m->slots[i] = -1;
        }
        vm.sp = 0;
        vm.min_end = must_advance && pos == start ? start + 1 : 0;
        if (vm_run(&vm, 0, pos) >= 0) {
            m->base.type = &match_type;
            m->re = re;
            m->string = string;
            m->pos = start;
            m->endpos = s->len;
            result = es_obj_from_ptr(m);
            break;
        }
        if (mode != MODE_SEARCH || pos >= s->len) {
            break;
        }
        pos = next_pos(s, pos);
    }
    scratch->stack = vm.stack;
    scratch->alloc = vm.alloc;
    return result;
}

static void scratch_free(re_scratch_t *scratch) {
    if (scratch->stack != NULL) {
        es_free(scratch->stack);
    }
    scratch->stack = NULL;
    scratch->alloc = 0;
}

/* One search whose match object the caller keeps. */
static es_obj_t re_exec(re_obj_t *re, es_obj_t string, const subject_t *s, int32_t start, match_mode_t mode,
                        bool must_advance) {
    re_scratch_t scratch = {NULL, 0, NULL};
    es_obj_t m = re_exec_with(re, string, s, start, mode, must_advance, &scratch);
    scratch_free(&scratch);
    if (m == ES_OBJ_NONE && scratch.match != NULL) {
        es_free(scratch.match);
    }
    return m;
}

static re_obj_t *re_of(es_obj_t o) {
    return es_obj_to_ptr(o);
}

/* pattern.match(string, pos=0, endpos=len) and friends. */
static es_obj_t re_match_common(size_t n_args, const es_obj_t *args, es_map_t *kw_args, match_mode_t mode) {
    static const es_arg_t allowed[] = {
        {ES_Q_self, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_string, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_pos, ES_ARG_INT, {.u_int = 0}},
        {ES_Q_endpos, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
    };
    es_arg_val_t vals[4];
    es_arg_parse_all(n_args, args, kw_args, 4, allowed, vals);
    re_obj_t *re = re_of(vals[0].u_obj);
    subject_t s;
    subject_of(re, vals[1].u_obj, &s);
    if (vals[3].u_obj != ES_OBJ_NONE) {
        es_int_t endpos = es_obj_get_int(vals[3].u_obj);
        s.len = byte_offset(s.data, (size_t)s.len, s.is_bytes, endpos < 0 ? 0 : endpos);
    }
    int32_t start = byte_offset(s.data, (size_t)s.len, s.is_bytes, vals[2].u_int);
    return re_exec(re, vals[1].u_obj, &s, start, mode, false);
}

static es_obj_t re_match_method(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    return re_match_common(n_args, args, kw_args, MODE_MATCH);
}
static ES_DEFINE_FUN_KW(re_match_obj, ES_Q_match, 2, re_match_method);

static es_obj_t re_search_method(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    return re_match_common(n_args, args, kw_args, MODE_SEARCH);
}
static ES_DEFINE_FUN_KW(re_search_obj, ES_Q_search, 2, re_search_method);

static es_obj_t re_fullmatch_method(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    return re_match_common(n_args, args, kw_args, MODE_FULLMATCH);
}
static ES_DEFINE_FUN_KW(re_fullmatch_obj, ES_Q_fullmatch, 2, re_fullmatch_method);

/* ---- Match objects ----------------------------------------------------------------------- */

static match_obj_t *match_of(es_obj_t o) {
    return es_obj_to_ptr(o);
}

static size_t group_index(match_obj_t *m, es_obj_t g) {
    if (es_obj_is_str(g)) {
        es_obj_t index = es_obj_dict_get(m->re->group_names, g);
        if (index != ES_OBJ_NULL) {
            return (size_t)es_small_int_value(index);
        }
    } else if (es_obj_is_small_int(g) || g == ES_OBJ_TRUE || g == ES_OBJ_FALSE) {
        es_int_t i = es_obj_get_int(g);
        if (i >= 0 && (size_t)i <= m->re->n_groups) {
            return (size_t)i;
        }
    }
    es_raise_msg(&es_type_IndexError, "no such group");
}

static es_obj_t match_substring(match_obj_t *m, size_t group, es_obj_t default_value) {
    int32_t start = m->slots[2 * group];
    int32_t end = m->slots[2 * group + 1];
    if (start < 0 || end < 0) {
        return default_value;
    }
    size_t len;
    const char *data;
    if (es_obj_is_str(m->string)) {
        data = es_obj_str_get_data(m->string, &len);
        return es_obj_new_str(data + start, (size_t)(end - start));
    }
    es_buffer_info_t info;
    es_obj_get_type(m->string)->buffer(m->string, &info, ES_BUFFER_READ);
    return es_obj_new_bytes((const uint8_t *)info.buf + start, (size_t)(end - start));
}

static es_obj_t match_group(size_t n_args, const es_obj_t *args) {
    match_obj_t *m = match_of(args[0]);
    if (n_args <= 2) {
        size_t g = n_args == 1 ? 0 : group_index(m, args[1]);
        return match_substring(m, g, ES_OBJ_NONE);
    }
    es_obj_t tuple = es_obj_new_tuple(n_args - 1, NULL);
    es_obj_tuple_t *t = es_obj_to_ptr(tuple);
    for (size_t i = 1; i < n_args; i++) {
        t->items[i - 1] = match_substring(m, group_index(m, args[i]), ES_OBJ_NONE);
    }
    return tuple;
}
static ES_DEFINE_FUN_VAR(match_group_obj, ES_Q_group, 1, ES_FUN_ARGS_MAX, match_group);

static es_obj_t match_groups(size_t n_args, const es_obj_t *args) {
    match_obj_t *m = match_of(args[0]);
    es_obj_t default_value = n_args > 1 ? args[1] : ES_OBJ_NONE;
    es_obj_t tuple = es_obj_new_tuple(m->re->n_groups, NULL);
    es_obj_tuple_t *t = es_obj_to_ptr(tuple);
    for (size_t i = 0; i < m->re->n_groups; i++) {
        t->items[i] = match_substring(m, i + 1, default_value);
    }
    return tuple;
}
static ES_DEFINE_FUN_VAR(match_groups_obj, ES_Q_groups, 1, 2, match_groups);

static es_obj_t match_groupdict(size_t n_args, const es_obj_t *args) {
    match_obj_t *m = match_of(args[0]);
    es_obj_t default_value = n_args > 1 ? args[1] : ES_OBJ_NONE;
    es_obj_t dict = es_obj_new_dict(0);
    es_map_t *names = es_obj_dict_get_map(m->re->group_names);
    for (size_t i = 0; i < names->used; i++) {
        if (es_map_slot_is_filled(names, i)) {
            size_t g = (size_t)es_small_int_value(names->table[i].value);
            es_obj_dict_store(dict, names->table[i].key, match_substring(m, g, default_value));
        }
    }
    return dict;
}
static ES_DEFINE_FUN_VAR(match_groupdict_obj, ES_Q_groupdict, 1, 2, match_groupdict);

static es_int_t match_char_pos(match_obj_t *m, int32_t byte_pos) {
    if (byte_pos < 0) {
        return -1;
    }
    subject_t s;
    subject_of(m->re, m->string, &s);
    return char_index(&s, byte_pos);
}

static es_obj_t match_start(size_t n_args, const es_obj_t *args) {
    match_obj_t *m = match_of(args[0]);
    size_t g = n_args > 1 ? group_index(m, args[1]) : 0;
    return es_obj_new_small_int(match_char_pos(m, m->slots[2 * g]));
}
static ES_DEFINE_FUN_VAR(match_start_obj, ES_Q_start, 1, 2, match_start);

static es_obj_t match_end(size_t n_args, const es_obj_t *args) {
    match_obj_t *m = match_of(args[0]);
    size_t g = n_args > 1 ? group_index(m, args[1]) : 0;
    return es_obj_new_small_int(match_char_pos(m, m->slots[2 * g + 1]));
}
static ES_DEFINE_FUN_VAR(match_end_obj, ES_Q_end, 1, 2, match_end);

static es_obj_t match_span(size_t n_args, const es_obj_t *args) {
    match_obj_t *m = match_of(args[0]);
    size_t g = n_args > 1 ? group_index(m, args[1]) : 0;
    es_obj_t items[2] = {es_obj_new_small_int(match_char_pos(m, m->slots[2 * g])),
                         es_obj_new_small_int(match_char_pos(m, m->slots[2 * g + 1]))};
    return es_obj_new_tuple(2, items);
}
static ES_DEFINE_FUN_VAR(match_span_obj, ES_Q_span, 1, 2, match_span);

static es_obj_t expand_template(re_obj_t *re, match_obj_t *m, es_obj_t template_in);

static es_obj_t match_expand(es_obj_t self, es_obj_t template_in) {
    match_obj_t *m = match_of(self);
    return expand_template(m->re, m, template_in);
}
static ES_DEFINE_FUN_2(match_expand_obj, ES_Q_expand, match_expand);

static void match_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    match_obj_t *m = match_of(self);
    es_printf(print, "<re.Match object; span=(%d, %d), match=%R>", (int)match_char_pos(m, m->slots[0]),
              (int)match_char_pos(m, m->slots[1]), match_substring(m, 0, ES_OBJ_NONE));
}

static es_obj_t match_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    if (value != ES_OBJ_SENTINEL) {
        return ES_OBJ_NULL;
    }
    match_obj_t *m = match_of(self);
    return match_substring(m, group_index(m, index), ES_OBJ_NONE);
}

static void match_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    match_obj_t *m = match_of(self);
    if (attr == ES_Q_string) {
        dest[0] = m->string;
    } else if (attr == ES_Q_re) {
        dest[0] = es_obj_from_ptr(m->re);
    } else if (attr == ES_Q_pos) {
        dest[0] = es_obj_new_small_int(match_char_pos(m, m->pos));
    } else if (attr == ES_Q_endpos) {
        dest[0] = es_obj_new_small_int(match_char_pos(m, m->endpos));
    } else if (attr == ES_Q_lastindex) {
        /* The group that closed last: the one with the greatest end, the outermost on ties. */
        es_int_t best = -1;
        int32_t best_end = -1;
        for (size_t g = 1; g <= m->re->n_groups; g++) {
            if (m->slots[2 * g + 1] >= 0 && m->slots[2 * g + 1] > best_end) {
                best = (es_int_t)g;
                best_end = m->slots[2 * g + 1];
            }
        }
        dest[0] = best < 0 ? ES_OBJ_NONE : es_obj_new_small_int(best);
    }
}

static const es_map_elem_t match_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_group), ES_OBJ_FROM_CONST(match_group_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_groups), ES_OBJ_FROM_CONST(match_groups_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_groupdict), ES_OBJ_FROM_CONST(match_groupdict_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_start), ES_OBJ_FROM_CONST(match_start_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_end), ES_OBJ_FROM_CONST(match_end_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_span), ES_OBJ_FROM_CONST(match_span_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_expand), ES_OBJ_FROM_CONST(match_expand_obj)},
};
static ES_DEFINE_CONST_DICT(match_locals_dict, match_locals_table);

static const es_type_t match_type = {
    .base = {&es_type_type},
    .name = ES_Q_Match,
    .print = match_print,
    .attr = match_attr,
    .subscr = match_subscr,
    .locals_dict = (es_obj_dict_t *)&match_locals_dict,
};

/* ---- sub, split, findall ---------------------------------------------------------------- */

static void add_subject_bytes(es_vstr_t *out, const subject_t *s, int32_t from, int32_t to) {
    if (to > from) {
        es_vstr_add_strn(out, (const char *)s->data + from, (size_t)(to - from));
    }
}

/* Expands \1, \g<1>, \g<name> and the character escapes of a replacement template. */
static es_obj_t expand_template(re_obj_t *re, match_obj_t *m, es_obj_t template_in) {
    size_t len;
    const char *t = es_obj_str_get_data(template_in, &len);
    es_vstr_t out;
    es_vstr_init(&out, len + 16);
    for (size_t i = 0; i < len; i++) {
        char ch = t[i];
        if (ch != '\\') {
            es_vstr_add_byte(&out, (uint8_t)ch);
            continue;
        }
        size_t at = i;
        if (++i >= len) {
            es_raise_msg_varg(&es_type_ValueError, "bad escape (end of pattern) at position %u", (unsigned)at);
        }
        ch = t[i];
        long group = -1;
        if (ch == 'g') {
            if (i + 1 >= len || t[i + 1] != '<') {
                es_raise_msg_varg(&es_type_ValueError, "missing < at position %u", (unsigned)(i + 1));
            }
            size_t name_start = i + 2;
            size_t name_end = name_start;
            while (name_end < len && t[name_end] != '>') {
                name_end++;
            }
            if (name_end >= len) {
                es_raise_msg_varg(&es_type_ValueError, "missing >, unterminated name at position %u",
                                  (unsigned)name_start);
            }
            if (name_end == name_start) {
                es_raise_msg_varg(&es_type_ValueError, "missing group name at position %u", (unsigned)name_start);
            }
            bool numeric = true;
            long n = 0;
            for (size_t k = name_start; k < name_end; k++) {
                if (t[k] < '0' || t[k] > '9') {
                    numeric = false;
                    break;
                }
                n = n * 10 + (t[k] - '0');
                if (n > 100000) {
                    n = 100000;
                }
            }
            if (numeric) {
                group = n;
            } else {
                es_obj_t name = es_obj_new_str(t + name_start, name_end - name_start);
                es_obj_t index = es_obj_dict_get(re->group_names, name);
                if (index == ES_OBJ_NULL) {
                    es_raise_msg_varg(&es_type_IndexError, "unknown group name '%s'", es_obj_str_get_str(name));
                }
                group = (long)es_small_int_value(index);
            }
            if ((size_t)group > re->n_groups) {
                es_raise_msg_varg(&es_type_ValueError, "invalid group reference %d at position %u", (int)group,
                                  (unsigned)name_start);
            }
            i = name_end;
        } else if (ch >= '1' && ch <= '9') {
            group = ch - '0';
            if (i + 1 < len && t[i + 1] >= '0' && t[i + 1] <= '9') {
                group = group * 10 + (t[++i] - '0');
            }
            if ((size_t)group > re->n_groups) {
                es_raise_msg_varg(&es_type_ValueError, "invalid group reference %d at position %u", (int)group,
                                  (unsigned)(at + 1));
            }
        } else {
            static const char from[] = "ntrfvab\\";
            static const char to[] = "\n\t\r\f\v\a\b\\";
            const char *hit = memchr(from, ch, sizeof(from) - 1);
            if (hit != NULL) {
                es_vstr_add_byte(&out, (uint8_t)to[hit - from]);
            } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '0') {
                if (ch == '0') {
                    es_vstr_add_byte(&out, 0);
                } else {
                    es_raise_msg_varg(&es_type_ValueError, "bad escape \\%c at position %u", ch, (unsigned)at);
                }
            } else {
                es_vstr_add_byte(&out, '\\');
                es_vstr_add_byte(&out, (uint8_t)ch);
            }
            continue;
        }
        int32_t start = m->slots[2 * group];
        int32_t end = m->slots[2 * group + 1];
        if (start >= 0 && end >= 0) {
            subject_t s;
            subject_of(re, m->string, &s);
            add_subject_bytes(&out, &s, start, end);
        }
    }
    return es_obj_new_str_from_vstr(re->is_bytes ? &es_type_bytes : &es_type_str, &out);
}

static es_obj_t re_subn_impl(re_obj_t *re, es_obj_t repl, es_obj_t string, es_int_t count, bool want_count) {
    subject_t s;
    subject_of(re, string, &s);
    bool callable = es_obj_is_callable(repl);
    if (!callable && !es_obj_is_str_or_bytes(repl)) {
        es_raise_msg_varg(&es_type_TypeError, "expected str instance, %s found", es_obj_type_name(repl));
    }
    /* A template without backslashes is used as it is. */
    bool literal = false;
    if (!callable) {
        size_t len;
        const char *t = es_obj_str_get_data(repl, &len);
        literal = memchr(t, '\\', len) == NULL;
    }
    es_vstr_t out;
    es_vstr_init(&out, (size_t)s.len + 16);
    int32_t last = 0;
    int32_t pos = 0;
    bool must_advance = false;
    es_int_t n = 0;
    re_scratch_t scratch = {NULL, 0, NULL};
    while (count <= 0 || n < count) {
        /* A callback may keep its match object, so it gets a fresh one each time. */
        if (callable) {
            scratch.match = NULL;
        }
        es_obj_t mo = re_exec_with(re, string, &s, pos, MODE_SEARCH, must_advance, &scratch);
        if (mo == ES_OBJ_NONE) {
            break;
        }
        match_obj_t *m = match_of(mo);
        int32_t b = m->slots[0];
        int32_t e = m->slots[1];
        add_subject_bytes(&out, &s, last, b);
        es_obj_t piece = callable ? es_call_function_1(repl, mo) : literal ? repl : expand_template(re, m, repl);
        if (!es_obj_is_str_or_bytes(piece) || es_obj_is_str(piece) == re->is_bytes) {
            es_raise_msg_varg(&es_type_TypeError, "expected %s instance, %s found", re->is_bytes ? "bytes" : "str",
                              es_obj_type_name(piece));
        }
        size_t plen;
        const char *p = es_obj_str_get_data(piece, &plen);
        es_vstr_add_strn(&out, p, plen);
        subject_of(re, string, &s); /* the callback may not change it, but re-read the buffer */
        last = e;
        must_advance = e == b;
        pos = e;
        n++;
        if (pos > s.len) {
            break;
        }
    }
    scratch_free(&scratch);
    add_subject_bytes(&out, &s, last, s.len);
    es_obj_t result = es_obj_new_str_from_vstr(re->is_bytes ? &es_type_bytes : &es_type_str, &out);
    if (!want_count) {
        return result;
    }
    es_obj_t items[2] = {result, es_obj_new_small_int(n)};
    return es_obj_new_tuple(2, items);
}

static es_obj_t re_sub_method(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_self, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_repl, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_string, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_count, ES_ARG_INT, {.u_int = 0}},
    };
    es_arg_val_t vals[4];
    es_arg_parse_all(n_args, args, kw_args, 4, allowed, vals);
    return re_subn_impl(re_of(vals[0].u_obj), vals[1].u_obj, vals[2].u_obj, vals[3].u_int, false);
}
static ES_DEFINE_FUN_KW(re_sub_obj, ES_Q_sub, 3, re_sub_method);

static es_obj_t re_subn_method(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_self, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_repl, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_string, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_count, ES_ARG_INT, {.u_int = 0}},
    };
    es_arg_val_t vals[4];
    es_arg_parse_all(n_args, args, kw_args, 4, allowed, vals);
    return re_subn_impl(re_of(vals[0].u_obj), vals[1].u_obj, vals[2].u_obj, vals[3].u_int, true);
}
static ES_DEFINE_FUN_KW(re_subn_obj, ES_Q_subn, 3, re_subn_method);

/* What to collect from each match of re_scan. */
typedef enum { SCAN_MATCHES, SCAN_FINDALL, SCAN_SPLIT } scan_kind_t;

static es_obj_t findall_item(re_obj_t *re, match_obj_t *m);

/*
** Every match from left to right, with the empty-match rule of CPython 3.7+: the match
** objects themselves, findall's items, or split's pieces (at most `limit` matches when > 0).
*/
static es_obj_t re_scan(re_obj_t *re, es_obj_t string, es_int_t limit, scan_kind_t kind) {
    subject_t s;
    subject_of(re, string, &s);
    es_obj_t list = es_obj_new_list(0, NULL);
    const es_type_t *piece_type = re->is_bytes ? &es_type_bytes : &es_type_str;
    int32_t pos = 0;
    int32_t last = 0;
    bool must_advance = false;
    es_int_t n = 0;
    re_scratch_t scratch = {NULL, 0, NULL};
    while (pos <= s.len && (limit <= 0 || n < limit)) {
        if (kind == SCAN_MATCHES) {
            scratch.match = NULL;
        }
        es_obj_t mo = re_exec_with(re, string, &s, pos, MODE_SEARCH, must_advance, &scratch);
        if (mo == ES_OBJ_NONE) {
            break;
        }
        match_obj_t *m = match_of(mo);
        if (kind == SCAN_MATCHES) {
            es_obj_list_append(list, mo);
        } else if (kind == SCAN_FINDALL) {
            es_obj_list_append(list, findall_item(re, m));
        } else {
            es_obj_list_append(list, es_obj_new_str_copy(piece_type, s.data + last, (size_t)(m->slots[0] - last)));
            for (size_t g = 1; g <= re->n_groups; g++) {
                es_obj_list_append(list, match_substring(m, g, ES_OBJ_NONE));
            }
            last = m->slots[1];
        }
        n++;
        must_advance = m->slots[1] == m->slots[0];
        pos = m->slots[1];
    }
    scratch_free(&scratch);
    if (kind == SCAN_SPLIT) {
        es_obj_list_append(list, es_obj_new_str_copy(piece_type, s.data + last, (size_t)(s.len - last)));
    }
    return list;
}

static es_obj_t re_split_method(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_self, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_string, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_maxsplit, ES_ARG_INT, {.u_int = 0}},
    };
    es_arg_val_t vals[3];
    es_arg_parse_all(n_args, args, kw_args, 3, allowed, vals);
    return re_scan(re_of(vals[0].u_obj), vals[1].u_obj, vals[2].u_int, SCAN_SPLIT);
}
static ES_DEFINE_FUN_KW(re_split_obj, ES_Q_split, 2, re_split_method);

static es_obj_t findall_item(re_obj_t *re, match_obj_t *m) {
    es_obj_t empty = re->is_bytes ? es_obj_new_bytes(NULL, 0) : ES_OBJ_NEW_QSTR(ES_Q__S_empty);
    if (re->n_groups == 0) {
        return match_substring(m, 0, empty);
    }
    if (re->n_groups == 1) {
        return match_substring(m, 1, empty);
    }
    es_obj_t tuple = es_obj_new_tuple(re->n_groups, NULL);
    es_obj_tuple_t *t = es_obj_to_ptr(tuple);
    for (size_t g = 1; g <= re->n_groups; g++) {
        t->items[g - 1] = match_substring(m, g, empty);
    }
    return tuple;
}

static es_obj_t re_findall_method(es_obj_t self, es_obj_t string) {
    return re_scan(re_of(self), string, 0, SCAN_FINDALL);
}
static ES_DEFINE_FUN_2(re_findall_obj, ES_Q_findall, re_findall_method);

static es_obj_t re_finditer_method(es_obj_t self, es_obj_t string) {
    return es_getiter(re_scan(re_of(self), string, 0, SCAN_MATCHES), NULL);
}
static ES_DEFINE_FUN_2(re_finditer_obj, ES_Q_finditer, re_finditer_method);

static void re_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    re_obj_t *re = re_of(self);
    static const struct {
        uint16_t flag;
        char name[12];
    } names[] = {
        {FLAG_IGNORECASE, "IGNORECASE"}, {FLAG_LOCALE, "LOCALE"}, {FLAG_MULTILINE, "MULTILINE"},
        {FLAG_DOTALL, "DOTALL"},         {FLAG_VERBOSE, "VERBOSE"}, {FLAG_ASCII, "ASCII"},
    };
    es_printf(print, "re.compile(%R", re->pattern);
    bool first = true;
    for (size_t i = 0; i < ES_ARRAY_SIZE(names); i++) {
        if (re->flags & names[i].flag) {
            es_printf(print, "%sre.%s", first ? ", " : "|", names[i].name);
            first = false;
        }
    }
    es_print_str(print, ")");
}

static void re_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    re_obj_t *re = re_of(self);
    if (attr == ES_Q_pattern) {
        dest[0] = re->pattern;
    } else if (attr == ES_Q_flags) {
        dest[0] = es_obj_new_small_int(re->flags);
    } else if (attr == ES_Q_groups) {
        dest[0] = es_obj_new_small_int((es_int_t)re->n_groups);
    } else if (attr == ES_Q_groupindex) {
        dest[0] = es_obj_dict_copy(re->group_names);
    }
}

static const es_map_elem_t re_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_match), ES_OBJ_FROM_CONST(re_match_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_search), ES_OBJ_FROM_CONST(re_search_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_fullmatch), ES_OBJ_FROM_CONST(re_fullmatch_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sub), ES_OBJ_FROM_CONST(re_sub_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_subn), ES_OBJ_FROM_CONST(re_subn_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_split), ES_OBJ_FROM_CONST(re_split_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_findall), ES_OBJ_FROM_CONST(re_findall_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_finditer), ES_OBJ_FROM_CONST(re_finditer_obj)},
};
static ES_DEFINE_CONST_DICT(re_locals_dict, re_locals_table);

static const es_type_t re_type = {
    .base = {&es_type_type},
    .name = ES_Q_Pattern,
    .print = re_print,
    .attr = re_attr,
    .locals_dict = (es_obj_dict_t *)&re_locals_dict,
};

/* ---- module functions: compile, then call the pattern's method ---------------------------- */

static es_obj_t re_compile(size_t n_args, const es_obj_t *args) {
    return re_compile_obj(args[0], n_args > 1 ? es_obj_get_int(args[1]) : 0);
}
static ES_DEFINE_FUN_VAR(re_compile_fn_obj, ES_Q_compile, 1, 2, re_compile);

/* Module function f(pattern, *rest, flags=0) -> compiled.method(*rest). */
static es_obj_t call_with_compiled(size_t n_args, const es_obj_t *args, es_map_t *kw_args, size_t flags_pos,
                                   es_obj_t (*method)(size_t, const es_obj_t *, es_map_t *)) {
    es_int_t flags = 0;
    es_map_elem_t *f = es_map_lookup(kw_args, ES_OBJ_NEW_QSTR(ES_Q_flags), ES_MAP_LOOKUP);
    if (f != NULL) {
        flags = es_obj_get_int(f->value);
    } else if (n_args > flags_pos) {
        flags = es_obj_get_int(args[flags_pos]);
    }
    if (n_args > flags_pos) {
        n_args = flags_pos;
    }
    es_obj_t new_args[5];
    if (n_args > 5) {
        es_raise_msg(&es_type_TypeError, "too many arguments");
    }
    new_args[0] = re_compile_obj(args[0], flags);
    for (size_t i = 1; i < n_args; i++) {
        new_args[i] = args[i];
    }
    /* The keywords other than flags go on to the method. */
    es_map_t rest;
    es_map_init(&rest, kw_args->count);
    for (size_t i = 0; i < kw_args->used; i++) {
        if (es_map_slot_is_filled(kw_args, i) && !es_obj_equal(kw_args->table[i].key, ES_OBJ_NEW_QSTR(ES_Q_flags))) {
            es_map_lookup(&rest, kw_args->table[i].key, ES_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = kw_args->table[i].value;
        }
    }
    return method(n_args, new_args, &rest);
}

static es_obj_t re_match_fn(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    return call_with_compiled(n_args, args, kw_args, 2, re_match_method);
}
static ES_DEFINE_FUN_KW(re_match_fn_obj, ES_Q_match, 2, re_match_fn);

static es_obj_t re_search_fn(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    return call_with_compiled(n_args, args, kw_args, 2, re_search_method);
}
static ES_DEFINE_FUN_KW(re_search_fn_obj, ES_Q_search, 2, re_search_fn);

static es_obj_t re_fullmatch_fn(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    return call_with_compiled(n_args, args, kw_args, 2, re_fullmatch_method);
}
static ES_DEFINE_FUN_KW(re_fullmatch_fn_obj, ES_Q_fullmatch, 2, re_fullmatch_fn);

static es_obj_t re_sub_fn(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    return call_with_compiled(n_args, args, kw_args, 4, re_sub_method);
}
static ES_DEFINE_FUN_KW(re_sub_fn_obj, ES_Q_sub, 3, re_sub_fn);

static es_obj_t re_subn_fn(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    return call_with_compiled(n_args, args, kw_args, 4, re_subn_method);
}
static ES_DEFINE_FUN_KW(re_subn_fn_obj, ES_Q_subn, 3, re_subn_fn);

static es_obj_t re_split_fn(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    return call_with_compiled(n_args, args, kw_args, 3, re_split_method);
}
static ES_DEFINE_FUN_KW(re_split_fn_obj, ES_Q_split, 2, re_split_fn);

static es_obj_t findall_kw(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    ES_UNUSED(kw_args);
    es_arg_check_num(n_args, 0, 2, 2, false);
    return re_findall_method(args[0], args[1]);
}

static es_obj_t re_findall_fn(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    return call_with_compiled(n_args, args, kw_args, 2, findall_kw);
}
static ES_DEFINE_FUN_KW(re_findall_fn_obj, ES_Q_findall, 2, re_findall_fn);

static es_obj_t finditer_kw(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    ES_UNUSED(kw_args);
    es_arg_check_num(n_args, 0, 2, 2, false);
    return re_finditer_method(args[0], args[1]);
}

static es_obj_t re_finditer_fn(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    return call_with_compiled(n_args, args, kw_args, 2, finditer_kw);
}
static ES_DEFINE_FUN_KW(re_finditer_fn_obj, ES_Q_finditer, 2, re_finditer_fn);

/* re.escape: a backslash before every character that is special in a pattern. */
static es_obj_t re_escape(es_obj_t pattern) {
    size_t len;
    const char *s = es_obj_str_get_data(pattern, &len);
    es_vstr_t out;
    es_vstr_init(&out, len * 2 + 1);
    static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    for (size_t i = 0; i < len; i++) {
        if (s[i] != 0 && strchr(special, s[i]) != NULL) {
            es_vstr_add_byte(&out, '\\');
        }
        es_vstr_add_byte(&out, (uint8_t)s[i]);
    }
    return es_obj_new_str_from_vstr(es_obj_is_str(pattern) ? &es_type_str : &es_type_bytes, &out);
}
static ES_DEFINE_FUN_1(re_escape_obj, ES_Q_escape, re_escape);

static const es_map_elem_t re_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_re)},
    {ES_OBJ_NEW_QSTR(ES_Q_compile), ES_OBJ_FROM_CONST(re_compile_fn_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_match), ES_OBJ_FROM_CONST(re_match_fn_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_search), ES_OBJ_FROM_CONST(re_search_fn_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_fullmatch), ES_OBJ_FROM_CONST(re_fullmatch_fn_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sub), ES_OBJ_FROM_CONST(re_sub_fn_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_subn), ES_OBJ_FROM_CONST(re_subn_fn_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_split), ES_OBJ_FROM_CONST(re_split_fn_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_findall), ES_OBJ_FROM_CONST(re_findall_fn_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_finditer), ES_OBJ_FROM_CONST(re_finditer_fn_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_escape), ES_OBJ_FROM_CONST(re_escape_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_error), ES_OBJ_FROM_CONST(es_type_ValueError)},
    {ES_OBJ_NEW_QSTR(ES_Q_Pattern), ES_OBJ_FROM_CONST(re_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_Match), ES_OBJ_FROM_CONST(match_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_I), ES_OBJ_NEW_SMALL_INT(FLAG_IGNORECASE)},
    {ES_OBJ_NEW_QSTR(ES_Q_IGNORECASE), ES_OBJ_NEW_SMALL_INT(FLAG_IGNORECASE)},
    {ES_OBJ_NEW_QSTR(ES_Q_M), ES_OBJ_NEW_SMALL_INT(FLAG_MULTILINE)},
    {ES_OBJ_NEW_QSTR(ES_Q_MULTILINE), ES_OBJ_NEW_SMALL_INT(FLAG_MULTILINE)},
    {ES_OBJ_NEW_QSTR(ES_Q_S), ES_OBJ_NEW_SMALL_INT(FLAG_DOTALL)},
    {ES_OBJ_NEW_QSTR(ES_Q_DOTALL), ES_OBJ_NEW_SMALL_INT(FLAG_DOTALL)},
    {ES_OBJ_NEW_QSTR(ES_Q_A), ES_OBJ_NEW_SMALL_INT(FLAG_ASCII)},
    {ES_OBJ_NEW_QSTR(ES_Q_ASCII), ES_OBJ_NEW_SMALL_INT(FLAG_ASCII)},
    {ES_OBJ_NEW_QSTR(ES_Q_U), ES_OBJ_NEW_SMALL_INT(FLAG_UNICODE)},
    {ES_OBJ_NEW_QSTR(ES_Q_UNICODE), ES_OBJ_NEW_SMALL_INT(FLAG_UNICODE)},
};

ES_DEFINE_CONST_MODULE(es_module_re, re_globals_table);
ES_REGISTER_MODULE(ES_Q_re, es_module_re);
