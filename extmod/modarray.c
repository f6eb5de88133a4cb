/* modarray.c: the array module: compact arrays of C numbers with list-like methods and the buffer protocol. */

#include <string.h>

#include "extmod/binary.h"
#include "py/runtime.h"
#include "py/sequence.h"

typedef struct array_obj_t {
    es_obj_base_t base;
    char typecode;
    uint8_t itemsize;
    size_t len;   /* items */
    size_t alloc; /* items */
    uint8_t *data;
} array_obj_t;

static const es_type_t array_type;

static const char array_typecodes[] = "bBhHiIlLqQfd";

static array_obj_t *array_of(es_obj_t self) {
    return es_obj_to_ptr(self);
}

static array_obj_t *array_new(char typecode, size_t len) {
    size_t align;
    array_obj_t *a = es_new(array_obj_t);
    a->base.type = &array_type;
    a->typecode = typecode;
    a->itemsize = (uint8_t)es_binary_size(typecode, true, &align);
    a->len = len;
    a->alloc = len;
    a->data = len > 0 ? es_alloc(len * a->itemsize) : NULL;
    return a;
}

static void array_reserve(array_obj_t *a, size_t extra) {
    if (a->len + extra <= a->alloc) {
        return;
    }
    size_t alloc = a->alloc * 2 > a->len + extra ? a->alloc * 2 : a->len + extra;
    if (alloc < 4) {
        alloc = 4;
    }
    a->data = a->data == NULL ? es_alloc(alloc * a->itemsize) : es_realloc(a->data, alloc * a->itemsize);
    a->alloc = alloc;
}

static es_obj_t array_get(const array_obj_t *a, size_t i) {
    return es_binary_get(a->data + i * a->itemsize, a->typecode, a->itemsize, es_binary_native_big_endian());
}

/* CPython's checks and messages for storing a value, then the store itself. */
static void array_set(array_obj_t *a, size_t i, es_obj_t value) {
    char code = a->typecode;
    if (code == 'f' || code == 'd') {
        es_float_t f;
        if (!es_obj_get_float_maybe(value, &f)) {
            es_raise_msg_varg(&es_type_TypeError, "must be real number, not %s", es_obj_type_name(value));
        }
        es_binary_set(a->data + i * a->itemsize, code, a->itemsize, es_binary_native_big_endian(), es_obj_new_float(f));
        return;
    }
    if (value == ES_OBJ_TRUE || value == ES_OBJ_FALSE) {
        value = es_obj_new_small_int(value == ES_OBJ_TRUE);
    }
    if (!es_obj_is_small_int(value) && !es_obj_is_int(value)) {
        value = es_obj_new_int(es_obj_get_int(value)); /* TypeError for floats and others */
    }
    int range = es_binary_int_compare_range(value, code, a->itemsize);
    if (range != 0) {
        const char *what = NULL;
        switch (code) {
            case 'b':
                what = "signed char";
                break;
            case 'B':
                what = "unsigned byte integer";
                break;
            case 'h':
                what = "signed short integer";
                break;
            case 'H':
                what = "unsigned short";
                break;
            case 'i':
                what = "signed integer";
                break;
            case 'I':
                what = range < 0 ? NULL : "unsigned int";
                break;
            default:
                break;
        }
        if (what != NULL) {
            es_raise_msg_varg(&es_type_OverflowError, "%s is %s", what,
                              range < 0 ? "less than minimum" : "greater than maximum");
        }
        if (range < 0 && (code == 'I' || code == 'L' || code == 'Q')) {
            es_raise_msg(&es_type_OverflowError, "can't convert negative value to unsigned int");
        }
        es_raise_msg(&es_type_OverflowError, "Python int too large to convert to C long");
    }
    es_binary_set(a->data + i * a->itemsize, code, a->itemsize, es_binary_native_big_endian(), value);
}

static void array_append_value(array_obj_t *a, es_obj_t value) {
    array_reserve(a, 1);
    array_set(a, a->len, value); /* into the spare slot first, so a bad value changes nothing */
    a->len++;
}

static void array_extend_bytes(array_obj_t *a, const uint8_t *bytes, size_t n_bytes) {
    if (n_bytes % a->itemsize != 0) {
        es_raise_msg(&es_type_ValueError, "bytes length not a multiple of item size");
    }
    size_t n = n_bytes / a->itemsize;
    array_reserve(a, n);
    memmove(a->data + a->len * a->itemsize, bytes, n_bytes);
    a->len += n;
}

