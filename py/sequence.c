/* sequence.c: slice bounds, start/end arguments, repetition, comparison and search shared by sequences. */

#include <string.h>

#include "py/runtime.h"
#include "py/sequence.h"

/* ---- indices and slices ------------------------------------------------------------ */

size_t es_seq_slice_bounds(es_obj_t slice, size_t len, es_bound_slice_t *bounds) {
    es_obj_slice_indices(slice, (es_int_t)len, bounds);
    /* A step as long as the sequence picks the same items as any longer one (-2**63 too), and
       keeps index arithmetic such as start + k * step from overflowing. */
    es_int_t span = len > 0 ? (es_int_t)len : 1;
    if (bounds->step > span) {
        bounds->step = span;
    } else if (bounds->step < -span) {
        bounds->step = -span;
    }
    es_int_t start = bounds->start, stop = bounds->stop, step = bounds->step;
    if (step > 0) {
        return start < stop ? (size_t)((stop - start - 1) / step) + 1 : 0;
    }
    return stop < start ? (size_t)((start - stop - 1) / -step) + 1 : 0;
}

size_t es_seq_get_index(const es_type_t *type, size_t len, es_obj_t index, const char *out_of_range_msg) {
    es_int_t i;
    if (es_obj_is_small_int(index)) {
        i = es_small_int_value(index);
    } else if (!es_obj_get_int_maybe(index, &i)) {
        if (es_obj_is_int(index)) {
            es_raise_msg(&es_type_IndexError, "cannot fit 'int' into an index-sized integer");
        }
        const es_type_t *index_type = es_obj_get_type(index);
        if (!(index_type->flags & ES_TYPE_FLAG_IS_USER_CLASS) ||
            es_type_lookup(index_type, ES_Q___index__) == ES_OBJ_NULL) {
            es_raise_msg_varg(&es_type_TypeError, "%q indices must be integers or slices, not %s",
                              (es_qstr_t)type->name, es_obj_type_name(index));
        }
        i = es_obj_get_int(index);
    }
    if (i < 0) {
        i += (es_int_t)len;
    }
    if (i < 0 || (size_t)i >= len) {
        es_raise_msg(&es_type_IndexError, out_of_range_msg);
    }
    return (size_t)i;
}

static bool has_user_index(es_obj_t o) {
    if (!es_obj_is_ptr(o)) {
        return false;
    }
    const es_type_t *type = es_obj_get_type(o);
    return (type->flags & ES_TYPE_FLAG_IS_USER_CLASS) && es_type_lookup(type, ES_Q___index__) != ES_OBJ_NULL;
}

static es_obj_t plain_bound(es_obj_t o) { return has_user_index(o) ? es_obj_new_int(es_obj_get_int(o)) : o; }

es_obj_t es_seq_plain_index(es_obj_t index) {
    if (!es_obj_is_slice(index)) {
        return plain_bound(index);
    }
    es_obj_t start, stop, step;
    es_obj_slice_get(index, &start, &stop, &step);
    if (!has_user_index(start) && !has_user_index(stop) && !has_user_index(step)) {
        return index;
    }
    start = plain_bound(start);
    stop = plain_bound(stop);
    return es_obj_new_slice(start, stop, plain_bound(step));
}

void es_seq_copy_slice(void *dest, const void *src, size_t item_size, const es_bound_slice_t *bounds,
                       size_t n) {
    if (n == 0) {
        return;
    }
    const uint8_t *from = (const uint8_t *)src + (size_t)bounds->start * item_size;
    if (bounds->step == 1 || n == 1) {
        memmove(dest, from, n * item_size);
        return;
    }
    uint8_t *to = dest;
    ptrdiff_t stride = (ptrdiff_t)bounds->step * (ptrdiff_t)item_size;
    for (size_t i = 0; i < n; i++) {
        memcpy(to, from, item_size);
        to += item_size;
        from += stride;
    }
}

