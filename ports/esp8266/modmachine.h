/* modmachine.h: what the machine module's parts, each in its own file, share with each other and the port. */
#pragma once

#include "py/obj.h"

/* Pins (machine_pin.c). */
extern const es_type_t es_machine_pin_type;
/* The GPIO number of a Pin object or an int; ValueError "invalid pin" for the flash pins and
** numbers out of range. */
int es_machine_pin_id(es_obj_t pin);
/* The Pin singleton of a GPIO number (already checked). */
es_obj_t es_machine_pin_obj(int gpio);
/* Makes gpio a push-pull output at level, as Pin(gpio, Pin.OUT, value=level) (PWM's pins). */
void es_machine_pin_make_output(int gpio, int level);

/* At every (soft) reset: pin IRQs, timers and PWM callbacks are cleared; levels stay. */
void es_machine_pins_soft_reset(void);
void es_machine_timers_soft_reset(void);
/* At every hard boot (power-on, reset, watchdog, deepsleep wake), before the interpreter
** starts: the machine parts forget what the chip forgot (pin modes, PWM channels, the RTC
** alarm). Silicon starts with zeroed RAM anyway; the simulator restarts in one process. */
void es_machine_hard_reset(void);
void es_machine_pwm_hard_reset(void);
void es_machine_rtc_hard_reset(void);

/* RTC alarm 0 armed with wake=DEEPSLEEP: microseconds until it fires, or -1 (machine_rtc.c). */
int64_t es_machine_rtc_deepsleep_alarm_us(void);

/* Buses (machine_uart.c, machine_softi2c.c, machine_softspi.c, machine_hspi.c, esp_drivers.c). */
extern const es_type_t es_machine_uart_type;
extern const es_type_t es_machine_softi2c_type; /* machine.I2C and machine.SoftI2C */
extern const es_type_t es_machine_softspi_type;
extern const es_type_t es_machine_hspi_type; /* machine.SPI */
extern const es_obj_fun_builtin_t es_machine_bitstream_obj;
extern const es_obj_fun_builtin_t es_machine_dht_readinto_obj; /* also esp.dht_readinto */
extern const es_obj_fun_builtin_t es_esp_neopixel_write_obj;
extern const es_obj_fun_builtin_t es_esp_apa102_write_obj;
/* SPI buses keep their transfer function in their type's protocol slot, so that the methods
** read/readinto/write/write_readinto (machine_softspi.c) serve SoftSPI and SPI(1) alike. */
typedef struct es_machine_spi_p_t {
    void (*transfer)(es_obj_t self, size_t len, const uint8_t *src, uint8_t *dest); /* dest may be NULL */
} es_machine_spi_p_t;
extern const es_obj_fun_builtin_t es_machine_spi_read_obj;
extern const es_obj_fun_builtin_t es_machine_spi_readinto_obj;
extern const es_obj_fun_builtin_t es_machine_spi_write_obj;
extern const es_obj_fun_builtin_t es_machine_spi_write_readinto_obj;
/* 0 or 1 for a UART object, -1 for anything else (os.dupterm tells UART0 apart with it). */
int es_machine_uart_id(es_obj_t obj);

/* GC roots of the machine module's parts (IRQ handlers, timer callbacks), marked by the port. */
void es_machine_gc_mark_roots(void);

/* The rest of the machine module's classes and functions, for modmachine.c's table. */
extern const es_type_t es_machine_signal_type; /* extmod/machine_signal.c */
extern const es_type_t es_machine_pwm_type;
extern const es_type_t es_machine_adc_type;
extern const es_type_t es_machine_rtc_type;
extern const es_type_t es_machine_timer_type;
extern const es_type_t es_machine_wdt_type;
extern const es_obj_fun_builtin_t es_machine_time_pulse_us_obj;

/* Timer callbacks of armed timers (machine_timer.c). */
void es_machine_timers_gc_mark_roots(void);
