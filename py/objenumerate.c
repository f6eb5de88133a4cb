/* objenumerate.c: enumerate(iterable, start=0). */

#include "py/runtime.h"

typedef struct enumerate_t {
    es_obj_base_t base;
    es_obj_t iter;
    es_obj_t count; /* an int; grows into a big int if it must */
} enumerate_t;

static es_obj_t enumerate_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    static const es_arg_t allowed[] = {
        {ES_Q_iterable, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_start, ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_SMALL_INT(0)}},
    };
    es_arg_val_t vals[2];
    es_arg_parse_all_kw_array(n_args, n_kw, args, ES_ARRAY_SIZE(allowed), allowed, vals);
    es_obj_t start = vals[1].u_obj;
    if (!es_obj_is_small_int(start) && !es_obj_is_int(start)) {
        if (start == ES_OBJ_TRUE || start == ES_OBJ_FALSE) {
            start = es_obj_new_small_int(start == ES_OBJ_TRUE);
        } else {
            es_raise_msg_varg(&es_type_TypeError, "'%s' object cannot be interpreted as an integer",
                              es_obj_type_name(start));
        }
    }
    enumerate_t *e = es_new(enumerate_t);
    e->base.type = &es_type_enumerate;
    e->iter = es_getiter(vals[0].u_obj, NULL);
    e->count = start;
    return es_obj_from_ptr(e);
}

static es_obj_t enumerate_next(es_obj_t self) {
    enumerate_t *e = es_obj_to_ptr(self);
    es_obj_t item = es_iternext(e->iter);
    if (item == ES_OBJ_STOP_ITERATION) {
        return ES_OBJ_STOP_ITERATION;
    }
    es_obj_t pair[2] = {e->count, item};
    if (es_obj_is_small_int(e->count) && es_small_int_value(e->count) < ES_SMALL_INT_MAX) {
        e->count = es_obj_new_small_int(es_small_int_value(e->count) + 1);
    } else {
        e->count = es_binary_op(ES_BINARY_OP_ADD, e->count, ES_OBJ_NEW_SMALL_INT(1));
    }
    return es_obj_new_tuple(2, pair);
}

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

const es_type_t es_type_enumerate = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_enumerate,
    .make_new = enumerate_make_new,
    .getiter = iter_self,
    .iternext = enumerate_next,
};
