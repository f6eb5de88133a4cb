/* hwtimer.c: the chip's timer interrupt in the simulator, one timer of the event loop. */

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/board.h"

static es_sim_timer_t port_timer;

static void on_due(void *ctx) {
    (void)ctx;
    es_port_timer_interrupt();
}

void es_chip_timer_arm(uint64_t due_us) {
    if (due_us == UINT64_MAX) {
        es_sim_timer_stop(&port_timer);
    } else {
        es_sim_timer_start(&port_timer, due_us, on_due, NULL);
    }
}
