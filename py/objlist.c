/* objlist.c: the list type, its methods and its iterator. */

#include <string.h>

#include "py/objtype.h"
#include "py/runtime.h"
#include "py/sequence.h"
#include "py/sort.h"

/* The list behind self; methods called through the type (list.append(x, 1)) check it. */
static es_obj_list_t *list_of(es_obj_t self) {
    if (!es_obj_is_type(self, &es_type_list)) {
        es_obj_t native = es_instance_native(self); /* a subclass instance reached through super() */
        if (es_obj_is_type(native, &es_type_list)) {
            return es_obj_to_ptr(native);
        }
        es_raise_msg_varg(&es_type_TypeError, "descriptor for 'list' objects doesn't apply to a '%s' object",
                          es_obj_type_name(self));
    }
    return es_obj_to_ptr(self);
}

/* Makes room for at least `need` items. */
static void list_reserve(es_obj_list_t *l, size_t need) {
    if (need <= l->alloc) {
        return;
    }
    if (need > SIZE_MAX / (2 * sizeof(es_obj_t))) {
        es_raise_memory_error();
    }
    size_t alloc = l->alloc < 4 ? 4 : l->alloc + l->alloc / 2;
    if (alloc < need) {
        alloc = need;
    }
    l->items = es_realloc(l->items, alloc * sizeof(es_obj_t));
    l->alloc = alloc;
}

/* Gives back memory after the list shrank a lot, keeping a little slack. */
static void list_trim(es_obj_list_t *l) {
    if (l->alloc > 16 && l->len < l->alloc / 4) {
        size_t alloc = l->len < 4 ? 4 : l->len * 2;
        l->items = es_realloc(l->items, alloc * sizeof(es_obj_t));
        l->alloc = alloc;
    }
}

es_obj_t es_obj_new_list(size_t n, const es_obj_t *items) {
    es_obj_list_t *l = es_new(es_obj_list_t);
    l->base.type = &es_type_list;
    if (n > 0) {
        list_reserve(l, n);
        if (items != NULL) {
            es_seq_copy_objs(l->items, items, n);
        } else {
            for (size_t i = 0; i < n; i++) {
                l->items[i] = ES_OBJ_NONE;
            }
        }
    }
    l->len = n;
    return es_obj_from_ptr(l);
}

es_obj_t es_obj_list_append(es_obj_t list, es_obj_t item) {
    es_obj_list_t *l = list_of(list);
    if (l->len == l->alloc) {
        list_reserve(l, l->len + 1);
    }
    l->items[l->len++] = item;
    return ES_OBJ_NONE;
}

void es_obj_list_get(es_obj_t list, size_t *len, es_obj_t **items) {
    es_obj_list_t *l = list_of(list);
    *len = l->len;
    *items = l->items;
}

void es_obj_list_set_len(es_obj_t list, size_t len) {
    es_obj_list_t *l = list_of(list);
    if (len < l->len) {
        es_seq_clear_objs(l->items + len, (l->len - len));
        l->len = len;
    }
}

