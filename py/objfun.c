/* objfun.c: Python function objects, code objects, argument binding and the call of a function. */

#include <string.h>

#include "py/bc.h"
#include "py/runtime.h"

es_obj_t es_obj_new_function(const es_code_t *code, es_obj_dict_t *globals, es_obj_t defaults, es_obj_t kwdefaults,
                             es_obj_t closure) {
    bool has_extra = defaults != ES_OBJ_NULL || kwdefaults != ES_OBJ_NULL || closure != ES_OBJ_NULL;
    /* The extra part, when needed now, shares the function's allocation: one block to make and free. */
    es_obj_fun_t *f = es_alloc(sizeof(es_obj_fun_t) + (has_extra ? sizeof(es_fun_extra_t) : 0));
    f->base.type = &es_type_function;
    f->code = code;
    f->globals = globals;
    if (has_extra) {
        f->extra = (es_fun_extra_t *)(f + 1);
        f->extra->defaults = defaults;
        f->extra->kwdefaults = kwdefaults;
        f->extra->closure = closure;
    }
    return es_obj_from_ptr(f);
}

/* ---- argument binding ------------------------------------------------------------------ */

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" as CPython lists missing arguments. */
static void list_names(es_vstr_t *v, const es_qstr_t *names, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            es_vstr_add_str(v, n == 2 ? " and " : i + 1 == n ? ", and " : ", ");
        }
        es_vstr_printf(v, "'%q'", names[i]);
    }
}

_Noreturn static void raise_missing(const es_code_t *code, const es_obj_t *slots, size_t from, size_t to, const char *kind) {
    es_qstr_t missing[8];
    size_t n = 0;
    for (size_t i = from; i < to && n < ES_ARRAY_SIZE(missing); i++) {
        if (slots[i] == ES_OBJ_NULL) {
            missing[n++] = es_code_slot_names(code)[i];
        }
    }
    es_vstr_t v;
    es_vstr_init(&v, 64);
    es_vstr_printf(&v, "%q() missing %u required %s argument%s: ", (es_qstr_t)code->qualname, (unsigned)n, kind,
                   n == 1 ? "" : "s");
    list_names(&v, missing, n);
    es_raise_msg(&es_type_TypeError, es_vstr_null_terminated_str(&v));
}

_Noreturn static void raise_too_many(const es_obj_fun_t *fun, size_t n_args, size_t n_kwonly_given) {
    const es_code_t *code = fun->code;
    es_obj_t defaults = es_fun_defaults(fun);
    size_t n_def = defaults != ES_OBJ_NULL ? ((es_obj_tuple_t *)es_obj_to_ptr(defaults))->len : 0;
    es_vstr_t v;
    es_vstr_init(&v, 64);
    es_vstr_printf(&v, "%q() takes ", (es_qstr_t)code->qualname);
    if (n_def > 0) {
        es_vstr_printf(&v, "from %u to %u", (unsigned)(code->n_pos - n_def), (unsigned)code->n_pos);
    } else {
        es_vstr_printf(&v, "%u", (unsigned)code->n_pos);
    }
    es_vstr_printf(&v, " positional argument%s but %u", code->n_pos == 1 && n_def == 0 ? "" : "s", (unsigned)n_args);
    if (n_kwonly_given > 0) {
        es_vstr_printf(&v, " positional argument%s (and %u keyword-only argument%s) were given", n_args == 1 ? "" : "s",
                       (unsigned)n_kwonly_given, n_kwonly_given == 1 ? "" : "s");
    } else {
        es_vstr_printf(&v, " %s given", n_args == 1 ? "was" : "were");
    }
    es_raise_msg(&es_type_TypeError, es_vstr_null_terminated_str(&v));
}

