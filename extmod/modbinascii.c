/* modbinascii.c: the binascii module: hex and base64 conversions and CRC-32; binascii.Error is ValueError. */

#include <string.h>

#include "extmod/binary.h"
#include "py/objint.h"
#include "py/runtime.h"

/* Bytes of a bytes-like object, or of an ASCII str (the a2b_ functions accept both). */
static void get_input(es_obj_t o, const uint8_t **data, size_t *len) {
    if (es_obj_is_str(o)) {
        const char *s = es_obj_str_get_data(o, len);
        for (size_t i = 0; i < *len; i++) {
            if ((uint8_t)s[i] >= 0x80) {
                es_raise_msg(&es_type_ValueError, "string argument should contain only ASCII characters");
            }
        }
        *data = (const uint8_t *)s;
        return;
    }
    es_buffer_info_t info;
    es_get_buffer_raise(o, &info, ES_BUFFER_READ);
    *data = info.buf;
    *len = info.len;
}

/* ---- hex ------------------------------------------------------------------------------- */

static const char hex_digits[] = "0123456789abcdef";

static es_obj_t binascii_hexlify(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_data, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_sep, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_bytes_per_sep, ES_ARG_INT, {.u_int = 1}},
    };
    es_arg_val_t vals[3];
    es_arg_parse_all(n_args, args, kw_args, 3, allowed, vals);
    es_buffer_info_t info;
    es_get_buffer_raise(vals[0].u_obj, &info, ES_BUFFER_READ);
    const uint8_t *data = info.buf;
    char sep = 0;
    if (vals[1].u_obj != ES_OBJ_NULL && vals[1].u_obj != ES_OBJ_NONE) {
        const uint8_t *sep_data;
        size_t sep_len;
        get_input(vals[1].u_obj, &sep_data, &sep_len);
        if (sep_len != 1) {
            es_raise_msg(&es_type_ValueError, "sep must be length 1.");
        }
        sep = (char)sep_data[0];
    }
    es_int_t per_sep = vals[2].u_int;
    size_t group = (size_t)(per_sep < 0 ? -per_sep : per_sep);
    es_vstr_t vstr;
    es_vstr_init(&vstr, info.len * 3 + 1);
    for (size_t i = 0; i < info.len; i++) {
        if (sep != 0 && group != 0 && i > 0) {
            /* Positive bytes_per_sep counts the groups from the right, negative from the left. */
            size_t pos = per_sep > 0 ? info.len - i : i;
            if (pos % group == 0) {
                es_vstr_add_byte(&vstr, (uint8_t)sep);
            }
        }
        es_vstr_add_byte(&vstr, (uint8_t)hex_digits[data[i] >> 4]);
        es_vstr_add_byte(&vstr, (uint8_t)hex_digits[data[i] & 15]);
    }
    return es_obj_new_str_from_vstr(&es_type_bytes, &vstr);
}
static ES_DEFINE_FUN_KW(binascii_hexlify_obj, ES_Q_hexlify, 1, binascii_hexlify);
static ES_DEFINE_FUN_KW(binascii_b2a_hex_obj, ES_Q_b2a_hex, 1, binascii_hexlify);

static int hex_value(uint8_t c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static es_obj_t binascii_unhexlify(es_obj_t hexstr) {
    const uint8_t *data;
    size_t len;
    get_input(hexstr, &data, &len);
    if (len % 2 != 0) {
        es_raise_msg(&es_type_ValueError, "Odd-length string");
    }
    es_vstr_t vstr;
    es_vstr_init(&vstr, len / 2 + 1);
    for (size_t i = 0; i < len; i += 2) {
        int hi = hex_value(data[i]);
        int lo = hex_value(data[i + 1]);
        if (hi < 0 || lo < 0) {
            es_raise_msg(&es_type_ValueError, "Non-hexadecimal digit found");
        }
        es_vstr_add_byte(&vstr, (uint8_t)(hi << 4 | lo));
    }
    return es_obj_new_str_from_vstr(&es_type_bytes, &vstr);
}
static ES_DEFINE_FUN_1(binascii_unhexlify_obj, ES_Q_unhexlify, binascii_unhexlify);
static ES_DEFINE_FUN_1(binascii_a2b_hex_obj, ES_Q_a2b_hex, binascii_unhexlify);

/* ---- base64 ------------------------------------------------------------------------------ */

static const char base64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int base64_value(uint8_t c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == '+') {
        return 62;
    }
    if (c == '/') {
        return 63;
    }
    return -1;
}

static es_obj_t binascii_b2a_base64(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_data, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_newline, ES_ARG_BOOL | ES_ARG_KW_ONLY, {.u_bool = true}},
    };
    es_arg_val_t vals[2];
    es_arg_parse_all(n_args, args, kw_args, 2, allowed, vals);
    es_buffer_info_t info;
    es_get_buffer_raise(vals[0].u_obj, &info, ES_BUFFER_READ);
    const uint8_t *in = info.buf;
    es_vstr_t vstr;
    es_vstr_init(&vstr, (info.len + 2) / 3 * 4 + 2);
    size_t i = 0;
    for (; i + 3 <= info.len; i += 3) {
        uint32_t triple = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
        for (int k = 3; k >= 0; k--) {
            es_vstr_add_byte(&vstr, (uint8_t)base64_alphabet[(triple >> (6 * k)) & 63]);
        }
    }
    size_t rest = info.len - i;
    if (rest > 0) {
        uint32_t triple = (uint32_t)in[i] << 16 | (rest == 2 ? (uint32_t)in[i + 1] << 8 : 0);
        es_vstr_add_byte(&vstr, (uint8_t)base64_alphabet[(triple >> 18) & 63]);
        es_vstr_add_byte(&vstr, (uint8_t)base64_alphabet[(triple >> 12) & 63]);
        es_vstr_add_byte(&vstr, rest == 2 ? (uint8_t)base64_alphabet[(triple >> 6) & 63] : '=');
        es_vstr_add_byte(&vstr, '=');
    }
    if (vals[1].u_bool) {
        es_vstr_add_byte(&vstr, '\n');
    }
    return es_obj_new_str_from_vstr(&es_type_bytes, &vstr);
}
static ES_DEFINE_FUN_KW(binascii_b2a_base64_obj, ES_Q_b2a_base64, 1, binascii_b2a_base64);

