/* objbytearray.c: bytearray, the mutable byte sequence; shares bytes' methods from objstr.c. */

#include <string.h>

#include "py/objstr.h"
#include "py/runtime.h"
#include "py/sequence.h"

static es_obj_bytearray_t *ba_of(es_obj_t o) { return es_obj_to_ptr(o); }

es_obj_t es_obj_new_bytearray(size_t len, const uint8_t *data) {
    es_obj_bytearray_t *b = es_new(es_obj_bytearray_t);
    b->base.type = &es_type_bytearray;
    b->items = es_alloc(len > 0 ? len : 1);
    b->alloc = len > 0 ? len : 1;
    b->len = len;
    if (data != NULL && len > 0) {
        memcpy(b->items, data, len);
    }
    return es_obj_from_ptr(b);
}

es_obj_t es_obj_new_bytearray_from_vstr(es_vstr_t *vstr) {
    if (vstr->fixed_buf) {
        es_obj_t o = es_obj_new_bytearray(vstr->len, (const uint8_t *)vstr->buf);
        es_vstr_clear(vstr);
        return o;
    }
    es_obj_bytearray_t *b = es_new(es_obj_bytearray_t);
    b->base.type = &es_type_bytearray;
    b->items = (uint8_t *)vstr->buf;
    b->alloc = vstr->alloc;
    b->len = vstr->len;
    vstr->buf = NULL;
    vstr->alloc = 0;
    vstr->len = 0;
    return es_obj_from_ptr(b);
}

/* Makes room for n bytes in total, growing geometrically. */
static void ba_reserve(es_obj_bytearray_t *b, size_t n) {
    if (n > b->alloc) {
        size_t alloc = b->alloc * 2 > n ? b->alloc * 2 : n + 8;
        b->items = es_realloc(b->items, alloc);
        b->alloc = alloc;
    }
}

/* Replaces b[start:stop] with n bytes of data (which may point into b itself). */
static void ba_replace(es_obj_bytearray_t *b, size_t start, size_t stop, const uint8_t *data, size_t n) {
    uint8_t *copy = NULL;
    if (n > 0 && data >= b->items && data < b->items + b->alloc) {
        copy = es_alloc(n);
        memcpy(copy, data, n);
        data = copy;
    }
    size_t old = stop - start;
    if (n > old) {
        ba_reserve(b, b->len + (n - old));
    }
    memmove(b->items + start + n, b->items + stop, b->len - stop);
    if (n > 0) {
        memcpy(b->items + start, data, n);
    }
    b->len = b->len - old + n;
    if (copy != NULL) {
        es_free(copy);
    }
}

static uint8_t byte_value(es_obj_t o) {
    es_int_t v;
    if (es_obj_is_float(o) || es_obj_is_str_or_bytes(o) || !es_obj_get_int_maybe(o, &v)) {
        if (es_obj_is_int(o)) {
            es_raise_msg(&es_type_ValueError, "byte must be in range(0, 256)");
        }
        es_raise_msg_varg(&es_type_TypeError, "'%s' object cannot be interpreted as an integer", es_obj_type_name(o));
    }
    if (v < 0 || v > 255) {
        es_raise_msg(&es_type_ValueError, "byte must be in range(0, 256)");
    }
    return (uint8_t)v;
}

/* The bytes an assignment or extend supplies: a buffer, or an iterable of ints. */
static const uint8_t *bytes_from_value(es_obj_t value, size_t *len, es_vstr_t *scratch) {
    es_buffer_info_t info;
    if (es_str_get_buffer(value, &info, ES_BUFFER_READ)) {
        *len = info.len;
        return info.buf;
    }
    if (es_obj_is_str(value)) {
        es_raise_msg(&es_type_TypeError, "'str' object cannot be interpreted as an integer");
    }
    es_vstr_init(scratch, 16);
    es_obj_t it = es_getiter(value, NULL);
    es_obj_t item;
    while ((item = es_iternext(it)) != ES_OBJ_STOP_ITERATION) {
        es_vstr_add_byte(scratch, byte_value(item));
    }
    *len = scratch->len;
    return (const uint8_t *)scratch->buf;
}

