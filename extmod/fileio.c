/* fileio.c: file objects for open(): binary (FileIO) and text (TextIOWrapper) over a filesystem's raw file. */

#include <errno.h>
#include <string.h>

#include "extmod/binary.h"
#include "extmod/fileio.h"
#include "py/gc.h"
#include "py/portio.h"
#include "py/runtime.h"
#include "py/stream.h"
#include "py/unicode.h"

#define READ_CHUNK (128)

/*
** One layout for both kinds. Reads go through a small buffer so readline() does not cost a
** port call per byte; before any write, seek or tell the unread part is given back to the
** descriptor, so its position is always the file's logical position.
*/
typedef struct file_obj_t {
    es_obj_base_t base;
    const es_file_ops_t *ops;
    es_obj_t handle;
    bool closed;
    bool readable;
    bool writable;
    es_obj_t name;
    es_obj_t mode;
    uint16_t rpos;
    uint16_t rlen;
    uint8_t rbuf[READ_CHUNK];
} file_obj_t;

static bool is_text(const file_obj_t *f) {
    return f->base.type == &es_type_textio;
}

_Noreturn void es_file_raise_errno(int err) {
    const char *text = es_errno_name(err);
    es_obj_t args[2] = {es_obj_new_small_int(err), es_obj_new_str_from_cstr(text != NULL ? text : "error")};
    const es_type_t *type = err == ENOENT ? &es_type_FileNotFoundError
                            : err == EEXIST ? &es_type_FileExistsError
                                            : &es_type_OSError;
    es_raise(es_obj_new_exception_args(type, 2, args));
}

static long check(long result) {
    if (result < 0) {
        es_file_raise_errno((int)-result);
    }
    return result;
}

static file_obj_t *open_file_of(es_obj_t self) {
    file_obj_t *f = es_obj_to_ptr(self);
    if (f->closed) {
        es_raise_msg(&es_type_ValueError, "I/O operation on closed file.");
    }
    return f;
}

static file_obj_t *readable_file(es_obj_t self) {
    file_obj_t *f = open_file_of(self);
    if (!f->readable) {
        es_raise_msg(&es_type_OSError, "not readable");
    }
    return f;
}

static file_obj_t *writable_file(es_obj_t self) {
    file_obj_t *f = open_file_of(self);
    if (!f->writable) {
        es_raise_msg(&es_type_OSError, "not writable");
    }
    return f;
}

/* Gives unread buffered bytes back to the descriptor. */
static void drop_read_buffer(file_obj_t *f) {
    if (f->rpos < f->rlen) {
        check(f->ops->seek(f->handle, -(long)(f->rlen - f->rpos), 1));
    }
    f->rpos = f->rlen = 0;
}

/* Copies up to size buffered bytes to dest; returns how many. */
static size_t take_buffered(file_obj_t *f, void *dest, size_t size) {
    size_t take = f->rlen - f->rpos;
    if (take > size) {
        take = size;
    }
    memcpy(dest, f->rbuf + f->rpos, take);
    f->rpos += (uint16_t)take;
    return take;
}

/* Next raw byte, or -1 at end of file. */
static int peek_byte(file_obj_t *f) {
    if (f->rpos == f->rlen) {
        f->rpos = f->rlen = 0;
        f->rlen = (uint16_t)check(f->ops->read(f->handle, f->rbuf, READ_CHUNK));
        if (f->rlen == 0) {
            return -1;
        }
    }
    return f->rbuf[f->rpos];
}

/* Next byte; text mode turns "\r\n" and "\r" into "\n" (universal newlines). */
static int next_byte(file_obj_t *f) {
    int c = peek_byte(f);
    if (c < 0) {
        return -1;
    }
    f->rpos++;
    if (c == '\r' && is_text(f)) {
        if (peek_byte(f) == '\n') {
            f->rpos++;
        }
        c = '\n';
    }
    return c;
}

