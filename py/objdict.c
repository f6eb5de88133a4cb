/* objdict.c: the dict type (insertion ordered, over py/map.c), its views and iterators. */

#include <string.h>

#include "py/objtype.h"
#include "py/runtime.h"
#include "py/sequence.h"

static es_obj_dict_t *dict_of(es_obj_t self) {
    if (!es_obj_is_type(self, &es_type_dict)) {
        es_obj_t native = es_instance_native(self); /* a subclass instance reached through super() */
        if (es_obj_is_type(native, &es_type_dict)) {
            return es_obj_to_ptr(native);
        }
        es_raise_msg_varg(&es_type_TypeError, "descriptor for 'dict' objects doesn't apply to a '%s' object",
                          es_obj_type_name(self));
    }
    return es_obj_to_ptr(self);
}

es_obj_t es_obj_new_dict(size_t n_hint) {
    es_obj_dict_t *d = es_new(es_obj_dict_t);
    d->base.type = &es_type_dict;
    es_map_init(&d->map, n_hint);
    return es_obj_from_ptr(d);
}

es_obj_t es_obj_dict_store(es_obj_t dict, es_obj_t key, es_obj_t value) {
    es_map_lookup(&dict_of(dict)->map, key, ES_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    return dict;
}

es_obj_t es_obj_dict_get(es_obj_t dict, es_obj_t key) {
    es_map_elem_t *e = es_map_lookup(&dict_of(dict)->map, key, ES_MAP_LOOKUP);
    return e != NULL ? e->value : ES_OBJ_NULL;
}

es_obj_t es_obj_dict_delete(es_obj_t dict, es_obj_t key) {
    if (es_map_lookup(&dict_of(dict)->map, key, ES_MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
        es_raise_key_error(key);
    }
    return dict;
}

struct es_map_t *es_obj_dict_get_map(es_obj_t dict) { return &dict_of(dict)->map; }

size_t es_obj_dict_len(es_obj_t dict) { return dict_of(dict)->map.count; }

es_obj_t es_obj_dict_copy(es_obj_t dict) {
    const es_map_t *src = &dict_of(dict)->map;
    es_obj_t copy = es_obj_new_dict(src->count);
    es_map_t *dst = &((es_obj_dict_t *)es_obj_to_ptr(copy))->map;
    for (size_t i = 0; i < src->used; i++) {
        if (es_map_slot_is_filled(src, i)) {
            es_map_lookup(dst, src->table[i].key, ES_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = src->table[i].value;
        }
    }
    return copy;
}

/* Adds the (key, value) pairs of an iterable; element n must itself be a pair. */
static void dict_update_from_pairs(es_obj_t dict, es_obj_t iterable) {
    es_obj_iter_buf_t iter_buf;
    es_obj_t iter = es_getiter(iterable, &iter_buf);
    es_obj_t item;
    for (size_t n = 0; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION; n++) {
        es_obj_t pair[2];
        if (es_obj_is_type(item, &es_type_tuple) || es_obj_is_type(item, &es_type_list)) {
            size_t len;
            es_obj_t *items;
            es_obj_get_array(item, &len, &items);
            if (len != 2) {
                es_raise_msg_varg(&es_type_ValueError,
                                  "dictionary update sequence element #%u has length %u; 2 is required", (unsigned)n,
                                  (unsigned)len);
            }
            pair[0] = items[0];
            pair[1] = items[1];
        } else {
            const es_type_t *type = es_obj_get_type(item);
            if (type->getiter == NULL && !(type->flags & ES_TYPE_FLAG_IS_USER_CLASS)) {
                es_raise_msg_varg(&es_type_TypeError,
                                  "cannot convert dictionary update sequence element #%u to a sequence", (unsigned)n);
            }
            es_obj_t tuple = es_obj_new_tuple_from_iter(item);
            size_t len = ((es_obj_tuple_t *)es_obj_to_ptr(tuple))->len;
            if (len != 2) {
                es_raise_msg_varg(&es_type_ValueError,
                                  "dictionary update sequence element #%u has length %u; 2 is required", (unsigned)n,
                                  (unsigned)len);
            }
            pair[0] = ((es_obj_tuple_t *)es_obj_to_ptr(tuple))->items[0];
            pair[1] = ((es_obj_tuple_t *)es_obj_to_ptr(tuple))->items[1];
        }
        es_obj_dict_store(dict, pair[0], pair[1]);
    }
}

void es_obj_dict_update(es_obj_t dict, es_obj_t other) {
    if (es_obj_is_type(other, &es_type_dict)) {
        const es_map_t *src = &((es_obj_dict_t *)es_obj_to_ptr(other))->map;
        for (size_t i = 0; i < src->used; i++) {
            if (es_map_slot_is_filled(src, i)) {
                es_obj_dict_store(dict, src->table[i].key, src->table[i].value);
            }
        }
        return;
    }
    es_obj_t keys_method[2];
    es_load_method_maybe(other, ES_Q_keys, keys_method);
    if (keys_method[0] == ES_OBJ_NULL) {
        dict_update_from_pairs(dict, other);
        return;
    }
    /* A mapping: other.keys() and other[key] */
    es_obj_t keys = es_call_method_n_kw(0, 0, keys_method);
    es_obj_iter_buf_t iter_buf;
    es_obj_t iter = es_getiter(keys, &iter_buf);
    es_obj_t key;
    while ((key = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        es_obj_dict_store(dict, key, es_obj_subscr(other, key, ES_OBJ_SENTINEL));
    }
}

/* Stores the keyword arguments given as a map (ES_FUN_KW) or as an array of pairs. */
static void dict_update_from_kw_map(es_obj_t dict, const es_map_t *kw) {
    if (kw == NULL) {
        return;
    }
    for (size_t i = 0; i < kw->used; i++) {
        if (es_map_slot_is_filled(kw, i)) {
            es_obj_dict_store(dict, kw->table[i].key, kw->table[i].value);
        }
    }
}

/* ---- printing and construction ----------------------------------------------------- */

static void dict_print_items(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_map_t *map = &((es_obj_dict_t *)es_obj_to_ptr(self))->map;
    bool first = true;
    for (size_t i = 0; i < map->used; i++) {
        if (!es_map_slot_is_filled(map, i)) {
            continue;
        }
        if (!first) {
            es_print_str(print, ", ");
        }
        first = false;
        es_obj_t value = map->table[i].value;
        es_obj_print_helper(print, map->table[i].key, ES_PRINT_REPR);
        es_print_str(print, ": ");
        es_obj_print_helper(print, value, ES_PRINT_REPR);
    }
}

static void dict_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    es_print_str(print, "{");
    if (!es_repr_guard(print, self, kind, dict_print_items)) {
        es_print_str(print, "...");
    }
    es_print_str(print, "}");
}

static es_obj_t dict_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    if (n_args > 1) {
        es_raise_msg_varg(&es_type_TypeError, "dict expected at most 1 argument, got %u", (unsigned)n_args);
    }
    es_obj_t dict = es_obj_new_dict(n_kw);
    if (n_args == 1) {
        es_obj_dict_update(dict, args[0]);
    }
    for (size_t i = 0; i < n_kw; i++) {
        es_obj_dict_store(dict, args[n_args + 2 * i], args[n_args + 2 * i + 1]);
    }
    return dict;
}

/* ---- operators ------------------------------------------------------------------------ */

static es_obj_t dict_unary_op(es_unary_op_t op, es_obj_t self) {
    const es_map_t *map = &((es_obj_dict_t *)es_obj_to_ptr(self))->map;
    switch (op) {
    case ES_UNARY_OP_BOOL:
        return es_obj_new_bool(map->count != 0);
    case ES_UNARY_OP_LEN:
        return es_obj_new_small_int((es_int_t)map->count);
    case ES_UNARY_OP_SIZEOF:
        return es_obj_new_small_int((es_int_t)(sizeof(es_obj_dict_t) + map->alloc * sizeof(es_map_elem_t)));
    default:
        return ES_OBJ_NULL;
    }
}

static bool dict_equal(es_obj_t a, es_obj_t b) {
    es_map_t *ma = &((es_obj_dict_t *)es_obj_to_ptr(a))->map;
    es_map_t *mb = &((es_obj_dict_t *)es_obj_to_ptr(b))->map;
    if (ma->count != mb->count) {
        return false;
    }
    bool outermost = es_nesting_enter(" in comparison");
    bool equal = true;
    for (size_t i = 0; i < ma->used && equal; i++) {
        if (!es_map_slot_is_filled(ma, i)) {
            continue;
        }
        es_obj_t key = ma->table[i].key, value = ma->table[i].value;
        es_map_elem_t *e = es_map_lookup(mb, key, ES_MAP_LOOKUP);
        equal = e != NULL && es_obj_equal(value, e->value);
    }
    es_nesting_leave(outermost);
    return equal;
}

static es_obj_t dict_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    es_obj_dict_t *d = es_obj_to_ptr(lhs);
    switch (op) {
    case ES_BINARY_OP_IN:
        return es_obj_new_bool(es_map_lookup(&d->map, rhs, ES_MAP_LOOKUP) != NULL);
    case ES_BINARY_OP_EQUAL:
    case ES_BINARY_OP_NOT_EQUAL:
        if (!es_obj_is_type(rhs, &es_type_dict)) {
            return ES_OBJ_NULL;
        }
        return es_obj_new_bool(dict_equal(lhs, rhs) == (op == ES_BINARY_OP_EQUAL));
    case ES_BINARY_OP_OR: {
        if (!es_obj_is_type(rhs, &es_type_dict)) {
            return ES_OBJ_NULL;
        }
        es_obj_t result = es_obj_dict_copy(lhs);
        es_obj_dict_update(result, rhs);
        return result;
    }
    case ES_BINARY_OP_INPLACE_OR:
        es_obj_dict_update(lhs, rhs);
        return lhs;
    default:
        return ES_OBJ_NULL;
    }
}

static es_obj_t dict_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    es_obj_dict_t *d = es_obj_to_ptr(self);
    if (value == ES_OBJ_SENTINEL) {
        es_map_elem_t *e = es_map_lookup(&d->map, index, ES_MAP_LOOKUP);
        if (e == NULL) {
            es_raise_key_error(index);
        }
        return e->value;
    }
    if (value == ES_OBJ_NULL) {
        es_obj_dict_delete(self, index);
    } else {
        es_obj_dict_store(self, index, value);
    }
    return ES_OBJ_NONE;
}