static es_obj_t bytearray_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_vstr_t v;
    es_vstr_init(&v, 16);
    es_bytes_fill_from_args("bytearray", n_args, n_kw, args, &v);
    return es_obj_new_bytearray_from_vstr(&v);
}

static void bytearray_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_obj_bytearray_t *b = ba_of(self);
    es_print_str(print, "bytearray(");
    es_str_print_quoted(print, b->items, b->len, true);
    es_print_str(print, ")");
}

static es_obj_t bytearray_unary_op(es_unary_op_t op, es_obj_t self) {
    es_obj_bytearray_t *b = ba_of(self);
    switch (op) {
        case ES_UNARY_OP_BOOL:
            return es_obj_new_bool(b->len != 0);
        case ES_UNARY_OP_LEN:
            return es_obj_new_small_int((es_int_t)b->len);
        case ES_UNARY_OP_HASH:
            es_raise_msg(&es_type_TypeError, "unhashable type: 'bytearray'");
        case ES_UNARY_OP_SIZEOF:
            return es_obj_new_small_int((es_int_t)(sizeof(*b) + b->alloc));
        default:
            return ES_OBJ_NULL;
    }
}

static es_obj_t bytearray_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    es_obj_bytearray_t *b = ba_of(lhs);
    es_buffer_info_t info;
    switch (op) {
        case ES_BINARY_OP_ADD:
        case ES_BINARY_OP_INPLACE_ADD: {
            if (!es_str_get_buffer(rhs, &info, ES_BUFFER_READ)) {
                if (es_obj_get_type(rhs)->flags & ES_TYPE_FLAG_IS_USER_CLASS) {
                    return ES_OBJ_NULL;
                }
                es_raise_msg_varg(&es_type_TypeError, "can't concat %s to bytearray", es_obj_type_name(rhs));
            }
            if (op == ES_BINARY_OP_INPLACE_ADD) {
                ba_replace(b, b->len, b->len, info.buf, info.len);
                return lhs;
            }
            es_obj_t r = es_obj_new_bytearray(b->len + info.len, NULL);
            es_obj_bytearray_t *rb = ba_of(r);
            memcpy(rb->items, b->items, b->len);
            memcpy(rb->items + b->len, info.buf, info.len);
            return r;
        }
        case ES_BINARY_OP_INPLACE_MULTIPLY: {
            es_int_t n;
            if (es_obj_is_float(rhs) || !es_obj_get_int_maybe(rhs, &n)) {
                es_raise_msg_varg(&es_type_TypeError, "can't multiply sequence by non-int of type '%s'",
                                  es_obj_type_name(rhs));
            }
            if (n <= 0) {
                b->len = 0;
                return lhs;
            }
            size_t len = b->len;
            if (len > 0 && (size_t)n > ((size_t)-1 / 2) / len) {
                es_raise_memory_error();
            }
            ba_reserve(b, len * (size_t)n);
            for (es_int_t i = 1; i < n; i++) {
                memcpy(b->items + len * (size_t)i, b->items, len);
            }
            b->len = len * (size_t)n;
            return lhs;
        }
        case ES_BINARY_OP_MULTIPLY:
        case ES_BINARY_OP_REVERSE_MULTIPLY: {
            es_int_t n;
            if (es_obj_is_float(rhs) || !es_obj_get_int_maybe(rhs, &n)) {
                if (es_obj_get_type(rhs)->flags & ES_TYPE_FLAG_IS_USER_CLASS) {
                    return ES_OBJ_NULL;
                }
                es_raise_msg_varg(&es_type_TypeError, "can't multiply sequence by non-int of type '%s'",
                                  es_obj_type_name(rhs));
            }
            if (n <= 0 || b->len == 0) {
                return es_obj_new_bytearray(0, NULL);
            }
            if ((size_t)n > ((size_t)-1 / 2) / b->len) {
                es_raise_memory_error();
            }
            es_obj_t r = es_obj_new_bytearray(b->len * (size_t)n, NULL);
            es_obj_bytearray_t *rb = ba_of(r);
            for (es_int_t i = 0; i < n; i++) {
                memcpy(rb->items + b->len * (size_t)i, b->items, b->len);
            }
            return r;
        }
        case ES_BINARY_OP_MODULO:
        case ES_BINARY_OP_INPLACE_MODULO: {
            es_obj_t r = es_str_modulo_format(es_obj_new_bytes(b->items, b->len), rhs);
            size_t len;
            const uint8_t *d = es_str_bytes(r, &len);
            return es_obj_new_bytearray(len, d);
        }
        case ES_BINARY_OP_IN: {
            es_int_t v;
            if (!es_obj_is_float(rhs) && !es_obj_is_str_or_bytes(rhs) && es_obj_get_int_maybe(rhs, &v)) {
                if (v < 0 || v > 255) {
                    es_raise_msg(&es_type_ValueError, "byte must be in range(0, 256)");
                }
                return es_obj_new_bool(b->len > 0 && memchr(b->items, (int)v, b->len) != NULL);
            }
            es_str_get_buffer_raise(rhs, &info, ES_BUFFER_READ);
            if (info.len == 0) {
                return ES_OBJ_TRUE;
            }
            for (size_t i = 0; i + info.len <= b->len; i++) {
                if (memcmp(b->items + i, info.buf, info.len) == 0) {
                    return ES_OBJ_TRUE;
                }
            }
            return ES_OBJ_FALSE;
        }
        case ES_BINARY_OP_EQUAL:
        case ES_BINARY_OP_NOT_EQUAL:
        case ES_BINARY_OP_LESS:
        case ES_BINARY_OP_MORE:
        case ES_BINARY_OP_LESS_EQUAL:
        case ES_BINARY_OP_MORE_EQUAL:
            if (es_obj_is_type(rhs, &es_type_bytes) || es_obj_is_type(rhs, &es_type_bytearray) ||
                es_obj_is_type(rhs, &es_type_memoryview)) {
                es_str_get_buffer_raise(rhs, &info, ES_BUFFER_READ);
                return es_str_compare_bytes(op, b->items, b->len, info.buf, info.len);
            }
            return ES_OBJ_NULL;
        default:
            return ES_OBJ_NULL;
    }
}

