/* embed.h: running one Python program held in a C string on the bare-metal lx106 image. */
#pragma once

/* Sets up the heap and the interpreter, runs src as __main__, prints any uncaught exception;
** returns 0 on success and 1 after an uncaught exception. */
int es_embed_run_source(const char *src);

#include <stdbool.h>
#include <stddef.h>

/* The same in a heap of heap_bytes (0: all the linker map leaves), the source read through the
** compiler's chunked reader when in_chunks (as a file would be); prints the peak heap use on stderr. */
int es_embed_run_source_in_heap(const char *src, size_t heap_bytes, bool in_chunks);

/* Only compiles src, read in chunks, in a heap of heap_bytes: nothing runs. */
int es_embed_compile_source_in_heap(const char *src, size_t heap_bytes);
