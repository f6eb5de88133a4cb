/* gc.h (unit-test stand-in): zeroed allocation with the core's allocator names. */
#ifndef ES_GC_H
#define ES_GC_H
#include <stddef.h>
void *es_alloc(size_t nbytes);
void es_free(void *p);
#endif
