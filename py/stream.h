/* stream.h: the byte-stream protocol shared by files, sockets, UARTs, in-memory streams and dupterm. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "py/obj.h"
#include "py/print.h"

/*
** A type that is a stream points its `protocol` slot at an es_stream_p_t. Each operation
** returns a count (or a value for ioctl), or ES_STREAM_ERROR with *errcode set to an errno:
** EAGAIN means "nothing now" on a non-blocking stream (read/readinto then return None).
** read and write may move fewer bytes than asked; 0 from read means end of stream.
*/
#define ES_STREAM_ERROR ((size_t)-1)

typedef struct es_stream_p_t {
    size_t (*read)(es_obj_t self, void *buf, size_t size, int *errcode);
    size_t (*write)(es_obj_t self, const void *buf, size_t size, int *errcode);
    uintptr_t (*ioctl)(es_obj_t self, unsigned request, uintptr_t arg, int *errcode);
    bool is_text; /* read() returns str rather than bytes */
} es_stream_p_t;

/* ioctl requests (the numbers user streams see in their ioctl(request, arg) method). */
#define ES_STREAM_FLUSH (1)
#define ES_STREAM_SEEK (2)  /* arg points to an es_stream_seek_t; updated with the new position */
#define ES_STREAM_POLL (3)  /* arg: ES_STREAM_POLL_* flags asked for; returns those ready */
#define ES_STREAM_CLOSE (4)
#define ES_STREAM_TIMEOUT (5)  /* arg: timeout in ms, (uintptr_t)-1 for blocking */
#define ES_STREAM_GET_FILENO (10) /* returns the OS descriptor where there is one */

/* Same values as select.POLLIN/POLLOUT/POLLERR/POLLHUP. */
#define ES_STREAM_POLL_RD (0x0001)
#define ES_STREAM_POLL_WR (0x0004)
#define ES_STREAM_POLL_ERR (0x0008)
#define ES_STREAM_POLL_HUP (0x0010)

typedef struct es_stream_seek_t {
    int64_t offset;
    int whence; /* 0 start, 1 current, 2 end */
} es_stream_seek_t;

/* The stream protocol of obj's type, or NULL. With `raise`, TypeError instead of NULL. */
const es_stream_p_t *es_get_stream(es_obj_t obj, bool raise);

/*
** Byte-level helpers for C callers; they work on C streams and on objects written in
** Python that have readinto/write/ioctl methods (io.IOBase subclasses). They loop until
** done, end of stream or an error; errors come back as ES_STREAM_ERROR + errno.
*/
size_t es_stream_read_exactly(es_obj_t stream, void *buf, size_t size, int *errcode);
size_t es_stream_write_all(es_obj_t stream, const void *buf, size_t size, int *errcode);
uintptr_t es_stream_ioctl(es_obj_t stream, unsigned request, uintptr_t arg, int *errcode);
/* Writes all and raises OSError on failure. */
void es_stream_write_or_raise(es_obj_t stream, const void *buf, size_t size);

/*
** Ready-made methods for a C stream type's locals dict: read([n]), read1, readinto(buf[, n]),
** readline([limit]), readlines, write(buf[, off[, n]]), flush, close, seek, tell,
** __enter__, __exit__ (closes), and iteration by lines (es_stream_getiter/iternext).
*/
extern const es_obj_fun_builtin_t es_stream_read_obj;
extern const es_obj_fun_builtin_t es_stream_read1_obj;
extern const es_obj_fun_builtin_t es_stream_readinto_obj;
extern const es_obj_fun_builtin_t es_stream_readline_obj;
extern const es_obj_fun_builtin_t es_stream_readlines_obj;
extern const es_obj_fun_builtin_t es_stream_write_obj;
extern const es_obj_fun_builtin_t es_stream_flush_obj;
extern const es_obj_fun_builtin_t es_stream_close_obj;
extern const es_obj_fun_builtin_t es_stream_seek_obj;
extern const es_obj_fun_builtin_t es_stream_tell_obj;
extern const es_obj_fun_builtin_t es_stream_ioctl_obj;
extern const es_obj_fun_builtin_t es_stream_enter_obj;
extern const es_obj_fun_builtin_t es_stream_exit_obj;
es_obj_t es_stream_iternext(es_obj_t self);

/* Pieces of those methods for stream types that define their own (extmod/fileio.c). */
/* An optional size argument args[index]: -1 when it is missing or None. */
es_int_t es_stream_size_arg(size_t n_args, const es_obj_t *args, size_t index);
/* What a read returns: the bytes of vstr as bytes, or as str on a text stream (UnicodeError
** when they are not UTF-8). */
es_obj_t es_stream_chunk(es_vstr_t *vstr, bool is_text);
/* readlines(hint): the lines next_line(stream) gives until an empty one (or None), stopping
** once they hold hint bytes or more (hint <= 0: no limit). */
es_obj_t es_stream_collect_lines(es_obj_t stream, es_obj_t (*next_line)(es_obj_t stream), es_int_t hint);
