/* config.h: build-wide feature flags and word-size choices, with the port's overrides first. */
#pragma once

#include <stdint.h>
#include <stddef.h>

/* Every build supplies espyconfig.h on its include path (ports/<port>/espyconfig.h). */
#include "espyconfig.h"

/* ---- numbers ---------------------------------------------------------------- */
#ifndef ES_FLOAT_IS_SINGLE
#define ES_FLOAT_IS_SINGLE (0)
#endif
#if ES_FLOAT_IS_SINGLE
typedef float es_float_t;
#else
typedef double es_float_t;
#endif

/* ---- limits ---------------------------------------------------------------- */
/* Bytes of C stack a program may use before RecursionError is raised. */
#ifndef ES_STACK_LIMIT
#define ES_STACK_LIMIT (40 * 1024)
#endif

/* Default heap when the build does not choose one at start-up. */
#ifndef ES_DEFAULT_HEAP_SIZE
#define ES_DEFAULT_HEAP_SIZE (1024 * 1024)
#endif

/* ---- version ------------------------------------------------------------------- */
/* The MicroPython release whose behaviour espy follows: sys.implementation.version, sys.version,
** the board's banner, WebREPL's GET_VER. Tools compare it with what they support.
** Bare numbers, because they are also spelled out as text at compile time. */
#define ES_MICROPYTHON_VERSION_MAJOR 1
#define ES_MICROPYTHON_VERSION_MINOR 22
#define ES_MICROPYTHON_VERSION_MICRO 0
/* "1.22.0" */
#define ES_MICROPYTHON_VERSION_TEXT \
    ES_STRINGIFY(ES_MICROPYTHON_VERSION_MAJOR) "." ES_STRINGIFY(ES_MICROPYTHON_VERSION_MINOR) "." \
    ES_STRINGIFY(ES_MICROPYTHON_VERSION_MICRO)
/* espy's own release, in the host's banner and after the MicroPython version on the board's. */
#define ES_ESPY_VERSION_TEXT "0.1.0"

/* ---- time ---------------------------------------------------------------------- */
/* Seconds from 1970-01-01 to the epoch of time.time(), gmtime() and file times: MicroPython's
** ESP8266 port counts from 2000-01-01 and its time() is an int; the host follows CPython. */
#ifndef ES_TIME_EPOCH_OFFSET
#define ES_TIME_EPOCH_OFFSET (0)
#endif
#ifndef ES_TIME_TIME_IS_INT
#define ES_TIME_TIME_IS_INT (0)
#endif

/* ---- features ---------------------------------------------------------------- */
#ifndef ES_ENABLE_COMPLEX
#define ES_ENABLE_COMPLEX (1)
#endif

/* A class's docstring becomes its __doc__; the ESP8266 builds drop it, as MicroPython does there,
** to keep its text out of the heap. (Function docstrings are never kept.) */
#ifndef ES_CLASS_DOCSTRINGS
#define ES_CLASS_DOCSTRINGS (1)
#endif

#ifndef ES_ENABLE_COMPUTED_GOTO
#define ES_ENABLE_COMPUTED_GOTO (1)
#endif

#define ES_UNUSED(x) ((void)(x))
#define ES_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ES_ALIGN_UP(n, a) (((n) + (a) - 1) & ~((size_t)(a) - 1))
/* The text of a macro's value: ES_STRINGIFY(ES_X) with ES_X 12 is "12". */
#define ES_STRINGIFY(x) ES_STRINGIFY_VALUE(x)
#define ES_STRINGIFY_VALUE(x) #x

/* Conservative stack scanning reads every word of the stack, including the redzones
** AddressSanitizer puts there; functions that do so opt out of its checks. */
#if defined(__SANITIZE_ADDRESS__)
#define ES_NO_SANITIZE_ADDRESS __attribute__((no_sanitize_address))
#else
#define ES_NO_SANITIZE_ADDRESS
#endif
