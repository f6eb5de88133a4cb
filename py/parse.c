/* parse.c: recursive-descent parser from tokens to the AST of ast.h. */
#include <setjmp.h>
#include <string.h>
#include "py/config.h"
#include "py/gc.h"
#include "py/qstr.h"
#include "py/lexer.h"
#include "py/parse.h"
#include "py/source.h"

/*
 * The C stack on the target is about 8 KB, so recursion is bounded by one counter
 * that every recursive entry point bumps (enter/leave).  Binary operators use
 * precedence climbing: one C frame per nesting level, not one per precedence level.
 * Errors unwind with longjmp to es_parse; all memory is GC heap, so nothing leaks.
 */

/* Rarely taken constructs get their own frames so the common recursion path stays small. */
#define NOINLINE __attribute__((noinline))

/*
 * Bytes of C stack the parser may use below es_parse's frame before nesting is refused
 * with a SyntaxError; the depth counter alone would not know how big frames are.
 */
#ifndef ES_PARSE_STACK_BUDGET
#define ES_PARSE_STACK_BUDGET (ES_STACK_LIMIT / 2)
#endif

#ifdef ES_PARSE_STACK_STATS
size_t es_parse_stack_peak; /* deepest stack use seen, for measuring frame sizes */
#endif

/* What kind of code the parser is in, for return/yield/await/break checks. */
enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_ASYNC, SCOPE_LAMBDA, SCOPE_CLASS };

typedef struct es_parser {
    es_lexer_t lx;
    jmp_buf *fail;
    es_parse_error_t *err;
    const char *stack_base; /* an address in es_parse's frame */
    uint16_t depth;
    uint16_t loops; /* loops around the current statement within its function */
    uint8_t scope;
    uint8_t mode;
    /* An await outside an async def is an error unless it turns out to be inside a
       generator expression (an async genexp); the verdict waits for the statement's end. */
    const char *await_error;
    uint32_t await_line, await_col;
    /* statement-at-a-time parsing (es_parser_next): statements of the last line not yet
       handed out ("a; b; c") */
    bool started;
    size_t pending_len, pending_next;
    es_ast_node_t **pending;
    es_source_t source; /* what the lexer reads (a copy, so the caller's may go) */
    struct ast_chunk *chunks;     /* the tree of the statements being handed out (see ast_alloc) */
    struct ast_chunk *chunk_cur; /* the chunk being filled */
} parser_t;

typedef struct {
    uint32_t line, col;
} pos_t;

typedef struct {
    es_ast_node_t **items;
    size_t len, cap;
} vec_t;

typedef struct {
    char *data;
    size_t len, cap;
} buf_t;

/* Binding strengths for precedence climbing. */
enum {
    PREC_NONE,
    PREC_OR,
    PREC_AND,
    PREC_NOT,
    PREC_CMP,
    PREC_BITOR,
    PREC_BITXOR,
    PREC_BITAND,
    PREC_SHIFT,
    PREC_ARITH,
    PREC_TERM,
    PREC_UNARY,
};

/* parse_list flags */
#define LIST_STAR 1   /* *x items allowed */
#define LIST_TARGET 2 /* items are targets: bitwise_or, so "for x in" stops at in */
#define LIST_NAMED 4  /* items may be x := y */

static es_ast_node_t *parse_expression(parser_t *p);
static es_ast_node_t *parse_named(parser_t *p);
static es_ast_node_t *parse_test(parser_t *p, bool named);
static es_ast_node_t *parse_binary(parser_t *p, int min_prec);
static es_ast_node_t *parse_list(parser_t *p, int flags);
static void parse_statement(parser_t *p, vec_t *out);

/* ---- errors ---- */

static void __attribute__((noreturn))
fail_at(parser_t *p, uint32_t line, uint32_t col, const char *msg, es_parse_error_kind_t kind) {
    es_parse_error_t *err = p->err;
    err->kind = kind;
    err->message = msg;
    err->line = line;
    err->col = col + 1;
    longjmp(*p->fail, 1);
}

static void __attribute__((noreturn)) syntax_error(parser_t *p, const char *msg) {
    if (p->lx.tok == ES_TOK_ENDMARKER && !p->lx.fragment) {
        p->err->incomplete = p->err->incomplete_block = true;
    }
    fail_at(p, p->lx.tok_line, p->lx.tok_col, msg, ES_PARSE_SYNTAX_ERROR);
}

static void __attribute__((noreturn)) node_error(parser_t *p, es_ast_node_t *n, const char *msg) {
    fail_at(p, n->line, n->col, msg, ES_PARSE_SYNTAX_ERROR);
}

static void __attribute__((noreturn)) indentation_error(parser_t *p, const char *msg) {
    p->err->incomplete = p->err->incomplete_block = p->lx.tok == ES_TOK_ENDMARKER;
    fail_at(p, p->lx.tok_line, p->lx.tok_col, msg, ES_PARSE_INDENTATION_ERROR);
}

/* Every recursive path passes here: nesting is bounded by depth and by real stack use. */
static void enter_with(parser_t *p, const char *too_deep) {
    char here;
    size_t used = (size_t)(p->stack_base - &here);
#ifdef ES_PARSE_STACK_STATS
    if (used > es_parse_stack_peak) {
        es_parse_stack_peak = used;
    }
#endif
    if (++p->depth > ES_PARSE_MAX_DEPTH || used > ES_PARSE_STACK_BUDGET) {
        syntax_error(p, too_deep);
    }
}

static void enter(parser_t *p) {
    enter_with(p, "too many nested parentheses");
}

static void leave(parser_t *p) {
    p->depth--;
}

/* ---- tokens ---- */

static es_tok_kind_t tok(const parser_t *p) {
    return p->lx.tok;
}

static void advance(parser_t *p) {
    es_lexer_next(&p->lx);
    if (p->lx.tok == ES_TOK_ERROR) {
        p->err->incomplete = p->lx.error_incomplete;
        fail_at(p, p->lx.tok_line, p->lx.tok_col, p->lx.error_msg,
                p->lx.error_indentation ? ES_PARSE_INDENTATION_ERROR : ES_PARSE_SYNTAX_ERROR);
    }
}

static bool accept(parser_t *p, es_tok_kind_t t) {
    if (tok(p) == t) {
        advance(p);
        return true;
    }
    return false;
}

static void expect(parser_t *p, es_tok_kind_t t) {
    if (!accept(p, t)) {
        syntax_error(p, "invalid syntax");
    }
}

static es_qstr_t expect_name(parser_t *p) {
    if (tok(p) != ES_TOK_NAME) {
        syntax_error(p, "invalid syntax");
    }
    es_qstr_t q = es_qstr_from_strn(p->lx.tok_text, p->lx.tok_len);
    advance(p);
    return q;
}

static pos_t here(const parser_t *p) {
    return (pos_t){p->lx.tok_line, p->lx.tok_col};
}

/* Can the current token begin an expression? */
static bool starts_expression(const parser_t *p) {
    switch (tok(p)) {
    case ES_TOK_NAME:
    case ES_TOK_NUMBER:
    case ES_TOK_STRING:
    case ES_TOK_LPAREN:
    case ES_TOK_LBRACKET:
    case ES_TOK_LBRACE:
    case ES_TOK_MINUS:
    case ES_TOK_PLUS:
    case ES_TOK_TILDE:
    case ES_TOK_KW_NOT:
    case ES_TOK_KW_LAMBDA:
    case ES_TOK_KW_AWAIT:
    case ES_TOK_KW_NONE:
    case ES_TOK_KW_TRUE:
    case ES_TOK_KW_FALSE:
    case ES_TOK_ELLIPSIS: return true;
    default: return false;
    }
}

/* ---- memory ---- */

#define NODE_SIZE(field) (offsetof(es_ast_node_t, u) + sizeof(((es_ast_node_t *)0)->u.field))
#define NODE_SIZE_EMPTY offsetof(es_ast_node_t, u)

/*
 * Trees parsed a statement at a time come from chunks owned by the parser, and each statement
 * reuses the chunks of the one before (the compiler is done with it then). Nodes are not
 * rounded up to heap blocks one by one, and above all the trees never leave holes in the heap:
 * were they freed, the code objects, names and strings made meanwhile would sit scattered
 * between small free runs, and in a small heap no run would be left long enough for a growing
 * bytecode buffer. The chunks go when the parser does. es_parse's whole trees (REPL, eval) use
 * the heap directly; the GC takes them when they are dropped.
 */
typedef struct ast_chunk {
    struct ast_chunk *next;
    size_t used, size;
} ast_chunk_t;

#define AST_CHUNK_BYTES (256)

/* The parser whose chunks take new nodes, or NULL; set by each entry point that parses. */
static parser_t *chunk_owner;

#define AST_CHUNK_ROOM (AST_CHUNK_BYTES - sizeof(ast_chunk_t))

