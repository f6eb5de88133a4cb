/* hal.c: time, delays and randomness for the host interpreter, from Linux clocks and getrandom. */

#include <errno.h>
#include <sys/random.h>
#include <time.h>

#include "py/hal.h"
#include "py/runtime.h"

static uint64_t monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint32_t es_hal_ticks_ms(void) { return (uint32_t)(monotonic_ns() / 1000000u); }
uint32_t es_hal_ticks_us(void) { return (uint32_t)(monotonic_ns() / 1000u); }
uint32_t es_hal_ticks_cpu(void) { return (uint32_t)monotonic_ns(); }

void es_hal_delay_us(uint32_t us) {
    uint64_t end = monotonic_ns() + (uint64_t)us * 1000u;
    for (;;) {
        if (es_state.sched_state) {
            es_handle_pending();
        }
        uint64_t now = monotonic_ns();
        if (now >= end) {
            return;
        }
        /* Sleep in slices so that Ctrl-C is noticed promptly. */
        uint64_t left = end - now;
        if (left > 10000000u) {
            left = 10000000u;
        }
        struct timespec ts = {(time_t)(left / 1000000000u), (long)(left % 1000000000u)};
        nanosleep(&ts, NULL);
    }
}

void es_hal_delay_ms(uint32_t ms) { es_hal_delay_us(ms * 1000u); }

uint64_t es_hal_time_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void es_hal_random_bytes(uint8_t *buf, size_t len) {
    while (len > 0) {
        ssize_t n = getrandom(buf, len, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            es_raise_os_error(errno);
        }
        buf += n;
        len -= (size_t)n;
    }
}
