/* parsenum.h: text to numbers, for literals in source code and for int(), float() and complex(). */
#pragma once

#include "py/obj.h"

/*
** int(text, base): base 0 reads the prefix (0x 0o 0b, or decimal without leading zeros),
** base 2..36 allows the matching prefix for 16, 8 and 2; surrounding whitespace, one sign
** and single underscores between digits are accepted. Raises ValueError
** "invalid literal for int() with base N: '...'" otherwise.
*/
es_obj_t es_parse_num_integer(const char *s, size_t len, int base);

/*
** float(text): decimal with optional exponent, inf/infinity/nan with sign in any case,
** underscores between digits, surrounding whitespace. With allow_imag a trailing j/J makes
** an imaginary complex (source literals "1.5j", "10j"). Raises ValueError
** "could not convert string to float: '...'" otherwise.
*/
es_obj_t es_parse_num_float(const char *s, size_t len, bool allow_imag);

/* The same, where text_obj (str, bytes or bytearray holding the text) is shown in the error. */
es_obj_t es_parse_num_int_text(const char *s, size_t len, int base, es_obj_t text_obj);
es_obj_t es_parse_num_float_text(const char *s, size_t len, es_obj_t text_obj);

/* Text of a str, bytes or bytes-like object (bytearray, memoryview); false for anything else. */
bool es_parse_num_get_text(es_obj_t o, const char **data, size_t *len);

/* complex(text): "1+2j", "(1-2.5e3j)", "-j", "3"; ValueError "complex() arg is a malformed string". */
es_obj_t es_parse_num_complex(const char *s, size_t len);