void es_obj_list_extend(es_obj_t list, es_obj_t iterable) {
    es_obj_list_t *l = list_of(list);
    if (es_obj_is_type(iterable, &es_type_list) || es_obj_is_type(iterable, &es_type_tuple)) {
        size_t n;
        es_obj_t *items;
        es_obj_get_array(iterable, &n, &items);
        list_reserve(l, l->len + n);
        es_obj_get_array(iterable, &n, &items); /* extending a list by itself: items may have moved */
        es_seq_copy_objs(l->items + l->len, items, n);
        l->len += n;
        return;
    }
    es_obj_iter_buf_t iter_buf;
    es_obj_t iter = es_getiter(iterable, &iter_buf);
    es_obj_t item;
    while ((item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        es_obj_list_append(list, item);
    }
}

es_obj_t es_obj_new_list_from_iter(es_obj_t iterable) {
    es_obj_t list = es_obj_new_list(0, NULL);
    es_obj_list_extend(list, iterable);
    return list;
}

es_obj_t es_obj_list_pop(es_obj_t list, es_int_t index) {
    es_obj_list_t *l = list_of(list);
    if (l->len == 0) {
        es_raise_msg(&es_type_IndexError, "pop from empty list");
    }
    if (index < 0) {
        index += (es_int_t)l->len;
    }
    if (index < 0 || (size_t)index >= l->len) {
        es_raise_msg(&es_type_IndexError, "pop index out of range");
    }
    es_obj_t item = l->items[index];
    es_seq_copy_objs(l->items + index, l->items + index + 1, (l->len - (size_t)index - 1));
    l->items[--l->len] = ES_OBJ_NULL;
    list_trim(l);
    return item;
}

/* ---- printing and construction ----------------------------------------------------- */

static void list_print_items(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_obj_list_t *l = es_obj_to_ptr(self);
    /* An item's repr may change the list, so the length is read afresh each time. */
    for (size_t i = 0; i < l->len; i++) {
        if (i > 0) {
            es_print_str(print, ", ");
        }
        es_obj_print_helper(print, l->items[i], ES_PRINT_REPR);
    }
}

static void list_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    es_print_str(print, "[");
    if (!es_repr_guard(print, self, kind, list_print_items)) {
        es_print_str(print, "...");
    }
    es_print_str(print, "]");
}

static es_obj_t list_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_check_num(n_args, n_kw, 0, 1, false);
    es_obj_t list = es_obj_new_list(0, NULL);
    if (n_args == 1) {
        es_obj_list_extend(list, args[0]);
    }
    return list;
}

/* ---- operators ------------------------------------------------------------------------ */

static es_obj_t list_unary_op(es_unary_op_t op, es_obj_t self) {
    const es_obj_list_t *l = es_obj_to_ptr(self);
    switch (op) {
    case ES_UNARY_OP_BOOL:
        return es_obj_new_bool(l->len != 0);
    case ES_UNARY_OP_LEN:
        return es_obj_new_small_int((es_int_t)l->len);
    case ES_UNARY_OP_SIZEOF:
        return es_obj_new_small_int((es_int_t)(sizeof(es_obj_list_t) + l->alloc * sizeof(es_obj_t)));
    default:
        return ES_OBJ_NULL;
    }
}

/* Comparison that tolerates items changing the lists while they compare. */
static bool list_compare(es_binary_op_t op, const es_obj_list_t *a, const es_obj_list_t *b) {
    if ((op == ES_BINARY_OP_EQUAL || op == ES_BINARY_OP_NOT_EQUAL) && a->len != b->len) {
        return op == ES_BINARY_OP_NOT_EQUAL;
    }
    bool outermost = es_nesting_enter(" in comparison");
    size_t i = 0;
    while (i < a->len && i < b->len && es_obj_equal(a->items[i], b->items[i])) {
        i++;
    }
    bool result;
    if (i >= a->len || i >= b->len) {
        /* one is a prefix of the other: the sizes decide */
        result = es_seq_order_satisfies(op, a->len < b->len ? -1 : a->len > b->len ? 1 : 0);
    } else if (op == ES_BINARY_OP_EQUAL || op == ES_BINARY_OP_NOT_EQUAL) {
        result = op == ES_BINARY_OP_NOT_EQUAL;
    } else {
        result = es_obj_is_true(es_binary_op(op, a->items[i], b->items[i]));
    }
    es_nesting_leave(outermost);
    return result;
}

static void list_repeat_in_place(es_obj_list_t *l, size_t times) {
    if (times == 0 || l->len == 0) {
        l->len = 0;
        list_trim(l);
        return;
    }
    size_t n = l->len;
    list_reserve(l, n * times);
    es_seq_repeat(l->items + n, l->items, n * sizeof(es_obj_t), times - 1);
    l->len = n * times;
}

