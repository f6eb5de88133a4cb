/* hal.h: the few hardware services the core and portable modules need; each port implements them. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Free-running counters since start-up; they wrap, and time.ticks_diff handles that. */
uint32_t es_hal_ticks_ms(void);
uint32_t es_hal_ticks_us(void);
uint32_t es_hal_ticks_cpu(void);

/* Waits, delivering pending events (Ctrl-C, scheduled callbacks) while it does. */
void es_hal_delay_ms(uint32_t ms);
void es_hal_delay_us(uint32_t us);

/* Wall-clock time in nanoseconds since the Epoch (1970 on the host; the RTC on the board). */
uint64_t es_hal_time_ns(void);

/* Fills buf with random bytes from the best source the port has (os.urandom, seeding random). */
void es_hal_random_bytes(uint8_t *buf, size_t len);
