/* espyconfig.h: feature flags for the Linux host interpreter build/espy. */
#pragma once

#define ES_FLOAT_IS_SINGLE (0)
#define ES_DEFAULT_HEAP_SIZE (8 * 1024 * 1024)
/* Linux gives 8 MB of stack. 1 MB allows Python recursion a little deeper than CPython's
** default limit of 1000 calls, while a runaway recursion fails fast. */
#define ES_STACK_LIMIT (1024 * 1024)
#define ES_PLATFORM "linux"
