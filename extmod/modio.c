/* modio.c: the io module: StringIO and BytesIO in-memory streams, and IOBase for streams written in Python. */

#include <errno.h>
#include <string.h>

#include "extmod/binary.h"
#include "extmod/fileio.h"
#include "py/runtime.h"
#include "py/stream.h"

/*
** StringIO and BytesIO share one layout: a growable buffer and a position in bytes. As in
** MicroPython, StringIO's positions (tell, seek) count bytes of UTF-8, while read(n) counts
** characters as CPython does.
*/
typedef struct stringio_obj_t {
    es_obj_base_t base;
    es_vstr_t vstr;
    size_t pos;
    bool closed;
} stringio_obj_t;

static const es_type_t stringio_type;
static const es_type_t bytesio_type;

static stringio_obj_t *stream_of(es_obj_t self) {
    stringio_obj_t *s = es_obj_to_ptr(self);
    if (s->closed) {
        /* CPython's two classes word it differently. */
        es_raise_msg(&es_type_ValueError, s->base.type == &stringio_type ? "I/O operation on closed file"
                                                                         : "I/O operation on closed file.");
    }
    return s;
}

static bool is_text(const stringio_obj_t *s) {
    return s->base.type == &stringio_type;
}

static es_obj_t new_chunk(const stringio_obj_t *s, const char *data, size_t len) {
    return is_text(s) ? es_obj_new_str(data, len) : es_obj_new_bytes((const uint8_t *)data, len);
}

static void stream_write_bytes(stringio_obj_t *s, const char *data, size_t len) {
    if (len == 0) {
        return;
    }
    if (s->pos > s->vstr.len) {
        /* Writing past the end fills the gap with zero bytes, as a file would. */
        size_t gap = s->pos - s->vstr.len;
        memset(es_vstr_extend(&s->vstr, gap), 0, gap);
    }
    size_t overlap = s->vstr.len - s->pos;
    if (overlap > len) {
        overlap = len;
    }
    memcpy(s->vstr.buf + s->pos, data, overlap);
    if (len > overlap) {
        memcpy(es_vstr_extend(&s->vstr, len - overlap), data + overlap, len - overlap);
    }
    s->pos += len;
}

static es_obj_t stringio_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    static const es_arg_t allowed[] = {
        {ES_Q_initial_value, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_newline, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
    };
    es_arg_val_t vals[2];
    es_arg_parse_all_kw_array(n_args, n_kw, args, type == &stringio_type ? 2 : 1, allowed, vals);
    stringio_obj_t *s = es_new(stringio_obj_t);
    s->base.type = type;
    es_obj_t initial = vals[0].u_obj;
    size_t alloc = 16;
    if (es_obj_is_small_int(initial)) {
        /* MicroPython's StringIO(n)/BytesIO(n) preallocates n bytes. */
        es_int_t n = es_small_int_value(initial);
        alloc = n > 0 ? (size_t)n : 16;
        initial = ES_OBJ_NONE;
    }
    es_vstr_init(&s->vstr, alloc);
    if (initial != ES_OBJ_NONE) {
        if (type == &stringio_type) {
            if (!es_obj_is_str(initial)) {
                es_raise_msg_varg(&es_type_TypeError, "initial_value must be str or None, not %s",
                                  es_obj_type_name(initial));
            }
            size_t len;
            const char *data = es_obj_str_get_data(initial, &len);
            stream_write_bytes(s, data, len);
        } else {
            es_buffer_info_t info;
            es_get_buffer_raise(initial, &info, ES_BUFFER_READ);
            stream_write_bytes(s, info.buf, info.len);
        }
        s->pos = 0;
    }
    return es_obj_from_ptr(s);
}

static void stringio_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_printf(print, "<_io.%q object at %p>", (es_qstr_t)es_obj_get_type(self)->name, (void *)self);
}

static es_obj_t stringio_write(es_obj_t self, es_obj_t data) {
    stringio_obj_t *s = stream_of(self);
    if (is_text(s)) {
        if (!es_obj_is_str(data)) {
            es_raise_msg_varg(&es_type_TypeError, "string argument expected, got '%s'", es_obj_type_name(data));
        }
        size_t len;
        const char *str = es_obj_str_get_data(data, &len);
        stream_write_bytes(s, str, len);
        return es_obj_len(data);
    }
    if (es_obj_is_str(data)) {
        es_raise_msg(&es_type_TypeError, "a bytes-like object is required, not 'str'");
    }
    es_buffer_info_t info;
    es_get_buffer_raise(data, &info, ES_BUFFER_READ);
    stream_write_bytes(s, info.buf, info.len);
    return es_obj_new_int_from_uint(info.len);
}
static ES_DEFINE_FUN_2(stringio_write_obj, ES_Q_write, stringio_write);

