/* IEEE 754 double precision in software for the lx106 (round to nearest even), plus float<->double. */
#include "rom_libgcc.h"

#include <stdint.h>
#include <string.h>

/*
 * Everything here works on the bit patterns only: a floating-point
 * operator in this file would call these very functions.
 *
 * Working form of a finite value: a sign, a biased exponent and a
 * significand `sig` whose leading one sits at bit 62, meaning
 *     value = sig * 2^(exponent - 1023 - 62).
 * The ten bits below the 53 that survive (bits 9..0) carry the rounding
 * information; bit 0 doubles as the sticky bit for anything shifted away.
 */

#define F64_SIGN        UINT64_C(0x8000000000000000)
#define F64_EXP_MASK    0x7ff
#define F64_FRAC_BITS   52
#define F64_FRAC_MASK   ((UINT64_C(1) << F64_FRAC_BITS) - 1)
#define F64_HIDDEN      (UINT64_C(1) << F64_FRAC_BITS)
#define F64_QUIET       (UINT64_C(1) << (F64_FRAC_BITS - 1))
#define F64_INFINITY    UINT64_C(0x7ff0000000000000)
#define F64_DEFAULT_NAN UINT64_C(0x7ff8000000000000)
#define F64_BIAS        1023

#define F32_SIGN        UINT32_C(0x80000000)
#define F32_FRAC_BITS   23
#define F32_FRAC_MASK   ((UINT32_C(1) << F32_FRAC_BITS) - 1)
#define F32_INFINITY    UINT32_C(0x7f800000)
#define F32_QUIET       (UINT32_C(1) << (F32_FRAC_BITS - 1))
#define F32_BIAS        127

