/* lexer.c: Python tokens from source text, produced on demand, with INDENT/DEDENT. */
#include <stdint.h>
#include <string.h>
#include "py/gc.h"
#include "py/lexer.h"
#include "py/source.h"

/* The window's first size for a source read in chunks; it doubles only for a token (a long
   string) that does not fit. */
#ifndef ES_LEXER_BUFFER_SIZE
#define ES_LEXER_BUFFER_SIZE (256)
#endif

/* Keyword spellings, in the order of ES_TOK_KW_FALSE .. ES_TOK_KW_YIELD. */
static const char *const keyword_names[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",
};

es_tok_kind_t es_lexer_keyword(const char *s, size_t len) {
    if (len < 2 || len > 8 || s[0] < 'F' || s[0] > 'y') {
        return ES_TOK_NAME;
    }
    for (size_t i = 0; i < sizeof(keyword_names) / sizeof(keyword_names[0]); i++) {
        const char *k = keyword_names[i];
        if (k[0] == s[0] && strlen(k) == len && memcmp(k, s, len) == 0) {
            return (es_tok_kind_t)(ES_TOK_KW_FALSE + i);
        }
    }
    return ES_TOK_NAME;
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}
static bool is_hex(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static bool is_oct(int c) {
    return c >= '0' && c <= '7';
}
static bool is_bin(int c) {
    return c == '0' || c == '1';
}

/* Non-ASCII bytes are accepted as identifier characters (no Unicode tables on the target). */
static bool is_name_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
static bool is_name_char(int c) {
    return is_name_start(c) || is_digit(c);
}

/* A new block of `size` bytes holding the first `keep` bytes of `old`, which is freed. */
static void *resize(void *old, size_t keep, size_t size) {
    void *fresh = es_alloc_scratch(size);
    if (keep > 0) {
        memcpy(fresh, old, keep);
    }
    es_free(old);
    return fresh;
}

/*
 * Reads more of the source until offset `want` is in the window; false at the end of the
 * source. Text before `keep` (and `hold`) is dropped first; the buffer grows only when what
 * must be kept fills it, and shrinks back once that has passed.
 */
static bool fill(es_lexer_t *lx, size_t want) {
    while (lx->buf_end <= want) {
        if (lx->source == NULL || lx->source_done) {
            return false;
        }
        char *buf = (char *)lx->buf;
        size_t keep = lx->keep < lx->hold ? lx->keep : lx->hold;
        if (keep > lx->buf_end) {
            keep = lx->buf_end;
        }
        if (keep > lx->buf_start) {
            memmove(buf, buf + (keep - lx->buf_start), lx->buf_end - keep);
            lx->buf_start = keep;
        }
        size_t used = lx->buf_end - lx->buf_start;
        if (used == lx->buf_size || (lx->buf_size > ES_LEXER_BUFFER_SIZE && used < ES_LEXER_BUFFER_SIZE / 2)) {
            size_t size = used == lx->buf_size ? lx->buf_size * 2 : ES_LEXER_BUFFER_SIZE;
            buf = resize(buf, used, size);
            lx->buf = buf;
            lx->buf_size = size;
        }
        size_t n = lx->source->read(lx->source, buf + used, lx->buf_size - used);
        if (n == 0) {
            lx->source_done = true;
        }
        lx->buf_end += n;
    }
    return true;
}

static int peek(es_lexer_t *lx, size_t ahead) {
    size_t p = lx->pos + ahead;
    if (p >= lx->buf_end && !fill(lx, p)) {
        return -1;
    }
    return (unsigned char)lx->buf[p - lx->buf_start];
}

/* The byte at an offset known to be in the window. */
static char at(const es_lexer_t *lx, size_t offset) {
    return lx->buf[offset - lx->buf_start];
}

static void set_tok_text(es_lexer_t *lx, size_t start, size_t len) {
    lx->tok_text_at = start;
    lx->tok_text = lx->buf + (start - lx->buf_start);
    lx->tok_len = len;
}

static void mark_token_start(es_lexer_t *lx) {
    lx->keep = lx->pos;
    lx->tok_line = lx->line;
    lx->tok_col = (uint32_t)(lx->pos - lx->line_start) + (lx->line_start == 0 ? lx->col_offset : 0);
}

static void set_error(es_lexer_t *lx, const char *msg) {
    lx->tok = ES_TOK_ERROR;
    lx->error_msg = msg;
    lx->done = true;
}

static void init_memory(es_lexer_t *lx, const char *src, size_t len) {
    memset(lx, 0, sizeof(*lx));
    lx->buf = src;
    lx->buf_end = len;
    lx->hold = SIZE_MAX;
}

/* A UTF-8 byte order mark is not part of the program. */
static void skip_bom(es_lexer_t *lx) {
    if (peek(lx, 0) == 0xef && peek(lx, 1) == 0xbb && peek(lx, 2) == 0xbf) {
        lx->pos = 3;
        lx->line_start = 3;
    }
}

void es_lexer_init(es_lexer_t *lx, const char *src, size_t len) {
    init_memory(lx, src, len);
    lx->line = 1;
    lx->at_line_start = true;
    skip_bom(lx);
}

void es_lexer_init_source(es_lexer_t *lx, es_source_t *src) {
    if (src->read == NULL) {
        es_lexer_init(lx, src->text, src->len);
        return;
    }
    init_memory(lx, NULL, 0);
    lx->line = 1;
    lx->at_line_start = true;
    lx->buf = es_alloc_scratch(ES_LEXER_BUFFER_SIZE);
    lx->buf_size = ES_LEXER_BUFFER_SIZE;
    lx->source = src;
    skip_bom(lx);
}

void es_lexer_hold(es_lexer_t *lx) {
    lx->hold = lx->keep;
}

void es_lexer_restore(es_lexer_t *lx, const es_lexer_t *saved) {
    es_lexer_t window = *lx;
    *lx = *saved;
    lx->buf = window.buf;
    lx->buf_start = window.buf_start;
    lx->buf_end = window.buf_end;
    lx->buf_size = window.buf_size;
    lx->source_done = window.source_done;
    lx->indents = window.indents;
    lx->indent_room = window.indent_room;
    lx->hold = SIZE_MAX;
    if (lx->tok_text_at >= lx->buf_start && lx->tok_text_at <= lx->buf_end) {
        lx->tok_text = lx->buf + (lx->tok_text_at - lx->buf_start);
    }
}

void es_lexer_release(es_lexer_t *lx) {
    lx->hold = SIZE_MAX;
}

void es_lexer_init_fragment(es_lexer_t *lx, const char *src, size_t len, uint32_t line,
                            uint32_t col) {
    init_memory(lx, src, len);
    lx->line = line;
    lx->fragment = true;
    /* columns count from the fragment's start, placed where it sits in its line */
    lx->line_start = 0;
    lx->col_offset = col;
}

/* Consumes a line break at pos if there is one (\n, \r\n or \r). */
static bool take_newline(es_lexer_t *lx) {
    int c = peek(lx, 0);
    if (c == '\r') {
        lx->pos += peek(lx, 1) == '\n' ? 2 : 1;
    } else if (c == '\n') {
        lx->pos++;
    } else {
        return false;
    }
    lx->line++;
    lx->line_start = lx->pos;
    return true;
}

/* Steps over a comment up to (not over) the end of its line. */
static void skip_comment(es_lexer_t *lx) {
    for (int c = peek(lx, 0); c >= 0 && c != '\n' && c != '\r'; c = peek(lx, 0)) {
        lx->pos++;
        lx->keep = lx->pos;
    }
}

/* The columns of indentation level k: with tabs to multiples of 8 (col8) or counted as 1. */
static unsigned indent_col8(const es_lexer_t *lx, unsigned k) {
    return k == 0 ? 0 : lx->indents[2 * (k - 1)];
}

static unsigned indent_col1(const es_lexer_t *lx, unsigned k) {
    return k == 0 ? 0 : lx->indents[2 * (k - 1) + 1];
}

static void push_indent(es_lexer_t *lx, unsigned col8, unsigned col1) {
    unsigned k = lx->indent_top + 1u;
    if (k > lx->indent_room) {
        unsigned room = lx->indent_room ? lx->indent_room * 2u : 8u;
        if (room > ES_LEXER_MAX_INDENT) {
            room = ES_LEXER_MAX_INDENT;
        }
        lx->indents = resize(lx->indents, lx->indent_room * 2 * sizeof(uint16_t), room * 2 * sizeof(uint16_t));
        lx->indent_room = (uint8_t)room;
    }
    lx->indents[2 * (k - 1)] = (uint16_t)col8;
    lx->indents[2 * (k - 1) + 1] = (uint16_t)col1;
    lx->indent_top = (uint8_t)k;
}

/*
 * At the start of a logical line outside brackets: skips blank and comment-only lines,
 * measures the indentation and compares it with the stack.  Returns true when it
 * produced a token (INDENT, DEDENT or ERROR).
 */
static bool handle_indentation(es_lexer_t *lx) {
    unsigned col8, col1;
    for (;;) {
        col8 = col1 = 0;
        lx->keep = lx->pos;
        for (;;) {
            int c = peek(lx, 0);
            if (c == ' ') {
                col8++, col1++;
            } else if (c == '\t') {
                col8 = (col8 / 8 + 1) * 8;
                col1++;
            } else if (c == '\f') {
                col8 = col1 = 0;
            } else {
                break;
            }
            lx->pos++;
        }
        int c = peek(lx, 0);
        if (c == '#') {
            skip_comment(lx);
            c = peek(lx, 0);
        }
        if (c == '\n' || c == '\r') {
            take_newline(lx);
            continue;
        }
        if (c == -1) {
            return false; /* the end of input: dedents come from the end-of-input path */
        }
        break;
    }
    if (col8 > 0xffff) {
        col8 = col1 = 0xffff;
    }
    mark_token_start(lx);
    unsigned top = lx->indent_top;
    if (col8 == indent_col8(lx, top)) {
        if (col1 != indent_col1(lx, top)) {
            goto tab_error;
        }
        return false;
    }
    if (col8 > indent_col8(lx, top)) {
        if (col1 <= indent_col1(lx, top)) {
            goto tab_error;
        }
        if (top >= ES_LEXER_MAX_INDENT) {
            set_error(lx, "too many levels of indentation");
            lx->error_indentation = true;
            return true;
        }
        push_indent(lx, col8, col1);
        lx->tok = ES_TOK_INDENT;
        return true;
    }
    while (top > 0 && col8 < indent_col8(lx, top)) {
        top--;
        lx->pending_dedents++;
    }
    if (col8 != indent_col8(lx, top)) {
        set_error(lx, "unindent does not match any outer indentation level");
        lx->error_indentation = true;
        return true;
    }
    if (col1 != indent_col1(lx, top)) {
        goto tab_error;
    }
    lx->indent_top = (uint8_t)top;
    lx->pending_dedents--;
    lx->tok = ES_TOK_DEDENT;
    return true;
tab_error:
    set_error(lx, "inconsistent use of tabs and spaces in indentation");
    lx->error_indentation = true;
    return true;
}

/* Digits of one kind with single underscores between them; returns how many digits. */
static size_t scan_digits(es_lexer_t *lx, bool (*digit)(int), bool *bad_underscore) {
    size_t n = 0;
    for (;;) {
        int c = peek(lx, 0);
        if (digit(c)) {
            n++;
            lx->pos++;
        } else if (c == '_' && digit(peek(lx, 1))) {
            lx->pos++;
        } else {
            if (c == '_') {
                *bad_underscore = true;
            }
            return n;
        }
    }
}

/* A number directly followed by a name is an error unless the name is a keyword (1if x). */
static bool followed_by_name(es_lexer_t *lx) {
    if (!is_name_start(peek(lx, 0))) {
        return false;
    }
    size_t n = 1;
    while (is_name_char(peek(lx, n))) {
        n++;
    }
    return es_lexer_keyword(lx->buf + (lx->pos - lx->buf_start), n) == ES_TOK_NAME;
}

static void scan_number(es_lexer_t *lx) {
    size_t start = lx->pos;
    bool bad = false;
    lx->tok = ES_TOK_NUMBER;
    lx->number_kind = ES_NUM_INT;
    int c1 = peek(lx, 1) | 0x20;
    if (peek(lx, 0) == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) {
        bool (*digit)(int) = c1 == 'x' ? is_hex : c1 == 'o' ? is_oct : is_bin;
        const char *msg = c1 == 'x'   ? "invalid hexadecimal literal"
                          : c1 == 'o' ? "invalid octal literal"
                                      : "invalid binary literal";
        lx->pos += 2;
        if (peek(lx, 0) == '_') {
            lx->pos++;
        }
        if (scan_digits(lx, digit, &bad) == 0 || bad || is_digit(peek(lx, 0)) ||
            followed_by_name(lx)) {
            set_error(lx, msg);
            return;
        }
    } else {
        bool nonzero = false;
        if (peek(lx, 0) != '.') {
            size_t digits_start = lx->pos;
            scan_digits(lx, is_digit, &bad);
            for (size_t i = digits_start; i < lx->pos; i++) {
                nonzero |= at(lx, i) != '0' && at(lx, i) != '_';
            }
        }
        if (!bad && peek(lx, 0) == '.') {
            lx->number_kind = ES_NUM_FLOAT;
            lx->pos++;
            if (peek(lx, 0) == '_') {
                bad = true;
            } else {
                scan_digits(lx, is_digit, &bad);
            }
        }
        int e = peek(lx, 0);
        if (!bad && (e == 'e' || e == 'E')) {
            int s = peek(lx, 1);
            size_t digit_at = (s == '+' || s == '-') ? 2 : 1;
            if (is_digit(peek(lx, digit_at))) {
                lx->number_kind = ES_NUM_FLOAT;
                lx->pos += digit_at;
                scan_digits(lx, is_digit, &bad);
            } else {
                bad = true;
            }
        }
        if (!bad && (peek(lx, 0) == 'j' || peek(lx, 0) == 'J')) {
            lx->number_kind = ES_NUM_IMAG;
            lx->pos++;
        }
        if (bad || followed_by_name(lx)) {
            set_error(lx, "invalid decimal literal");
            return;
        }
        if (lx->number_kind == ES_NUM_INT && nonzero && at(lx, start) == '0') {
            set_error(lx, "leading zeros in decimal integer literals are not permitted; use an "
                          "0o prefix for octal integers");
            return;
        }
    }
    set_tok_text(lx, start, lx->pos - start);
}

/* Returns the ES_STR_* flags for a string prefix, or -1 if it is not one. */
static int string_prefix_flags(const char *s, size_t len) {
    int flags = 0;
    if (len > 2) {
        return -1;
    }
    for (size_t i = 0; i < len; i++) {
        int c = s[i] | 0x20, bit;
        if (c == 'r') {
            bit = ES_STR_RAW;
        } else if (c == 'b') {
            bit = ES_STR_BYTES;
        } else if (c == 'f') {
            bit = ES_STR_FORMAT;
        } else if (c == 'u' && len == 1) {
            bit = 0;
        } else {
            return -1;
        }
        if (flags & bit) {
            return -1;
        }
        flags |= bit;
    }
    if ((flags & ES_STR_BYTES) && (flags & ES_STR_FORMAT)) {
        return -1;
    }
    return flags;
}

/* Scans a string whose opening quote is at pos; the body goes to tok_text/tok_len. */
static void scan_string(es_lexer_t *lx, int flags) {
    char q = (char)peek(lx, 0);
    bool triple = peek(lx, 1) == q && peek(lx, 2) == q;
    lx->tok = ES_TOK_STRING;
    lx->string_quote = q;
    lx->string_flags = (uint8_t)(flags | (triple ? ES_STR_TRIPLE : 0));
    lx->pos += triple ? 3 : 1;
    size_t body = lx->pos;
    for (;;) {
        int c = peek(lx, 0);
        if (c == -1) {
            if (triple) {
                set_error(lx, "unterminated triple-quoted string literal");
                lx->error_incomplete = true;
            } else {
                set_error(lx, "unterminated string literal");
            }
            return;
        }
        if (c == '\\') {
            lx->pos++;
            if (!take_newline(lx) && peek(lx, 0) >= 0) {
                lx->pos++;
            }
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (!triple) {
                set_error(lx, "unterminated string literal");
                return;
            }
            take_newline(lx);
            continue;
        }
        if (c == q && (!triple || (peek(lx, 1) == q && peek(lx, 2) == q))) {
            set_tok_text(lx, body, lx->pos - body);
            lx->pos += triple ? 3 : 1;
            return;
        }
        lx->pos++;
    }
}

/* Operators: the longest spelling wins; table rows are tried in order. */
typedef struct {
    char text[4];
    uint8_t tok;
} op_spelling_t;

static const op_spelling_t op_spellings[] = {
    {"**=", ES_TOK_DOUBLESTAR_ASSIGN},
    {"//=", ES_TOK_DOUBLESLASH_ASSIGN},
    {">>=", ES_TOK_RSHIFT_ASSIGN},
    {"<<=", ES_TOK_LSHIFT_ASSIGN},
    {"...", ES_TOK_ELLIPSIS},
    {"**", ES_TOK_DOUBLESTAR},
    {"//", ES_TOK_DOUBLESLASH},
    {">>", ES_TOK_RSHIFT},
    {"<<", ES_TOK_LSHIFT},
    {"<=", ES_TOK_LE},
    {">=", ES_TOK_GE},
    {"==", ES_TOK_EQ},
    {"!=", ES_TOK_NE},
    {"->", ES_TOK_ARROW},
    {":=", ES_TOK_WALRUS},
    {"+=", ES_TOK_PLUS_ASSIGN},
    {"-=", ES_TOK_MINUS_ASSIGN},
    {"*=", ES_TOK_STAR_ASSIGN},
    {"/=", ES_TOK_SLASH_ASSIGN},
    {"%=", ES_TOK_PERCENT_ASSIGN},
    {"@=", ES_TOK_AT_ASSIGN},
    {"&=", ES_TOK_AMPER_ASSIGN},
    {"|=", ES_TOK_VBAR_ASSIGN},
    {"^=", ES_TOK_CIRCUMFLEX_ASSIGN},
    {"(", ES_TOK_LPAREN},
    {")", ES_TOK_RPAREN},
    {"[", ES_TOK_LBRACKET},
    {"]", ES_TOK_RBRACKET},
    {"{", ES_TOK_LBRACE},
    {"}", ES_TOK_RBRACE},
    {",", ES_TOK_COMMA},
    {":", ES_TOK_COLON},
    {";", ES_TOK_SEMICOLON},
    {".", ES_TOK_DOT},
    {"=", ES_TOK_ASSIGN},
    {"<", ES_TOK_LT},
    {">", ES_TOK_GT},
    {"+", ES_TOK_PLUS},
    {"-", ES_TOK_MINUS},
    {"*", ES_TOK_STAR},
    {"/", ES_TOK_SLASH},
    {"%", ES_TOK_PERCENT},
    {"@", ES_TOK_AT},
    {"&", ES_TOK_AMPER},
    {"|", ES_TOK_VBAR},
    {"^", ES_TOK_CIRCUMFLEX},
    {"~", ES_TOK_TILDE},
};

static void scan_operator(es_lexer_t *lx) {
    int c0 = peek(lx, 0), c1 = peek(lx, 1), c2 = peek(lx, 2);
    for (size_t i = 0; i < sizeof(op_spellings) / sizeof(op_spellings[0]); i++) {
        const char *t = op_spellings[i].text;
        size_t n = strlen(t);
        if (t[0] == c0 && (n < 2 || t[1] == c1) && (n < 3 || t[2] == c2)) {
            lx->pos += n;
            lx->tok = (es_tok_kind_t)op_spellings[i].tok;
            switch (lx->tok) {
            case ES_TOK_LPAREN:
            case ES_TOK_LBRACKET:
            case ES_TOK_LBRACE: lx->bracket_depth++; break;
            case ES_TOK_RPAREN:
            case ES_TOK_RBRACKET:
            case ES_TOK_RBRACE:
                if (lx->bracket_depth > 0) {
                    lx->bracket_depth--;
                }
                break;
            default: break;
            }
            return;
        }
    }
    set_error(lx, c0 == 0 ? "source code cannot contain null bytes" : "invalid character");
}

/* Bytes in the well-formed UTF-8 sequence at s (at most avail bytes), or 0. */
static size_t utf8_sequence_length(const char *s, size_t avail) {
    unsigned c = (unsigned char)s[0];
    size_t n;
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
    } else {
        return 0;
    }
    if (n > avail) {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if (((unsigned char)s[i] & 0xc0) != 0x80) {
            return 0;
        }
    }
    return n;
}

