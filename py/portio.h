/* portio.h: what the core asks of the port for files and console input (import, input()). */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "py/print.h"

/* Reads a whole file into heap memory (es_alloc'd, NUL-terminated); NULL if it cannot be read. */
char *es_port_read_file(const char *path, size_t *len);

/* 0: nothing there, 1: a file, 2: a directory. */
int es_port_stat_kind(const char *path);

/* Shows prompt and reads one line of console input into `line` without its newline
** (the REPL and input() use it); returns false at end of input. */
bool es_port_readline(es_vstr_t *line, const char *prompt);

/* Standard error of the port, for tracebacks and warnings. */
extern const es_print_t es_port_stderr_print;
