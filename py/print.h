/* print.h: formatted output to any es_print_t, and vstr, the growable byte buffer. */
#pragma once

#include <stdarg.h>

#include "py/obj.h"

/* Standard output of the port (set up by the port; writes raw bytes). */
extern const es_print_t es_plat_print;

/*
** es_printf understands: %% %c %s %.*s %d %i %u %x %X %p with optional - 0 width,
** the l, ll and z length modifiers, %q (a qstr), and %O/%R (str/repr of an es_obj_t).
*/
int es_printf(const es_print_t *print, const char *fmt, ...);
int es_vprintf(const es_print_t *print, const char *fmt, va_list args);
void es_print_str(const es_print_t *print, const char *str);
void es_print_strn(const es_print_t *print, const char *str, size_t len);

/* A growable buffer in the heap; the basis of building strings. */
typedef struct es_vstr_t {
    size_t alloc;
    size_t len;
    char *buf;
    bool fixed_buf; /* buf is caller memory and must not be reallocated */
} es_vstr_t;

void es_vstr_init(es_vstr_t *vstr, size_t alloc);
void es_vstr_init_fixed_buf(es_vstr_t *vstr, size_t alloc, char *buf);
/* Sets up `print` so that everything written to it is appended to vstr. */
void es_vstr_init_print(es_vstr_t *vstr, size_t alloc, es_print_t *print);
void es_vstr_clear(es_vstr_t *vstr);
/* Returns where the new bytes go; NULL only for a fixed buffer that is full. */
char *es_vstr_extend(es_vstr_t *vstr, size_t len);
void es_vstr_add_byte(es_vstr_t *vstr, uint8_t b);
void es_vstr_add_char(es_vstr_t *vstr, uint32_t codepoint); /* UTF-8 encodes */
void es_vstr_add_str(es_vstr_t *vstr, const char *str);
void es_vstr_add_strn(es_vstr_t *vstr, const char *str, size_t len);
void es_vstr_ins_strn(es_vstr_t *vstr, size_t pos, const char *str, size_t len);
void es_vstr_cut_tail_bytes(es_vstr_t *vstr, size_t n);
void es_vstr_printf(es_vstr_t *vstr, const char *fmt, ...);
char *es_vstr_null_terminated_str(es_vstr_t *vstr);
/* Turns the buffer into a str (or bytes) object; the vstr is left empty. */
es_obj_t es_obj_new_str_from_vstr(const es_type_t *type, es_vstr_t *vstr);