/* ---- iterators ------------------------------------------------------------------------ */

typedef enum { DICT_KEYS, DICT_VALUES, DICT_ITEMS } dict_view_kind_t;

typedef struct dict_iter_t {
    es_obj_base_t base;
    es_obj_t dict;
    size_t pos;   /* next slot to look at; counts down from `used` when reversed */
    size_t count; /* entries when iteration started */
    uint8_t kind;
    bool reverse;
} dict_iter_t;

static es_obj_t dict_iter_next(es_obj_t self) {
    dict_iter_t *it = es_obj_to_ptr(self);
    if (it->dict == ES_OBJ_NULL) {
        return ES_OBJ_STOP_ITERATION;
    }
    const es_map_t *map = &((es_obj_dict_t *)es_obj_to_ptr(it->dict))->map;
    if (map->count != it->count) {
        it->count = SIZE_MAX; /* stays broken, as in CPython */
        es_raise_msg(&es_type_RuntimeError, "dictionary changed size during iteration");
    }
    const es_map_elem_t *e = NULL;
    if (it->reverse) {
        while (it->pos > 0 && it->pos <= map->used) {
            it->pos--;
            if (es_map_slot_is_filled(map, it->pos)) {
                e = &map->table[it->pos];
                break;
            }
        }
    } else {
        while (it->pos < map->used) {
            size_t pos = it->pos++;
            if (es_map_slot_is_filled(map, pos)) {
                e = &map->table[pos];
                break;
            }
        }
    }
    if (e == NULL) {
        it->dict = ES_OBJ_NULL;
        return ES_OBJ_STOP_ITERATION;
    }
    switch (it->kind) {
    case DICT_KEYS:
        return e->key;
    case DICT_VALUES:
        return e->value;
    default: {
        es_obj_t pair[2] = {e->key, e->value};
        return es_obj_new_tuple(2, pair);
    }
    }
}

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

