/* repl.h: helpers shared by every REPL (host terminal, serial port, WebREPL). */
#pragma once

#include <stdbool.h>
#include <stddef.h>

/*
** Given everything typed so far (lines joined by '\n'), says whether the REPL should ask
** for another line: an open bracket or triple-quoted string, a trailing backslash, or a
** compound statement (a line ending in ':') that has not yet been closed by a blank line.
*/
bool es_repl_continue_with_input(const char *input, size_t len);

/* Indentation to pre-fill on the next continuation line (auto-indent). */
size_t es_repl_auto_indent(const char *input, size_t len);
