/* objset.c: set and frozenset, an open-addressing table laid out as CPython's so iteration order matches. */

#include <string.h>

#include "py/objtype.h"
#include "py/runtime.h"
#include "py/sequence.h"

/*
** The table follows CPython's probing (a run of LINEAR_PROBES neighbours, then a perturbed
** jump) and growth rules, so that a set of ints iterates and prints in the same order as
** in CPython. Unused entries have key NULL; removed ones keep DUMMY until the next resize.
*/
#define MIN_SIZE (8)
#define LINEAR_PROBES (9)
#define PERTURB_SHIFT (5)
#define DUMMY ES_OBJ_SENTINEL

typedef struct set_entry_t {
    es_obj_t key;
    size_t hash;
} set_entry_t;

typedef struct es_obj_set_t {
    es_obj_base_t base;
    size_t fill;   /* active + dummy entries */
    size_t used;   /* active entries */
    size_t mask;   /* table size - 1 */
    size_t finger; /* where pop() looks next */
    set_entry_t *table;
} es_obj_set_t;

static inline bool is_active(const set_entry_t *e) { return e->key != ES_OBJ_NULL && e->key != DUMMY; }

static bool is_any_set(es_obj_t o) { return es_obj_is_type(o, &es_type_set) || es_obj_is_type(o, &es_type_frozenset); }

static es_obj_set_t *set_of(es_obj_t o) { return es_obj_to_ptr(o); }

static es_obj_set_t *new_set(const es_type_t *type) {
    es_obj_set_t *s = es_new(es_obj_set_t);
    s->base.type = type;
    s->mask = MIN_SIZE - 1;
    s->table = es_new_array(set_entry_t, MIN_SIZE);
    return s;
}

/* A set key's hash; a set looked up in a set counts as the frozenset with its items. */
static size_t frozenset_hash(const es_obj_set_t *s);
static size_t key_hash(es_obj_t key) {
    if (es_obj_is_small_int(key)) {
        return es_map_small_int_hash(es_small_int_value(key));
    }
    if (es_obj_is_type(key, &es_type_tuple)) {
        return es_tuple_hash(key);
    }
    if (es_obj_is_type(key, &es_type_set)) {
        return frozenset_hash(set_of(key)) & (size_t)ES_SMALL_INT_MAX; /* as es_obj_hash of the frozenset */
    }
    return (size_t)es_small_int_value(es_obj_hash(key));
}

static bool keys_equal(es_obj_t a, es_obj_t b) {
    if (a == b) {
        return true;
    }
    if ((es_obj_is_small_int(a) && es_obj_is_small_int(b)) || (es_obj_is_qstr(a) && es_obj_is_qstr(b))) {
        return false;
    }
    return es_obj_equal(a, b);
}

