/* qstr.c: interned strings: the const table built at compile time plus a chunked pool in the heap. */

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
** Runtime-interned strings live in the heap, in pieces no bigger than a few hundred bytes so
** that a fragmented heap can still take them (no table is ever doubled and copied).
** - Text: entries [hash][len][bytes...][NUL], each on a 4-byte boundary, packed one after
**   another into text blocks of TEXT_BLOCK_BYTES (a longer string gets a block of its own);
**   blocks are chained so the collector keeps them all, entries being pointed into from inside.
**   The length takes one byte; LONG_LEN there means a size_t length leads the bytes.
** - Numbers: chunks of CHUNK_ENTRIES entry pointers, each with its own small open-addressing
**   index by hash; a look-up by text walks the chunks newest-first. The directory of chunks
**   (one pointer per CHUNK_ENTRIES names) is the only array that grows by doubling.
*/
typedef struct qstr_entry_t {
    uint32_t hash;
    uint8_t len;
    char str[];
} qstr_entry_t;

#define LONG_LEN (0xff)
#define ENTRY_ALIGN (4)

static inline size_t entry_len(const qstr_entry_t *e) {
    size_t len = e->len;
    if (len == LONG_LEN) {
        memcpy(&len, e->str, sizeof(len));
    }
    return len;
}

static inline const char *entry_text(const qstr_entry_t *e) {
    return e->len == LONG_LEN ? e->str + sizeof(size_t) : e->str;
}

#define CHUNK_ENTRIES (32)
#define CHUNK_INDEX_SIZE (2 * CHUNK_ENTRIES) /* power of two; at most half full */
#define TEXT_BLOCK_BYTES (128)

typedef struct qstr_chunk_t {
    size_t len;                            /* entries used */
    uint8_t index[CHUNK_INDEX_SIZE];       /* entry number + 1; 0 = empty slot */
    qstr_entry_t *entries[CHUNK_ENTRIES];
} qstr_chunk_t;

typedef struct qstr_text_block_t {
    struct qstr_text_block_t *older;
    size_t used;
    size_t size; /* bytes of data */
    char data[];
} qstr_text_block_t;

typedef struct qstr_pool_t {
    size_t n_chunks;
    size_t alloc_chunks;
    qstr_chunk_t **chunks;
    qstr_text_block_t *text; /* newest text block */
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
    pool->alloc_chunks = 4;
    pool->chunks = es_new_array(qstr_chunk_t *, pool->alloc_chunks);
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
    const size_t mask = CHUNK_INDEX_SIZE - 1;
    for (size_t c = pool->n_chunks; c-- > 0;) {
        const qstr_chunk_t *chunk = pool->chunks[c];
        for (size_t slot = hash & mask;; slot = (slot + 1) & mask) {
            size_t i = chunk->index[slot];
            if (i == 0) {
                break;
            }
            const qstr_entry_t *e = chunk->entries[i - 1];
            if (e->hash == hash && entry_len(e) == len && memcmp(entry_text(e), s, len) == 0) {
                return DYNAMIC_BASE + c * CHUNK_ENTRIES + (i - 1);
            }
        }
    }
    return ES_Q_NULL;
}

es_qstr_t es_qstr_find_strn(const char *s, size_t len) {
    size_t hash = es_hash_bytes((const uint8_t *)s, len);
    es_qstr_t q = find_static(s, len, hash);
    return q != ES_Q_NULL ? q : find_dynamic(s, len, hash);
}

/* Room for an entry of `nbytes` (a multiple of ENTRY_ALIGN) in the newest text block. */
static qstr_entry_t *text_alloc(qstr_pool_t *pool, size_t nbytes) {
    qstr_text_block_t *block = pool->text;
    if (block == NULL || block->size - block->used < nbytes) {
        size_t size = nbytes > TEXT_BLOCK_BYTES ? nbytes : TEXT_BLOCK_BYTES;
        qstr_text_block_t *fresh = es_alloc(sizeof(qstr_text_block_t) + size);
        fresh->size = size;
        if (size > TEXT_BLOCK_BYTES && block != NULL) {
            /* A long string's own block goes behind the newest, whose free room stays in use. */
            fresh->older = block->older;
            block->older = fresh;
            fresh->used = nbytes;
            return (qstr_entry_t *)fresh->data;
        }
        fresh->older = block;
        pool->text = block = fresh;
    }
    qstr_entry_t *entry = (qstr_entry_t *)(block->data + block->used);
    block->used += nbytes;
    return entry;
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
    /* Every allocation comes before the pool changes: a MemoryError must leave it consistent. */
    qstr_pool_t *pool = POOL;
    qstr_chunk_t *chunk = pool->n_chunks == 0 ? NULL : pool->chunks[pool->n_chunks - 1];
    if (chunk == NULL || chunk->len == CHUNK_ENTRIES) {
        if (pool->n_chunks == pool->alloc_chunks) {
            pool->chunks = es_realloc(pool->chunks, 2 * pool->alloc_chunks * sizeof(qstr_chunk_t *));
            pool->alloc_chunks *= 2;
        }
        chunk = es_new(qstr_chunk_t);
        pool->chunks[pool->n_chunks++] = chunk;
    }
    size_t len_bytes = len < LONG_LEN ? 0 : sizeof(size_t);
    size_t nbytes = ES_ALIGN_UP(offsetof(qstr_entry_t, str) + len_bytes + len + 1, ENTRY_ALIGN);
    qstr_entry_t *entry = text_alloc(pool, nbytes);
    entry->hash = (uint32_t)hash;
    entry->len = (uint8_t)(len < LONG_LEN ? len : LONG_LEN);
    if (len_bytes) {
        memcpy(entry->str, &len, sizeof(len));
    }
    char *text = (char *)entry_text(entry);
    memcpy(text, s, len);
    text[len] = '\0';
    const size_t mask = CHUNK_INDEX_SIZE - 1;
    size_t slot = hash & mask;
    while (chunk->index[slot] != 0) {
        slot = (slot + 1) & mask;
    }
    chunk->entries[chunk->len++] = entry;
    chunk->index[slot] = (uint8_t)chunk->len;
    return DYNAMIC_BASE + (pool->n_chunks - 1) * CHUNK_ENTRIES + (chunk->len - 1);
}

es_qstr_t es_qstr_from_str(const char *s) { return es_qstr_from_strn(s, strlen(s)); }

static const qstr_entry_t *dynamic_entry(es_qstr_t q) {
    size_t n = q - DYNAMIC_BASE;
    return POOL->chunks[n / CHUNK_ENTRIES]->entries[n % CHUNK_ENTRIES];
}

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
    const qstr_entry_t *e = dynamic_entry(q);
    *len = entry_len(e);
    return (const uint8_t *)entry_text(e);
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
    return dynamic_entry(q)->hash;
}

void es_qstr_pool_info(size_t *n_qstr, size_t *n_bytes) {
    qstr_pool_t *pool = POOL;
    *n_qstr = 0;
    *n_bytes = 0;
    for (size_t c = 0; c < pool->n_chunks; c++) {
        const qstr_chunk_t *chunk = pool->chunks[c];
        *n_qstr += chunk->len;
        for (size_t i = 0; i < chunk->len; i++) {
            *n_bytes += entry_len(chunk->entries[i]) + 1;
        }
    }
}
