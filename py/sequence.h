/* sequence.h: helpers shared by the sequence types, plus container API beyond obj.h. */
#pragma once

#include "py/obj.h"

/* Copies n object words (the areas may overlap); n == 0 allows NULL pointers, as empty lists have. */
static inline void es_seq_copy_objs(es_obj_t *dest, const es_obj_t *src, size_t n) {
    if (n > 0) {
        __builtin_memmove(dest, src, n * sizeof(es_obj_t));
    }
}
static inline void es_seq_clear_objs(es_obj_t *dest, size_t n) {
    if (n > 0) {
        __builtin_memset(dest, 0, n * sizeof(es_obj_t));
    }
}

/* ---- indices and slices ------------------------------------------------------------ */

static inline bool es_obj_is_slice(es_obj_t o) { return es_obj_is_type(o, &es_type_slice); }

/*
** Resolves `slice` against a sequence of `len` items exactly as slice.indices() does and
** returns how many items it selects (0 when empty). ValueError for a zero step, TypeError
** for bounds that are neither None nor integers.
*/
size_t es_seq_slice_bounds(es_obj_t slice, size_t len, es_bound_slice_t *bounds);

/*
** Position of an integer index into a sequence of len items (negatives count from the end).
** IndexError with `out_of_range_msg` ("list index out of range") when outside; TypeError
** "<type> indices must be integers or slices, not <index type>" for non-integers.
*/
size_t es_seq_get_index(const es_type_t *type, size_t len, es_obj_t index, const char *out_of_range_msg);

/*
** The index, or the slice, with every bound that is an instance of a class with __index__
** turned into an int. Mutable sequences call it before they read their length, since
** __index__ may change the sequence (CPython converts first too).
*/
es_obj_t es_seq_plain_index(es_obj_t index);

/* Copies the n items a resolved slice selects from src to dest, each item_size bytes. */
void es_seq_copy_slice(void *dest, const void *src, size_t item_size, const es_bound_slice_t *bounds,
                       size_t n);

/* Makes a new object of `type` (tuple or list) from the items a slice selects. */
es_obj_t es_seq_slice_objs(const es_type_t *type, const es_obj_t *items, size_t len, es_obj_t slice);

/*
** The optional start and end arguments of index(), count(), find() and friends: each may be
** None or an int; negatives count from the end; the results are clamped to [0, len].
** args points at the first of the n_args (0, 1 or 2) optional arguments.
*/
void es_seq_start_end(size_t len, size_t n_args, const es_obj_t *args, size_t *start, size_t *end);

/* ---- repetition --------------------------------------------------------------------- */

/*
** How many times `seq * n` repeats: false when n is not an integer (the caller returns
** ES_OBJ_NULL so the runtime can try n.__rmul__); negatives give 0. MemoryError (OverflowError
** for huge ints) when item_bytes * times would not fit.
*/
bool es_seq_repeat_count(es_obj_t n, size_t item_bytes, size_t *times);

/*
** CPython's messages for seq + other and seq * other with an unsuitable operand: raised at once
** unless other is an instance of a user class (which may still answer with __radd__/__rmul__).
*/
void es_seq_raise_concat_error(const es_type_t *seq_type, es_obj_t other);
void es_seq_raise_repeat_error(es_obj_t other);

/* repr(o) as a NUL-terminated string in the heap, for error messages. */
const char *es_repr_cstr(es_obj_t o);

/* Writes src (len bytes) times over into dest. */
void es_seq_repeat(void *dest, const void *src, size_t len, size_t times);

/* ---- comparison --------------------------------------------------------------------- */

/* Whether comparison op holds between two values known to order as sign (-1, 0, 1). */
bool es_seq_order_satisfies(es_binary_op_t op, int sign);
/* Lexicographic comparison; op is one of LESS MORE LESS_EQUAL MORE_EQUAL EQUAL NOT_EQUAL. */
bool es_seq_cmp_bytes(es_binary_op_t op, const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len);
/* The same for object arrays: items compare with == first, then op on the first difference. */
bool es_seq_cmp_objs(es_binary_op_t op, const es_obj_t *a, size_t a_len, const es_obj_t *b, size_t b_len);

/* ---- search ------------------------------------------------------------------------- */

bool es_seq_contains_objs(const es_obj_t *items, size_t len, es_obj_t value);
size_t es_seq_count_objs(const es_obj_t *items, size_t len, es_obj_t value);
/*
** seq.index(value[, start[, stop]]) over an object array: args[0] is value, then the optional
** bounds. ValueError "tuple.index(x): x not in tuple" / "x not in list" as CPython.
*/
es_obj_t es_seq_index_objs(const es_type_t *type, const es_obj_t *items, size_t len, size_t n_args,
                           const es_obj_t *args);

/* ---- lists and tuples ------------------------------------------------------------------ */