static void array_extend_iterable(array_obj_t *a, es_obj_t iterable) {
    if (es_obj_is_type(iterable, &array_type)) {
        array_obj_t *other = array_of(iterable);
        if (other->typecode != a->typecode) {
            es_raise_msg(&es_type_TypeError, "can only extend with array of same kind");
        }
        array_extend_bytes(a, other->data, other->len * other->itemsize);
        return;
    }
    es_obj_t iter = es_getiter(iterable, NULL);
    for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        array_append_value(a, item);
    }
}

static es_obj_t array_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_check_num(n_args, n_kw, 1, 2, false);
    if (!es_obj_is_str(args[0])) {
        es_raise_msg_varg(&es_type_TypeError, "array() argument 1 must be a unicode character, not %s",
                          es_obj_type_name(args[0]));
    }
    size_t len;
    const char *code = es_obj_str_get_data(args[0], &len);
    if (len != 1) {
        es_raise_msg(&es_type_TypeError, "array() argument 1 must be a unicode character, not str");
    }
    if (code[0] == 0 || strchr(array_typecodes, code[0]) == NULL) {
        es_raise_msg(&es_type_ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    }
    array_obj_t *a = array_new(code[0], 0);
    if (n_args > 1) {
        es_obj_t init = args[1];
        if (es_obj_is_str(init)) {
            es_raise_msg_varg(&es_type_TypeError, "cannot use a str to initialize an array with typecode '%c'", code[0]);
        }
        if (es_obj_is_type(init, &es_type_bytes) || es_obj_is_type(init, &es_type_bytearray)) {
            es_buffer_info_t info;
            es_get_buffer_raise(init, &info, ES_BUFFER_READ);
            array_extend_bytes(a, info.buf, info.len);
        } else {
            array_extend_iterable(a, init);
        }
    }
    return es_obj_from_ptr(a);
}

static void array_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    array_obj_t *a = array_of(self);
    es_printf(print, "array('%c'", a->typecode);
    if (a->len > 0) {
        es_print_str(print, ", [");
        for (size_t i = 0; i < a->len; i++) {
            if (i > 0) {
                es_print_str(print, ", ");
            }
            es_obj_print_helper(print, array_get(a, i), ES_PRINT_REPR);
        }
        es_print_str(print, "]");
    }
    es_print_str(print, ")");
}

static es_obj_t array_unary_op(es_unary_op_t op, es_obj_t self) {
    array_obj_t *a = array_of(self);
    switch (op) {
        case ES_UNARY_OP_BOOL:
            return es_obj_new_bool(a->len != 0);
        case ES_UNARY_OP_LEN:
            return es_obj_new_small_int((es_int_t)a->len);
        case ES_UNARY_OP_HASH:
            es_raise_msg(&es_type_TypeError, "unhashable type: 'array.array'");
        default:
            return ES_OBJ_NULL;
    }
}

static es_obj_t array_copy_of(array_obj_t *a) {
    array_obj_t *c = array_new(a->typecode, a->len);
    if (a->len > 0) {
        memcpy(c->data, a->data, a->len * a->itemsize);
    }
    return es_obj_from_ptr(c);
}

static es_obj_t array_to_list(array_obj_t *a) {
    es_obj_t list = es_obj_new_list(a->len, NULL);
    es_obj_list_t *l = es_obj_to_ptr(list);
    for (size_t i = 0; i < a->len; i++) {
        l->items[i] = array_get(a, i);
    }
    return list;
}

