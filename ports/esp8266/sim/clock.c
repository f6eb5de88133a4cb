/* clock.c: the simulated chip's clocks: uptime, the RTC and its user memory, the CPU frequency. */

#include <string.h>
#include <time.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/board.h"

/* The RTC counts from 2000-01-01 at power-on (process start) and keeps counting over
** restarts and deepsleep, as the chip's RTC block does. */
static uint64_t boot_mono_us;   /* host monotonic time at the last restart */
static uint64_t rtc_offset_us;  /* RTC = host monotonic time + offset */
static unsigned cpu_mhz = 80;
static uint8_t rtc_memory[ES_CHIP_RTC_MEMORY_SIZE];
static size_t rtc_memory_len;

uint64_t es_sim_monotonic_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

void es_sim_clock_power_on(void) {
    boot_mono_us = es_sim_monotonic_us();
    rtc_offset_us = 0 - boot_mono_us; /* wraps: RTC reads 0 now */
    rtc_memory_len = 0;
    cpu_mhz = 80;
}

void es_sim_clock_restart(void) {
    boot_mono_us = es_sim_monotonic_us();
    cpu_mhz = 80;
}

uint64_t es_chip_uptime_us(void) { return es_sim_monotonic_us() - boot_mono_us; }

uint64_t es_chip_rtc_us(void) { return es_sim_monotonic_us() + rtc_offset_us; }

void es_chip_rtc_set_us(uint64_t us) { rtc_offset_us = us - es_sim_monotonic_us(); }

size_t es_chip_rtc_memory_read(uint8_t *buf) {
    memcpy(buf, rtc_memory, rtc_memory_len);
    return rtc_memory_len;
}

void es_chip_rtc_memory_write(const uint8_t *buf, size_t len) {
    if (len > sizeof(rtc_memory)) {
        len = sizeof(rtc_memory);
    }
    memcpy(rtc_memory, buf, len);
    rtc_memory_len = len;
}

unsigned es_chip_cpu_mhz(void) { return cpu_mhz; }

void es_chip_set_cpu_mhz(unsigned mhz) { cpu_mhz = mhz == 160 ? 160 : 80; }

/* A fixed identity: the chip id and the MACs Espressif modules commonly carry. */
#define SIM_CHIP_ID (0x00e5b1a5u)

uint32_t es_chip_id(void) { return SIM_CHIP_ID; }

void es_chip_mac(int interface, uint8_t mac[6]) {
    /* Station MAC 5c:cf:7f + low chip id bytes; the AP's differs in the first byte, as on silicon. */
    mac[0] = interface == 1 ? 0x5e : 0x5c;
    mac[1] = 0xcf;
    mac[2] = 0x7f;
    mac[3] = (uint8_t)(SIM_CHIP_ID >> 16);
    mac[4] = (uint8_t)(SIM_CHIP_ID >> 8);
    mac[5] = (uint8_t)SIM_CHIP_ID;
}
