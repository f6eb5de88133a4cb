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

/* RTC alarm 0 armed with wake=DEEPSLEEP: microseconds until it fires, or -1 (machine_rtc.c). */
int64_t es_machine_rtc_deepsleep_alarm_us(void);

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
