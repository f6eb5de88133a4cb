/* stream.c: the byte-stream protocol: lookup, C helpers, streams written in Python, ready-made methods. */

#include <errno.h>
#include <string.h>

#include "py/objstr.h"
#include "py/runtime.h"
#include "py/stream.h"
#include "py/unicode.h"

/* ---- streams written in Python ---------------------------------------------------------- */

/*
** A user class (io.IOBase subclass or any class with the methods) is a stream through its
** readinto/read, write and ioctl/seek/flush/close methods. An OSError they raise becomes an
** errno; a None result means "nothing now" (EAGAIN), as MicroPython's dupterm streams expect.
** Other exceptions propagate to the caller.
*/

typedef struct py_call_t {
    es_obj_t method[2 + 2]; /* method, self, up to two arguments */
    size_t n_args;
    es_obj_t result;
} py_call_t;

/* The object's own method `name`; the ready-made methods (io.IOBase's read) do not count,
** since they are built on this very protocol. */
static bool py_method(es_obj_t self, es_qstr_t name, py_call_t *call) {
    es_load_method_maybe(self, name, call->method);
    call->n_args = 0;
    return call->method[0] != ES_OBJ_NULL && call->method[0] != ES_OBJ_FROM_CONST(es_stream_read_obj) &&
           call->method[0] != ES_OBJ_FROM_CONST(es_stream_readinto_obj) &&
           call->method[0] != ES_OBJ_FROM_CONST(es_stream_write_obj) &&
           call->method[0] != ES_OBJ_FROM_CONST(es_stream_ioctl_obj);
}

/* Calls the loaded method; false with *errcode set if it raised OSError. */
static bool py_invoke(py_call_t *call, int *errcode) {
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        call->result = es_call_method_n_kw(call->n_args, 0, call->method);
        es_nlr_pop();
        return true;
    }
    es_obj_t exc = nlr.ret_val;
    if (!es_obj_exception_match(exc, &es_type_OSError)) {
        es_nlr_jump(exc);
    }
    es_obj_t code = es_load_attr_maybe(exc, ES_Q_errno);
    *errcode = code != ES_OBJ_NULL && es_obj_is_small_int(code) ? (int)es_small_int_value(code) : EIO;
    return false;
}

/* A count returned by a Python method: None means EAGAIN, a negative int is -errno. */
static size_t py_count_result(es_obj_t result, size_t limit, int *errcode) {
    if (result == ES_OBJ_NONE) {
        *errcode = EAGAIN;
        return ES_STREAM_ERROR;
    }
    es_int_t n = es_obj_get_int(result);
    if (n < 0) {
        *errcode = (int)-n;
        return ES_STREAM_ERROR;
    }
    return (size_t)n > limit ? limit : (size_t)n;
}

static size_t py_stream_read(es_obj_t self, void *buf, size_t size, int *errcode) {
    py_call_t call;
    if (py_method(self, ES_Q_readinto, &call)) {
        es_obj_t array = es_obj_new_bytearray(size, NULL);
        call.method[2] = array;
        call.n_args = 1;
        if (!py_invoke(&call, errcode)) {
            return ES_STREAM_ERROR;
        }
        size_t n = py_count_result(call.result, size, errcode);
        if (n != ES_STREAM_ERROR) {
            es_buffer_info_t info;
            es_obj_get_type(array)->buffer(array, &info, ES_BUFFER_READ);
            memcpy(buf, info.buf, n < info.len ? n : info.len);
        }
        return n;
    }
    if (py_method(self, ES_Q_read, &call)) {
        call.method[2] = es_obj_new_int_from_uint(size);
        call.n_args = 1;
        if (!py_invoke(&call, errcode)) {
            return ES_STREAM_ERROR;
        }
        if (call.result == ES_OBJ_NONE) {
            *errcode = EAGAIN;
            return ES_STREAM_ERROR;
        }
        size_t len;
        const char *data = es_obj_str_get_data(call.result, &len);
        if (len > size) {
            len = size;
        }
        memcpy(buf, data, len);
        return len;
    }
    *errcode = EOPNOTSUPP;
    return ES_STREAM_ERROR;
}