static void insert_clean(set_entry_t *table, size_t mask, es_obj_t key, size_t hash) {
    size_t perturb = hash;
    size_t i = hash & mask;
    for (;;) {
        set_entry_t *e = &table[i];
        if (e->key == ES_OBJ_NULL) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == ES_OBJ_NULL) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static void table_resize(es_obj_set_t *s, size_t min_used) {
    size_t size = MIN_SIZE;
    while (size <= min_used) {
        size <<= 1;
    }
    set_entry_t *old = s->table;
    size_t old_size = s->mask + 1;
    set_entry_t *table = es_new_array(set_entry_t, size);
    for (size_t i = 0; i < old_size; i++) {
        if (is_active(&old[i])) {
            insert_clean(table, size - 1, old[i].key, old[i].hash);
        }
    }
    s->table = table;
    s->mask = size - 1;
    s->fill = s->used;
    es_free(old);
}

/* The active entry equal to key, or NULL. */
static set_entry_t *set_lookup(es_obj_set_t *s, es_obj_t key, size_t hash) {
restart:;
    size_t mask = s->mask;
    size_t i = hash & mask;
    size_t perturb = hash;
    for (;;) {
        set_entry_t *e = &s->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (e->key == ES_OBJ_NULL) {
                return NULL;
            }
            if (e->key != DUMMY && e->hash == hash) {
                es_obj_t start_key = e->key;
                set_entry_t *table = s->table;
                if (keys_equal(start_key, key)) {
                    return e;
                }
                /* __eq__ may have changed the set: start again */
                if (table != s->table || e->key != start_key) {
                    goto restart;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void set_add_entry(es_obj_set_t *s, es_obj_t key, size_t hash) {
restart:;
    size_t mask = s->mask;
    size_t i = hash & mask;
    size_t perturb = hash;
    set_entry_t *free_slot = NULL; /* a removed entry on the way, reused */
    for (;;) {
        set_entry_t *e = &s->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (e->key == ES_OBJ_NULL) {
                if (free_slot != NULL) {
                    s->used++;
                    free_slot->key = key;
                    free_slot->hash = hash;
                    return;
                }
                s->fill++;
                s->used++;
                e->key = key;
                e->hash = hash;
                if (s->fill * 5 >= mask * 3) {
                    table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
                }
                return;
            }
            if (e->key == DUMMY) {
                free_slot = e; /* CPython ends up reusing the last one passed */
            } else if (e->hash == hash) {
                es_obj_t start_key = e->key;
                set_entry_t *table = s->table;
                if (keys_equal(start_key, key)) {
                    return;
                }
                if (table != s->table || e->key != start_key) {
                    goto restart;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void set_add(es_obj_set_t *s, es_obj_t key) {
    if (es_obj_is_type(key, &es_type_set)) {
        es_raise_msg(&es_type_TypeError, "unhashable type: 'set'"); /* only look-ups treat it as a frozenset */
    }
    set_add_entry(s, key, key_hash(key));
}

static bool set_discard_entry(es_obj_set_t *s, es_obj_t key, size_t hash) {
    set_entry_t *e = set_lookup(s, key, hash);
    if (e == NULL) {
        return false;
    }
    e->key = DUMMY;
    e->hash = (size_t)-1;
    s->used--;
    return true;
}

static bool set_discard(es_obj_set_t *s, es_obj_t key) { return set_discard_entry(s, key, key_hash(key)); }

static bool set_contains(es_obj_set_t *s, es_obj_t key) { return set_lookup(s, key, key_hash(key)) != NULL; }

static void set_clear_internal(es_obj_set_t *s) {
    set_entry_t *old = s->table;
    s->table = es_new_array(set_entry_t, MIN_SIZE);
    s->mask = MIN_SIZE - 1;
    s->fill = s->used = 0;
    s->finger = 0;
    es_free(old);
}

/* Adds every item of another set, sizing the table once up front. */
static void set_merge(es_obj_set_t *s, const es_obj_set_t *other) {
    if (other == s || other->used == 0) {
        return;
    }
    if ((s->fill + other->used) * 5 >= s->mask * 3) {
        table_resize(s, (s->used + other->used) * 2);
    }
    if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
        memcpy(s->table, other->table, (other->mask + 1) * sizeof(set_entry_t));
        s->fill = other->fill;
        s->used = other->used;
        return;
    }
    if (s->fill == 0) {
        s->fill = s->used = other->used;
        for (size_t i = 0; i <= other->mask; i++) {
            if (is_active(&other->table[i])) {
                insert_clean(s->table, s->mask, other->table[i].key, other->table[i].hash);
            }
        }
        return;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        const set_entry_t *e = &other->table[i];
        if (is_active(e)) {
            set_add_entry(s, e->key, e->hash);
        }
    }
}

static void set_update_internal(es_obj_set_t *s, es_obj_t iterable) {
    if (is_any_set(iterable)) {
        set_merge(s, set_of(iterable));
        return;
    }
    if (es_obj_is_type(iterable, &es_type_dict)) {
        const es_map_t *map = es_obj_dict_get_map(iterable);
        if ((s->fill + map->count) * 5 >= s->mask * 3) {
            table_resize(s, (s->used + map->count) * 2);
        }
        for (size_t i = 0; i < map->used; i++) {
            if (es_map_slot_is_filled(map, i)) {
                set_add(s, map->table[i].key);
            }
        }
        return;
    }
    es_obj_iter_buf_t iter_buf;
    es_obj_t iter = es_getiter(iterable, &iter_buf);
    es_obj_t item;
    while ((item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        set_add(s, item);
    }
}

static es_obj_set_t *set_copy_as(const es_type_t *type, es_obj_set_t *s) {
    es_obj_set_t *copy = new_set(type);
    set_merge(copy, s);
    return copy;
}

static es_obj_set_t *new_set_from(const es_type_t *type, es_obj_t iterable) {
    es_obj_set_t *s = new_set(type);
    set_update_internal(s, iterable);
    return s;
}

/* ---- public API ---------------------------------------------------------------------- */

/* Whether o is a literal CPython's compiler folds into a constant (numbers, strings, tuples of them). */
static bool is_literal_constant(es_obj_t o) {
    if (es_obj_is_small_int(o) || es_obj_is_qstr(o) || es_obj_is_immediate(o)) {
        return true;
    }
    const es_type_t *type = es_obj_get_type(o);
    if (type == &es_type_tuple) {
        const es_obj_tuple_t *t = es_obj_to_ptr(o);
        for (size_t i = 0; i < t->len; i++) {
            if (!is_literal_constant(t->items[i])) {
                return false;
            }
        }
        return true;
    }
    return type == &es_type_int || type == &es_type_float || type == &es_type_str || type == &es_type_bytes ||
           type == &es_type_complex;
}

es_obj_t es_obj_new_set(size_t n, const es_obj_t *items) {
    es_obj_set_t *s = new_set(&es_type_set);
    bool all_constant = n > 2;
    for (size_t i = 0; i < n && all_constant; i++) {
        all_constant = is_literal_constant(items[i]);
    }
    if (all_constant) {
        /* CPython builds a display of 3 or more literals from a frozenset constant, which its
        ** compiler makes twice (the second time from the first one's order) before the display
        ** merges it into an empty set; doing the same keeps the printed order identical. */
        es_obj_set_t *first = new_set(&es_type_frozenset);
        for (size_t i = 0; i < n; i++) {
            set_add(first, items[i]);
        }
        es_obj_set_t *constant = new_set(&es_type_frozenset);
        for (size_t i = 0; i <= first->mask; i++) {
            if (is_active(&first->table[i])) {
                set_add_entry(constant, first->table[i].key, first->table[i].hash);
            }
        }
        set_merge(s, constant);
        return es_obj_from_ptr(s);
    }
    for (size_t i = 0; i < n; i++) {
        set_add(s, items[i]);
    }
    return es_obj_from_ptr(s);
}

es_obj_t es_obj_new_frozenset(size_t n, const es_obj_t *items) {
    es_obj_set_t *s = set_of(es_obj_new_set(n, items));
    s->base.type = &es_type_frozenset;
    return es_obj_from_ptr(s);
}

void es_obj_set_store(es_obj_t set, es_obj_t item) { set_add(set_of(set), item); }

void es_obj_set_update(es_obj_t set, es_obj_t iterable) { set_update_internal(set_of(set), iterable); }

bool es_obj_set_contains(es_obj_t set, es_obj_t item) { return set_contains(set_of(set), item); }

/* ---- set algebra, with CPython's construction order ----------------------------------- */

static es_obj_set_t *set_intersection(es_obj_set_t *s, es_obj_t other) {
    const es_type_t *type = s->base.type;
    if (es_obj_from_ptr(s) == other) {
        return set_copy_as(type, s);
    }
    es_obj_set_t *result = new_set(type);
    if (is_any_set(other)) {
        es_obj_set_t *small = set_of(other), *big = s;
        if (small->used > big->used) {
            small = s;
            big = set_of(other);
        }
        for (size_t i = 0; i <= small->mask; i++) {
            set_entry_t e = small->table[i];
            if (is_active(&e) && set_lookup(big, e.key, e.hash) != NULL) {
                set_add_entry(result, e.key, e.hash);
            }
        }
        return result;
    }
    es_obj_iter_buf_t iter_buf;
    es_obj_t iter = es_getiter(other, &iter_buf);
    es_obj_t item;
    while ((item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        size_t hash = key_hash(item);
        if (set_lookup(s, item, hash) != NULL) {
            set_add_entry(result, item, hash);
        }
    }
    return result;
}

static void set_difference_update_internal(es_obj_set_t *s, es_obj_t other) {
    if (es_obj_from_ptr(s) == other) {
        set_clear_internal(s);
        return;
    }
    if (is_any_set(other)) {
        es_obj_set_t *o = set_of(other);
        for (size_t i = 0; i <= o->mask; i++) {
            set_entry_t e = o->table[i];
            if (is_active(&e)) {
                set_discard_entry(s, e.key, e.hash);
            }
        }
        return;
    }
    es_obj_iter_buf_t iter_buf;
    es_obj_t iter = es_getiter(other, &iter_buf);
    es_obj_t item;
    while ((item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        set_discard(s, item);
    }
}

static es_obj_set_t *set_difference(es_obj_set_t *s, es_obj_t other) {
    const es_type_t *type = s->base.type;
    size_t other_size;
    if (is_any_set(other)) {
        other_size = set_of(other)->used;
    } else if (es_obj_is_type(other, &es_type_dict)) {
        other_size = es_obj_dict_get_map(other)->count;
    } else {
        es_obj_set_t *result = set_copy_as(type, s);
        set_difference_update_internal(result, other);
        return result;
    }
    if ((s->used >> 2) > other_size) {
        es_obj_set_t *result = set_copy_as(type, s);
        set_difference_update_internal(result, other);
        return result;
    }
    es_obj_set_t *result = new_set(type);
    for (size_t i = 0; i <= s->mask; i++) {
        set_entry_t e = s->table[i];
        if (!is_active(&e)) {
            continue;
        }
        bool found;
        if (is_any_set(other)) {
            found = set_lookup(set_of(other), e.key, e.hash) != NULL;
        } else {
            found = es_map_lookup(es_obj_dict_get_map(other), e.key, ES_MAP_LOOKUP) != NULL;
        }
        if (!found) {
            set_add_entry(result, e.key, e.hash);
        }
    }
    return result;
}

static void set_symmetric_difference_update(es_obj_set_t *s, es_obj_t other) {
    if (es_obj_from_ptr(s) == other) {
        set_clear_internal(s);
        return;
    }
    es_obj_set_t *o = is_any_set(other) ? set_of(other) : new_set_from(&es_type_set, other);
    for (size_t i = 0; i <= o->mask; i++) {
        set_entry_t e = o->table[i];
        if (is_active(&e) && !set_discard_entry(s, e.key, e.hash)) {
            set_add_entry(s, e.key, e.hash);
        }
    }
}

static es_obj_set_t *set_symmetric_difference(es_obj_set_t *s, es_obj_t other) {
    es_obj_set_t *result = new_set_from(s->base.type, other);
    set_symmetric_difference_update(result, es_obj_from_ptr(s));
    return result;
}

static es_obj_set_t *set_union(es_obj_set_t *s, es_obj_t other) {
    es_obj_set_t *result = set_copy_as(s->base.type, s);
    if (other != es_obj_from_ptr(s)) {
        set_update_internal(result, other);
    }
    return result;
}

/* Makes s take over the table of t (for the *_update methods built on new sets). */
static void set_take_body(es_obj_set_t *s, es_obj_set_t *t) {
    set_entry_t *old = s->table;
    s->table = t->table;
    s->fill = t->fill;
    s->used = t->used;
    s->mask = t->mask;
    t->table = NULL;
    t->fill = t->used = 0;
    es_free(old);
}

static bool set_issubset(es_obj_set_t *s, es_obj_set_t *other) {
    if (s->used > other->used) {
        return false;
    }
    for (size_t i = 0; i <= s->mask; i++) {
        set_entry_t e = s->table[i];
        if (is_active(&e) && set_lookup(other, e.key, e.hash) == NULL) {
            return false;
        }
    }
    return true;
}

/* ---- hashing --------------------------------------------------------------------------- */

static size_t shuffle_bits(size_t h) { return ((h ^ 89869747u) ^ (h << 16)) * 3644798167u; }

static size_t frozenset_hash(const es_obj_set_t *s) {
    size_t hash = 0;
    for (size_t i = 0; i <= s->mask; i++) {
        if (is_active(&s->table[i])) {
            hash ^= shuffle_bits(s->table[i].hash);
        }
    }
    hash ^= ((size_t)s->used + 1) * 1927868237u;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069u + 907133923u;
    return hash;
}

/* ---- printing and construction ----------------------------------------------------------- */

static void set_print_items(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_obj_set_t *s = set_of(self);
    bool first = true;
    for (size_t i = 0; i <= s->mask; i++) {
        if (!is_active(&s->table[i])) {
            continue;
        }
        if (!first) {
            es_print_str(print, ", ");
        }
        first = false;
        es_obj_print_helper(print, s->table[i].key, ES_PRINT_REPR);
    }
}

static void set_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    es_obj_set_t *s = set_of(self);
    bool frozen = s->base.type == &es_type_frozenset;
    if (s->used == 0) {
        es_print_str(print, frozen ? "frozenset()" : "set()");
        return;
    }
    es_print_str(print, frozen ? "frozenset({" : "{");
    if (!es_repr_guard(print, self, kind, set_print_items)) {
        es_print_str(print, "...");
    }
    es_print_str(print, frozen ? "})" : "}");
}

static es_obj_t set_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 0, 1, false);
    if (type != &es_type_set && type != &es_type_frozenset) {
        type = &es_type_set;
    }
    if (type == &es_type_frozenset && n_args == 1 && es_obj_is_type(args[0], &es_type_frozenset)) {
        return args[0];
    }
    es_obj_set_t *s = new_set(type);
    if (n_args == 1) {
        set_update_internal(s, args[0]);
    }
    return es_obj_from_ptr(s);
}

/* ---- operators ---------------------------------------------------------------------------- */

static es_obj_t set_unary_op(es_unary_op_t op, es_obj_t self) {
    es_obj_set_t *s = set_of(self);
    switch (op) {
    case ES_UNARY_OP_BOOL:
        return es_obj_new_bool(s->used != 0);
    case ES_UNARY_OP_LEN:
        return es_obj_new_small_int((es_int_t)s->used);
    case ES_UNARY_OP_HASH:
        if (s->base.type == &es_type_frozenset) {
            return es_obj_new_small_int((es_int_t)(frozenset_hash(s) & (size_t)ES_SMALL_INT_MAX));
        }
        return ES_OBJ_NULL;
    case ES_UNARY_OP_SIZEOF:
        return es_obj_new_small_int((es_int_t)(sizeof(es_obj_set_t) + (s->mask + 1) * sizeof(set_entry_t)));
    default:
        return ES_OBJ_NULL;
    }
}

static es_obj_t set_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    es_obj_set_t *s = set_of(lhs);
    if (op == ES_BINARY_OP_IN) {
        return es_obj_new_bool(set_contains(s, rhs));
    }
    if (!is_any_set(rhs)) {
        return ES_OBJ_NULL;
    }
    es_obj_set_t *o = set_of(rhs);
    bool frozen = s->base.type == &es_type_frozenset;
    switch (op) {
    case ES_BINARY_OP_EQUAL:
        return es_obj_new_bool(s->used == o->used && set_issubset(s, o));
    case ES_BINARY_OP_NOT_EQUAL:
        return es_obj_new_bool(!(s->used == o->used && set_issubset(s, o)));
    case ES_BINARY_OP_LESS_EQUAL:
        return es_obj_new_bool(set_issubset(s, o));
    case ES_BINARY_OP_LESS:
        return es_obj_new_bool(s->used < o->used && set_issubset(s, o));
    case ES_BINARY_OP_MORE_EQUAL:
        return es_obj_new_bool(set_issubset(o, s));
    case ES_BINARY_OP_MORE:
        return es_obj_new_bool(o->used < s->used && set_issubset(o, s));
    case ES_BINARY_OP_OR:
        return es_obj_from_ptr(set_union(s, rhs));
    case ES_BINARY_OP_AND:
        return es_obj_from_ptr(set_intersection(s, rhs));
    case ES_BINARY_OP_SUBTRACT:
        return es_obj_from_ptr(set_difference(s, rhs));
    case ES_BINARY_OP_XOR:
        return es_obj_from_ptr(set_symmetric_difference(s, rhs));
    case ES_BINARY_OP_INPLACE_OR:
    case ES_BINARY_OP_INPLACE_AND:
    case ES_BINARY_OP_INPLACE_SUBTRACT:
    case ES_BINARY_OP_INPLACE_XOR:
        if (frozen) {
            return set_binary_op(op + ES_BINARY_OP_INPLACE_OFFSET, lhs, rhs);
        }
        if (op == ES_BINARY_OP_INPLACE_OR) {
            set_update_internal(s, rhs);
        } else if (op == ES_BINARY_OP_INPLACE_AND) {
            set_take_body(s, set_intersection(s, rhs));
        } else if (op == ES_BINARY_OP_INPLACE_SUBTRACT) {
            set_difference_update_internal(s, rhs);
        } else {
            set_symmetric_difference_update(s, rhs);
        }
        return lhs;
    default:
        return ES_OBJ_NULL;
    }
}

/* ---- iterator ------------------------------------------------------------------------------ */

typedef struct set_iter_t {
    es_obj_base_t base;
    es_obj_t set; /* NULL once exhausted */
    size_t pos;
    size_t used; /* size when iteration started */
} set_iter_t;

static es_obj_t set_iter_next(es_obj_t self) {
    set_iter_t *it = es_obj_to_ptr(self);
    if (it->set == ES_OBJ_NULL) {
        return ES_OBJ_STOP_ITERATION;
    }
    es_obj_set_t *s = set_of(it->set);
    if (s->used != it->used) {
        it->used = SIZE_MAX;
        es_raise_msg(&es_type_RuntimeError, "Set changed size during iteration");
    }
    while (it->pos <= s->mask) {
        const set_entry_t *e = &s->table[it->pos++];
        if (is_active(e)) {
            return e->key;
        }
    }
    it->set = ES_OBJ_NULL;
    return ES_OBJ_STOP_ITERATION;
}

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

static const es_type_t set_iterator_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_set_iterator,
    .getiter = iter_self,
    .iternext = set_iter_next,
};

static es_obj_t set_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_STATIC_ASSERT_ITER_BUF_FITS(set_iter_t);
    set_iter_t *it = iter_buf != NULL ? (set_iter_t *)iter_buf : es_new(set_iter_t);
    it->base.type = &set_iterator_type;
    it->set = self;
    it->pos = 0;
    it->used = set_of(self)->used;
    return es_obj_from_ptr(it);
}

/* ---- methods ----------------------------------------------------------------------------- */

static es_obj_set_t *check_set(es_obj_t self, bool mutable_only) {
    es_obj_t native = es_instance_native(self); /* a subclass instance reached through super() */
    if (native != ES_OBJ_NULL) {
        self = native;
    }
    if (!(mutable_only ? es_obj_is_type(self, &es_type_set) : is_any_set(self))) {
        es_raise_msg_varg(&es_type_TypeError, "descriptor for '%s' objects doesn't apply to a '%s' object",
                          mutable_only ? "set" : "frozenset", es_obj_type_name(self));
    }
    return set_of(self);
}

static es_obj_t set_add_method(es_obj_t self, es_obj_t item) {
    set_add(check_set(self, true), item);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(set_add_obj, ES_Q_add, set_add_method);

static es_obj_t set_clear(es_obj_t self) {
    set_clear_internal(check_set(self, true));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(set_clear_obj, ES_Q_clear, set_clear);

static es_obj_t set_copy(es_obj_t self) {
    es_obj_set_t *s = check_set(self, false);
    if (s->base.type == &es_type_frozenset) {
        return self;
    }
    return es_obj_from_ptr(set_copy_as(s->base.type, s));
}
static ES_DEFINE_FUN_1(set_copy_obj, ES_Q_copy, set_copy);

static es_obj_t set_discard_method(es_obj_t self, es_obj_t item) {
    set_discard(check_set(self, true), item);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(set_discard_obj, ES_Q_discard, set_discard_method);

static es_obj_t set_remove(es_obj_t self, es_obj_t item) {
    if (!set_discard(check_set(self, true), item)) {
        es_raise_key_error(item);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(set_remove_obj, ES_Q_remove, set_remove);

static es_obj_t set_pop(es_obj_t self) {
    es_obj_set_t *s = check_set(self, true);
    if (s->used == 0) {
        es_raise_msg(&es_type_KeyError, "pop from an empty set");
    }
    size_t i = s->finger & s->mask;
    while (!is_active(&s->table[i])) {
        i = (i + 1) & s->mask;
    }
    es_obj_t key = s->table[i].key;
    s->table[i].key = DUMMY;
    s->table[i].hash = (size_t)-1;
    s->used--;
    s->finger = i + 1;
    return key;
}
static ES_DEFINE_FUN_1(set_pop_obj, ES_Q_pop, set_pop);

static es_obj_t set_union_method(size_t n_args, const es_obj_t *args) {
    es_obj_set_t *s = check_set(args[0], false);
    es_obj_set_t *result = set_copy_as(s->base.type, s);
    for (size_t i = 1; i < n_args; i++) {
        set_update_internal(result, args[i]);
    }
    return es_obj_from_ptr(result);
}
static ES_DEFINE_FUN_VAR(set_union_obj, ES_Q_union, 1, ES_FUN_ARGS_MAX, set_union_method);

static es_obj_t set_update_method(size_t n_args, const es_obj_t *args) {
    es_obj_set_t *s = check_set(args[0], true);
    for (size_t i = 1; i < n_args; i++) {
        set_update_internal(s, args[i]);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(set_update_obj, ES_Q_update, 1, ES_FUN_ARGS_MAX, set_update_method);

static es_obj_set_t *intersection_multi(es_obj_set_t *s, size_t n, const es_obj_t *others) {
    if (n == 0) {
        return set_copy_as(s->base.type, s);
    }
    es_obj_set_t *result = s;
    for (size_t i = 0; i < n; i++) {
        result = set_intersection(result, others[i]);
    }
    return result;
}

static es_obj_t set_intersection_method(size_t n_args, const es_obj_t *args) {
    es_obj_set_t *s = check_set(args[0], false);
    return es_obj_from_ptr(intersection_multi(s, n_args - 1, args + 1));
}
static ES_DEFINE_FUN_VAR(set_intersection_obj, ES_Q_intersection, 1, ES_FUN_ARGS_MAX, set_intersection_method);

static es_obj_t set_intersection_update(size_t n_args, const es_obj_t *args) {
    es_obj_set_t *s = check_set(args[0], true);
    set_take_body(s, intersection_multi(s, n_args - 1, args + 1));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(set_intersection_update_obj, ES_Q_intersection_update, 1, ES_FUN_ARGS_MAX,
                         set_intersection_update);

static es_obj_t set_difference_method(size_t n_args, const es_obj_t *args) {
    es_obj_set_t *s = check_set(args[0], false);
    if (n_args == 1) {
        return es_obj_from_ptr(set_copy_as(s->base.type, s));
    }
    es_obj_set_t *result = set_difference(s, args[1]);
    for (size_t i = 2; i < n_args; i++) {
        set_difference_update_internal(result, args[i]);
    }
    return es_obj_from_ptr(result);
}
static ES_DEFINE_FUN_VAR(set_difference_obj, ES_Q_difference, 1, ES_FUN_ARGS_MAX, set_difference_method);

static es_obj_t set_difference_update(size_t n_args, const es_obj_t *args) {
    es_obj_set_t *s = check_set(args[0], true);
    for (size_t i = 1; i < n_args; i++) {
        set_difference_update_internal(s, args[i]);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(set_difference_update_obj, ES_Q_difference_update, 1, ES_FUN_ARGS_MAX,
                         set_difference_update);

static es_obj_t set_symmetric_difference_method(es_obj_t self, es_obj_t other) {
    return es_obj_from_ptr(set_symmetric_difference(check_set(self, false), other));
}
static ES_DEFINE_FUN_2(set_symmetric_difference_obj, ES_Q_symmetric_difference, set_symmetric_difference_method);

static es_obj_t set_symmetric_difference_update_method(es_obj_t self, es_obj_t other) {
    set_symmetric_difference_update(check_set(self, true), other);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(set_symmetric_difference_update_obj, ES_Q_symmetric_difference_update,
                       set_symmetric_difference_update_method);

/* The argument of issubset() and friends as a set (any iterable is accepted). */
static es_obj_set_t *as_set(es_obj_t o) { return is_any_set(o) ? set_of(o) : new_set_from(&es_type_set, o); }

static es_obj_t set_issubset_method(es_obj_t self, es_obj_t other) {
    return es_obj_new_bool(set_issubset(check_set(self, false), as_set(other)));
}
static ES_DEFINE_FUN_2(set_issubset_obj, ES_Q_issubset, set_issubset_method);

static es_obj_t set_issuperset_method(es_obj_t self, es_obj_t other) {
    return es_obj_new_bool(set_issubset(as_set(other), check_set(self, false)));
}
static ES_DEFINE_FUN_2(set_issuperset_obj, ES_Q_issuperset, set_issuperset_method);

static es_obj_t set_isdisjoint(es_obj_t self, es_obj_t other) {
    es_obj_set_t *s = check_set(self, false);
    es_obj_iter_buf_t iter_buf;
    es_obj_t iter = es_getiter(other, &iter_buf);
    es_obj_t item;
    while ((item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        if (set_contains(s, item)) {
            return ES_OBJ_FALSE;
        }
    }
    return ES_OBJ_TRUE;
}
static ES_DEFINE_FUN_2(set_isdisjoint_obj, ES_Q_isdisjoint, set_isdisjoint);

static es_obj_t set_init(size_t n_args, const es_obj_t *args) {
    es_obj_set_t *s = check_set(args[0], true);
    set_clear_internal(s);
    if (n_args == 2) {
        set_update_internal(s, args[1]);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(set_init_obj, ES_Q___init__, 1, 2, set_init);

static const es_map_elem_t set_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_add), ES_OBJ_FROM_CONST(set_add_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_clear), ES_OBJ_FROM_CONST(set_clear_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_copy), ES_OBJ_FROM_CONST(set_copy_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_difference), ES_OBJ_FROM_CONST(set_difference_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_difference_update), ES_OBJ_FROM_CONST(set_difference_update_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_discard), ES_OBJ_FROM_CONST(set_discard_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_intersection), ES_OBJ_FROM_CONST(set_intersection_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_intersection_update), ES_OBJ_FROM_CONST(set_intersection_update_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isdisjoint), ES_OBJ_FROM_CONST(set_isdisjoint_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_issubset), ES_OBJ_FROM_CONST(set_issubset_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_issuperset), ES_OBJ_FROM_CONST(set_issuperset_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pop), ES_OBJ_FROM_CONST(set_pop_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_remove), ES_OBJ_FROM_CONST(set_remove_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_symmetric_difference), ES_OBJ_FROM_CONST(set_symmetric_difference_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_symmetric_difference_update), ES_OBJ_FROM_CONST(set_symmetric_difference_update_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_union), ES_OBJ_FROM_CONST(set_union_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_update), ES_OBJ_FROM_CONST(set_update_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___init__), ES_OBJ_FROM_CONST(set_init_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___len__), ES_OBJ_FROM_CONST(es_dunder_len_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___contains__), ES_OBJ_FROM_CONST(es_dunder_contains_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___iter__), ES_OBJ_FROM_CONST(es_dunder_iter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___class_getitem__), ES_OBJ_FROM_CONST(es_class_getitem_obj)},
};
static ES_DEFINE_CONST_DICT(set_locals_dict, set_locals_table);

static const es_map_elem_t frozenset_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_copy), ES_OBJ_FROM_CONST(set_copy_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_difference), ES_OBJ_FROM_CONST(set_difference_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_intersection), ES_OBJ_FROM_CONST(set_intersection_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isdisjoint), ES_OBJ_FROM_CONST(set_isdisjoint_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_issubset), ES_OBJ_FROM_CONST(set_issubset_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_issuperset), ES_OBJ_FROM_CONST(set_issuperset_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_symmetric_difference), ES_OBJ_FROM_CONST(set_symmetric_difference_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_union), ES_OBJ_FROM_CONST(set_union_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___len__), ES_OBJ_FROM_CONST(es_dunder_len_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___contains__), ES_OBJ_FROM_CONST(es_dunder_contains_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___iter__), ES_OBJ_FROM_CONST(es_dunder_iter_obj)},
};
static ES_DEFINE_CONST_DICT(frozenset_locals_dict, frozenset_locals_table);

const es_type_t es_type_set = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_NONE,
    .name = ES_Q_set,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .locals_dict = (es_obj_dict_t *)&set_locals_dict,
};

const es_type_t es_type_frozenset = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_NONE,
    .name = ES_Q_frozenset,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .locals_dict = (es_obj_dict_t *)&frozenset_locals_dict,
};
