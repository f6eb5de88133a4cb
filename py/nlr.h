/* nlr.h: non-local return, how a raised exception unwinds C frames to the nearest handler. */
#pragma once

#include <setjmp.h>

#include "py/obj.h"

/*
** Usage:
**     es_nlr_buf_t nlr;
**     if (es_nlr_push(&nlr) == 0) {
**         ... code that may raise ...
**         es_nlr_pop();
**     } else {
**         ... nlr.ret_val is the exception; the handler is already popped ...
**     }
** Locals changed inside the protected block and read in the handler must be volatile.
*/
typedef struct es_nlr_buf_t {
    struct es_nlr_buf_t *prev;
    es_obj_t ret_val;
    jmp_buf jmpbuf;
} es_nlr_buf_t;

void es_nlr_push_raw(es_nlr_buf_t *buf);
void es_nlr_pop(void);
_Noreturn void es_nlr_jump(es_obj_t val);

#define es_nlr_push(buf) (es_nlr_push_raw(buf), setjmp((buf)->jmpbuf))