static size_t py_stream_write(es_obj_t self, const void *buf, size_t size, int *errcode) {
    py_call_t call;
    if (!py_method(self, ES_Q_write, &call)) {
        *errcode = EOPNOTSUPP;
        return ES_STREAM_ERROR;
    }
    call.method[2] = es_obj_new_bytes(buf, size);
    call.n_args = 1;
    if (!py_invoke(&call, errcode)) {
        return ES_STREAM_ERROR;
    }
    return py_count_result(call.result, size, errcode);
}

static uintptr_t py_stream_ioctl(es_obj_t self, unsigned request, uintptr_t arg, int *errcode) {
    py_call_t call;
    if (request == ES_STREAM_SEEK) {
        es_stream_seek_t *seek = (es_stream_seek_t *)arg;
        if (!py_method(self, ES_Q_seek, &call)) {
            *errcode = EOPNOTSUPP;
            return ES_STREAM_ERROR;
        }
        call.method[2] = es_obj_new_int_from_ll(seek->offset);
        call.method[3] = es_obj_new_small_int(seek->whence);
        call.n_args = 2;
        if (!py_invoke(&call, errcode)) {
            return ES_STREAM_ERROR;
        }
        seek->offset = call.result == ES_OBJ_NONE ? 0 : es_obj_get_int(call.result);
        return 0;
    }
    if (py_method(self, ES_Q_ioctl, &call)) {
        call.method[2] = es_obj_new_small_int((es_int_t)request);
        call.method[3] = es_obj_new_int_from_uint(arg);
        call.n_args = 2;
    } else if (request == ES_STREAM_FLUSH && py_method(self, ES_Q_flush, &call)) {
    } else if (request == ES_STREAM_CLOSE && py_method(self, ES_Q_close, &call)) {
    } else if (request == ES_STREAM_FLUSH || request == ES_STREAM_CLOSE) {
        return 0;
    } else {
        *errcode = EINVAL;
        return ES_STREAM_ERROR;
    }
    if (!py_invoke(&call, errcode)) {
        return ES_STREAM_ERROR;
    }
    if (call.result == ES_OBJ_NONE) {
        return 0;
    }
    es_int_t value = es_obj_get_int(call.result);
    if (value < 0) {
        *errcode = (int)-value;
        return ES_STREAM_ERROR;
    }
    return (uintptr_t)value;
}

static const es_stream_p_t py_stream_p = {
    .read = py_stream_read,
    .write = py_stream_write,
    .ioctl = py_stream_ioctl,
    .is_text = false,
};

/* ---- lookup ---------------------------------------------------------------------------- */

static bool has_stream_methods(const es_type_t *type) {
    static const uint16_t names[] = {ES_Q_readinto, ES_Q_read, ES_Q_write, ES_Q_ioctl};
    for (size_t i = 0; i < ES_ARRAY_SIZE(names); i++) {
        es_obj_t m = es_type_lookup(type, names[i]);
        if (m != ES_OBJ_NULL && m != ES_OBJ_FROM_CONST(es_stream_read_obj)) {
            return true;
        }
    }
    return false;
}

const es_stream_p_t *es_get_stream(es_obj_t obj, bool raise) {
    const es_type_t *type = es_obj_get_type(obj);
    /* A user class calls its methods, even when it derives a C stream: the C operations
    ** expect the C object, and the class may override them. */
    if (type->flags & ES_TYPE_FLAG_IS_USER_CLASS) {
        if (has_stream_methods(type)) {
            return &py_stream_p;
        }
    } else if (type->protocol != NULL) {
        return type->protocol;
    }
    if (raise) {
        es_raise_msg_varg(&es_type_TypeError, "'%s' object is not a stream", es_obj_type_name(obj));
    }
    return NULL;
}

