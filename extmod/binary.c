/* binary.c: reading and writing C values in raw bytes by typecode, for struct and array. */

#include <math.h>
#include <string.h>

#include "extmod/binary.h"
#include "py/runtime.h"

bool es_binary_native_big_endian(void) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return true;
#else
    return false;
#endif
}

size_t es_binary_size(char code, bool native, size_t *align) {
    size_t size = 0;
    size_t native_align = 1;
    switch (code) {
        case 'c':
        case 'b':
        case 'B':
            size = 1;
            break;
        case '?':
            size = 1;
            native_align = _Alignof(_Bool);
            break;
        case 'h':
        case 'H':
            size = 2;
            native_align = _Alignof(short);
            break;
        case 'i':
        case 'I':
            size = native ? sizeof(int) : 4;
            native_align = _Alignof(int);
            break;
        case 'l':
        case 'L':
            size = native ? sizeof(long) : 4;
            native_align = _Alignof(long);
            break;
        case 'q':
        case 'Q':
            size = 8;
            native_align = _Alignof(long long);
            break;
        case 'n':
        case 'N':
            size = native ? sizeof(size_t) : 0;
            native_align = _Alignof(size_t);
            break;
        case 'P':
            size = native ? sizeof(void *) : 0;
            native_align = _Alignof(void *);
            break;
        case 'e':
            size = 2;
            native_align = _Alignof(short);
            break;
        case 'f':
            size = 4;
            native_align = _Alignof(float);
            break;
        case 'd':
            size = 8;
            native_align = _Alignof(double);
            break;
        default:
            break;
    }
    *align = native ? native_align : 1;
    return size;
}

static bool code_is_signed(char code) {
    return code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n';
}

/* ---- half precision (IEEE binary16), for the 'e' code ---------------------------------- */

static double half_to_double(uint16_t h) {
    int exponent = (h >> 10) & 0x1f;
    int mantissa = h & 0x3ff;
    double value;
    if (exponent == 0) {
        value = ldexp(mantissa, -24);
    } else if (exponent == 31) {
        value = mantissa != 0 ? NAN : INFINITY;
    } else {
        value = ldexp(mantissa + 1024, exponent - 25);
    }
    return (h & 0x8000) ? -value : value;
}

/* Rounds half to even, as CPython's packer does. */
static uint16_t double_to_half(double x) {
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    double a = fabs(x);
    if (isnan(x)) {
        return sign | 0x7e00;
    }
    if (isinf(x)) {
        return sign | 0x7c00;
    }
    if (a == 0) {
        return sign;
    }
    int e;
    double m = frexp(a, &e);
    int exponent = e - 1; /* a = 1.f * 2**exponent */
    if (exponent < -14) {
        /* Subnormal: units of 2**-24; a carry into 0x400 is the smallest normal, as it should be. */
        return sign | (uint16_t)rint(ldexp(a, 24));
    }
    long mantissa = (long)rint(ldexp(m, 11)); /* 1024 .. 2048 */
    if (mantissa == 2048) {
        mantissa = 1024;
        exponent++;
    }
    if (exponent > 15) {
        es_raise_msg(&es_type_OverflowError, "float too large to pack with e format");
    }
    return sign | (uint16_t)((exponent + 15) << 10) | (uint16_t)(mantissa - 1024);
}

/* ---- ints --------------------------------------------------------------------------- */

static es_obj_t int_value(es_obj_t v) {
    if (v == ES_OBJ_TRUE || v == ES_OBJ_FALSE) {
        return es_obj_new_small_int(v == ES_OBJ_TRUE);
    }
    if (es_obj_is_small_int(v) || es_obj_is_int(v)) {
        return v;
    }
    if (!es_obj_is_float(v)) {
        es_obj_t dest[2];
        es_load_method_maybe(v, ES_Q___index__, dest);
        if (dest[0] != ES_OBJ_NULL) {
            es_obj_t i = es_call_method_n_kw(0, 0, dest);
            if (es_obj_is_small_int(i) || es_obj_is_int(i)) {
                return i;
            }
        }
    }
    es_raise_msg(&es_type_ValueError, "required argument is not an integer");
}

/* Two's complement low 64 bits of v; false when v is outside -2**63 .. 2**64-1. */
static bool int_to_64(es_obj_t v, uint64_t *bits, bool *negative) {
    if (es_obj_is_small_int(v)) {
        es_int_t i = es_small_int_value(v);
        *negative = i < 0;
        *bits = (uint64_t)(int64_t)i;
        return true;
    }
    *negative = es_binary_op(ES_BINARY_OP_LESS, v, es_obj_new_small_int(0)) == ES_OBJ_TRUE;
    if (es_binary_op(ES_BINARY_OP_LESS, v, es_obj_new_int_from_ll(INT64_MIN)) == ES_OBJ_TRUE ||
        es_binary_op(ES_BINARY_OP_MORE, v, es_obj_new_int_from_ull(UINT64_MAX)) == ES_OBJ_TRUE) {
        return false;
    }
    /* 16-bit pieces are small ints on every build. */
    uint64_t b = 0;
    for (int k = 0; k < 4; k++) {
        es_obj_t shifted = es_binary_op(ES_BINARY_OP_RSHIFT, v, es_obj_new_small_int(16 * k));
        es_obj_t piece = es_binary_op(ES_BINARY_OP_AND, shifted, es_obj_new_small_int(0xffff));
        b |= (uint64_t)es_small_int_value(piece) << (16 * k);
    }
    *bits = b;
    return true;
}

