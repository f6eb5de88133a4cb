/* objmemoryview.c: memoryview over any object with a buffer, sliced without copying. */

#include <string.h>

#include "py/runtime.h"
#include "py/sequence.h"

/*
** A view keeps the object and where its items lie (first item, stride and count), never a
** raw pointer: a bytearray may move its storage, so the buffer is fetched again on each use.
*/
typedef struct memoryview_t {
    es_obj_base_t base;
    es_obj_t obj;
    size_t start; /* first item, counted in items of the underlying buffer */
    es_int_t step;
    size_t len;   /* items */
    uint8_t typecode;
    uint8_t itemsize;
    bool readonly;
    bool released;
} memoryview_t;

static size_t typecode_size(int typecode) {
    switch (typecode) {
    case 'b':
    case 'B':
    case 'c':
        return 1;
    case 'h':
    case 'H':
        return 2;
    case 'i':
    case 'I':
    case 'f':
        return 4;
    case 'l':
    case 'L':
        return sizeof(long);
    case 'q':
    case 'Q':
    case 'd':
        return 8;
    case 'P':
        return sizeof(void *);
    default:
        return 1;
    }
}

static void get_buffer_or_raise(es_obj_t obj, es_buffer_info_t *info, int flags) {
    const es_type_t *type = es_obj_get_type(obj);
    if (type->buffer == NULL || type->buffer(obj, info, flags) != 0) {
        es_raise_msg_varg(&es_type_TypeError, "memoryview: a bytes-like object is required, not '%s'",
                          es_obj_type_name(obj));
    }
}

/* The view's underlying bytes, checked to still cover the view. */
static uint8_t *view_data(memoryview_t *mv, int flags) {
    if (mv->released) {
        es_raise_msg(&es_type_ValueError, "operation forbidden on released memoryview object");
    }
    es_buffer_info_t info;
    get_buffer_or_raise(mv->obj, &info, flags);
    size_t n_items = info.len / mv->itemsize;
    if (mv->len > 0) {
        es_int_t last = (es_int_t)mv->start + (es_int_t)(mv->len - 1) * mv->step;
        if ((size_t)last >= n_items || mv->start >= n_items) {
            es_raise_msg(&es_type_IndexError, "memoryview: underlying buffer has shrunk");
        }
    }
    return info.buf;
}

static es_obj_t new_view(es_obj_t obj, int typecode, size_t start, es_int_t step, size_t len, bool readonly) {
    memoryview_t *mv = es_new(memoryview_t);
    mv->base.type = &es_type_memoryview;
    mv->obj = obj;
    mv->start = start;
    mv->step = step;
    mv->len = len;
    mv->typecode = (uint8_t)typecode;
    mv->itemsize = (uint8_t)typecode_size(typecode);
    mv->readonly = readonly;
    return es_obj_from_ptr(mv);
}

static es_obj_t memoryview_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_check_num(n_args, n_kw, 1, 1, false);
    es_obj_t obj = args[0];
    if (es_obj_is_type(obj, &es_type_memoryview)) {
        memoryview_t *src = es_obj_to_ptr(obj);
        return new_view(src->obj, src->typecode, src->start, src->step, src->len, src->readonly);
    }
    es_buffer_info_t info;
    get_buffer_or_raise(obj, &info, ES_BUFFER_READ);
    /* writable when the object also lends its buffer for writing (bytearray, array) */
    es_buffer_info_t winfo;
    bool readonly = es_obj_get_type(obj)->buffer(obj, &winfo, ES_BUFFER_WRITE) != 0;
    int typecode = info.typecode != 0 ? info.typecode : 'B';
    return new_view(obj, typecode, 0, 1, info.len / typecode_size(typecode), readonly);
}

/* ---- items -------------------------------------------------------------------------- */

static es_obj_t load_item(const uint8_t *p, int typecode) {
    union {
        int8_t i8;
        uint8_t u8;
        int16_t i16;
        uint16_t u16;
        int32_t i32;
        uint32_t u32;
        long l;
        unsigned long ul;
        int64_t i64;
        uint64_t u64;
        float f;
        double d;
        void *ptr;
    } v;
    memcpy(&v, p, typecode_size(typecode));
    switch (typecode) {
    case 'b':
        return es_obj_new_small_int(v.i8);
    case 'B':
        return es_obj_new_small_int(v.u8);
    case 'c':
        return es_obj_new_bytes(&v.u8, 1);
    case 'h':
        return es_obj_new_small_int(v.i16);
    case 'H':
        return es_obj_new_small_int(v.u16);
    case 'i':
        return es_obj_new_int(v.i32);
    case 'I':
        return es_obj_new_int_from_uint(v.u32);
    case 'l':
        return es_obj_new_int_from_ll(v.l);
    case 'L':
        return es_obj_new_int_from_ull(v.ul);
    case 'q':
        return es_obj_new_int_from_ll(v.i64);
    case 'Q':
        return es_obj_new_int_from_ull(v.u64);
    case 'f':
        return es_obj_new_float((es_float_t)v.f);
    case 'd':
        return es_obj_new_float((es_float_t)v.d);
    case 'P':
        return es_obj_new_int_from_ull((uintptr_t)v.ptr);
    default:
        return es_obj_new_small_int(v.u8);
    }
}

