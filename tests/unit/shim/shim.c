/* shim.c: malloc-based stand-ins for the GC heap and the qstr table, for the parser harness. */
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include "py/gc.h"
#include "py/qstr.h"

size_t shim_alloc_bytes, shim_live_bytes, shim_peak_bytes;

/* Every block is linked so a test can drop all of them at once, as a collection would. */
typedef struct block {
    struct block *prev, *next;
    size_t size;
    max_align_t align[];
} block_t;

static block_t blocks = {&blocks, &blocks, 0};

void *es_alloc(size_t nbytes) {
    block_t *b = calloc(1, sizeof(block_t) + (nbytes ? nbytes : 1));
    if (b == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    b->next = blocks.next;
    b->prev = &blocks;
    blocks.next->prev = b;
    blocks.next = b;
    b->size = nbytes;
    shim_alloc_bytes += nbytes;
    shim_live_bytes += nbytes;
    if (shim_live_bytes > shim_peak_bytes) {
        shim_peak_bytes = shim_live_bytes;
    }
    return b->align;
}

void es_free(void *p) {
    if (p == NULL) {
        return;
    }
    block_t *b = (block_t *)((char *)p - offsetof(block_t, align));
    b->prev->next = b->next;
    b->next->prev = b->prev;
    shim_live_bytes -= b->size;
    free(b);
}

void shim_free_all(void) {
    while (blocks.next != &blocks) {
        es_free(blocks.next->align);
    }
}

typedef struct {
    char *s;
    size_t len;
} qentry_t;

/* Interned strings in a table, found through an open-addressing hash index. */
static qentry_t *qtable;
static size_t qcount = 1, qcap;
static size_t *qindex;
static size_t qindex_cap;

static size_t qhash(const char *s, size_t len) {
    size_t h = 5381;
    for (size_t i = 0; i < len; i++) {
        h = h * 33 + (unsigned char)s[i];
    }
    return h;
}

static void qindex_grow(void) {
    free(qindex);
    qindex_cap = qindex_cap ? qindex_cap * 2 : 1024;
    qindex = calloc(qindex_cap, sizeof(size_t));
    for (size_t q = 1; q < qcount; q++) {
        size_t h = qhash(qtable[q].s, qtable[q].len) & (qindex_cap - 1);
        while (qindex[h]) {
            h = (h + 1) & (qindex_cap - 1);
        }
        qindex[h] = q;
    }
}

es_qstr_t es_qstr_from_strn(const char *s, size_t len) {
    if (qcount * 2 >= qindex_cap) {
        qindex_grow();
    }
    size_t h = qhash(s, len) & (qindex_cap - 1);
    while (qindex[h]) {
        qentry_t *e = &qtable[qindex[h]];
        if (e->len == len && memcmp(e->s, s, len) == 0) {
            return qindex[h];
        }
        h = (h + 1) & (qindex_cap - 1);
    }
    if (qcount >= qcap) {
        qcap = qcap ? qcap * 2 : 64;
        qtable = realloc(qtable, qcap * sizeof(*qtable));
    }
    qtable[qcount].s = malloc(len + 1);
    memcpy(qtable[qcount].s, s, len);
    qtable[qcount].s[len] = 0;
    qtable[qcount].len = len;
    qindex[h] = qcount;
    return qcount++;
}

const char *es_qstr_str(es_qstr_t q) {
    return qtable[q].s;
}
size_t es_qstr_len(es_qstr_t q) {
    return qtable[q].len;
}
