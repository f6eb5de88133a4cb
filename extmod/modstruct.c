/* modstruct.c: the struct module: pack and unpack C values by format string; errors are ValueError (struct.error). */

#include <string.h>

#include "extmod/binary.h"
#include "py/runtime.h"

/*
** A format is an optional byte-order character (@ native with alignment, = native order
** with standard sizes, < little, > and ! big), then items: an optional count and a code.
** Whitespace between items is ignored. As in MicroPython, struct.error is ValueError itself.
*/
typedef struct format_t {
    const char *p;
    const char *end;
    bool native;
    bool big_endian;
} format_t;

typedef struct format_item_t {
    size_t count;
    char code;
    size_t size; /* of one value (1 for x, s, p) */
    size_t align;
} format_item_t;

static void format_start(es_obj_t fmt_in, format_t *fmt) {
    size_t len;
    if (!es_obj_is_str_or_bytes(fmt_in)) {
        es_raise_msg_varg(&es_type_TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                          es_obj_type_name(fmt_in));
    }
    const char *s = es_obj_str_get_data(fmt_in, &len);
    fmt->p = s;
    fmt->end = s + len;
    fmt->native = true;
    fmt->big_endian = es_binary_native_big_endian();
    if (len > 0) {
        switch (s[0]) {
            case '@':
                fmt->p++;
                break;
            case '=':
                fmt->native = false;
                fmt->p++;
                break;
            case '<':
                fmt->native = false;
                fmt->big_endian = false;
                fmt->p++;
                break;
            case '>':
            case '!':
                fmt->native = false;
                fmt->big_endian = true;
                fmt->p++;
                break;
            default:
                break;
        }
    }
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Reads the next item; false at the end of the format. */
static bool format_next(format_t *fmt, format_item_t *item) {
    while (fmt->p < fmt->end && is_space(*fmt->p)) {
        fmt->p++;
    }
    if (fmt->p == fmt->end) {
        return false;
    }
    size_t count = 1;
    if (*fmt->p >= '0' && *fmt->p <= '9') {
        count = 0;
        while (fmt->p < fmt->end && *fmt->p >= '0' && *fmt->p <= '9') {
            if (count > ((size_t)-1 - 9) / 10) {
                es_raise_msg(&es_type_ValueError, "total struct size too long");
            }
            count = count * 10 + (size_t)(*fmt->p++ - '0');
        }
        if (fmt->p == fmt->end) {
            es_raise_msg(&es_type_ValueError, "repeat count given without format specifier");
        }
    }
    char code = *fmt->p++;
    item->count = count;
    item->code = code;
    if (code == 'x' || code == 's' || code == 'p') {
        item->size = 1;
        item->align = 1;
    } else {
        item->size = es_binary_size(code, fmt->native, &item->align);
        if (item->size == 0) {
            es_raise_msg(&es_type_ValueError, "bad char in struct format");
        }
    }
    return true;
}

static bool item_is_string(const format_item_t *item) {
    return item->code == 's' || item->code == 'p';
}

/* Total byte size and the number of values the format takes. */
static size_t format_size(es_obj_t fmt_in, size_t *n_values) {
    format_t fmt;
    format_item_t item;
    format_start(fmt_in, &fmt);
    size_t size = 0;
    size_t values = 0;
    while (format_next(&fmt, &item)) {
        if (fmt.native) {
            size = ES_ALIGN_UP(size, item.align);
        }
        size += item.count * item.size;
        if (item_is_string(&item)) {
            values += 1;
        } else if (item.code != 'x') {
            values += item.count;
        }
    }
    if (n_values != NULL) {
        *n_values = values;
    }
    return size;
}

static void pack_string(uint8_t *p, const format_item_t *item, es_obj_t value) {
    es_buffer_info_t info;
    const es_type_t *type = es_obj_get_type(value);
    if (es_obj_is_str(value) || type->buffer == NULL || type->buffer(value, &info, ES_BUFFER_READ) != 0) {
        es_raise_msg_varg(&es_type_ValueError, "argument for '%c' must be a bytes object", item->code);
    }
    size_t n = info.len;
    if (item->code == 's') {
        if (n > item->count) {
            n = item->count;
        }
        memcpy(p, info.buf, n);
        return;
    }
    /* Pascal string: a length byte, then up to count - 1 bytes. */
    if (item->count == 0) {
        return;
    }
    if (n > item->count - 1) {
        n = item->count - 1;
    }
    if (n > 255) {
        n = 255;
    }
    p[0] = (uint8_t)n;
    memcpy(p + 1, info.buf, n);
}

/* Packs values into buf, which has room for format_size() bytes (already zeroed where padding goes). */
static void pack_values(es_obj_t fmt_in, uint8_t *buf, size_t n_args, const es_obj_t *args, const char *who) {
    size_t n_values;
    format_size(fmt_in, &n_values);
    if (n_args != n_values) {
        es_raise_msg_varg(&es_type_ValueError, "%s expected %u items for packing (got %u)", who, (unsigned)n_values,
                          (unsigned)n_args);
    }
    format_t fmt;
    format_item_t item;
    format_start(fmt_in, &fmt);
    size_t offset = 0;
    size_t arg = 0;
    while (format_next(&fmt, &item)) {
        if (fmt.native) {
            size_t aligned = ES_ALIGN_UP(offset, item.align);
            memset(buf + offset, 0, aligned - offset);
            offset = aligned;
        }
        if (item.code == 'x') {
            memset(buf + offset, 0, item.count);
            offset += item.count;
        } else if (item_is_string(&item)) {
            memset(buf + offset, 0, item.count);
            pack_string(buf + offset, &item, args[arg++]);
            offset += item.count;
        } else {
            for (size_t i = 0; i < item.count; i++) {
                es_binary_set(buf + offset, item.code, item.size, fmt.big_endian, args[arg++]);
                offset += item.size;
            }
        }
    }
}

static es_obj_t unpack_values(es_obj_t fmt_in, const uint8_t *buf) {
    size_t n_values;
    format_size(fmt_in, &n_values);
    es_obj_t tuple = es_obj_new_tuple(n_values, NULL);
    es_obj_t *items = ((es_obj_tuple_t *)es_obj_to_ptr(tuple))->items;
    format_t fmt;
    format_item_t item;
    format_start(fmt_in, &fmt);
    size_t offset = 0;
    size_t n = 0;
    while (format_next(&fmt, &item)) {
        if (fmt.native) {
            offset = ES_ALIGN_UP(offset, item.align);
        }
        if (item.code == 'x') {
            offset += item.count;
        } else if (item.code == 's') {
            items[n++] = es_obj_new_bytes(buf + offset, item.count);
            offset += item.count;
        } else if (item.code == 'p') {
            size_t len = 0;
            if (item.count > 0) {
                len = buf[offset];
                if (len > item.count - 1) {
                    len = item.count - 1;
                }
            }
            items[n++] = es_obj_new_bytes(buf + offset + (item.count > 0), len);
            offset += item.count;
        } else {
            for (size_t i = 0; i < item.count; i++) {
                items[n++] = es_binary_get(buf + offset, item.code, item.size, fmt.big_endian);
                offset += item.size;
            }
        }
    }
    return tuple;
}

/* ---- module functions ------------------------------------------------------------------------ */

static es_obj_t struct_calcsize(es_obj_t fmt) {
    return es_obj_new_int_from_uint(format_size(fmt, NULL));
}
static ES_DEFINE_FUN_1(struct_calcsize_obj, ES_Q_calcsize, struct_calcsize);

static es_obj_t struct_pack(size_t n_args, const es_obj_t *args) {
    size_t size = format_size(args[0], NULL);
    es_vstr_t vstr;
    es_vstr_init(&vstr, size + 1);
    memset(vstr.buf, 0, size);
    vstr.len = size;
    pack_values(args[0], (uint8_t *)vstr.buf, n_args - 1, args + 1, "pack");
    return es_obj_new_str_from_vstr(&es_type_bytes, &vstr);
}
static ES_DEFINE_FUN_VAR(struct_pack_obj, ES_Q_pack, 1, ES_FUN_ARGS_MAX, struct_pack);

/* Offset into a buffer of buf_len bytes where `need` bytes are read or written; negative counts from the end. */
static size_t checked_offset(es_obj_t offset_in, size_t buf_len, size_t need, const char *who, const char *what) {
    es_int_t offset = es_obj_get_int(offset_in);
    if (offset < 0) {
        if ((size_t)-offset > buf_len) {
            es_raise_msg_varg(&es_type_ValueError, "offset %d out of range for %u-byte buffer", (int)offset,
                              (unsigned)buf_len);
        }
        offset += (es_int_t)buf_len;
    }
    if ((size_t)offset > buf_len || buf_len - (size_t)offset < need) {
        es_raise_msg_varg(&es_type_ValueError,
                          "%s requires a buffer of at least %u bytes for %s %u bytes at offset %u (actual buffer size is %u)",
                          who, (unsigned)(need + (size_t)offset), what, (unsigned)need, (unsigned)offset,
                          (unsigned)buf_len);
    }
    return (size_t)offset;
}

static es_obj_t struct_pack_into(size_t n_args, const es_obj_t *args) {
    size_t size = format_size(args[0], NULL);
    es_buffer_info_t info;
    es_get_buffer_raise(args[1], &info, ES_BUFFER_WRITE);
    size_t offset = checked_offset(args[2], info.len, size, "pack_into", "packing");
    pack_values(args[0], (uint8_t *)info.buf + offset, n_args - 3, args + 3, "pack_into");
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(struct_pack_into_obj, ES_Q_pack_into, 3, ES_FUN_ARGS_MAX, struct_pack_into);

static es_obj_t struct_unpack(es_obj_t fmt, es_obj_t buffer) {
    size_t size = format_size(fmt, NULL);
    es_buffer_info_t info;
    es_get_buffer_raise(buffer, &info, ES_BUFFER_READ);
    if (info.len != size) {
        es_raise_msg_varg(&es_type_ValueError, "unpack requires a buffer of %u bytes", (unsigned)size);
    }
    return unpack_values(fmt, info.buf);
}
static ES_DEFINE_FUN_2(struct_unpack_obj, ES_Q_unpack, struct_unpack);

static es_obj_t struct_unpack_from(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_format, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_buffer, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_offset, ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_SMALL_INT(0)}},
    };
    es_arg_val_t vals[3];
    es_arg_parse_all(n_args, args, kw_args, 3, allowed, vals);
    size_t size = format_size(vals[0].u_obj, NULL);
    es_buffer_info_t info;
    es_get_buffer_raise(vals[1].u_obj, &info, ES_BUFFER_READ);
    size_t offset = checked_offset(vals[2].u_obj, info.len, size, "unpack_from", "unpacking");
    return unpack_values(vals[0].u_obj, (const uint8_t *)info.buf + offset);
}
static ES_DEFINE_FUN_KW(struct_unpack_from_obj, ES_Q_unpack_from, 2, struct_unpack_from);