es_obj_t es_seq_slice_objs(const es_type_t *type, const es_obj_t *items, size_t len, es_obj_t slice) {
    es_bound_slice_t bounds;
    size_t n = es_seq_slice_bounds(slice, len, &bounds);
    es_obj_t result = type == &es_type_tuple ? es_obj_new_tuple(n, NULL) : es_obj_new_list(n, NULL);
    es_obj_t *dest;
    size_t dest_len;
    es_obj_get_array(result, &dest_len, &dest);
    es_seq_copy_slice(dest, items, sizeof(es_obj_t), &bounds, n);
    return result;
}

/* One optional bound of index()/find(): None means `dflt`; clamped to [0, len]. */
static size_t resolve_bound(es_obj_t arg, size_t len, size_t dflt) {
    if (arg == ES_OBJ_NONE) {
        return dflt;
    }
    es_int_t v;
    if (!es_obj_get_int_maybe(arg, &v)) {
        if (!es_obj_is_int(arg)) {
            v = es_obj_get_int(arg); /* __index__, or TypeError */
        } else {
            /* an int too big for a machine word lies beyond either end */
            v = es_obj_is_true(es_binary_op(ES_BINARY_OP_LESS, arg, ES_OBJ_NEW_SMALL_INT(0))) ? ES_SMALL_INT_MIN
                                                                                           : ES_SMALL_INT_MAX;
        }
    }
    if (v < 0) {
        v += (es_int_t)len;
        if (v < 0) {
            v = 0;
        }
    } else if ((size_t)v > len) {
        v = (es_int_t)len;
    }
    return (size_t)v;
}

void es_seq_start_end(size_t len, size_t n_args, const es_obj_t *args, size_t *start, size_t *end) {
    *start = n_args >= 1 ? resolve_bound(args[0], len, 0) : 0;
    *end = n_args >= 2 ? resolve_bound(args[1], len, len) : len;
}

/* ---- repetition --------------------------------------------------------------------- */

