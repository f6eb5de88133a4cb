/* exec.h: from source text to running code: what the REPL, import, exec() and eval() use. */
#pragma once

#include "py/map.h"
#include "py/obj.h"
#include "py/source.h"

typedef enum {
    ES_INPUT_FILE,   /* a module or script: statements */
    ES_INPUT_SINGLE, /* one interactive statement: expression values are printed */
    ES_INPUT_EVAL,   /* one expression: its value is returned */
} es_input_kind_t;

/* Parses and compiles source into a function of no arguments whose globals are `globals`.
** Raises SyntaxError/IndentationError (with filename and line) on bad source. */
es_obj_t es_compile_source(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind,
                           es_obj_dict_t *globals);

/* Parses and compiles source into a code object with es_compile's options (ES_COMPILE_*). */
struct es_code_t;
const struct es_code_t *es_compile_to_code_opts(const char *src, size_t len, es_qstr_t filename,
                                                es_input_kind_t kind, unsigned opts);

/* Parses and compiles a source (py/source.h): in memory, or read in chunks so that only a
** small window of the text is ever in the heap. Closes the source when done, also on error. */
const struct es_code_t *es_compile_source_code(es_source_t *src, es_qstr_t filename, es_input_kind_t kind,
                                               unsigned opts);

/* Compiles the file at path as a module, read in chunks (es_port_open_source), into a function
** of no arguments over `globals`; ES_OBJ_NULL when the file cannot be opened. */
es_obj_t es_compile_file(const char *path, es_qstr_t filename, es_obj_dict_t *globals);

/* Compiles and runs source with the given globals and locals (locals may equal globals).
** Returns the expression's value for ES_INPUT_EVAL, None otherwise. */
es_obj_t es_exec_source(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind,
                        es_obj_dict_t *globals, es_obj_dict_t *locals);

/* The same from a source (py/source.h), closed when compiled: a file is read in chunks. */
es_obj_t es_exec_from(es_source_t *src, es_qstr_t filename, es_input_kind_t kind, es_obj_dict_t *globals,
                      es_obj_dict_t *locals);

/* Runs a function of no arguments made by es_compile_source (or from frozen code) with
** `locals` as the dict its name operations use (NULL: its globals); returns its result. */
es_obj_t es_exec_function(es_obj_t fun, es_obj_dict_t *locals);
