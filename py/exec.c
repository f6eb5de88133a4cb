/* exec.c: source text to a running module: parse, compile, run with given globals and locals. */

#include "py/compile.h"
#include "py/exec.h"
#include "py/parse.h"
#include "py/runtime.h"

const es_code_t *es_compile_to_code(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind);

const es_code_t *es_compile_to_code(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind) {
    return es_compile_to_code_opts(src, len, filename, kind, 0);
}

const es_code_t *es_compile_to_code_opts(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind,
                                         unsigned opts) {
    static const uint8_t modes[] = {[ES_INPUT_FILE] = ES_PARSE_EXEC, [ES_INPUT_SINGLE] = ES_PARSE_SINGLE,
                                    [ES_INPUT_EVAL] = ES_PARSE_EVAL};
    es_parse_error_t err;
    es_ast_module_t *mod = es_parse(src, len, filename, modes[kind], &err);
    if (mod == NULL) {
        es_raise_syntax_error(err.kind == ES_PARSE_INDENTATION_ERROR ? &es_type_IndentationError : &es_type_SyntaxError,
                              err.message, filename, err.line, err.col, src, len);
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
