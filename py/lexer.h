/* lexer.h: turns Python source text into tokens, one at a time. */
#ifndef ES_LEXER_H
#define ES_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    ES_TOK_ERROR = 0, /* see es_lexer_t.error_* */
    ES_TOK_ENDMARKER,
    ES_TOK_NEWLINE,
    ES_TOK_INDENT,
    ES_TOK_DEDENT,
    ES_TOK_NAME,
    ES_TOK_NUMBER, /* number_kind says int, float or imaginary */
    ES_TOK_STRING, /* string_flags and the body's place in the source */

    /* keywords, in the order of the keyword table in lexer.c */
    ES_TOK_KW_FALSE,
    ES_TOK_KW_NONE,
    ES_TOK_KW_TRUE,
    ES_TOK_KW_AND,
    ES_TOK_KW_AS,
    ES_TOK_KW_ASSERT,
    ES_TOK_KW_ASYNC,
    ES_TOK_KW_AWAIT,
    ES_TOK_KW_BREAK,
    ES_TOK_KW_CLASS,
    ES_TOK_KW_CONTINUE,
    ES_TOK_KW_DEF,
    ES_TOK_KW_DEL,
    ES_TOK_KW_ELIF,
    ES_TOK_KW_ELSE,
    ES_TOK_KW_EXCEPT,
    ES_TOK_KW_FINALLY,
    ES_TOK_KW_FOR,
    ES_TOK_KW_FROM,
    ES_TOK_KW_GLOBAL,
    ES_TOK_KW_IF,
    ES_TOK_KW_IMPORT,
    ES_TOK_KW_IN,
    ES_TOK_KW_IS,
    ES_TOK_KW_LAMBDA,
    ES_TOK_KW_NONLOCAL,
    ES_TOK_KW_NOT,
    ES_TOK_KW_OR,
    ES_TOK_KW_PASS,
    ES_TOK_KW_RAISE,
    ES_TOK_KW_RETURN,
    ES_TOK_KW_TRY,
    ES_TOK_KW_WHILE,
    ES_TOK_KW_WITH,
    ES_TOK_KW_YIELD,

    /* delimiters */
    ES_TOK_LPAREN,
    ES_TOK_RPAREN,
    ES_TOK_LBRACKET,
    ES_TOK_RBRACKET,
    ES_TOK_LBRACE,
    ES_TOK_RBRACE,
    ES_TOK_COMMA,
    ES_TOK_COLON,
    ES_TOK_SEMICOLON,
    ES_TOK_DOT,
    ES_TOK_ELLIPSIS,
    ES_TOK_ARROW,
    ES_TOK_ASSIGN, /* = */
    ES_TOK_WALRUS, /* := */

    /* comparison operators */
    ES_TOK_LT,
    ES_TOK_GT,
    ES_TOK_EQ,
    ES_TOK_NE,
    ES_TOK_LE,
    ES_TOK_GE,

    /* binary operators, then their augmented forms in the same order; the order of both
       runs matches es_ast_binop_t so an operator maps to its AST op by subtraction */
    ES_TOK_PLUS,
    ES_TOK_MINUS,
    ES_TOK_STAR,
    ES_TOK_AT,
    ES_TOK_SLASH,
    ES_TOK_PERCENT,
    ES_TOK_DOUBLESTAR,
    ES_TOK_LSHIFT,
    ES_TOK_RSHIFT,
    ES_TOK_VBAR,
    ES_TOK_CIRCUMFLEX,
    ES_TOK_AMPER,
    ES_TOK_DOUBLESLASH,
    ES_TOK_PLUS_ASSIGN,
    ES_TOK_MINUS_ASSIGN,
    ES_TOK_STAR_ASSIGN,
    ES_TOK_AT_ASSIGN,
    ES_TOK_SLASH_ASSIGN,
    ES_TOK_PERCENT_ASSIGN,
    ES_TOK_DOUBLESTAR_ASSIGN,
    ES_TOK_LSHIFT_ASSIGN,
    ES_TOK_RSHIFT_ASSIGN,
    ES_TOK_VBAR_ASSIGN,
    ES_TOK_CIRCUMFLEX_ASSIGN,
    ES_TOK_AMPER_ASSIGN,
    ES_TOK_DOUBLESLASH_ASSIGN,

    ES_TOK_TILDE,
    ES_TOK_KIND_COUNT
} es_tok_kind_t;

