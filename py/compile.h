/* compile.h: abstract syntax tree to code objects. */
#pragma once

#include "py/ast.h"
#include "py/bc.h"
#include "py/source.h"

/* Options of es_compile. */
#define ES_COMPILE_PORTABLE (0x01) /* code to freeze (tools/makefrozen.py): every qstr operand
                                      in two bytes, small ints only when they fit 30 bits */

/*
** Compiles a whole parsed module (any mode) into the code object of a function of no
** arguments. src, when given, supplies the text line shown in SyntaxError.
** Raises SyntaxError for what the parser lets through ('return' outside function...).
*/
const es_code_t *es_compile(const es_ast_module_t *mod, es_source_t *src, unsigned opts);

/*
** The same for a module (mode exec or single) given one top-level statement at a time, each
** compiled when added, so its tree may be dropped at once (es_parser_next's statements):
**     es_compiler_t *comp = es_compiler_new(filename, src, opts);
**     for each statement: es_compiler_add(comp, stmt);
**     code = es_compiler_finish(comp);
** src serves SyntaxError's text only (it must outlive the compiler). An exception from add leaves nothing to free.
*/
typedef struct es_compiler es_compiler_t;
es_compiler_t *es_compiler_new(es_qstr_t filename, es_source_t *src, unsigned opts);
void es_compiler_add(es_compiler_t *comp, const es_ast_node_t *stmt);
const es_code_t *es_compiler_finish(es_compiler_t *comp);

/* Raises SyntaxError(msg, (filename, line, col, text)) as CPython shapes it. */
_Noreturn void es_raise_syntax_error(const es_type_t *type, const char *msg, es_qstr_t filename, size_t line,
                                     size_t col, es_source_t *src);