static es_obj_t array_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    array_obj_t *a = array_of(lhs);
    switch (op) {
        case ES_BINARY_OP_ADD: {
            if (!es_obj_is_type(rhs, &array_type)) {
                return ES_OBJ_NULL;
            }
            if (array_of(rhs)->typecode != a->typecode) {
                es_raise_msg(&es_type_TypeError, "bad argument type for built-in operation");
            }
            es_obj_t result = array_copy_of(a);
            array_extend_iterable(array_of(result), rhs);
            return result;
        }
        case ES_BINARY_OP_INPLACE_ADD:
            if (!es_obj_is_type(rhs, &array_type)) {
                es_raise_msg_varg(&es_type_TypeError, "can only extend array with array (not \"%s\")",
                                  es_obj_type_name(rhs));
            }
            array_extend_iterable(a, rhs);
            return lhs;
        case ES_BINARY_OP_MULTIPLY:
        case ES_BINARY_OP_REVERSE_MULTIPLY:
        case ES_BINARY_OP_INPLACE_MULTIPLY: {
            size_t times;
            if (!es_seq_repeat_count(rhs, a->len * a->itemsize, &times)) {
                return ES_OBJ_NULL;
            }
            size_t bytes = a->len * a->itemsize;
            array_obj_t *r = array_new(a->typecode, a->len * times);
            if (bytes > 0) {
                es_seq_repeat(r->data, a->data, bytes, times);
            }
            if (op == ES_BINARY_OP_INPLACE_MULTIPLY) {
                a->data = r->data;
                a->len = r->len;
                a->alloc = r->alloc;
                return lhs;
            }
            return es_obj_from_ptr(r);
        }
        case ES_BINARY_OP_IN:
            for (size_t i = 0; i < a->len; i++) {
                if (es_obj_equal(array_get(a, i), rhs)) {
                    return ES_OBJ_TRUE;
                }
            }
            return ES_OBJ_FALSE;
        case ES_BINARY_OP_EQUAL:
        case ES_BINARY_OP_NOT_EQUAL:
        case ES_BINARY_OP_LESS:
        case ES_BINARY_OP_LESS_EQUAL:
        case ES_BINARY_OP_MORE:
        case ES_BINARY_OP_MORE_EQUAL:
            if (!es_obj_is_type(rhs, &array_type)) {
                return ES_OBJ_NULL;
            }
            return es_binary_op(op, array_to_list(a), array_to_list(array_of(rhs)));
        default:
            return ES_OBJ_NULL;
    }
}

/* Removes items [start, start + n) and opens a gap of `gap` items there. */
static void array_splice(array_obj_t *a, size_t start, size_t n, size_t gap) {
    size_t tail = a->len - start - n;
    if (gap > n) {
        array_reserve(a, gap - n);
    }
    memmove(a->data + (start + gap) * a->itemsize, a->data + (start + n) * a->itemsize, tail * a->itemsize);
    a->len = a->len - n + gap;
}

static es_obj_t array_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    index = es_seq_plain_index(index);
    array_obj_t *a = array_of(self);
    if (es_obj_is_slice(index)) {
        es_bound_slice_t b;
        size_t n = es_seq_slice_bounds(index, a->len, &b);
        if (value == ES_OBJ_SENTINEL) {
            array_obj_t *r = array_new(a->typecode, n);
            if (n > 0) {
                es_seq_copy_slice(r->data, a->data, a->itemsize, &b, n);
            }
            return es_obj_from_ptr(r);
        }
        if (value == ES_OBJ_NULL) {
            if (b.step == 1) {
                array_splice(a, (size_t)b.start, n, 0);
            } else {
                /* Delete one by one from the highest position so earlier positions stay valid
                   (with a negative step the highest is the first). */
                for (size_t j = 0; j < n; j++) {
                    size_t k = b.step > 0 ? n - 1 - j : j;
                    array_splice(a, (size_t)(b.start + (es_int_t)k * b.step), 1, 0);
                }
            }
            return ES_OBJ_NONE;
        }
        if (!es_obj_is_type(value, &array_type)) {
            es_raise_msg_varg(&es_type_TypeError, "can only assign array (not \"%s\") to array slice",
                              es_obj_type_name(value));
        }
        array_obj_t *src = array_of(value);
        if (src->typecode != a->typecode) {
            es_raise_msg(&es_type_TypeError, "bad argument type for built-in operation");
        }
        if (src == a) {
            src = array_of(array_copy_of(a));
        }
        if (b.step == 1) {
            array_splice(a, (size_t)b.start, n, src->len);
            memcpy(a->data + (size_t)b.start * a->itemsize, src->data, src->len * a->itemsize);
            return ES_OBJ_NONE;
        }
        if (src->len != n) {
            es_raise_msg_varg(&es_type_ValueError, "attempt to assign array of size %u to extended slice of size %u",
                              (unsigned)src->len, (unsigned)n);
        }
        for (size_t k = 0; k < n; k++) {
            memcpy(a->data + (size_t)(b.start + (es_int_t)k * b.step) * a->itemsize, src->data + k * a->itemsize,
                   a->itemsize);
        }
        return ES_OBJ_NONE;
    }
    size_t i = es_seq_get_index(&array_type, a->len, index, "array index out of range");
    if (value == ES_OBJ_SENTINEL) {
        return array_get(a, i);
    }
    if (value == ES_OBJ_NULL) {
        array_splice(a, i, 1, 0);
        return ES_OBJ_NONE;
    }
    array_set(a, i, value);
    return ES_OBJ_NONE;
}

typedef struct array_iter_t {
    es_obj_base_t base;
    es_obj_t array;
    size_t index;
} array_iter_t;