static const es_type_t dict_keyiterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_dict_keyiterator,
    .getiter = iter_self,
    .iternext = dict_iter_next,
};
static const es_type_t dict_valueiterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_dict_valueiterator,
    .getiter = iter_self,
    .iternext = dict_iter_next,
};
static const es_type_t dict_itemiterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_dict_itemiterator,
    .getiter = iter_self,
    .iternext = dict_iter_next,
};
static const es_type_t *const dict_iterator_types[] = {&dict_keyiterator_type, &dict_valueiterator_type,
                                                       &dict_itemiterator_type};

static es_obj_t dict_new_iter(es_obj_t dict, dict_view_kind_t kind, bool reverse) {
    const es_map_t *map = &((es_obj_dict_t *)es_obj_to_ptr(dict))->map;
    dict_iter_t *it = es_new(dict_iter_t);
    it->base.type = dict_iterator_types[kind];
    it->dict = dict;
    it->pos = reverse ? map->used : 0;
    it->count = map->count;
    it->kind = (uint8_t)kind;
    it->reverse = reverse;
    return es_obj_from_ptr(it);
}

static es_obj_t dict_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return dict_new_iter(self, DICT_KEYS, false);
}

/* ---- views ---------------------------------------------------------------------------- */

typedef struct dict_view_t {
    es_obj_base_t base;
    es_obj_t dict;
    dict_view_kind_t kind;
} dict_view_t;