/* ---- C helpers ---------------------------------------------------------------------------- */

/*
** The looping helpers return how much was moved. When an error stops them after some bytes
** moved, they return that count and still set *errcode; with nothing moved, ES_STREAM_ERROR.
*/
size_t es_stream_read_exactly(es_obj_t stream, void *buf, size_t size, int *errcode) {
    const es_stream_p_t *p = es_get_stream(stream, true);
    size_t done = 0;
    *errcode = 0;
    while (done < size) {
        size_t n = p->read(stream, (uint8_t *)buf + done, size - done, errcode);
        if (n == ES_STREAM_ERROR) {
            return done == 0 ? ES_STREAM_ERROR : done;
        }
        if (n == 0) {
            break;
        }
        done += n;
    }
    return done;
}

size_t es_stream_write_all(es_obj_t stream, const void *buf, size_t size, int *errcode) {
    const es_stream_p_t *p = es_get_stream(stream, true);
    size_t done = 0;
    *errcode = 0;
    while (done < size) {
        size_t n = p->write(stream, (const uint8_t *)buf + done, size - done, errcode);
        if (n == ES_STREAM_ERROR) {
            return done == 0 ? ES_STREAM_ERROR : done;
        }
        if (n == 0) {
            *errcode = EIO;
            return done == 0 ? ES_STREAM_ERROR : done;
        }
        done += n;
    }
    return done;
}

uintptr_t es_stream_ioctl(es_obj_t stream, unsigned request, uintptr_t arg, int *errcode) {
    const es_stream_p_t *p = es_get_stream(stream, true);
    *errcode = 0;
    if (p->ioctl == NULL) {
        *errcode = EINVAL;
        return ES_STREAM_ERROR;
    }
    return p->ioctl(stream, request, arg, errcode);
}

void es_stream_write_or_raise(es_obj_t stream, const void *buf, size_t size) {
    int err;
    size_t n = es_stream_write_all(stream, buf, size, &err);
    if (n == ES_STREAM_ERROR || n < size) {
        es_raise_os_error(err != 0 ? err : EIO);
    }
}

/* ---- ready-made methods -------------------------------------------------------------------- */

static const es_stream_p_t *stream_of(es_obj_t self) {
    const es_stream_p_t *p = es_get_stream(self, true);
    return p;
}

es_obj_t es_stream_chunk(es_vstr_t *vstr, bool is_text) {
    if (is_text) {
        if (!es_utf8_is_valid((const uint8_t *)vstr->buf, vstr->len)) {
            es_raise_msg_varg(&es_type_UnicodeError, "'utf-8' codec can't decode byte 0x%02x",
                              (uint8_t)vstr->buf[es_utf8_first_invalid((const uint8_t *)vstr->buf, vstr->len)]);
        }
        return es_obj_new_str_from_vstr(&es_type_str, vstr);
    }
    return es_obj_new_str_from_vstr(&es_type_bytes, vstr);
}

/* Units of data: characters on a text stream (counted by their lead bytes), else bytes. */
static size_t whole_chars(const es_stream_p_t *p, const char *data, size_t len) {
    return p->is_text ? es_utf8_count((const uint8_t *)data, len) : len;
}

static bool is_partial_char(const char *data, size_t len) {
    /* The last lead byte announces more continuation bytes than follow it. */
    size_t i = len;
    while (i > 0 && es_utf8_is_cont((uint8_t)data[i - 1])) {
        i--;
    }
    if (i == 0) {
        return false;
    }
    uint8_t lead = (uint8_t)data[i - 1];
    size_t need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
    return len - i < need;
}

