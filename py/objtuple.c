/* objtuple.c: the tuple type and its iterator. */

#include <string.h>

#include "py/runtime.h"
#include "py/sequence.h"

const es_obj_tuple_t es_const_empty_tuple_obj = {{&es_type_tuple}, 0};

es_obj_t es_obj_new_tuple(size_t n, const es_obj_t *items) {
    if (n == 0) {
        return ES_OBJ_EMPTY_TUPLE;
    }
    if (n > (SIZE_MAX - sizeof(es_obj_tuple_t)) / sizeof(es_obj_t)) {
        es_raise_memory_error();
    }
    es_obj_tuple_t *t = es_alloc(sizeof(es_obj_tuple_t) + n * sizeof(es_obj_t));
    t->base.type = &es_type_tuple;
    t->len = n;
    if (items != NULL) {
        es_seq_copy_objs(t->items, items, n);
    }
    return es_obj_from_ptr(t);
}

es_obj_t es_obj_new_tuple_from_iter(es_obj_t iterable) {
    if (es_obj_is_type(iterable, &es_type_tuple)) {
        return iterable;
    }
    if (es_obj_is_type(iterable, &es_type_list)) {
        const es_obj_list_t *l = es_obj_to_ptr(iterable);
        return es_obj_new_tuple(l->len, l->items);
    }
    es_obj_t list = es_obj_new_list_from_iter(iterable);
    es_obj_list_t *l = es_obj_to_ptr(list);
    es_obj_t tuple = es_obj_new_tuple(l->len, l->items);
    es_free(l->items);
    l->items = NULL;
    l->len = l->alloc = 0;
    return tuple;
}

/* The tuple behind self (self may be an instance of a subclass of tuple). */
static es_obj_tuple_t *tuple_of(es_obj_t self) { return es_obj_to_ptr(self); }

static void tuple_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_obj_tuple_t *t = tuple_of(self);
    es_print_str(print, "(");
    for (size_t i = 0; i < t->len; i++) {
        if (i > 0) {
            es_print_str(print, ", ");
        }
        es_obj_print_helper(print, t->items[i], ES_PRINT_REPR);
    }
    es_print_str(print, t->len == 1 ? ",)" : ")");
}

static es_obj_t tuple_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_check_num(n_args, n_kw, 0, 1, false);
    if (n_args == 0) {
        return ES_OBJ_EMPTY_TUPLE;
    }
    return es_obj_new_tuple_from_iter(args[0]);
}

/* xxHash-style mixing with CPython's constants, so tuples of ints hash (and sets of them order) as there. */
#if UINTPTR_MAX > 0xffffffffu
#define XXPRIME_1 ((size_t)11400714785074694791ULL)
#define XXPRIME_2 ((size_t)14029467366897019727ULL)
#define XXPRIME_5 ((size_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))
#else
#define XXPRIME_1 ((size_t)2654435761UL)
#define XXPRIME_2 ((size_t)2246822519UL)
#define XXPRIME_5 ((size_t)374761393UL)
#define XXROTATE(x) (((x) << 13) | ((x) >> 19))
#endif

/* The hash of an item at full word width (small ints and nested tuples exactly as CPython). */
static size_t item_hash(es_obj_t o) {
    if (es_obj_is_small_int(o)) {
        return es_map_small_int_hash(es_small_int_value(o));
    }
    if (es_obj_is_type(o, &es_type_tuple)) {
        return es_tuple_hash(o);
    }
    return (size_t)es_small_int_value(es_obj_hash(o));
}