_Noreturn static void invalid_value(int typecode, bool is_type) {
    es_raise_msg_varg(is_type ? &es_type_TypeError : &es_type_ValueError, "memoryview: invalid %s for format '%c'",
                      is_type ? "type" : "value", typecode);
}

static void store_item(uint8_t *p, int typecode, es_obj_t value) {
    if (typecode == 'f' || typecode == 'd') {
        es_float_t f;
        if (!es_obj_get_float_maybe(value, &f)) {
            invalid_value(typecode, true);
        }
        if (typecode == 'f') {
            float x = (float)f;
            memcpy(p, &x, sizeof(x));
        } else {
            double x = (double)f;
            memcpy(p, &x, sizeof(x));
        }
        return;
    }
    if (typecode == 'c') {
        size_t len;
        if (!es_obj_is_type(value, &es_type_bytes) || (es_obj_str_get_data(value, &len), len != 1)) {
            invalid_value(typecode, true);
        }
        *p = (uint8_t)es_obj_str_get_data(value, &len)[0];
        return;
    }
    if (!es_obj_is_small_int(value) && !es_obj_is_int(value)) {
        invalid_value(typecode, true);
    }
    size_t size = typecode_size(typecode);
    bool is_signed = typecode == 'b' || typecode == 'h' || typecode == 'i' || typecode == 'l' || typecode == 'q';
    es_int_t v;
    if (!es_obj_get_int_maybe(value, &v)) {
        invalid_value(typecode, false); /* beyond a machine word */
    }
    if (size < sizeof(es_int_t)) {
        es_int_t bits = (es_int_t)size * 8;
        es_int_t lo = is_signed ? -((es_int_t)1 << (bits - 1)) : 0;
        es_int_t hi = is_signed ? ((es_int_t)1 << (bits - 1)) - 1 : ((es_int_t)1 << bits) - 1;
        if (v < lo || v > hi) {
            invalid_value(typecode, false);
        }
    } else if (!is_signed && v < 0) {
        invalid_value(typecode, false);
    }
    /* little-endian hosts and targets: the low bytes come first */
    int64_t wide = (int64_t)v;
    memcpy(p, &wide, size);
}

static uint8_t *item_ptr(memoryview_t *mv, uint8_t *data, size_t i) {
    return data + ((es_int_t)mv->start + (es_int_t)i * mv->step) * (es_int_t)mv->itemsize;
}

static es_obj_t memoryview_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    index = es_seq_plain_index(index);
    memoryview_t *mv = es_obj_to_ptr(self);
    if (value != ES_OBJ_SENTINEL && mv->readonly) {
        es_raise_msg(&es_type_TypeError, "cannot modify read-only memory");
    }
    if (value == ES_OBJ_NULL) {
        es_raise_msg(&es_type_TypeError, "cannot delete memory");
    }
    if (es_obj_is_slice(index)) {
        es_bound_slice_t b;
        size_t n = es_seq_slice_bounds(index, mv->len, &b);
        size_t start = (size_t)((es_int_t)mv->start + b.start * mv->step);
        es_obj_t view = new_view(mv->obj, mv->typecode, n > 0 ? start : mv->start, mv->step * b.step, n, mv->readonly);
        if (value == ES_OBJ_SENTINEL) {
            return view;
        }
        /* slice assignment: same number of items, same format */
        memoryview_t *dest = es_obj_to_ptr(view);
        es_buffer_info_t src;
        get_buffer_or_raise(value, &src, ES_BUFFER_READ);
        int src_typecode = src.typecode != 0 ? src.typecode : 'B';
        if (es_obj_is_type(value, &es_type_memoryview)) {
            value = es_call_function_1(ES_OBJ_FROM_CONST(es_type_bytes), value);
            get_buffer_or_raise(value, &src, ES_BUFFER_READ);
        }
        if (typecode_size(src_typecode) != dest->itemsize || src.len / dest->itemsize != n) {
            es_raise_msg(&es_type_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
        }
        uint8_t *data = view_data(dest, ES_BUFFER_WRITE);
        const uint8_t *from = src.buf;
        /* copy through a temporary: the source may overlap the destination */
        uint8_t *tmp = es_alloc(src.len > 0 ? src.len : 1);
        memcpy(tmp, from, src.len);
        for (size_t i = 0; i < n; i++) {
            memcpy(item_ptr(dest, data, i), tmp + i * dest->itemsize, dest->itemsize);
        }
        es_free(tmp);
        return ES_OBJ_NONE;
    }
    size_t i = es_seq_get_index(&es_type_memoryview, mv->len, index, "index out of bounds on dimension 1");
    if (value == ES_OBJ_SENTINEL) {
        return load_item(item_ptr(mv, view_data(mv, ES_BUFFER_READ), i), mv->typecode);
    }
    store_item(item_ptr(mv, view_data(mv, ES_BUFFER_WRITE), i), mv->typecode, value);
    return ES_OBJ_NONE;
}

