/* gc.h: the fixed heap: block allocator, mark-sweep collector with conservative stack scan. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

/* Takes the memory [start, end) as the heap; called once before anything allocates. */
void es_gc_init(void *start, void *end);

/* Raw allocator: returns zeroed memory, or NULL when the heap is full even after a collection. */
void *es_gc_alloc(size_t nbytes, bool has_finaliser);
void *es_gc_realloc(void *ptr, size_t nbytes, bool allow_move);
void *es_gc_realloc_scratch(void *ptr, size_t nbytes); /* scratch memory (see es_alloc_scratch) */
void es_gc_free(void *ptr);
size_t es_gc_nbytes(const void *ptr); /* usable size of an allocation, 0 if not a heap pointer */

/* Allocators for the core: zeroed memory, raise MemoryError instead of returning NULL. */
void *es_alloc(size_t nbytes);
void *es_alloc_with_finaliser(size_t nbytes);
void *es_realloc(void *ptr, size_t nbytes);
void es_free(void *ptr);
/* Scratch memory for short-lived working buffers (the compiler's): in a small heap it comes from
** the top end, away from what the program keeps (see py/gc.c). Freed with es_free. */
void *es_alloc_scratch(size_t nbytes);
#define es_new(type) ((type *)es_alloc(sizeof(type)))
#define es_new_array(type, n) ((type *)es_alloc(sizeof(type) * (n)))

void es_gc_collect(void);
/* Soft reset: runs the finaliser of every object that has one (files, sockets), live or not;
** the heap is given up afterwards. */
void es_gc_run_all_finalisers(void);
/* A locked heap (interrupt handlers) makes every allocation raise MemoryError. */
void es_gc_lock(void);
void es_gc_unlock(void);
bool es_gc_is_locked(void);
/* Automatic collection on allocation failure and after `threshold` bytes (-1 disables). */
void es_gc_enable(bool enable);
bool es_gc_is_enabled(void);
void es_gc_set_threshold(long bytes);
long es_gc_get_threshold(void);

typedef struct es_gc_info_t {
    size_t total; /* bytes of heap */
    size_t used;
    size_t free;
    size_t max_free; /* largest free run, bytes */
    size_t peak_used; /* highest `used` seen since start */
} es_gc_info_t;
void es_gc_info(es_gc_info_t *info);

/*
** Ports implement this: called by the collector to mark the port's own roots (and must
** call es_gc_mark_range on them); the core's roots (es_state) and the C stack are done
** by the collector itself.
*/
void es_gc_mark_range(void *const *start, size_t n_words);
void es_port_gc_mark_roots(void);

/* Called by the collector for each unreachable object that was allocated with a
** finaliser, before its memory is freed (py/runtime: calls __del__ or the type's close). */
void es_gc_run_finaliser(void *obj);

/* Heap walk for reports (micropython.mem_info(1)): visit is called for every block, in address
** order from the heap's first, with its address and kind. It must not allocate. */
typedef enum { ES_GC_BLOCK_FREE, ES_GC_BLOCK_HEAD, ES_GC_BLOCK_TAIL } es_gc_block_kind_t;
typedef void (*es_gc_visit_fn_t)(void *ctx, const void *block, es_gc_block_kind_t kind);
void es_gc_walk(es_gc_visit_fn_t visit, void *ctx);
