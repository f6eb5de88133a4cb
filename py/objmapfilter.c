/* objmapfilter.c: map(function, *iterables) and filter(function_or_None, iterable). */

#include "py/runtime.h"

typedef struct map_t {
    es_obj_base_t base;
    size_t n;
    es_obj_t fun;
    es_obj_t iters[];
} map_t;

static es_obj_t map_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    if (n_kw != 0) {
        es_raise_msg(&es_type_TypeError, "map() takes no keyword arguments");
    }
    if (n_args < 2) {
        es_raise_msg(&es_type_TypeError, "map() must have at least two arguments.");
    }
    map_t *m = es_alloc(sizeof(map_t) + (n_args - 1) * sizeof(es_obj_t));
    m->base.type = &es_type_map;
    m->n = n_args - 1;
    m->fun = args[0];
    for (size_t i = 1; i < n_args; i++) {
        m->iters[i - 1] = es_getiter(args[i], NULL);
    }
    return es_obj_from_ptr(m);
}

static es_obj_t map_next(es_obj_t self) {
    map_t *m = es_obj_to_ptr(self);
    es_obj_t one_arg;
    es_obj_t *fun_args = m->n == 1 ? &one_arg : es_new_array(es_obj_t, m->n);
    for (size_t i = 0; i < m->n; i++) {
        es_obj_t item = es_iternext(m->iters[i]);
        if (item == ES_OBJ_STOP_ITERATION) {
            if (m->n > 1) {
                es_free(fun_args);
            }
            return ES_OBJ_STOP_ITERATION;
        }
        fun_args[i] = item;
    }
    es_obj_t result = es_call_function_n_kw(m->fun, m->n, 0, fun_args);
    if (m->n > 1) {
        es_free(fun_args);
    }
    return result;
}

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

const es_type_t es_type_map = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_map,
    .make_new = map_make_new,
    .getiter = iter_self,
    .iternext = map_next,
};

typedef struct filter_t {
    es_obj_base_t base;
    es_obj_t fun; /* None keeps the true items */
    es_obj_t iter;
} filter_t;

static es_obj_t filter_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    if (n_kw != 0) {
        es_raise_msg(&es_type_TypeError, "filter() takes no keyword arguments");
    }
    if (n_args != 2) {
        es_raise_msg_varg(&es_type_TypeError, "filter expected 2 arguments, got %u", (unsigned)n_args);
    }
    filter_t *f = es_new(filter_t);
    f->base.type = &es_type_filter;
    f->fun = args[0];
    f->iter = es_getiter(args[1], NULL);
    return es_obj_from_ptr(f);
}

static es_obj_t filter_next(es_obj_t self) {
    filter_t *f = es_obj_to_ptr(self);
    es_obj_t item;
    while ((item = es_iternext(f->iter)) != ES_OBJ_STOP_ITERATION) {
        es_obj_t verdict = f->fun == ES_OBJ_NONE ? item : es_call_function_1(f->fun, item);
        if (es_obj_is_true(verdict)) {
            return item;
        }
    }
    return ES_OBJ_STOP_ITERATION;
}

const es_type_t es_type_filter = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_filter,
    .make_new = filter_make_new,
    .getiter = iter_self,
    .iternext = filter_next,
};