static es_obj_t array_iter_next(es_obj_t self_in) {
    array_iter_t *it = es_obj_to_ptr(self_in);
    array_obj_t *a = array_of(it->array);
    if (it->index >= a->len) {
        return ES_OBJ_STOP_ITERATION;
    }
    return array_get(a, it->index++);
}

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

static const es_type_t array_iter_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_arrayiterator,
    .getiter = iter_self,
    .iternext = array_iter_next,
};

static es_obj_t array_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_STATIC_ASSERT_ITER_BUF_FITS(array_iter_t);
    array_iter_t *it = iter_buf != NULL ? (array_iter_t *)iter_buf : es_new(array_iter_t);
    it->base.type = &array_iter_type;
    it->array = self;
    it->index = 0;
    return es_obj_from_ptr(it);
}

static int array_buffer(es_obj_t self, es_buffer_info_t *info, int flags) {
    ES_UNUSED(flags);
    array_obj_t *a = array_of(self);
    info->buf = a->data;
    info->len = a->len * a->itemsize;
    info->typecode = a->typecode;
    return 0;
}

/* ---- methods --------------------------------------------------------------------------- */

static es_obj_t array_append(es_obj_t self, es_obj_t value) {
    array_append_value(array_of(self), value);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(array_append_obj, ES_Q_append, array_append);

static es_obj_t array_extend(es_obj_t self, es_obj_t iterable) {
    array_extend_iterable(array_of(self), iterable);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(array_extend_obj, ES_Q_extend, array_extend);

static es_obj_t array_insert(es_obj_t self, es_obj_t index_in, es_obj_t value) {
    array_obj_t *a = array_of(self);
    es_int_t index = es_obj_get_int(index_in);
    es_int_t len = (es_int_t)a->len;
    if (index < 0) {
        index += len;
        if (index < 0) {
            index = 0;
        }
    }
    if (index > len) {
        index = len;
    }
    uint8_t item[8];
    array_reserve(a, 1);
    array_set(a, a->len, value);
    memcpy(item, a->data + a->len * a->itemsize, a->itemsize);
    array_splice(a, (size_t)index, 0, 1);
    memcpy(a->data + (size_t)index * a->itemsize, item, a->itemsize);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(array_insert_obj, ES_Q_insert, array_insert);

static es_obj_t array_pop(size_t n_args, const es_obj_t *args) {
    array_obj_t *a = array_of(args[0]);
    if (a->len == 0) {
        es_raise_msg(&es_type_IndexError, "pop from empty array");
    }
    size_t i = a->len - 1;
    if (n_args > 1) {
        i = es_seq_get_index(&array_type, a->len, args[1], "pop index out of range");
    }
    es_obj_t value = array_get(a, i);
    array_splice(a, i, 1, 0);
    return value;
}
static ES_DEFINE_FUN_VAR(array_pop_obj, ES_Q_pop, 1, 2, array_pop);

static size_t array_find(array_obj_t *a, es_obj_t value, const char *what) {
    for (size_t i = 0; i < a->len; i++) {
        if (es_obj_equal(array_get(a, i), value)) {
            return i;
        }
    }
    es_raise_msg_varg(&es_type_ValueError, "array.%s(x): x not in array", what);
}

static es_obj_t array_index(es_obj_t self, es_obj_t value) {
    return es_obj_new_small_int((es_int_t)array_find(array_of(self), value, "index"));
}
static ES_DEFINE_FUN_2(array_index_obj, ES_Q_index, array_index);

static es_obj_t array_remove(es_obj_t self, es_obj_t value) {
    array_obj_t *a = array_of(self);
    array_splice(a, array_find(a, value, "remove"), 1, 0);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(array_remove_obj, ES_Q_remove, array_remove);

static es_obj_t array_count(es_obj_t self, es_obj_t value) {
    array_obj_t *a = array_of(self);
    es_int_t n = 0;
    for (size_t i = 0; i < a->len; i++) {
        n += es_obj_equal(array_get(a, i), value);
    }
    return es_obj_new_small_int(n);
}
static ES_DEFINE_FUN_2(array_count_obj, ES_Q_count, array_count);

static es_obj_t array_reverse(es_obj_t self) {
    array_obj_t *a = array_of(self);
    uint8_t tmp[8];
    for (size_t i = 0, j = a->len; i + 1 < j; i++, j--) {
        memcpy(tmp, a->data + i * a->itemsize, a->itemsize);
        memcpy(a->data + i * a->itemsize, a->data + (j - 1) * a->itemsize, a->itemsize);
        memcpy(a->data + (j - 1) * a->itemsize, tmp, a->itemsize);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(array_reverse_obj, ES_Q_reverse, array_reverse);

static es_obj_t array_byteswap(es_obj_t self) {
    array_obj_t *a = array_of(self);
    for (size_t i = 0; i < a->len; i++) {
        uint8_t *p = a->data + i * a->itemsize;
        for (size_t k = 0; k < a->itemsize / 2u; k++) {
            uint8_t t = p[k];
            p[k] = p[a->itemsize - 1 - k];
            p[a->itemsize - 1 - k] = t;
        }
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(array_byteswap_obj, ES_Q_byteswap, array_byteswap);

static es_obj_t array_tobytes(es_obj_t self) {
    array_obj_t *a = array_of(self);
    return es_obj_new_bytes(a->data, a->len * a->itemsize);
}
static ES_DEFINE_FUN_1(array_tobytes_obj, ES_Q_tobytes, array_tobytes);

static es_obj_t array_frombytes(es_obj_t self, es_obj_t bytes) {
    es_buffer_info_t info;
    es_get_buffer_raise(bytes, &info, ES_BUFFER_READ);
    array_extend_bytes(array_of(self), info.buf, info.len);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(array_frombytes_obj, ES_Q_frombytes, array_frombytes);

static es_obj_t array_tolist(es_obj_t self) {
    return array_to_list(array_of(self));
}
static ES_DEFINE_FUN_1(array_tolist_obj, ES_Q_tolist, array_tolist);

static es_obj_t array_fromlist(es_obj_t self, es_obj_t list) {
    if (!es_obj_is_type(list, &es_type_list)) {
        es_raise_msg(&es_type_TypeError, "arg must be list");
    }
    array_obj_t *a = array_of(self);
    size_t old_len = a->len;
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        array_extend_iterable(a, list);
        es_nlr_pop();
    } else {
        a->len = old_len; /* all or nothing, as CPython */
        es_raise(nlr.ret_val);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(array_fromlist_obj, ES_Q_fromlist, array_fromlist);

static es_obj_t array_buffer_info(es_obj_t self) {
    array_obj_t *a = array_of(self);
    es_obj_t items[2] = {es_obj_new_int_from_uint((es_uint_t)(uintptr_t)a->data), es_obj_new_int_from_uint(a->len)};
    return es_obj_new_tuple(2, items);
}
static ES_DEFINE_FUN_1(array_buffer_info_obj, ES_Q_buffer_info, array_buffer_info);

static void array_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    array_obj_t *a = array_of(self);
    if (attr == ES_Q_typecode) {
        dest[0] = es_obj_new_str(&a->typecode, 1);
    } else if (attr == ES_Q_itemsize) {
        dest[0] = es_obj_new_small_int(a->itemsize);
    }
}

static const es_map_elem_t array_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_append), ES_OBJ_FROM_CONST(array_append_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_extend), ES_OBJ_FROM_CONST(array_extend_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_insert), ES_OBJ_FROM_CONST(array_insert_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pop), ES_OBJ_FROM_CONST(array_pop_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_index), ES_OBJ_FROM_CONST(array_index_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_remove), ES_OBJ_FROM_CONST(array_remove_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_count), ES_OBJ_FROM_CONST(array_count_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_reverse), ES_OBJ_FROM_CONST(array_reverse_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_byteswap), ES_OBJ_FROM_CONST(array_byteswap_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_tobytes), ES_OBJ_FROM_CONST(array_tobytes_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_frombytes), ES_OBJ_FROM_CONST(array_frombytes_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_tolist), ES_OBJ_FROM_CONST(array_tolist_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_fromlist), ES_OBJ_FROM_CONST(array_fromlist_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_buffer_info), ES_OBJ_FROM_CONST(array_buffer_info_obj)},
};
static ES_DEFINE_CONST_DICT(array_locals_dict, array_locals_table);

static const es_type_t array_type = {
    .base = {&es_type_type},
    .name = ES_Q_array,
    .print = array_print,
    .make_new = array_make_new,
    .unary_op = array_unary_op,
    .binary_op = array_binary_op,
    .attr = array_attr,
    .subscr = array_subscr,
    .getiter = array_getiter,
    .buffer = array_buffer,
    .locals_dict = (es_obj_dict_t *)&array_locals_dict,
};

static const es_map_elem_t array_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_array)},
    {ES_OBJ_NEW_QSTR(ES_Q_array), ES_OBJ_FROM_CONST(array_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_typecodes), ES_OBJ_NEW_QSTR(ES_Q_bBhHiIlLqQfd)},
};

ES_DEFINE_CONST_MODULE(es_module_array, array_globals_table);
ES_REGISTER_MODULE(ES_Q_array, es_module_array);
