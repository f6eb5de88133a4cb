/* devices.h: what the simulator's bus parts share: the bus clock (timing.c) and the attached device models (devices.c). */
#pragma once

#include <stdint.h>

/* The bus clock in nanoseconds of uptime, without advancing it: virtual inside timing
** sections, real time (never going back) outside them. Devices stamp edges with it. */
uint64_t es_sim_bus_now_ns(void);

/* Lets the devices act on the passing of time (presence pulses, sensor answers, clock
** stretching) up to now_ns; the bus clock calls it at every reading. */
void es_sim_devices_advance(uint64_t now_ns);
