/* pwm_adc.c: the simulated software PWM (waveforms into the trace) and the ADC's two channels (set from the control socket). */

#include <stdio.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/board.h"
#include "ports/esp8266/sim/pads.h"

/*
** The SDK's software PWM starts every channel high at the start of each period and drops each
** one after its duty; every channel shares one frequency. A change of any setting restarts the
** period. The waveform is produced lazily: whenever time has passed (a trace write, a tick of
** ADVANCE_EVERY_US while a channel runs, the end of the run) the edges since the last call are
** written into the trace. When
** more than MAX_PERIODS_PER_ADVANCE periods are pending only the latest are written, so a
** long stall costs a bounded amount of work (the dump then shows one long pulse).
*/
#define MAX_PERIODS_PER_ADVANCE (4096)
#define ADVANCE_EVERY_US (20000)

static uint32_t pwm_freq_hz;
static uint16_t pwm_duty[ES_CHIP_GPIO_COUNT];
static uint32_t pwm_active; /* bit per pin */
static uint64_t period_start_us;
static uint64_t emitted_until_us; /* edges at times < this are already in the trace */
static es_sim_timer_t advance_timer;

/* TOUT floats near 0 until a test sets it; the supply reads 3.3 V. */
static uint32_t adc_values[2] = {0, 3379};

static uint64_t period_us(void) {
    return pwm_freq_hz ? 1000000u / pwm_freq_hz : 1000000u;
}

static uint64_t high_us(int pin) {
    return period_us() * pwm_duty[pin] / 1024u;
}

bool es_sim_pwm_level_at(int pin, uint64_t now_us, int *level) {
    if (pin < 0 || pin >= ES_CHIP_GPIO_COUNT || !(pwm_active & (1u << pin))) {
        return false;
    }
    uint64_t phase = now_us > period_start_us ? (now_us - period_start_us) % period_us() : 0;
    *level = phase < high_us(pin);
    return true;
}

void es_sim_pwm_advance_to(uint64_t now_us) {
    if (pwm_active == 0 || !es_sim_trace_is_open() || now_us < emitted_until_us) {
        if (now_us > emitted_until_us) {
            emitted_until_us = now_us;
        }
        return;
    }
    uint64_t period = period_us();
    uint64_t periods_pending = (now_us - period_start_us) / period;
    if (periods_pending > MAX_PERIODS_PER_ADVANCE) {
        period_start_us += (periods_pending - MAX_PERIODS_PER_ADVANCE) * period;
        if (emitted_until_us < period_start_us) {
            emitted_until_us = period_start_us;
        }
    }
    /* Channels in the order they fall within a period. */
    int order[ES_CHIP_GPIO_COUNT];
    int n = 0;
    for (int pin = 0; pin < ES_CHIP_GPIO_COUNT; pin++) {
        if (pwm_active & (1u << pin)) {
            int at = n++;
            while (at > 0 && high_us(order[at - 1]) > high_us(pin)) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = pin;
        }
    }
    for (;;) {
        uint64_t start = period_start_us;
        if (start > now_us) {
            break;
        }
        if (start >= emitted_until_us) {
            for (int i = 0; i < n; i++) {
                es_sim_trace_pin_at(start, order[i], high_us(order[i]) > 0);
            }
        }
        for (int i = 0; i < n; i++) {
            uint64_t high = high_us(order[i]);
            uint64_t fall = start + high;
            if (high == 0 || high >= period || fall < emitted_until_us) {
                continue;
            }
            if (fall > now_us) {
                emitted_until_us = now_us + 1;
                return;
            }
            es_sim_trace_pin_at(fall, order[i], 0);
        }
        period_start_us += period;
    }
    emitted_until_us = now_us + 1;
}

static void on_advance_tick(void *ctx) {
    (void)ctx;
    uint64_t now = es_chip_uptime_us();
    es_sim_pwm_advance_to(now);
    if (pwm_active != 0 && es_sim_trace_is_open()) {
        es_sim_timer_start(&advance_timer, now + ADVANCE_EVERY_US, on_advance_tick, NULL);
    }
}

void es_chip_pwm_set(int pin, uint32_t freq_hz, uint32_t duty) {
    if (pin < 0 || pin >= ES_CHIP_GPIO_COUNT) {
        return;
    }
    uint64_t now = es_chip_uptime_us();
    es_sim_pwm_advance_to(now);
    bool was_active = (pwm_active & (1u << pin)) != 0;
    bool on = freq_hz != 0 || duty != 0;
    if (on) {
        pwm_freq_hz = freq_hz < 1 ? 1 : freq_hz > 1000 ? 1000 : freq_hz;
        pwm_duty[pin] = (uint16_t)(duty > 1023 ? 1023 : duty);
        pwm_active |= 1u << pin;
    } else {
        pwm_active &= ~(1u << pin);
    }
    period_start_us = now;
    emitted_until_us = now;
    if (on) {
        es_sim_pwm_advance_to(now);
        if (es_sim_trace_is_open()) {
            es_sim_timer_start(&advance_timer, now + ADVANCE_EVERY_US, on_advance_tick, NULL);
        }
    } else if (was_active) {
        /* The pin is back to what its mode and latch say. */
        es_sim_gpio_recompute(pin);
    }
}

void es_sim_pwm_describe(int pin, char *out, size_t size) {
    if (pwm_active & (1u << pin)) {
        snprintf(out, size, "pwm %d freq %u duty %u", pin, (unsigned)pwm_freq_hz, (unsigned)pwm_duty[pin]);
    } else {
        snprintf(out, size, "pwm %d off", pin);
    }
}

void es_sim_pwm_hard_reset(void) {
    /* The uptime starts again from zero: nothing of the old waveform is carried over. */
    pwm_active = 0;
    period_start_us = 0;
    emitted_until_us = 0;
}

uint32_t es_chip_adc_read(int channel) {
    return channel == 0 || channel == 1 ? adc_values[channel] : 0;
}

void es_sim_adc_set(int channel, uint32_t value) {
    if (channel == 0) {
        adc_values[0] = value > 1024 ? 1024 : value;
    } else if (channel == 1) {
        adc_values[1] = value > 65535 ? 65535 : value;
    }
}
