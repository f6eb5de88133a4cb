/* shim.c: malloc-based stand-ins for the GC heap and the qstr table, for the parser harness. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "py/gc.h"
#include "py/qstr.h"

size_t shim_alloc_bytes;

void *es_alloc(size_t nbytes) {
    void *p = calloc(1, nbytes ? nbytes : 1);
    if (p == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    shim_alloc_bytes += nbytes;
    return p;
}

void es_free(void *p) {
    free(p);
}

typedef struct {
    char *s;
    size_t len;
} qentry_t;

static qentry_t *qtable;
static size_t qcount, qcap;

es_qstr_t es_qstr_from_strn(const char *s, size_t len) {
    for (size_t i = 1; i < qcount; i++) {
        if (qtable[i].len == len && memcmp(qtable[i].s, s, len) == 0) {
            return i;
        }
    }
    if (qcount == 0) {
        qcount = 1; /* 0 stays free: it means "no name" */
    }
    if (qcount >= qcap) {
        qcap = qcap ? qcap * 2 : 64;
        qtable = realloc(qtable, qcap * sizeof(*qtable));
    }
    qtable[qcount].s = malloc(len + 1);
    memcpy(qtable[qcount].s, s, len);
    qtable[qcount].s[len] = 0;
    qtable[qcount].len = len;
    return qcount++;
}

const char *es_qstr_str(es_qstr_t q) {
    return qtable[q].s;
}
size_t es_qstr_len(es_qstr_t q) {
    return qtable[q].len;
}