/* Validates one UTF-8 sequence at pos and steps over it. */
static bool skip_utf8(es_lexer_t *lx) {
    peek(lx, 3); /* the longest sequence in the window, if the source has it */
    size_t n = utf8_sequence_length(lx->buf + (lx->pos - lx->buf_start), lx->buf_end - lx->pos);
    lx->pos += n;
    return n > 0;
}

static void scan_name_or_string(es_lexer_t *lx) {
    size_t start = lx->pos;
    for (;;) {
        int c = peek(lx, 0);
        if (c < 0) {
            break;
        }
        if (c >= 0x80) {
            if (!skip_utf8(lx)) {
                set_error(lx, "invalid UTF-8 in source");
                return;
            }
        } else if (is_name_char(c)) {
            lx->pos++;
        } else {
            break;
        }
    }
    int q = peek(lx, 0);
    if (q == '\'' || q == '"') {
        int flags = string_prefix_flags(lx->buf + (start - lx->buf_start), lx->pos - start);
        if (flags >= 0) {
            lx->string_prefix_len = (uint8_t)(lx->pos - start);
            scan_string(lx, flags);
            return;
        }
    }
    set_tok_text(lx, start, lx->pos - start);
    lx->tok = es_lexer_keyword(lx->tok_text, lx->tok_len);
}

