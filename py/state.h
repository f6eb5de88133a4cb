/* state.h: the interpreter's global state in one struct, and the roots the collector scans. */
#pragma once

#include "py/nlr.h"
#include "py/obj.h"

struct es_obj_dict_t;
struct es_map_t;

/*
** Everything that must survive a collection and is not reachable from the stack hangs
** off `roots`: the collector scans it word by word, so only object words and heap
** pointers may be stored there. A port keeps its own roots and marks them in
** es_port_gc_mark_roots().
*/
typedef struct es_state_roots_t {
    struct es_obj_dict_t *loaded_modules; /* sys.modules */
    struct es_obj_dict_t *globals;        /* of the running code */
    struct es_obj_dict_t *locals;         /* differs from globals in class bodies and exec */
    struct es_obj_dict_t *builtins_dict;  /* writable overlay of builtins, lazily made */
    es_obj_t sys_path;                    /* list */
    es_obj_t sys_argv;                    /* list */
    es_obj_t sys_exitfunc;                /* sys.atexit callback or None */
    es_obj_t sys_stdout, sys_stderr, sys_stdin; /* stream objects when replaced from Python */
    es_obj_t pending_exception;           /* KeyboardInterrupt etc. delivered at a safe point */
    es_obj_t keyboard_interrupt;          /* preallocated so Ctrl-C works with a full heap */
    es_obj_t memory_error;                /* preallocated MemoryError instance */
    es_obj_t active_exception;            /* the one being handled, for bare raise and __context__ */
    es_obj_t scheduled[8];                /* micropython.schedule() queue: (function, arg) pairs */
    void *qstr_pool;                      /* runtime-interned strings */
    void *vfs;                            /* mount table and cwd (extmod/vfs.c) */
} es_state_roots_t;

typedef struct es_state_t {
    es_state_roots_t roots;
    es_nlr_buf_t *nlr_top;  /* innermost exception handler */
    char *stack_top;        /* highest address of the C stack, for scanning and depth checks */
    size_t stack_limit;     /* bytes of stack usable before RecursionError */
    volatile int sched_state; /* non-zero when scheduled callbacks or a pending exception wait */
    uint8_t sched_len;
} es_state_t;

extern es_state_t es_state;

/* Raises RecursionError when the C stack is deeper than the limit; cheap enough for every call. */
_Noreturn void es_raise_recursion_error(void);
static inline void es_stack_check(void) {
    char here;
    if ((size_t)(es_state.stack_top - &here) > es_state.stack_limit) {
        es_raise_recursion_error();
    }
}
/* Call at the very start of main(), from the outermost frame. */
void es_stack_set_top(void *top);
size_t es_stack_usage(void);