/* ---- iter_unpack: an iterator over consecutive records --------------------------------------- */

typedef struct struct_iter_t {
    es_obj_base_t base;
    es_obj_t fmt;
    es_obj_t buffer;
    size_t size;
    size_t offset;
} struct_iter_t;

static es_obj_t struct_iter_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

static es_obj_t struct_iter_iternext(es_obj_t self_in) {
    struct_iter_t *self = es_obj_to_ptr(self_in);
    es_buffer_info_t info;
    es_get_buffer_raise(self->buffer, &info, ES_BUFFER_READ);
    if (self->size == 0 || self->offset + self->size > info.len) {
        return ES_OBJ_STOP_ITERATION;
    }
    es_obj_t record = unpack_values(self->fmt, (const uint8_t *)info.buf + self->offset);
    self->offset += self->size;
    return record;
}

static const es_type_t struct_iter_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_unpack_iterator,
    .getiter = struct_iter_getiter,
    .iternext = struct_iter_iternext,
};

static es_obj_t struct_iter_unpack(es_obj_t fmt, es_obj_t buffer) {
    size_t size = format_size(fmt, NULL);
    if (size == 0) {
        es_raise_msg(&es_type_ValueError, "cannot iteratively unpack with a struct of length 0");
    }
    es_buffer_info_t info;
    es_get_buffer_raise(buffer, &info, ES_BUFFER_READ);
    if (info.len % size != 0) {
        es_raise_msg_varg(&es_type_ValueError, "iterative unpacking requires a buffer of a multiple of %u bytes",
                          (unsigned)size);
    }
    struct_iter_t *it = es_new(struct_iter_t);
    it->base.type = &struct_iter_type;
    it->fmt = fmt;
    it->buffer = buffer;
    it->size = size;
    it->offset = 0;
    return es_obj_from_ptr(it);
}
static ES_DEFINE_FUN_2(struct_iter_unpack_obj, ES_Q_iter_unpack, struct_iter_unpack);