void es_fun_bind_args(const es_obj_fun_t *fun, es_frame_t *frame, size_t n_args, size_t n_kw, const es_obj_t *args) {
    const es_code_t *code = fun->code;
    es_obj_t *slots = frame->slots;
    size_t n_pos = code->n_pos;
    /* Only the locals: the collector never looks above the frame's sp (py/vm.c). */
    memset(slots, 0, sizeof(es_obj_t) * code->n_slots);

    if (n_kw == 0 && n_args == n_pos && !(code->flags & (ES_CODE_FLAG_VARARGS | ES_CODE_FLAG_VARKW)) && code->n_kwonly == 0) {
        for (size_t i = 0; i < n_args; i++) {
            slots[i] = args[i];
        }
    } else {
        const es_code_qstr_t *slot_names = es_code_slot_names(code);
        size_t n_kwonly = code->n_kwonly;
        size_t extra = n_pos + n_kwonly;
        size_t n_take = n_args < n_pos ? n_args : n_pos;
        for (size_t i = 0; i < n_take; i++) {
            slots[i] = args[i];
        }
        if (code->flags & ES_CODE_FLAG_VARARGS) {
            slots[extra++] = n_args > n_pos ? es_obj_new_tuple(n_args - n_pos, args + n_pos) : ES_OBJ_EMPTY_TUPLE;
        }
        es_obj_t kwdict = ES_OBJ_NULL;
        if (code->flags & ES_CODE_FLAG_VARKW) {
            kwdict = es_obj_new_dict(n_kw);
            slots[extra] = kwdict;
        }
        size_t n_kwonly_given = 0;
        for (size_t k = 0; k < n_kw; k++) {
            es_obj_t key = args[n_args + 2 * k];
            es_obj_t value = args[n_args + 2 * k + 1];
            es_qstr_t q = es_obj_str_get_qstr(key);
            size_t j;
            for (j = code->n_posonly; j < n_pos + n_kwonly; j++) {
                if (slot_names[j] == q) {
                    break;
                }
            }
            if (j < n_pos + n_kwonly) {
                if (slots[j] != ES_OBJ_NULL) {
                    es_raise_msg_varg(&es_type_TypeError, "%q() got multiple values for argument '%q'",
                                      (es_qstr_t)code->qualname, q);
                }
                slots[j] = value;
                n_kwonly_given += j >= n_pos;
            } else if (kwdict != ES_OBJ_NULL) {
                es_obj_dict_store(kwdict, key, value);
            } else {
                for (j = 0; j < code->n_posonly; j++) {
                    if (slot_names[j] == q) {
                        es_raise_msg_varg(&es_type_TypeError,
                                          "%q() got some positional-only arguments passed as keyword arguments: '%q'",
                                          (es_qstr_t)code->qualname, q);
                    }
                }
                es_raise_msg_varg(&es_type_TypeError, "%q() got an unexpected keyword argument '%q'",
                                  (es_qstr_t)code->qualname, q);
            }
        }
        if (n_args > n_pos && !(code->flags & ES_CODE_FLAG_VARARGS)) {
            raise_too_many(fun, n_args, n_kwonly_given);
        }
        if (n_take < n_pos) {
            size_t n_def = 0;
            const es_obj_t *defs = NULL;
            es_obj_t defaults = es_fun_defaults(fun);
            if (defaults != ES_OBJ_NULL) {
                es_obj_tuple_t *t = es_obj_to_ptr(defaults);
                n_def = t->len;
                defs = t->items;
            }
            bool missing = false;
            for (size_t i = n_take; i < n_pos; i++) {
                if (slots[i] == ES_OBJ_NULL) {
                    if (i + n_def >= n_pos) {
                        slots[i] = defs[i + n_def - n_pos];
                    } else {
                        missing = true;
                    }
                }
            }
            if (missing) {
                raise_missing(code, slots, 0, n_pos, "positional");
            }
        }
        if (n_kwonly > 0) {
            bool missing = false;
            for (size_t i = n_pos; i < n_pos + n_kwonly; i++) {
                if (slots[i] == ES_OBJ_NULL) {
                    es_obj_t d = ES_OBJ_NULL;
                    es_obj_t kwdefaults = es_fun_kwdefaults(fun);
                    if (kwdefaults != ES_OBJ_NULL) {
                        d = es_obj_dict_get(kwdefaults, es_obj_new_qstr(slot_names[i]));
                    }
                    if (d == ES_OBJ_NULL) {
                        missing = true;
                    }
                    slots[i] = d;
                }
            }
            if (missing) {
                raise_missing(code, slots, n_pos, n_pos + n_kwonly, "keyword-only");
            }
        }
    }

    if (code->n_cells > 0) {
        const uint16_t *cell_slots = es_code_cell_slots(code);
        for (size_t i = 0; i < code->n_cells; i++) {
            uint16_t s = cell_slots[i];
            slots[s] = es_obj_new_cell(slots[s]);
        }
    }
    if (code->n_free > 0) {
        es_obj_tuple_t *closure = es_obj_to_ptr(fun->extra->closure);
        memcpy(slots + code->n_slots - code->n_free, closure->items, sizeof(es_obj_t) * code->n_free);
    }
}

/* ---- calling ------------------------------------------------------------------------ */

/* Frames bigger than this many words go to the heap so that one call cannot eat the C stack. */
#define MAX_STACK_FRAME_WORDS (200)

es_obj_t es_fun_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_stack_check();
    const es_obj_fun_t *fun = es_obj_to_ptr(self);
    const es_code_t *code = fun->code;
    if (code->flags & (ES_CODE_FLAG_GENERATOR | ES_CODE_FLAG_COROUTINE)) {
        return es_obj_new_generator(fun, n_args, n_kw, args);
    }
    size_t n_words = sizeof(es_frame_t) / sizeof(es_obj_t) + es_frame_words(code);
    es_obj_t small[n_words <= MAX_STACK_FRAME_WORDS ? n_words : 1];
    es_frame_t *frame;
    if (n_words <= MAX_STACK_FRAME_WORDS) {
        frame = (es_frame_t *)small;
        /* Until the frame runs, the collector sees its value stack only as C stack, where
        ** words an earlier call left would look like live references. */
        memset(frame->slots + code->n_slots, 0, sizeof(es_obj_t) * code->stack_size);
    } else {
        frame = es_alloc(n_words * sizeof(es_obj_t));
    }
    frame->code = code;
    frame->globals = fun->globals;
    frame->caller = NULL;
    frame->ip = es_code_bytecode(code);
    frame->sp = frame->slots + code->n_slots - 1;
    es_fun_bind_args(fun, frame, n_args, n_kw, args);
    es_obj_dict_t *old_globals = es_globals_get();
    es_obj_t result;
    es_vm_return_t r = es_vm_execute(frame, ES_OBJ_NULL, &result);
    es_globals_set(old_globals);
    if (r != ES_VM_RETURN) {
        es_nlr_jump(result);
    }
    return result;
}