typedef enum { ES_NUM_INT = 0, ES_NUM_FLOAT, ES_NUM_IMAG } es_num_kind_t;

/* string_flags bits */
#define ES_STR_RAW 1
#define ES_STR_BYTES 2
#define ES_STR_FORMAT 4
#define ES_STR_TRIPLE 8

/* Deepest indentation accepted, as CPython's limit. */
#define ES_LEXER_MAX_INDENT 100

struct es_source_t;

typedef struct {
    /* The window of source text in memory: bytes [buf_start, buf_end) of the source sit at buf.
       Text in memory is one window; a source with a reader (py/source.h) is read into a small
       heap buffer, refilled as the lexer moves on, keeping only the current token (and what
       es_lexer_hold asked for), so a long file never needs to be in the heap at once. */
    const char *buf;
    size_t buf_start, buf_end;
    struct es_source_t *source; /* NULL when all the text is in memory */
    size_t buf_size;            /* bytes allocated at buf for a reader */
    size_t keep;                /* the window keeps the text from here on */
    size_t hold;                /* ... and from here (es_lexer_hold), SIZE_MAX if nothing is held */
    bool source_done;           /* the reader has nothing more */
    size_t pos; /* offsets count from the start of the source */
    size_t line_start; /* offset of the current line's first byte */
    uint32_t line;
    int bracket_depth; /* open ( [ { : newlines are ignored inside */
    int pending_dedents;
    bool at_line_start;  /* next token is the first of a logical line */
    bool line_has_token; /* a token was produced on this logical line */
    bool done;           /* ENDMARKER was produced */
    bool fragment;       /* lexing an f-string field: no lines, no indentation */
    uint32_t col_offset; /* added to columns on a fragment's first line */
    uint8_t indent_top;  /* open indentation levels; level 0 is column 0 */
    uint8_t indent_room; /* levels the indents array has room for */
    /* for levels 1..indent_top, pairs of columns: with tabs to multiples of 8, and with tabs
       counted as 1, so an indentation that depends on the tab size is caught (TabError);
       in the heap and grown as blocks nest, so the lexer stays small */
    uint16_t *indents;

    /* the current token */
    es_tok_kind_t tok;
    uint32_t tok_line;
    uint32_t tok_col;     /* 0-based byte column */
    const char *tok_text; /* NAME and NUMBER: the source bytes; STRING: the body; valid until the
                             next es_lexer_next */
    size_t tok_len;
    size_t tok_text_at; /* the offset of tok_text in the source */
    uint8_t number_kind;  /* es_num_kind_t */
    uint8_t string_flags; /* ES_STR_* */
    char string_quote;    /* ' or " */
    uint8_t string_prefix_len;

    /* set with ES_TOK_ERROR */
    const char *error_msg;
    bool error_indentation; /* IndentationError rather than SyntaxError */
    bool error_incomplete;  /* only the end of input was premature */
} es_lexer_t;

/* Lexes len bytes of src, all in memory. */
void es_lexer_init(es_lexer_t *lx, const char *src, size_t len);

/* Lexes a source (py/source.h): in memory, or through its reader with a small buffer; the
** source must stay alive while the lexer is used. May raise (MemoryError, the reader's errors). */
void es_lexer_init_source(es_lexer_t *lx, struct es_source_t *src);

/* For a parser that may go back: es_lexer_hold keeps the text from the current token on in the
** window, a copy of the lexer taken then can be given to es_lexer_restore to go back to that
** token, and es_lexer_release lets the text go. */
void es_lexer_hold(es_lexer_t *lx);
void es_lexer_restore(es_lexer_t *lx, const es_lexer_t *saved);
void es_lexer_release(es_lexer_t *lx);

/* Advances to the next token; ENDMARKER repeats at the end; ERROR stops the lexer. */
void es_lexer_next(es_lexer_t *lx);

/* Start lexing a fragment (an f-string replacement field) as if inside brackets. */
void es_lexer_init_fragment(es_lexer_t *lx, const char *src, size_t len, uint32_t line,
                            uint32_t col);

/*
 * Decodes the escapes of a string body (len bytes at body) following flags (RAW, BYTES)
 * into out, which must hold len bytes (decoding never grows the text).  Returns the
 * decoded length, or -1 with *error set to a static message.
 */
long es_lexer_decode_string(const char *body, size_t len, int flags, char *out, const char **error);

/* The keyword token for a name, or ES_TOK_NAME. */
es_tok_kind_t es_lexer_keyword(const char *s, size_t len);

#endif