/* ---- Struct objects: a format compiled once ------------------------------------------------------ */

typedef struct struct_obj_t {
    es_obj_base_t base;
    es_obj_t format;
    size_t size;
} struct_obj_t;

static const es_type_t struct_type;

static es_obj_t struct_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 1, 1, false);
    struct_obj_t *self = es_new(struct_obj_t);
    self->base.type = type;
    self->format = args[0];
    self->size = format_size(args[0], NULL);
    return es_obj_from_ptr(self);
}

static void struct_attr(es_obj_t self_in, es_qstr_t attr, es_obj_t *dest) {
    struct_obj_t *self = es_obj_to_ptr(self_in);
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    if (attr == ES_Q_size) {
        dest[0] = es_obj_new_int_from_uint(self->size);
    } else if (attr == ES_Q_format) {
        dest[0] = self->format;
        if (es_obj_is_type(dest[0], &es_type_bytes)) {
            size_t len;
            const char *s = es_obj_str_get_data(dest[0], &len);
            dest[0] = es_obj_new_str(s, len);
        }
    }
}

static void struct_print(const es_print_t *print, es_obj_t self_in, es_print_kind_t kind) {
    ES_UNUSED(kind);
    struct_obj_t *self = es_obj_to_ptr(self_in);
    es_printf(print, "Struct(%R)", self->format);
}

