/* size_arg.c: byte counts on the command line of build/espy (-X heapsize) and build/esp8266-sim (--heap). */

#include <stdlib.h>

#include "ports/host/size_arg.h"

size_t es_host_parse_size(const char *text) {
    char *end;
    unsigned long long n = strtoull(text, &end, 0);
    if (end == text) {
        return 0;
    }
    if (*end == 'k' || *end == 'K') {
        n *= 1024;
        end++;
    } else if (*end == 'm' || *end == 'M') {
        n *= 1024 * 1024;
        end++;
    }
    return *end == '\0' ? (size_t)n : 0;
}
