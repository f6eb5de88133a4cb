/* builtinevalexec.c: the compile(), exec() and eval() builtins. */

#include <string.h>

#include "py/bc.h"
#include "py/exec.h"
#include "py/runtime.h"

const es_code_t *es_compile_to_code(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind);
es_obj_t es_exec_function(es_obj_t fun, es_obj_dict_t *locals);

static const char *source_text(es_obj_t src, size_t *len, bool strip_indent) {
    if (!es_obj_is_str_or_bytes(src)) {
        es_raise_msg(&es_type_TypeError, "source must be a string, bytes or code object");
    }
    const char *s = es_obj_str_get_data(src, len);
    if (strip_indent) {
        while (*len > 0 && (*s == ' ' || *s == '\t')) {
            s++;
            (*len)--;
        }
    }
    return s;
}

static es_obj_t builtin_compile(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    ES_UNUSED(kw_args);
    if (n_args < 3) {
        es_raise_msg(&es_type_TypeError, "compile() missing required argument");
    }
    const char *mode = es_obj_str_get_str(args[2]);
    es_input_kind_t kind;
    if (strcmp(mode, "exec") == 0) {
        kind = ES_INPUT_FILE;
    } else if (strcmp(mode, "eval") == 0) {
        kind = ES_INPUT_EVAL;
    } else if (strcmp(mode, "single") == 0) {
        kind = ES_INPUT_SINGLE;
    } else {
        es_raise_msg(&es_type_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    }
    size_t len;
    const char *src = source_text(args[0], &len, kind == ES_INPUT_EVAL);
    return es_obj_from_ptr(es_compile_to_code(src, len, es_obj_str_get_qstr(args[1]), kind));
}
ES_DEFINE_FUN_KW(es_builtin_compile_obj, ES_Q_compile, 1, builtin_compile);

static es_obj_dict_t *dict_arg(es_obj_t o, const char *what) {
    if (o == ES_OBJ_NONE) {
        return NULL;
    }
    if (!es_obj_is_type(o, &es_type_dict)) {
        es_raise_msg_varg(&es_type_TypeError, "%s must be a dict, not %s", what, es_obj_type_name(o));
    }
    return es_obj_to_ptr(o);
}

static es_obj_t eval_or_exec(size_t n_args, const es_obj_t *args, es_input_kind_t kind) {
    es_obj_dict_t *globals = n_args > 1 ? dict_arg(args[1], "globals") : NULL;
    es_obj_dict_t *locals = n_args > 2 ? dict_arg(args[2], "locals") : NULL;
    if (globals == NULL) {
        globals = es_globals_get();
        if (locals == NULL) {
            locals = es_locals_get();
        }
    }
    if (locals == NULL) {
        locals = globals;
    }
    const es_code_t *code;
    if (es_obj_is_type(args[0], &es_type_code)) {
        code = es_obj_to_ptr(args[0]);
        if (code->n_free > 0 || code->n_pos > 0 || code->n_kwonly > 0) {
            es_raise_msg(&es_type_TypeError, "code object passed to exec() may not contain free variables or parameters");
        }
    } else {
        size_t len;
        const char *src = source_text(args[0], &len, kind == ES_INPUT_EVAL);
        code = es_compile_to_code(src, len, ES_Q__S_string, kind);
    }
    es_obj_t fun = es_obj_new_function(code, globals, ES_OBJ_NULL, ES_OBJ_NULL, ES_OBJ_NULL);
    return es_exec_function(fun, locals);
}

static es_obj_t builtin_eval(size_t n_args, const es_obj_t *args) { return eval_or_exec(n_args, args, ES_INPUT_EVAL); }
ES_DEFINE_FUN_VAR(es_builtin_eval_obj, ES_Q_eval, 1, 3, builtin_eval);

static es_obj_t builtin_exec(size_t n_args, const es_obj_t *args) {
    eval_or_exec(n_args, args, ES_INPUT_FILE);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_VAR(es_builtin_exec_obj, ES_Q_exec, 1, 3, builtin_exec);
