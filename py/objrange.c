/* objrange.c: the range type and its iterator. */

#include "py/runtime.h"
#include "py/sequence.h"

typedef struct es_obj_range_t {
    es_obj_base_t base;
    es_int_t start;
    es_int_t stop;
    es_int_t step;
} es_obj_range_t;

/* Number of items; bounds are kept within small ints so the arithmetic cannot overflow. */
static es_int_t range_len(const es_obj_range_t *r) {
    if (r->step > 0) {
        return r->start < r->stop ? (r->stop - r->start - 1) / r->step + 1 : 0;
    }
    return r->stop < r->start ? (r->start - r->stop - 1) / -r->step + 1 : 0;
}

es_obj_t es_obj_new_range(es_int_t start, es_int_t stop, es_int_t step) {
    es_obj_range_t *r = es_new(es_obj_range_t);
    r->base.type = &es_type_range;
    r->start = start;
    r->stop = stop;
    r->step = step;
    return es_obj_from_ptr(r);
}

static es_int_t range_arg(es_obj_t o) {
    es_int_t v;
    if (es_obj_is_small_int(o)) {
        return es_small_int_value(o);
    }
    if (o == ES_OBJ_NONE || es_obj_is_float(o) || es_obj_is_str(o)) {
        es_raise_msg_varg(&es_type_TypeError, "'%s' object cannot be interpreted as an integer", es_obj_type_name(o));
    }
    v = es_obj_get_int(o);
    if (!es_small_int_fits(v)) {
        es_raise_msg(&es_type_OverflowError, "range argument too large");
    }
    return v;
}

static es_obj_t range_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_check_num(n_args, n_kw, 1, 3, false);
    es_int_t start = 0, stop, step = 1;
    if (n_args == 1) {
        stop = range_arg(args[0]);
    } else {
        start = range_arg(args[0]);
        stop = range_arg(args[1]);
        if (n_args == 3) {
            step = range_arg(args[2]);
            if (step == 0) {
                es_raise_msg(&es_type_ValueError, "range() arg 3 must not be zero");
            }
        }
    }
    return es_obj_new_range(start, stop, step);
}

static void range_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_obj_range_t *r = es_obj_to_ptr(self);
    es_printf(print, "range(%ld, %ld", (long)r->start, (long)r->stop);
    if (r->step != 1) {
        es_printf(print, ", %ld", (long)r->step);
    }
    es_print_str(print, ")");
}

/* Position of value in the range, or -1. Only ints take the arithmetic path. */
static es_int_t range_find_int(const es_obj_range_t *r, es_int_t v) {
    es_int_t n = range_len(r);
    if (n == 0) {
        return -1;
    }
    es_int_t offset = v - r->start;
    if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) {
        return -1;
    }
    if (offset % r->step != 0) {
        return -1;
    }
    return offset / r->step;
}

static bool is_plain_int(es_obj_t o) { return es_obj_is_small_int(o) || o == ES_OBJ_TRUE || o == ES_OBJ_FALSE || es_obj_is_int(o); }

/* Index of value in the range, -1 when absent; non-ints compare item by item. */
static es_int_t range_find(const es_obj_range_t *r, es_obj_t value) {
    if (is_plain_int(value)) {
        es_int_t v;
        if (!es_obj_get_int_maybe(value, &v)) {
            return -1; /* beyond any range we can hold */
        }
        return range_find_int(r, v);
    }
    es_int_t n = range_len(r);
    for (es_int_t i = 0; i < n; i++) {
        if (es_obj_equal(es_obj_new_int(r->start + i * r->step), value)) {
            return i;
        }
    }
    return -1;
}

/* Two ranges are equal when they produce the same items. */
static bool range_equal(const es_obj_range_t *a, const es_obj_range_t *b) {
    es_int_t n = range_len(a);
    if (n != range_len(b)) {
        return false;
    }
    if (n == 0) {
        return true;
    }
    return a->start == b->start && (n == 1 || a->step == b->step);
}

static es_obj_t range_unary_op(es_unary_op_t op, es_obj_t self) {
    const es_obj_range_t *r = es_obj_to_ptr(self);
    switch (op) {
    case ES_UNARY_OP_BOOL:
        return es_obj_new_bool(range_len(r) > 0);
    case ES_UNARY_OP_LEN: {
        es_int_t n = range_len(r);
        if (!es_small_int_fits(n)) {
            es_raise_msg(&es_type_OverflowError, "Python int too large to convert to C ssize_t");
        }
        return es_obj_new_small_int(n);
    }
    case ES_UNARY_OP_HASH: {
        /* consistent with range_equal: what is hashed is (len, first, step) as far as they matter */
        es_int_t n = range_len(r);
        es_obj_t key[3] = {es_obj_new_int(n), ES_OBJ_NONE, ES_OBJ_NONE};
        if (n > 0) {
            key[1] = es_obj_new_int(r->start);
        }
        if (n > 1) {
            key[2] = es_obj_new_int(r->step);
        }
        return es_obj_hash(es_obj_new_tuple(3, key));
    }
    default:
        return ES_OBJ_NULL;
    }
}