/* read(n) counts characters on text streams, bytes on binary ones; n < 0 reads to the end.
** With `once`, a single read call (read1). None when nothing is available now. */
static es_obj_t read_units(es_obj_t self, es_int_t n, bool once) {
    const es_stream_p_t *p = stream_of(self);
    es_vstr_t vstr;
    es_vstr_init(&vstr, n >= 0 && n < 256 ? (size_t)n + 1 : 256);
    size_t units = 0;
    for (;;) {
        size_t want;
        if (n < 0) {
            want = 256;
        } else if (units < (size_t)n) {
            want = (size_t)n - units;
        } else if (p->is_text && is_partial_char(vstr.buf, vstr.len)) {
            want = 1;
        } else {
            break;
        }
        int err;
        char *dest = es_vstr_extend(&vstr, want);
        size_t got = p->read(self, dest, want, &err);
        if (got == ES_STREAM_ERROR) {
            es_vstr_cut_tail_bytes(&vstr, want);
            if (err == EAGAIN) {
                if (vstr.len == 0) {
                    es_vstr_clear(&vstr);
                    return ES_OBJ_NONE;
                }
                break;
            }
            es_vstr_clear(&vstr);
            es_raise_os_error(err);
        }
        es_vstr_cut_tail_bytes(&vstr, want - got);
        if (got == 0) {
            break;
        }
        units += whole_chars(p, dest, got);
        if (once && !(p->is_text && is_partial_char(vstr.buf, vstr.len))) {
            break;
        }
    }
    return es_stream_chunk(&vstr, p->is_text);
}

es_int_t es_stream_size_arg(size_t n_args, const es_obj_t *args, size_t index) {
    return n_args > index && args[index] != ES_OBJ_NONE ? es_obj_get_int(args[index]) : -1;
}

static es_obj_t stream_read(size_t n_args, const es_obj_t *args) {
    return read_units(args[0], es_stream_size_arg(n_args, args, 1), false);
}
ES_DEFINE_FUN_VAR(es_stream_read_obj, ES_Q_read, 1, 2, stream_read);

static es_obj_t stream_read1(size_t n_args, const es_obj_t *args) {
    es_int_t n = es_stream_size_arg(n_args, args, 1);
    return read_units(args[0], n < 0 ? 256 : n, true);
}
ES_DEFINE_FUN_VAR(es_stream_read1_obj, ES_Q_read1, 1, 2, stream_read1);

static es_obj_t stream_readinto(size_t n_args, const es_obj_t *args) {
    const es_stream_p_t *p = stream_of(args[0]);
    es_buffer_info_t info;
    const es_type_t *type = es_obj_get_type(args[1]);
    if (type->buffer == NULL || type->buffer(args[1], &info, ES_BUFFER_WRITE) != 0) {
        es_raise_msg_varg(&es_type_TypeError, "'%s' object is not a writable buffer", es_obj_type_name(args[1]));
    }
    size_t len = info.len;
    if (n_args > 2) {
        es_int_t n = es_obj_get_int(args[2]);
        if (n >= 0 && (size_t)n < len) {
            len = (size_t)n;
        }
    }
    size_t done = 0;
    while (done < len) {
        int err;
        size_t got = p->read(args[0], (uint8_t *)info.buf + done, len - done, &err);
        if (got == ES_STREAM_ERROR) {
            if (err == EAGAIN) {
                if (done == 0) {
                    return ES_OBJ_NONE;
                }
                break;
            }
            es_raise_os_error(err);
        }
        if (got == 0) {
            break;
        }
        done += got;
    }
    return es_obj_new_int_from_uint(done);
}
ES_DEFINE_FUN_VAR(es_stream_readinto_obj, ES_Q_readinto, 2, 3, stream_readinto);