/* The end of input: close the logical line, then the blocks, then ENDMARKER. */
static void end_of_input(es_lexer_t *lx) {
    mark_token_start(lx);
    if (lx->fragment) {
        lx->tok = ES_TOK_ENDMARKER;
        return;
    }
    if (lx->bracket_depth > 0) {
        set_error(lx, "unexpected EOF while parsing");
        lx->error_incomplete = true;
        return;
    }
    if (lx->line_has_token) {
        lx->line_has_token = false;
        lx->tok = ES_TOK_NEWLINE;
        return;
    }
    if (lx->indent_top > 0) {
        lx->indent_top--;
        lx->tok = ES_TOK_DEDENT;
        return;
    }
    lx->tok = ES_TOK_ENDMARKER;
}

void es_lexer_next(es_lexer_t *lx) {
    if (lx->tok == ES_TOK_ERROR && lx->done) {
        return;
    }
    if (lx->pending_dedents > 0) {
        lx->pending_dedents--;
        lx->tok = ES_TOK_DEDENT;
        return;
    }
    if (lx->at_line_start && lx->bracket_depth == 0 && !lx->fragment) {
        lx->at_line_start = false;
        if (handle_indentation(lx)) {
            return;
        }
    }
    /* whitespace, comments, joined lines */
    for (;;) {
        lx->keep = lx->pos;
        int c = peek(lx, 0);
        if (c == ' ' || c == '\t' || c == '\f') {
            lx->pos++;
        } else if (c == '#') {
            skip_comment(lx);
        } else if (c == '\\') {
            lx->pos++;
            if (peek(lx, 0) < 0) {
                mark_token_start(lx);
                set_error(lx, "unexpected EOF while parsing");
                lx->error_incomplete = true;
                return;
            }
            if (!take_newline(lx)) {
                mark_token_start(lx);
                set_error(lx, "unexpected character after line continuation character");
                return;
            }
            if (peek(lx, 0) < 0) {
                mark_token_start(lx);
                set_error(lx, "unexpected EOF while parsing");
                lx->error_incomplete = true;
                return;
            }
        } else if (c == '\n' || c == '\r') {
            if (lx->bracket_depth > 0 || lx->fragment || !lx->line_has_token) {
                take_newline(lx);
                continue;
            }
            mark_token_start(lx);
            take_newline(lx);
            lx->tok = ES_TOK_NEWLINE;
            lx->line_has_token = false;
            lx->at_line_start = true;
            return;
        } else {
            break;
        }
    }
    int c = peek(lx, 0);
    if (c < 0) {
        end_of_input(lx);
        return;
    }
    mark_token_start(lx);
    lx->line_has_token = true;
    if (is_name_start(c)) {
        scan_name_or_string(lx);
    } else if (is_digit(c) || (c == '.' && is_digit(peek(lx, 1)))) {
        scan_number(lx);
    } else if (c == '\'' || c == '"') {
        lx->string_prefix_len = 0;
        scan_string(lx, 0);
    } else {
        scan_operator(lx);
    }
}

