/* map.c: insertion-ordered hash table with a linear-scan mode for small and const maps. */

#include <string.h>

#include "py/map.h"
#include "py/runtime.h"

/* Maps with at most this many slots are searched linearly: cheaper than hashing and no index RAM. */
#define LINEAR_MAX (8)

static size_t key_hash(es_obj_t key) {
    if (es_obj_is_qstr(key)) {
        /* Masked as es_obj_hash does for heap strings, so equal texts meet on 32-bit builds too. */
        return es_qstr_hash(es_obj_qstr_value(key)) & (size_t)ES_SMALL_INT_MAX;
    }
    if (es_obj_is_small_int(key)) {
        return es_map_small_int_hash(es_small_int_value(key));
    }
    return (size_t)es_small_int_value(es_obj_hash(key));
}

static inline bool is_user_instance(es_obj_t o) {
    return es_obj_is_ptr(o) && (((const es_obj_base_t *)o)->type->flags & ES_TYPE_FLAG_IS_USER_CLASS) != 0;
}

static inline bool keys_equal(es_obj_t a, es_obj_t b) {
    if (a == b) {
        return true;
    }
    /* Two distinct qstrs are always distinct strings. */
    if (es_obj_is_qstr(a) && es_obj_is_qstr(b)) {
        return false;
    }
    if (es_obj_is_small_int(a) && es_obj_is_small_int(b)) {
        return false;
    }
    /* The table keeps no hashes, so a user-defined __eq__ is only asked once the hashes agree:
    ** as in CPython, it never sees keys that merely share a slot or a small map. */
    if (is_user_instance(a) || is_user_instance(b)) {
        if (key_hash(a) != key_hash(b)) {
            return false;
        }
    }
    return es_obj_equal(a, b);
}

void es_map_init(es_map_t *map, size_t n) {
    memset(map, 0, sizeof(*map));
    if (n > 0) {
        map->alloc = n;
        map->table = es_new_array(es_map_elem_t, n);
    }
}

void es_map_init_fixed_table(es_map_t *map, size_t n, const es_map_elem_t *table) {
    memset(map, 0, sizeof(*map));
    map->used = map->alloc = map->count = n;
    map->is_fixed = 1;
    map->table = (es_map_elem_t *)table;
}

void es_map_deinit(es_map_t *map) {
    bool watched = map->is_watched;
    if (!map->is_fixed) {
        es_free(map->table);
        es_free(map->index);
    }
    memset(map, 0, sizeof(*map));
    if (watched) {
        map->is_watched = 1;
        es_attr_cache_invalidate();
    }
}

void es_map_clear(es_map_t *map) {
    if (map->is_fixed) {
        /* a module's or type's table in flash: the map itself is const too */
        es_raise_msg(&es_type_TypeError, "object is read-only");
    }
    es_map_deinit(map);
}

/*
** First index slot for a hash. Ints hash to themselves, so runs of consecutive keys would form
** one long cluster under plain masking and make every removal (which re-inserts the rest of
** its cluster) cost O(n); Fibonacci hashing spreads them.
*/
static inline size_t first_slot(size_t hash, unsigned bits) {
    uint32_t h = (uint32_t)hash ^ (uint32_t)((uint64_t)hash >> 32);
    return (uint32_t)(h * 2654435769u) >> (32 - bits);
}

static void index_insert(es_map_t *map, size_t hash, size_t pos) {
    size_t mask = ((size_t)1 << map->index_bits) - 1;
    size_t slot = first_slot(hash, map->index_bits);
    while (map->index[slot] != 0) {
        slot = (slot + 1) & mask;
    }
    map->index[slot] = (uint32_t)(pos + 1);
}

