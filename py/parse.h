/* parse.h: source text to abstract syntax tree (see ast.h). */
#ifndef ES_PARSE_H
#define ES_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include "py/ast.h"

typedef enum {
    ES_PARSE_OK = 0,
    ES_PARSE_SYNTAX_ERROR,      /* raise SyntaxError */
    ES_PARSE_INDENTATION_ERROR, /* raise IndentationError (a subclass of SyntaxError) */
} es_parse_error_kind_t;

typedef struct {
    es_parse_error_kind_t kind;
    const char *message; /* static string, e.g. "invalid syntax" */
    uint32_t line;       /* 1-based */
    uint32_t col;        /* 1-based byte offset in the line, as CPython's offset */
    /* true when the error is only that the input ended too early: an open bracket,
       an unterminated triple-quoted string, a compound statement without its block,
       a trailing backslash.  The REPL asks for a continuation line then. */
    bool incomplete;
    /* with incomplete: the input ended inside a compound statement (not inside a bracket or
       string), so an empty line ends the statement instead of continuing it */
    bool incomplete_block;
} es_parse_error_t;

/*
 * Parses len bytes of src in the given es_parse_mode_t.  Returns the tree (GC heap)
 * or NULL with *err filled in.  Never recurses without bound: nesting deeper than
 * ES_PARSE_MAX_DEPTH brackets/blocks/operators is a SyntaxError.
 * May raise MemoryError through es_alloc.
 */
es_ast_module_t *es_parse(const char *src, size_t len, es_qstr_t filename, int mode,
                          es_parse_error_t *err);

/*
 * Statement at a time, so a compiler can translate and drop each top-level statement
 * before the next is parsed (the whole tree of a long file need not fit in the heap):
 *     es_parser_t *ps = es_parser_new(src, len, ES_PARSE_EXEC, &err);
 *     while ((stmt = es_parser_next(ps)) != NULL) { compile stmt }
 *     if (err.kind != ES_PARSE_OK) { raise }
 *     es_parser_free(ps);
 * Modes exec and single only; src must stay alive until es_parser_free.  Expression
 * statements are marked for printing in single mode, as with es_parse.
 */
typedef struct es_parser es_parser_t;
es_parser_t *es_parser_new(const char *src, size_t len, int mode, es_parse_error_t *err);
/* The same from a source (py/source.h), which may be read in chunks: the parser keeps a copy of
 * the es_source_t and only a small window of the text; es_parser_free does not close it. */
struct es_source_t;
es_parser_t *es_parser_new_source(const struct es_source_t *src, int mode, es_parse_error_t *err);
/* The next top-level statement, or NULL at the end of input or after an error (err->kind). */
es_ast_node_t *es_parser_next(es_parser_t *p);
void es_parser_free(es_parser_t *p);

/* Convenience for the REPL: true when src (mode single) needs another line. */
bool es_parse_is_incomplete(const char *src, size_t len);

#define ES_PARSE_MAX_DEPTH 100

#endif
