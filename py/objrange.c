/* objrange.c: the range type and its iterator. */

#include "py/objint.h"
#include "py/runtime.h"
#include "py/sequence.h"

/*
** Bounds are int objects. When start, stop and step are all small ints and so is the length,
** everything is done in C integers (the common case); otherwise the arithmetic goes through
** the int objects so that ranges of any size behave as in CPython.
*/
typedef struct es_obj_range_t {
    es_obj_base_t base;
    es_obj_t start;
    es_obj_t stop;
    es_obj_t step;
} es_obj_range_t;

#define SMALL(n) ES_OBJ_NEW_SMALL_INT(n)

static es_obj_t int_op(es_binary_op_t op, es_obj_t a, es_obj_t b) { return es_binary_op(op, a, b); }
static bool int_less(es_obj_t a, es_obj_t b) { return es_binary_op(ES_BINARY_OP_LESS, a, b) == ES_OBJ_TRUE; }

/* True when the small-int representation applies; *len then receives the number of items.
** Small ints span half a word, so the differences below cannot overflow es_int_t. */
static bool range_small_len(const es_obj_range_t *r, es_int_t *len) {
    if (!es_obj_is_small_int(r->start) || !es_obj_is_small_int(r->stop) || !es_obj_is_small_int(r->step)) {
        return false;
    }
    es_int_t start = es_small_int_value(r->start), stop = es_small_int_value(r->stop);
    es_int_t step = es_small_int_value(r->step), n;
    if (step > 0) {
        n = start < stop ? (stop - start - 1) / step + 1 : 0;
    } else {
        n = stop < start ? (start - stop - 1) / -step + 1 : 0;
    }
    *len = n;
    return es_small_int_fits(n);
}

/* Number of items as an int object, whatever its size. */
static es_obj_t range_len_obj(const es_obj_range_t *r) {
    es_int_t n;
    if (range_small_len(r, &n)) {
        return es_obj_new_small_int(n);
    }
    es_obj_t lo = r->start, hi = r->stop, step = r->step;
    if (es_obj_int_sign(step) < 0) {
        lo = r->stop;
        hi = r->start;
        step = es_unary_op(ES_UNARY_OP_NEGATIVE, step);
    }
    if (!int_less(lo, hi)) {
        return SMALL(0);
    }
    es_obj_t span = int_op(ES_BINARY_OP_SUBTRACT, int_op(ES_BINARY_OP_SUBTRACT, hi, lo), SMALL(1));
    return int_op(ES_BINARY_OP_ADD, int_op(ES_BINARY_OP_FLOOR_DIVIDE, span, step), SMALL(1));
}

/* start + i * step, the item at position i. */
static es_obj_t range_item(const es_obj_range_t *r, es_obj_t i) {
    return int_op(ES_BINARY_OP_ADD, r->start, int_op(ES_BINARY_OP_MULTIPLY, i, r->step));
}

static es_obj_t range_from_objs(es_obj_t start, es_obj_t stop, es_obj_t step) {
    es_obj_range_t *r = es_new(es_obj_range_t);
    r->base.type = &es_type_range;
    r->start = start;
    r->stop = stop;
    r->step = step;
    return es_obj_from_ptr(r);
}

es_obj_t es_obj_new_range(es_int_t start, es_int_t stop, es_int_t step) {
    return range_from_objs(es_obj_new_int(start), es_obj_new_int(stop), es_obj_new_int(step));
}

static bool is_plain_int(es_obj_t o) { return es_obj_is_small_int(o) || o == ES_OBJ_TRUE || o == ES_OBJ_FALSE || es_obj_is_int(o); }

/* An int object (small or big, never bool) from an int, bool or object with __index__. */
static es_obj_t range_arg(es_obj_t o) {
    if (es_obj_is_small_int(o)) {
        return o;
    }
    if (o == ES_OBJ_TRUE || o == ES_OBJ_FALSE) {
        return SMALL(o == ES_OBJ_TRUE);
    }
    if (o == ES_OBJ_NONE || es_obj_is_float(o) || es_obj_is_str(o)) {
        es_raise_msg_varg(&es_type_TypeError, "'%s' object cannot be interpreted as an integer", es_obj_type_name(o));
    }
    es_obj_t v = es_unary_op(ES_UNARY_OP_INDEX, o);
    if (v == ES_OBJ_TRUE || v == ES_OBJ_FALSE) {
        return SMALL(v == ES_OBJ_TRUE);
    }
    return v;
}

