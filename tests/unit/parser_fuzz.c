/* parser_fuzz.c: feeds the parser truncated and mutated copies of files, or libFuzzer input; it
 * must never crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "py/gc.h"
#include "py/qstr.h"
#include "py/parse.h"

void shim_free_all(void);

static void parse_all_modes(const char *src, size_t len) {
    es_parse_error_t err;
    for (int mode = 0; mode < 3; mode++) {
        es_parse(src, len, 0, mode, &err);
        shim_free_all();
    }
    es_parse_is_incomplete(src, len);
    shim_free_all();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* an exact-size copy so reading past the end is caught */
    char *copy = malloc(size ? size : 1);
    memcpy(copy, data, size);
    parse_all_modes(copy, size);
    free(copy);
    return 0;
}

#ifndef LIBFUZZER
static const char *const splices[] = {
    "(",    ")",    "[",    "]",  "{", "}",  "'", "\"", "\"\"\"", "\\",    "\n",    "\t",
    "    ", ":",    "f'{",  "}'", "*", "**", "=", ":=", "lambda", "yield", "await", "async",
    "not",  "\xc3", "\xff", "#",  ",", ".",  "@", "0x", "1e",     "_",     "\0"};

int main(int argc, char **argv) {
    unsigned seed = 12345;
    int rounds = 200;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (f == NULL) {
            continue;
        }
        static char src[1 << 20];
        size_t len = fread(src, 1, sizeof(src), f);
        fclose(f);
        size_t step = len / 50 + 1;
        for (size_t cut = 0; cut <= len; cut += step) {
            LLVMFuzzerTestOneInput((const uint8_t *)src, cut);
        }
        static char buf[(1 << 20) + 64];
        for (int r = 0; r < rounds && len > 0; r++) {
            seed = seed * 1103515245 + 12345;
            size_t at = (seed >> 8) % len;
            seed = seed * 1103515245 + 12345;
            const char *ins = splices[(seed >> 8) % (sizeof(splices) / sizeof(splices[0]))];
            size_t n = strlen(ins) + (ins[0] == 0);
            size_t keep = len < sizeof(buf) - 64 ? len : sizeof(buf) - 64;
            memcpy(buf, src, at);
            memcpy(buf + at, ins, n);
            memcpy(buf + at + n, src + at, keep - at);
            LLVMFuzzerTestOneInput((const uint8_t *)buf, keep + n);
        }
    }
    printf("fuzz: done\n");
    return 0;
}
#endif