static const es_type_t dict_keys_type, dict_values_type, dict_items_type;
static const es_type_t *const dict_view_types[] = {&dict_keys_type, &dict_values_type, &dict_items_type};

static es_obj_t dict_new_view(es_obj_t dict, dict_view_kind_t kind) {
    dict_view_t *v = es_new(dict_view_t);
    v->base.type = dict_view_types[kind];
    v->dict = dict;
    v->kind = kind;
    return es_obj_from_ptr(v);
}

static void dict_view_print_guarded(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const dict_view_t *v = es_obj_to_ptr(self);
    es_printf(print, "%q([", (es_qstr_t)es_obj_get_type(self)->name);
    es_obj_t iter = dict_new_iter(v->dict, v->kind, false);
    es_obj_t item;
    for (bool first = true; (item = dict_iter_next(iter)) != ES_OBJ_STOP_ITERATION; first = false) {
        if (!first) {
            es_print_str(print, ", ");
        }
        es_obj_print_helper(print, item, ES_PRINT_REPR);
    }
    es_print_str(print, "])");
}

/* A view that ends up printing itself shows as "..." (as CPython). */
static void dict_view_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    if (!es_repr_guard(print, self, kind, dict_view_print_guarded)) {
        es_print_str(print, "...");
    }
}

static es_obj_t dict_view_unary_op(es_unary_op_t op, es_obj_t self) {
    const dict_view_t *v = es_obj_to_ptr(self);
    if (op == ES_UNARY_OP_LEN || op == ES_UNARY_OP_BOOL) {
        return dict_unary_op(op, v->dict);
    }
    return ES_OBJ_NULL;
}

/* Set operators on keys and items views work on sets made from both sides. */
static es_obj_t as_set(es_obj_t o) {
    if (es_obj_is_type(o, &es_type_set) || es_obj_is_type(o, &es_type_frozenset)) {
        return o;
    }
    es_obj_t set = es_obj_new_set(0, NULL);
    es_obj_set_update(set, o);
    return set;
}

static bool is_set_like(es_obj_t o) {
    return es_obj_is_type(o, &es_type_set) || es_obj_is_type(o, &es_type_frozenset) ||
           es_obj_is_type(o, &dict_keys_type) || es_obj_is_type(o, &dict_items_type);
}