es_obj_t es_obj_new_list_from_iter(es_obj_t iterable);  /* list(iterable) */
es_obj_t es_obj_new_tuple_from_iter(es_obj_t iterable); /* tuple(iterable) */
size_t es_tuple_hash(es_obj_t tuple); /* full word width; hash() folds it into a small int */
void es_obj_list_extend(es_obj_t list, es_obj_t iterable);
void es_obj_list_get(es_obj_t list, size_t *len, es_obj_t **items);
void es_obj_list_set_len(es_obj_t list, size_t len); /* shrink only */
es_obj_t es_obj_list_pop(es_obj_t list, es_int_t index);

/* ---- dicts and sets --------------------------------------------------------------------- */

size_t es_obj_dict_len(es_obj_t dict);
es_obj_t es_obj_dict_copy(es_obj_t dict);
/* dict.update(other): other is a mapping (has keys()) or an iterable of pairs. */
void es_obj_dict_update(es_obj_t dict, es_obj_t other);
void es_obj_set_update(es_obj_t set, es_obj_t iterable);
bool es_obj_set_contains(es_obj_t set, es_obj_t item);
es_obj_t es_obj_new_frozenset(size_t n, const es_obj_t *items);

/* ---- ranges and iterators ---------------------------------------------------------------- */

es_obj_t es_obj_new_range(es_int_t start, es_int_t stop, es_int_t step);
/* Iterator over obj[0], obj[1], ... until IndexError or StopIteration (old __getitem__ protocol). */
es_obj_t es_obj_new_getitem_iter(es_obj_t obj);
/* iter(callable, sentinel) */
es_obj_t es_obj_new_callable_iter(es_obj_t callable, es_obj_t sentinel);

/* ---- nesting depth ----------------------------------------------------------------------------- */

/*
** repr, comparison and hashing of nested containers recurse in C. CPython stops them at its
** recursion limit with RecursionError; here each such step calls es_nesting_enter(), which
** raises RecursionError (message "maximum recursion depth exceeded<what>") once the nesting
** uses more than a set share of the C stack. Pass its result to es_nesting_leave() on the
** normal path; after an exception nothing needs undoing.
*/
bool es_nesting_enter(const char *what);
void es_nesting_leave(bool outermost);

/* ---- repr of containers that may hold themselves ------------------------------------------ */

/*
** Lists, dicts and sets print their items through this guard: it calls
** print_items(print, self, kind) with self recorded as being printed, or returns false at once
** (the caller prints "[...]" or "{...}") when self is already being printed further up.
** The record unwinds by itself when printing raises.
*/
bool es_repr_guard(const es_print_t *print, es_obj_t self, es_print_kind_t kind, es_print_fun_t print_items);

/* Iterators that fit es_obj_iter_buf_t may live in the caller's buffer instead of the heap. */
#define ES_STATIC_ASSERT_ITER_BUF_FITS(type)                                                       \
    _Static_assert(sizeof(type) <= sizeof(es_obj_iter_buf_t), #type " must fit es_obj_iter_buf_t")

/* __getitem__, __setitem__, __delitem__, __len__, __contains__, __iter__ over the type's slots,
** and __class_getitem__(cls, item) returning the class, for the containers' locals. */
extern const es_obj_fun_builtin_t es_dunder_getitem_obj, es_dunder_setitem_obj, es_dunder_delitem_obj,
    es_dunder_len_obj, es_dunder_contains_obj, es_dunder_iter_obj, es_class_getitem_obj;
#define ES_SEQ_DUNDER_LOCALS_RO                                                                    \
    {ES_OBJ_NEW_QSTR(ES_Q___getitem__), ES_OBJ_FROM_CONST(es_dunder_getitem_obj)},                 \
        {ES_OBJ_NEW_QSTR(ES_Q___len__), ES_OBJ_FROM_CONST(es_dunder_len_obj)},                     \
        {ES_OBJ_NEW_QSTR(ES_Q___contains__), ES_OBJ_FROM_CONST(es_dunder_contains_obj)},           \
        {ES_OBJ_NEW_QSTR(ES_Q___iter__), ES_OBJ_FROM_CONST(es_dunder_iter_obj)},                   \
        {ES_OBJ_NEW_QSTR(ES_Q___class_getitem__), ES_OBJ_FROM_CONST(es_class_getitem_obj)}
#define ES_SEQ_DUNDER_LOCALS_RW                                                                    \
    ES_SEQ_DUNDER_LOCALS_RO, {ES_OBJ_NEW_QSTR(ES_Q___setitem__), ES_OBJ_FROM_CONST(es_dunder_setitem_obj)}, \
        {ES_OBJ_NEW_QSTR(ES_Q___delitem__), ES_OBJ_FROM_CONST(es_dunder_delitem_obj)}