/*
** Decoding follows CPython's non-strict rules: characters outside the alphabet are skipped,
** '=' ends the data once it completes a quad, and a final partial quad is an error.
*/
static es_obj_t binascii_a2b_base64(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_data, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_strict_mode, ES_ARG_BOOL | ES_ARG_KW_ONLY, {.u_bool = false}},
    };
    es_arg_val_t vals[2];
    es_arg_parse_all(n_args, args, kw_args, 2, allowed, vals);
    bool strict = vals[1].u_bool;
    const uint8_t *data;
    size_t len;
    get_input(vals[0].u_obj, &data, &len);
    es_vstr_t vstr;
    es_vstr_init(&vstr, len / 4 * 3 + 3);
    int quad_pos = 0;
    int pads = 0;
    bool padding_started = false;
    uint32_t left = 0;
    if (strict && len > 0 && data[0] == '=') {
        es_raise_msg(&es_type_ValueError, "Leading padding not allowed");
    }
    for (size_t i = 0; i < len; i++) {
        uint8_t c = data[i];
        if (c == '=') {
            padding_started = true;
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                if (strict && i + 1 < len) {
                    es_raise_msg(&es_type_ValueError, "Excess data after padding");
                }
                quad_pos = 0;
                break;
            }
            continue;
        }
        int v = base64_value(c);
        if (v < 0) {
            if (strict) {
                es_raise_msg(&es_type_ValueError, "Only base64 data is allowed");
            }
            continue;
        }
        if (strict && padding_started) {
            es_raise_msg(&es_type_ValueError, "Discontinuous padding not allowed");
        }
        pads = 0;
        left = (left << 6) | (uint32_t)v;
        quad_pos++;
        if (quad_pos == 2) {
            es_vstr_add_byte(&vstr, (uint8_t)(left >> 4));
            left &= 0xf;
        } else if (quad_pos == 3) {
            es_vstr_add_byte(&vstr, (uint8_t)(left >> 2));
            left &= 0x3;
        } else if (quad_pos == 4) {
            es_vstr_add_byte(&vstr, (uint8_t)left);
            left = 0;
            quad_pos = 0;
        }
    }
    if (quad_pos == 1) {
        es_raise_msg_varg(&es_type_ValueError,
                          "Invalid base64-encoded string: number of data characters (%u) cannot be 1 more than a multiple of 4",
                          (unsigned)(vstr.len / 3 * 4 + 1));
    }
    if (quad_pos != 0) {
        es_raise_msg(&es_type_ValueError, "Incorrect padding");
    }
    return es_obj_new_str_from_vstr(&es_type_bytes, &vstr);
}
static ES_DEFINE_FUN_KW(binascii_a2b_base64_obj, ES_Q_a2b_base64, 1, binascii_a2b_base64);

/* ---- CRC-32 (the zlib polynomial), a nibble at a time: a 64-byte table in flash ------------- */

static const uint32_t crc32_nibble_table[16] = {
    0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
    0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
};

static es_obj_t binascii_crc32(size_t n_args, const es_obj_t *args) {
    es_buffer_info_t info;
    es_get_buffer_raise(args[0], &info, ES_BUFFER_READ);
    uint32_t crc = 0;
    if (n_args > 1) {
        /* Any int is accepted; only its low 32 bits matter. */
        es_obj_t masked = es_binary_op(ES_BINARY_OP_AND, args[1], es_obj_new_int_from_ull(0xffffffffu));
        uint8_t bytes[4];
        es_obj_int_to_bytes_buf(masked, bytes, 4, false, false);
        crc = (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8 | (uint32_t)bytes[2] << 16 | (uint32_t)bytes[3] << 24;
    }
    crc = ~crc;
    const uint8_t *p = info.buf;
    for (size_t i = 0; i < info.len; i++) {
        crc ^= p[i];
        crc = (crc >> 4) ^ crc32_nibble_table[crc & 15];
        crc = (crc >> 4) ^ crc32_nibble_table[crc & 15];
    }
    return es_obj_new_int_from_uint(~crc);
}
static ES_DEFINE_FUN_VAR(binascii_crc32_obj, ES_Q_crc32, 1, 2, binascii_crc32);

static const es_map_elem_t binascii_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_binascii)},
    {ES_OBJ_NEW_QSTR(ES_Q_hexlify), ES_OBJ_FROM_CONST(binascii_hexlify_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_b2a_hex), ES_OBJ_FROM_CONST(binascii_b2a_hex_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_unhexlify), ES_OBJ_FROM_CONST(binascii_unhexlify_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_a2b_hex), ES_OBJ_FROM_CONST(binascii_a2b_hex_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_a2b_base64), ES_OBJ_FROM_CONST(binascii_a2b_base64_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_b2a_base64), ES_OBJ_FROM_CONST(binascii_b2a_base64_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_crc32), ES_OBJ_FROM_CONST(binascii_crc32_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_Error), ES_OBJ_FROM_CONST(es_type_ValueError)},
};

ES_DEFINE_CONST_MODULE(es_module_binascii, binascii_globals_table);
ES_REGISTER_MODULE(ES_Q_binascii, es_module_binascii);
