/* hal.c: the core's clocks, delays and randomness on the ESP8266 port, from the chip's services. */

#include "ports/esp8266/chip.h"
#include "py/hal.h"
#include "py/runtime.h"

uint32_t es_hal_ticks_ms(void) { return (uint32_t)(es_chip_uptime_us() / 1000u); }
uint32_t es_hal_ticks_us(void) { return (uint32_t)es_chip_uptime_us(); }
uint32_t es_hal_ticks_cpu(void) { return (uint32_t)(es_chip_uptime_us() * es_chip_cpu_mhz()); }

void es_hal_delay_us(uint32_t us) {
    uint64_t end = es_chip_uptime_us() + us;
    for (;;) {
        if (es_state.sched_state) {
            es_handle_pending();
        }
        uint64_t now = es_chip_uptime_us();
        if (now >= end) {
            return;
        }
        es_chip_wait_event((uint32_t)(end - now < 100000u ? end - now : 100000u));
    }
}

void es_hal_delay_ms(uint32_t ms) {
    while (ms > 1000000u) {
        es_hal_delay_us(1000000000u);
        ms -= 1000000u;
    }
    es_hal_delay_us(ms * 1000u);
}

/* time.time() counts from 1970 in espy's time module; the RTC counts from 2000-01-01. */
#define SECONDS_1970_TO_2000 (946684800ull)

uint64_t es_hal_time_ns(void) { return (es_chip_rtc_us() + SECONDS_1970_TO_2000 * 1000000u) * 1000u; }

/* The chip's hardware random number register; here xorshift seeded from the clocks. */
void es_hal_random_bytes(uint8_t *buf, size_t len) {
    static uint64_t state;
    if (state == 0) {
        state = es_chip_rtc_us() ^ (es_chip_uptime_us() << 17) ^ 0x9e3779b97f4a7c15ull;
    }
    for (size_t i = 0; i < len; i++) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        buf[i] = (uint8_t)(state >> 24);
    }
}
