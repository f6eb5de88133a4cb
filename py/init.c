/* init.c: starting and stopping the interpreter, and the safe points where Ctrl-C and scheduled callbacks arrive. */

#include "py/runtime.h"

bool es_builtins_table_is_sorted(void);

void es_init(void) {
    if (!es_builtins_table_is_sorted()) {
        es_fatal_error("builtins table out of name order");
    }
    es_qstr_init();
    /* No table until the first module is stored: sys and .py modules arrive only when imported. */
    es_state.roots.loaded_modules = es_obj_to_ptr(es_obj_new_dict(0));
    es_state.roots.sys_path = es_obj_new_list(0, NULL);
    es_state.roots.sys_argv = es_obj_new_list(0, NULL);
    es_state.roots.sys_exitfunc = ES_OBJ_NONE;
    es_state.roots.builtins_dict = NULL;
    es_state.roots.sys_stdout = ES_OBJ_NULL;
    es_state.roots.sys_stderr = ES_OBJ_NULL;
    es_state.roots.sys_stdin = ES_OBJ_NULL;
    es_state.roots.pending_exception = ES_OBJ_NULL;
    es_state.roots.active_exception = ES_OBJ_NULL;
    es_state.roots.vfs = NULL; /* a soft reset unmounts everything */
    es_state.sched_state = 0;
    es_state.sched_len = 0;
    /* Made now so that Ctrl-C and running out of memory never need memory. */
    es_state.roots.memory_error = es_obj_new_exception(&es_type_MemoryError);
    es_state.roots.keyboard_interrupt = es_obj_new_exception(&es_type_KeyboardInterrupt);
    /* sys itself is made at its first import (py/builtinimport.c): most board scripts never import it. */
}

void es_deinit(void) {
    es_state.sched_state = 0;
    es_state.sched_len = 0;
    es_state.roots.pending_exception = ES_OBJ_NULL;
}

void es_sched_keyboard_interrupt(void) {
    es_state.roots.pending_exception = es_state.roots.keyboard_interrupt;
    es_state.sched_state = 1;
}

bool es_sched_schedule(es_obj_t fun, es_obj_t arg) {
    if (es_state.sched_len >= ES_ARRAY_SIZE(es_state.roots.scheduled) / 2) {
        return false;
    }
    es_state.roots.scheduled[2 * es_state.sched_len] = fun;
    es_state.roots.scheduled[2 * es_state.sched_len + 1] = arg;
    es_state.sched_len++;
    es_state.sched_state = 1;
    return true;
}

void es_sched_poll_events(void) {
    es_state.sched_state = 1;
}

void es_handle_pending(void) {
    if (!es_state.sched_state) {
        return;
    }
#ifdef ES_PORT_POLL_EVENTS
    /* The port's "interrupts" (UART input, pin edges, timers) are taken here, between bytecodes. */
    es_state.sched_state = 0;
    ES_PORT_POLL_EVENTS();
#endif
    es_obj_t exc = es_state.roots.pending_exception;
    if (exc != ES_OBJ_NULL) {
        es_state.roots.pending_exception = ES_OBJ_NULL;
        es_state.sched_state = es_state.sched_len != 0;
        es_obj_exception_clear_traceback(exc);
        es_raise(exc);
    }
    /* Run the queued callbacks in order; one that raises leaves the rest queued. */
    while (es_state.sched_len > 0) {
        es_obj_t fun = es_state.roots.scheduled[0];
        es_obj_t arg = es_state.roots.scheduled[1];
        es_state.sched_len--;
        for (size_t i = 0; i < 2u * es_state.sched_len; i++) {
            es_state.roots.scheduled[i] = es_state.roots.scheduled[i + 2];
        }
        es_state.roots.scheduled[2 * es_state.sched_len] = ES_OBJ_NULL;
        es_state.roots.scheduled[2 * es_state.sched_len + 1] = ES_OBJ_NULL;
        es_state.sched_state = es_state.sched_len != 0 || es_state.roots.pending_exception != ES_OBJ_NULL;
        es_call_function_1(fun, arg);
    }
    es_state.sched_state = es_state.roots.pending_exception != ES_OBJ_NULL;
}