/* Bytes from pos spanning n characters (text) or n bytes (binary); n < 0 means all. */
static size_t span_for(const stringio_obj_t *s, es_int_t n) {
    size_t avail = s->pos < s->vstr.len ? s->vstr.len - s->pos : 0;
    if (n < 0) {
        return avail;
    }
    if (!is_text(s)) {
        return (size_t)n < avail ? (size_t)n : avail;
    }
    const uint8_t *p = (const uint8_t *)s->vstr.buf + s->pos;
    size_t i = 0;
    while (i < avail && n > 0) {
        i++;
        while (i < avail && (p[i] & 0xc0) == 0x80) {
            i++;
        }
        n--;
    }
    return i;
}

static es_int_t size_arg(size_t n_args, const es_obj_t *args) {
    if (n_args < 2 || args[1] == ES_OBJ_NONE) {
        return -1;
    }
    return es_obj_get_int(args[1]);
}

static es_obj_t stringio_read(size_t n_args, const es_obj_t *args) {
    stringio_obj_t *s = stream_of(args[0]);
    size_t n = span_for(s, size_arg(n_args, args));
    es_obj_t chunk = new_chunk(s, s->vstr.buf + (s->pos < s->vstr.len ? s->pos : s->vstr.len), n);
    s->pos += n;
    return chunk;
}
static ES_DEFINE_FUN_VAR(stringio_read_obj, ES_Q_read, 1, 2, stringio_read);

static es_obj_t readline_of(stringio_obj_t *s, es_int_t limit) {
    size_t n = span_for(s, limit);
    size_t start = s->pos < s->vstr.len ? s->pos : s->vstr.len;
    const char *p = s->vstr.buf + start;
    const char *nl = memchr(p, '\n', n);
    if (nl != NULL) {
        n = (size_t)(nl - p) + 1;
    }
    s->pos = start + n;
    return new_chunk(s, p, n);
}

static es_obj_t stringio_readline(size_t n_args, const es_obj_t *args) {
    stringio_obj_t *s = stream_of(args[0]);
    return readline_of(s, size_arg(n_args, args));
}
static ES_DEFINE_FUN_VAR(stringio_readline_obj, ES_Q_readline, 1, 2, stringio_readline);

static es_obj_t stringio_readlines(es_obj_t self) {
    stringio_obj_t *s = stream_of(self);
    es_obj_t list = es_obj_new_list(0, NULL);
    while (s->pos < s->vstr.len) {
        es_obj_list_append(list, readline_of(s, -1));
    }
    return list;
}
static ES_DEFINE_FUN_1(stringio_readlines_obj, ES_Q_readlines, stringio_readlines);

static es_obj_t stringio_readinto(es_obj_t self, es_obj_t buffer) {
    stringio_obj_t *s = stream_of(self);
    es_buffer_info_t info;
    es_get_buffer_raise(buffer, &info, ES_BUFFER_WRITE);
    size_t n = span_for(s, (es_int_t)info.len);
    memcpy(info.buf, s->vstr.buf + s->pos, n);
    s->pos += n;
    return es_obj_new_int_from_uint(n);
}
static ES_DEFINE_FUN_2(stringio_readinto_obj, ES_Q_readinto, stringio_readinto);

static es_obj_t stringio_seek(size_t n_args, const es_obj_t *args) {
    stringio_obj_t *s = stream_of(args[0]);
    es_int_t offset = es_obj_get_int(args[1]);
    es_int_t whence = n_args > 2 ? es_obj_get_int(args[2]) : 0;
    es_int_t base;
    switch (whence) {
        case 0:
            if (offset < 0) {
                es_raise_msg_varg(&es_type_ValueError, "negative seek value %d", (int)offset);
            }
            base = 0;
            break;
        case 1:
            base = (es_int_t)s->pos;
            break;
        case 2:
            base = (es_int_t)s->vstr.len;
            break;
        default:
            es_raise_msg_varg(&es_type_ValueError, "invalid whence (%d, should be 0, 1 or 2)", (int)whence);
    }
    es_int_t pos = base + offset;
    s->pos = pos < 0 ? 0 : (size_t)pos;
    return es_obj_new_int_from_uint(s->pos);
}
static ES_DEFINE_FUN_VAR(stringio_seek_obj, ES_Q_seek, 2, 3, stringio_seek);