static size_t ba_index(es_obj_bytearray_t *b, es_obj_t index) {
    es_int_t i;
    if (es_obj_is_float(index) || es_obj_is_str_or_bytes(index) || !es_obj_get_int_maybe(index, &i)) {
        if (es_obj_is_int(index)) {
            es_raise_msg(&es_type_IndexError, "cannot fit 'int' into an index-sized integer");
        }
        es_raise_msg_varg(&es_type_TypeError, "bytearray indices must be integers or slices, not %s",
                          es_obj_type_name(index));
    }
    if (i < 0) {
        i += (es_int_t)b->len;
    }
    if (i < 0 || (size_t)i >= b->len) {
        es_raise_msg(&es_type_IndexError, "bytearray index out of range");
    }
    return (size_t)i;
}

static es_obj_t bytearray_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    index = es_seq_plain_index(index);
    es_obj_bytearray_t *b = ba_of(self);
    if (!es_obj_is_type(index, &es_type_slice)) {
        size_t i = ba_index(b, index);
        if (value == ES_OBJ_SENTINEL) {
            return es_obj_new_small_int(b->items[i]);
        }
        if (value == ES_OBJ_NULL) {
            ba_replace(b, i, i + 1, NULL, 0);
        } else {
            b->items[i] = byte_value(value);
        }
        return ES_OBJ_NONE;
    }
    es_bound_slice_t s;
    size_t count = es_seq_slice_bounds(index, b->len, &s);
    if (value == ES_OBJ_SENTINEL) {
        es_obj_t r = es_obj_new_bytearray(count, NULL);
        es_obj_bytearray_t *rb = ba_of(r);
        for (size_t k = 0; k < count; k++) {
            rb->items[k] = b->items[s.start + (es_int_t)k * s.step];
        }
        return r;
    }
    if (value == ES_OBJ_NULL) {
        if (s.step == 1) {
            if (count > 0) {
                ba_replace(b, (size_t)s.start, (size_t)s.stop, NULL, 0);
            }
            return ES_OBJ_NONE;
        }
        /* Extended slice deletion: keep the bytes not selected. */
        size_t step = (size_t)(s.step > 0 ? s.step : -s.step);
        size_t lo = s.step > 0 ? (size_t)s.start : (size_t)(s.start + (es_int_t)(count - 1) * s.step);
        size_t w = 0;
        for (size_t r = 0; r < b->len; r++) {
            bool selected = count > 0 && r >= lo && (r - lo) % step == 0 && (r - lo) / step < count;
            if (!selected) {
                b->items[w++] = b->items[r];
            }
        }
        b->len = w;
        return ES_OBJ_NONE;
    }
    if (es_obj_is_small_int(value) || es_obj_is_int(value)) {
        es_raise_msg(&es_type_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    }
    es_vstr_t scratch = {0, 0, NULL, false};
    size_t n;
    const uint8_t *data = bytes_from_value(value, &n, &scratch);
    if (s.step == 1) {
        size_t stop = s.stop < s.start ? (size_t)s.start : (size_t)s.stop;
        ba_replace(b, (size_t)s.start, stop, data, n);
    } else {
        if (n != count) {
            es_raise_msg_varg(&es_type_ValueError, "attempt to assign bytes of size %u to extended slice of size %u",
                              (unsigned)n, (unsigned)count);
        }
        if (n > 0 && data >= b->items && data < b->items + b->alloc) {
            /* b[::-1] = b: read from a copy */
            uint8_t *copy = es_alloc(n);
            memcpy(copy, data, n);
            for (size_t k = 0; k < count; k++) {
                b->items[s.start + (es_int_t)k * s.step] = copy[k];
            }
            es_free(copy);
        } else {
            for (size_t k = 0; k < count; k++) {
                b->items[s.start + (es_int_t)k * s.step] = data[k];
            }
        }
    }
    if (scratch.buf != NULL) {
        es_vstr_clear(&scratch);
    }
    return ES_OBJ_NONE;
}