static es_obj_t range_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_check_num(n_args, n_kw, 1, 3, false);
    es_obj_t start = SMALL(0), stop, step = SMALL(1);
    if (n_args == 1) {
        stop = range_arg(args[0]);
    } else {
        start = range_arg(args[0]);
        stop = range_arg(args[1]);
        if (n_args == 3) {
            step = range_arg(args[2]);
            if (es_obj_int_sign(step) == 0) {
                es_raise_msg(&es_type_ValueError, "range() arg 3 must not be zero");
            }
        }
    }
    return range_from_objs(start, stop, step);
}

static void range_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_obj_range_t *r = es_obj_to_ptr(self);
    es_print_str(print, "range(");
    es_obj_print_helper(print, r->start, ES_PRINT_REPR);
    es_print_str(print, ", ");
    es_obj_print_helper(print, r->stop, ES_PRINT_REPR);
    if (r->step != SMALL(1)) {
        es_print_str(print, ", ");
        es_obj_print_helper(print, r->step, ES_PRINT_REPR);
    }
    es_print_str(print, ")");
}

/* Position of the int v in the range, or ES_OBJ_NULL. */
static es_obj_t range_find_int(const es_obj_range_t *r, es_obj_t v) {
    es_int_t n;
    if (es_obj_is_small_int(v) && range_small_len(r, &n)) {
        es_int_t x = es_small_int_value(v), start = es_small_int_value(r->start);
        es_int_t stop = es_small_int_value(r->stop), step = es_small_int_value(r->step);
        if (n == 0 || (step > 0 ? (x < start || x >= stop) : (x > start || x <= stop))) {
            return ES_OBJ_NULL;
        }
        es_int_t offset = x - start;
        return offset % step == 0 ? es_obj_new_small_int(offset / step) : ES_OBJ_NULL;
    }
    bool inside = es_obj_int_sign(r->step) > 0 ? !int_less(v, r->start) && int_less(v, r->stop)
                                                : !int_less(r->start, v) && int_less(r->stop, v);
    if (!inside) {
        return ES_OBJ_NULL;
    }
    es_obj_t offset = int_op(ES_BINARY_OP_SUBTRACT, v, r->start);
    if (es_obj_int_sign(int_op(ES_BINARY_OP_MODULO, offset, r->step)) != 0) {
        return ES_OBJ_NULL;
    }
    return int_op(ES_BINARY_OP_FLOOR_DIVIDE, offset, r->step);
}

static es_obj_t range_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf);

/* Index of value in the range, ES_OBJ_NULL when absent; non-ints compare item by item. */
static es_obj_t range_find(const es_obj_range_t *r, es_obj_t value) {
    if (is_plain_int(value)) {
        return range_find_int(r, range_arg(value));
    }
    es_obj_iter_buf_t buf;
    es_obj_t it = range_getiter(es_obj_from_ptr(r), &buf), item;
    for (es_int_t i = 0; (item = es_iternext(it)) != ES_OBJ_STOP_ITERATION; i++) {
        if (es_obj_equal(item, value)) {
            return es_obj_new_int(i);
        }
    }
    return ES_OBJ_NULL;
}

/* Two ranges are equal when they produce the same items. */
static bool range_equal(const es_obj_range_t *a, const es_obj_range_t *b) {
    es_obj_t n = range_len_obj(a);
    if (!es_obj_equal(n, range_len_obj(b))) {
        return false;
    }
    if (n == SMALL(0)) {
        return true;
    }
    return es_obj_equal(a->start, b->start) && (n == SMALL(1) || es_obj_equal(a->step, b->step));
}

