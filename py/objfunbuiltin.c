/* objfunbuiltin.c: calling C functions from Python: argument counts checked, keywords passed as a map. */

#include "py/runtime.h"

static es_obj_t fun_builtin_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args) {
    const es_obj_fun_builtin_t *f = es_obj_to_ptr(self);
    if (n_kw != 0 && f->kind != ES_FUN_KW) {
        es_raise_msg_varg(&es_type_TypeError, "%q() takes no keyword arguments", (es_qstr_t)f->name);
    }
    switch (f->kind) {
        case ES_FUN_0:
        case ES_FUN_1:
        case ES_FUN_2:
        case ES_FUN_3:
            if (n_args != f->n_args_min) {
                /* The wording CPython uses for its own built-in functions. */
                if (f->n_args_min == 0) {
                    es_raise_msg_varg(&es_type_TypeError, "%q() takes no arguments (%u given)", (es_qstr_t)f->name,
                                      (unsigned)n_args);
                } else if (f->n_args_min == 1) {
                    es_raise_msg_varg(&es_type_TypeError, "%q() takes exactly one argument (%u given)",
                                      (es_qstr_t)f->name, (unsigned)n_args);
                }
                es_raise_msg_varg(&es_type_TypeError, "%q expected %u arguments, got %u", (es_qstr_t)f->name,
                                  (unsigned)f->n_args_min, (unsigned)n_args);
            }
            break;
        default:
            if (n_args < f->n_args_min) {
                es_raise_msg_varg(&es_type_TypeError, "%q expected at least %u argument%s, got %u", (es_qstr_t)f->name,
                                  (unsigned)f->n_args_min, f->n_args_min == 1 ? "" : "s", (unsigned)n_args);
            }
            if (n_args > f->n_args_max) {
                es_raise_msg_varg(&es_type_TypeError, "%q expected at most %u argument%s, got %u", (es_qstr_t)f->name,
                                  (unsigned)f->n_args_max, f->n_args_max == 1 ? "" : "s", (unsigned)n_args);
            }
            break;
    }
    switch (f->kind) {
        case ES_FUN_0:
            return f->fun.f0();
        case ES_FUN_1:
            return f->fun.f1(args[0]);
        case ES_FUN_2:
            return f->fun.f2(args[0], args[1]);
        case ES_FUN_3:
            return f->fun.f3(args[0], args[1], args[2]);
        case ES_FUN_VAR:
            return f->fun.var(n_args, args);
        default: {
            /* The (key, value) pairs after the positionals already have the layout of map
            ** entries: a read-only map over them costs no allocation. */
            es_map_t kw_map;
            es_map_init_fixed_table(&kw_map, n_kw, (const es_map_elem_t *)(args + n_args));
            return f->fun.kw(n_args, args, &kw_map);
        }
    }
}

static void fun_builtin_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_obj_fun_builtin_t *f = es_obj_to_ptr(self);
    es_printf(print, "<built-in function %q>", (es_qstr_t)f->name);
}

static void fun_builtin_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] == ES_OBJ_NULL && (attr == ES_Q___name__ || attr == ES_Q___qualname__)) {
        dest[0] = es_obj_new_qstr(((const es_obj_fun_builtin_t *)es_obj_to_ptr(self))->name);
    }
}

const es_type_t es_type_builtin_function = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_builtin_function_or_method,
    .print = fun_builtin_print,
    .call = fun_builtin_call,
    .attr = fun_builtin_attr,
};
