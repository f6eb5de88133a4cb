/* qstr.h (unit-test stand-in): interned strings with the core's names; 0 is never a string. */
#ifndef ES_QSTR_H
#define ES_QSTR_H
#include <stddef.h>
typedef size_t es_qstr_t;
es_qstr_t es_qstr_from_strn(const char *s, size_t len);
const char *es_qstr_str(es_qstr_t q);
size_t es_qstr_len(es_qstr_t q);
#endif