size_t es_tuple_hash(es_obj_t tuple) {
    bool outermost = es_nesting_enter("");
    const es_obj_tuple_t *t = tuple_of(tuple);
    size_t acc = XXPRIME_5;
    for (size_t i = 0; i < t->len; i++) {
        acc += item_hash(t->items[i]) * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += t->len ^ (XXPRIME_5 ^ 3527539UL);
    es_nesting_leave(outermost);
    return acc == (size_t)-1 ? 1546275796u : acc;
}

static es_obj_t tuple_unary_op(es_unary_op_t op, es_obj_t self) {
    const es_obj_tuple_t *t = tuple_of(self);
    switch (op) {
    case ES_UNARY_OP_BOOL:
        return es_obj_new_bool(t->len != 0);
    case ES_UNARY_OP_LEN:
        return es_obj_new_small_int((es_int_t)t->len);
    case ES_UNARY_OP_HASH:
        return es_obj_new_small_int((es_int_t)(es_tuple_hash(self) & (size_t)ES_SMALL_INT_MAX));
    case ES_UNARY_OP_SIZEOF:
        return es_obj_new_small_int((es_int_t)(sizeof(es_obj_tuple_t) + t->len * sizeof(es_obj_t)));
    default:
        return ES_OBJ_NULL;
    }
}

static es_obj_t tuple_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    const es_obj_tuple_t *a = tuple_of(lhs);
    switch (op) {
    case ES_BINARY_OP_ADD:
    case ES_BINARY_OP_INPLACE_ADD: {
        if (!es_obj_is_type(rhs, &es_type_tuple)) {
            es_seq_raise_concat_error(&es_type_tuple, rhs);
            return ES_OBJ_NULL;
        }
        const es_obj_tuple_t *b = tuple_of(rhs);
        if (b->len == 0 && es_obj_is_type(lhs, &es_type_tuple)) {
            return lhs;
        }
        es_obj_t result = es_obj_new_tuple(a->len + b->len, NULL);
        es_obj_tuple_t *r = tuple_of(result);
        es_seq_copy_objs(r->items, a->items, a->len);
        es_seq_copy_objs(r->items + a->len, b->items, b->len);
        return result;
    }
    case ES_BINARY_OP_MULTIPLY:
    case ES_BINARY_OP_INPLACE_MULTIPLY:
    case ES_BINARY_OP_REVERSE_MULTIPLY: {
        size_t times;
        if (!es_seq_repeat_count(rhs, a->len * sizeof(es_obj_t), &times)) {
            es_seq_raise_repeat_error(rhs);
            return ES_OBJ_NULL;
        }
        if (times == 1 && es_obj_is_type(lhs, &es_type_tuple)) {
            return lhs;
        }
        es_obj_t result = es_obj_new_tuple(a->len * times, NULL);
        es_seq_repeat(tuple_of(result)->items, a->items, a->len * sizeof(es_obj_t), times);
        return result;
    }
    case ES_BINARY_OP_IN:
        return es_obj_new_bool(es_seq_contains_objs(a->items, a->len, rhs));
    case ES_BINARY_OP_EQUAL:
    case ES_BINARY_OP_NOT_EQUAL:
    case ES_BINARY_OP_LESS:
    case ES_BINARY_OP_LESS_EQUAL:
    case ES_BINARY_OP_MORE:
    case ES_BINARY_OP_MORE_EQUAL: {
        if (!es_obj_is_type(rhs, &es_type_tuple)) {
            return ES_OBJ_NULL;
        }
        const es_obj_tuple_t *b = tuple_of(rhs);
        return es_obj_new_bool(es_seq_cmp_objs(op, a->items, a->len, b->items, b->len));
    }
    default:
        return ES_OBJ_NULL;
    }
}

static es_obj_t tuple_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    if (value != ES_OBJ_SENTINEL) {
        return ES_OBJ_NULL;
    }
    const es_obj_tuple_t *t = tuple_of(self);
    if (es_obj_is_slice(index)) {
        return es_seq_slice_objs(&es_type_tuple, t->items, t->len, index);
    }
    return t->items[es_seq_get_index(&es_type_tuple, t->len, index, "tuple index out of range")];
}

/* ---- iterator ------------------------------------------------------------------------ */

typedef struct tuple_iter_t {
    es_obj_base_t base;
    es_obj_t tuple;
    size_t next;
} tuple_iter_t;

static es_obj_t tuple_iter_next(es_obj_t self) {
    tuple_iter_t *it = es_obj_to_ptr(self);
    const es_obj_tuple_t *t = tuple_of(it->tuple);
    if (it->next < t->len) {
        return t->items[it->next++];
    }
    return ES_OBJ_STOP_ITERATION;
}

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

static const es_type_t tuple_iterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_tuple_iterator,
    .getiter = iter_self,
    .iternext = tuple_iter_next,
};

static es_obj_t tuple_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_STATIC_ASSERT_ITER_BUF_FITS(tuple_iter_t);
    tuple_iter_t *it = iter_buf != NULL ? (tuple_iter_t *)iter_buf : es_new(tuple_iter_t);
    it->base.type = &tuple_iterator_type;
    it->tuple = self;
    it->next = 0;
    return es_obj_from_ptr(it);
}

/* ---- methods ------------------------------------------------------------------------- */

static es_obj_t tuple_count(es_obj_t self, es_obj_t value) {
    const es_obj_tuple_t *t = tuple_of(self);
    return es_obj_new_small_int((es_int_t)es_seq_count_objs(t->items, t->len, value));
}
static ES_DEFINE_FUN_2(tuple_count_obj, ES_Q_count, tuple_count);

static es_obj_t tuple_index(size_t n_args, const es_obj_t *args) {
    const es_obj_tuple_t *t = tuple_of(args[0]);
    return es_seq_index_objs(&es_type_tuple, t->items, t->len, n_args - 1, args + 1);
}
static ES_DEFINE_FUN_VAR(tuple_index_obj, ES_Q_index, 2, 4, tuple_index);

static const es_map_elem_t tuple_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_count), ES_OBJ_FROM_CONST(tuple_count_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_index), ES_OBJ_FROM_CONST(tuple_index_obj)},
    ES_SEQ_DUNDER_LOCALS_RO,
};
static ES_DEFINE_CONST_DICT(tuple_locals_dict, tuple_locals_table);

const es_type_t es_type_tuple = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_NONE,
    .name = ES_Q_tuple,
    .print = tuple_print,
    .make_new = tuple_make_new,
    .unary_op = tuple_unary_op,
    .binary_op = tuple_binary_op,
    .subscr = tuple_subscr,
    .getiter = tuple_getiter,
    .locals_dict = (es_obj_dict_t *)&tuple_locals_dict,
};
