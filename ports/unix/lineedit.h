/* lineedit.h: interactive line input with editing keys and history for the host REPL. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    LINEEDIT_LINE,            /* a line was entered */
    LINEEDIT_EOF,             /* Ctrl-D on an empty line, or input closed */
    LINEEDIT_INTERRUPT,       /* Ctrl-C */
    LINEEDIT_NOT_A_TERMINAL,  /* stdin is not a terminal: read plain lines instead */
} lineedit_result_t;

/* Reads one line after showing prompt, pre-filled with `indent` spaces; buf gets a NUL-terminated line. */
lineedit_result_t lineedit_read(const char *prompt, size_t indent, char *buf, size_t buf_size, size_t *out_len);
