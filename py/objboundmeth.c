/* objboundmeth.c: a function bound to the object it was looked up on (obj.method). */

#include <string.h>

#include "py/runtime.h"

es_obj_t es_obj_new_bound_meth(es_obj_t meth, es_obj_t self) {
    es_obj_bound_meth_t *b = es_new(es_obj_bound_meth_t);
    b->base.type = &es_type_bound_meth;
    b->meth = meth;
    b->self = self;
    return es_obj_from_ptr(b);
}

/* Small calls put self in front of the arguments on the C stack; large ones use the heap. */
#define BOUND_MAX_STACK_ARGS (8)

static es_obj_t bound_meth_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_obj_bound_meth_t *b = es_obj_to_ptr(self);
    size_t n = n_args + 2 * n_kw;
    es_obj_t local[BOUND_MAX_STACK_ARGS + 1];
    es_obj_t *all = n < BOUND_MAX_STACK_ARGS ? local : es_new_array(es_obj_t, n + 1);
    all[0] = b->self;
    if (n > 0) {
        memcpy(all + 1, args, n * sizeof(es_obj_t));
    }
    es_obj_t result = es_call_function_n_kw(b->meth, n_args + 1, n_kw, all);
    if (all != local) {
        es_free(all);
    }
    return result;
}

static void bound_meth_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_obj_bound_meth_t *b = es_obj_to_ptr(self);
    es_obj_t name = es_load_attr_maybe(b->meth, ES_Q___qualname__);
    if (name == ES_OBJ_NULL) {
        name = es_load_attr_maybe(b->meth, ES_Q___name__);
    }
    if (es_obj_is_type(b->meth, &es_type_builtin_function)) {
        es_printf(print, "<built-in method %O of %s object at %p>", name, es_obj_type_name(b->self),
                  es_obj_to_ptr(b->self));
    } else {
        es_printf(print, "<bound method %O of %R>", name != ES_OBJ_NULL ? name : ES_OBJ_NONE, b->self);
    }
}

static void bound_meth_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return; /* read-only */
    }
    es_obj_bound_meth_t *b = es_obj_to_ptr(self);
    if (attr == ES_Q___self__) {
        dest[0] = b->self;
    } else if (attr == ES_Q___func__) {
        dest[0] = b->meth;
    } else {
        /* __name__, __qualname__, __doc__ ... come from the function. */
        dest[0] = es_load_attr_maybe(b->meth, attr);
    }
}

static es_obj_t bound_meth_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    if ((op != ES_BINARY_OP_EQUAL && op != ES_BINARY_OP_NOT_EQUAL) || !es_obj_is_type(rhs, &es_type_bound_meth)) {
        return ES_OBJ_NULL;
    }
    es_obj_bound_meth_t *a = es_obj_to_ptr(lhs), *b = es_obj_to_ptr(rhs);
    bool equal = a->meth == b->meth && a->self == b->self;
    return es_obj_new_bool(op == ES_BINARY_OP_EQUAL ? equal : !equal);
}

static es_obj_t bound_meth_unary_op(es_unary_op_t op, es_obj_t self) {
    if (op == ES_UNARY_OP_HASH) {
        es_obj_bound_meth_t *b = es_obj_to_ptr(self);
        return es_obj_new_small_int((es_int_t)(((uintptr_t)b->meth ^ (uintptr_t)b->self) >> 2) & ES_SMALL_INT_MAX);
    }
    return ES_OBJ_NULL;
}

const es_type_t es_type_bound_meth = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_FINAL,
    .name = ES_Q_method,
    .print = bound_meth_print,
    .call = bound_meth_call,
    .unary_op = bound_meth_unary_op,
    .binary_op = bound_meth_binary_op,
    .attr = bound_meth_attr,
};
