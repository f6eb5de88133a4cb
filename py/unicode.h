/* unicode.h: UTF-8 decoding and counting, and character classes for str methods. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t es_unichar_t;

/* True for the bytes that continue a multi-byte sequence (10xxxxxx). */
static inline bool es_utf8_is_cont(uint8_t b) { return (b & 0xc0) == 0x80; }

/* Decodes the code point at *p (which must be valid UTF-8) and advances *p past it. */
es_unichar_t es_utf8_decode(const uint8_t **p);
/* Encodes c into buf (4 bytes room); returns the number of bytes written. */
size_t es_utf8_encode(es_unichar_t c, uint8_t *buf);
/* Number of code points in len bytes of valid UTF-8. */
size_t es_utf8_count(const uint8_t *data, size_t len);
/* Byte offset of code point `index` (0 <= index <= count) in valid UTF-8 data. */
size_t es_utf8_offset(const uint8_t *data, size_t len, size_t index);
bool es_utf8_is_valid(const uint8_t *data, size_t len);
/* Byte offset of the first invalid sequence, or len if the data is valid. */
size_t es_utf8_first_invalid(const uint8_t *data, size_t len);
/* True when every byte is below 0x80. */
bool es_str_is_ascii(const uint8_t *data, size_t len);

/*
** Character classes and case mappings as CPython's str has them, from compact const tables
** generated from the Unicode database (tools/makeunicodetables.py). ASCII takes fast paths.
*/
bool es_unichar_isspace(es_unichar_t c);
bool es_unichar_isalpha(es_unichar_t c);
bool es_unichar_isdecimal(es_unichar_t c); /* str.isdecimal */
bool es_unichar_isdigit(es_unichar_t c);   /* str.isdigit: decimals, superscripts, ... */
bool es_unichar_isnumeric(es_unichar_t c); /* str.isnumeric: digits, fractions, numerals */
bool es_unichar_isalnum(es_unichar_t c);
bool es_unichar_isupper(es_unichar_t c);
bool es_unichar_islower(es_unichar_t c);
bool es_unichar_istitle(es_unichar_t c); /* titlecase letters such as U+01C5 */
bool es_unichar_iscased(es_unichar_t c);
bool es_unichar_isxdigit(es_unichar_t c);
bool es_unichar_isprintable(es_unichar_t c); /* as str.isprintable and repr() see it */
bool es_unichar_isident_start(es_unichar_t c);
bool es_unichar_isident_cont(es_unichar_t c);
/* Simple one-to-one mappings. */
es_unichar_t es_unichar_toupper(es_unichar_t c);
es_unichar_t es_unichar_tolower(es_unichar_t c);
/* Full mappings, which may give several characters (U+00DF upper -> "SS"); returns how many. */
typedef enum { ES_CASE_LOWER, ES_CASE_UPPER, ES_CASE_TITLE, ES_CASE_FOLD } es_case_kind_t;
size_t es_unichar_case_full(es_unichar_t c, es_case_kind_t kind, es_unichar_t out[3]);
/* Value of a hexadecimal digit; c must satisfy es_unichar_isxdigit. */
int es_unichar_xdigit_value(es_unichar_t c);