/* Copies the view's bytes into a vstr (gathering strided items). */
static void view_bytes(memoryview_t *mv, es_vstr_t *vstr) {
    es_vstr_init(vstr, mv->len * mv->itemsize + 1);
    uint8_t *data = view_data(mv, ES_BUFFER_READ);
    for (size_t i = 0; i < mv->len; i++) {
        es_vstr_add_strn(vstr, (const char *)item_ptr(mv, data, i), mv->itemsize);
    }
}

static es_obj_t memoryview_tobytes(es_obj_t self) {
    es_vstr_t vstr;
    view_bytes(es_obj_to_ptr(self), &vstr);
    return es_obj_new_str_from_vstr(&es_type_bytes, &vstr);
}
static ES_DEFINE_FUN_1(memoryview_tobytes_obj, ES_Q_tobytes, memoryview_tobytes);

static es_obj_t memoryview_tolist(es_obj_t self) {
    memoryview_t *mv = es_obj_to_ptr(self);
    es_obj_t list = es_obj_new_list(mv->len, NULL);
    es_obj_t *items;
    size_t n;
    es_obj_get_array(list, &n, &items);
    uint8_t *data = view_data(mv, ES_BUFFER_READ);
    for (size_t i = 0; i < n; i++) {
        items[i] = load_item(item_ptr(mv, data, i), mv->typecode);
    }
    return list;
}
static ES_DEFINE_FUN_1(memoryview_tolist_obj, ES_Q_tolist, memoryview_tolist);

static es_obj_t memoryview_hex(es_obj_t self) {
    es_vstr_t bytes, hex;
    view_bytes(es_obj_to_ptr(self), &bytes);
    es_vstr_init(&hex, bytes.len * 2 + 1);
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < bytes.len; i++) {
        uint8_t b = (uint8_t)bytes.buf[i];
        es_vstr_add_byte(&hex, (uint8_t)digits[b >> 4]);
        es_vstr_add_byte(&hex, (uint8_t)digits[b & 15]);
    }
    es_vstr_clear(&bytes);
    return es_obj_new_str_from_vstr(&es_type_str, &hex);
}
static ES_DEFINE_FUN_1(memoryview_hex_obj, ES_Q_hex, memoryview_hex);

static es_obj_t memoryview_release(es_obj_t self) {
    ((memoryview_t *)es_obj_to_ptr(self))->released = true;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(memoryview_release_obj, ES_Q_release, memoryview_release);

static es_obj_t memoryview_enter(es_obj_t self) { return self; }
static ES_DEFINE_FUN_1(memoryview_enter_obj, ES_Q___enter__, memoryview_enter);

static es_obj_t memoryview_exit(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    return memoryview_release(args[0]);
}
static ES_DEFINE_FUN_VAR(memoryview_exit_obj, ES_Q___exit__, 1, 4, memoryview_exit);

static const es_map_elem_t memoryview_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___getitem__), ES_OBJ_FROM_CONST(es_dunder_getitem_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___setitem__), ES_OBJ_FROM_CONST(es_dunder_setitem_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___len__), ES_OBJ_FROM_CONST(es_dunder_len_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_hex), ES_OBJ_FROM_CONST(memoryview_hex_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_release), ES_OBJ_FROM_CONST(memoryview_release_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_tobytes), ES_OBJ_FROM_CONST(memoryview_tobytes_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_tolist), ES_OBJ_FROM_CONST(memoryview_tolist_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___enter__), ES_OBJ_FROM_CONST(memoryview_enter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___exit__), ES_OBJ_FROM_CONST(memoryview_exit_obj)},
};
static ES_DEFINE_CONST_DICT(memoryview_locals_dict, memoryview_locals_table);