/* Reads n units (characters for text, bytes for binary), or all when n < 0. */
static es_obj_t read_units(file_obj_t *f, es_int_t n) {
    es_vstr_t vstr;
    es_vstr_init(&vstr, n >= 0 && n < 256 ? (size_t)n + 1 : 256);
    es_int_t units = 0;
    for (;;) {
        int c = peek_byte(f);
        if (c < 0) {
            break;
        }
        /* A character ends only after its UTF-8 continuation bytes. */
        bool continuation = is_text(f) && (c & 0xc0) == 0x80;
        if (n >= 0 && units >= n && !continuation) {
            break;
        }
        es_vstr_add_byte(&vstr, (uint8_t)next_byte(f));
        if (!continuation) {
            units++;
        }
    }
    return es_stream_chunk(&vstr, is_text(f));
}

static es_obj_t readline_of(file_obj_t *f, es_int_t limit) {
    es_vstr_t vstr;
    es_vstr_init(&vstr, 64);
    while (limit < 0 || (es_int_t)vstr.len < limit) {
        int c = next_byte(f);
        if (c < 0) {
            break;
        }
        es_vstr_add_byte(&vstr, (uint8_t)c);
        if (c == '\n') {
            break;
        }
    }
    return es_stream_chunk(&vstr, is_text(f));
}

static es_obj_t file_read(size_t n_args, const es_obj_t *args) {
    file_obj_t *f = readable_file(args[0]);
    return read_units(f, es_stream_size_arg(n_args, args, 1));
}
static ES_DEFINE_FUN_VAR(file_read_obj, ES_Q_read, 1, 2, file_read);

static es_obj_t file_readline(size_t n_args, const es_obj_t *args) {
    file_obj_t *f = readable_file(args[0]);
    return readline_of(f, es_stream_size_arg(n_args, args, 1));
}
static ES_DEFINE_FUN_VAR(file_readline_obj, ES_Q_readline, 1, 2, file_readline);

static es_obj_t whole_line(es_obj_t self) {
    return readline_of(es_obj_to_ptr(self), -1);
}

static es_obj_t file_readlines(size_t n_args, const es_obj_t *args) {
    readable_file(args[0]);
    return es_stream_collect_lines(args[0], whole_line, es_stream_size_arg(n_args, args, 1));
}
static ES_DEFINE_FUN_VAR(file_readlines_obj, ES_Q_readlines, 1, 2, file_readlines);

static es_obj_t file_readinto(es_obj_t self, es_obj_t buffer) {
    file_obj_t *f = readable_file(self);
    es_buffer_info_t info;
    es_get_buffer_raise(buffer, &info, ES_BUFFER_WRITE);
    size_t got = 0;
    uint8_t *dest = info.buf;
    while (got < info.len && peek_byte(f) >= 0) {
        got += take_buffered(f, dest + got, info.len - got);
    }
    return es_obj_new_small_int((es_int_t)got);
}
static ES_DEFINE_FUN_2(file_readinto_obj, ES_Q_readinto, file_readinto);

static void write_all(file_obj_t *f, const char *data, size_t len) {
    drop_read_buffer(f);
    while (len > 0) {
        long n = check(f->ops->write(f->handle, data, len));
        if (n == 0) {
            es_file_raise_errno(EIO);
        }
        data += n;
        len -= (size_t)n;
    }
}

static es_obj_t file_write(es_obj_t self, es_obj_t data) {
    file_obj_t *f = writable_file(self);
    if (is_text(f)) {
        if (!es_obj_is_str(data)) {
            es_raise_msg_varg(&es_type_TypeError, "write() argument must be str, not %s", es_obj_type_name(data));
        }
        size_t len;
        const char *str = es_obj_str_get_data(data, &len);
        write_all(f, str, len);
        return es_obj_new_small_int((es_int_t)es_utf8_count((const uint8_t *)str, len));
    }
    if (es_obj_is_str(data)) {
        es_raise_msg_varg(&es_type_TypeError, "a bytes-like object is required, not '%s'", es_obj_type_name(data));
    }
    es_buffer_info_t info;
    es_get_buffer_raise(data, &info, ES_BUFFER_READ);
    write_all(f, info.buf, info.len);
    return es_obj_new_small_int((es_int_t)info.len);
}
static ES_DEFINE_FUN_2(file_write_obj, ES_Q_write, file_write);

