/* wifi.h: the radio and the IP stack's hooks as the network module sees them; each backend (sim/wifi.c) implements them. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "py/obj.h"

/* Access points the radio can hear (the simulator's world, given with --wifi FILE or the
** control socket's "wifi" commands). */
typedef struct es_wifi_ap_t {
    char ssid[33];
    char key[65];
    uint8_t bssid[6];
    uint8_t channel;
    int8_t rssi;
    uint8_t authmode; /* network.AUTH_* */
    bool hidden;
} es_wifi_ap_t;

/* The i-th access point in range (false past the last one). */
bool es_wifi_world_ap(size_t i, es_wifi_ap_t *out);
/* Stations attached to the board's own access point: the i-th one's MAC and address. */
bool es_wifi_world_station(size_t i, uint8_t mac[6], uint8_t ip[4]);

/* The network module's state that lives outside the heap (ports/esp8266/modnetwork.c):
** put back as the SDK does at a hard restart (stays associated, reconnects). */
void es_network_hard_reset(void);
/* The backend's heap objects (socket callbacks): called by es_port_gc_mark_roots. */
void es_wifi_gc_mark_roots(void);