static es_obj_t range_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    const es_obj_range_t *r = es_obj_to_ptr(lhs);
    switch (op) {
    case ES_BINARY_OP_IN:
        return es_obj_new_bool(range_find(r, rhs) >= 0);
    case ES_BINARY_OP_EQUAL:
    case ES_BINARY_OP_NOT_EQUAL:
        if (!es_obj_is_type(rhs, &es_type_range)) {
            return ES_OBJ_NULL;
        }
        return es_obj_new_bool(range_equal(r, es_obj_to_ptr(rhs)) == (op == ES_BINARY_OP_EQUAL));
    default:
        return ES_OBJ_NULL;
    }
}

static es_obj_t range_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    if (value != ES_OBJ_SENTINEL) {
        return ES_OBJ_NULL;
    }
    const es_obj_range_t *r = es_obj_to_ptr(self);
    es_int_t n = range_len(r);
    if (es_obj_is_slice(index)) {
        es_bound_slice_t b;
        size_t count = es_seq_slice_bounds(index, (size_t)n, &b);
        es_int_t start = r->start + b.start * r->step;
        es_int_t step = r->step * b.step;
        return es_obj_new_range(start, start + (es_int_t)count * step, step);
    }
    size_t i = es_seq_get_index(&es_type_range, (size_t)n, index, "range object index out of range");
    return es_obj_new_int(r->start + (es_int_t)i * r->step);
}

/* ---- iterator ------------------------------------------------------------------------- */

typedef struct range_iter_t {
    es_obj_base_t base;
    es_int_t next;
    es_int_t step;
    es_int_t remaining;
} range_iter_t;

static es_obj_t range_iter_next(es_obj_t self) {
    range_iter_t *it = es_obj_to_ptr(self);
    if (it->remaining <= 0) {
        return ES_OBJ_STOP_ITERATION;
    }
    it->remaining--;
    es_int_t v = it->next;
    it->next += it->remaining > 0 ? it->step : 0;
    return es_obj_new_int(v);
}

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

static const es_type_t range_iterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_range_iterator,
    .getiter = iter_self,
    .iternext = range_iter_next,
};

static es_obj_t new_range_iter(es_int_t first, es_int_t step, es_int_t count, es_obj_iter_buf_t *iter_buf) {
    ES_STATIC_ASSERT_ITER_BUF_FITS(range_iter_t);
    range_iter_t *it = iter_buf != NULL ? (range_iter_t *)iter_buf : es_new(range_iter_t);
    it->base.type = &range_iterator_type;
    it->next = first;
    it->step = step;
    it->remaining = count;
    return es_obj_from_ptr(it);
}

static es_obj_t range_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    const es_obj_range_t *r = es_obj_to_ptr(self);
    return new_range_iter(r->start, r->step, range_len(r), iter_buf);
}

/* ---- methods ---------------------------------------------------------------------------- */

static es_obj_t range_reversed(es_obj_t self) {
    const es_obj_range_t *r = es_obj_to_ptr(self);
    es_int_t n = range_len(r);
    return new_range_iter(r->start + (n > 0 ? n - 1 : 0) * r->step, -r->step, n, NULL);
}
static ES_DEFINE_FUN_1(range_reversed_obj, ES_Q___reversed__, range_reversed);

static es_obj_t range_index(es_obj_t self, es_obj_t value) {
    es_int_t i = range_find(es_obj_to_ptr(self), value);
    if (i < 0) {
        es_raise_msg_varg(&es_type_ValueError, "%s is not in range", es_repr_cstr(value));
    }
    return es_obj_new_int(i);
}
static ES_DEFINE_FUN_2(range_index_obj, ES_Q_index, range_index);

static es_obj_t range_count(es_obj_t self, es_obj_t value) {
    const es_obj_range_t *r = es_obj_to_ptr(self);
    if (is_plain_int(value)) {
        return es_obj_new_small_int(range_find(r, value) >= 0);
    }
    es_int_t n = range_len(r), count = 0;
    for (es_int_t i = 0; i < n; i++) {
        count += es_obj_equal(es_obj_new_int(r->start + i * r->step), value);
    }
    return es_obj_new_int(count);
}
static ES_DEFINE_FUN_2(range_count_obj, ES_Q_count, range_count);

static const es_map_elem_t range_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_count), ES_OBJ_FROM_CONST(range_count_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_index), ES_OBJ_FROM_CONST(range_index_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___reversed__), ES_OBJ_FROM_CONST(range_reversed_obj)},
};
static ES_DEFINE_CONST_DICT(range_locals_dict, range_locals_table);

static void range_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return; /* read-only */
    }
    const es_obj_range_t *r = es_obj_to_ptr(self);
    if (attr == ES_Q_start) {
        dest[0] = es_obj_new_int(r->start);
    } else if (attr == ES_Q_stop) {
        dest[0] = es_obj_new_int(r->stop);
    } else if (attr == ES_Q_step) {
        dest[0] = es_obj_new_int(r->step);
    } else {
        es_map_elem_t *e = es_map_lookup((es_map_t *)&range_locals_dict.map, es_obj_new_qstr(attr), ES_MAP_LOOKUP);
        if (e != NULL) {
            dest[0] = e->value;
            dest[1] = self;
        }
    }
}

const es_type_t es_type_range = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_FINAL,
    .name = ES_Q_range,
    .print = range_print,
    .make_new = range_make_new,
    .unary_op = range_unary_op,
    .binary_op = range_binary_op,
    .attr = range_attr,
    .subscr = range_subscr,
    .getiter = range_getiter,
    .locals_dict = (es_obj_dict_t *)&range_locals_dict,
};
