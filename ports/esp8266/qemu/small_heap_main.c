/* Entry point for the lx106 image that compiles and runs a board script in a small heap, read in chunks. */
#include "embed.h"

#include "small_heap_source.h"

/* Other sizes (-DSMALL_HEAP_BYTES=...) find how small the heap may be. */
#ifndef SMALL_HEAP_BYTES
#define SMALL_HEAP_BYTES (38 * 1024) /* every size from 34 KB up passes today; the aim is 16 KB */
#endif

int main(void) {
    return es_embed_run_source_in_heap(small_heap_source, SMALL_HEAP_BYTES, true);
}
