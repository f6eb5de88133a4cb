/* busdelay.h: busy waits for the bit-banged buses (I2C, SPI, 1-wire, DHT, LED strips). */
#pragma once

#include <stdint.h>

#include "ports/esp8266/chip.h"

/*
** A bit-banged bus must not run Python code or service events in the middle of a transfer,
** so these spin on the chip's timing clock (chip.h) instead of calling es_hal_delay_us.
** Durations are at most a few seconds (the clock is 32 bits of nanoseconds).
*/
static inline void es_bus_delay_ns(uint32_t ns) {
    uint32_t start = es_chip_timing_ns();
    while ((uint32_t)(es_chip_timing_ns() - start) < ns) {
    }
}

static inline void es_bus_delay_us(uint32_t us) {
    es_bus_delay_ns(us * 1000u);
}

/* Nanoseconds since `start` (an es_chip_timing_ns() reading). */
static inline uint32_t es_bus_elapsed_ns(uint32_t start) {
    return (uint32_t)(es_chip_timing_ns() - start);
}