static void memoryview_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    memoryview_t *mv = es_obj_to_ptr(self);
    switch (attr) {
    case ES_Q_itemsize:
        dest[0] = es_obj_new_small_int(mv->itemsize);
        return;
    case ES_Q_format: {
        char f = (char)mv->typecode;
        dest[0] = es_obj_new_str(&f, 1);
        return;
    }
    case ES_Q_readonly:
        dest[0] = es_obj_new_bool(mv->readonly);
        return;
    case ES_Q_nbytes:
        dest[0] = es_obj_new_int((es_int_t)(mv->len * mv->itemsize));
        return;
    case ES_Q_obj:
        dest[0] = mv->obj;
        return;
    case ES_Q_ndim:
        dest[0] = ES_OBJ_NEW_SMALL_INT(1);
        return;
    case ES_Q_shape: {
        es_obj_t n = es_obj_new_int((es_int_t)mv->len);
        dest[0] = es_obj_new_tuple(1, &n);
        return;
    }
    case ES_Q_strides: {
        es_obj_t s = es_obj_new_int(mv->step * mv->itemsize);
        dest[0] = es_obj_new_tuple(1, &s);
        return;
    }
    case ES_Q_c_contiguous:
    case ES_Q_contiguous:
        dest[0] = es_obj_new_bool(mv->step == 1 || mv->len <= 1);
        return;
    default: {
        es_map_elem_t *e =
            es_map_lookup((es_map_t *)&memoryview_locals_dict.map, es_obj_new_qstr(attr), ES_MAP_LOOKUP);
        if (e != NULL) {
            dest[0] = e->value;
            dest[1] = self;
        }
    }
    }
}

static es_obj_t memoryview_unary_op(es_unary_op_t op, es_obj_t self) {
    memoryview_t *mv = es_obj_to_ptr(self);
    switch (op) {
    case ES_UNARY_OP_LEN:
        view_data(mv, ES_BUFFER_READ);
        return es_obj_new_small_int((es_int_t)mv->len);
    case ES_UNARY_OP_BOOL:
        return ES_OBJ_TRUE;
    default:
        return ES_OBJ_NULL;
    }
}

/* A view equals any bytes-like object holding the same items (compared as values, like CPython). */
static es_obj_t memoryview_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    if (op != ES_BINARY_OP_EQUAL && op != ES_BINARY_OP_NOT_EQUAL) {
        return ES_OBJ_NULL;
    }
    bool equal = lhs == rhs;
    if (!equal) {
        const es_type_t *type = es_obj_get_type(rhs);
        es_buffer_info_t info;
        if (type->buffer == NULL || type->buffer(rhs, &info, ES_BUFFER_READ) != 0) {
            return ES_OBJ_NULL;
        }
        es_obj_t other = es_obj_is_type(rhs, &es_type_memoryview) ? rhs : memoryview_make_new(&es_type_memoryview, 1, 0, &rhs);
        equal = es_obj_equal(memoryview_tolist(lhs), memoryview_tolist(other));
    }
    return es_obj_new_bool(equal == (op == ES_BINARY_OP_EQUAL));
}

static es_obj_t memoryview_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return es_obj_new_getitem_iter(self);
}

/* A memoryview lends its bytes on when they are contiguous. */
static int memoryview_buffer(es_obj_t self, es_buffer_info_t *info, int flags) {
    memoryview_t *mv = es_obj_to_ptr(self);
    if (mv->released || (mv->step != 1 && mv->len > 1) || ((flags & ES_BUFFER_WRITE) && mv->readonly)) {
        return 1;
    }
    uint8_t *data = view_data(mv, flags);
    info->buf = data + mv->start * mv->itemsize;
    info->len = mv->len * mv->itemsize;
    info->typecode = mv->typecode;
    return 0;
}

static void memoryview_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_printf(print, "<%smemory at %p>", ((memoryview_t *)es_obj_to_ptr(self))->released ? "released " : "",
              es_obj_to_ptr(self));
}

const es_type_t es_type_memoryview = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_FINAL,
    .name = ES_Q_memoryview,
    .print = memoryview_print,
    .make_new = memoryview_make_new,
    .unary_op = memoryview_unary_op,
    .binary_op = memoryview_binary_op,
    .attr = memoryview_attr,
    .subscr = memoryview_subscr,
    .getiter = memoryview_getiter,
    .buffer = memoryview_buffer,
    .locals_dict = (es_obj_dict_t *)&memoryview_locals_dict,
};
