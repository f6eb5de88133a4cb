/* compile.h: abstract syntax tree to code objects. */
#pragma once

#include "py/ast.h"
#include "py/bc.h"

/* Options of es_compile. */
#define ES_COMPILE_PORTABLE (0x01) /* code to freeze (tools/makefrozen.py): every qstr operand
                                      in two bytes, small ints only when they fit 30 bits */

/*
** Compiles a whole parsed module (any mode) into the code object of a function of no
** arguments. src/len, when given, supply the text line shown in SyntaxError.
** Raises SyntaxError for what the parser lets through ('return' outside function...).
*/
const es_code_t *es_compile(const es_ast_module_t *mod, const char *src, size_t len, unsigned opts);

/* Raises SyntaxError(msg, (filename, line, col, text)) as CPython shapes it. */
_Noreturn void es_raise_syntax_error(const es_type_t *type, const char *msg, es_qstr_t filename, size_t line,
                                     size_t col, const char *src, size_t len);