bool es_seq_repeat_count(es_obj_t n, size_t item_bytes, size_t *times) {
    es_int_t v;
    if (!es_obj_get_int_maybe(n, &v)) {
        if (es_obj_is_int(n)) {
            if (es_obj_is_true(es_binary_op(ES_BINARY_OP_LESS, n, ES_OBJ_NEW_SMALL_INT(0)))) {
                *times = 0;
                return true;
            }
            es_raise_msg(&es_type_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        const es_type_t *type = es_obj_get_type(n);
        if (!(type->flags & ES_TYPE_FLAG_IS_USER_CLASS) || es_type_lookup(type, ES_Q___index__) == ES_OBJ_NULL) {
            return false;
        }
        v = es_obj_get_int(n);
    }
    if (v <= 0 || item_bytes == 0) {
        *times = v <= 0 ? 0 : (size_t)v;
        return true;
    }
    if ((size_t)v > (SIZE_MAX / 2) / item_bytes) {
        es_raise_memory_error();
    }
    *times = (size_t)v;
    return true;
}

static bool is_user_instance(es_obj_t o) {
    return (es_obj_get_type(o)->flags & ES_TYPE_FLAG_IS_USER_CLASS) != 0;
}

void es_seq_raise_concat_error(const es_type_t *seq_type, es_obj_t other) {
    if (!is_user_instance(other)) {
        es_raise_msg_varg(&es_type_TypeError, "can only concatenate %q (not \"%s\") to %q", (es_qstr_t)seq_type->name,
                          es_obj_type_name(other), (es_qstr_t)seq_type->name);
    }
}

void es_seq_raise_repeat_error(es_obj_t other) {
    if (!is_user_instance(other)) {
        es_raise_msg_varg(&es_type_TypeError, "can't multiply sequence by non-int of type '%s'",
                          es_obj_type_name(other));
    }
}

const char *es_repr_cstr(es_obj_t o) {
    es_vstr_t vstr;
    es_print_t print;
    es_vstr_init_print(&vstr, 16, &print);
    es_obj_print_helper(&print, o, ES_PRINT_REPR);
    return es_vstr_null_terminated_str(&vstr);
}

void es_seq_repeat(void *dest, const void *src, size_t len, size_t times) {
    if (len == 0) {
        return;
    }
    uint8_t *to = dest;
    for (size_t i = 0; i < times; i++) {
        memcpy(to, src, len);
        to += len;
    }
}

/* ---- comparison --------------------------------------------------------------------- */

bool es_seq_order_satisfies(es_binary_op_t op, int sign) {
    switch (op) {
    case ES_BINARY_OP_LESS:
        return sign < 0;
    case ES_BINARY_OP_MORE:
        return sign > 0;
    case ES_BINARY_OP_LESS_EQUAL:
        return sign <= 0;
    case ES_BINARY_OP_MORE_EQUAL:
        return sign >= 0;
    case ES_BINARY_OP_NOT_EQUAL:
        return sign != 0;
    default:
        return sign == 0;
    }
}

bool es_seq_cmp_bytes(es_binary_op_t op, const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len) {
    if ((op == ES_BINARY_OP_EQUAL || op == ES_BINARY_OP_NOT_EQUAL) && a_len != b_len) {
        return op == ES_BINARY_OP_NOT_EQUAL;
    }
    size_t n = a_len < b_len ? a_len : b_len;
    int c = n > 0 ? memcmp(a, b, n) : 0;
    if (c == 0) {
        c = a_len < b_len ? -1 : a_len > b_len ? 1 : 0;
    }
    return es_seq_order_satisfies(op, c);
}

bool es_seq_cmp_objs(es_binary_op_t op, const es_obj_t *a, size_t a_len, const es_obj_t *b, size_t b_len) {
    if ((op == ES_BINARY_OP_EQUAL || op == ES_BINARY_OP_NOT_EQUAL) && a_len != b_len) {
        return op == ES_BINARY_OP_NOT_EQUAL;
    }
    bool outermost = es_nesting_enter(" in comparison");
    size_t i = 0;
    while (i < a_len && i < b_len && es_obj_equal(a[i], b[i])) {
        i++;
    }
    bool result;
    if (i < a_len && i < b_len) {
        result = op == ES_BINARY_OP_EQUAL       ? false
                 : op == ES_BINARY_OP_NOT_EQUAL ? true
                                                : es_obj_is_true(es_binary_op(op, a[i], b[i]));
    } else {
        result = es_seq_order_satisfies(op, a_len < b_len ? -1 : a_len > b_len ? 1 : 0);
    }
    es_nesting_leave(outermost);
    return result;
}

/* ---- search ------------------------------------------------------------------------- */

bool es_seq_contains_objs(const es_obj_t *items, size_t len, es_obj_t value) {
    for (size_t i = 0; i < len; i++) {
        if (es_obj_equal(items[i], value)) {
            return true;
        }
    }
    return false;
}

size_t es_seq_count_objs(const es_obj_t *items, size_t len, es_obj_t value) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (es_obj_equal(items[i], value)) {
            n++;
        }
    }
    return n;
}

es_obj_t es_seq_index_objs(const es_type_t *type, const es_obj_t *items, size_t len, size_t n_args,
                           const es_obj_t *args) {
    size_t start, end;
    es_seq_start_end(len, n_args - 1, args + 1, &start, &end);
    for (size_t i = start; i < end && i < len; i++) {
        if (es_obj_equal(items[i], args[0])) {
            return es_obj_new_small_int((es_int_t)i);
        }
    }
    if (type == &es_type_tuple) {
        es_raise_msg(&es_type_ValueError, "tuple.index(x): x not in tuple");
    }
    es_raise_msg(&es_type_ValueError, "list.index(x): x not in list");
}

/* ---- nesting depth ------------------------------------------------------------------------ */

/* The share of the C stack nested containers may use: a few thousand levels on the host. */
#define NESTING_STACK_LIMIT (ES_STACK_LIMIT / 2)

/*
** Where the outermost nested operation started. Nested steps always run deeper (at lower
** addresses), so a step at or above this mark starts a new outermost operation: a mark left
** behind by an exception is thereby replaced without any clean-up.
*/
static uintptr_t nesting_outer; /* 0: none under way */

bool es_nesting_enter(const char *what) {
    char here;
    uintptr_t sp = (uintptr_t)&here;
    if (nesting_outer == 0 || sp >= nesting_outer) {
        nesting_outer = sp;
        return true;
    }
    if (nesting_outer - sp > NESTING_STACK_LIMIT) {
        nesting_outer = 0;
        es_raise_msg_varg(&es_type_RecursionError, "maximum recursion depth exceeded%s", what);
    }
    es_stack_check();
    return false;
}

