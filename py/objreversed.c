/* objreversed.c: reversed(seq): __reversed__ when the object has it, else __len__ and __getitem__. */

#include "py/runtime.h"

typedef struct reversed_t {
    es_obj_base_t base;
    es_obj_t seq;
    size_t remaining; /* index of the next item plus one */
} reversed_t;

static es_obj_t reversed_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_check_num(n_args, n_kw, 1, 1, false);
    es_obj_t seq = args[0];
    es_obj_t method[2];
    es_load_method_maybe(seq, ES_Q___reversed__, method);
    if (method[0] != ES_OBJ_NULL) {
        if (method[0] == ES_OBJ_NONE) {
            es_raise_msg_varg(&es_type_TypeError, "'%s' object is not reversible", es_obj_type_name(seq));
        }
        return es_call_method_n_kw(0, 0, method);
    }
    const es_type_t *seq_type = es_obj_get_type(seq);
    es_obj_t len = es_obj_len_maybe(seq);
    if (seq_type->subscr == NULL || len == ES_OBJ_NULL || es_obj_is_type(seq, &es_type_dict)) {
        es_raise_msg_varg(&es_type_TypeError, "'%s' object is not reversible", es_obj_type_name(seq));
    }
    reversed_t *r = es_new(reversed_t);
    r->base.type = &es_type_reversed;
    r->seq = seq;
    r->remaining = (size_t)es_small_int_value(len);
    return es_obj_from_ptr(r);
}

static es_obj_t reversed_next(es_obj_t self) {
    reversed_t *r = es_obj_to_ptr(self);
    if (r->remaining == 0) {
        return ES_OBJ_STOP_ITERATION;
    }
    r->remaining--;
    es_obj_t index = es_obj_new_int((es_int_t)r->remaining);
    /* An IndexError (the sequence shrank) or StopIteration ends the iteration, as in CPython. */
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_t item = es_obj_subscr(r->seq, index, ES_OBJ_SENTINEL);
        es_nlr_pop();
        return item;
    }
    if (es_obj_exception_match(nlr.ret_val, &es_type_IndexError) ||
        es_obj_exception_match(nlr.ret_val, &es_type_StopIteration)) {
        r->remaining = 0;
        return ES_OBJ_STOP_ITERATION;
    }
    es_nlr_jump(nlr.ret_val);
}

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

const es_type_t es_type_reversed = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_reversed,
    .make_new = reversed_make_new,
    .getiter = iter_self,
    .iternext = reversed_next,
};
