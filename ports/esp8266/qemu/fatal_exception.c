/* Last words for a CPU exception under QEMU: name the cause and address, then exit non-zero. */
#include "semihosting.h"

#include <stdint.h>

void es_qemu_fatal_exception(uint32_t cause, uint32_t pc, uint32_t address) __attribute__((noreturn));

/* Exit status for a crash; distinct from anything a test's main returns. */
#define FATAL_EXIT_STATUS 70

/* Self-contained formatting: the C library may be the thing that crashed. */
static void write_text(const char *text) {
    size_t length = 0;
    while (text[length] != '\0') {
        length++;
    }
    es_semihost_write(2, text, length);
}

static void write_hex(uint32_t value) {
    static const char digits[] = "0123456789abcdef";
    char text[11] = "0x";
    for (int i = 0; i < 8; i++) {
        text[2 + i] = digits[(value >> (28 - 4 * i)) & 0xf];
    }
    text[10] = '\0';
    write_text(text);
}

/* Called from the vector code in start.S with EXCCAUSE, EPC1 and EXCVADDR. */
void es_qemu_fatal_exception(uint32_t cause, uint32_t pc, uint32_t address) {
    write_text("\nFatal exception ");
    write_hex(cause);
    write_text(" at pc ");
    write_hex(pc);
    write_text(", address ");
    write_hex(address);
    write_text("\n");
    es_semihost_exit(FATAL_EXIT_STATUS);
}
