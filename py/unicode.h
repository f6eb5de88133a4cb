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
** Character classes. ASCII follows C's ctype exactly. Beyond ASCII (MicroPython stops at
** ASCII) a few cheap ranges are understood: Latin-1, Latin Extended-A, Greek and
** Cyrillic letters have simple one-to-one case mappings; other scripts' letters count as
** alphabetic without case; Unicode whitespace is recognised. No full Unicode tables: they
** would not fit in the ESP8266's flash budget.
*/
bool es_unichar_isspace(es_unichar_t c);
bool es_unichar_isalpha(es_unichar_t c);
bool es_unichar_isdigit(es_unichar_t c);
bool es_unichar_isalnum(es_unichar_t c);
bool es_unichar_isupper(es_unichar_t c);
bool es_unichar_islower(es_unichar_t c);
bool es_unichar_isxdigit(es_unichar_t c);
bool es_unichar_isprintable(es_unichar_t c); /* as str.isprintable and repr() see it */
bool es_unichar_isident_start(es_unichar_t c);
bool es_unichar_isident_cont(es_unichar_t c);
es_unichar_t es_unichar_toupper(es_unichar_t c);
es_unichar_t es_unichar_tolower(es_unichar_t c);
/* Value of a hexadecimal digit; c must satisfy es_unichar_isxdigit. */
int es_unichar_xdigit_value(es_unichar_t c);
