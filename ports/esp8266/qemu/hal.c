/* hal.c: time and randomness for the lx106 image, from the CPU's cycle counter. */

#include "py/hal.h"
#include "py/runtime.h"

#define CPU_HZ (80000000u)
/* Like a freshly booted ESP8266, the clock starts at 2000-01-01 00:00:00. */
#define EPOCH_2000_NS (946684800ull * 1000000000ull)

static uint32_t read_ccount(void) {
    uint32_t ccount;
    __asm__ volatile("rsr %0, ccount" : "=a"(ccount));
    return ccount;
}

/*
** CCOUNT wraps every 53 s at 80 MHz; widening it to 64 bits on each read keeps the
** derived tick counters exact as long as something reads the time within that period.
*/
static uint64_t cycles(void) {
    static uint32_t last;
    static uint64_t high;
    uint32_t now = read_ccount();
    if (now < last) {
        high += (uint64_t)1 << 32;
    }
    last = now;
    return high | now;
}

uint32_t es_hal_ticks_cpu(void) { return read_ccount(); }
uint32_t es_hal_ticks_us(void) { return (uint32_t)(cycles() / (CPU_HZ / 1000000u)); }
uint32_t es_hal_ticks_ms(void) { return (uint32_t)(cycles() / (CPU_HZ / 1000u)); }

void es_hal_delay_us(uint32_t us) {
    uint64_t end = cycles() + (uint64_t)us * (CPU_HZ / 1000000u);
    while (cycles() < end) {
        if (es_state.sched_state) {
            es_handle_pending();
        }
    }
}

void es_hal_delay_ms(uint32_t ms) { es_hal_delay_us(ms * 1000u); }

uint64_t es_hal_time_ns(void) { return EPOCH_2000_NS + cycles() * (1000000000ull / CPU_HZ); }

/* No hardware random source is emulated: a xorshift generator stirred with the cycle counter. */
void es_hal_random_bytes(uint8_t *buf, size_t len) {
    static uint32_t state = 2463534242u;
    for (size_t i = 0; i < len; i++) {
        state ^= read_ccount();
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        buf[i] = (uint8_t)state;
    }
}
