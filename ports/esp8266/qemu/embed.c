/* embed.c: the lx106 image's interpreter start-up: heap from the linker map, run, report. */

#include <string.h>

#include "embed.h"
#include "py/exec.h"
#include "py/portio.h"
#include "py/runtime.h"
#include "py/source.h"

/* Set by esp8266-qemu.ld: the heap is what .data and .bss leave of DRAM below the stack. */
extern char _heap_start[], _heap_end[], _stack_top[];

int es_embed_run_source(const char *src) {
    return es_embed_run_source_in_heap(src, 0, false);
}

/* Starts the interpreter in a heap of heap_bytes (0: all of it) and compiles src, read in chunks
** when in_chunks; runs it too when run. Prints the peak heap use on stderr for a given size. */
static int embed_source(const char *src, size_t heap_bytes, bool in_chunks, bool run) {
    es_stack_set_top(_stack_top);
    char *heap_end = heap_bytes > 0 && heap_bytes < (size_t)(_heap_end - _heap_start) ? _heap_start + heap_bytes : _heap_end;
    es_gc_init(_heap_start, heap_end);
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_init();
        es_obj_t main_module = es_obj_new_module(ES_Q___main__);
        es_obj_dict_t *globals = ((es_obj_module_t *)es_obj_to_ptr(main_module))->globals;
        es_source_t source;
        if (in_chunks) {
            es_source_from_memory_in_chunks(&source, src, strlen(src));
        } else {
            es_source_from_memory(&source, src, strlen(src));
        }
        if (run) {
            es_exec_from(&source, ES_Q__S_string, ES_INPUT_FILE, globals, globals);
        } else {
            es_compile_source_code(&source, ES_Q__S_string, ES_INPUT_FILE, 0);
        }
        es_nlr_pop();
        if (heap_bytes > 0) {
            es_gc_info_t info;
            es_gc_info(&info);
            es_printf(&es_port_stderr_print, "heap: %u bytes, peak use %u\n", (unsigned)info.total,
                      (unsigned)info.peak_used);
        }
        return 0;
    }
    es_obj_exception_print_traceback(&es_port_stderr_print, nlr.ret_val);
    return 1;
}

int es_embed_run_source_in_heap(const char *src, size_t heap_bytes, bool in_chunks) {
    return embed_source(src, heap_bytes, in_chunks, true);
}

int es_embed_compile_source_in_heap(const char *src, size_t heap_bytes) {
    return embed_source(src, heap_bytes, true, false);
}
