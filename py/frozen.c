/* frozen.c: look-up of the modules and strings frozen into the binary (see frozen.h). */

#include <string.h>

#include "py/frozen.h"
#include "py/qstr.h"

/* The table of a build that freezes nothing; a generated frozen_modules.c overrides it. */
__attribute__((weak)) const es_frozen_table_t es_frozen_table = {NULL, 0, NULL, 0};

/* Compares a module path with the key (path, len): <0, 0, >0 as strcmp would. */
static int compare_path(const char *module_path, const char *path, size_t len) {
    int c = strncmp(module_path, path, len);
    if (c != 0) {
        return c;
    }
    return module_path[len] == '\0' ? 0 : 1;
}

/* Index of the first module whose path is not below (path, len) in sort order. */
static size_t lower_bound(const char *path, size_t len) {
    const es_frozen_table_t *t = &es_frozen_table;
    size_t lo = 0, hi = t->n_modules;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_path(t->modules[mid].path, path, len) < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

const es_frozen_module_t *es_frozen_find(const char *path, size_t len) {
    const es_frozen_table_t *t = &es_frozen_table;
    size_t i = lower_bound(path, len);
    if (i < t->n_modules && compare_path(t->modules[i].path, path, len) == 0) {
        return &t->modules[i];
    }
    return NULL;
}

int es_frozen_stat(const char *path, size_t len) {
    const es_frozen_table_t *t = &es_frozen_table;
    size_t i = lower_bound(path, len);
    if (i >= t->n_modules) {
        return 0;
    }
    const char *found = t->modules[i].path;
    if (strncmp(found, path, len) != 0) {
        return 0;
    }
    if (found[len] == '\0') {
        return 1;
    }
    if (len == 0 || found[len] == '/') {
        return 2;
    }
    /* "a/b" sorts before "a/b/c" but "a/b.py" may sit between: look on past siblings with a longer name. */
    for (i++; i < t->n_modules && strncmp(t->modules[i].path, path, len) == 0; i++) {
        if (t->modules[i].path[len] == '/') {
            return 2;
        }
    }
    return 0;
}

size_t es_frozen_qstr_count(void) { return es_frozen_table.n_qstrs; }

const es_frozen_qstr_t *es_frozen_qstr_entry(size_t index) { return &es_frozen_table.qstrs[index]; }

/* The generator sorts the strings by hash, so a look-up is a binary search then a short scan. */
size_t es_frozen_qstr_find(const char *s, size_t len, size_t hash) {
    const es_frozen_table_t *t = &es_frozen_table;
    size_t lo = 0, hi = t->n_qstrs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->qstrs[mid].hash < hash) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (; lo < t->n_qstrs && t->qstrs[lo].hash == hash; lo++) {
        const es_frozen_qstr_t *e = &t->qstrs[lo];
        if (e->len == len && memcmp(e->str, s, len) == 0) {
            return ES_QSTR_NUM_STATIC + lo;
        }
    }
    return ES_Q_NULL;
}
