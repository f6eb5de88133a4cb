/* source.h: where the compiler's source text comes from: memory, or a reader that hands it out in chunks. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "py/obj.h"

/*
** A source is either all in memory (`read` NULL: `text`/`len`) or read in chunks, so that
** compiling a file never holds the whole file in the heap (the lexer keeps a window of a few
** hundred bytes). Readers may raise (OSError from a file); `rewind` goes back to the start,
** which only SyntaxError needs (to show the text of the offending line); `close` is called
** once when compiling is over, also after an exception. The fields after the callbacks are
** the reader's own state.
*/
typedef struct es_source_t {
    const char *text;
    size_t len;
    size_t (*read)(struct es_source_t *src, char *buf, size_t size); /* 0 at the end */
    bool (*rewind)(struct es_source_t *src);                         /* NULL: cannot */
    void (*close)(struct es_source_t *src);                          /* NULL: nothing to do */
    es_obj_t stream; /* es_source_from_stream: the stream object */
    size_t pos;      /* a reader's position or handle */
} es_source_t;

void es_source_from_memory(es_source_t *src, const char *text, size_t len);

/* Reads a stream object (py/stream.h: a file from the VFS, io.BytesIO, ...); closes it at the end. */
void es_source_from_stream(es_source_t *src, es_obj_t stream);

/* Reads memory through the chunked path, as a file would be read (for tests and const data). */
void es_source_from_memory_in_chunks(es_source_t *src, const char *text, size_t len);

/* The text of line `line` (1-based) with its newline, as a str; None when it cannot be had. */
es_obj_t es_source_line_text(es_source_t *src, size_t line);

void es_source_close(es_source_t *src);
