/* trace.c: --trace FILE, a Value Change Dump (IEEE 1364) of every pin's level against simulated time. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/board.h"
#include "ports/esp8266/sim/pads.h"
#include "ports/esp8266/sim/simcore.h"

/*
** One wire per usable GPIO, named gpioN, identified by the character '!' + N. Times are
** microseconds since the trace started, continuing over the board's restarts (its uptime
** starts again from zero at each one). A change is written only when the level differs from the last one
** written for that pin, and the file is flushed after every time stamp so a reader sees the
** changes while the board runs.
*/

static FILE *trace_file;
static int8_t written[ES_CHIP_GPIO_COUNT];
static uint64_t last_time;
static bool time_written;
static uint64_t trace_start_mono_us;
static uint64_t uptime_base_us; /* trace time = uptime + this */

static char level_char(int level) {
    return level < 0 ? 'z' : level ? '1' : '0';
}

static char pin_id(int pin) {
    return (char)('!' + pin);
}

bool es_sim_trace_is_open(void) {
    return trace_file != NULL;
}

void es_sim_trace_pin_at(uint64_t us, int pin, int level) {
    if (trace_file == NULL || !es_sim_pin_is_usable(pin)) {
        return;
    }
    level = level < 0 ? -1 : level != 0;
    if (written[pin] == level) {
        return;
    }
    written[pin] = (int8_t)level;
    us += uptime_base_us;
    if (us < last_time) {
        us = last_time; /* never let a late report make the dump go back in time */
    }
    if (!time_written || us != last_time) {
        fprintf(trace_file, "#%llu\n", (unsigned long long)us);
        last_time = us;
        time_written = true;
    }
    fprintf(trace_file, "%c%c\n", level_char(level), pin_id(pin));
    fflush(trace_file);
}

void es_sim_trace_pin(int pin, int level) {
    uint64_t now = es_chip_uptime_us();
    es_sim_pwm_advance_to(now);
    es_sim_trace_pin_at(now, pin, level);
}

/* Written out to the present when the simulator exits, so the dump ends with every PWM edge. */
static void close_trace(void) {
    if (trace_file != NULL) {
        uint64_t now = es_chip_uptime_us();
        es_sim_pwm_advance_to(now);
        now += uptime_base_us;
        if (now > last_time) {
            fprintf(trace_file, "#%llu\n", (unsigned long long)now); /* marks how long the run lasted */
        }
        fclose(trace_file);
        trace_file = NULL;
    }
}

void es_sim_trace_board_restarted(void) {
    uptime_base_us = es_sim_monotonic_us() - es_chip_uptime_us() - trace_start_mono_us;
}

int es_sim_trace_open(const char *path) {
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        return -errno;
    }
    trace_start_mono_us = es_sim_monotonic_us();
    fprintf(f, "$version espy esp8266-sim $end\n$timescale 1us $end\n$scope module esp8266 $end\n");
    for (int pin = 0; pin < ES_CHIP_GPIO_COUNT; pin++) {
        if (es_sim_pin_is_usable(pin)) {
            fprintf(f, "$var wire 1 %c gpio%d $end\n", pin_id(pin), pin);
        }
    }
    fprintf(f, "$upscope $end\n$enddefinitions $end\n");
    fprintf(f, "#0\n$dumpvars\n");
    for (int pin = 0; pin < ES_CHIP_GPIO_COUNT; pin++) {
        if (es_sim_pin_is_usable(pin)) {
            int level = es_sim_gpio_level(pin);
            written[pin] = (int8_t)(level < 0 ? -1 : level != 0);
            fprintf(f, "%c%c\n", level_char(written[pin]), pin_id(pin));
        }
    }
    fprintf(f, "$end\n");
    fflush(f);
    last_time = 0;
    time_written = true;
    trace_file = f;
    es_sim_trace_board_restarted();
    atexit(close_trace);
    return 0;
}
