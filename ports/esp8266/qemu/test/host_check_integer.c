/* Host check of the lx106 integer helpers against the host CPU's own division and multiplication. */
#include "rom_libgcc.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Built with -D__divsi3=es_test_divsi3 and so on, so the helpers under
 * test and the host's native '/' and '*' live side by side.
 */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t next_random(void) {
    /* xorshift64*: plenty for test inputs, identical on every host. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Du;
}

/* Random values with a random number of significant bits, so small and large both appear. */
static uint64_t random_operand(void) {
    uint64_t value = next_random();
    return value >> (next_random() & 63);
}

static int failures;

static void check(int ok, const char *what, long long a, long long b) {
    if (!ok && failures++ < 20) {
        printf("FAIL %s(%lld, %lld)\n", what, a, b);
    }
}

static void check_pair32(uint32_t ua, uint32_t ub) {
    int32_t a = (int32_t)ua, b = (int32_t)ub;
    if (ub != 0) {
        check(__udivsi3(ua, ub) == ua / ub, "udivsi3", ua, ub);
        check(__umodsi3(ua, ub) == ua % ub, "umodsi3", ua, ub);
        if (!(a == INT32_MIN && b == -1)) {
            check(__divsi3(a, b) == a / b, "divsi3", a, b);
            check(__modsi3(a, b) == a % b, "modsi3", a, b);
        }
    }
    check(__umulsidi3(ua, ub) == (uint64_t)ua * ub, "umulsidi3", ua, ub);
}

static void check_pair64(uint64_t ua, uint64_t ub) {
    int64_t a = (int64_t)ua, b = (int64_t)ub;
    if (ub != 0) {
        check(__udivdi3(ua, ub) == ua / ub, "udivdi3", (long long)ua, (long long)ub);
        check(__umoddi3(ua, ub) == ua % ub, "umoddi3", (long long)ua, (long long)ub);
        if (!(a == INT64_MIN && b == -1)) {
            check(__divdi3(a, b) == a / b, "divdi3", a, b);
            check(__moddi3(a, b) == a % b, "moddi3", a, b);
        }
    }
    check((uint64_t)__muldi3(a, b) == ua * ub, "muldi3", a, b);
}

int main(void) {
    static const int64_t edges[] = {0, 1, -1, 2, -2, 3, 7, -7, 10, 255, 65535, 65536,
        INT32_MAX, INT32_MIN, UINT32_MAX, (int64_t)UINT32_MAX + 1, INT64_MAX, INT64_MIN,
        INT64_MAX - 1, INT64_MIN + 1};
    size_t count = sizeof edges / sizeof edges[0];
    for (size_t i = 0; i < count; i++) {
        for (size_t j = 0; j < count; j++) {
            check_pair32((uint32_t)edges[i], (uint32_t)edges[j]);
            check_pair64((uint64_t)edges[i], (uint64_t)edges[j]);
        }
    }
    for (int n = 0; n < 2000000; n++) {
        uint64_t a = random_operand(), b = random_operand();
        if (next_random() & 1) {
            a = 0u - a;
        }
        if (next_random() & 1) {
            b = 0u - b;
        }
        check_pair32((uint32_t)a, (uint32_t)b);
        check_pair64(a, b);
    }

    /* The documented non-trapping results for the undefined cases. */
    check(__divsi3(INT32_MIN, -1) == INT32_MIN && __modsi3(INT32_MIN, -1) == 0, "divsi3 INT_MIN/-1", INT32_MIN, -1);
    check(__divdi3(INT64_MIN, -1) == INT64_MIN && __moddi3(INT64_MIN, -1) == 0, "divdi3 INT64_MIN/-1", INT64_MIN, -1);
    check(__udivsi3(5, 0) == UINT32_MAX && __umodsi3(5, 0) == 5, "udivsi3 by zero", 5, 0);
    check(__divsi3(-5, 0) == 1 && __modsi3(-5, 0) == -5, "divsi3 by zero", -5, 0);
    check(__udivdi3(5, 0) == UINT64_MAX && __umoddi3(5, 0) == 5, "udivdi3 by zero", 5, 0);

    printf("integer helpers: %s\n", failures ? "FAILED" : "ok");
    return failures != 0;
}