static es_obj_t dict_view_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    const dict_view_t *v = es_obj_to_ptr(lhs);
    if (op == ES_BINARY_OP_IN) {
        es_obj_dict_t *d = es_obj_to_ptr(v->dict);
        if (v->kind == DICT_KEYS) {
            return es_obj_new_bool(es_map_lookup(&d->map, rhs, ES_MAP_LOOKUP) != NULL);
        }
        if (v->kind == DICT_ITEMS) {
            if (!es_obj_is_type(rhs, &es_type_tuple) || ((es_obj_tuple_t *)es_obj_to_ptr(rhs))->len != 2) {
                return ES_OBJ_FALSE;
            }
            const es_obj_t *pair = ((es_obj_tuple_t *)es_obj_to_ptr(rhs))->items;
            es_map_elem_t *e = es_map_lookup(&d->map, pair[0], ES_MAP_LOOKUP);
            return es_obj_new_bool(e != NULL && es_obj_equal(e->value, pair[1]));
        }
        es_obj_t iter = dict_new_iter(v->dict, DICT_VALUES, false);
        es_obj_t item;
        while ((item = dict_iter_next(iter)) != ES_OBJ_STOP_ITERATION) {
            if (es_obj_equal(item, rhs)) {
                return ES_OBJ_TRUE;
            }
        }
        return ES_OBJ_FALSE;
    }
    if (v->kind == DICT_VALUES) {
        return ES_OBJ_NULL; /* values views compare by identity and have no set operators */
    }
    switch (op) {
    case ES_BINARY_OP_EQUAL:
    case ES_BINARY_OP_NOT_EQUAL:
    case ES_BINARY_OP_LESS:
    case ES_BINARY_OP_LESS_EQUAL:
    case ES_BINARY_OP_MORE:
    case ES_BINARY_OP_MORE_EQUAL:
        if (!is_set_like(rhs)) {
            return ES_OBJ_NULL;
        }
        return es_binary_op(op, as_set(lhs), as_set(rhs));
    case ES_BINARY_OP_OR:
    case ES_BINARY_OP_AND:
    case ES_BINARY_OP_SUBTRACT:
    case ES_BINARY_OP_XOR: {
        const es_type_t *type = es_obj_get_type(rhs);
        if (type->getiter == NULL && !(type->flags & ES_TYPE_FLAG_IS_USER_CLASS)) {
            return ES_OBJ_NULL;
        }
        es_obj_t left = es_obj_new_set(0, NULL);
        es_obj_set_update(left, lhs);
        return es_binary_op(op, left, as_set(rhs));
    }
    case ES_BINARY_OP_REVERSE_OR:
    case ES_BINARY_OP_REVERSE_AND:
    case ES_BINARY_OP_REVERSE_SUBTRACT:
    case ES_BINARY_OP_REVERSE_XOR: {
        es_obj_t right = es_obj_new_set(0, NULL);
        es_obj_set_update(right, lhs);
        es_obj_t left = es_obj_new_set(0, NULL);
        es_obj_set_update(left, rhs);
        return es_binary_op(op - ES_BINARY_OP_REVERSE_OFFSET, left, right);
    }
    default:
        return ES_OBJ_NULL;
    }
}

static es_obj_t dict_view_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    const dict_view_t *v = es_obj_to_ptr(self);
    return dict_new_iter(v->dict, v->kind, false);
}

static es_obj_t dict_view_reversed(es_obj_t self) {
    const dict_view_t *v = es_obj_to_ptr(self);
    return dict_new_iter(v->dict, v->kind, true);
}
static ES_DEFINE_FUN_1(dict_view_reversed_obj, ES_Q___reversed__, dict_view_reversed);

static es_obj_t dict_view_isdisjoint(es_obj_t self, es_obj_t other) {
    es_obj_t iter = es_getiter(other, NULL);
    es_obj_t item;
    while ((item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        if (es_obj_is_true(dict_view_binary_op(ES_BINARY_OP_IN, self, item))) {
            return ES_OBJ_FALSE;
        }
    }
    return ES_OBJ_TRUE;
}
static ES_DEFINE_FUN_2(dict_view_isdisjoint_obj, ES_Q_isdisjoint, dict_view_isdisjoint);

static const es_map_elem_t dict_view_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_isdisjoint), ES_OBJ_FROM_CONST(dict_view_isdisjoint_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___reversed__), ES_OBJ_FROM_CONST(dict_view_reversed_obj)},
};
static ES_DEFINE_CONST_DICT(dict_view_locals_dict, dict_view_locals_table);

