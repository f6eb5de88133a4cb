/* objzip.c: zip(*iterables, strict=False). */

#include "py/runtime.h"

typedef struct zip_t {
    es_obj_base_t base;
    size_t n;
    bool strict;
    bool done;
    es_obj_t iters[];
} zip_t;

static es_obj_t zip_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    bool strict = false;
    for (size_t i = 0; i < n_kw; i++) {
        es_obj_t key = args[n_args + 2 * i];
        if (es_obj_str_get_qstr(key) != ES_Q_strict) {
            es_raise_msg_varg(&es_type_TypeError, "zip() got an unexpected keyword argument '%s'",
                              es_obj_str_get_str(key));
        }
        strict = es_obj_is_true(args[n_args + 2 * i + 1]);
    }
    zip_t *z = es_alloc(sizeof(zip_t) + n_args * sizeof(es_obj_t));
    z->base.type = &es_type_zip;
    z->n = n_args;
    z->strict = strict;
    for (size_t i = 0; i < n_args; i++) {
        z->iters[i] = es_getiter(args[i], NULL);
    }
    return es_obj_from_ptr(z);
}

/* strict=True: once iterator `stopped` ran out, every other one must be exhausted too. */
static void zip_check_lengths(zip_t *z, size_t stopped) {
    if (stopped == 1) {
        es_raise_msg(&es_type_ValueError, "zip() argument 2 is shorter than argument 1");
    }
    if (stopped > 1) {
        es_raise_msg_varg(&es_type_ValueError, "zip() argument %u is shorter than arguments 1-%u",
                          (unsigned)(stopped + 1), (unsigned)stopped);
    }
    for (size_t i = 1; i < z->n; i++) {
        if (es_iternext(z->iters[i]) != ES_OBJ_STOP_ITERATION) {
            if (i > 1) {
                es_raise_msg_varg(&es_type_ValueError, "zip() argument %u is longer than arguments 1-%u",
                                  (unsigned)(i + 1), (unsigned)i);
            }
            es_raise_msg(&es_type_ValueError, "zip() argument 2 is longer than argument 1");
        }
    }
}

static es_obj_t zip_next(es_obj_t self) {
    zip_t *z = es_obj_to_ptr(self);
    if (z->n == 0 || z->done) {
        return ES_OBJ_STOP_ITERATION;
    }
    es_obj_t tuple = es_obj_new_tuple(z->n, NULL);
    es_obj_tuple_t *t = es_obj_to_ptr(tuple);
    for (size_t i = 0; i < z->n; i++) {
        es_obj_t item = es_iternext(z->iters[i]);
        if (item == ES_OBJ_STOP_ITERATION) {
            z->done = true;
            if (z->strict) {
                zip_check_lengths(z, i);
            }
            return ES_OBJ_STOP_ITERATION;
        }
        t->items[i] = item;
    }
    return tuple;
}

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

const es_type_t es_type_zip = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_zip,
    .make_new = zip_make_new,
    .getiter = iter_self,
    .iternext = zip_next,
};