static es_obj_t list_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    es_obj_list_t *a = es_obj_to_ptr(lhs);
    switch (op) {
    case ES_BINARY_OP_ADD: {
        if (!es_obj_is_type(rhs, &es_type_list)) {
            es_seq_raise_concat_error(&es_type_list, rhs);
            return ES_OBJ_NULL;
        }
        const es_obj_list_t *b = es_obj_to_ptr(rhs);
        es_obj_t result = es_obj_new_list(a->len + b->len, NULL);
        es_obj_list_t *r = es_obj_to_ptr(result);
        es_seq_copy_objs(r->items, a->items, a->len);
        es_seq_copy_objs(r->items + a->len, b->items, b->len);
        return result;
    }
    case ES_BINARY_OP_INPLACE_ADD:
        es_obj_list_extend(lhs, rhs);
        return lhs;
    case ES_BINARY_OP_MULTIPLY:
    case ES_BINARY_OP_REVERSE_MULTIPLY: {
        size_t times;
        if (!es_seq_repeat_count(rhs, a->len * sizeof(es_obj_t), &times)) {
            es_seq_raise_repeat_error(rhs);
            return ES_OBJ_NULL;
        }
        es_obj_t result = es_obj_new_list(a->len * times, NULL);
        es_seq_repeat(((es_obj_list_t *)es_obj_to_ptr(result))->items, a->items, a->len * sizeof(es_obj_t), times);
        return result;
    }
    case ES_BINARY_OP_INPLACE_MULTIPLY: {
        size_t times;
        if (!es_seq_repeat_count(rhs, a->len * sizeof(es_obj_t), &times)) {
            return ES_OBJ_NULL;
        }
        list_repeat_in_place(a, times);
        return lhs;
    }
    case ES_BINARY_OP_IN:
        for (size_t i = 0; i < a->len; i++) {
            if (es_obj_equal(a->items[i], rhs)) {
                return ES_OBJ_TRUE;
            }
        }
        return ES_OBJ_FALSE;
    case ES_BINARY_OP_EQUAL:
    case ES_BINARY_OP_NOT_EQUAL:
    case ES_BINARY_OP_LESS:
    case ES_BINARY_OP_LESS_EQUAL:
    case ES_BINARY_OP_MORE:
    case ES_BINARY_OP_MORE_EQUAL:
        if (!es_obj_is_type(rhs, &es_type_list)) {
            return ES_OBJ_NULL;
        }
        return es_obj_new_bool(list_compare(op, a, es_obj_to_ptr(rhs)));
    default:
        return ES_OBJ_NULL;
    }
}

/* ---- subscripts ------------------------------------------------------------------------ */

/* Replaces items [start, stop) with the n given items (stop >= start). */
static void list_replace_range(es_obj_list_t *l, size_t start, size_t stop, size_t n, const es_obj_t *items) {
    size_t removed = stop - start;
    size_t new_len = l->len - removed + n;
    if (n > removed) {
        list_reserve(l, new_len);
    }
    es_seq_copy_objs(l->items + start + n, l->items + stop, (l->len - stop));
    es_seq_copy_objs(l->items + start, items, n);
    if (new_len < l->len) {
        es_seq_clear_objs(l->items + new_len, (l->len - new_len));
    }
    l->len = new_len;
    list_trim(l);
}

static void list_delete_slice(es_obj_list_t *l, es_obj_t index) {
    es_bound_slice_t b;
    size_t n = es_seq_slice_bounds(index, l->len, &b);
    if (n == 0) {
        return;
    }
    if (b.step == 1) {
        list_replace_range(l, (size_t)b.start, (size_t)b.stop, 0, NULL);
        return;
    }
    /* Normalise to an ascending walk, then squeeze the survivors together. */
    es_int_t step = b.step, first = b.start;
    if (step < 0) {
        first = b.start + (es_int_t)(n - 1) * step;
        step = -step;
    }
    size_t to = (size_t)first, next_deleted = (size_t)first, deleted = 0;
    for (size_t from = (size_t)first; from < l->len; from++) {
        if (from == next_deleted && deleted < n) {
            deleted++;
            next_deleted += (size_t)step;
            continue;
        }
        l->items[to++] = l->items[from];
    }
    es_seq_clear_objs(l->items + to, (l->len - to));
    l->len = to;
    list_trim(l);
}

