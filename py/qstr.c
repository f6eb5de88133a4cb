/* qstr.c: interned strings: the const table built at compile time plus a pool in the heap. */

#include <string.h>

#include "py/frozen.h"
#include "py/gc.h"
#include "py/qstr.h"
#include "py/state.h"

typedef struct es_qstr_static_t {
    uint32_t hash;
    uint16_t len;
    const char *str;
} es_qstr_static_t;

#include "genhdr/qstrdata.h"

/*
** Runtime-interned strings live in the heap. Each is one allocation:
**   [hash: size_t][len: size_t][bytes...][NUL]
** The pool holds a growable array of pointers to them (index = qstr - DYNAMIC_BASE)
** and an open-addressing index of qstr numbers for look-up by text.
*/
typedef struct qstr_entry_t {
    size_t hash;
    size_t len;
    char str[];
} qstr_entry_t;

typedef struct qstr_pool_t {
    size_t len;   /* entries used */
    size_t alloc; /* capacity of entries */
    qstr_entry_t **entries;
    size_t index_size; /* power of two */
    es_qstr_t *index;  /* 0 = empty slot */
} qstr_pool_t;

#define POOL ((qstr_pool_t *)es_state.roots.qstr_pool)
/* Numbers: the build's table, then the strings of frozen modules (py/frozen.h), then the pool. */
#define DYNAMIC_BASE (ES_QSTR_NUM_STATIC + es_frozen_table.n_qstrs)

size_t es_hash_bytes(const uint8_t *data, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ data[i]) * 16777619u;
    }
    return h == 0 ? 1 : h; /* 0 means "not computed" in str objects */
}

void es_qstr_init(void) {
    qstr_pool_t *pool = es_new(qstr_pool_t);
    es_state.roots.qstr_pool = pool;
    pool->alloc = 16;
    pool->entries = es_new_array(qstr_entry_t *, pool->alloc);
    pool->index_size = 32;
    pool->index = es_new_array(es_qstr_t, pool->index_size);
}

static es_qstr_t find_static(const char *s, size_t len, size_t hash) {
    size_t mask = QSTR_STATIC_INDEX_SIZE - 1;
    for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        uint16_t q = qstr_static_index[slot];
        if (q == 0) {
            return es_frozen_qstr_find(s, len, hash);
        }
        const es_qstr_static_t *e = &qstr_static_table[q];
        if (e->hash == hash && e->len == len && memcmp(e->str, s, len) == 0) {
            return q;
        }
    }
}

static es_qstr_t find_dynamic(const char *s, size_t len, size_t hash) {
    qstr_pool_t *pool = POOL;
    if (pool == NULL) {
        return ES_Q_NULL;
    }
    size_t mask = pool->index_size - 1;
    for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        es_qstr_t q = pool->index[slot];
        if (q == 0) {
            return ES_Q_NULL;
        }
        const qstr_entry_t *e = pool->entries[q - DYNAMIC_BASE];
        if (e->hash == hash && e->len == len && memcmp(e->str, s, len) == 0) {
            return q;
        }
    }
}

es_qstr_t es_qstr_find_strn(const char *s, size_t len) {
    size_t hash = es_hash_bytes((const uint8_t *)s, len);
    es_qstr_t q = find_static(s, len, hash);
    return q != ES_Q_NULL ? q : find_dynamic(s, len, hash);
}

static void index_insert(es_qstr_t *index, size_t size, size_t hash, es_qstr_t q) {
    size_t mask = size - 1;
    size_t slot = hash & mask;
    while (index[slot] != 0) {
        slot = (slot + 1) & mask;
    }
    index[slot] = q;
}

es_qstr_t es_qstr_from_strn(const char *s, size_t len) {
    size_t hash = es_hash_bytes((const uint8_t *)s, len);
    es_qstr_t q = find_static(s, len, hash);
    if (q != ES_Q_NULL) {
        return q;
    }
    q = find_dynamic(s, len, hash);
    if (q != ES_Q_NULL) {
        return q;
    }
    /* Allocate the entry first: a MemoryError must leave the pool consistent. */
    qstr_entry_t *entry = es_alloc(sizeof(qstr_entry_t) + len + 1);
    entry->hash = hash;
    entry->len = len;
    memcpy(entry->str, s, len);
    qstr_pool_t *pool = POOL;
    if (pool->len == pool->alloc) {
        pool->entries = es_realloc(pool->entries, 2 * pool->alloc * sizeof(qstr_entry_t *));
        pool->alloc *= 2;
    }
    if (2 * (pool->len + 1) > pool->index_size) {
        size_t new_size = pool->index_size * 2;
        es_qstr_t *new_index = es_new_array(es_qstr_t, new_size);
        for (size_t i = 0; i < pool->len; i++) {
            index_insert(new_index, new_size, pool->entries[i]->hash, DYNAMIC_BASE + i);
        }
        es_free(pool->index);
        pool->index = new_index;
        pool->index_size = new_size;
    }
    q = DYNAMIC_BASE + pool->len;
    pool->entries[pool->len++] = entry;
    index_insert(pool->index, pool->index_size, hash, q);
    return q;
}

es_qstr_t es_qstr_from_str(const char *s) { return es_qstr_from_strn(s, strlen(s)); }

const uint8_t *es_qstr_data(es_qstr_t q, size_t *len) {
    if (q < ES_QSTR_NUM_STATIC) {
        *len = qstr_static_table[q].len;
        return (const uint8_t *)qstr_static_table[q].str;
    }
    if (q < DYNAMIC_BASE) {
        const es_frozen_qstr_t *f = es_frozen_qstr_entry(q - ES_QSTR_NUM_STATIC);
        *len = f->len;
        return (const uint8_t *)f->str;
    }
    const qstr_entry_t *e = POOL->entries[q - DYNAMIC_BASE];
    *len = e->len;
    return (const uint8_t *)e->str;
}

const char *es_qstr_str(es_qstr_t q) {
    size_t len;
    return (const char *)es_qstr_data(q, &len);
}

size_t es_qstr_len(es_qstr_t q) {
    size_t len;
    es_qstr_data(q, &len);
    return len;
}

size_t es_qstr_hash(es_qstr_t q) {
    if (q < ES_QSTR_NUM_STATIC) {
        return qstr_static_table[q].hash;
    }
    if (q < DYNAMIC_BASE) {
        return es_frozen_qstr_entry(q - ES_QSTR_NUM_STATIC)->hash;
    }
    return POOL->entries[q - DYNAMIC_BASE]->hash;
}

void es_qstr_pool_info(size_t *n_qstr, size_t *n_bytes) {
    qstr_pool_t *pool = POOL;
    *n_qstr = pool->len;
    *n_bytes = 0;
    for (size_t i = 0; i < pool->len; i++) {
        *n_bytes += pool->entries[i]->len + 1;
    }
}
