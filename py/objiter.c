/* objiter.c: iterators over the __getitem__ protocol and iter(callable, sentinel). */

#include "py/runtime.h"
#include "py/sequence.h"

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

/* ---- obj[0], obj[1], ... until IndexError or StopIteration ---------------------------- */

typedef struct getitem_iter_t {
    es_obj_base_t base;
    es_obj_t obj; /* NULL once exhausted */
    es_obj_t index;
} getitem_iter_t;

static es_obj_t getitem_iter_next(es_obj_t self) {
    getitem_iter_t *it = es_obj_to_ptr(self);
    if (it->obj == ES_OBJ_NULL) {
        return ES_OBJ_STOP_ITERATION;
    }
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_t item = es_obj_subscr(it->obj, it->index, ES_OBJ_SENTINEL);
        es_nlr_pop();
        it->index = es_binary_op(ES_BINARY_OP_ADD, it->index, ES_OBJ_NEW_SMALL_INT(1));
        return item;
    }
    if (es_obj_exception_match(nlr.ret_val, &es_type_IndexError) ||
        es_obj_exception_match(nlr.ret_val, &es_type_StopIteration)) {
        it->obj = ES_OBJ_NULL;
        return ES_OBJ_STOP_ITERATION;
    }
    es_nlr_jump(nlr.ret_val);
}

static const es_type_t getitem_iterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_iterator,
    .getiter = iter_self,
    .iternext = getitem_iter_next,
};

es_obj_t es_obj_new_getitem_iter(es_obj_t obj) {
    getitem_iter_t *it = es_new(getitem_iter_t);
    it->base.type = &getitem_iterator_type;
    it->obj = obj;
    it->index = ES_OBJ_NEW_SMALL_INT(0);
    return es_obj_from_ptr(it);
}

/* ---- iter(callable, sentinel) -------------------------------------------------------- */

typedef struct callable_iter_t {
    es_obj_base_t base;
    es_obj_t callable; /* NULL once the sentinel was seen */
    es_obj_t sentinel;
} callable_iter_t;

static es_obj_t callable_iter_next(es_obj_t self) {
    callable_iter_t *it = es_obj_to_ptr(self);
    if (it->callable == ES_OBJ_NULL) {
        return ES_OBJ_STOP_ITERATION;
    }
    es_obj_t value;
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        value = es_call_function_0(it->callable);
        es_nlr_pop();
    } else {
        if (es_obj_exception_match(nlr.ret_val, &es_type_StopIteration)) {
            it->callable = ES_OBJ_NULL;
            return ES_OBJ_STOP_ITERATION;
        }
        es_nlr_jump(nlr.ret_val);
    }
    if (es_obj_equal(value, it->sentinel)) {
        it->callable = ES_OBJ_NULL;
        return ES_OBJ_STOP_ITERATION;
    }
    return value;
}

static const es_type_t callable_iterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_callable_iterator,
    .getiter = iter_self,
    .iternext = callable_iter_next,
};

es_obj_t es_obj_new_callable_iter(es_obj_t callable, es_obj_t sentinel) {
    if (!es_obj_is_callable(callable)) {
        es_raise_msg(&es_type_TypeError, "iter(v, w): v must be callable");
    }
    callable_iter_t *it = es_new(callable_iter_t);
    it->base.type = &callable_iterator_type;
    it->callable = callable;
    it->sentinel = sentinel;
    return es_obj_from_ptr(it);
}
