/* binary.h: C values in raw bytes by struct/array typecode, shared by the struct and array modules. */
#pragma once

#include "py/obj.h"

/*
** Typecodes: c b B ? h H i I l L q Q n N P e f d (and x s p, which only struct knows).
** `native` selects the C sizes and alignment of this machine (struct's '@' and array);
** otherwise the standard sizes of struct's = < > ! are used. Returns 0 for a code that is
** not a value type in that mode; *align gets the alignment (1 when not native).
*/
size_t es_binary_size(char code, bool native, size_t *align);

/* True when this machine stores the most significant byte first. */
bool es_binary_native_big_endian(void);

/* Reads one value of `size` bytes at p. */
es_obj_t es_binary_get(const uint8_t *p, char code, size_t size, bool big_endian);

/* Writes one value; raises ValueError (struct.error) when it is out of range or of the wrong kind. */
void es_binary_set(uint8_t *p, char code, size_t size, bool big_endian, es_obj_t value);

/* For an int v: -1 when below the range of the integer code, 1 above it, 0 inside. */
int es_binary_int_compare_range(es_obj_t v, char code, size_t size);

/* Buffer of any object with the buffer protocol, or TypeError "a bytes-like object is required". */
void es_get_buffer_raise(es_obj_t o, es_buffer_info_t *info, int flags);
