/* qstr.h: interned strings, named by a small integer; build-time ones live in flash. */
#pragma once

#include <stddef.h>
#include <stdint.h>

typedef size_t es_qstr_t;

/*
** Every ES_Q_name used anywhere in the sources becomes an entry of the const table
** generated at build time (build/genhdr/qstrdefs.h); names that are not valid C
** identifiers ("<module>", "") are spelled out in py/qstrspecial.h.
*/
#include "genhdr/qstrdefs.h"

/* Hash of a byte string; str objects use the same function so qstr and heap str keys meet in dicts. */
size_t es_hash_bytes(const uint8_t *data, size_t len);

es_qstr_t es_qstr_from_str(const char *s);
es_qstr_t es_qstr_from_strn(const char *s, size_t len);
/* Returns ES_Q_NULL when the string was never interned (and interns nothing). */
es_qstr_t es_qstr_find_strn(const char *s, size_t len);
const char *es_qstr_str(es_qstr_t q);
size_t es_qstr_len(es_qstr_t q);
size_t es_qstr_hash(es_qstr_t q);
const uint8_t *es_qstr_data(es_qstr_t q, size_t *len);

/* Statistics for micropython.qstr_info(): count and bytes of runtime-interned strings. */
void es_qstr_pool_info(size_t *n_qstr, size_t *n_bytes);

/* Called once at start-up (and on soft reset) after the heap exists. */
void es_qstr_init(void);