static void *ast_alloc(size_t n) {
    parser_t *p = chunk_owner;
    if (p == NULL) {
        return es_alloc_scratch(n);
    }
    n = (n + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
    ast_chunk_t *c = p->chunk_cur;
    while (c != NULL && c->size - c->used < n && c->next != NULL && c->next->size >= n) {
        c = c->next; /* chunks after the current one are empty (see reset_chunks) */
    }
    if (c == NULL || c->size - c->used < n) {
        size_t size = n > AST_CHUNK_ROOM ? n : AST_CHUNK_ROOM;
        ast_chunk_t *fresh = es_alloc_scratch(sizeof(ast_chunk_t) + size);
        fresh->size = size;
        if (c == NULL) {
            p->chunks = fresh;
        } else {
            fresh->next = c->next;
            c->next = fresh;
        }
        c = fresh;
    }
    p->chunk_cur = c;
    void *node = (char *)(c + 1) + c->used;
    memset(node, 0, n);
    c->used += n;
    return node;
}

/* A new statement: the chunks are emptied for it; only outsized ones (a long string) go. */
static void reset_chunks(parser_t *p) {
    ast_chunk_t **link = &p->chunks;
    while (*link != NULL) {
        ast_chunk_t *c = *link;
        if (c->size > AST_CHUNK_ROOM) {
            *link = c->next;
            es_free(c);
        } else {
            c->used = 0;
            link = &c->next;
        }
    }
    p->chunk_cur = p->chunks;
}

static void free_chunks(parser_t *p) {
    while (p->chunks != NULL) {
        ast_chunk_t *next = p->chunks->next;
        es_free(p->chunks);
        p->chunks = next;
    }
    p->chunk_cur = NULL;
}

static es_ast_node_t *new_node(int kind, size_t size, pos_t pos) {
    es_ast_node_t *n = ast_alloc(size);
    n->kind = (uint8_t)kind;
    n->line = pos.line;
    n->col = pos.col > 0xffff ? 0xffff : (uint16_t)pos.col;
    return n;
}

#define NEW(kind, field, pos) new_node(kind, NODE_SIZE(field), pos)

static void vec_push(vec_t *v, es_ast_node_t *n) {
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4;
        es_ast_node_t **items = es_alloc_scratch(cap * sizeof(*items));
        if (v->len) {
            memcpy(items, v->items, v->len * sizeof(*items));
        }
        if (v->items) {
            es_free(v->items);
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = n;
}

/* Hands the items over as a sequence trimmed to size. */
static es_ast_seq_t vec_finish(vec_t *v) {
    es_ast_seq_t s = {v->len, v->items};
    if (v->len == 0 && v->items) {
        es_free(v->items);
        s.items = NULL;
    } else if (v->len < v->cap || chunk_owner != NULL) {
        s.items = ast_alloc(v->len * sizeof(*s.items));
        memcpy(s.items, v->items, v->len * sizeof(*s.items));
        es_free(v->items);
    }
    v->items = NULL;
    v->len = v->cap = 0;
    return s;
}

static es_ast_seq_t seq_of_one(es_ast_node_t *n) {
    es_ast_seq_t s = {1, ast_alloc(sizeof(es_ast_node_t *))};
    s.items[0] = n;
    return s;
}

static void buf_reserve(buf_t *b, size_t extra) {
    if (b->len + extra <= b->cap) {
        return;
    }
    size_t cap = b->cap ? b->cap * 2 : 16;
    while (cap < b->len + extra) {
        cap *= 2;
    }
    char *data = es_alloc_scratch(cap);
    if (b->len) {
        memcpy(data, b->data, b->len);
    }
    if (b->data) {
        es_free(b->data);
    }
    b->data = data;
    b->cap = cap;
}

static void buf_append(buf_t *b, const char *s, size_t n) {
    buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

static void buf_free(buf_t *b) {
    if (b->data) {
        es_free(b->data);
    }
    b->data = NULL;
    b->len = b->cap = 0;
}

/* A Constant of the given kind holding a NUL-terminated copy of n bytes. */
static es_ast_node_t *new_constant(int kind, const char *s, size_t n, pos_t pos) {
    es_ast_node_t *c = NEW(ES_AST_CONSTANT, constant, pos);
    c->sub = (uint8_t)kind;
    char *data = ast_alloc(n + 1);
    memcpy(data, s, n);
    c->u.constant.data = data;
    c->u.constant.len = n;
    return c;
}

/* ---- targets ---- */

#define TARGET_MSG(ctx, what)                                                                      \
    ((ctx) == ES_AST_DEL ? "cannot delete " what : "cannot assign to " what)

static void __attribute__((noreturn)) bad_target(parser_t *p, es_ast_node_t *n, int ctx) {
    const char *msg;
    switch (n->kind) {
    case ES_AST_CALL: msg = TARGET_MSG(ctx, "function call"); break;
    case ES_AST_CONSTANT:
        msg = n->sub == ES_AST_CONST_NONE       ? TARGET_MSG(ctx, "None")
              : n->sub == ES_AST_CONST_TRUE     ? TARGET_MSG(ctx, "True")
              : n->sub == ES_AST_CONST_FALSE    ? TARGET_MSG(ctx, "False")
              : n->sub == ES_AST_CONST_ELLIPSIS ? TARGET_MSG(ctx, "ellipsis")
                                                : TARGET_MSG(ctx, "literal");
        break;
    case ES_AST_COMPARE: msg = TARGET_MSG(ctx, "comparison"); break;
    case ES_AST_LAMBDA: msg = TARGET_MSG(ctx, "lambda"); break;
    case ES_AST_IFEXP: msg = TARGET_MSG(ctx, "conditional expression"); break;
    case ES_AST_NAMEDEXPR: msg = TARGET_MSG(ctx, "named expression"); break;
    case ES_AST_AWAIT: msg = TARGET_MSG(ctx, "await expression"); break;
    case ES_AST_YIELD:
    case ES_AST_YIELDFROM: msg = TARGET_MSG(ctx, "yield expression"); break;
    case ES_AST_JOINEDSTR:
    case ES_AST_FORMATTEDVALUE: msg = TARGET_MSG(ctx, "f-string expression"); break;
    case ES_AST_DICT: msg = TARGET_MSG(ctx, "dict literal"); break;
    case ES_AST_SET: msg = TARGET_MSG(ctx, "set display"); break;
    case ES_AST_LISTCOMP: msg = TARGET_MSG(ctx, "list comprehension"); break;
    case ES_AST_SETCOMP: msg = TARGET_MSG(ctx, "set comprehension"); break;
    case ES_AST_DICTCOMP: msg = TARGET_MSG(ctx, "dict comprehension"); break;
    case ES_AST_GENERATOREXP: msg = TARGET_MSG(ctx, "generator expression"); break;
    case ES_AST_STARRED: msg = "cannot delete starred"; break;
    default: msg = TARGET_MSG(ctx, "expression"); break;
    }
    node_error(p, n, msg);
}

/* Marks n (and the elements of tuples and lists) as a store or delete target. */
static void set_context(parser_t *p, es_ast_node_t *n, int ctx) {
    switch (n->kind) {
    case ES_AST_NAME:
        if (es_qstr_len(n->u.name.id) == 9 &&
            memcmp(es_qstr_str(n->u.name.id), "__debug__", 9) == 0) {
            node_error(
                p, n, ctx == ES_AST_DEL ? "cannot delete __debug__" : "cannot assign to __debug__");
        }
        n->sub = (uint8_t)ctx;
        return;
    case ES_AST_ATTRIBUTE:
    case ES_AST_SUBSCRIPT: n->sub = (uint8_t)ctx; return;
    case ES_AST_STARRED:
        if (ctx == ES_AST_DEL) {
            bad_target(p, n, ctx);
        }
        n->sub = (uint8_t)ctx;
        set_context(p, n->u.starred.value, ctx);
        return;
    case ES_AST_TUPLE:
    case ES_AST_LIST: {
        bool starred = false;
        n->sub = (uint8_t)ctx;
        for (size_t i = 0; i < n->u.seq.elts.len; i++) {
            es_ast_node_t *e = n->u.seq.elts.items[i];
            if (e->kind == ES_AST_STARRED) {
                if (starred) {
                    node_error(p, e, "multiple starred expressions in assignment");
                }
                starred = true;
            }
            set_context(p, e, ctx);
        }
        return;
    }
    default: bad_target(p, n, ctx);
    }
}

/* A whole assignment target: a starred target must sit inside a tuple or list. */
static void set_target(parser_t *p, es_ast_node_t *n, int ctx) {
    if (n->kind == ES_AST_STARRED && ctx != ES_AST_DEL) {
        node_error(p, n, "starred assignment target must be in a list or tuple");
    }
    set_context(p, n, ctx);
}

static void no_bare_starred(parser_t *p, es_ast_node_t *n) {
    if (n != NULL && n->kind == ES_AST_STARRED) {
        node_error(p, n, "can't use starred expression here");
    }
}

/* ---- strings ---- */

static void append_decoded(parser_t *p, buf_t *acc, const char *s, size_t n, int flags) {
    const char *error = NULL;
    buf_reserve(acc, n + 1);
    long got = es_lexer_decode_string(s, n, flags, acc->data + acc->len, &error);
    if (got < 0) {
        syntax_error(p, error);
    }
    acc->len += (size_t)got;
}

/* Turns the text gathered so far into a Constant part of a JoinedStr. */
static void flush_literal(vec_t *parts, buf_t *acc, pos_t pos) {
    if (acc->len > 0) {
        vec_push(parts, new_constant(ES_AST_CONST_STR, acc->data, acc->len, pos));
        acc->len = 0;
    }
}

static es_ast_node_t *parse_yield(parser_t *p);
static void forgive_await_in_genexp(parser_t *p, const char *before);

/* Parses the text of one f-string replacement field as an expression on its own. */
static es_ast_node_t *parse_fragment(parser_t *p, const char *s, size_t n, pos_t pos) {
    enter(p);
    es_lexer_t *saved = es_alloc_scratch(sizeof(*saved));
    *saved = p->lx;
    es_lexer_init_fragment(&p->lx, s, n, pos.line, pos.col);
    advance(p);
    pos_t first = here(p);
    es_ast_node_t *e = tok(p) == ES_TOK_KW_YIELD ? parse_yield(p) : parse_list(p, LIST_STAR);
    no_bare_starred(p, e);
    if (e->kind == ES_AST_TUPLE && e->line == first.line && e->col == first.col && pos.col > 0) {
        /* a bare tuple in a field counts from the brace, as if it were parenthesised */
        e->line = pos.line;
        e->col = (uint16_t)(pos.col - 1);
    }
    if (tok(p) != ES_TOK_ENDMARKER) {
        syntax_error(p, "f-string: invalid syntax");
    }
    p->lx = *saved;
    es_free(saved);
    leave(p);
    return e;
}

/* One f-string literal being taken apart. */
typedef struct {
    const char *s; /* the body, between the quotes */
    size_t len;
    int flags;         /* ES_STR_* */
    pos_t pos;         /* of the whole string group; its parts carry it too */
    pos_t body_pos;    /* of s[0] */
    pos_t spec_pos;    /* for format specs: CPython places them at their string token */
    size_t scanned;    /* s[0..scanned) has been counted into line and line_start */
    size_t line_start; /* index in s where the line of s[scanned] starts */
    uint32_t line;
} fstring_t;

static size_t fstring_scan(parser_t *p, fstring_t *f, size_t i, int nest, vec_t *parts, buf_t *acc);

/* Where s[i] of an f-string body sits in the source. */
static pos_t fstring_pos(fstring_t *f, size_t i) {
    /* fields come in order, so counting lines resumes where the previous field left off */
    for (size_t k = f->scanned; k < i; k++) {
        if (f->s[k] == '\n') {
            f->line++;
            f->line_start = k + 1;
        }
    }
    if (i > f->scanned) {
        f->scanned = i;
    }
    pos_t pos = {f->line, (uint32_t)(i - f->line_start)};
    if (f->line == f->body_pos.line) {
        pos.col += f->body_pos.col;
    }
    return pos;
}

/* One {field} of an f-string, s[i] being just after the brace; returns the index after it. */
static size_t fstring_field(parser_t *p, fstring_t *f, size_t i, int nest, vec_t *parts,
                            buf_t *acc) {
    const char *s = f->s;
    size_t len = f->len;
    pos_t pos = f->pos;
    size_t start = i;
    int depth = 0;
    char quote = 0;
    bool triple = false;
    while (i < len) {
        char c = s[i];
        if (quote) {
            if (c == '\\') {
                syntax_error(p, "f-string expression part cannot include a backslash");
            }
            if (c == quote && (!triple || (i + 2 < len && s[i + 1] == c && s[i + 2] == c))) {
                i += triple ? 3 : 1;
                quote = 0;
            } else {
                i++;
            }
            continue;
        }
        if (c == '\\') {
            syntax_error(p, "f-string expression part cannot include a backslash");
        }
        if (c == '\'' || c == '"') {
            quote = c;
            triple = i + 2 < len && s[i + 1] == c && s[i + 2] == c;
            i += triple ? 3 : 1;
            continue;
        }
        if (c == '#') {
            syntax_error(p, "f-string expression part cannot include '#'");
        }
        char next = i + 1 < len ? s[i + 1] : 0;
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (depth == 0) {
                if (c == '}') {
                    break;
                }
                syntax_error(p, "f-string: unmatched ')'");
            }
            depth--;
        } else if (depth == 0) {
            if ((c == '!' || c == '=') && next == '=') {
                i += 2;
                continue;
            }
            if (c == '!' || c == ':') {
                break;
            }
            if (c == '=' && !(i > start && strchr("<>", s[i - 1]))) {
                break;
            }
        }
        i++;
    }
    if (i >= len || quote) {
        syntax_error(p, "f-string: expecting '}'");
    }
    size_t expr_end = i;
    size_t k = start;
    while (k < expr_end && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r')) {
        k++;
    }
    if (k == expr_end) {
        syntax_error(p, "f-string: empty expression not allowed");
    }
    es_ast_node_t *value = parse_fragment(p, s + start, expr_end - start, fstring_pos(f, start));
    size_t debug_end = 0;
    if (s[i] == '=') {
        i++;
        while (i < len && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        debug_end = i;
    }
    int conversion = 0;
    if (i < len && s[i] == '!') {
        i++;
        if (i >= len || (s[i] != 's' && s[i] != 'r' && s[i] != 'a')) {
            syntax_error(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        conversion = s[i++];
    }
    es_ast_node_t *spec = NULL;
    if (i < len && s[i] == ':') {
        vec_t spec_parts = {0};
        buf_t spec_acc = {0};
        i = fstring_scan(p, f, i + 1, nest + 1, &spec_parts, &spec_acc);
        flush_literal(&spec_parts, &spec_acc, f->spec_pos);
        buf_free(&spec_acc);
        spec = NEW(ES_AST_JOINEDSTR, seq, f->spec_pos);
        spec->u.seq.elts = vec_finish(&spec_parts);
    }
    if (i >= len || s[i] != '}') {
        syntax_error(p, "f-string: expecting '}'");
    }
    i++;
    if (debug_end) {
        buf_append(acc, s + start, debug_end - start);
        if (conversion == 0 && spec == NULL) {
            conversion = 'r';
        }
    }
    flush_literal(parts, acc, pos);
    es_ast_node_t *fv = NEW(ES_AST_FORMATTEDVALUE, formatted_value, pos);
    fv->sub = (uint8_t)conversion;
    fv->u.formatted_value.value = value;
    fv->u.formatted_value.format_spec = spec;
    vec_push(parts, fv);
    return i;
}

/*
 * The literal text and fields of an f-string body from s[i]; nest > 0 means inside a
 * format spec, which ends at an unmatched '}' (returned index points at it).
 */
static size_t fstring_scan(parser_t *p, fstring_t *f, size_t i, int nest, vec_t *parts,
                           buf_t *acc) {
    const char *s = f->s;
    size_t len = f->len;
    int flags = f->flags;
    size_t seg = i;
    while (i < len) {
        char c = s[i];
        char next = i + 1 < len ? s[i + 1] : 0;
        if (c == '{') {
            if (nest == 0 && next == '{') {
                append_decoded(p, acc, s + seg, i + 1 - seg, flags);
                i += 2;
                seg = i;
                continue;
            }
            append_decoded(p, acc, s + seg, i - seg, flags);
            if (nest >= 2) {
                syntax_error(p, "f-string: expressions nested too deeply");
            }
            i = fstring_field(p, f, i + 1, nest, parts, acc);
            seg = i;
            continue;
        }
        if (c == '}') {
            if (nest > 0) {
                break;
            }
            if (next != '}') {
                syntax_error(p, "f-string: single '}' is not allowed");
            }
            append_decoded(p, acc, s + seg, i + 1 - seg, flags);
            i += 2;
            seg = i;
            continue;
        }
        if (c == '\\' && !(flags & ES_STR_RAW) && next && next != '{' && next != '}') {
            i += 2;
            if (next == 'N' && i < len && s[i] == '{') {
                while (i < len && s[i] != '}') {
                    i++;
                }
                i += i < len;
            }
            continue;
        }
        i++;
    }
    append_decoded(p, acc, s + seg, i - seg, flags);
    return i;
}

/* Adjacent string literals, joined; a JoinedStr as soon as one is an f-string. */
static NOINLINE es_ast_node_t *parse_strings(parser_t *p) {
    pos_t pos = here(p);
    bool bytes = p->lx.string_flags & ES_STR_BYTES;
    bool joined = false;
    vec_t parts = {0};
    buf_t acc = {0};
    enter(p);
    while (tok(p) == ES_TOK_STRING) {
        int flags = p->lx.string_flags;
        const char *body = p->lx.tok_text;
        size_t len = p->lx.tok_len;
        if (((flags & ES_STR_BYTES) != 0) != bytes) {
            syntax_error(p, "cannot mix bytes and nonbytes literals");
        }
        if (flags & ES_STR_FORMAT) {
            fstring_t f = {body, len, flags, pos, here(p), here(p), 0, 0, 0};
            f.line = f.body_pos.line;
            f.body_pos.col += p->lx.string_prefix_len + ((flags & ES_STR_TRIPLE) ? 3 : 1);
            joined = true;
            fstring_scan(p, &f, 0, 0, &parts, &acc);
        } else {
            append_decoded(p, &acc, body, len, flags);
        }
        advance(p);
    }
    leave(p);
    es_ast_node_t *n;
    if (joined) {
        flush_literal(&parts, &acc, pos);
        n = NEW(ES_AST_JOINEDSTR, seq, pos);
        n->u.seq.elts = vec_finish(&parts);
    } else {
        n = new_constant(bytes ? ES_AST_CONST_BYTES : ES_AST_CONST_STR, acc.data ? acc.data : "",
                         acc.len, pos);
    }
    buf_free(&acc);
    return n;
}

/* ---- atoms ---- */

static NOINLINE es_ast_node_t *parse_number(parser_t *p) {
    es_ast_node_t *c = NEW(ES_AST_CONSTANT, constant, here(p));
    int kind = p->lx.number_kind;
    c->sub = (uint8_t)(kind == ES_NUM_INT     ? ES_AST_CONST_INT
                       : kind == ES_NUM_FLOAT ? ES_AST_CONST_FLOAT
                                              : ES_AST_CONST_IMAG);
    size_t n = p->lx.tok_len - (kind == ES_NUM_IMAG);
    char *text = ast_alloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (p->lx.tok_text[i] != '_') {
            text[k++] = p->lx.tok_text[i];
        }
    }
    c->u.constant.data = text;
    c->u.constant.len = k;
    advance(p);
    return c;
}

/* for/if clauses of a comprehension, the current token being for or async. */
static es_ast_seq_t parse_comprehension_clauses(parser_t *p) {
    vec_t gens = {0};
    while (tok(p) == ES_TOK_KW_FOR || tok(p) == ES_TOK_KW_ASYNC) {
        es_ast_node_t *g = NEW(ES_AST_COMPREHENSION, comprehension, here(p));
        g->sub = accept(p, ES_TOK_KW_ASYNC);
        expect(p, ES_TOK_KW_FOR);
        g->u.comprehension.target = parse_list(p, LIST_STAR | LIST_TARGET);
        set_target(p, g->u.comprehension.target, ES_AST_STORE);
        expect(p, ES_TOK_KW_IN);
        g->u.comprehension.iter = parse_binary(p, PREC_OR);
        vec_t ifs = {0};
        while (accept(p, ES_TOK_KW_IF)) {
            vec_push(&ifs, parse_binary(p, PREC_OR));
        }
        g->u.comprehension.ifs = vec_finish(&ifs);
        vec_push(&gens, g);
    }
    return vec_finish(&gens);
}

static es_ast_node_t *new_comprehension(int kind, es_ast_node_t *elt, pos_t pos, parser_t *p) {
    if (elt->kind == ES_AST_STARRED) {
        node_error(p, elt, "iterable unpacking cannot be used in comprehension");
    }
    es_ast_node_t *c = NEW(kind, comp, pos);
    c->u.comp.elt = elt;
    c->u.comp.generators = parse_comprehension_clauses(p);
    return c;
}

static NOINLINE es_ast_node_t *parse_starred(parser_t *p) {
    es_ast_node_t *s = NEW(ES_AST_STARRED, starred, here(p));
    advance(p);
    s->u.starred.value = parse_binary(p, PREC_BITOR);
    return s;
}

static es_ast_node_t *list_item(parser_t *p, int flags) {
    if ((flags & LIST_STAR) && tok(p) == ES_TOK_STAR) {
        return parse_starred(p);
    }
    if (flags & LIST_TARGET) {
        return parse_binary(p, PREC_BITOR);
    }
    return parse_test(p, flags & LIST_NAMED);
}

/* Items separated by commas up to a token that cannot start one; true if a comma was seen. */
static bool parse_list_items(parser_t *p, int flags, vec_t *v) {
    bool comma = false;
    vec_push(v, list_item(p, flags));
    while (accept(p, ES_TOK_COMMA)) {
        comma = true;
        if (!starts_expression(p) && !((flags & LIST_STAR) && tok(p) == ES_TOK_STAR)) {
            break;
        }
        vec_push(v, list_item(p, flags));
    }
    return comma;
}

/* One item, or a Tuple when there are commas (a, b / *a, b). */
static es_ast_node_t *parse_list(parser_t *p, int flags) {
    vec_t v = {0};
    pos_t pos = here(p);
    if (!parse_list_items(p, flags, &v)) {
        es_ast_node_t *n = v.items[0];
        es_free(v.items);
        return n;
    }
    es_ast_node_t *t = NEW(ES_AST_TUPLE, seq, pos);
    t->u.seq.elts = vec_finish(&v);
    return t;
}

/* The rest of a bracketed display after its first item: , item ... closing. */
static es_ast_node_t *finish_display(parser_t *p, int kind, es_ast_node_t *first, pos_t pos,
                                     es_tok_kind_t closing) {
    vec_t v = {0};
    vec_push(&v, first);
    while (accept(p, ES_TOK_COMMA) && tok(p) != closing) {
        vec_push(&v, list_item(p, LIST_STAR | LIST_NAMED));
    }
    expect(p, closing);
    es_ast_node_t *n = NEW(kind, seq, pos);
    n->u.seq.elts = vec_finish(&v);
    return n;
}

static NOINLINE es_ast_node_t *parse_paren(parser_t *p) {
    pos_t pos = here(p);
    advance(p);
    if (accept(p, ES_TOK_RPAREN)) {
        return NEW(ES_AST_TUPLE, seq, pos);
    }
    es_ast_node_t *e;
    if (tok(p) == ES_TOK_KW_YIELD) {
        e = parse_yield(p);
        expect(p, ES_TOK_RPAREN);
        return e;
    }
    const char *await_before = p->await_error;
    e = list_item(p, LIST_STAR | LIST_NAMED);
    if (tok(p) == ES_TOK_KW_FOR || tok(p) == ES_TOK_KW_ASYNC) {
        e = new_comprehension(ES_AST_GENERATOREXP, e, pos, p);
        forgive_await_in_genexp(p, await_before);
        expect(p, ES_TOK_RPAREN);
        return e;
    }
    if (tok(p) == ES_TOK_COMMA) {
        return finish_display(p, ES_AST_TUPLE, e, pos, ES_TOK_RPAREN);
    }
    if (e->kind == ES_AST_STARRED) {
        node_error(p, e, "cannot use starred expression here");
    }
    expect(p, ES_TOK_RPAREN);
    return e;
}

static NOINLINE es_ast_node_t *parse_list_display(parser_t *p) {
    pos_t pos = here(p);
    advance(p);
    if (accept(p, ES_TOK_RBRACKET)) {
        return NEW(ES_AST_LIST, seq, pos);
    }
    es_ast_node_t *e = list_item(p, LIST_STAR | LIST_NAMED);
    if (tok(p) == ES_TOK_KW_FOR || tok(p) == ES_TOK_KW_ASYNC) {
        e = new_comprehension(ES_AST_LISTCOMP, e, pos, p);
        expect(p, ES_TOK_RBRACKET);
        return e;
    }
    return finish_display(p, ES_AST_LIST, e, pos, ES_TOK_RBRACKET);
}

/* One dict entry: key: value, or **mapping with a NULL key. */
static void parse_dict_entry(parser_t *p, vec_t *keys, vec_t *values) {
    if (accept(p, ES_TOK_DOUBLESTAR)) {
        vec_push(keys, NULL);
        vec_push(values, parse_binary(p, PREC_BITOR));
        return;
    }
    vec_push(keys, parse_expression(p));
    expect(p, ES_TOK_COLON);
    vec_push(values, parse_expression(p));
}

static NOINLINE es_ast_node_t *parse_brace(parser_t *p) {
    pos_t pos = here(p);
    advance(p);
    vec_t keys = {0}, values = {0};
    es_ast_node_t *n;
    if (tok(p) == ES_TOK_RBRACE) {
        /* empty dict */
    } else if (tok(p) == ES_TOK_DOUBLESTAR) {
        parse_dict_entry(p, &keys, &values);
    } else {
        es_ast_node_t *first = list_item(p, LIST_STAR | LIST_NAMED);
        if (tok(p) != ES_TOK_COLON) {
            if (tok(p) == ES_TOK_KW_FOR || tok(p) == ES_TOK_KW_ASYNC) {
                n = new_comprehension(ES_AST_SETCOMP, first, pos, p);
                expect(p, ES_TOK_RBRACE);
            } else {
                n = finish_display(p, ES_AST_SET, first, pos, ES_TOK_RBRACE);
            }
            n->line = pos.line;
            n->col = (uint16_t)pos.col;
            return n;
        }
        if (first->kind == ES_AST_STARRED) {
            node_error(p, first, "invalid syntax");
        }
        advance(p);
        es_ast_node_t *value = parse_expression(p);
        if (tok(p) == ES_TOK_KW_FOR || tok(p) == ES_TOK_KW_ASYNC) {
            n = NEW(ES_AST_DICTCOMP, comp, pos);
            n->u.comp.elt = first;
            n->u.comp.value = value;
            n->u.comp.generators = parse_comprehension_clauses(p);
            expect(p, ES_TOK_RBRACE);
            return n;
        }
        vec_push(&keys, first);
        vec_push(&values, value);
    }
    while (keys.len > 0 && accept(p, ES_TOK_COMMA) && tok(p) != ES_TOK_RBRACE) {
        parse_dict_entry(p, &keys, &values);
    }
    expect(p, ES_TOK_RBRACE);
    n = NEW(ES_AST_DICT, dict, pos);
    n->u.dict.keys = vec_finish(&keys);
    n->u.dict.values = vec_finish(&values);
    return n;
}

static es_ast_node_t *new_simple_constant(int kind, parser_t *p) {
    es_ast_node_t *c = new_node(ES_AST_CONSTANT, NODE_SIZE(constant), here(p));
    c->sub = (uint8_t)kind;
    advance(p);
    return c;
}

static es_ast_node_t *parse_atom(parser_t *p) {
    switch (tok(p)) {
    case ES_TOK_NAME: {
        es_ast_node_t *n = NEW(ES_AST_NAME, name, here(p));
        n->u.name.id = expect_name(p);
        return n;
    }
    case ES_TOK_NUMBER: return parse_number(p);
    case ES_TOK_STRING: return parse_strings(p);
    case ES_TOK_KW_NONE: return new_simple_constant(ES_AST_CONST_NONE, p);
    case ES_TOK_KW_TRUE: return new_simple_constant(ES_AST_CONST_TRUE, p);
    case ES_TOK_KW_FALSE: return new_simple_constant(ES_AST_CONST_FALSE, p);
    case ES_TOK_ELLIPSIS: return new_simple_constant(ES_AST_CONST_ELLIPSIS, p);
    case ES_TOK_LPAREN: return parse_paren(p);
    case ES_TOK_LBRACKET: return parse_list_display(p);
    case ES_TOK_LBRACE: return parse_brace(p);
    default: syntax_error(p, "invalid syntax");
    }
}

/* ---- trailers: calls, subscripts, attributes ---- */

/* Arguments of a call or class bases up to and including ')'. */
static void parse_call_args(parser_t *p, vec_t *args, vec_t *keywords, pos_t call_pos) {
    bool seen_double_star = false;
    while (tok(p) != ES_TOK_RPAREN) {
        pos_t pos = here(p);
        if (accept(p, ES_TOK_STAR)) {
            if (seen_double_star) {
                syntax_error(p, "iterable argument unpacking follows keyword argument unpacking");
            }
            es_ast_node_t *s = NEW(ES_AST_STARRED, starred, pos);
            s->u.starred.value = parse_expression(p);
            vec_push(args, s);
        } else if (accept(p, ES_TOK_DOUBLESTAR)) {
            es_ast_node_t *k = NEW(ES_AST_KEYWORD, keyword, pos);
            k->u.keyword.value = parse_expression(p);
            vec_push(keywords, k);
            seen_double_star = true;
        } else {
            const char *await_before = p->await_error;
            es_ast_node_t *e = parse_named(p);
            if (tok(p) == ES_TOK_ASSIGN) {
                if (e->kind != ES_AST_NAME) {
                    node_error(p, e,
                               "expression cannot contain assignment, perhaps you meant \"==\"?");
                }
                advance(p);
                es_ast_node_t *k = NEW(ES_AST_KEYWORD, keyword, pos);
                k->u.keyword.arg = e->u.name.id;
                k->u.keyword.value = parse_expression(p);
                for (size_t i = 0; i < keywords->len; i++) {
                    if (keywords->items[i]->u.keyword.arg == k->u.keyword.arg) {
                        node_error(p, k, "keyword argument repeated");
                    }
                }
                vec_push(keywords, k);
            } else {
                if (tok(p) == ES_TOK_KW_FOR || tok(p) == ES_TOK_KW_ASYNC) {
                    e = new_comprehension(ES_AST_GENERATOREXP, e, call_pos, p);
                    forgive_await_in_genexp(p, await_before);
                    if (args->len || keywords->len || tok(p) != ES_TOK_RPAREN) {
                        node_error(p, e, "Generator expression must be parenthesized");
                    }
                }
                if (keywords->len) {
                    node_error(p, e,
                               seen_double_star
                                   ? "positional argument follows keyword argument unpacking"
                                   : "positional argument follows keyword argument");
                }
                vec_push(args, e);
            }
        }
        if (!accept(p, ES_TOK_COMMA)) {
            break;
        }
        if (tok(p) == ES_TOK_RPAREN && args->len == 1 && keywords->len == 0 &&
            args->items[0]->kind == ES_AST_GENERATOREXP) {
            node_error(p, args->items[0], "Generator expression must be parenthesized");
        }
    }
    expect(p, ES_TOK_RPAREN);
}

/* One subscript item: expression, *expression, or a slice lower:upper:step. */
static es_ast_node_t *parse_slice_item(parser_t *p) {
    pos_t pos = here(p);
    es_ast_node_t *lower = NULL;
    if (tok(p) == ES_TOK_STAR) {
        return list_item(p, LIST_STAR);
    }
    if (tok(p) != ES_TOK_COLON) {
        lower = parse_named(p);
        if (tok(p) != ES_TOK_COLON) {
            return lower;
        }
    }
    advance(p);
    es_ast_node_t *s = NEW(ES_AST_SLICE, slice, pos);
    s->u.slice.lower = lower;
    es_tok_kind_t t = tok(p);
    if (t != ES_TOK_COLON && t != ES_TOK_COMMA && t != ES_TOK_RBRACKET) {
        s->u.slice.upper = parse_expression(p);
    }
    if (accept(p, ES_TOK_COLON)) {
        t = tok(p);
        if (t != ES_TOK_COMMA && t != ES_TOK_RBRACKET) {
            s->u.slice.step = parse_expression(p);
        }
    }
    return s;
}

static es_ast_node_t *parse_subscript(parser_t *p) {
    pos_t pos = here(p);
    es_ast_node_t *first = parse_slice_item(p);
    if (tok(p) != ES_TOK_COMMA && first->kind != ES_AST_STARRED) {
        return first;
    }
    vec_t v = {0};
    vec_push(&v, first);
    while (accept(p, ES_TOK_COMMA) && tok(p) != ES_TOK_RBRACKET) {
        vec_push(&v, parse_slice_item(p));
    }
    es_ast_node_t *t = NEW(ES_AST_TUPLE, seq, pos);
    t->u.seq.elts = vec_finish(&v);
    return t;
}

/* One trailer after a primary: .name, (arguments) or [subscript]. */
static NOINLINE es_ast_node_t *parse_trailer(parser_t *p, es_ast_node_t *e, pos_t pos) {
    pos_t paren = here(p);
    if (accept(p, ES_TOK_DOT)) {
        es_ast_node_t *a = NEW(ES_AST_ATTRIBUTE, attribute, pos);
        a->u.attribute.value = e;
        a->u.attribute.attr = expect_name(p);
        return a;
    }
    enter(p);
    if (accept(p, ES_TOK_LPAREN)) {
        vec_t args = {0}, keywords = {0};
        es_ast_node_t *c = NEW(ES_AST_CALL, call, pos);
        c->u.call.func = e;
        parse_call_args(p, &args, &keywords, paren);
        c->u.call.args = vec_finish(&args);
        c->u.call.keywords = vec_finish(&keywords);
        e = c;
    } else {
        advance(p);
        es_ast_node_t *s = NEW(ES_AST_SUBSCRIPT, subscript, pos);
        s->u.subscript.value = e;
        s->u.subscript.slice = parse_subscript(p);
        expect(p, ES_TOK_RBRACKET);
        e = s;
    }
    leave(p);
    return e;
}

static es_ast_node_t *parse_primary(parser_t *p) {
    pos_t pos = here(p);
    es_ast_node_t *e = parse_atom(p);
    while (tok(p) == ES_TOK_DOT || tok(p) == ES_TOK_LPAREN || tok(p) == ES_TOK_LBRACKET) {
        e = parse_trailer(p, e, pos);
    }
    return e;
}

/* ---- operators ---- */

static void check_await(parser_t *p) {
    if (p->scope != SCOPE_ASYNC && p->await_error == NULL) {
        p->await_error = p->scope == SCOPE_FUNCTION || p->scope == SCOPE_LAMBDA
                             ? "'await' outside async function"
                             : "'await' outside function";
        p->await_line = p->lx.tok_line;
        p->await_col = p->lx.tok_col;
    }
}

/* A generator expression inside a function may await: forget awaits seen in it. */
static void forgive_await_in_genexp(parser_t *p, const char *before) {
    if (p->scope == SCOPE_FUNCTION || p->scope == SCOPE_LAMBDA) {
        p->await_error = before;
    }
}

static void report_pending_await(parser_t *p) {
    if (p->await_error) {
        fail_at(p, p->await_line, p->await_col, p->await_error, ES_PARSE_SYNTAX_ERROR);
    }
}

/* await? primary (** factor)? */
static es_ast_node_t *parse_power(parser_t *p) {
    es_ast_node_t *e;
    pos_t pos = here(p);
    if (tok(p) == ES_TOK_KW_AWAIT) {
        check_await(p);
        e = NEW(ES_AST_AWAIT, value, here(p));
        advance(p);
        e->u.value.value = parse_primary(p);
    } else {
        e = parse_primary(p);
    }
    if (accept(p, ES_TOK_DOUBLESTAR)) {
        es_ast_node_t *b = NEW(ES_AST_BINOP, bin_op, pos);
        b->sub = ES_AST_POW;
        b->u.bin_op.left = e;
        b->u.bin_op.right = parse_binary(p, PREC_UNARY);
        e = b;
    }
    return e;
}

static int binary_precedence(es_tok_kind_t t) {
    switch (t) {
    case ES_TOK_KW_OR: return PREC_OR;
    case ES_TOK_KW_AND: return PREC_AND;
    case ES_TOK_LT:
    case ES_TOK_GT:
    case ES_TOK_EQ:
    case ES_TOK_NE:
    case ES_TOK_LE:
    case ES_TOK_GE:
    case ES_TOK_KW_IN:
    case ES_TOK_KW_IS:
    case ES_TOK_KW_NOT: return PREC_CMP;
    case ES_TOK_VBAR: return PREC_BITOR;
    case ES_TOK_CIRCUMFLEX: return PREC_BITXOR;
    case ES_TOK_AMPER: return PREC_BITAND;
    case ES_TOK_LSHIFT:
    case ES_TOK_RSHIFT: return PREC_SHIFT;
    case ES_TOK_PLUS:
    case ES_TOK_MINUS: return PREC_ARITH;
    case ES_TOK_STAR:
    case ES_TOK_SLASH:
    case ES_TOK_DOUBLESLASH:
    case ES_TOK_PERCENT:
    case ES_TOK_AT: return PREC_TERM;
    default: return PREC_NONE;
    }
}

/* Reads one comparison operator (two tokens for "not in" and "is not"). */
static int parse_compare_op(parser_t *p) {
    es_tok_kind_t t = tok(p);
    advance(p);
    switch (t) {
    case ES_TOK_LT: return ES_AST_LT;
    case ES_TOK_GT: return ES_AST_GT;
    case ES_TOK_EQ: return ES_AST_EQ;
    case ES_TOK_NE: return ES_AST_NOTEQ;
    case ES_TOK_LE: return ES_AST_LTE;
    case ES_TOK_GE: return ES_AST_GTE;
    case ES_TOK_KW_IN: return ES_AST_IN;
    case ES_TOK_KW_IS: return accept(p, ES_TOK_KW_NOT) ? ES_AST_ISNOT : ES_AST_IS;
    default: expect(p, ES_TOK_KW_IN); return ES_AST_NOTIN;
    }
}

static es_ast_node_t *parse_compare(parser_t *p, es_ast_node_t *left, pos_t pos) {
    vec_t comparators = {0};
    buf_t ops = {0};
    while (binary_precedence(tok(p)) == PREC_CMP) {
        char op = (char)parse_compare_op(p);
        buf_append(&ops, &op, 1);
        vec_push(&comparators, parse_binary(p, PREC_CMP + 1));
    }
    es_ast_node_t *c = NEW(ES_AST_COMPARE, compare, pos);
    c->u.compare.left = left;
    c->u.compare.ops = ast_alloc(ops.len);
    memcpy(c->u.compare.ops, ops.data, ops.len);
    buf_free(&ops);
    c->u.compare.comparators = vec_finish(&comparators);
    return c;
}

/* Precedence climbing over or, and, not, comparisons and the binary operators. */
/* not x, -x, +x, ~x: the operand binds as tightly as the operator allows. */
static NOINLINE es_ast_node_t *parse_unary(parser_t *p) {
    es_ast_node_t *u = NEW(ES_AST_UNARYOP, unary_op, here(p));
    es_tok_kind_t t = tok(p);
    advance(p);
    u->sub = t == ES_TOK_KW_NOT  ? ES_AST_NOT
             : t == ES_TOK_MINUS ? ES_AST_USUB
             : t == ES_TOK_PLUS  ? ES_AST_UADD
                                 : ES_AST_INVERT;
    u->u.unary_op.operand = parse_binary(p, t == ES_TOK_KW_NOT ? PREC_NOT : PREC_UNARY);
    return u;
}

/* left, then one operator of precedence prec and what follows it. */
static NOINLINE es_ast_node_t *parse_binary_operator(parser_t *p, es_ast_node_t *left, int prec,
                                                     pos_t pos) {
    es_tok_kind_t t = tok(p);
    if (prec == PREC_CMP) {
        return parse_compare(p, left, pos);
    }
    if (prec == PREC_OR || prec == PREC_AND) {
        vec_t values = {0};
        vec_push(&values, left);
        while (accept(p, t)) {
            vec_push(&values, parse_binary(p, prec + 1));
        }
        es_ast_node_t *b = NEW(ES_AST_BOOLOP, bool_op, pos);
        b->sub = prec == PREC_OR ? ES_AST_OR : ES_AST_AND;
        b->u.bool_op.values = vec_finish(&values);
        return b;
    }
    advance(p);
    es_ast_node_t *b = NEW(ES_AST_BINOP, bin_op, pos);
    b->sub = (uint8_t)(t - ES_TOK_PLUS);
    b->u.bin_op.left = left;
    b->u.bin_op.right = parse_binary(p, prec + 1);
    return b;
}

/* Precedence climbing over or, and, not, comparisons and the binary operators. */
static es_ast_node_t *parse_binary(parser_t *p, int min_prec) {
    es_ast_node_t *left;
    pos_t pos = here(p);
    es_tok_kind_t t = tok(p);
    enter(p);
    if ((t == ES_TOK_KW_NOT && min_prec <= PREC_NOT) || t == ES_TOK_MINUS || t == ES_TOK_PLUS ||
        t == ES_TOK_TILDE) {
        left = parse_unary(p);
    } else {
        left = parse_power(p);
    }
    for (;;) {
        int prec = binary_precedence(tok(p));
        if (prec == PREC_NONE || prec < min_prec) {
            break;
        }
        left = parse_binary_operator(p, left, prec, pos);
    }
    leave(p);
    return left;
}

/* ---- expressions ---- */

static es_ast_node_t *parse_arguments(parser_t *p, es_tok_kind_t closing, bool annotations);

static NOINLINE es_ast_node_t *parse_lambda(parser_t *p) {
    es_ast_node_t *l = NEW(ES_AST_LAMBDA, lambda, here(p));
    enter(p);
    advance(p);
    l->u.lambda.args = parse_arguments(p, ES_TOK_COLON, false);
    expect(p, ES_TOK_COLON);
    uint8_t scope = p->scope;
    p->scope = SCOPE_LAMBDA;
    l->u.lambda.body = parse_expression(p);
    p->scope = scope;
    leave(p);
    return l;
}

/* lambda, or a disjunction with an optional "if test else orelse". */
/* body "if" test "else" orelse, the "if" being the current token. */
static NOINLINE es_ast_node_t *parse_conditional(parser_t *p, es_ast_node_t *body, pos_t pos) {
    advance(p);
    es_ast_node_t *e = NEW(ES_AST_IFEXP, if_exp, pos);
    e->u.if_exp.body = body;
    e->u.if_exp.test = parse_binary(p, PREC_OR);
    expect(p, ES_TOK_KW_ELSE);
    enter(p);
    e->u.if_exp.orelse = parse_expression(p);
    leave(p);
    return e;
}

/* name := value, the ":=" being the current token. */
static NOINLINE es_ast_node_t *parse_walrus(parser_t *p, es_ast_node_t *target, pos_t pos) {
    if (target->kind != ES_AST_NAME) {
        node_error(p, target, "cannot use assignment expressions with expression");
    }
    advance(p);
    target->sub = ES_AST_STORE;
    es_ast_node_t *n = NEW(ES_AST_NAMEDEXPR, named_expr, pos);
    n->u.named_expr.target = target;
    n->u.named_expr.value = parse_expression(p);
    return n;
}

/* lambda, or a disjunction with an optional "if test else orelse"; with named, also x := y. */
static es_ast_node_t *parse_test(parser_t *p, bool named) {
    if (tok(p) == ES_TOK_KW_LAMBDA) {
        return parse_lambda(p);
    }
    pos_t pos = here(p);
    es_ast_node_t *e = parse_binary(p, PREC_OR);
    if (tok(p) == ES_TOK_KW_IF) {
        return parse_conditional(p, e, pos);
    }
    if (named && tok(p) == ES_TOK_WALRUS) {
        return parse_walrus(p, e, pos);
    }
    return e;
}

static es_ast_node_t *parse_expression(parser_t *p) {
    return parse_test(p, false);
}

static es_ast_node_t *parse_named(parser_t *p) {
    return parse_test(p, true);
}

static es_ast_node_t *parse_yield(parser_t *p) {
    if (p->scope != SCOPE_FUNCTION && p->scope != SCOPE_ASYNC && p->scope != SCOPE_LAMBDA) {
        syntax_error(p, "'yield' outside function");
    }
    pos_t pos = here(p);
    advance(p);
    if (accept(p, ES_TOK_KW_FROM)) {
        es_ast_node_t *y = NEW(ES_AST_YIELDFROM, value, pos);
        y->u.value.value = parse_expression(p);
        return y;
    }
    es_ast_node_t *y = NEW(ES_AST_YIELD, value, pos);
    if (starts_expression(p) || tok(p) == ES_TOK_STAR) {
        y->u.value.value = parse_list(p, LIST_STAR);
        no_bare_starred(p, y->u.value.value);
    }
    return y;
}

/* The right-hand side of an assignment: a yield expression or star expressions. */
static es_ast_node_t *parse_value(parser_t *p) {
    if (tok(p) == ES_TOK_KW_YIELD) {
        return parse_yield(p);
    }
    es_ast_node_t *e = parse_list(p, LIST_STAR);
    no_bare_starred(p, e);
    return e;
}

/* ---- parameters ---- */

/* NAME [: annotation]; *args may be annotated with a starred expression (*args: *Ts). */
static es_ast_node_t *parse_param(parser_t *p, bool annotations, bool star_annotation) {
    es_ast_node_t *a = NEW(ES_AST_ARG, arg, here(p));
    a->u.arg.arg = expect_name(p);
    if (annotations && accept(p, ES_TOK_COLON)) {
        a->u.arg.annotation = star_annotation && tok(p) == ES_TOK_STAR ? list_item(p, LIST_STAR)
                                                                       : parse_expression(p);
    }
    return a;
}

static void check_duplicate(parser_t *p, es_ast_node_t *a, const es_ast_seq_t *seen) {
    for (size_t i = 0; i < seen->len; i++) {
        if (seen->items[i]->u.arg.arg == a->u.arg.arg) {
            node_error(p, a, "duplicate argument in function definition");
        }
    }
}

static void check_duplicates(parser_t *p, es_ast_node_t *args) {
    es_ast_seq_t all[3] = {args->u.arguments.posonlyargs, args->u.arguments.args,
                           args->u.arguments.kwonlyargs};
    es_ast_node_t *extra[2] = {args->u.arguments.vararg, args->u.arguments.kwarg};
    for (int s = 0; s < 3; s++) {
        for (size_t i = 0; i < all[s].len; i++) {
            es_ast_seq_t before = {i, all[s].items};
            check_duplicate(p, all[s].items[i], &before);
            for (int r = 0; r < s; r++) {
                check_duplicate(p, all[s].items[i], &all[r]);
            }
        }
    }
    for (int x = 0; x < 2; x++) {
        if (extra[x]) {
            for (int s = 0; s < 3; s++) {
                check_duplicate(p, extra[x], &all[s]);
            }
        }
    }
    if (extra[0] && extra[1] && extra[0]->u.arg.arg == extra[1]->u.arg.arg) {
        node_error(p, extra[1], "duplicate argument in function definition");
    }
}

/* Parameters of def (closing ')', annotations) or lambda (closing ':'). */
static NOINLINE es_ast_node_t *parse_arguments(parser_t *p, es_tok_kind_t closing,
                                               bool annotations) {
    es_ast_node_t *a = NEW(ES_AST_ARGUMENTS, arguments, here(p));
    vec_t posonly = {0}, args = {0}, defaults = {0}, kwonly = {0}, kw_defaults = {0};
    bool star = false, bare_star = false, slash = false;
    while (tok(p) != closing) {
        if (tok(p) == ES_TOK_SLASH) {
            if (slash) {
                syntax_error(p, "/ may appear only once");
            }
            if (star) {
                syntax_error(p, "/ must be ahead of *");
            }
            if (args.len == 0) {
                syntax_error(p, "at least one argument must precede /");
            }
            advance(p);
            slash = true;
            posonly = args;
            memset(&args, 0, sizeof(args));
        } else if (tok(p) == ES_TOK_STAR) {
            if (star) {
                syntax_error(p, "* argument may appear only once");
            }
            advance(p);
            star = true;
            if (tok(p) == ES_TOK_COMMA || tok(p) == closing) {
                bare_star = true;
            } else {
                a->u.arguments.vararg = parse_param(p, annotations, true);
            }
        } else if (accept(p, ES_TOK_DOUBLESTAR)) {
            a->u.arguments.kwarg = parse_param(p, annotations, false);
            accept(p, ES_TOK_COMMA);
            if (tok(p) != closing) {
                syntax_error(p, "arguments cannot follow var-keyword argument");
            }
            break;
        } else {
            es_ast_node_t *param = parse_param(p, annotations, false);
            es_ast_node_t *dflt = accept(p, ES_TOK_ASSIGN) ? parse_expression(p) : NULL;
            if (star) {
                vec_push(&kwonly, param);
                vec_push(&kw_defaults, dflt);
            } else {
                if (dflt) {
                    vec_push(&defaults, dflt);
                } else if (defaults.len) {
                    node_error(p, param, "non-default argument follows default argument");
                }
                vec_push(&args, param);
            }
        }
        if (!accept(p, ES_TOK_COMMA)) {
            break;
        }
    }
    if (bare_star && kwonly.len == 0) {
        syntax_error(p, "named arguments must follow bare *");
    }
    a->u.arguments.posonlyargs = vec_finish(&posonly);
    a->u.arguments.args = vec_finish(&args);
    a->u.arguments.defaults = vec_finish(&defaults);
    a->u.arguments.kwonlyargs = vec_finish(&kwonly);
    a->u.arguments.kw_defaults = vec_finish(&kw_defaults);
    check_duplicates(p, a);
    return a;
}

/* ---- simple statements ---- */

/* NAME ('.' NAME)* as one qstr. */
static es_qstr_t parse_dotted_name(parser_t *p) {
    buf_t b = {0};
    for (;;) {
        if (tok(p) != ES_TOK_NAME) {
            syntax_error(p, "invalid syntax");
        }
        buf_append(&b, p->lx.tok_text, p->lx.tok_len);
        advance(p);
        if (!accept(p, ES_TOK_DOT)) {
            break;
        }
        buf_append(&b, ".", 1);
    }
    es_qstr_t q = es_qstr_from_strn(b.data, b.len);
    buf_free(&b);
    return q;
}

static es_ast_node_t *parse_alias(parser_t *p, bool dotted) {
    es_ast_node_t *a = NEW(ES_AST_ALIAS, alias, here(p));
    a->u.alias.name = dotted ? parse_dotted_name(p) : expect_name(p);
    if (accept(p, ES_TOK_KW_AS)) {
        a->u.alias.asname = expect_name(p);
    }
    return a;
}

static NOINLINE es_ast_node_t *parse_import(parser_t *p) {
    es_ast_node_t *n = NEW(ES_AST_IMPORT, import, here(p));
    vec_t names = {0};
    advance(p);
    do {
        vec_push(&names, parse_alias(p, true));
    } while (accept(p, ES_TOK_COMMA));
    n->u.import.names = vec_finish(&names);
    return n;
}

static NOINLINE es_ast_node_t *parse_from_import(parser_t *p) {
    es_ast_node_t *n = NEW(ES_AST_IMPORTFROM, import_from, here(p));
    vec_t names = {0};
    advance(p);
    for (;;) {
        if (accept(p, ES_TOK_DOT)) {
            n->u.import_from.level += 1;
        } else if (accept(p, ES_TOK_ELLIPSIS)) {
            n->u.import_from.level += 3;
        } else {
            break;
        }
    }
    if (tok(p) == ES_TOK_NAME || n->u.import_from.level == 0) {
        n->u.import_from.module = parse_dotted_name(p);
    }
    expect(p, ES_TOK_KW_IMPORT);
    if (tok(p) == ES_TOK_STAR) {
        if (p->scope != SCOPE_MODULE) {
            syntax_error(p, "import * only allowed at module level");
        }
        es_ast_node_t *a = NEW(ES_AST_ALIAS, alias, here(p));
        a->u.alias.name = es_qstr_from_strn("*", 1);
        advance(p);
        vec_push(&names, a);
    } else {
        bool paren = accept(p, ES_TOK_LPAREN);
        for (;;) {
            vec_push(&names, parse_alias(p, false));
            if (!accept(p, ES_TOK_COMMA)) {
                break;
            }
            if (paren && tok(p) == ES_TOK_RPAREN) {
                break;
            }
            if (!paren && tok(p) != ES_TOK_NAME) {
                syntax_error(p, "trailing comma not allowed without surrounding parentheses");
            }
        }
        if (paren) {
            expect(p, ES_TOK_RPAREN);
        }
    }
    n->u.import_from.names = vec_finish(&names);
    return n;
}

static NOINLINE es_ast_node_t *parse_global(parser_t *p) {
    es_ast_node_t *n = NEW(ES_AST_GLOBAL, global, here(p));
    if (tok(p) == ES_TOK_KW_NONLOCAL) {
        n->kind = ES_AST_NONLOCAL;
        if (p->scope == SCOPE_MODULE) {
            syntax_error(p, "nonlocal declaration not allowed at module level");
        }
    }
    advance(p);
    buf_t names = {0};
    do {
        es_qstr_t q = expect_name(p);
        buf_append(&names, (const char *)&q, sizeof(q));
    } while (accept(p, ES_TOK_COMMA));
    size_t count = names.len / sizeof(es_qstr_t);
    n->u.global.names.len = count;
    n->u.global.names.items = ast_alloc(names.len);
    memcpy(n->u.global.names.items, names.data, names.len);
    buf_free(&names);
    return n;
}

/* Expression statement, or an assignment of any kind. */
static NOINLINE es_ast_node_t *parse_expression_statement(parser_t *p) {
    es_tok_kind_t first_tok = tok(p);
    pos_t pos = here(p);
    es_ast_node_t *first = first_tok == ES_TOK_KW_YIELD ? parse_yield(p) : parse_list(p, LIST_STAR);
    es_tok_kind_t t = tok(p);
    es_ast_node_t *n;
    if (t == ES_TOK_ASSIGN) {
        vec_t targets = {0};
        while (accept(p, ES_TOK_ASSIGN)) {
            set_target(p, first, ES_AST_STORE);
            vec_push(&targets, first);
            first = parse_value(p);
        }
        n = NEW(ES_AST_ASSIGN, assign, pos);
        n->u.assign.targets = vec_finish(&targets);
        n->u.assign.value = first;
    } else if (t >= ES_TOK_PLUS_ASSIGN && t <= ES_TOK_DOUBLESLASH_ASSIGN) {
        if (first->kind != ES_AST_NAME && first->kind != ES_AST_ATTRIBUTE &&
            first->kind != ES_AST_SUBSCRIPT) {
            node_error(p, first, "illegal expression for augmented assignment");
        }
        first->sub = ES_AST_STORE;
        advance(p);
        n = NEW(ES_AST_AUGASSIGN, aug_assign, pos);
        n->sub = (uint8_t)(t - ES_TOK_PLUS_ASSIGN);
        n->u.aug_assign.target = first;
        n->u.aug_assign.value = parse_value(p);
    } else if (t == ES_TOK_COLON) {
        if (first->kind == ES_AST_TUPLE) {
            node_error(p, first, "only single target (not tuple) can be annotated");
        }
        if (first->kind == ES_AST_LIST) {
            node_error(p, first, "only single target (not list) can be annotated");
        }
        if (first->kind != ES_AST_NAME && first->kind != ES_AST_ATTRIBUTE &&
            first->kind != ES_AST_SUBSCRIPT) {
            node_error(p, first, "illegal target for annotation");
        }
        first->sub = ES_AST_STORE;
        advance(p);
        n = NEW(ES_AST_ANNASSIGN, ann_assign, pos);
        n->sub = first->kind == ES_AST_NAME && first_tok != ES_TOK_LPAREN;
        n->u.ann_assign.target = first;
        n->u.ann_assign.annotation = parse_expression(p);
        if (accept(p, ES_TOK_ASSIGN)) {
            n->u.ann_assign.value = parse_value(p);
        }
    } else {
        no_bare_starred(p, first);
        n = NEW(ES_AST_EXPR, value, pos);
        n->u.value.value = first;
        n->sub = p->mode == ES_PARSE_SINGLE && p->scope == SCOPE_MODULE;
    }
    return n;
}

static es_ast_node_t *parse_small_statement(parser_t *p) {
    pos_t pos = here(p);
    es_ast_node_t *n;
    switch (tok(p)) {
    case ES_TOK_KW_PASS: advance(p); return new_node(ES_AST_PASS, NODE_SIZE_EMPTY, pos);
    case ES_TOK_KW_BREAK:
        if (p->loops == 0) {
            syntax_error(p, "'break' outside loop");
        }
        advance(p);
        return new_node(ES_AST_BREAK, NODE_SIZE_EMPTY, pos);
    case ES_TOK_KW_CONTINUE:
        if (p->loops == 0) {
            syntax_error(p, "'continue' not properly in loop");
        }
        advance(p);
        return new_node(ES_AST_CONTINUE, NODE_SIZE_EMPTY, pos);
    case ES_TOK_KW_RETURN:
        if (p->scope != SCOPE_FUNCTION && p->scope != SCOPE_ASYNC) {
            syntax_error(p, "'return' outside function");
        }
        advance(p);
        n = NEW(ES_AST_RETURN, value, pos);
        if (starts_expression(p) || tok(p) == ES_TOK_STAR) {
            n->u.value.value = parse_value(p);
        }
        return n;
    case ES_TOK_KW_RAISE:
        advance(p);
        n = NEW(ES_AST_RAISE, raise, pos);
        if (starts_expression(p)) {
            n->u.raise.exc = parse_expression(p);
            if (accept(p, ES_TOK_KW_FROM)) {
                n->u.raise.cause = parse_expression(p);
            }
        }
        return n;
    case ES_TOK_KW_GLOBAL:
    case ES_TOK_KW_NONLOCAL: return parse_global(p);
    case ES_TOK_KW_DEL: {
        vec_t targets = {0};
        advance(p);
        parse_list_items(p, LIST_TARGET, &targets);
        for (size_t i = 0; i < targets.len; i++) {
            set_target(p, targets.items[i], ES_AST_DEL);
        }
        n = NEW(ES_AST_DELETE, delete_, pos);
        n->u.delete_.targets = vec_finish(&targets);
        return n;
    }
    case ES_TOK_KW_ASSERT:
        advance(p);
        n = NEW(ES_AST_ASSERT, assert_, pos);
        n->u.assert_.test = parse_expression(p);
        if (accept(p, ES_TOK_COMMA)) {
            n->u.assert_.msg = parse_expression(p);
        }
        return n;
    case ES_TOK_KW_IMPORT: return parse_import(p);
    case ES_TOK_KW_FROM: return parse_from_import(p);
    default: return parse_expression_statement(p);
    }
}

/* small_stmt (';' small_stmt)* [';'] NEWLINE */
static void parse_simple_statements(parser_t *p, vec_t *out) {
    for (;;) {
        vec_push(out, parse_small_statement(p));
        if (!accept(p, ES_TOK_SEMICOLON) || tok(p) == ES_TOK_NEWLINE) {
            break;
        }
    }
    if (tok(p) != ES_TOK_NEWLINE && tok(p) != ES_TOK_ENDMARKER) {
        syntax_error(p, "invalid syntax");
    }
    accept(p, ES_TOK_NEWLINE);
}

/* ---- compound statements ---- */

/* ':' then an indented block or simple statements on the same line. */
static es_ast_seq_t parse_block(parser_t *p) {
    vec_t body = {0};
    expect(p, ES_TOK_COLON);
    if (!accept(p, ES_TOK_NEWLINE)) {
        parse_simple_statements(p, &body);
        return vec_finish(&body);
    }
    if (tok(p) != ES_TOK_INDENT) {
        indentation_error(p, "expected an indented block");
    }
    enter_with(p, "too many statically nested blocks");
    advance(p);
    while (tok(p) != ES_TOK_DEDENT && tok(p) != ES_TOK_ENDMARKER) {
        parse_statement(p, &body);
    }
    advance(p);
    leave(p);
    return vec_finish(&body);
}

static es_ast_seq_t parse_loop_body(parser_t *p) {
    p->loops++;
    es_ast_seq_t body = parse_block(p);
    p->loops--;
    return body;
}

static es_ast_seq_t parse_else(parser_t *p) {
    if (accept(p, ES_TOK_KW_ELSE)) {
        return parse_block(p);
    }
    return (es_ast_seq_t){0, NULL};
}

static NOINLINE es_ast_node_t *parse_if(parser_t *p) {
    es_ast_node_t *n = NEW(ES_AST_IF, if_, here(p));
    advance(p);
    n->u.if_.test = parse_named(p);
    n->u.if_.body = parse_block(p);
    es_ast_node_t *tail = n;
    while (tok(p) == ES_TOK_KW_ELIF) {
        es_ast_node_t *e = NEW(ES_AST_IF, if_, here(p));
        advance(p);
        e->u.if_.test = parse_named(p);
        e->u.if_.body = parse_block(p);
        tail->u.if_.orelse = seq_of_one(e);
        tail = e;
    }
    tail->u.if_.orelse = parse_else(p);
    return n;
}

static NOINLINE es_ast_node_t *parse_while(parser_t *p) {
    es_ast_node_t *n = NEW(ES_AST_WHILE, if_, here(p));
    advance(p);
    n->u.if_.test = parse_named(p);
    n->u.if_.body = parse_loop_body(p);
    n->u.if_.orelse = parse_else(p);
    return n;
}

static NOINLINE es_ast_node_t *parse_for(parser_t *p, bool is_async, pos_t pos) {
    es_ast_node_t *n = NEW(is_async ? ES_AST_ASYNCFOR : ES_AST_FOR, for_, pos);
    advance(p);
    n->u.for_.target = parse_list(p, LIST_STAR | LIST_TARGET);
    set_target(p, n->u.for_.target, ES_AST_STORE);
    expect(p, ES_TOK_KW_IN);
    n->u.for_.iter = parse_value(p);
    n->u.for_.body = parse_loop_body(p);
    n->u.for_.orelse = parse_else(p);
    return n;
}

static NOINLINE es_ast_node_t *parse_try(parser_t *p) {
    es_ast_node_t *n = NEW(ES_AST_TRY, try_, here(p));
    vec_t handlers = {0};
    advance(p);
    n->u.try_.body = parse_block(p);
    while (tok(p) == ES_TOK_KW_EXCEPT) {
        es_ast_node_t *h = NEW(ES_AST_EXCEPTHANDLER, except_handler, here(p));
        if (handlers.len && handlers.items[handlers.len - 1]->u.except_handler.type == NULL) {
            syntax_error(p, "default 'except:' must be last");
        }
        advance(p);
        if (tok(p) != ES_TOK_COLON) {
            h->u.except_handler.type = parse_expression(p);
            if (tok(p) == ES_TOK_COMMA) {
                syntax_error(p, "multiple exception types must be parenthesized");
            }
            if (accept(p, ES_TOK_KW_AS)) {
                h->u.except_handler.name = expect_name(p);
            }
        }
        h->u.except_handler.body = parse_block(p);
        vec_push(&handlers, h);
    }
    n->u.try_.handlers = vec_finish(&handlers);
    if (n->u.try_.handlers.len) {
        n->u.try_.orelse = parse_else(p);
    }
    if (accept(p, ES_TOK_KW_FINALLY)) {
        n->u.try_.finalbody = parse_block(p);
    } else if (n->u.try_.handlers.len == 0) {
        syntax_error(p, "expected 'except' or 'finally' block");
    }
    return n;
}

static es_ast_node_t *parse_with_item(parser_t *p) {
    es_ast_node_t *w = NEW(ES_AST_WITHITEM, withitem, here(p));
    w->u.withitem.context_expr = parse_expression(p);
    if (accept(p, ES_TOK_KW_AS)) {
        w->u.withitem.optional_vars = parse_binary(p, PREC_BITOR);
        set_target(p, w->u.withitem.optional_vars, ES_AST_STORE);
    }
    return w;
}

/*
 * "with (a as b, c):" and "with (a, b) as c:" both start with '('; the first reading
 * is tried and, if it does not end in "):", the lexer is rewound for the second.
 */
static bool try_parenthesised_with_items(parser_t *p, vec_t *items) {
    es_lexer_t *saved = es_alloc_scratch(sizeof(*saved));
    es_lexer_hold(&p->lx);
    *saved = p->lx;
    uint16_t depth = p->depth;
    uint8_t scope = p->scope;
    const char *await_error = p->await_error;
    jmp_buf *outer = p->fail;
    jmp_buf trial;
    volatile bool ok = false;
    if (setjmp(trial) == 0) {
        p->fail = &trial;
        advance(p);
        do {
            if (tok(p) == ES_TOK_RPAREN) {
                break;
            }
            vec_push(items, parse_with_item(p));
        } while (accept(p, ES_TOK_COMMA));
        expect(p, ES_TOK_RPAREN);
        if (items->len > 0 && tok(p) == ES_TOK_COLON) {
            ok = true;
        }
    }
    p->fail = outer;
    if (!ok) {
        es_lexer_restore(&p->lx, saved);
        p->depth = depth;
        p->scope = scope;
        p->await_error = await_error;
        items->len = 0;
        memset(p->err, 0, sizeof(*p->err));
    } else {
        es_lexer_release(&p->lx);
    }
    es_free(saved);
    return ok;
}

static NOINLINE es_ast_node_t *parse_with(parser_t *p, bool is_async, pos_t pos) {
    es_ast_node_t *n = NEW(is_async ? ES_AST_ASYNCWITH : ES_AST_WITH, with, pos);
    vec_t items = {0};
    advance(p);
    if (tok(p) != ES_TOK_LPAREN || !try_parenthesised_with_items(p, &items)) {
        do {
            vec_push(&items, parse_with_item(p));
        } while (accept(p, ES_TOK_COMMA));
    }
    n->u.with.items = vec_finish(&items);
    n->u.with.body = parse_block(p);
    return n;
}

/* The body of a def or class, parsed with fresh scope and loop state. */
static es_ast_seq_t parse_scope_body(parser_t *p, int scope) {
    uint8_t saved_scope = p->scope;
    uint16_t saved_loops = p->loops;
    p->scope = (uint8_t)scope;
    p->loops = 0;
    es_ast_seq_t body = parse_block(p);
    p->scope = saved_scope;
    p->loops = saved_loops;
    return body;
}

static NOINLINE es_ast_node_t *parse_def(parser_t *p, es_ast_seq_t decorators, bool is_async,
                                         pos_t pos) {
    es_ast_node_t *n =
        NEW(is_async ? ES_AST_ASYNCFUNCTIONDEF : ES_AST_FUNCTIONDEF, function_def, pos);
    advance(p);
    n->u.function_def.name = expect_name(p);
    n->u.function_def.decorator_list = decorators;
    expect(p, ES_TOK_LPAREN);
    enter(p);
    n->u.function_def.args = parse_arguments(p, ES_TOK_RPAREN, true);
    leave(p);
    expect(p, ES_TOK_RPAREN);
    if (accept(p, ES_TOK_ARROW)) {
        n->u.function_def.returns = parse_expression(p);
    }
    n->u.function_def.body = parse_scope_body(p, is_async ? SCOPE_ASYNC : SCOPE_FUNCTION);
    return n;
}

static NOINLINE es_ast_node_t *parse_class(parser_t *p, es_ast_seq_t decorators) {
    es_ast_node_t *n = NEW(ES_AST_CLASSDEF, class_def, here(p));
    advance(p);
    n->u.class_def.name = expect_name(p);
    n->u.class_def.decorator_list = decorators;
    if (accept(p, ES_TOK_LPAREN)) {
        vec_t bases = {0}, keywords = {0};
        enter(p);
        parse_call_args(p, &bases, &keywords, here(p));
        leave(p);
        n->u.class_def.bases = vec_finish(&bases);
        n->u.class_def.keywords = vec_finish(&keywords);
    }
    n->u.class_def.body = parse_scope_body(p, SCOPE_CLASS);
    return n;
}

static NOINLINE es_ast_node_t *parse_async(parser_t *p, es_ast_seq_t decorators) {
    pos_t pos = here(p);
    advance(p);
    switch (tok(p)) {
    case ES_TOK_KW_DEF: return parse_def(p, decorators, true, pos);
    case ES_TOK_KW_FOR:
        if (decorators.len == 0) {
            if (p->scope != SCOPE_ASYNC) {
                syntax_error(p, "'async for' outside async function");
            }
            return parse_for(p, true, pos);
        }
        break;
    case ES_TOK_KW_WITH:
        if (decorators.len == 0) {
            if (p->scope != SCOPE_ASYNC) {
                syntax_error(p, "'async with' outside async function");
            }
            return parse_with(p, true, pos);
        }
        break;
    default: break;
    }
    syntax_error(p, "invalid syntax");
}

static NOINLINE es_ast_node_t *parse_decorated(parser_t *p) {
    vec_t decorators = {0};
    while (accept(p, ES_TOK_AT)) {
        vec_push(&decorators, parse_named(p));
        expect(p, ES_TOK_NEWLINE);
    }
    es_ast_seq_t list = vec_finish(&decorators);
    switch (tok(p)) {
    case ES_TOK_KW_DEF: return parse_def(p, list, false, here(p));
    case ES_TOK_KW_CLASS: return parse_class(p, list);
    case ES_TOK_KW_ASYNC: return parse_async(p, list);
    default: syntax_error(p, "invalid syntax");
    }
}

static void parse_statement(parser_t *p, vec_t *out) {
    es_ast_seq_t none = {0, NULL};
    es_ast_node_t *n;
    enter_with(p, "too many statically nested blocks");
    switch (tok(p)) {
    case ES_TOK_KW_IF: n = parse_if(p); break;
    case ES_TOK_KW_WHILE: n = parse_while(p); break;
    case ES_TOK_KW_FOR: n = parse_for(p, false, here(p)); break;
    case ES_TOK_KW_TRY: n = parse_try(p); break;
    case ES_TOK_KW_WITH: n = parse_with(p, false, here(p)); break;
    case ES_TOK_KW_DEF: n = parse_def(p, none, false, here(p)); break;
    case ES_TOK_KW_CLASS: n = parse_class(p, none); break;
    case ES_TOK_KW_ASYNC: n = parse_async(p, none); break;
    case ES_TOK_AT: n = parse_decorated(p); break;
    case ES_TOK_INDENT: indentation_error(p, "unexpected indent");
    case ES_TOK_DEDENT: indentation_error(p, "unindent does not match any outer indentation level");
    default:
        parse_simple_statements(p, out);
        report_pending_await(p);
        leave(p);
        return;
    }
    vec_push(out, n);
    report_pending_await(p);
    leave(p);
}

/* ---- entry points ---- */

/* Parses the whole input; the only place a syntax error unwinds to. */
static es_ast_module_t *parse_module(parser_t *p, es_qstr_t filename) {
    jmp_buf fail;
    if (setjmp(fail)) {
        return NULL;
    }
    p->fail = &fail;
    advance(p);
    es_ast_module_t *m = es_alloc_scratch(sizeof(es_ast_module_t));
    m->mode = p->mode;
    m->filename = filename;
    if (p->mode == ES_PARSE_EVAL) {
        m->expr = parse_list(p, 0);
        report_pending_await(p);
        while (accept(p, ES_TOK_NEWLINE)) {
        }
        if (tok(p) != ES_TOK_ENDMARKER) {
            syntax_error(p, "invalid syntax");
        }
    } else {
        vec_t body = {0};
        while (tok(p) != ES_TOK_ENDMARKER) {
            if (!accept(p, ES_TOK_NEWLINE)) {
                parse_statement(p, &body);
            }
        }
        m->body = vec_finish(&body);
    }
    return m;
}

es_ast_module_t *es_parse(const char *src, size_t len, es_qstr_t filename, int mode,
                          es_parse_error_t *err) {
    memset(err, 0, sizeof(*err));
    if (mode == ES_PARSE_EVAL) {
        /* eval() ignores leading blanks rather than calling them an indent */
        while (len > 0 && (*src == ' ' || *src == '\t')) {
            src++;
            len--;
        }
    }
    char base;
    parser_t *p = es_alloc_scratch(sizeof(parser_t));
    chunk_owner = NULL;
    p->stack_base = &base;
    p->err = err;
    p->mode = (uint8_t)mode;
    es_lexer_init(&p->lx, src, len);
    es_ast_module_t *m = parse_module(p, filename);
    es_free(p);
    return m;
}

es_parser_t *es_parser_new_source(const es_source_t *src, int mode, es_parse_error_t *err) {
    memset(err, 0, sizeof(*err));
    parser_t *p = es_alloc_scratch(sizeof(parser_t));
    p->err = err;
    p->mode = (uint8_t)(mode == ES_PARSE_SINGLE ? ES_PARSE_SINGLE : ES_PARSE_EXEC);
    p->source = *src;
    es_lexer_init_source(&p->lx, &p->source);
    return p;
}

es_parser_t *es_parser_new(const char *src, size_t len, int mode, es_parse_error_t *err) {
    es_source_t source;
    memset(&source, 0, sizeof(source));
    source.text = src;
    source.len = len;
    return es_parser_new_source(&source, mode, err);
}

/* One step of es_parser_next under its own error handler; false on a syntax error. */
static bool parser_step(parser_t *p) {
    jmp_buf fail;
    if (setjmp(fail)) {
        p->fail = NULL;
        return false;
    }
    p->fail = &fail;
    if (!p->started) {
        p->started = true;
        advance(p);
    }
    while (accept(p, ES_TOK_NEWLINE)) {
    }
    if (tok(p) != ES_TOK_ENDMARKER) {
        vec_t statements = {0};
        parse_statement(p, &statements);
        p->pending_len = statements.len;
        p->pending = statements.items;
        p->pending_next = 0;
    }
    p->fail = NULL;
    return true;
}

es_ast_node_t *es_parser_next(es_parser_t *p) {
    char base;
    if (p->err->kind != ES_PARSE_OK) {
        return NULL;
    }
    if (p->pending_next == p->pending_len) {
        if (p->pending) {
            es_free(p->pending);
            p->pending = NULL;
        }
        reset_chunks(p);
        p->pending_len = p->pending_next = 0;
        p->stack_base = &base;
        chunk_owner = p;
        bool ok = parser_step(p);
        chunk_owner = NULL;
        p->stack_base = NULL;
        if (!ok || p->pending_len == 0) {
            return NULL;
        }
    }
    es_ast_node_t *n = p->pending[p->pending_next];
    p->pending[p->pending_next++] = NULL;
    return n;
}

void es_parser_free(es_parser_t *p) {
    if (p->pending) {
        es_free(p->pending);
    }
    free_chunks(p);
    if (p->lx.indents != NULL) {
        es_free(p->lx.indents);
    }
    if (p->lx.source != NULL) {
        es_free((void *)p->lx.buf);
    }
    es_free(p);
}

/* Does the text open with a compound statement (which the REPL ends with a blank line)? */
static bool starts_compound(const char *src, size_t len) {
    es_lexer_t *lx = es_alloc_scratch(sizeof(*lx));
    es_lexer_init(lx, src, len);
    es_lexer_next(lx);
    es_tok_kind_t t = lx->tok;
    es_free(lx);
    switch (t) {
    case ES_TOK_KW_IF:
    case ES_TOK_KW_WHILE:
    case ES_TOK_KW_FOR:
    case ES_TOK_KW_TRY:
    case ES_TOK_KW_WITH:
    case ES_TOK_KW_DEF:
    case ES_TOK_KW_CLASS:
    case ES_TOK_KW_ASYNC:
    case ES_TOK_AT: return true;
    default: return false;
    }
}

/* Is the last line of the text empty or blank? */
static bool ends_with_blank_line(const char *src, size_t len) {
    size_t end = len;
    if (end > 0 && src[end - 1] == '\n') {
        end--;
    }
    size_t i = end;
    while (i > 0 && src[i - 1] != '\n') {
        i--;
    }
    for (size_t k = i; k < end; k++) {
        if (src[k] != ' ' && src[k] != '\t' && src[k] != '\r') {
            return false;
        }
    }
    return true;
}

bool es_parse_is_incomplete(const char *src, size_t len) {
    es_parse_error_t err;
    if (es_parse(src, len, 0, ES_PARSE_SINGLE, &err) == NULL) {
        /* an open bracket or string always continues; a block ends at a blank line */
        return err.incomplete && !(err.incomplete_block && ends_with_blank_line(src, len));
    }
    return starts_compound(src, len) && !ends_with_blank_line(src, len);
}
