/* Entry point for the lx106 images that compile, and run, a board script in a small heap, read in chunks. */
#include "embed.h"

#include "small_heap_source.h"

/* Other sizes (-DSMALL_HEAP_BYTES=...) find how small the heap may be. With SMALL_HEAP_COMPILE_ONLY
** the script is compiled and not run: DESIGN.md asks that a few hundred lines compile in 16 KB. */
#ifdef SMALL_HEAP_COMPILE_ONLY
#ifndef SMALL_HEAP_BYTES
#define SMALL_HEAP_BYTES (16 * 1024) /* every size from 15 KB up passes today */
#endif
int main(void) { return es_embed_compile_source_in_heap(small_heap_source, SMALL_HEAP_BYTES); }
#else
#ifndef SMALL_HEAP_BYTES
#define SMALL_HEAP_BYTES (28 * 1024) /* every size from 25 KB up passes today */
#endif
int main(void) { return es_embed_run_source_in_heap(small_heap_source, SMALL_HEAP_BYTES, true); }
#endif