void es_nesting_leave(bool outermost) {
    if (outermost) {
        nesting_outer = 0;
    }
}

/* ---- repr guard --------------------------------------------------------------------- */

/*
** Objects whose items are being printed, outermost first. Only identities are kept (the
** objects themselves are alive on the C stack), so the collector need not see this table.
** Beyond its depth cycles are no longer detected and the stack check stops the recursion.
*/
#define REPR_GUARD_DEPTH (24)
static es_obj_t repr_in_progress[REPR_GUARD_DEPTH];
static size_t repr_depth;

static bool repr_guarded(const es_print_t *print, es_obj_t self, es_print_kind_t kind, es_print_fun_t print_items);

bool es_repr_guard(const es_print_t *print, es_obj_t self, es_print_kind_t kind, es_print_fun_t print_items) {
    bool outermost = es_nesting_enter(" while getting the repr of an object");
    bool printed = repr_guarded(print, self, kind, print_items);
    es_nesting_leave(outermost);
    return printed;
}

static bool repr_guarded(const es_print_t *print, es_obj_t self, es_print_kind_t kind, es_print_fun_t print_items) {
    size_t depth = repr_depth;
    for (size_t i = 0; i < depth; i++) {
        if (repr_in_progress[i] == self) {
            return false;
        }
    }
    if (depth >= REPR_GUARD_DEPTH) {
        print_items(print, self, kind);
        return true;
    }
    repr_in_progress[depth] = self;
    repr_depth = depth + 1;
    if (depth == 0) {
        /* The outermost printer clears the record when an item's repr raises. */
        es_nlr_buf_t nlr;
        if (es_nlr_push(&nlr) == 0) {
            print_items(print, self, kind);
            es_nlr_pop();
        } else {
            repr_depth = 0;
            es_nlr_jump(nlr.ret_val);
        }
    } else {
        print_items(print, self, kind);
    }
    repr_depth = depth;
    return true;
}

/* ---- special methods shared by the container types ---------------------------------------- */

/*
** Built-in containers expose their slots as __getitem__, __len__... too, so that subclasses can
** call super().__setitem__(k, v) and code can call list.__getitem__(x, i) as in CPython.
*/
static es_obj_t dunder_getitem(es_obj_t self, es_obj_t index) { return es_obj_subscr(self, index, ES_OBJ_SENTINEL); }
ES_DEFINE_FUN_2(es_dunder_getitem_obj, ES_Q___getitem__, dunder_getitem);

static es_obj_t dunder_setitem(es_obj_t self, es_obj_t index, es_obj_t value) {
    es_obj_subscr(self, index, value);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_3(es_dunder_setitem_obj, ES_Q___setitem__, dunder_setitem);

static es_obj_t dunder_delitem(es_obj_t self, es_obj_t index) {
    es_obj_subscr(self, index, ES_OBJ_NULL);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_2(es_dunder_delitem_obj, ES_Q___delitem__, dunder_delitem);

ES_DEFINE_FUN_1(es_dunder_len_obj, ES_Q___len__, es_obj_len);

static es_obj_t dunder_contains(es_obj_t self, es_obj_t item) {
    return es_binary_op(ES_BINARY_OP_IN, self, item);
}
ES_DEFINE_FUN_2(es_dunder_contains_obj, ES_Q___contains__, dunder_contains);

static es_obj_t dunder_iter(es_obj_t self) { return es_getiter(self, NULL); }
ES_DEFINE_FUN_1(es_dunder_iter_obj, ES_Q___iter__, dunder_iter);

/* list[int] and friends in annotations: the class itself stands for the alias. The runtime
** calls it as __class_getitem__(cls, item), so it is a plain function, not a classmethod. */
static es_obj_t class_getitem(es_obj_t cls, es_obj_t item) {
    ES_UNUSED(item);
    return cls;
}
ES_DEFINE_FUN_2(es_class_getitem_obj, ES_Q___class_getitem__, class_getitem);
