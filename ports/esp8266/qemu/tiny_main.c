/* Smoke test for the lx106 build: integer, 64-bit and float results printed the same on host and target. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Built twice, natively and for the lx106: the two outputs must be
 * identical, which checks the division helpers, the soft-float routines
 * and the C library's formatting on the target against the host's
 * hardware.  Inputs pass through volatile so nothing folds at compile time.
 */

static volatile int32_t six = 6, seven = 7;
static volatile int32_t signed_values[] = {1000003, -1000003, 2147483647, -2147483647 - 1, 17, -17, 1, -1};
static volatile int64_t wide_values[] = {1234567890123456789, -987654321987654321, 4294967296, -3, 1000000007, INT64_MIN};
static volatile float float_values[] = {1.5f, -3.25f, 0.1f, 1e-38f, 3e38f, 16777217.0f};
static volatile double double_values[] = {2.5, -0.1, 1e-300, 1e300, 3.141592653589793};

static uint32_t float_bits(float value) {
    uint32_t bits;
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

static uint64_t double_bits(double value) {
    uint64_t bits;
    memcpy(&bits, &value, sizeof bits);
    return bits;
}

/* Mixes every result into one number, so a single wrong bit anywhere shows. */
static uint32_t checksum = 2166136261u;

static void mix(uint64_t value) {
    for (int i = 0; i < 8; i++) {
        checksum = (checksum ^ (uint8_t)(value >> (8 * i))) * 16777619u;
    }
}

static void integer_results(void) {
    size_t count = sizeof signed_values / sizeof signed_values[0];
    for (size_t i = 0; i < count; i++) {
        for (size_t j = 0; j < count; j++) {
            int32_t a = signed_values[i], b = signed_values[j];
            if (a == INT32_MIN && b == -1) {
                continue; /* overflows in C: traps on x86 */
            }
            mix((uint32_t)(a / b));
            mix((uint32_t)(a % b));
            mix((uint32_t)a / (uint32_t)b);
            mix((uint32_t)a % (uint32_t)b);
        }
    }
    printf("int32 checksum %08" PRIx32 "\n", checksum);

    count = sizeof wide_values / sizeof wide_values[0];
    for (size_t i = 0; i < count; i++) {
        for (size_t j = 0; j < count; j++) {
            int64_t a = wide_values[i], b = wide_values[j];
            if (a == INT64_MIN && b == -1) {
                continue;
            }
            mix((uint64_t)(a / b));
            mix((uint64_t)(a % b));
            mix((uint64_t)a / (uint64_t)b);
            mix((uint64_t)a % (uint64_t)b);
            mix((uint64_t)a * (uint64_t)b);
        }
    }
    int64_t big = wide_values[0];
    printf("int64 %" PRId64 " / 1000000007 = %" PRId64 " rem %" PRId64 "\n", big, big / wide_values[4],
           big % wide_values[4]);
    printf("int64 checksum %08" PRIx32 "\n", checksum);
}

static void float_results(void) {
    size_t count = sizeof float_values / sizeof float_values[0];
    for (size_t i = 0; i < count; i++) {
        for (size_t j = 0; j < count; j++) {
            float a = float_values[i], b = float_values[j];
            mix(float_bits(a + b));
            mix(float_bits(a - b));
            mix(float_bits(a * b));
            mix(float_bits(a / b));
            mix(double_bits((double)a * (double)b));
        }
    }
    printf("float checksum %08" PRIx32 "\n", checksum);

    count = sizeof double_values / sizeof double_values[0];
    for (size_t i = 0; i < count; i++) {
        for (size_t j = 0; j < count; j++) {
            double a = double_values[i], b = double_values[j];
            mix(double_bits(a + b));
            mix(double_bits(a - b));
            mix(double_bits(a * b));
            mix(double_bits(a / b));
            mix(float_bits((float)(a / b)));
        }
    }
    printf("double checksum %08" PRIx32 "\n", checksum);

    /* A small single-precision computation: the harmonic series, summed in float. */
    float harmonic = 0.0f;
    for (int32_t n = 1; n <= 1000; n++) {
        harmonic += 1.0f / (float)n;
    }
    int32_t scaled = (int32_t)(harmonic * 10000.0f);
    printf("H(1000) in float = %.7g (bits %08" PRIx32 ", x10000 -> %" PRId32 ")\n", (double)harmonic,
           float_bits(harmonic), scaled);
    printf("pi * 2.5^2 = %.15g\n", double_values[4] * double_values[0] * double_values[0]);
}

/* malloc works on the target too: picolibc's sbrk hands out the DRAM the linker script leaves. */
static void heap_results(void) {
    uint32_t size = 4000;
    uint8_t *block = malloc(size);
    if (block == NULL) {
        printf("malloc failed\n");
        return;
    }
    uint32_t total = 0;
    for (uint32_t i = 0; i < size; i++) {
        block[i] = (uint8_t)(i * 7);
        total += block[i];
    }
    free(block);
    printf("malloc %" PRIu32 " bytes, sum %" PRIu32 "\n", size, total);
}

int main(void) {
    printf("6*7=%" PRId32 "\n", six * seven);
    int32_t sum = 0;
    for (int32_t i = 1; i <= 1000; i++) {
        sum += i;
    }
    printf("sum 1..1000 = %" PRId32 ", / 7 = %" PRId32 ", %% 7 = %" PRId32 "\n", sum, sum / seven, sum % seven);
    integer_results();
    float_results();
    heap_results();
    char text[32];
    snprintf(text, sizeof text, "%d|%5.2f|%s", -42, 3.14159, "ok");
    printf("snprintf: %s\n", text);
    return 0;
}
