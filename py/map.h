/* map.h: the insertion-ordered hash table behind dicts, module globals, instance attributes and type locals. */
#pragma once

#include "py/obj.h"

typedef struct es_map_elem_t {
    es_obj_t key; /* ES_OBJ_NULL in a slot whose entry was removed */
    es_obj_t value;
} es_map_elem_t;

/*
** Entries sit in `table` in insertion order; removal leaves a hole (key NULL) that is
** squeezed out when the table grows. Maps with more than a few entries also keep `index`,
** an open-addressing hash table of positions in `table` (position + 1; 0 = empty slot).
** A fixed map points at a const table in flash and cannot change (built-in types and modules).
*/
typedef struct es_map_t {
    size_t used;    /* slots of table in use, holes included */
    size_t alloc;   /* capacity of table */
    size_t count;   /* live entries */
    uint16_t is_fixed : 1;
    uint16_t index_bits : 8; /* index has 1 << index_bits slots; 0 = no index */
    uint16_t is_watched : 1; /* look-up caches depend on its keys: report key changes */
    es_map_elem_t *table;
    uint32_t *index;
} es_map_t;

typedef enum {
    ES_MAP_LOOKUP,
    ES_MAP_LOOKUP_ADD_IF_NOT_FOUND,
    ES_MAP_LOOKUP_REMOVE_IF_FOUND,
} es_map_lookup_kind_t;

/* Dict object: a map with an object header. */
typedef struct es_obj_dict_t {
    es_obj_base_t base;
    es_map_t map;
} es_obj_dict_t;

/* A const dict in flash, e.g. a type's methods:
**     static const es_map_elem_t list_locals_table[] = {
**         { ES_OBJ_NEW_QSTR(ES_Q_append), ES_OBJ_FROM_CONST(list_append_obj) }, ...
**     };
**     static ES_DEFINE_CONST_DICT(list_locals_dict, list_locals_table);
*/
#define ES_DEFINE_CONST_DICT(dict_name, table_name)                                                \
    const es_obj_dict_t dict_name = {                                                              \
        {&es_type_dict},                                                                           \
        {ES_ARRAY_SIZE(table_name), ES_ARRAY_SIZE(table_name), ES_ARRAY_SIZE(table_name), 1, 0, 0, \
         (es_map_elem_t *)(table_name), NULL}}

/* A const module: `ES_DEFINE_CONST_MODULE(es_module_math, math_globals_table);` */
#define ES_DEFINE_CONST_MODULE(module_name, table_name)                                            \
    static ES_DEFINE_CONST_DICT(module_name##_globals, table_name);                                \
    const es_obj_module_t module_name = {{&es_type_module}, (es_obj_dict_t *)&module_name##_globals}

/*
** Hash of a small int as numbers hash ints everywhere (CPython's rule: modulo 2**61 - 1 on
** 64-bit words, -1 becomes -2), so that 1, 1.0 and True, or -1 and -1.0, find each other.
*/
static inline size_t es_map_small_int_hash(es_int_t v) {
#if UINTPTR_MAX > 0xffffffffu
    const es_int_t modulus = ((es_int_t)1 << 61) - 1;
    if (v >= modulus || v <= -modulus) {
        v %= modulus;
    }
#endif
    return v == -1 ? (size_t)-2 : (size_t)v;
}

/*
** A watched map (class dicts, globals that builtins are looked up past) tells the look-up
** caches whenever a key is added or removed; a changed value needs no report because the
** caches keep positions, not values. Implemented in py/attrcache.c.
*/
void es_attr_cache_invalidate(void);
static inline void es_map_watch(es_map_t *map) {
    if (!map->is_watched && !map->is_fixed) {
        map->is_watched = 1;
        es_attr_cache_invalidate(); /* an address may be reused: forget what was said about it */
    }
}

void es_map_init(es_map_t *map, size_t n);
void es_map_init_fixed_table(es_map_t *map, size_t n, const es_map_elem_t *table);
void es_map_deinit(es_map_t *map);
void es_map_clear(es_map_t *map);
/*
** Returns the entry for key, or NULL when absent (ES_MAP_LOOKUP, REMOVE). ADD_IF_NOT_FOUND
** returns a new entry whose value is ES_OBJ_NULL for the caller to fill. REMOVE returns a
** pointer to a scratch copy of the removed entry, valid until the next map operation.
** Raises TypeError when the key is unhashable.
*/
es_map_elem_t *es_map_lookup(es_map_t *map, es_obj_t key, es_map_lookup_kind_t kind);
/* Iteration: for (size_t i = 0; i < map->used; i++) if (es_map_slot_is_filled(map, i)) ... */
static inline bool es_map_slot_is_filled(const es_map_t *map, size_t pos) {
    return map->table[pos].key != ES_OBJ_NULL;
}
