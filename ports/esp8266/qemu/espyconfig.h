/* espyconfig.h: feature flags for the language core on the lx106 under QEMU (ESP8266 sizes). */
#pragma once

/* No FPU and 32-bit words: floats are single precision, as on the ESP8266 builds. */
#define ES_FLOAT_IS_SINGLE (1)

/* DRAM is 80 KB in all; the heap takes what .data, .bss and the stack leave. */
#define ES_DEFAULT_HEAP_SIZE (40 * 1024)

/* The linker script keeps 8 KB of stack; stop Python recursion well before the end. */
#define ES_STACK_LIMIT (6 * 1024)

#define ES_PLATFORM "esp8266"

/* Class docstrings are not kept in the heap (no __doc__), as in MicroPython's ESP8266 port. */
#define ES_CLASS_DOCSTRINGS (0)
