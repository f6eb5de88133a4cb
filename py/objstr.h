/* objstr.h: str, bytes and bytearray internals shared by objstr.c, objstrformat.c and objbytearray.c. */
#pragma once

#include "py/obj.h"
#include "py/print.h"
#include "py/unicode.h"

/* A mutable byte buffer. */
typedef struct es_obj_bytearray_t {
    es_obj_base_t base;
    size_t alloc;
    size_t len;
    uint8_t *items;
} es_obj_bytearray_t;

/* format(value, spec): calls value.__format__(spec) for user objects; spec is a str. */
es_obj_t es_obj_format(es_obj_t value, es_obj_t spec);

/* chr() and ord() for the builtins module. */
es_obj_t es_obj_str_chr(es_int_t codepoint);  /* ValueError outside range(0x110000) */
es_obj_t es_obj_str_ord(es_obj_t o);          /* str of one code point or bytes-like of one byte */

/* Bytes of any str, bytes or bytearray (qstrs included); TypeError otherwise. */
const uint8_t *es_str_bytes(es_obj_t o, size_t *len);
/* Number of code points of a str (bytes of bytes). */
size_t es_str_char_len(es_obj_t o);

/* Fills info from o's buffer slot; false when o has no buffer. */
bool es_str_get_buffer(es_obj_t o, es_buffer_info_t *info, int flags);
/* Same, raising TypeError "a bytes-like object is required, not 'X'" when o has none. */
void es_str_get_buffer_raise(es_obj_t o, es_buffer_info_t *info, int flags);

/* Writes data as repr() does: quotes chosen as CPython, escapes; with the b prefix for bytes. */
void es_str_print_quoted(const es_print_t *print, const uint8_t *data, size_t len, bool is_bytes);
/* ascii(): like repr() of a str but with every non-ASCII code point escaped. */
void es_str_print_ascii(const es_print_t *print, const uint8_t *data, size_t len);

/* A new object of the same kind as `like` (str, bytes or bytearray) holding a copy of data. */
es_obj_t es_str_new_like(es_obj_t like, const uint8_t *data, size_t len);
es_obj_t es_obj_new_bytearray(size_t len, const uint8_t *data); /* data may be NULL: zeros */
es_obj_t es_obj_new_bytearray_from_vstr(es_vstr_t *vstr);

/* The % operator (objstrformat.c): self is str or bytes, args one value, a tuple or a mapping. */
es_obj_t es_str_modulo_format(es_obj_t self, es_obj_t args);

/* Methods bytes and bytearray share (objstr.c); objbytearray.c puts them in its own table.
** Each entry names the method and its qstr (spelled out so the qstr scanner sees it). */
#define ES_BYTES_SHARED_METHODS(X) \
    X(capitalize, ES_Q_capitalize) \
    X(center, ES_Q_center) \
    X(count, ES_Q_count) \
    X(decode, ES_Q_decode) \
    X(endswith, ES_Q_endswith) \
    X(expandtabs, ES_Q_expandtabs) \
    X(find, ES_Q_find) \
    X(hex, ES_Q_hex) \
    X(index, ES_Q_index) \
    X(isalnum, ES_Q_isalnum) \
    X(isalpha, ES_Q_isalpha) \
    X(isascii, ES_Q_isascii) \
    X(isdigit, ES_Q_isdigit) \
    X(islower, ES_Q_islower) \
    X(isspace, ES_Q_isspace) \
    X(istitle, ES_Q_istitle) \
    X(isupper, ES_Q_isupper) \
    X(join, ES_Q_join) \
    X(ljust, ES_Q_ljust) \
    X(lower, ES_Q_lower) \
    X(lstrip, ES_Q_lstrip) \
    X(partition, ES_Q_partition) \
    X(removeprefix, ES_Q_removeprefix) \
    X(removesuffix, ES_Q_removesuffix) \
    X(replace, ES_Q_replace) \
    X(rfind, ES_Q_rfind) \
    X(rindex, ES_Q_rindex) \
    X(rjust, ES_Q_rjust) \
    X(rpartition, ES_Q_rpartition) \
    X(rsplit, ES_Q_rsplit) \
    X(rstrip, ES_Q_rstrip) \
    X(split, ES_Q_split) \
    X(splitlines, ES_Q_splitlines) \
    X(startswith, ES_Q_startswith) \
    X(strip, ES_Q_strip) \
    X(swapcase, ES_Q_swapcase) \
    X(title, ES_Q_title) \
    X(translate, ES_Q_translate) \
    X(upper, ES_Q_upper) \
    X(zfill, ES_Q_zfill)
#define ES_STR_DECLARE_METHOD(name, qname) extern const es_obj_fun_builtin_t es_strmeth_##name##_obj;
ES_BYTES_SHARED_METHODS(ES_STR_DECLARE_METHOD)
extern const es_obj_fun_builtin_t es_strmeth_format_obj;     /* objstrformat.c */
extern const es_obj_fun_builtin_t es_strmeth_format_map_obj; /* objstrformat.c */
extern const es_obj_static_class_method_t es_bytes_maketrans_obj;
extern const es_obj_static_class_method_t es_bytes_fromhex_obj; /* classmethod: bytes or bytearray */

/* An iterator yielding the ints of any bytes-like object (bytes, bytearray). */
es_obj_t es_bytes_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf);

/* Shared pieces of bytes/bytearray behaviour. */
/* Appends to vstr the bytes that bytes(...)/bytearray(...) make of their arguments. */
void es_bytes_fill_from_args(const char *fname, size_t n_args, size_t n_kw, const es_obj_t *args, es_vstr_t *vstr);
es_obj_t es_bytes_decode(const uint8_t *data, size_t len, es_obj_t encoding, es_obj_t errors);
es_obj_t es_str_compare_bytes(es_binary_op_t op, const uint8_t *a, size_t alen, const uint8_t *b, size_t blen);