#define DICT_VIEW_TYPE(var, qname)                                                                 \
    static const es_type_t var = {                                                                 \
        .base = {&es_type_type},                                                                   \
        .flags = ES_TYPE_FLAG_FINAL,                                                               \
        .name = qname,                                                                             \
        .print = dict_view_print,                                                                  \
        .unary_op = dict_view_unary_op,                                                            \
        .binary_op = dict_view_binary_op,                                                          \
        .getiter = dict_view_getiter,                                                              \
        .locals_dict = (es_obj_dict_t *)&dict_view_locals_dict,                                    \
    }
DICT_VIEW_TYPE(dict_keys_type, ES_Q_dict_keys);
DICT_VIEW_TYPE(dict_values_type, ES_Q_dict_values);
DICT_VIEW_TYPE(dict_items_type, ES_Q_dict_items);

/* ---- methods ------------------------------------------------------------------------- */

static es_obj_t dict_keys(es_obj_t self) { return dict_new_view(es_obj_from_ptr(dict_of(self)), DICT_KEYS); }
static ES_DEFINE_FUN_1(dict_keys_obj, ES_Q_keys, dict_keys);

static es_obj_t dict_values(es_obj_t self) { return dict_new_view(es_obj_from_ptr(dict_of(self)), DICT_VALUES); }
static ES_DEFINE_FUN_1(dict_values_obj, ES_Q_values, dict_values);

static es_obj_t dict_items(es_obj_t self) { return dict_new_view(es_obj_from_ptr(dict_of(self)), DICT_ITEMS); }
static ES_DEFINE_FUN_1(dict_items_obj, ES_Q_items, dict_items);

static es_obj_t dict_reversed(es_obj_t self) { return dict_new_iter(es_obj_from_ptr(dict_of(self)), DICT_KEYS, true); }
static ES_DEFINE_FUN_1(dict_reversed_obj, ES_Q___reversed__, dict_reversed);