static uint64_t bits_of(double value) {
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

static double double_of(uint64_t bits) {
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

static int exponent_field(uint64_t bits) {
    return (int)(bits >> F64_FRAC_BITS) & F64_EXP_MASK;
}

static int is_nan(uint64_t bits) {
    return (bits & ~F64_SIGN) > F64_INFINITY;
}

/* A NaN operand comes back quieted, so the payload survives as IEEE 754 recommends. */
static uint64_t propagate_nan(uint64_t a, uint64_t b) {
    return (is_nan(a) ? a : b) | F64_QUIET;
}

/* Shift right, folding every bit shifted out into bit 0 so rounding still sees it. */
static uint64_t shift_right_sticky(uint64_t value, int32_t count) {
    if (count <= 0) {
        return value;
    }
    if (count >= 64) {
        return value != 0;
    }
    return (value >> count) | ((value << (64 - count)) != 0);
}

static uint32_t shift_right_sticky32(uint32_t value, int32_t count) {
    if (count <= 0) {
        return value;
    }
    if (count >= 32) {
        return value != 0;
    }
    return (value >> count) | ((value << (32 - count)) != 0);
}

/*
 * Round a working-form value to the nearest double (ties to even) and pack
 * it, producing infinity on overflow and a subnormal or zero on underflow.
 */
static uint64_t round_and_pack(uint64_t sign, int32_t exponent, uint64_t sig) {
    /*
     * Packing adds the significand, hidden bit included, to (exponent - 1)
     * in the exponent field: the hidden bit supplies the missing one, and a
     * rounding carry out of the top moves the exponent up by itself.
     */
    int32_t field = exponent - 1;
    if (field < 0) {
        sig = shift_right_sticky(sig, -field);
        field = 0;
    }
    if (field >= F64_EXP_MASK) {
        return sign | F64_INFINITY;
    }
    uint32_t round_bits = (uint32_t)sig & 0x3ff;
    sig = (sig + 0x200) >> 10;
    if (round_bits == 0x200) {
        sig &= ~UINT64_C(1);
    }
    uint64_t packed = ((uint64_t)field << F64_FRAC_BITS) + sig;
    if (packed >= F64_INFINITY) {
        return sign | F64_INFINITY;
    }
    return sign | packed;
}

/* Normalize so the leading one is at bit 62, then round; a zero significand is an exact zero. */
static uint64_t normalize_round_and_pack(uint64_t sign, int32_t exponent, uint64_t sig) {
    if (sig == 0) {
        return sign;
    }
    int shift = __builtin_clzll(sig) - 1;
    if (shift > 0) {
        sig <<= shift;
    } else if (shift < 0) {
        sig = shift_right_sticky(sig, 1);
    }
    return round_and_pack(sign, exponent - shift, sig);
}

/*
 * Split a finite nonzero double into exponent and significand with the
 * leading one at bit 52; subnormals are normalized, so the exponent may
 * drop to zero or below.
 */
static uint64_t unpack(uint64_t bits, int32_t *exponent) {
    int32_t field = exponent_field(bits);
    uint64_t sig = bits & F64_FRAC_MASK;
    if (field == 0) {
        int shift = __builtin_clzll(sig) - 11;
        *exponent = 1 - shift;
        return sig << shift;
    }
    *exponent = field;
    return sig | F64_HIDDEN;
}

static uint64_t add_bits(uint64_t a, uint64_t b) {
    int field_a = exponent_field(a), field_b = exponent_field(b);
    if (field_a == F64_EXP_MASK || field_b == F64_EXP_MASK) {
        if (is_nan(a) || is_nan(b)) {
            return propagate_nan(a, b);
        }
        if (field_a == F64_EXP_MASK && field_b == F64_EXP_MASK) {
            return a == b ? a : F64_DEFAULT_NAN; /* inf - inf has no value */
        }
        return field_a == F64_EXP_MASK ? a : b;
    }
    if ((a & ~F64_SIGN) == 0) {
        /* 0 + 0 is -0 only when both are -0 (round to nearest). */
        return (b & ~F64_SIGN) == 0 ? (a & b) : b;
    }
    if ((b & ~F64_SIGN) == 0) {
        return a;
    }

    int32_t exp_a, exp_b;
    /* Leading one at bit 61: one bit of headroom for the carry of an addition. */
    uint64_t sig_a = unpack(a, &exp_a) << 9;
    uint64_t sig_b = unpack(b, &exp_b) << 9;
    uint64_t sign_a = a & F64_SIGN, sign_b = b & F64_SIGN;

    /* Let a be the operand with the larger magnitude. */
    if (exp_a < exp_b || (exp_a == exp_b && sig_a < sig_b)) {
        uint64_t sig_t = sig_a;
        sig_a = sig_b;
        sig_b = sig_t;
        int32_t exp_t = exp_a;
        exp_a = exp_b;
        exp_b = exp_t;
        uint64_t sign_t = sign_a;
        sign_a = sign_b;
        sign_b = sign_t;
    }
    /*
     * Alignment loses bits only when the exponents differ by two or more;
     * then the difference below cancels at most one leading bit, so the
     * sticky bit stays far below the rounding position.
     */
    sig_b = shift_right_sticky(sig_b, exp_a - exp_b);
    uint64_t sum = sign_a == sign_b ? sig_a + sig_b : sig_a - sig_b;
    /* Exact cancellation gives +0 when rounding to nearest. */
    if (sum == 0) {
        return 0;
    }
    /* sum's leading one at bit 61 means the working exponent is exp_a. */
    return normalize_round_and_pack(sign_a, exp_a + 1, sum);
}

/* Full 64 x 64 -> 128-bit product from 32 x 32 -> 64 pieces. */
static void multiply_128(uint64_t a, uint64_t b, uint64_t *high, uint64_t *low) {
    uint32_t a0 = (uint32_t)a, a1 = (uint32_t)(a >> 32);
    uint32_t b0 = (uint32_t)b, b1 = (uint32_t)(b >> 32);
    uint64_t p00 = (uint64_t)a0 * b0;
    uint64_t p01 = (uint64_t)a0 * b1;
    uint64_t p10 = (uint64_t)a1 * b0;
    uint64_t p11 = (uint64_t)a1 * b1;
    uint64_t middle = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
    *low = (middle << 32) | (uint32_t)p00;
    *high = p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32);
}

static uint64_t multiply_bits(uint64_t a, uint64_t b) {
    uint64_t sign = (a ^ b) & F64_SIGN;
    int field_a = exponent_field(a), field_b = exponent_field(b);
    int zero_a = (a & ~F64_SIGN) == 0, zero_b = (b & ~F64_SIGN) == 0;
    if (field_a == F64_EXP_MASK || field_b == F64_EXP_MASK) {
        if (is_nan(a) || is_nan(b)) {
            return propagate_nan(a, b);
        }
        if (zero_a || zero_b) {
            return F64_DEFAULT_NAN; /* 0 * inf */
        }
        return sign | F64_INFINITY;
    }
    if (zero_a || zero_b) {
        return sign;
    }
    int32_t exp_a, exp_b;
    uint64_t sig_a = unpack(a, &exp_a) << 10; /* leading one at bit 62 */
    uint64_t sig_b = unpack(b, &exp_b) << 11; /* leading one at bit 63 */
    uint64_t high, low;
    multiply_128(sig_a, sig_b, &high, &low);
    /* high's leading one is at bit 61 or 62; the low half only matters as sticky. */
    return normalize_round_and_pack(sign, exp_a + exp_b - F64_BIAS + 1, high | (low != 0));
}

static uint64_t divide_bits(uint64_t a, uint64_t b) {
    uint64_t sign = (a ^ b) & F64_SIGN;
    int field_a = exponent_field(a), field_b = exponent_field(b);
    int zero_a = (a & ~F64_SIGN) == 0, zero_b = (b & ~F64_SIGN) == 0;
    if (is_nan(a) || is_nan(b)) {
        return propagate_nan(a, b);
    }
    if (field_a == F64_EXP_MASK) {
        return field_b == F64_EXP_MASK ? F64_DEFAULT_NAN : sign | F64_INFINITY;
    }
    if (field_b == F64_EXP_MASK) {
        return sign;
    }
    if (zero_b) {
        return zero_a ? F64_DEFAULT_NAN : sign | F64_INFINITY;
    }
    if (zero_a) {
        return sign;
    }
    int32_t exp_a, exp_b;
    uint64_t remainder = unpack(a, &exp_a);
    uint64_t divisor = unpack(b, &exp_b);
    /* Start with remainder >= divisor so the first quotient bit is a one. */
    if (remainder < divisor) {
        remainder <<= 1;
        exp_a--;
    }
    /* Long division, one bit per step, 63 bits: leading one at bit 62. */
    uint64_t quotient = 0;
    for (int bit = 62; bit >= 0; bit--) {
        if (remainder >= divisor) {
            remainder -= divisor;
            quotient |= UINT64_C(1) << bit;
        }
        remainder <<= 1;
    }
    return round_and_pack(sign, exp_a - exp_b + F64_BIAS, quotient | (remainder != 0));
}

double __adddf3(double a, double b) {
    return double_of(add_bits(bits_of(a), bits_of(b)));
}

double __subdf3(double a, double b) {
    return double_of(add_bits(bits_of(a), bits_of(b) ^ F64_SIGN));
}

double __muldf3(double a, double b) {
    return double_of(multiply_bits(bits_of(a), bits_of(b)));
}

double __divdf3(double a, double b) {
    return double_of(divide_bits(bits_of(a), bits_of(b)));
}

/* Integer conversions are exact: a 32-bit integer always fits in 53 bits. */
double __floatunsidf(unsigned i) {
    return double_of(normalize_round_and_pack(0, F64_BIAS + 62, i));
}

double __floatsidf(int i) {
    uint64_t sign = i < 0 ? F64_SIGN : 0;
    uint32_t magnitude = i < 0 ? 0u - (uint32_t)i : (uint32_t)i;
    return double_of(normalize_round_and_pack(sign, F64_BIAS + 62, magnitude));
}

/*
 * Truncate toward zero.  Out-of-range values are undefined in C; they
 * saturate here, and NaN gives 0, so nothing ever traps.
 */
static uint32_t truncate_magnitude(uint64_t bits, uint32_t limit) {
    int32_t field = exponent_field(bits);
    if (field < F64_BIAS) {
        return 0;
    }
    if (field >= F64_BIAS + 32) {
        return limit;
    }
    uint64_t whole = ((bits & F64_FRAC_MASK) | F64_HIDDEN) >> (F64_FRAC_BITS - (field - F64_BIAS));
    return whole > limit ? limit : (uint32_t)whole;
}

int __fixdfsi(double a) {
    uint64_t bits = bits_of(a);
    if (is_nan(bits)) {
        return 0;
    }
    if (bits & F64_SIGN) {
        return (int)(0u - truncate_magnitude(bits, UINT32_C(0x80000000)));
    }
    return (int)truncate_magnitude(bits, INT32_MAX);
}

unsigned __fixunsdfsi(double a) {
    uint64_t bits = bits_of(a);
    if (is_nan(bits) || (bits & F64_SIGN)) {
        return 0;
    }
    return truncate_magnitude(bits, UINT32_MAX);
}

/* Widening is exact; a float subnormal becomes a normal double. */
double __extendsfdf2(float a) {
    uint32_t bits;
    memcpy(&bits, &a, sizeof bits);
    uint64_t sign = (uint64_t)(bits & F32_SIGN) << 32;
    int32_t field = (int32_t)(bits >> F32_FRAC_BITS) & 0xff;
    uint64_t frac = bits & F32_FRAC_MASK;
    if (field == 0xff) {
        uint64_t nan_quiet = frac ? F64_QUIET : 0;
        return double_of(sign | F64_INFINITY | nan_quiet | (frac << (F64_FRAC_BITS - F32_FRAC_BITS)));
    }
    if (field == 0) {
        if (frac == 0) {
            return double_of(sign);
        }
        /* value = frac * 2^-149; normalize_round_and_pack places the leading one. */
        return double_of(normalize_round_and_pack(sign, F64_BIAS - 149 + 62, frac));
    }
    return double_of(sign | ((uint64_t)(field - F32_BIAS + F64_BIAS) << F64_FRAC_BITS)
                     | (frac << (F64_FRAC_BITS - F32_FRAC_BITS)));
}

/*
 * Narrowing rounds once, in single precision.  Working form for floats:
 * leading one at bit 30, seven rounding bits below the 24 kept.
 */
static uint32_t round_and_pack32(uint32_t sign, int32_t exponent, uint32_t sig) {
    int32_t field = exponent - 1;
    if (field < 0) {
        sig = shift_right_sticky32(sig, -field);
        field = 0;
    }
    if (field >= 0xff) {
        return sign | F32_INFINITY;
    }
    uint32_t round_bits = sig & 0x7f;
    sig = (sig + 0x40) >> 7;
    if (round_bits == 0x40) {
        sig &= ~UINT32_C(1);
    }
    uint32_t packed = ((uint32_t)field << F32_FRAC_BITS) + sig;
    if (packed >= F32_INFINITY) {
        return sign | F32_INFINITY;
    }
    return sign | packed;
}

float __truncdfsf2(double a) {
    uint64_t bits = bits_of(a);
    uint32_t sign = (uint32_t)(bits >> 32) & F32_SIGN;
    int32_t field = exponent_field(bits);
    uint64_t frac = bits & F64_FRAC_MASK;
    uint32_t result;
    if (field == F64_EXP_MASK) {
        result = sign | F32_INFINITY | (frac ? F32_QUIET | (uint32_t)(frac >> (F64_FRAC_BITS - F32_FRAC_BITS)) : 0);
    } else if (field == 0 && frac == 0) {
        result = sign;
    } else {
        int32_t exponent;
        uint64_t sig = unpack(bits, &exponent);
        /* 53 bits -> 31 (leading one at bit 30), the rest folded into the sticky bit. */
        uint32_t sig32 = (uint32_t)shift_right_sticky(sig, F64_FRAC_BITS - 30);
        result = round_and_pack32(sign, exponent - F64_BIAS + F32_BIAS, sig32);
    }
    float value;
    memcpy(&value, &result, sizeof value);
    return value;
}