/* ---- string escapes ---- */

static size_t put_utf8(char *out, uint32_t cp) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

static int hex_value(int c) {
    return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

long es_lexer_decode_string(const char *body, size_t len, int flags, char *out,
                            const char **error) {
    bool bytes = flags & ES_STR_BYTES;
    bool raw = flags & ES_STR_RAW;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)body[i];
        if (c == '\r') {
            /* line breaks inside literals read as \n, as with universal newlines */
            if (i + 1 < len && body[i + 1] == '\n') {
                i++;
            }
            out[o++] = '\n';
            continue;
        }
        if (c >= 0x80) {
            if (bytes) {
                *error = "bytes can only contain ASCII literal characters";
                return -1;
            }
            size_t n = utf8_sequence_length(body + i, len - i);
            if (n == 0) {
                *error = "(unicode error) 'utf-8' codec can't decode byte";
                return -1;
            }
            memmove(out + o, body + i, n);
            o += n;
            i += n - 1;
            continue;
        }
        if (c != '\\' || raw || i + 1 >= len) {
            out[o++] = (char)c;
            continue;
        }
        unsigned char e = (unsigned char)body[++i];
        uint32_t value;
        switch (e) {
        case '\n': continue;
        case '\r':
            if (i + 1 < len && body[i + 1] == '\n') {
                i++;
            }
            continue;
        case '\\':
        case '\'':
        case '"': out[o++] = (char)e; continue;
        case 'a': out[o++] = 7; continue;
        case 'b': out[o++] = 8; continue;
        case 'f': out[o++] = 12; continue;
        case 'n': out[o++] = 10; continue;
        case 'r': out[o++] = 13; continue;
        case 't': out[o++] = 9; continue;
        case 'v': out[o++] = 11; continue;
        case 'x':
        case 'u':
        case 'U': {
            if (e != 'x' && bytes) {
                break;
            }
            size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            value = 0;
            for (size_t k = 1; k <= n; k++) {
                if (i + k >= len || !is_hex((unsigned char)body[i + k])) {
                    *error = e == 'x'   ? "(unicode error) truncated \\xXX escape"
                             : e == 'u' ? "(unicode error) truncated \\uXXXX escape"
                                        : "(unicode error) truncated \\UXXXXXXXX escape";
                    return -1;
                }
                value = value * 16 + (uint32_t)hex_value((unsigned char)body[i + k]);
            }
            i += n;
            if (value > 0x10ffff) {
                *error = "(unicode error) illegal Unicode character";
                return -1;
            }
            goto emit_value;
        }
        case 'N':
            if (bytes) {
                break;
            }
            *error = "(unicode error) \\N{...} escapes are not supported";
            return -1;
        default:
            if (is_oct(e)) {
                value = e - '0';
                for (int k = 0; k < 2 && i + 1 < len && is_oct((unsigned char)body[i + 1]); k++) {
                    value = value * 8 + (uint32_t)(body[++i] - '0');
                }
                goto emit_value;
            }
            break;
        }
        /* an unknown escape keeps its backslash; the character after it is read again */
        out[o++] = '\\';
        i--;
        continue;
    emit_value:
        if (bytes) {
            out[o++] = (char)(value & 0xff);
        } else {
            o += put_utf8(out + o, value);
        }
    }
    return (long)o;
}
