/* embed.c: the lx106 image's interpreter start-up: heap from the linker map, run, report. */

#include <string.h>

#include "embed.h"
#include "py/exec.h"
#include "py/portio.h"
#include "py/runtime.h"

/* Set by esp8266-qemu.ld: the heap is what .data and .bss leave of DRAM below the stack. */
extern char _heap_start[], _heap_end[], _stack_top[];

int es_embed_run_source(const char *src) {
    es_stack_set_top(_stack_top);
    es_gc_init(_heap_start, _heap_end);
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_init();
        es_obj_t main_module = es_obj_new_module(ES_Q___main__);
        es_obj_dict_t *globals = ((es_obj_module_t *)es_obj_to_ptr(main_module))->globals;
        es_exec_source(src, strlen(src), ES_Q__S_string, ES_INPUT_FILE, globals, globals);
        es_nlr_pop();
        return 0;
    }
    es_obj_exception_print_traceback(&es_port_stderr_print, nlr.ret_val);
    return 1;
}