static _Noreturn void raise_int_range(char code, size_t size) {
    switch (code) {
        case 'b':
            es_raise_msg(&es_type_ValueError, "byte format requires -128 <= number <= 127");
        case 'B':
            es_raise_msg(&es_type_ValueError, "ubyte format requires 0 <= number <= 255");
        case 'h':
            es_raise_msg(&es_type_ValueError, "short format requires -32768 <= number <= 32767");
        case 'H':
            es_raise_msg(&es_type_ValueError, "ushort format requires 0 <= number <= 65535");
        default:
            if (size == 4 && code_is_signed(code)) {
                es_raise_msg_varg(&es_type_ValueError, "'%c' format requires -2147483648 <= number <= 2147483647", code);
            }
            es_raise_msg(&es_type_ValueError, "argument out of range");
    }
}

int es_binary_int_compare_range(es_obj_t v, char code, size_t size) {
    uint64_t bits;
    bool negative;
    if (!int_to_64(v, &bits, &negative)) {
        return negative ? -1 : 1;
    }
    unsigned nbits = (unsigned)size * 8;
    if (code_is_signed(code)) {
        if (nbits < 64) {
            int64_t s = (int64_t)bits;
            int64_t limit = (int64_t)1 << (nbits - 1);
            return s < -limit ? -1 : s >= limit ? 1 : 0;
        }
        return !negative && (bits >> 63) != 0 ? 1 : 0;
    }
    if (negative) {
        return -1;
    }
    return nbits < 64 && (bits >> nbits) != 0 ? 1 : 0;
}

static uint64_t int_for_code(es_obj_t v_in, char code, size_t size) {
    es_obj_t v = int_value(v_in);
    if (es_binary_int_compare_range(v, code, size) != 0) {
        raise_int_range(code, size);
    }
    uint64_t bits;
    bool negative;
    int_to_64(v, &bits, &negative);
    return bits;
}

/* ---- reading and writing ----------------------------------------------------------------- */

static uint64_t load_bits(const uint8_t *p, size_t size, bool big_endian) {
    uint64_t bits = 0;
    for (size_t i = 0; i < size; i++) {
        size_t at = big_endian ? i : size - 1 - i;
        bits = (bits << 8) | p[at];
    }
    return bits;
}

static void store_bits(uint8_t *p, size_t size, bool big_endian, uint64_t bits) {
    for (size_t i = 0; i < size; i++) {
        size_t at = big_endian ? size - 1 - i : i;
        p[at] = (uint8_t)bits;
        bits >>= 8;
    }
}

es_obj_t es_binary_get(const uint8_t *p, char code, size_t size, bool big_endian) {
    uint64_t bits = load_bits(p, size, big_endian);
    switch (code) {
        case 'c':
            return es_obj_new_bytes(p, 1);
        case '?':
            return es_obj_new_bool(bits != 0);
        case 'e':
            return es_obj_new_float((es_float_t)half_to_double((uint16_t)bits));
        case 'f': {
            uint32_t b32 = (uint32_t)bits;
            float f;
            memcpy(&f, &b32, sizeof(f));
            return es_obj_new_float((es_float_t)f);
        }
        case 'd': {
            double d;
            memcpy(&d, &bits, sizeof(d));
            return es_obj_new_float((es_float_t)d);
        }
        default:
            break;
    }
    if (code_is_signed(code)) {
        unsigned nbits = (unsigned)size * 8;
        if (nbits < 64 && (bits >> (nbits - 1)) != 0) {
            bits |= ~(uint64_t)0 << nbits;
        }
        return es_obj_new_int_from_ll((long long)(int64_t)bits);
    }
    return es_obj_new_int_from_ull(bits);
}

static double float_value(es_obj_t v) {
    es_float_t f;
    if (!es_obj_get_float_maybe(v, &f)) {
        es_obj_t dest[2];
        es_load_method_maybe(v, ES_Q___float__, dest);
        if (dest[0] == ES_OBJ_NULL) {
            es_raise_msg(&es_type_ValueError, "required argument is not a float");
        }
        return es_obj_get_float(es_call_method_n_kw(0, 0, dest));
    }
    return f;
}

void es_binary_set(uint8_t *p, char code, size_t size, bool big_endian, es_obj_t value) {
    uint64_t bits;
    switch (code) {
        case 'c': {
            es_buffer_info_t info;
            const es_type_t *type = es_obj_get_type(value);
            if (es_obj_is_str(value) || type->buffer == NULL || type->buffer(value, &info, ES_BUFFER_READ) != 0 ||
                info.len != 1) {
                es_raise_msg(&es_type_ValueError, "char format requires a bytes object of length 1");
            }
            p[0] = *(const uint8_t *)info.buf;
            return;
        }
        case '?':
            bits = es_obj_is_true(value);
            break;
        case 'e':
            bits = double_to_half(float_value(value));
            break;
        case 'f': {
            float f = (float)float_value(value);
            uint32_t b32;
            memcpy(&b32, &f, sizeof(f));
            bits = b32;
            break;
        }
        case 'd': {
            double d = float_value(value);
            memcpy(&bits, &d, sizeof(d));
            break;
        }
        default:
            bits = int_for_code(value, code, size);
            break;
    }
    store_bits(p, size, big_endian, bits);
}

void es_get_buffer_raise(es_obj_t o, es_buffer_info_t *info, int flags) {
    const es_type_t *type = es_obj_get_type(o);
    if (type->buffer == NULL || type->buffer(o, info, flags) != 0) {
        if (flags & ES_BUFFER_WRITE) {
            es_raise_msg_varg(&es_type_TypeError, "argument must be read-write bytes-like object, not %s",
                              es_obj_type_name(o));
        }
        es_raise_msg_varg(&es_type_TypeError, "a bytes-like object is required, not '%s'", es_obj_type_name(o));
    }
}
