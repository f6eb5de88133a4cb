/* formatfloat.h: floats to text: CPython's shortest round-trip repr and the e/f/g/% formats. */
#pragma once

#include "py/obj.h"
#include "py/print.h"

/*
** Appends x formatted for `type`:
**   'e' 'E' 'f' 'F' 'g' 'G' 'n' '%'  as the format-spec mini-language; precision -1 means 6
**   'r'   the shortest text that reads back as x, as CPython's repr ("1.0", "1e+16",
**         "1e-05", "inf", "nan", "-0.0"); precision is ignored
**   '\0'  format() with no type: 'r' when precision is -1, otherwise 'g' that keeps at
**         least one digit after the point ("1.0", not "1")
** A negative number (and -0.0) gets a leading '-'; '+' and ' ' signs, padding and grouping
** are the caller's. Upper-case types give "INF" and "NAN".
*/
void es_format_float(es_vstr_t *vstr, es_float_t x, char type, int precision);

/* '#' in a format spec: always a decimal point, and trailing zeros kept for g/G. */
#define ES_FORMAT_FLOAT_ALT (1)
/* Type 'r' without the ".0" of integral values ("1", "1e+16"), as inside complex reprs. */
#define ES_FORMAT_FLOAT_NO_DOT0 (2)
void es_format_float_ex(es_vstr_t *vstr, es_float_t x, char type, int precision, unsigned flags);