/* ---- the function type ----------------------------------------------------------------- */

static void fun_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_obj_fun_t *f = es_obj_to_ptr(self);
    es_printf(print, "<function %q at %p>", (es_qstr_t)f->code->qualname, (void *)f);
}

/* The function's attribute dict, made (with the extra part) on first need. */
static es_obj_t fun_attrs(es_obj_fun_t *f) {
    if (f->extra == NULL) {
        f->extra = es_new(es_fun_extra_t);
    }
    if (f->extra->attrs == ES_OBJ_NULL) {
        f->extra->attrs = es_obj_new_dict(0);
    }
    return f->extra->attrs;
}

static void fun_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    es_obj_fun_t *f = es_obj_to_ptr(self);
    es_obj_t key = es_obj_new_qstr(attr);
    if (dest[0] == ES_OBJ_SENTINEL) {
        /* store or delete a user attribute */
        if (dest[1] != ES_OBJ_NULL) {
            es_obj_dict_store(fun_attrs(f), key, dest[1]);
            dest[0] = ES_OBJ_NULL;
        } else if (f->extra != NULL && f->extra->attrs != ES_OBJ_NULL &&
                   es_map_lookup(es_obj_dict_get_map(f->extra->attrs), key, ES_MAP_LOOKUP_REMOVE_IF_FOUND) != NULL) {
            dest[0] = ES_OBJ_NULL;
        }
        return;
    }
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    if (f->extra != NULL && f->extra->attrs != ES_OBJ_NULL) {
        es_obj_t v = es_obj_dict_get(f->extra->attrs, key);
        if (v != ES_OBJ_NULL) {
            dest[0] = v;
            return;
        }
    }
    switch (attr) {
        case ES_Q___dict__:
            dest[0] = fun_attrs(f);
            break;
        case ES_Q___name__:
            dest[0] = es_obj_new_qstr(f->code->name);
            break;
        case ES_Q___qualname__:
            dest[0] = es_obj_new_qstr(f->code->qualname);
            break;
        case ES_Q___globals__:
            dest[0] = es_obj_from_ptr(f->globals);
            break;
        case ES_Q___code__:
            dest[0] = es_obj_from_ptr(f->code);
            break;
        case ES_Q___defaults__:
            dest[0] = es_fun_defaults(f) != ES_OBJ_NULL ? es_fun_defaults(f) : ES_OBJ_NONE;
            break;
        case ES_Q___kwdefaults__:
            dest[0] = es_fun_kwdefaults(f) != ES_OBJ_NULL ? es_fun_kwdefaults(f) : ES_OBJ_NONE;
            break;
        case ES_Q___closure__:
            dest[0] = es_fun_closure(f) != ES_OBJ_NULL ? es_fun_closure(f) : ES_OBJ_NONE;
            break;
        case ES_Q___module__: {
            es_obj_t m = es_obj_dict_get(es_obj_from_ptr(f->globals), es_obj_new_qstr(ES_Q___name__));
            dest[0] = m != ES_OBJ_NULL ? m : ES_OBJ_NONE;
            break;
        }
        default:
            break;
    }
}

const es_type_t es_type_function = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY,
    .name = ES_Q_function,
    .print = fun_print,
    .call = es_fun_call,
    .attr = fun_attr,
};

/* Every Python function is an es_type_function; these two exist for code that names them. */
const es_type_t es_type_closure = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY,
    .name = ES_Q_function,
    .print = fun_print,
    .call = es_fun_call,
    .attr = fun_attr,
};

const es_type_t es_type_generator = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY,
    .name = ES_Q_function,
    .print = fun_print,
    .call = es_fun_call,
    .attr = fun_attr,
};

/* ---- code objects ------------------------------------------------------------------- */

static void code_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_code_t *c = es_obj_to_ptr(self);
    es_printf(print, "<code object %q at %p, file \"%q\", line %u>", (es_qstr_t)c->name, (void *)c,
              (es_qstr_t)c->filename, (unsigned)es_code_first_line(c));
}

static void code_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    const es_code_t *c = es_obj_to_ptr(self);
    switch (attr) {
        case ES_Q_co_name:
            dest[0] = es_obj_new_qstr(c->name);
            break;
        case ES_Q_co_filename:
            dest[0] = es_obj_new_qstr(c->filename);
            break;
        case ES_Q_co_firstlineno:
            dest[0] = es_obj_new_small_int((es_int_t)es_code_first_line(c));
            break;
        case ES_Q_co_argcount:
            dest[0] = es_obj_new_small_int(c->n_pos);
            break;
        default:
            break;
    }
}

const es_type_t es_type_code = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY,
    .name = ES_Q_code,
    .print = code_print,
    .attr = code_attr,
};