static es_obj_t range_unary_op(es_unary_op_t op, es_obj_t self) {
    const es_obj_range_t *r = es_obj_to_ptr(self);
    switch (op) {
    case ES_UNARY_OP_BOOL:
        return es_obj_new_bool(range_len_obj(r) != SMALL(0));
    case ES_UNARY_OP_LEN: {
        es_obj_t n = range_len_obj(r);
        if (!es_obj_is_small_int(n)) {
            es_raise_msg(&es_type_OverflowError, "Python int too large to convert to C ssize_t");
        }
        return n;
    }
    case ES_UNARY_OP_HASH: {
        /* consistent with range_equal: what is hashed is (len, first, step) as far as they matter */
        es_obj_t n = range_len_obj(r);
        es_obj_t key[3] = {n, ES_OBJ_NONE, ES_OBJ_NONE};
        if (n != SMALL(0)) {
            key[1] = r->start;
        }
        if (n != SMALL(0) && n != SMALL(1)) {
            key[2] = r->step;
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
        return es_obj_new_bool(range_find(r, rhs) != ES_OBJ_NULL);
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

/* ---- indexing and slicing of ranges too long for C integers --------------------------- */

/* An index or slice bound as an int object; TypeError naming what was given otherwise. */
static es_obj_t index_arg(es_obj_t o, bool slice_bound) {
    if (is_plain_int(o)) {
        return range_arg(o);
    }
    const es_type_t *type = es_obj_get_type(o);
    if ((type->flags & ES_TYPE_FLAG_IS_USER_CLASS) && es_type_lookup(type, ES_Q___index__) != ES_OBJ_NULL) {
        return range_arg(o);
    }
    if (slice_bound) {
        es_raise_msg(&es_type_TypeError, "slice indices must be integers or None or have an __index__ method");
    }
    es_raise_msg_varg(&es_type_TypeError, "range indices must be integers or slices, not %s", es_obj_type_name(o));
}

/* A slice bound counted from the end when negative, then clamped into [lower, upper]. */
static es_obj_t clamp_bound(es_obj_t o, es_obj_t len, es_obj_t lower, es_obj_t upper, es_obj_t dflt) {
    if (o == ES_OBJ_NONE) {
        return dflt;
    }
    es_obj_t v = index_arg(o, true);
    if (es_obj_int_sign(v) < 0) {
        v = int_op(ES_BINARY_OP_ADD, v, len);
        return int_less(v, lower) ? lower : v;
    }
    return int_less(upper, v) ? upper : v;
}

static es_obj_t slice_step(es_obj_t slice) {
    es_obj_t step = es_load_attr(slice, ES_Q_step);
    return step == ES_OBJ_NONE ? SMALL(1) : index_arg(step, true);
}

static es_obj_t big_slice(const es_obj_range_t *r, es_obj_t slice, es_obj_t len) {
    es_obj_t step = slice_step(slice);
    int sign = es_obj_int_sign(step);
    if (sign == 0) {
        es_raise_msg(&es_type_ValueError, "slice step cannot be zero");
    }
    es_obj_t lower = sign < 0 ? SMALL(-1) : SMALL(0);
    es_obj_t upper = sign < 0 ? int_op(ES_BINARY_OP_SUBTRACT, len, SMALL(1)) : len;
    es_obj_t start = clamp_bound(es_load_attr(slice, ES_Q_start), len, lower, upper, sign < 0 ? upper : lower);
    es_obj_t stop = clamp_bound(es_load_attr(slice, ES_Q_stop), len, lower, upper, sign < 0 ? lower : upper);
    return range_from_objs(range_item(r, start), range_item(r, stop), int_op(ES_BINARY_OP_MULTIPLY, r->step, step));
}

static es_obj_t range_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    if (value != ES_OBJ_SENTINEL) {
        return ES_OBJ_NULL;
    }
    const es_obj_range_t *r = es_obj_to_ptr(self);
    es_int_t n;
    if (range_small_len(r, &n)) {
        if (es_obj_is_slice(index)) {
            /* bounds of the result may leave the small-int span, so they are computed as objects;
               the step is the slice's own, since b.step is cut to the length */
            es_bound_slice_t b;
            es_seq_slice_bounds(index, (size_t)n, &b);
            return range_from_objs(range_item(r, es_obj_new_int(b.start)), range_item(r, es_obj_new_int(b.stop)),
                                   int_op(ES_BINARY_OP_MULTIPLY, r->step, slice_step(index)));
        }
        size_t i = es_seq_get_index(&es_type_range, (size_t)n, index, "range object index out of range");
        return es_obj_new_int(es_small_int_value(r->start) + (es_int_t)i * es_small_int_value(r->step));
    }
    es_obj_t len = range_len_obj(r);
    if (es_obj_is_slice(index)) {
        return big_slice(r, index, len);
    }
    es_obj_t i = index_arg(index, false);
    if (es_obj_int_sign(i) < 0) {
        i = int_op(ES_BINARY_OP_ADD, i, len);
    }
    if (es_obj_int_sign(i) < 0 || !int_less(i, len)) {
        es_raise_msg(&es_type_IndexError, "range object index out of range");
    }
    return range_item(r, i);
}

/* ---- iterators ---------------------------------------------------------------------------- */

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

/* The same iteration with int objects, for ranges beyond the small-int span. */
typedef struct range_big_iter_t {
    es_obj_base_t base;
    es_obj_t next;
    es_obj_t step;
    es_obj_t remaining;
} range_big_iter_t;

static es_obj_t range_big_iter_next(es_obj_t self) {
    range_big_iter_t *it = es_obj_to_ptr(self);
    if (es_obj_int_sign(it->remaining) <= 0) {
        return ES_OBJ_STOP_ITERATION;
    }
    it->remaining = int_op(ES_BINARY_OP_SUBTRACT, it->remaining, SMALL(1));
    es_obj_t v = it->next;
    it->next = int_op(ES_BINARY_OP_ADD, it->next, it->step);
    return v;
}

static const es_type_t range_big_iterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_range_iterator,
    .getiter = iter_self,
    .iternext = range_big_iter_next,
};

/* small: the range is in the small-int representation, so every item is a small int too */
static es_obj_t new_range_iter(bool small, es_obj_t first, es_obj_t step, es_obj_t count, es_obj_iter_buf_t *iter_buf) {
    if (small && es_obj_is_small_int(first) && es_obj_is_small_int(step) && es_obj_is_small_int(count)) {
        ES_STATIC_ASSERT_ITER_BUF_FITS(range_iter_t);
        range_iter_t *it = iter_buf != NULL ? (range_iter_t *)iter_buf : es_new(range_iter_t);
        it->base.type = &range_iterator_type;
        it->next = es_small_int_value(first);
        it->step = es_small_int_value(step);
        it->remaining = es_small_int_value(count);
        return es_obj_from_ptr(it);
    }
    range_big_iter_t *it = es_new(range_big_iter_t);
    it->base.type = &range_big_iterator_type;
    it->next = first;
    it->step = step;
    it->remaining = count;
    return es_obj_from_ptr(it);
}

static es_obj_t range_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    const es_obj_range_t *r = es_obj_to_ptr(self);
    es_int_t n;
    bool small = range_small_len(r, &n);
    return new_range_iter(small, r->start, r->step, range_len_obj(r), iter_buf);
}

/* ---- methods ---------------------------------------------------------------------------- */

static es_obj_t range_reversed(es_obj_t self) {
    const es_obj_range_t *r = es_obj_to_ptr(self);
    es_obj_t n = range_len_obj(r);
    es_obj_t last = n == SMALL(0) ? r->start : range_item(r, int_op(ES_BINARY_OP_SUBTRACT, n, SMALL(1)));
    es_int_t unused;
    return new_range_iter(range_small_len(r, &unused), last, es_unary_op(ES_UNARY_OP_NEGATIVE, r->step), n, NULL);
}
static ES_DEFINE_FUN_1(range_reversed_obj, ES_Q___reversed__, range_reversed);

static es_obj_t range_index(es_obj_t self, es_obj_t value) {
    es_obj_t i = range_find(es_obj_to_ptr(self), value);
    if (i == ES_OBJ_NULL) {
        es_raise_msg_varg(&es_type_ValueError, "%s is not in range", es_repr_cstr(value));
    }
    return i;
}
static ES_DEFINE_FUN_2(range_index_obj, ES_Q_index, range_index);

static es_obj_t range_count(es_obj_t self, es_obj_t value) {
    const es_obj_range_t *r = es_obj_to_ptr(self);
    if (is_plain_int(value)) {
        return es_obj_new_small_int(range_find(r, value) != ES_OBJ_NULL);
    }
    es_obj_iter_buf_t buf;
    es_obj_t it = range_getiter(self, &buf), item;
    es_int_t count = 0;
    while ((item = es_iternext(it)) != ES_OBJ_STOP_ITERATION) {
        count += es_obj_equal(item, value);
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
        dest[0] = r->start;
    } else if (attr == ES_Q_stop) {
        dest[0] = r->stop;
    } else if (attr == ES_Q_step) {
        dest[0] = r->step;
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
