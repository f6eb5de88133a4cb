/* portio.h: what the core asks of the port for files and console input (import, input()). */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "py/print.h"

/* Opens a file for the compiler to read in chunks (py/source.h); false if it cannot be opened. */
struct es_source_t;
bool es_port_open_source(const char *path, struct es_source_t *src);

/* 0: nothing there, 1: a file, 2: a directory. */
int es_port_stat_kind(const char *path);

/* Shows prompt and reads one line of console input into `line` without its newline
** (the REPL and input() use it); returns false at end of input. */
bool es_port_readline(es_vstr_t *line, const char *prompt);

/* Standard error of the port, for tracebacks and warnings. */
extern const es_print_t es_port_stderr_print;

/* Files for open(): flags are ES_FILE_* bits; each hook returns a negative errno on failure. */
#define ES_FILE_READ (0x01)
#define ES_FILE_WRITE (0x02)
#define ES_FILE_APPEND (0x04)
#define ES_FILE_CREATE (0x08)
#define ES_FILE_TRUNC (0x10)
#define ES_FILE_EXCL (0x20)
int es_port_file_open(const char *path, int flags); /* a descriptor >= 0 */
long es_port_file_read(int fd, void *buf, size_t len);
long es_port_file_write(int fd, const void *buf, size_t len);
long es_port_file_seek(int fd, long offset, int whence); /* the new position */
int es_port_file_close(int fd);

#ifdef ES_PORT_HAS_DUPTERM
/* os.dupterm(stream_or_None, index=0): puts a stream in terminal slot index (0 ..
** ES_PORT_DUPTERM_SLOTS-1; ValueError otherwise) and returns what was there (or None). The
** stream needs read/readinto, write and ioctl as a stream object has. */
es_obj_t es_port_dupterm(size_t n_args, const es_obj_t *args);
/* os.dupterm_notify(arg): input has arrived on a dupterm stream; pull it into the REPL now. */
es_obj_t es_port_dupterm_notify(es_obj_t arg);
#endif