static void list_store_slice(es_obj_list_t *l, es_obj_t index, es_obj_t value) {
    /* A private copy of the new items: the value may be the list itself, or change it. */
    es_obj_t source;
    if (es_obj_is_type(value, &es_type_list) || es_obj_is_type(value, &es_type_tuple)) {
        size_t n;
        es_obj_t *items;
        es_obj_get_array(value, &n, &items);
        source = es_obj_new_tuple(n, items);
    } else {
        const es_type_t *type = es_obj_get_type(value);
        if (type->getiter == NULL && !(type->flags & ES_TYPE_FLAG_IS_USER_CLASS)) {
            es_raise_msg(&es_type_TypeError, "can only assign an iterable");
        }
        source = es_obj_new_tuple_from_iter(value);
    }
    size_t n_new;
    es_obj_t *new_items;
    es_obj_get_array(source, &n_new, &new_items);
    es_bound_slice_t b;
    size_t n = es_seq_slice_bounds(index, l->len, &b);
    if (b.step == 1) {
        size_t start = (size_t)b.start, stop = b.stop < b.start ? start : (size_t)b.stop;
        list_replace_range(l, start, stop, n_new, new_items);
        return;
    }
    if (n_new != n) {
        es_raise_msg_varg(&es_type_ValueError, "attempt to assign sequence of size %u to extended slice of size %u",
                          (unsigned)n_new, (unsigned)n);
    }
    es_int_t pos = b.start;
    for (size_t i = 0; i < n; i++, pos += b.step) {
        l->items[pos] = new_items[i];
    }
}

static es_obj_t list_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    index = es_seq_plain_index(index);
    es_obj_list_t *l = es_obj_to_ptr(self);
    if (es_obj_is_slice(index)) {
        if (value == ES_OBJ_SENTINEL) {
            return es_seq_slice_objs(&es_type_list, l->items, l->len, index);
        }
        if (value == ES_OBJ_NULL) {
            list_delete_slice(l, index);
        } else {
            list_store_slice(l, index, value);
        }
        return ES_OBJ_NONE;
    }
    if (value == ES_OBJ_SENTINEL) {
        return l->items[es_seq_get_index(&es_type_list, l->len, index, "list index out of range")];
    }
    if (value == ES_OBJ_NULL) {
        size_t i = es_seq_get_index(&es_type_list, l->len, index, "list assignment index out of range");
        es_obj_list_pop(self, (es_int_t)i);
        return ES_OBJ_NONE;
    }
    l->items[es_seq_get_index(&es_type_list, l->len, index, "list assignment index out of range")] = value;
    return ES_OBJ_NONE;
}

/* ---- iterator ------------------------------------------------------------------------ */

typedef struct list_iter_t {
    es_obj_base_t base;
    es_obj_t list;
    size_t next;
} list_iter_t;

static es_obj_t list_iter_next(es_obj_t self) {
    list_iter_t *it = es_obj_to_ptr(self);
    const es_obj_list_t *l = es_obj_to_ptr(it->list);
    if (it->next < l->len) {
        return l->items[it->next++];
    }
    it->next = SIZE_MAX; /* once exhausted, growing the list does not revive the iterator */
    return ES_OBJ_STOP_ITERATION;
}

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

static const es_type_t list_iterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_list_iterator,
    .getiter = iter_self,
    .iternext = list_iter_next,
};

static es_obj_t list_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_STATIC_ASSERT_ITER_BUF_FITS(list_iter_t);
    list_iter_t *it = iter_buf != NULL ? (list_iter_t *)iter_buf : es_new(list_iter_t);
    it->base.type = &list_iterator_type;
    it->list = self;
    it->next = 0;
    return es_obj_from_ptr(it);
}

