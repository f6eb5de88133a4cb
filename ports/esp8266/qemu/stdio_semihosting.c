/* picolibc's stdin, stdout and stderr, and _exit, carried by QEMU semihosting. */
#include "semihosting.h"

#include <stdio.h>

/*
 * Unbuffered on purpose: every character reaches the host at once, so
 * nothing is lost when a test crashes or exits early, and no RAM is spent
 * on a buffer.
 */

static int put_char(char c, FILE *stream) {
    (void)stream;
    return es_semihost_write(1, &c, 1) == 1 ? (unsigned char)c : EOF;
}

static int get_char(FILE *stream) {
    (void)stream;
    unsigned char c;
    return es_semihost_read(0, &c, 1) == 1 ? c : EOF;
}

static FILE console = FDEV_SETUP_STREAM(put_char, get_char, NULL, _FDEV_SETUP_RW);

FILE *const stdin = &console;
FILE *const stdout = &console;
FILE *const stderr = &console;

void _exit(int status) {
    es_semihost_exit(status);
}