static es_obj_t dict_get(size_t n_args, const es_obj_t *args) {
    es_map_elem_t *e = es_map_lookup(&dict_of(args[0])->map, args[1], ES_MAP_LOOKUP);
    if (e != NULL) {
        return e->value;
    }
    return n_args == 3 ? args[2] : ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(dict_get_obj, ES_Q_get, 2, 3, dict_get);

static es_obj_t dict_setdefault(size_t n_args, const es_obj_t *args) {
    es_map_t *map = &dict_of(args[0])->map;
    es_map_elem_t *e = es_map_lookup(map, args[1], ES_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (e->value == ES_OBJ_NULL) {
        e->value = n_args == 3 ? args[2] : ES_OBJ_NONE;
    }
    return e->value;
}
static ES_DEFINE_FUN_VAR(dict_setdefault_obj, ES_Q_setdefault, 2, 3, dict_setdefault);

static es_obj_t dict_pop(size_t n_args, const es_obj_t *args) {
    es_map_elem_t *e = es_map_lookup(&dict_of(args[0])->map, args[1], ES_MAP_LOOKUP_REMOVE_IF_FOUND);
    if (e != NULL) {
        return e->value;
    }
    if (n_args == 3) {
        return args[2];
    }
    es_raise_key_error(args[1]);
}
static ES_DEFINE_FUN_VAR(dict_pop_obj, ES_Q_pop, 2, 3, dict_pop);

static es_obj_t dict_popitem(es_obj_t self) {
    es_map_t *map = &dict_of(self)->map;
    for (size_t i = map->used; i > 0; i--) {
        if (es_map_slot_is_filled(map, i - 1)) {
            es_obj_t pair[2] = {map->table[i - 1].key, map->table[i - 1].value};
            es_map_lookup(map, pair[0], ES_MAP_LOOKUP_REMOVE_IF_FOUND);
            return es_obj_new_tuple(2, pair);
        }
    }
    es_raise_msg(&es_type_KeyError, "popitem(): dictionary is empty");
}
static ES_DEFINE_FUN_1(dict_popitem_obj, ES_Q_popitem, dict_popitem);

static es_obj_t dict_update(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    dict_of(args[0]);
    if (n_args > 2) {
        es_raise_msg_varg(&es_type_TypeError, "update expected at most 1 argument, got %u", (unsigned)(n_args - 1));
    }
    if (n_args == 2) {
        es_obj_dict_update(args[0], args[1]);
    }
    dict_update_from_kw_map(args[0], kw_args);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(dict_update_obj, ES_Q_update, 1, dict_update);

static es_obj_t dict_clear(es_obj_t self) {
    es_map_t *map = &dict_of(self)->map;
    es_map_clear(map);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(dict_clear_obj, ES_Q_clear, dict_clear);

static ES_DEFINE_FUN_1(dict_copy_obj, ES_Q_copy, es_obj_dict_copy);

static es_obj_t dict_fromkeys(size_t n_args, const es_obj_t *args) {
    es_obj_t cls = args[0];
    es_obj_t value = n_args == 3 ? args[2] : ES_OBJ_NONE;
    es_obj_t dict = cls == ES_OBJ_FROM_CONST(es_type_dict) ? es_obj_new_dict(0) : es_call_function_0(cls);
    es_obj_iter_buf_t iter_buf;
    es_obj_t iter = es_getiter(args[1], &iter_buf);
    es_obj_t key;
    while ((key = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        if (es_obj_is_type(dict, &es_type_dict)) {
            es_obj_dict_store(dict, key, value);
        } else {
            es_obj_subscr(dict, key, value);
        }
    }
    return dict;
}
static ES_DEFINE_FUN_VAR(dict_fromkeys_fun_obj, ES_Q_fromkeys, 2, 3, dict_fromkeys);
static const es_obj_static_class_method_t dict_fromkeys_obj = {{&es_type_classmethod},
                                                               ES_OBJ_FROM_CONST(dict_fromkeys_fun_obj)};

static es_obj_t dict_init(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    if (n_args > 2) {
        es_raise_msg_varg(&es_type_TypeError, "dict expected at most 1 argument, got %u", (unsigned)(n_args - 1));
    }
    return dict_update(n_args, args, kw_args);
}
static ES_DEFINE_FUN_KW(dict_init_obj, ES_Q___init__, 1, dict_init);

static const es_map_elem_t dict_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_clear), ES_OBJ_FROM_CONST(dict_clear_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_copy), ES_OBJ_FROM_CONST(dict_copy_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_fromkeys), ES_OBJ_FROM_CONST(dict_fromkeys_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_get), ES_OBJ_FROM_CONST(dict_get_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_items), ES_OBJ_FROM_CONST(dict_items_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_keys), ES_OBJ_FROM_CONST(dict_keys_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pop), ES_OBJ_FROM_CONST(dict_pop_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_popitem), ES_OBJ_FROM_CONST(dict_popitem_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_setdefault), ES_OBJ_FROM_CONST(dict_setdefault_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_update), ES_OBJ_FROM_CONST(dict_update_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_values), ES_OBJ_FROM_CONST(dict_values_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___reversed__), ES_OBJ_FROM_CONST(dict_reversed_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___init__), ES_OBJ_FROM_CONST(dict_init_obj)},
    ES_SEQ_DUNDER_LOCALS_RW,
};
static ES_DEFINE_CONST_DICT(dict_locals_dict, dict_locals_table);

const es_type_t es_type_dict = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_NONE,
    .name = ES_Q_dict,
    .print = dict_print,
    .make_new = dict_make_new,
    .unary_op = dict_unary_op,
    .binary_op = dict_binary_op,
    .subscr = dict_subscr,
    .getiter = dict_getiter,
    .locals_dict = (es_obj_dict_t *)&dict_locals_dict,
};