static es_obj_t stringio_tell(es_obj_t self) {
    return es_obj_new_int_from_uint(stream_of(self)->pos);
}
static ES_DEFINE_FUN_1(stringio_tell_obj, ES_Q_tell, stringio_tell);

static es_obj_t stringio_truncate(size_t n_args, const es_obj_t *args) {
    stringio_obj_t *s = stream_of(args[0]);
    es_int_t size = n_args > 1 && args[1] != ES_OBJ_NONE ? es_obj_get_int(args[1]) : (es_int_t)s->pos;
    if (size < 0) {
        es_raise_msg_varg(&es_type_ValueError, "negative size value %d", (int)size);
    }
    if ((size_t)size < s->vstr.len) {
        s->vstr.len = (size_t)size;
    }
    return es_obj_new_small_int(size);
}
static ES_DEFINE_FUN_VAR(stringio_truncate_obj, ES_Q_truncate, 1, 2, stringio_truncate);

static es_obj_t stringio_getvalue(es_obj_t self) {
    stringio_obj_t *s = stream_of(self);
    return new_chunk(s, s->vstr.buf, s->vstr.len);
}
static ES_DEFINE_FUN_1(stringio_getvalue_obj, ES_Q_getvalue, stringio_getvalue);

static es_obj_t stringio_flush(es_obj_t self) {
    stream_of(self);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(stringio_flush_obj, ES_Q_flush, stringio_flush);

static es_obj_t stringio_close(es_obj_t self) {
    stringio_obj_t *s = es_obj_to_ptr(self);
    s->closed = true;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(stringio_close_obj, ES_Q_close, stringio_close);

static void stringio_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] == ES_OBJ_NULL && attr == ES_Q_closed) {
        dest[0] = es_obj_new_bool(((stringio_obj_t *)es_obj_to_ptr(self))->closed);
    }
}

static es_obj_t stringio_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    stream_of(self);
    return self;
}

static es_obj_t stringio_iternext(es_obj_t self) {
    stringio_obj_t *s = stream_of(self);
    if (s->pos >= s->vstr.len) {
        return ES_OBJ_STOP_ITERATION;
    }
    return readline_of(s, -1);
}

static const es_map_elem_t stringio_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(stringio_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readline), ES_OBJ_FROM_CONST(stringio_readline_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readlines), ES_OBJ_FROM_CONST(stringio_readlines_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readinto), ES_OBJ_FROM_CONST(stringio_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write), ES_OBJ_FROM_CONST(stringio_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_seek), ES_OBJ_FROM_CONST(stringio_seek_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_tell), ES_OBJ_FROM_CONST(stringio_tell_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_truncate), ES_OBJ_FROM_CONST(stringio_truncate_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_getvalue), ES_OBJ_FROM_CONST(stringio_getvalue_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_flush), ES_OBJ_FROM_CONST(stringio_flush_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_close), ES_OBJ_FROM_CONST(stringio_close_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___enter__), ES_OBJ_FROM_CONST(es_stream_enter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___exit__), ES_OBJ_FROM_CONST(es_stream_exit_obj)},
};
static ES_DEFINE_CONST_DICT(stringio_locals_dict, stringio_locals_table);

/* ---- the stream protocol, for C callers (json.load, dupterm) --------------------------- */

static size_t stringio_stream_read(es_obj_t self, void *buf, size_t size, int *errcode) {
    stringio_obj_t *s = es_obj_to_ptr(self);
    if (s->closed) {
        *errcode = EBADF;
        return ES_STREAM_ERROR;
    }
    size_t avail = s->pos < s->vstr.len ? s->vstr.len - s->pos : 0;
    size_t n = size < avail ? size : avail;
    memcpy(buf, s->vstr.buf + s->pos, n);
    s->pos += n;
    return n;
}

static size_t stringio_stream_write(es_obj_t self, const void *buf, size_t size, int *errcode) {
    stringio_obj_t *s = es_obj_to_ptr(self);
    if (s->closed) {
        *errcode = EBADF;
        return ES_STREAM_ERROR;
    }
    stream_write_bytes(s, buf, size);
    return size;
}

