/* timing.c: the simulator's timing sections and the nanosecond bus clock of chip.h (es_chip_timing_*). */

#include <time.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/devices.h"

/*
** On silicon a timing section runs with interrupts off, so a 400 ns pulse lasts 400 ns. A
** host process can be descheduled at any moment, which would stretch pulses at random and
** make 1-wire, DHT and LED-strip transfers flaky. So inside a section the clock is virtual:
** every reading advances it by STEP_NS (a turn of a busy-wait loop on the chip) and the
** program and the devices both see exactly the timing the code asked for. The virtual clock
** is held back so that it never runs ahead of real time: outside sections the clock is real
** time again, and it never goes back.
*/
#define STEP_NS (25)

static unsigned section_depth;
static uint64_t virtual_ns;
static uint64_t last_ns; /* the latest reading handed out */

/* The host's monotonic clock: unlike the chip's uptime it does not start again when the board
** restarts, so the bus clock never goes back. */
static uint64_t real_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t es_sim_bus_now_ns(void) {
    if (section_depth > 0) {
        return virtual_ns;
    }
    uint64_t now = real_ns();
    return now > last_ns ? now : last_ns;
}

uint32_t es_chip_timing_begin(void) {
    uint32_t irq_state = es_chip_disable_irq();
    if (section_depth == 0) {
        virtual_ns = es_sim_bus_now_ns(); /* real time: no section is open yet */
    }
    section_depth++;
    return irq_state;
}

void es_chip_timing_end(uint32_t irq_state) {
    if (section_depth > 0 && --section_depth == 0) {
        last_ns = virtual_ns;
    }
    es_chip_enable_irq(irq_state);
}

uint32_t es_chip_timing_ns(void) {
    uint64_t now;
    if (section_depth > 0) {
        virtual_ns += STEP_NS;
        while (virtual_ns > real_ns()) {
        }
        now = virtual_ns;
    } else {
        now = es_sim_bus_now_ns();
    }
    last_ns = now;
    es_sim_devices_advance(now);
    return (uint32_t)now;
}
