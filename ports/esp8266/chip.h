/* chip.h: the ESP8266 hardware as the port's modules see it; each backend (sim, qemu, silicon) implements it. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
** Port code (machine, esp, network, the boot sequence, the serial REPL) reaches hardware only
** through these functions, so the same machine.Pin runs in the simulator, under QEMU and on
** silicon. Functions that can fail return 0 on success or a negative errno.
*/

/* ---- reset and power ------------------------------------------------------------ */

/* reset_cause() values, as the chip reports them. */
#define ES_CHIP_RESET_POWER_ON (0)
#define ES_CHIP_RESET_WDT (1)
#define ES_CHIP_RESET_SOFT (4)
#define ES_CHIP_RESET_DEEPSLEEP (5)
#define ES_CHIP_RESET_HARD (6)

int es_chip_reset_cause(void);
/* Restarts the chip from scratch (does not return): the next boot reports `cause`. */
void es_chip_restart(int cause) __attribute__((noreturn));
/* Stops the chip; it wakes after `us` microseconds (0: never, until reset) with cause DEEPSLEEP. */
void es_chip_deepsleep(uint64_t us) __attribute__((noreturn));
/* 80 or 160. */
unsigned es_chip_cpu_mhz(void);
void es_chip_set_cpu_mhz(unsigned mhz);
/* Waits for an interrupt or at most `us` microseconds (machine.idle, lightsleep, REPL waits). */
void es_chip_wait_event(uint32_t us);
uint32_t es_chip_id(void);
void es_chip_mac(int interface, uint8_t mac[6]);
/* Watchdog: once armed the software must feed it within timeout_ms or the chip resets (cause WDT). */
void es_chip_wdt_arm(uint32_t timeout_ms);
void es_chip_wdt_feed(void);

/* ---- time ---------------------------------------------------------------------- */

/* Microseconds since the chip started (monotonic, 64-bit so it never wraps here). */
uint64_t es_chip_uptime_us(void);
/* The RTC: microseconds since 2000-01-01 00:00:00; kept over soft reset and deepsleep. */
uint64_t es_chip_rtc_us(void);
void es_chip_rtc_set_us(uint64_t us);
/* RTC user memory (492 bytes), kept over deepsleep and resets, empty after power-on. */
#define ES_CHIP_RTC_MEMORY_SIZE (492)
size_t es_chip_rtc_memory_read(uint8_t *buf); /* returns the stored length */
void es_chip_rtc_memory_write(const uint8_t *buf, size_t len);

/* ---- SPI flash ------------------------------------------------------------------ */

#define ES_CHIP_FLASH_SECTOR_SIZE (4096)
uint32_t es_chip_flash_size(void);
uint32_t es_chip_flash_id(void);
int es_chip_flash_read(uint32_t addr, void *buf, size_t len);
/* Writing only clears bits (new = old & data), as NOR flash does; erase sets a sector to 0xFF. */
int es_chip_flash_write(uint32_t addr, const void *buf, size_t len);
int es_chip_flash_erase_sector(uint32_t sector);

/* ---- UARTs ----------------------------------------------------------------------- */

/* UART0 receives and transmits (the REPL's terminal); UART1 only transmits (GPIO2). */
void es_chip_uart_write(int uart, const uint8_t *buf, size_t len);
/* Next received byte of UART0, or -1 when none has arrived. */
int es_chip_uart0_read_byte(void);
size_t es_chip_uart0_rx_available(void);
void es_chip_uart_config(int uart, uint32_t baudrate, int bits, int parity, int stop);
/* Called by the backend (from its receive interrupt) for each byte UART0 receives; the port
** decides whether the byte is the interrupt character or goes to the REPL's input buffer. */
void es_port_uart0_received(uint8_t byte);
/* The port calls this for a received byte the REPL does not take (UART0 detached from
** os.dupterm): it waits in UART0's receive buffer for es_chip_uart0_read_byte, or is lost when
** that buffer (machine.UART's rxbuf) is full. */
void es_chip_uart0_rx_keep(uint8_t byte);
/* The REPL waits for input and none is left: the simulator switches the board off when the
** host's input to UART0 has ended (a pipe); silicon has nothing to do. */
void es_chip_uart0_rx_starved(void);
/* machine.UART(0, rxbuf=n): the receive buffer holds n - 1 bytes (default n = 16). */
void es_chip_uart0_set_rxbuf(size_t size);
size_t es_chip_uart0_rxbuf(void);

/* ---- GPIO ------------------------------------------------------------------------ */

#define ES_CHIP_GPIO_COUNT (17) /* GPIO0..15 and GPIO16 (RTC block) */
#define ES_CHIP_PIN_MODE_INPUT (0)
#define ES_CHIP_PIN_MODE_OUTPUT (1)
#define ES_CHIP_PIN_MODE_OPEN_DRAIN (2)

void es_chip_gpio_config(int pin, int mode, bool pull_up);
void es_chip_gpio_write(int pin, int level);
/* The level at the pad: what the pin drives, external drivers and pull resistors combined. */
int es_chip_gpio_read(int pin);
/* Edge interrupts: bit 0 rising, bit 1 falling (machine.Pin.IRQ_*); 0 disables. */
void es_chip_gpio_irq_enable(int pin, unsigned edges);
/* Called by the backend from its GPIO interrupt when an enabled edge arrives on pin. */
void es_port_gpio_edge(int pin, unsigned edge);

/* ---- PWM, ADC, SPI ------------------------------------------------------------- */

/* Software PWM as the SDK does it: one frequency for every channel, duty 0..1023 per pin. */
void es_chip_pwm_set(int pin, uint32_t freq_hz, uint32_t duty); /* duty 0 with freq 0: off */
/* ADC(0): the TOUT pin, 0..1024; ADC(1): the supply voltage in 1/1024 V. */
uint32_t es_chip_adc_read(int channel);
/* Hardware SPI(1) (HSPI on GPIO14/13/12): full-duplex exchange of len bytes. */
void es_chip_spi1_config(uint32_t baudrate, int polarity, int phase);
void es_chip_spi1_transfer(const uint8_t *out, uint8_t *in, size_t len);

/* ---- the timer interrupt (machine.Timer's virtual timers share it) ---------------- */

/* Asks for one call of es_port_timer_interrupt() once the uptime reaches due_us; a new request
** replaces the previous one; UINT64_MAX cancels it. */
void es_chip_timer_arm(uint64_t due_us);
/* Called by the backend from its timer interrupt. */
void es_port_timer_interrupt(void);

/* ---- interrupts -------------------------------------------------------------- */

uint32_t es_chip_disable_irq(void);
void es_chip_enable_irq(uint32_t state);

/* ---- timing-critical bit-banging (1-wire, DHT, LED strips, bit-banged buses) ------------ */

/*
** Inside a timing section nothing else runs (interrupts are off; sections nest), so pulses
** of a few hundred nanoseconds keep their length. es_chip_timing_ns() is the clock that busy
** waits and pulse measurements use, in and out of sections; it wraps, so compare differences.
** Silicon reads the CPU's cycle counter. The simulator runs a virtual clock inside sections
** that advances by a fixed step at each reading (never ahead of real time), so host
** scheduling cannot stretch a pulse, and its attached devices act at the exact moments.
*/
uint32_t es_chip_timing_begin(void);
void es_chip_timing_end(uint32_t state);
uint32_t es_chip_timing_ns(void);