/* Iterator for reversed(list): walks down from the end, re-checking the length. */
typedef struct list_reverse_iter_t {
    es_obj_base_t base;
    es_obj_t list;
    size_t remaining; /* index of the next item plus one; 0 when done */
} list_reverse_iter_t;

static es_obj_t list_reverse_iter_next(es_obj_t self) {
    list_reverse_iter_t *it = es_obj_to_ptr(self);
    const es_obj_list_t *l = es_obj_to_ptr(it->list);
    if (it->remaining > 0 && it->remaining <= l->len) {
        return l->items[--it->remaining];
    }
    it->remaining = 0;
    return ES_OBJ_STOP_ITERATION;
}

static const es_type_t list_reverseiterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_list_reverseiterator,
    .getiter = iter_self,
    .iternext = list_reverse_iter_next,
};

static es_obj_t list_reversed(es_obj_t self) {
    list_reverse_iter_t *it = es_new(list_reverse_iter_t);
    it->base.type = &list_reverseiterator_type;
    es_obj_list_t *l = list_of(self);
    it->list = es_obj_from_ptr(l);
    it->remaining = l->len;
    return es_obj_from_ptr(it);
}
static ES_DEFINE_FUN_1(list_reversed_obj, ES_Q___reversed__, list_reversed);

/* ---- methods ------------------------------------------------------------------------- */

static ES_DEFINE_FUN_2(list_append_obj, ES_Q_append, es_obj_list_append);

