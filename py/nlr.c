/* nlr.c: the chain of exception handlers and the jump to the innermost one. */

#include "py/nlr.h"
#include "py/runtime.h"
#include "py/state.h"

void es_nlr_push_raw(es_nlr_buf_t *buf) {
    buf->prev = es_state.nlr_top;
    buf->ret_val = ES_OBJ_NULL;
    es_state.nlr_top = buf;
}

void es_nlr_pop(void) { es_state.nlr_top = es_state.nlr_top->prev; }

_Noreturn void es_nlr_jump(es_obj_t val) {
    es_nlr_buf_t *top = es_state.nlr_top;
    if (top == NULL) {
        es_fatal_error("uncaught exception outside any handler");
    }
    top->ret_val = val;
    es_state.nlr_top = top->prev;
    longjmp(top->jmpbuf, 1);
}