/* One line, read a byte at a time so nothing past the newline is consumed. */
static es_obj_t readline_of(es_obj_t self, es_int_t limit) {
    const es_stream_p_t *p = stream_of(self);
    es_vstr_t vstr;
    es_vstr_init(&vstr, 32);
    while (limit < 0 || (es_int_t)vstr.len < limit) {
        int err;
        char c;
        size_t got = p->read(self, &c, 1, &err);
        if (got == ES_STREAM_ERROR) {
            if (err == EAGAIN) {
                if (vstr.len == 0) {
                    es_vstr_clear(&vstr);
                    return ES_OBJ_NONE;
                }
                break;
            }
            es_vstr_clear(&vstr);
            es_raise_os_error(err);
        }
        if (got == 0) {
            break;
        }
        es_vstr_add_byte(&vstr, (uint8_t)c);
        if (c == '\n') {
            break;
        }
    }
    /* A text line never ends in the middle of a character. */
    while (p->is_text && is_partial_char(vstr.buf, vstr.len)) {
        int err;
        char c;
        size_t got = p->read(self, &c, 1, &err);
        if (got == ES_STREAM_ERROR || got == 0) {
            break;
        }
        es_vstr_add_byte(&vstr, (uint8_t)c);
    }
    return es_stream_chunk(&vstr, p->is_text);
}

static es_obj_t stream_readline(size_t n_args, const es_obj_t *args) {
    return readline_of(args[0], es_stream_size_arg(n_args, args, 1));
}
ES_DEFINE_FUN_VAR(es_stream_readline_obj, ES_Q_readline, 1, 2, stream_readline);

es_obj_t es_stream_collect_lines(es_obj_t stream, es_obj_t (*next_line)(es_obj_t stream), es_int_t hint) {
    es_obj_t list = es_obj_new_list(0, NULL);
    es_int_t total = 0;
    for (;;) {
        es_obj_t line = next_line(stream);
        if (line == ES_OBJ_NONE) {
            break;
        }
        size_t len;
        es_obj_str_get_data(line, &len);
        if (len == 0) {
            break;
        }
        es_obj_list_append(list, line);
        total += (es_int_t)len;
        if (hint > 0 && total >= hint) {
            break;
        }
    }
    return list;
}

static es_obj_t whole_line(es_obj_t self) {
    return readline_of(self, -1);
}

static es_obj_t stream_readlines(size_t n_args, const es_obj_t *args) {
    return es_stream_collect_lines(args[0], whole_line, es_stream_size_arg(n_args, args, 1));
}
ES_DEFINE_FUN_VAR(es_stream_readlines_obj, ES_Q_readlines, 1, 2, stream_readlines);

es_obj_t es_stream_iternext(es_obj_t self) {
    es_obj_t line = whole_line(self);
    if (line == ES_OBJ_NONE) {
        return ES_OBJ_STOP_ITERATION;
    }
    size_t len;
    es_obj_str_get_data(line, &len);
    return len == 0 ? ES_OBJ_STOP_ITERATION : line;
}

/* write(buf[, off[, n]]): str or any buffer; returns bytes written (characters on text
** streams), None if the stream could take nothing now. */
static es_obj_t stream_write(size_t n_args, const es_obj_t *args) {
    const es_stream_p_t *p = stream_of(args[0]);
    const char *data;
    size_t len;
    if (es_obj_is_str(args[1])) {
        data = es_obj_str_get_data(args[1], &len);
    } else {
        es_buffer_info_t info;
        const es_type_t *type = es_obj_get_type(args[1]);
        if (p->is_text || type->buffer == NULL || type->buffer(args[1], &info, ES_BUFFER_READ) != 0) {
            es_raise_msg_varg(&es_type_TypeError, p->is_text ? "write() argument must be str, not %s"
                                                             : "a bytes-like object is required, not '%s'",
                              es_obj_type_name(args[1]));
        }
        data = info.buf;
        len = info.len;
    }
    if (n_args > 2) {
        es_int_t off = es_obj_get_int(args[2]);
        if (off < 0 || (size_t)off > len) {
            es_raise_msg(&es_type_ValueError, "offset out of range");
        }
        data += off;
        len -= (size_t)off;
        if (n_args > 3) {
            es_int_t n = es_obj_get_int(args[3]);
            if (n >= 0 && (size_t)n < len) {
                len = (size_t)n;
            }
        }
    }
    int err;
    size_t done = es_stream_write_all(args[0], data, len, &err);
    if (done == ES_STREAM_ERROR) {
        if (err == EAGAIN) {
            return ES_OBJ_NONE;
        }
        es_raise_os_error(err);
    }
    if (err != 0 && err != EAGAIN) {
        es_raise_os_error(err);
    }
    return es_obj_new_int_from_uint(whole_chars(p, data, done));
}
ES_DEFINE_FUN_VAR(es_stream_write_obj, ES_Q_write, 2, 4, stream_write);

