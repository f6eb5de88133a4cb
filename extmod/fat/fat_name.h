/* fat_name.h: names in FAT directories: UTF-16 long names, code page 437 short names. */
#pragma once

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "extmod/fat/fat.h"

uint16_t fat_cp437_to_unicode(uint8_t c);
uint16_t fat_upper(uint16_t u);

/* UTF-8 text to UTF-16 (surrogate pairs beyond the BMP); -EINVAL, -ENAMETOOLONG. */
int fat_utf8_to_utf16(const char *s, size_t len, uint16_t *out, size_t max, size_t *out_len);
/* Back to NUL-terminated UTF-8 in out (truncated to size); returns the byte count. */
size_t fat_utf16_to_utf8(const uint16_t *s, size_t len, char *out, size_t size);

/* Case-insensitive comparison, as FAT looks names up. */
bool fat_name_equal(const uint16_t *a, size_t a_len, const uint16_t *b, size_t b_len);
/* Drops trailing dots and spaces; -EINVAL for an empty name or a forbidden character. */
int fat_name_check(uint16_t *name, size_t *len);

/* The 11 bytes of a short name (base padded to 8, extension to 3) as text; case_flags is
** the entry's NT byte (0x08 base in lower case, 0x10 extension in lower case). */
size_t fat_short_name_display(const uint8_t *name11, uint8_t case_flags, uint16_t *out);
/* Builds the short name for name and says how it relates: the same text, the same but for
** letter case (a long name keeps the case), or lossy (a long name and a ~N tail needed). */
#define FAT_SHORT_EXACT (0)
#define FAT_SHORT_CASE (1)
#define FAT_SHORT_LOSSY (2)
int fat_make_short_name(const uint16_t *name, size_t len, uint8_t sfn[11]);
/* Replaces the end of the base with "~number". */
void fat_short_name_tail(uint8_t sfn[11], uint32_t number);
uint8_t fat_short_name_checksum(const uint8_t sfn[11]);
