/* trace.c: --trace FILE, a Value Change Dump (IEEE 1364) of every pin's level against simulated time. */

#include <stdio.h>
#include <stdlib.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/board.h"
#include "ports/esp8266/sim/pads.h"

/*
** One wire per usable GPIO, named gpioN, identified by the character '!' + N. Times are
** microseconds of uptime. A change is written only when the level differs from the last one
** written for that pin, and the file is flushed after every time stamp so a reader sees the
** changes while the board runs.
*/

static FILE *trace_file;
static int8_t written[ES_CHIP_GPIO_COUNT];
static uint64_t last_time;
static bool time_written;

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
        fprintf(trace_file, "#%llu\n", (unsigned long long)(now > last_time ? now : last_time));
        fclose(trace_file);
        trace_file = NULL;
    }
}

void es_sim_trace_open(const char *path) {
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        fprintf(stderr, "esp8266-sim: cannot write the trace file %s\n", path);
        exit(2);
    }
    fprintf(f, "$version espy esp8266-sim $end\n$timescale 1us $end\n$scope module esp8266 $end\n");
    for (int pin = 0; pin < ES_CHIP_GPIO_COUNT; pin++) {
        if (es_sim_pin_is_usable(pin)) {
            fprintf(f, "$var wire 1 %c gpio%d $end\n", pin_id(pin), pin);
        }
    }
    fprintf(f, "$upscope $end\n$enddefinitions $end\n");
    uint64_t now = es_chip_uptime_us();
    fprintf(f, "#%llu\n$dumpvars\n", (unsigned long long)now);
    for (int pin = 0; pin < ES_CHIP_GPIO_COUNT; pin++) {
        if (es_sim_pin_is_usable(pin)) {
            int level = es_sim_gpio_level(pin);
            written[pin] = (int8_t)(level < 0 ? -1 : level != 0);
            fprintf(f, "%c%c\n", level_char(written[pin]), pin_id(pin));
        }
    }
    fprintf(f, "$end\n");
    fflush(f);
    last_time = now;
    time_written = true;
    trace_file = f;
    atexit(close_trace);
}