/* Squeezes out holes, grows the table to hold at least `need` entries and rebuilds the index. */
static void rebuild(es_map_t *map, size_t need) {
    size_t new_alloc = map->alloc < 4 ? 4 : map->alloc;
    while (new_alloc < need + need / 4) {
        new_alloc *= 2;
    }
    es_map_elem_t *table = es_new_array(es_map_elem_t, new_alloc);
    uint32_t *index = NULL;
    unsigned bits = 0;
    if (new_alloc > LINEAR_MAX) {
        bits = 3;
        while (((size_t)1 << bits) < 2 * new_alloc) {
            bits++;
        }
        index = es_new_array(uint32_t, (size_t)1 << bits);
    }
    size_t n = 0;
    for (size_t i = 0; i < map->used; i++) {
        if (map->table[i].key != ES_OBJ_NULL) {
            table[n++] = map->table[i];
        }
    }
    es_free(map->table);
    es_free(map->index);
    map->table = table;
    map->alloc = new_alloc;
    map->used = n;
    map->count = n;
    map->index = index;
    map->index_bits = (uint16_t)bits;
    if (index != NULL) {
        for (size_t i = 0; i < n; i++) {
            index_insert(map, key_hash(table[i].key), i);
        }
    }
}

static es_map_elem_t removed_scratch;

static es_map_elem_t *remove_at(es_map_t *map, size_t pos, size_t slot) {
    removed_scratch = map->table[pos];
    if (map->is_watched) {
        es_attr_cache_invalidate();
    }
    map->table[pos].key = ES_OBJ_NULL;
    map->table[pos].value = ES_OBJ_NULL;
    map->count--;
    if (map->index != NULL) {
        /* Re-insert the rest of the probe chain so that later look-ups still find their keys. */
        size_t mask = ((size_t)1 << map->index_bits) - 1;
        map->index[slot] = 0;
        for (size_t s = (slot + 1) & mask; map->index[s] != 0; s = (s + 1) & mask) {
            uint32_t moved = map->index[s];
            map->index[s] = 0;
            index_insert(map, key_hash(map->table[moved - 1].key), moved - 1);
        }
    }
    if (pos + 1 == map->used) {
        map->used--;
    }
    return &removed_scratch;
}

es_map_elem_t *es_map_lookup(es_map_t *map, es_obj_t key, es_map_lookup_kind_t kind) {
    if (map->is_fixed && kind != ES_MAP_LOOKUP) {
        es_raise_msg(&es_type_TypeError, "object is read-only");
    }
    if (map->index == NULL) {
        for (size_t i = 0; i < map->used; i++) {
            es_obj_t k = map->table[i].key;
            if (k != ES_OBJ_NULL && keys_equal(k, key)) {
                return kind == ES_MAP_LOOKUP_REMOVE_IF_FOUND ? remove_at(map, i, 0) : &map->table[i];
            }
        }
        if (!es_obj_is_qstr(key) && !es_obj_is_small_int(key)) {
            key_hash(key); /* a miss still raises TypeError for an unhashable key, as CPython */
        }
        if (kind != ES_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return NULL;
        }
    } else {
        size_t hash = key_hash(key);
        size_t mask = ((size_t)1 << map->index_bits) - 1;
        for (size_t slot = first_slot(hash, map->index_bits);; slot = (slot + 1) & mask) {
            uint32_t pos = map->index[slot];
            if (pos == 0) {
                break;
            }
            if (keys_equal(map->table[pos - 1].key, key)) {
                if (kind == ES_MAP_LOOKUP_REMOVE_IF_FOUND) {
                    return remove_at(map, pos - 1, slot);
                }
                return &map->table[pos - 1];
            }
        }
        if (kind != ES_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return NULL;
        }
    }
    if (map->is_watched) {
        es_attr_cache_invalidate();
    }
    if (map->used == map->alloc) {
        rebuild(map, map->count + 1);
    }
    size_t pos = map->used++;
    map->count++;
    map->table[pos].key = key;
    map->table[pos].value = ES_OBJ_NULL;
    if (map->index != NULL) {
        index_insert(map, key_hash(key), pos);
    }
    return &map->table[pos];
}
