/* exec.c: source text to a running module: parse, compile, run with given globals and locals. */

#include "py/compile.h"
#include "py/exec.h"
#include "py/parse.h"
#include "py/runtime.h"

const es_code_t *es_compile_to_code(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind);

const es_code_t *es_compile_to_code(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind) {
    return es_compile_to_code_opts(src, len, filename, kind, 0);
}

_Noreturn static void raise_parse_error(const es_parse_error_t *err, es_qstr_t filename, const char *src, size_t len) {
    es_raise_syntax_error(err->kind == ES_PARSE_INDENTATION_ERROR ? &es_type_IndentationError : &es_type_SyntaxError,
                          err->message, filename, err->line, err->col, src, len);
}

/*
** Statements are parsed and compiled one at a time, so only one statement's tree is in the
** heap at once: a long module compiles in a small heap. CPython parses everything before it
** compiles, so when compiling fails the rest is still parsed: a syntax error further on wins.
*/
static const es_code_t *compile_statements(const char *src, size_t len, es_qstr_t filename, int mode,
                                           unsigned opts) {
    es_parse_error_t err;
    es_parser_t *parser = es_parser_new(src, len, mode, &err);
    es_compiler_t *comp = es_compiler_new(filename, src, len, opts);
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        for (es_ast_node_t *stmt; (stmt = es_parser_next(parser)) != NULL;) {
            es_compiler_add(comp, stmt);
        }
        es_nlr_pop();
    } else {
        if (es_obj_exception_match(nlr.ret_val, &es_type_SyntaxError)) {
            while (es_parser_next(parser) != NULL) {
            }
            if (err.kind != ES_PARSE_OK) {
                raise_parse_error(&err, filename, src, len);
            }
        }
        es_nlr_jump(nlr.ret_val);
    }
    if (err.kind != ES_PARSE_OK) {
        raise_parse_error(&err, filename, src, len);
    }
    es_parser_free(parser);
    return es_compiler_finish(comp);
}

const es_code_t *es_compile_to_code_opts(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind,
                                         unsigned opts) {
    if (kind == ES_INPUT_FILE) {
        return compile_statements(src, len, filename, ES_PARSE_EXEC, opts);
    }
    es_parse_error_t err;
    es_ast_module_t *mod = es_parse(src, len, filename, kind == ES_INPUT_SINGLE ? ES_PARSE_SINGLE : ES_PARSE_EVAL, &err);
    if (mod == NULL) {
        raise_parse_error(&err, filename, src, len);
    }
    return es_compile(mod, src, len, opts);
}

es_obj_t es_compile_source(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind, es_obj_dict_t *globals) {
    const es_code_t *code = es_compile_to_code(src, len, filename, kind);
    return es_obj_new_function(code, globals, ES_OBJ_NULL, ES_OBJ_NULL, ES_OBJ_NULL);
}

es_obj_t es_exec_function(es_obj_t fun, es_obj_dict_t *locals) {
    es_obj_dict_t *old_globals = es_globals_get();
    es_obj_dict_t *old_locals = es_locals_get();
    es_locals_set(locals != NULL ? locals : ((es_obj_fun_t *)es_obj_to_ptr(fun))->globals);
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_t r = es_fun_call(fun, 0, 0, NULL);
        es_nlr_pop();
        es_globals_set(old_globals);
        es_locals_set(old_locals);
        return r;
    }
    es_globals_set(old_globals);
    es_locals_set(old_locals);
    es_nlr_jump(nlr.ret_val);
}

es_obj_t es_exec_source(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind, es_obj_dict_t *globals,
                        es_obj_dict_t *locals) {
    es_obj_t fun = es_compile_source(src, len, filename, kind, globals);
    es_obj_t r = es_exec_function(fun, locals);
    return kind == ES_INPUT_EVAL ? r : ES_OBJ_NONE;
}