static uintptr_t stringio_stream_ioctl(es_obj_t self, unsigned request, uintptr_t arg, int *errcode) {
    stringio_obj_t *s = es_obj_to_ptr(self);
    if (request == ES_STREAM_CLOSE) {
        s->closed = true;
        return 0;
    }
    if (s->closed) {
        *errcode = EBADF;
        return ES_STREAM_ERROR;
    }
    switch (request) {
        case ES_STREAM_FLUSH:
            return 0;
        case ES_STREAM_POLL:
            return arg & (ES_STREAM_POLL_RD | ES_STREAM_POLL_WR);
        case ES_STREAM_SEEK: {
            es_stream_seek_t *seek = (es_stream_seek_t *)arg;
            int64_t base = seek->whence == 0 ? 0 : seek->whence == 1 ? (int64_t)s->pos : (int64_t)s->vstr.len;
            int64_t pos = base + seek->offset;
            s->pos = pos < 0 ? 0 : (size_t)pos;
            seek->offset = (int64_t)s->pos;
            return 0;
        }
        default:
            *errcode = EINVAL;
            return ES_STREAM_ERROR;
    }
}

static const es_stream_p_t stringio_stream_p = {
    .read = stringio_stream_read,
    .write = stringio_stream_write,
    .ioctl = stringio_stream_ioctl,
    .is_text = true,
};

static const es_stream_p_t bytesio_stream_p = {
    .read = stringio_stream_read,
    .write = stringio_stream_write,
    .ioctl = stringio_stream_ioctl,
    .is_text = false,
};

static const es_type_t stringio_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_StringIO,
    .protocol = &stringio_stream_p,
    .print = stringio_print,
    .make_new = stringio_make_new,
    .attr = stringio_attr,
    .getiter = stringio_getiter,
    .iternext = stringio_iternext,
    .locals_dict = (es_obj_dict_t *)&stringio_locals_dict,
};

static const es_type_t bytesio_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_BytesIO,
    .protocol = &bytesio_stream_p,
    .print = stringio_print,
    .make_new = stringio_make_new,
    .attr = stringio_attr,
    .getiter = stringio_getiter,
    .iternext = stringio_iternext,
    .locals_dict = (es_obj_dict_t *)&stringio_locals_dict,
};

/* ---- IOBase: the base class of streams implemented in Python -------------------------- */

typedef struct iobase_obj_t {
    es_obj_base_t base;
} iobase_obj_t;

static es_obj_t iobase_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    /* A subclass's __init__ takes the arguments. */
    ES_UNUSED(args);
    ES_UNUSED(n_args);
    ES_UNUSED(n_kw);
    iobase_obj_t *o = es_new(iobase_obj_t);
    o->base.type = type;
    return es_obj_from_ptr(o);
}

static es_obj_t iobase_nothing(es_obj_t self) {
    ES_UNUSED(self);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(iobase_close_obj, ES_Q_close, iobase_nothing);
static ES_DEFINE_FUN_1(iobase_flush_obj, ES_Q_flush, iobase_nothing);

/*
** A subclass that defines readinto (and write, ioctl) gets read, readline and readlines
** from the ready-made stream methods, as CPython's RawIOBase gives them.
*/
static const es_map_elem_t iobase_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_close), ES_OBJ_FROM_CONST(iobase_close_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_flush), ES_OBJ_FROM_CONST(iobase_flush_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(es_stream_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readline), ES_OBJ_FROM_CONST(es_stream_readline_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readlines), ES_OBJ_FROM_CONST(es_stream_readlines_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___enter__), ES_OBJ_FROM_CONST(es_stream_enter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___exit__), ES_OBJ_FROM_CONST(es_stream_exit_obj)},
};
static ES_DEFINE_CONST_DICT(iobase_locals_dict, iobase_locals_table);

static const es_type_t iobase_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_STATELESS_BASE,
    .name = ES_Q_IOBase,
    .make_new = iobase_make_new,
    .locals_dict = (es_obj_dict_t *)&iobase_locals_dict,
};

static const es_map_elem_t io_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_io)},
    {ES_OBJ_NEW_QSTR(ES_Q_StringIO), ES_OBJ_FROM_CONST(stringio_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_BytesIO), ES_OBJ_FROM_CONST(bytesio_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_IOBase), ES_OBJ_FROM_CONST(iobase_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_RawIOBase), ES_OBJ_FROM_CONST(iobase_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_open), ES_OBJ_FROM_CONST(es_io_open_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_FileIO), ES_OBJ_FROM_CONST(es_type_fileio)},
    {ES_OBJ_NEW_QSTR(ES_Q_TextIOWrapper), ES_OBJ_FROM_CONST(es_type_textio)},
};

ES_DEFINE_CONST_MODULE(es_module_io, io_globals_table);
ES_REGISTER_MODULE(ES_Q_io, es_module_io);