static es_obj_t list_extend(es_obj_t self, es_obj_t iterable) {
    list_of(self);
    es_obj_list_extend(self, iterable);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(list_extend_obj, ES_Q_extend, list_extend);

/* An index argument as a machine integer; OverflowError beyond one, as CPython. */
static es_int_t machine_index(es_obj_t index) {
    es_int_t i;
    if (!es_obj_get_int_maybe(index, &i)) {
        if (es_obj_is_int(index)) {
            es_raise_msg(&es_type_OverflowError, "Python int too large to convert to C ssize_t");
        }
        i = es_obj_get_int(index);
    }
    return i;
}

static es_obj_t list_insert(es_obj_t self, es_obj_t index, es_obj_t item) {
    es_obj_list_t *l = list_of(self);
    es_int_t i = machine_index(index);
    if (i < 0) {
        i += (es_int_t)l->len;
        if (i < 0) {
            i = 0;
        }
    } else if ((size_t)i > l->len) {
        i = (es_int_t)l->len;
    }
    list_reserve(l, l->len + 1);
    es_seq_copy_objs(l->items + i + 1, l->items + i, (l->len - (size_t)i));
    l->items[i] = item;
    l->len++;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(list_insert_obj, ES_Q_insert, list_insert);

static es_obj_t list_pop(size_t n_args, const es_obj_t *args) {
    list_of(args[0]);
    es_int_t index = -1;
    if (n_args == 2) {
        index = machine_index(args[1]);
    }
    return es_obj_list_pop(args[0], index);
}
static ES_DEFINE_FUN_VAR(list_pop_obj, ES_Q_pop, 1, 2, list_pop);

static es_obj_t list_remove(es_obj_t self, es_obj_t value) {
    es_obj_list_t *l = list_of(self);
    for (size_t i = 0; i < l->len; i++) {
        if (es_obj_equal(l->items[i], value)) {
            if (i < l->len) {
                es_obj_list_pop(self, (es_int_t)i);
            }
            return ES_OBJ_NONE;
        }
    }
    es_raise_msg(&es_type_ValueError, "list.remove(x): x not in list");
}
static ES_DEFINE_FUN_2(list_remove_obj, ES_Q_remove, list_remove);

static es_obj_t list_clear(es_obj_t self) {
    es_obj_list_t *l = list_of(self);
    es_free(l->items);
    l->items = NULL;
    l->len = l->alloc = 0;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(list_clear_obj, ES_Q_clear, list_clear);

static es_obj_t list_copy(es_obj_t self) {
    es_obj_list_t *l = list_of(self);
    return es_obj_new_list(l->len, l->items);
}
static ES_DEFINE_FUN_1(list_copy_obj, ES_Q_copy, list_copy);

static es_obj_t list_count(es_obj_t self, es_obj_t value) {
    es_obj_list_t *l = list_of(self);
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        if (es_obj_equal(l->items[i], value)) {
            n++;
        }
    }
    return es_obj_new_small_int((es_int_t)n);
}
static ES_DEFINE_FUN_2(list_count_obj, ES_Q_count, list_count);

static es_obj_t list_index(size_t n_args, const es_obj_t *args) {
    es_obj_list_t *l = list_of(args[0]);
    size_t start, end;
    es_seq_start_end(l->len, n_args - 2, args + 2, &start, &end);
    for (size_t i = start; i < end && i < l->len; i++) {
        if (es_obj_equal(l->items[i], args[1])) {
            return es_obj_new_small_int((es_int_t)i);
        }
    }
    es_raise_msg_varg(&es_type_ValueError, "%s is not in list", es_repr_cstr(args[1]));
}
static ES_DEFINE_FUN_VAR(list_index_obj, ES_Q_index, 2, 4, list_index);

static es_obj_t list_reverse(es_obj_t self) {
    es_obj_list_t *l = list_of(self);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        es_obj_t t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(list_reverse_obj, ES_Q_reverse, list_reverse);

static es_obj_t list_sort(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    if (n_args > 1) {
        es_raise_msg(&es_type_TypeError, "sort() takes no positional arguments");
    }
    static const es_arg_t allowed[] = {
        {ES_Q_key, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_reverse, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_FALSE}},
    };
    es_arg_val_t vals[2];
    es_arg_parse_all(0, NULL, kw_args, ES_ARRAY_SIZE(allowed), allowed, vals);
    es_obj_list_sort(es_obj_from_ptr(list_of(args[0])), vals[0].u_obj, es_obj_is_true(vals[1].u_obj));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(list_sort_obj, ES_Q_sort, 1, list_sort);

static es_obj_t list_init(size_t n_args, const es_obj_t *args) {
    list_of(args[0]);
    es_obj_list_set_len(args[0], 0);
    if (n_args == 2) {
        es_obj_list_extend(args[0], args[1]);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(list_init_obj, ES_Q___init__, 1, 2, list_init);

static const es_map_elem_t list_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_append), ES_OBJ_FROM_CONST(list_append_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_clear), ES_OBJ_FROM_CONST(list_clear_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_copy), ES_OBJ_FROM_CONST(list_copy_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_count), ES_OBJ_FROM_CONST(list_count_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_extend), ES_OBJ_FROM_CONST(list_extend_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_index), ES_OBJ_FROM_CONST(list_index_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_insert), ES_OBJ_FROM_CONST(list_insert_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pop), ES_OBJ_FROM_CONST(list_pop_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_remove), ES_OBJ_FROM_CONST(list_remove_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_reverse), ES_OBJ_FROM_CONST(list_reverse_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sort), ES_OBJ_FROM_CONST(list_sort_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___reversed__), ES_OBJ_FROM_CONST(list_reversed_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___init__), ES_OBJ_FROM_CONST(list_init_obj)},
    ES_SEQ_DUNDER_LOCALS_RW,
};
static ES_DEFINE_CONST_DICT(list_locals_dict, list_locals_table);

const es_type_t es_type_list = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_NONE,
    .name = ES_Q_list,
    .print = list_print,
    .make_new = list_make_new,
    .unary_op = list_unary_op,
    .binary_op = list_binary_op,
    .subscr = list_subscr,
    .getiter = list_getiter,
    .locals_dict = (es_obj_dict_t *)&list_locals_dict,
};
