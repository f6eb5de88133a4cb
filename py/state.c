/* state.c: the one instance of the interpreter state, and C stack bookkeeping. */

#include "py/state.h"

es_state_t es_state;

void es_stack_set_top(void *top) {
    es_state.stack_top = (char *)top;
    es_state.stack_limit = ES_STACK_LIMIT;
}

size_t es_stack_usage(void) {
    char here;
    return (size_t)(es_state.stack_top - &here);
}
