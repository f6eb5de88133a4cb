/* espyconfig.h: feature flags for the Linux host interpreter build/espy. */
#pragma once

#define ES_FLOAT_IS_SINGLE (0)
#define ES_DEFAULT_HEAP_SIZE (8 * 1024 * 1024)
/* Linux gives 8 MB of stack; leave a wide margin for C code below the limit check. */
#define ES_STACK_LIMIT (4 * 1024 * 1024)
#define ES_PLATFORM "linux"
