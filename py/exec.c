/* exec.c: source text to a running module: parse, compile, run with given globals and locals. */

#include "py/compile.h"
#include "py/exec.h"
#include "py/parse.h"
#include "py/portio.h"
#include "py/runtime.h"

const es_code_t *es_compile_to_code(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind);

const es_code_t *es_compile_to_code(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind) {
    return es_compile_to_code_opts(src, len, filename, kind, 0);
}

_Noreturn static void raise_parse_error(const es_parse_error_t *err, es_qstr_t filename, es_source_t *src) {
    es_raise_syntax_error(err->kind == ES_PARSE_INDENTATION_ERROR ? &es_type_IndentationError : &es_type_SyntaxError,
                          err->message, filename, err->line, err->col, src);
}

/*
** Statements are parsed and compiled one at a time, so only one statement's tree is in the
** heap at once: a long module compiles in a small heap. CPython parses everything before it
** compiles, so when compiling fails the rest is still parsed: a syntax error further on wins.
*/
static const es_code_t *compile_statements(es_source_t *src, es_qstr_t filename, int mode, unsigned opts) {
    es_parse_error_t err;
    es_parser_t *parser = es_parser_new_source(src, mode, &err);
    es_compiler_t *comp = es_compiler_new(filename, src, opts);
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
                raise_parse_error(&err, filename, src);
            }
        }
        es_nlr_jump(nlr.ret_val);
    }
    if (err.kind != ES_PARSE_OK) {
        raise_parse_error(&err, filename, src);
    }
    es_parser_free(parser);
    return es_compiler_finish(comp);
}

/* Single statements and expressions come whole (the REPL, eval()); a reader's text is gathered. */
static const es_code_t *compile_whole(es_source_t *src, es_qstr_t filename, es_input_kind_t kind, unsigned opts) {
    es_vstr_t gathered;
    const char *text = src->text;
    size_t len = src->len;
    if (src->read != NULL) {
        es_vstr_init(&gathered, 128);
        for (size_t n = 1; n > 0;) {
            char *dest = es_vstr_extend(&gathered, 128);
            n = src->read(src, dest, 128);
            es_vstr_cut_tail_bytes(&gathered, 128 - n);
        }
        text = gathered.buf;
        len = gathered.len;
    }
    es_source_t whole;
    es_source_from_memory(&whole, text, len);
    es_parse_error_t err;
    es_ast_module_t *mod = es_parse(text, len, filename, kind == ES_INPUT_SINGLE ? ES_PARSE_SINGLE : ES_PARSE_EVAL, &err);
    if (mod == NULL) {
        raise_parse_error(&err, filename, &whole);
    }
    const es_code_t *code = es_compile(mod, &whole, opts);
    if (src->read != NULL) {
        es_vstr_clear(&gathered);
    }
    return code;
}

const es_code_t *es_compile_source_code(es_source_t *src, es_qstr_t filename, es_input_kind_t kind, unsigned opts) {
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        const es_code_t *code = kind == ES_INPUT_FILE ? compile_statements(src, filename, ES_PARSE_EXEC, opts)
                                                      : compile_whole(src, filename, kind, opts);
        es_nlr_pop();
        es_source_close(src);
        return code;
    }
    es_source_close(src);
    es_nlr_jump(nlr.ret_val);
}

const es_code_t *es_compile_to_code_opts(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind,
                                         unsigned opts) {
    es_source_t source;
    es_source_from_memory(&source, src, len);
    return es_compile_source_code(&source, filename, kind, opts);
}

es_obj_t es_compile_file(const char *path, es_qstr_t filename, es_obj_dict_t *globals) {
    es_source_t source;
    if (!es_port_open_source(path, &source)) {
        return ES_OBJ_NULL;
    }
    const es_code_t *code = es_compile_source_code(&source, filename, ES_INPUT_FILE, 0);
    return es_obj_new_function(code, globals, ES_OBJ_NULL, ES_OBJ_NULL, ES_OBJ_NULL);
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

es_obj_t es_exec_from(es_source_t *src, es_qstr_t filename, es_input_kind_t kind, es_obj_dict_t *globals,
                      es_obj_dict_t *locals) {
    const es_code_t *code = es_compile_source_code(src, filename, kind, 0);
    es_obj_t fun = es_obj_new_function(code, globals, ES_OBJ_NULL, ES_OBJ_NULL, ES_OBJ_NULL);
    es_obj_t r = es_exec_function(fun, locals);
    return kind == ES_INPUT_EVAL ? r : ES_OBJ_NONE;
}

es_obj_t es_exec_source(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind, es_obj_dict_t *globals,
                        es_obj_dict_t *locals) {
    es_source_t source;
    es_source_from_memory(&source, src, len);
    return es_exec_from(&source, filename, kind, globals, locals);
}
