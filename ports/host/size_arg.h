/* size_arg.h: reading byte counts such as "16k" from the command lines of the host builds. */
#pragma once

#include <stddef.h>

/* Parses "1048576", "0x4000", "16k" or "2M" (k and m are 1024 and 1024 * 1024, either case);
** returns 0 when the text is not a size, so a caller can reject it. */
size_t es_host_parse_size(const char *text);