static uintptr_t ioctl_or_raise(es_obj_t self, unsigned request, uintptr_t arg) {
    int err;
    uintptr_t result = es_stream_ioctl(self, request, arg, &err);
    if (result == ES_STREAM_ERROR) {
        es_raise_os_error(err);
    }
    return result;
}

static es_obj_t stream_flush(es_obj_t self) {
    ioctl_or_raise(self, ES_STREAM_FLUSH, 0);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_1(es_stream_flush_obj, ES_Q_flush, stream_flush);

static es_obj_t stream_close(es_obj_t self) {
    ioctl_or_raise(self, ES_STREAM_CLOSE, 0);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_1(es_stream_close_obj, ES_Q_close, stream_close);

static es_obj_t stream_seek(size_t n_args, const es_obj_t *args) {
    es_stream_seek_t seek;
    seek.offset = es_obj_get_int(args[1]);
    seek.whence = n_args > 2 ? (int)es_obj_get_int(args[2]) : 0;
    if (seek.whence < 0 || seek.whence > 2) {
        es_raise_msg_varg(&es_type_ValueError, "invalid whence (%d, should be 0, 1 or 2)", seek.whence);
    }
    ioctl_or_raise(args[0], ES_STREAM_SEEK, (uintptr_t)&seek);
    return es_obj_new_int_from_ll(seek.offset);
}
ES_DEFINE_FUN_VAR(es_stream_seek_obj, ES_Q_seek, 2, 3, stream_seek);

static es_obj_t stream_tell(es_obj_t self) {
    es_stream_seek_t seek = {0, 1};
    ioctl_or_raise(self, ES_STREAM_SEEK, (uintptr_t)&seek);
    return es_obj_new_int_from_ll(seek.offset);
}
ES_DEFINE_FUN_1(es_stream_tell_obj, ES_Q_tell, stream_tell);

/* ioctl(request[, arg]): arg an int or a buffer (passed as its address). */
static es_obj_t stream_ioctl(size_t n_args, const es_obj_t *args) {
    uintptr_t arg = 0;
    if (n_args > 2) {
        es_buffer_info_t info;
        const es_type_t *type = es_obj_get_type(args[2]);
        if (!es_obj_is_small_int(args[2]) && type->buffer != NULL && type->buffer(args[2], &info, ES_BUFFER_WRITE) == 0) {
            arg = (uintptr_t)info.buf;
        } else {
            arg = (uintptr_t)es_obj_get_int(args[2]);
        }
    }
    unsigned request = (unsigned)es_obj_get_int(args[1]);
    if (request == ES_STREAM_SEEK) {
        es_raise_msg(&es_type_ValueError, "use seek()");
    }
    return es_obj_new_int_from_uint(ioctl_or_raise(args[0], request, arg));
}
ES_DEFINE_FUN_VAR(es_stream_ioctl_obj, ES_Q_ioctl, 2, 3, stream_ioctl);

static es_obj_t stream_enter(es_obj_t self) {
    return self;
}
ES_DEFINE_FUN_1(es_stream_enter_obj, ES_Q___enter__, stream_enter);

static es_obj_t stream_exit(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    es_obj_t dest[2];
    es_load_method(args[0], ES_Q_close, dest);
    es_call_method_n_kw(0, 0, dest);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_VAR(es_stream_exit_obj, ES_Q___exit__, 1, 4, stream_exit);
