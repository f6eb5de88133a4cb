/* Host check of the lx106 soft-float routines against the host FPU, bit for bit. */
#include "rom_libgcc.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/*
 * Built with -D__adddf3=es_test_adddf3 and so on: the routines under test
 * and the host's hardware arithmetic (round to nearest even, no flush to
 * zero) side by side.  Every result must match exactly, except that any
 * NaN matches any NaN.
 */

static uint64_t rng_state = 0x2545F4914F6CDD1Du;

static uint64_t next_random(void) {
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x9E3779B97F4A7C15u;
}

static uint64_t bits64(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static double from64(uint64_t u) {
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static uint32_t bits32(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static float from32(uint32_t u) {
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* Mostly ordinary numbers near each other (cancellation, carries), sometimes any bit pattern. */
static double random_double(double near) {
    switch (next_random() & 7) {
    case 0:
        return from64(next_random());
    case 1: /* subnormals and tiny normals */
        return from64(next_random() >> (11 + (next_random() & 7)) | (next_random() & 0x8000000000000000u));
    case 2: /* near the top of the range */
        return from64((next_random() | 0x7fd0000000000000u) & 0xffefffffffffffffu);
    case 3: /* a few ulps from the other operand */
        return from64(bits64(near) + (next_random() & 15) - 8);
    case 4:
        return -near * (double)(next_random() & 0xff);
    default: {
        uint64_t exponent = 1023 - 40 + (next_random() % 80);
        return from64((next_random() & 0x800fffffffffffffu) | (exponent << 52));
    }
    }
}

static float random_float(float near) {
    switch (next_random() & 7) {
    case 0:
        return from32((uint32_t)next_random());
    case 1:
        return from32((uint32_t)next_random() >> (8 + (next_random() & 7)) | ((uint32_t)next_random() & 0x80000000u));
    case 2:
        return from32(((uint32_t)next_random() | 0x7e800000u) & 0xff7fffffu);
    case 3:
        return from32(bits32(near) + (uint32_t)(next_random() & 15) - 8);
    default: {
        uint32_t exponent = 127 - 20 + (uint32_t)(next_random() % 40);
        return from32(((uint32_t)next_random() & 0x807fffffu) | (exponent << 23));
    }
    }
}

static int failures;

static void same64(double got, double want, const char *what, double a, double b) {
    if (isnan(got) && isnan(want)) {
        return;
    }
    if (bits64(got) != bits64(want) && failures++ < 20) {
        printf("FAIL %s(%a, %a) = %a, want %a\n", what, a, b, got, want);
    }
}

static void same32(float got, float want, const char *what, float a, float b) {
    if (isnan(got) && isnan(want)) {
        return;
    }
    if (bits32(got) != bits32(want) && failures++ < 20) {
        printf("FAIL %s(%a, %a) = %a, want %a\n", what, (double)a, (double)b, (double)got, (double)want);
    }
}

static void same_int(long long got, long long want, const char *what, double a) {
    if (got != want && failures++ < 20) {
        printf("FAIL %s(%a) = %lld, want %lld\n", what, a, got, want);
    }
}

static void check_doubles(double a, double b) {
    same64(__adddf3(a, b), a + b, "adddf3", a, b);
    same64(__subdf3(a, b), a - b, "subdf3", a, b);
    same64(__muldf3(a, b), a * b, "muldf3", a, b);
    same64(__divdf3(a, b), a / b, "divdf3", a, b);
    same32(__truncdfsf2(a), (float)a, "truncdfsf2", (float)a, 0);
    if (a > -2147483649.0 && a < 2147483648.0) {
        same_int(__fixdfsi(a), (int32_t)a, "fixdfsi", a);
    }
    if (a > -1.0 && a < 4294967296.0) {
        same_int(__fixunsdfsi(a), (uint32_t)a, "fixunsdfsi", a);
    }
}

static void check_floats(float a, float b) {
    same32(__addsf3(a, b), a + b, "addsf3", a, b);
    same32(__subsf3(a, b), a - b, "subsf3", a, b);
    same32(__mulsf3(a, b), a * b, "mulsf3", a, b);
    same64(__extendsfdf2(a), (double)a, "extendsfdf2", a, 0);
    if (a > -1.0f && a < 4294967296.0f) {
        same_int(__fixunssfsi(a), (uint32_t)a, "fixunssfsi", a);
    }
}

static void check_int(uint32_t u) {
    same64(__floatsidf((int32_t)u), (double)(int32_t)u, "floatsidf", (double)(int32_t)u, 0);
    same64(__floatunsidf(u), (double)u, "floatunsidf", (double)u, 0);
    same32(__floatsisf((int32_t)u), (float)(int32_t)u, "floatsisf", (float)(int32_t)u, 0);
    same32(__floatunsisf(u), (float)u, "floatunsisf", (float)u, 0);
}

int main(void) {
    static const double double_edges[] = {0.0, -0.0, 1.0, -1.0, 0.5, 3.0, 0.1, 1e308, -1e308,
        4.9406564584124654e-324, 2.2250738585072014e-308, 2.2250738585072009e-308,
        1.7976931348623157e308, INFINITY, -INFINITY, NAN, 2147483647.0, 2147483648.0,
        -2147483648.0, 4294967295.0, 4294967295.5, 0.9999999999999999, 1.0000000000000002};
    static const float float_edges[] = {0.0f, -0.0f, 1.0f, -1.0f, 0.1f, 3.4028235e38f,
        1.17549435e-38f, 1.4e-45f, 1.17549421e-38f, INFINITY, -INFINITY, NAN, 16777216.0f,
        16777217.0f, 0.99999994f, 4294967040.0f};
    size_t double_count = sizeof double_edges / sizeof double_edges[0];
    size_t float_count = sizeof float_edges / sizeof float_edges[0];
    for (size_t i = 0; i < double_count; i++) {
        for (size_t j = 0; j < double_count; j++) {
            check_doubles(double_edges[i], double_edges[j]);
        }
    }
    for (size_t i = 0; i < float_count; i++) {
        for (size_t j = 0; j < float_count; j++) {
            check_floats(float_edges[i], float_edges[j]);
        }
    }
    static const uint32_t int_edges[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x01000001,
        0x00ffffff, 0x7fffffc0, 0x7fffffbf};
    for (size_t i = 0; i < sizeof int_edges / sizeof int_edges[0]; i++) {
        check_int(int_edges[i]);
    }

    double previous_double = 1.0;
    float previous_float = 1.0f;
    for (int n = 0; n < 3000000; n++) {
        double a = random_double(previous_double), b = random_double(a);
        check_doubles(a, b);
        previous_double = b;
        float fa = random_float(previous_float), fb = random_float(fa);
        check_floats(fa, fb);
        previous_float = fb;
        check_int((uint32_t)(next_random() >> (next_random() & 31)));
    }
    /* Every float's widening and narrowing, and a sweep of the truncation rounding cases. */
    for (uint64_t u = 0; u <= UINT32_MAX; u += 97) {
        float f = from32((uint32_t)u);
        same64(__extendsfdf2(f), (double)f, "extendsfdf2", f, 0);
        double d = (double)f + from64(bits64((double)f) & 0xfff0000000000000u) * 0x1p-25 * (double)(u & 7);
        same32(__truncdfsf2(d), (float)d, "truncdfsf2", (float)d, 0);
    }

    printf("soft float: %s\n", failures ? "FAILED" : "ok");
    return failures != 0;
}
