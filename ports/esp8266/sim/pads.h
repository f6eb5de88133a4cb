/* pads.h: what the simulator's pad parts (gpio.c, pwm_adc.c, trace.c, control.c) share. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* GPIO numbers a program may use; 6, 7, 8 and 11 carry the SPI flash. */
static inline bool es_sim_pin_is_usable(int pin) {
    return pin >= 0 && pin <= 16 && !(pin >= 6 && pin <= 8) && pin != 11;
}

/* ---- pads (gpio.c) ---- */
/* The level at the pad: 0, 1, or -1 when nothing drives it and no pull-up holds it. */
int es_sim_gpio_level(int pin);
/* One line of key/value words that describes the pad, for the control socket. */
void es_sim_gpio_describe(int pin, char *out, size_t size);

/* ---- PWM and ADC (pwm_adc.c) ---- */
/* When PWM drives pin: true, and *level is the waveform's level at uptime `now_us`. */
bool es_sim_pwm_level_at(int pin, uint64_t now_us, int *level);
/* Emits the PWM edges up to uptime `now_us` into the trace. */
void es_sim_pwm_advance_to(uint64_t now_us);
void es_sim_pwm_describe(int pin, char *out, size_t size);
/* Every channel off (at each hard restart). */
void es_sim_pwm_hard_reset(void);
/* Sets what ADC channel 0 (TOUT, 0..1024) or 1 (supply, 1/1024 V) reads. */
void es_sim_adc_set(int channel, uint32_t value);

/* ---- trace (trace.c) ---- */
/* Records pin's level (-1: high impedance) at uptime `us`; times must not go backwards. */
void es_sim_trace_pin_at(uint64_t us, int pin, int level);
bool es_sim_trace_is_open(void);
/* The board restarted and its uptime starts again from zero; the trace's time goes on. */
void es_sim_trace_board_restarted(void);
