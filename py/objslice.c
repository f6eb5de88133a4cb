/* objslice.c: slice objects, their attributes and indices(). */

#include "py/runtime.h"
#include "py/sequence.h"

typedef struct es_obj_slice_t {
    es_obj_base_t base;
    es_obj_t start;
    es_obj_t stop;
    es_obj_t step;
} es_obj_slice_t;

es_obj_t es_obj_new_slice(es_obj_t start, es_obj_t stop, es_obj_t step) {
    es_obj_slice_t *s = es_new(es_obj_slice_t);
    s->base.type = &es_type_slice;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return es_obj_from_ptr(s);
}

void es_obj_slice_get(es_obj_t slice, es_obj_t *start, es_obj_t *stop, es_obj_t *step) {
    const es_obj_slice_t *s = es_obj_to_ptr(slice);
    *start = s->start;
    *stop = s->stop;
    *step = s->step;
}

/* A slice bound as a machine integer; ints beyond a word clamp to the far end. */
static es_int_t bound_value(es_obj_t o) {
    es_int_t v;
    if (es_obj_get_int_maybe(o, &v)) {
        return v;
    }
    if (es_obj_is_int(o)) {
        bool negative = es_obj_is_true(es_binary_op(ES_BINARY_OP_LESS, o, ES_OBJ_NEW_SMALL_INT(0)));
        return negative ? -ES_SMALL_INT_MAX : ES_SMALL_INT_MAX;
    }
    const es_type_t *type = es_obj_get_type(o);
    if ((type->flags & ES_TYPE_FLAG_IS_USER_CLASS) && es_type_lookup(type, ES_Q___index__) != ES_OBJ_NULL) {
        return es_obj_get_int(o);
    }
    es_raise_msg(&es_type_TypeError, "slice indices must be integers or None or have an __index__ method");
}

/* Clamps a start or stop bound into [lower, upper] after counting negatives from the end. */
static es_int_t clamp_bound(es_obj_t o, es_int_t len, es_int_t lower, es_int_t upper, es_int_t dflt) {
    if (o == ES_OBJ_NONE) {
        return dflt;
    }
    es_int_t v = bound_value(o);
    if (v < 0) {
        v += len;
        if (v < lower) {
            v = lower;
        }
    } else if (v > upper) {
        v = upper;
    }
    return v;
}

void es_obj_slice_indices(es_obj_t slice, es_int_t len, es_bound_slice_t *result) {
    const es_obj_slice_t *s = es_obj_to_ptr(slice);
    es_int_t step = 1;
    if (s->step != ES_OBJ_NONE) {
        step = bound_value(s->step);
        if (step == 0) {
            es_raise_msg(&es_type_ValueError, "slice step cannot be zero");
        }
    }
    es_int_t lower = step < 0 ? -1 : 0;
    es_int_t upper = step < 0 ? len - 1 : len;
    result->step = step;
    result->start = clamp_bound(s->start, len, lower, upper, step < 0 ? upper : lower);
    result->stop = clamp_bound(s->stop, len, lower, upper, step < 0 ? lower : upper);
}

static void slice_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_obj_slice_t *s = es_obj_to_ptr(self);
    es_printf(print, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static es_obj_t slice_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_check_num(n_args, n_kw, 1, 3, false);
    if (n_args == 1) {
        return es_obj_new_slice(ES_OBJ_NONE, args[0], ES_OBJ_NONE);
    }
    return es_obj_new_slice(args[0], args[1], n_args == 3 ? args[2] : ES_OBJ_NONE);
}

static es_obj_t slice_as_tuple(es_obj_t self) {
    const es_obj_slice_t *s = es_obj_to_ptr(self);
    es_obj_t items[3] = {s->start, s->stop, s->step};
    return es_obj_new_tuple(3, items);
}

static es_obj_t slice_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    if (op > ES_BINARY_OP_NOT_EQUAL || op == ES_BINARY_OP_IN || !es_obj_is_slice(rhs)) {
        return ES_OBJ_NULL;
    }
    return es_binary_op(op, slice_as_tuple(lhs), slice_as_tuple(rhs));
}

static es_obj_t slice_indices(es_obj_t self, es_obj_t length) {
    es_int_t len = es_obj_get_int(length);
    if (len < 0) {
        es_raise_msg(&es_type_ValueError, "length should not be negative");
    }
    es_bound_slice_t b;
    es_obj_slice_indices(self, len, &b);
    es_obj_t items[3] = {es_obj_new_int(b.start), es_obj_new_int(b.stop), es_obj_new_int(b.step)};
    return es_obj_new_tuple(3, items);
}
static ES_DEFINE_FUN_2(slice_indices_obj, ES_Q_indices, slice_indices);

static void slice_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return; /* read-only */
    }
    const es_obj_slice_t *s = es_obj_to_ptr(self);
    if (attr == ES_Q_start) {
        dest[0] = s->start;
    } else if (attr == ES_Q_stop) {
        dest[0] = s->stop;
    } else if (attr == ES_Q_step) {
        dest[0] = s->step;
    } else if (attr == ES_Q_indices) {
        dest[0] = ES_OBJ_FROM_CONST(slice_indices_obj);
        dest[1] = self;
    }
}

const es_type_t es_type_slice = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_FINAL,
    .name = ES_Q_slice,
    .print = slice_print,
    .make_new = slice_make_new,
    .binary_op = slice_binary_op,
    .attr = slice_attr,
};