static es_obj_t struct_meth_pack(size_t n_args, const es_obj_t *args) {
    struct_obj_t *self = es_obj_to_ptr(args[0]);
    es_obj_t new_args_small[8];
    es_obj_t *new_args = n_args <= 8 ? new_args_small : es_alloc(n_args * sizeof(es_obj_t));
    new_args[0] = self->format;
    memcpy(new_args + 1, args + 1, (n_args - 1) * sizeof(es_obj_t));
    return struct_pack(n_args, new_args);
}
static ES_DEFINE_FUN_VAR(struct_meth_pack_obj, ES_Q_pack, 1, ES_FUN_ARGS_MAX, struct_meth_pack);

static es_obj_t struct_meth_pack_into(size_t n_args, const es_obj_t *args) {
    struct_obj_t *self = es_obj_to_ptr(args[0]);
    es_obj_t new_args_small[8];
    es_obj_t *new_args = n_args <= 8 ? new_args_small : es_alloc(n_args * sizeof(es_obj_t));
    new_args[0] = self->format;
    memcpy(new_args + 1, args + 1, (n_args - 1) * sizeof(es_obj_t));
    return struct_pack_into(n_args, new_args);
}
static ES_DEFINE_FUN_VAR(struct_meth_pack_into_obj, ES_Q_pack_into, 3, ES_FUN_ARGS_MAX, struct_meth_pack_into);

static es_obj_t struct_meth_unpack(es_obj_t self_in, es_obj_t buffer) {
    struct_obj_t *self = es_obj_to_ptr(self_in);
    return struct_unpack(self->format, buffer);
}
static ES_DEFINE_FUN_2(struct_meth_unpack_obj, ES_Q_unpack, struct_meth_unpack);

static es_obj_t struct_meth_unpack_from(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_self, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_buffer, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_offset, ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_SMALL_INT(0)}},
    };
    es_arg_val_t vals[3];
    es_arg_parse_all(n_args, args, kw_args, 3, allowed, vals);
    struct_obj_t *self = es_obj_to_ptr(vals[0].u_obj);
    es_buffer_info_t info;
    es_get_buffer_raise(vals[1].u_obj, &info, ES_BUFFER_READ);
    size_t offset = checked_offset(vals[2].u_obj, info.len, self->size, "unpack_from", "unpacking");
    return unpack_values(self->format, (const uint8_t *)info.buf + offset);
}
static ES_DEFINE_FUN_KW(struct_meth_unpack_from_obj, ES_Q_unpack_from, 2, struct_meth_unpack_from);

static es_obj_t struct_meth_iter_unpack(es_obj_t self_in, es_obj_t buffer) {
    struct_obj_t *self = es_obj_to_ptr(self_in);
    return struct_iter_unpack(self->format, buffer);
}
static ES_DEFINE_FUN_2(struct_meth_iter_unpack_obj, ES_Q_iter_unpack, struct_meth_iter_unpack);

static const es_map_elem_t struct_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_pack), ES_OBJ_FROM_CONST(struct_meth_pack_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pack_into), ES_OBJ_FROM_CONST(struct_meth_pack_into_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_unpack), ES_OBJ_FROM_CONST(struct_meth_unpack_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_unpack_from), ES_OBJ_FROM_CONST(struct_meth_unpack_from_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_iter_unpack), ES_OBJ_FROM_CONST(struct_meth_iter_unpack_obj)},
};
static ES_DEFINE_CONST_DICT(struct_locals_dict, struct_locals_table);

static const es_type_t struct_type = {
    .base = {&es_type_type},
    .name = ES_Q_Struct,
    .print = struct_print,
    .make_new = struct_make_new,
    .attr = struct_attr,
    .locals_dict = (es_obj_dict_t *)&struct_locals_dict,
};

static const es_map_elem_t struct_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_struct)},
    {ES_OBJ_NEW_QSTR(ES_Q_calcsize), ES_OBJ_FROM_CONST(struct_calcsize_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pack), ES_OBJ_FROM_CONST(struct_pack_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pack_into), ES_OBJ_FROM_CONST(struct_pack_into_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_unpack), ES_OBJ_FROM_CONST(struct_unpack_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_unpack_from), ES_OBJ_FROM_CONST(struct_unpack_from_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_iter_unpack), ES_OBJ_FROM_CONST(struct_iter_unpack_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_Struct), ES_OBJ_FROM_CONST(struct_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_error), ES_OBJ_FROM_CONST(es_type_ValueError)},
};

ES_DEFINE_CONST_MODULE(es_module_struct, struct_globals_table);
ES_REGISTER_MODULE(ES_Q_struct, es_module_struct);
