/* repl.h: helpers shared by every REPL (host terminal, serial port, WebREPL). */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How es_repl_scan reads the text typed so far. */
typedef enum {
    /* As Python's lexer does: comments are skipped, a one-quote string ends with its line. */
    ES_REPL_READ_AS_PYTHON,
    /* As MicroPython's mp_repl_continue_with_input does: every '#' and bracket outside quotes
    ** counts, and a one-quote string stays open across lines until its quote comes. */
    ES_REPL_READ_AS_REFERENCE,
} es_repl_reading_t;

/* What one pass over the input found; the continuation rules and auto-indent read it. */
typedef struct es_repl_scan_t {
    int open_round, open_square, open_curly; /* brackets opened and not yet closed, by kind */
    uint8_t open_string;      /* quotes of the string still open at the end: 0, 1 or 3 */
    bool ends_with_backslash; /* the last line's last significant character is '\' */
    bool opened_block;        /* some line outside brackets and strings ended in ':' */
    bool last_ends_with_colon; /* ...and the last such line did */
    bool last_line_blank;
    size_t last_indent;       /* spaces before the last non-blank line */
} es_repl_scan_t;

/* Reads everything typed so far (lines joined by '\n') in one pass. */
void es_repl_scan(const char *input, size_t len, es_repl_reading_t reading, es_repl_scan_t *scan);

/*
** The colon rule (the host's prompt): ask for another line while a bracket or triple-quoted
** string is open, after a trailing backslash, or while a compound statement (a line ending
** in ':') has not yet been closed by a blank line.
*/
bool es_repl_continue_with_input(const char *input, size_t len);

/* Indentation to pre-fill on the next continuation line (auto-indent). */
size_t es_repl_auto_indent(const char *input, size_t len);
