/* simcore.h: what the simulated chip's own parts (main, events, uart, flash, clock) share. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* clock.c */
uint64_t es_sim_monotonic_us(void);
void es_sim_clock_power_on(void); /* RTC back to 2000-01-01, RTC memory emptied */
void es_sim_clock_restart(void);  /* uptime from zero, CPU back to 80 MHz; RTC kept */

/* flash.c: the SPI flash in an image file. */
int es_sim_flash_open(const char *path, uint32_t size, bool size_given);
void es_sim_flash_close(void);
/* First 128 bytes of esp_init_data all 0xFF: writes defaults, as the SDK does at boot. */
bool es_sim_flash_check_init_data(void);

/* uart.c: UART0 on the terminal or a pty. */
#define ES_SIM_UART_TTY (0)
#define ES_SIM_UART_PTY (1)
int es_sim_uart_open(int mode);
void es_sim_uart_restore_terminal(void);
void es_sim_uart_restart(void); /* receive buffers emptied, 115200 baud */
/* While the chip sleeps nothing is received: input waits in the host's buffers. */
void es_sim_uart_set_receiving(bool on);

/* events.c */
void es_sim_events_start(void);
void es_sim_events_restart(void); /* timers of the previous run dropped */
bool es_sim_irq_disabled(void);
/* Waits up to us for any event, servicing it; the chip's interrupts stay off meanwhile
** except the fd handlers (deepsleep: only the reset button matters). */
void es_sim_sleep_us(uint64_t us);
void es_sim_wdt_restart(void);

/* main.c */
extern bool es_sim_reset_requested;
