/* frozen.h: Python modules built into the binary, found through the '.frozen' entry of sys.path. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "py/bc.h"

/*
** A build lists folders of .py files in FROZEN_DIRS; tools/makefrozen.py compiles every file
** and writes $(GENHDR)/frozen_modules.c, which defines es_frozen_table. A build without
** frozen modules links nothing and gets the empty table of py/frozen.c.
**
** Import treats '.frozen' as a folder: sys.path entry '.frozen' plus "pkg/mod.py" is the frozen
** module whose path is "pkg/mod.py"; a folder exists when some module path starts with it.
** As in MicroPython, the module's __file__ and its traceback file name are that relative path.
*/
#define ES_FROZEN_PREFIX ".frozen"

typedef struct es_frozen_module_t {
    const char *path;       /* relative to '.frozen', e.g. "asyncio/core.py" */
    const es_code_t *code;  /* the module body, compiled at build time into const data */
    const char *source;     /* or its source, compiled at import, when code is NULL */
    uint32_t source_len;
} es_frozen_module_t;

/* Strings the frozen code names that the build's own qstr table lacks. They are numbered from
** ES_QSTR_NUM_STATIC on, before the strings interned at run time. */
typedef struct es_frozen_qstr_t {
    uint32_t hash;
    uint16_t len;
    const char *str;
} es_frozen_qstr_t;

typedef struct es_frozen_table_t {
    const es_frozen_module_t *modules; /* sorted by path */
    size_t n_modules;
    const es_frozen_qstr_t *qstrs;
    size_t n_qstrs;
} es_frozen_table_t;

extern const es_frozen_table_t es_frozen_table;

/* For the generated C: a qstr operand of frozen bytecode, always two bytes (ES_COMPILE_PORTABLE). */
#define ES_FROZEN_QSTR_LO(q) ((uint8_t)(0x80 | ((q) & 0x7f)))
#define ES_FROZEN_QSTR_HI(q) ((uint8_t)((q) >> 7))

/* The layout of py/objcomplex.c's objects, for constants of frozen code. */
typedef struct es_frozen_complex_t {
    es_obj_base_t base;
    es_float_t real;
    es_float_t imag;
} es_frozen_complex_t;

/* What path (relative to '.frozen', len bytes) names: 0 nothing, 1 a module, 2 a folder. */
int es_frozen_stat(const char *path, size_t len);
/* The module at path, or NULL. */
const es_frozen_module_t *es_frozen_find(const char *path, size_t len);

/* For py/qstr.c: the frozen qstr with this text (ES_Q_NULL if none), and the text of one. */
size_t es_frozen_qstr_count(void);
size_t es_frozen_qstr_find(const char *s, size_t len, size_t hash);
const es_frozen_qstr_t *es_frozen_qstr_entry(size_t index);