static int bytearray_buffer(es_obj_t self, es_buffer_info_t *info, int flags) {
    ES_UNUSED(flags);
    es_obj_bytearray_t *b = ba_of(self);
    info->buf = b->items;
    info->len = b->len;
    info->typecode = 'B';
    return 0;
}

/* ---- mutation methods ------------------------------------------------------------------------------ */

static es_obj_t bytearray_append(es_obj_t self, es_obj_t item) {
    es_obj_bytearray_t *b = ba_of(self);
    uint8_t v = byte_value(item);
    ba_reserve(b, b->len + 1);
    b->items[b->len++] = v;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(bytearray_append_obj, ES_Q_append, bytearray_append);

static es_obj_t bytearray_extend(es_obj_t self, es_obj_t iterable) {
    es_obj_bytearray_t *b = ba_of(self);
    if (es_obj_is_str(iterable)) {
        es_raise_msg(&es_type_TypeError, "'str' object cannot be interpreted as an integer");
    }
    es_vstr_t scratch = {0, 0, NULL, false};
    size_t n;
    const uint8_t *data = bytes_from_value(iterable, &n, &scratch);
    ba_replace(b, b->len, b->len, data, n);
    if (scratch.buf != NULL) {
        es_vstr_clear(&scratch);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(bytearray_extend_obj, ES_Q_extend, bytearray_extend);

static es_obj_t bytearray_insert(es_obj_t self, es_obj_t index, es_obj_t item) {
    es_obj_bytearray_t *b = ba_of(self);
    es_int_t i = es_obj_get_int(index);
    uint8_t v = byte_value(item);
    if (i < 0) {
        i += (es_int_t)b->len;
        if (i < 0) {
            i = 0;
        }
    }
    if ((size_t)i > b->len) {
        i = (es_int_t)b->len;
    }
    ba_replace(b, (size_t)i, (size_t)i, &v, 1);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(bytearray_insert_obj, ES_Q_insert, bytearray_insert);

static es_obj_t bytearray_pop(size_t n_args, const es_obj_t *args) {
    es_obj_bytearray_t *b = ba_of(args[0]);
    if (b->len == 0) {
        es_raise_msg(&es_type_IndexError, "pop from empty bytearray");
    }
    es_int_t i = n_args > 1 ? es_obj_get_int(args[1]) : -1;
    if (i < 0) {
        i += (es_int_t)b->len;
    }
    if (i < 0 || (size_t)i >= b->len) {
        es_raise_msg(&es_type_IndexError, "pop index out of range");
    }
    uint8_t v = b->items[i];
    ba_replace(b, (size_t)i, (size_t)i + 1, NULL, 0);
    return es_obj_new_small_int(v);
}
static ES_DEFINE_FUN_VAR(bytearray_pop_obj, ES_Q_pop, 1, 2, bytearray_pop);

static es_obj_t bytearray_remove(es_obj_t self, es_obj_t item) {
    es_obj_bytearray_t *b = ba_of(self);
    uint8_t v = byte_value(item);
    uint8_t *at = b->len > 0 ? memchr(b->items, v, b->len) : NULL;
    if (at == NULL) {
        es_raise_msg(&es_type_ValueError, "value not found in bytearray");
    }
    size_t i = (size_t)(at - b->items);
    ba_replace(b, i, i + 1, NULL, 0);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(bytearray_remove_obj, ES_Q_remove, bytearray_remove);

static es_obj_t bytearray_clear(es_obj_t self) {
    ba_of(self)->len = 0;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(bytearray_clear_obj, ES_Q_clear, bytearray_clear);

static es_obj_t bytearray_copy(es_obj_t self) {
    es_obj_bytearray_t *b = ba_of(self);
    return es_obj_new_bytearray(b->len, b->items);
}
static ES_DEFINE_FUN_1(bytearray_copy_obj, ES_Q_copy, bytearray_copy);

static es_obj_t bytearray_reverse(es_obj_t self) {
    es_obj_bytearray_t *b = ba_of(self);
    for (size_t i = 0, j = b->len; i + 1 < j; i++, j--) {
        uint8_t t = b->items[i];
        b->items[i] = b->items[j - 1];
        b->items[j - 1] = t;
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(bytearray_reverse_obj, ES_Q_reverse, bytearray_reverse);

#define SHARED_ENTRY(name, qname) {ES_OBJ_NEW_QSTR(qname), ES_OBJ_FROM_CONST(es_strmeth_##name##_obj)},

static const es_map_elem_t bytearray_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_append), ES_OBJ_FROM_CONST(bytearray_append_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_extend), ES_OBJ_FROM_CONST(bytearray_extend_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_insert), ES_OBJ_FROM_CONST(bytearray_insert_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pop), ES_OBJ_FROM_CONST(bytearray_pop_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_remove), ES_OBJ_FROM_CONST(bytearray_remove_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_clear), ES_OBJ_FROM_CONST(bytearray_clear_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_copy), ES_OBJ_FROM_CONST(bytearray_copy_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_reverse), ES_OBJ_FROM_CONST(bytearray_reverse_obj)},
    ES_BYTES_SHARED_METHODS(SHARED_ENTRY)
    {ES_OBJ_NEW_QSTR(ES_Q_fromhex), ES_OBJ_FROM_CONST(es_bytes_fromhex_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_maketrans), ES_OBJ_FROM_CONST(es_bytes_maketrans_obj)},
};
static ES_DEFINE_CONST_DICT(bytearray_locals_dict, bytearray_locals_table);

const es_type_t es_type_bytearray = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    .name = ES_Q_bytearray,
    .print = bytearray_print,
    .make_new = bytearray_make_new,
    .unary_op = bytearray_unary_op,
    .binary_op = bytearray_binary_op,
    .subscr = bytearray_subscr,
    .getiter = es_bytes_getiter,
    .buffer = bytearray_buffer,
    .locals_dict = (es_obj_dict_t *)&bytearray_locals_dict,
};
