/* board.h: inside the simulator, how the parts of the virtual board reach each other. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
** The simulator is single-threaded: the chip's "interrupts" (UART input, control-socket
** commands, pin edges, timers) are taken in es_sim_poll_events(), which runs at the VM's safe
** points (a periodic timer signal asks for it) and inside every wait (es_chip_wait_event).
*/

/* ---- events (sim/events.c) ------------------------------------------------------- */
void es_sim_poll_events(void);
/* Lets another part of the simulator have a descriptor watched by the event loop. */
typedef void (*es_sim_fd_handler_t)(int fd, void *ctx);
void es_sim_watch_fd(int fd, es_sim_fd_handler_t on_readable, void *ctx);
void es_sim_unwatch_fd(int fd);

/* ---- GPIO pads (sim/gpio.c) -------------------------------------------------------- */
/* What the chip itself drives on pin: 0, 1, or -1 when it does not drive (input, released
** open drain). */
int es_sim_gpio_chip_drive(int pin);
/* Sets the level an outside circuit applies (control socket: "pin 4 1"); -1 lets it float. */
void es_sim_gpio_set_external(int pin, int level);
/* Re-evaluates pin after an attached device changed what it drives (edges, trace). */
void es_sim_gpio_recompute(int pin);

/* ---- attached devices (sim/devices.c): I2C, SPI, 1-wire, DHT models ------------------ */
/* Told whenever the chip's drive of a pin changes (after the pad level is updated). */
void es_sim_devices_pin_changed(int pin);
/* What the attached devices drive on pin: -1 nothing, 0 pull low (open drain), 1 drive high. */
int es_sim_devices_drive(int pin);
/* Answers control-socket commands for devices ("i2c ...", "spi ...", "onewire ...", "dht ...");
** writes a reply line into reply and returns true, or returns false for an unknown command. */
bool es_sim_devices_command(char **words, int n_words, char *reply, size_t reply_size);

/* ---- UART (sim/uart.c) ---------------------------------------------------------- */
/* Takes up to size bytes that UART1 has transmitted since the last call. */
size_t es_sim_uart1_take(uint8_t *buf, size_t size);

/* ---- the board as a whole (sim/main.c) ------------------------------------------------ */
/* Pushes the reset button: the chip restarts with cause HARD at the next safe point. */
void es_sim_press_reset(void);

/* ---- trace (sim/trace.c): Value Change Dump of every pin ------------------------------ */
void es_sim_trace_pin(int pin, int level); /* level -1: high impedance */

/* ---- timers of the event loop (sim/events.c) --------------------------------------- */
/* A timer is owned by its user (no allocation); the handler runs from the event loop
** (interrupt context: it may call es_sched_schedule but must not allocate). */
typedef void (*es_sim_timer_handler_t)(void *ctx);
typedef struct es_sim_timer_t {
    uint64_t due_us; /* es_chip_uptime_us() value at which it fires */
    es_sim_timer_handler_t handler;
    void *ctx;
    struct es_sim_timer_t *next;
} es_sim_timer_t;
/* Arms (or re-arms) timer to fire once at due_us; re-arm from the handler for periods. */
void es_sim_timer_start(es_sim_timer_t *timer, uint64_t due_us, es_sim_timer_handler_t handler, void *ctx);
void es_sim_timer_stop(es_sim_timer_t *timer);

/* ---- command-line hooks (sim/main.c calls them when the parts are linked in) -------- */
/* --control SPEC: opens the control socket (sim/control.c); 0 or a negative errno. */
int es_sim_control_open(const char *spec);
/* --trace FILE: starts the pin trace (sim/trace.c); 0 or a negative errno. */
int es_sim_trace_open(const char *path);
/* At every hard restart (power-on, reset button, machine.reset, watchdog, deepsleep wake):
** the parts put their hardware back to its reset state (sim/gpio.c). */
void es_sim_gpio_hard_reset(void);

/* ---- WiFi and the IP stack (sim/wifi.c) ------------------------------------------------ */
/* --wifi FILE, --net-port-base N: 1 when opt is one of these and arg was good, 0 when opt is
** not one of them, a negative errno for a bad arg. */
int es_sim_net_option(const char *opt, const char *arg);
/* N of --net-port-base: the board's port P is 127.0.0.1:N+P on the host. */
int es_sim_net_port_base(void);
/* Control-socket "wifi ..." commands; false when words[0] is not "wifi". */
bool es_sim_wifi_command(char **words, int n_words, char *reply, size_t reply_size);
/* At every hard restart: the board's sockets are closed, the station rejoins its network. */
void es_sim_wifi_hard_reset(void);

/* ---- espy's WebREPL page (sim/page_server.c) -------------------------------------------- */
/* --webrepl-page PORT: as es_sim_net_option. */
int es_sim_page_option(const char *opt, const char *arg);
/* Starts serving the page (after the options), unless PORT is 0; a taken port only warns. */
void es_sim_page_server_start(void);