static es_obj_t file_writelines(es_obj_t self, es_obj_t lines) {
    es_obj_t iter = es_getiter(lines, NULL);
    es_obj_t line;
    while ((line = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        file_write(self, line);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(file_writelines_obj, ES_Q_writelines, file_writelines);

static es_obj_t file_seek(size_t n_args, const es_obj_t *args) {
    file_obj_t *f = open_file_of(args[0]);
    es_int_t offset = es_obj_get_int(args[1]);
    es_int_t whence = n_args > 2 ? es_obj_get_int(args[2]) : 0;
    if (whence < 0 || whence > 2) {
        es_raise_msg_varg(&es_type_ValueError, "invalid whence (%d, should be 0, 1 or 2)", (int)whence);
    }
    if (whence == 0 && offset < 0) {
        es_raise_msg_varg(&es_type_ValueError, "negative seek position %d", (int)offset);
    }
    if (is_text(f) && whence != 0 && offset != 0) {
        es_raise_msg(&es_type_OSError, whence == 1 ? "can't do nonzero cur-relative seeks"
                                                   : "can't do nonzero end-relative seeks");
    }
    drop_read_buffer(f);
    return es_obj_new_int(check(f->ops->seek(f->handle, (long)offset, (int)whence)));
}
static ES_DEFINE_FUN_VAR(file_seek_obj, ES_Q_seek, 2, 3, file_seek);

static es_obj_t file_tell(es_obj_t self) {
    file_obj_t *f = open_file_of(self);
    drop_read_buffer(f);
    return es_obj_new_int(check(f->ops->seek(f->handle, 0, 1)));
}
static ES_DEFINE_FUN_1(file_tell_obj, ES_Q_tell, file_tell);

static es_obj_t file_flush(es_obj_t self) {
    open_file_of(self);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(file_flush_obj, ES_Q_flush, file_flush);

static es_obj_t file_close(es_obj_t self) {
    file_obj_t *f = es_obj_to_ptr(self);
    if (!f->closed) {
        f->closed = true;
        check(f->ops->close(f->handle));
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(file_close_obj, ES_Q_close, file_close);

/* The collector's finaliser calls __del__: a forgotten file gives its descriptor back. */
static es_obj_t file_del(es_obj_t self) {
    file_obj_t *f = es_obj_to_ptr(self);
    if (!f->closed) {
        f->closed = true;
        f->ops->close(f->handle);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(file_del_obj, ES_Q___del__, file_del);

static es_obj_t file_fileno(es_obj_t self) {
    file_obj_t *f = open_file_of(self);
    if (f->ops != &es_file_port_ops) {
        es_file_raise_errno(EOPNOTSUPP);
    }
    return f->handle;
}
static ES_DEFINE_FUN_1(file_fileno_obj, ES_Q_fileno, file_fileno);

static es_obj_t file_enter(es_obj_t self) {
    open_file_of(self);
    return self;
}
static ES_DEFINE_FUN_1(file_enter_obj, ES_Q___enter__, file_enter);

static es_obj_t file_exit(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    return file_close(args[0]);
}
static ES_DEFINE_FUN_VAR(file_exit_obj, ES_Q___exit__, 1, 4, file_exit);

static es_obj_t file_bool_query(es_obj_t self, bool value) {
    open_file_of(self);
    return es_obj_new_bool(value);
}
static es_obj_t file_readable(es_obj_t self) {
    return file_bool_query(self, ((file_obj_t *)es_obj_to_ptr(self))->readable);
}
static ES_DEFINE_FUN_1(file_readable_obj, ES_Q_readable, file_readable);
static es_obj_t file_writable(es_obj_t self) {
    return file_bool_query(self, ((file_obj_t *)es_obj_to_ptr(self))->writable);
}
static ES_DEFINE_FUN_1(file_writable_obj, ES_Q_writable, file_writable);

static void file_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    file_obj_t *f = es_obj_to_ptr(self);
    if (attr == ES_Q_closed) {
        dest[0] = es_obj_new_bool(f->closed);
    } else if (attr == ES_Q_name) {
        dest[0] = f->name;
    } else if (attr == ES_Q_mode) {
        dest[0] = f->mode;
    } else if (attr == ES_Q_encoding && is_text(f)) {
        dest[0] = es_obj_new_str_from_cstr("UTF-8");
    }
}

static void file_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    file_obj_t *f = es_obj_to_ptr(self);
    if (f->closed) {
        es_printf(print, "<_io.%q [closed]>", (es_qstr_t)f->base.type->name);
    } else if (is_text(f)) {
        es_printf(print, "<_io.%q name=%R mode=%R encoding='UTF-8'>", (es_qstr_t)f->base.type->name, f->name, f->mode);
    } else {
        es_printf(print, "<_io.%q name=%R>", (es_qstr_t)f->base.type->name, f->name);
    }
}

static es_obj_t file_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    open_file_of(self);
    return self;
}

static es_obj_t file_iternext(es_obj_t self) {
    es_obj_t line = readline_of(readable_file(self), -1);
    size_t len;
    es_obj_str_get_data(line, &len);
    return len == 0 ? ES_OBJ_STOP_ITERATION : line;
}

/* ---- the stream protocol: raw bytes, for C callers (dupterm, json.load, select) ---------- */

static size_t file_stream_read(es_obj_t self, void *buf, size_t size, int *errcode) {
    file_obj_t *f = es_obj_to_ptr(self);
    if (f->closed || !f->readable) {
        *errcode = EBADF;
        return ES_STREAM_ERROR;
    }
    if (f->rpos < f->rlen) {
        return take_buffered(f, buf, size);
    }
    long n = f->ops->read(f->handle, buf, size);
    if (n < 0) {
        *errcode = (int)-n;
        return ES_STREAM_ERROR;
    }
    return (size_t)n;
}

/* Gives unread buffered bytes back to the raw file; 0 or a negative errno. */
static long give_back_read_buffer(file_obj_t *f) {
    long result = 0;
    if (f->rpos < f->rlen) {
        result = f->ops->seek(f->handle, -(long)(f->rlen - f->rpos), 1);
    }
    f->rpos = f->rlen = 0;
    return result < 0 ? result : 0;
}

static size_t file_stream_write(es_obj_t self, const void *buf, size_t size, int *errcode) {
    file_obj_t *f = es_obj_to_ptr(self);
    if (f->closed || !f->writable) {
        *errcode = EBADF;
        return ES_STREAM_ERROR;
    }
    long n = give_back_read_buffer(f);
    if (n == 0) {
        n = f->ops->write(f->handle, buf, size);
    }
    if (n < 0) {
        *errcode = (int)-n;
        return ES_STREAM_ERROR;
    }
    return (size_t)n;
}

static uintptr_t file_stream_ioctl(es_obj_t self, unsigned request, uintptr_t arg, int *errcode) {
    file_obj_t *f = es_obj_to_ptr(self);
    if (request == ES_STREAM_CLOSE) {
        file_close(self);
        return 0;
    }
    if (f->closed) {
        *errcode = EBADF;
        return ES_STREAM_ERROR;
    }
    long result = 0;
    switch (request) {
        case ES_STREAM_FLUSH:
            break;
        case ES_STREAM_SEEK: {
            es_stream_seek_t *seek = (es_stream_seek_t *)arg;
            result = give_back_read_buffer(f);
            if (result == 0) {
                result = f->ops->seek(f->handle, (long)seek->offset, seek->whence);
            }
            if (result >= 0) {
                seek->offset = result;
                result = 0;
            }
            break;
        }
        case ES_STREAM_POLL:
            return arg & (ES_STREAM_POLL_RD | ES_STREAM_POLL_WR);
        case ES_STREAM_GET_FILENO:
            if (f->ops == &es_file_port_ops) {
                return (uintptr_t)es_small_int_value(f->handle);
            }
            result = -EINVAL;
            break;
        default:
            result = -EINVAL;
            break;
    }
    if (result < 0) {
        *errcode = (int)-result;
        return ES_STREAM_ERROR;
    }
    return (uintptr_t)result;
}

static const es_stream_p_t fileio_stream_p = {
    .read = file_stream_read,
    .write = file_stream_write,
    .ioctl = file_stream_ioctl,
    .is_text = false,
};

static const es_stream_p_t textio_stream_p = {
    .read = file_stream_read,
    .write = file_stream_write,
    .ioctl = file_stream_ioctl,
    .is_text = true,
};

static const es_map_elem_t file_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(file_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readline), ES_OBJ_FROM_CONST(file_readline_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readlines), ES_OBJ_FROM_CONST(file_readlines_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readinto), ES_OBJ_FROM_CONST(file_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write), ES_OBJ_FROM_CONST(file_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_writelines), ES_OBJ_FROM_CONST(file_writelines_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_seek), ES_OBJ_FROM_CONST(file_seek_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_tell), ES_OBJ_FROM_CONST(file_tell_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_flush), ES_OBJ_FROM_CONST(file_flush_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_close), ES_OBJ_FROM_CONST(file_close_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_fileno), ES_OBJ_FROM_CONST(file_fileno_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readable), ES_OBJ_FROM_CONST(file_readable_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_writable), ES_OBJ_FROM_CONST(file_writable_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___del__), ES_OBJ_FROM_CONST(file_del_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___enter__), ES_OBJ_FROM_CONST(file_enter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___exit__), ES_OBJ_FROM_CONST(file_exit_obj)},
};
static ES_DEFINE_CONST_DICT(file_locals_dict, file_locals_table);

const es_type_t es_type_fileio = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_HAS_FINALISER,
    .name = ES_Q_FileIO,
    .print = file_print,
    .attr = file_attr,
    .getiter = file_getiter,
    .iternext = file_iternext,
    .protocol = &fileio_stream_p,
    .locals_dict = (es_obj_dict_t *)&file_locals_dict,
};

const es_type_t es_type_textio = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF | ES_TYPE_FLAG_HAS_FINALISER,
    .name = ES_Q_TextIOWrapper,
    .print = file_print,
    .attr = file_attr,
    .getiter = file_getiter,
    .iternext = file_iternext,
    .protocol = &textio_stream_p,
    .locals_dict = (es_obj_dict_t *)&file_locals_dict,
};

/* ---- raw files on the port's descriptors (py/portio.h) --------------------------------- */

static long port_read(es_obj_t handle, void *buf, size_t len) {
    return es_port_file_read((int)es_small_int_value(handle), buf, len);
}
static long port_write(es_obj_t handle, const void *buf, size_t len) {
    return es_port_file_write((int)es_small_int_value(handle), buf, len);
}
static long port_seek(es_obj_t handle, long offset, int whence) {
    return es_port_file_seek((int)es_small_int_value(handle), offset, whence);
}
static int port_close(es_obj_t handle) {
    return es_port_file_close((int)es_small_int_value(handle));
}

const es_file_ops_t es_file_port_ops = {port_read, port_write, port_seek, port_close};

es_obj_t es_file_open_descriptor(const char *path, const es_file_mode_t *mode, es_obj_t name) {
    int fd = es_port_file_open(path, mode->flags);
    if (fd == -EMFILE || fd == -ENFILE) {
        /* Forgotten files may be holding descriptors: let their finalisers give them back. */
        es_gc_collect();
        fd = es_port_file_open(path, mode->flags);
    }
    check(fd);
    return es_file_new(&es_file_port_ops, es_obj_new_small_int(fd), mode, name);
}

es_obj_t es_file_open_port(const char *path, const es_file_mode_t *mode) {
    if (es_port_stat_kind(path) == 2) {
        es_file_raise_errno(EISDIR);
    }
    return es_file_open_descriptor(path, mode, ES_OBJ_NONE);
}

/* ---- modes and new file objects --------------------------------------------------------- */

void es_file_parse_mode(es_obj_t mode_obj, es_obj_t encoding, es_file_mode_t *out) {
    if (!es_obj_is_str(mode_obj)) {
        es_raise_msg_varg(&es_type_TypeError, "open() argument 'mode' must be str, not %s", es_obj_type_name(mode_obj));
    }
    size_t mode_len;
    const char *mode = es_obj_str_get_data(mode_obj, &mode_len);
    bool binary = false, text = false, plus = false;
    char kind = 0;
    unsigned seen = 0;
    for (size_t i = 0; i < mode_len; i++) {
        const char *at = strchr("rwxabt+", mode[i]);
        if (mode[i] == 0 || at == NULL || (seen & (1u << (at - "rwxabt+")))) {
            es_raise_msg_varg(&es_type_ValueError, "invalid mode: '%s'", mode);
        }
        seen |= 1u << (at - "rwxabt+");
        switch (mode[i]) {
            case 'b': binary = true; break;
            case 't': text = true; break;
            case '+': plus = true; break;
            default:
                if (kind != 0) {
                    es_raise_msg(&es_type_ValueError, "must have exactly one of create/read/write/append mode");
                }
                kind = mode[i];
                break;
        }
    }
    if (binary && text) {
        es_raise_msg(&es_type_ValueError, "can't have text and binary mode at once");
    }
    if (kind == 0) {
        es_raise_msg(&es_type_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    }
    if (binary && encoding != ES_OBJ_NONE) {
        es_raise_msg(&es_type_ValueError, "binary mode doesn't take an encoding argument");
    }
    int flags;
    switch (kind) {
        case 'r': flags = ES_FILE_READ; break;
        case 'w': flags = ES_FILE_WRITE | ES_FILE_CREATE | ES_FILE_TRUNC; break;
        case 'a': flags = ES_FILE_WRITE | ES_FILE_CREATE | ES_FILE_APPEND; break;
        default: flags = ES_FILE_WRITE | ES_FILE_CREATE | ES_FILE_EXCL; break;
    }
    if (plus) {
        flags |= ES_FILE_READ | ES_FILE_WRITE;
    }
    out->flags = flags;
    out->binary = binary;
    out->plus = plus;
    out->kind = kind;
    out->mode = mode_obj;
}

es_obj_t es_file_new(const es_file_ops_t *ops, es_obj_t handle, const es_file_mode_t *mode, es_obj_t name) {
    file_obj_t *f = es_alloc_with_finaliser(sizeof(file_obj_t));
    f->base.type = mode->binary ? &es_type_fileio : &es_type_textio;
    f->ops = ops;
    f->handle = handle;
    f->readable = (mode->flags & ES_FILE_READ) != 0;
    f->writable = (mode->flags & ES_FILE_WRITE) != 0;
    f->name = name;
    if (mode->binary) {
        /* CPython's binary files report a normalised mode. */
        char norm[4];
        size_t n = 0;
        norm[n++] = mode->kind;
        norm[n++] = 'b';
        if (mode->plus) {
            norm[n++] = '+';
        }
        f->mode = es_obj_new_str(norm, n);
    } else {
        f->mode = mode->mode;
    }
    if (mode->kind == 'a') {
        ops->seek(handle, 0, 2);
    }
    return es_obj_from_ptr(f);
}

void es_file_set_name(es_obj_t file, es_obj_t name) {
    const es_type_t *type = es_obj_get_type(file);
    if (type == &es_type_fileio || type == &es_type_textio) {
        ((file_obj_t *)es_obj_to_ptr(file))->name = name;
    }
}

/* ---- open() ---------------------------------------------------------------------------- */

static es_obj_t io_open(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    static const es_arg_t allowed[] = {
        {ES_Q_file, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_mode, ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_QSTR(ES_Q_r)}},
        {ES_Q_buffering, ES_ARG_INT, {.u_int = -1}},
        {ES_Q_encoding, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_errors, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_newline, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
    };
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all(n_args, args, kw, ES_ARRAY_SIZE(allowed), allowed, vals);
    es_obj_t file = vals[0].u_obj;
    es_file_mode_t mode;
    es_file_parse_mode(vals[1].u_obj, vals[3].u_obj, &mode);

    if (es_obj_is_small_int(file)) {
        /* An open descriptor, as CPython's open(fd). */
        if (es_small_int_value(file) < 0) {
            es_raise_msg(&es_type_ValueError, "negative file descriptor");
        }
        return es_file_new(&es_file_port_ops, file, &mode, file);
    }
    es_obj_t result = es_vfs_open(file, &mode);
    es_file_set_name(result, file);
    return result;
}
ES_DEFINE_FUN_KW(es_io_open_obj, ES_Q_open, 1, io_open);
