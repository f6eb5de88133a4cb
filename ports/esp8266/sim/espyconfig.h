/* espyconfig.h: feature flags for build/esp8266-sim, the ESP8266 port on Linux with simulated hardware. */
#pragma once

/* The chip has no FPU and MicroPython's ESP8266 port uses single-precision floats. */
#define ES_FLOAT_IS_SINGLE (1)
/* MicroPython leaves users about 38 KB of heap on the chip; --heap changes it. */
#define ES_DEFAULT_HEAP_SIZE (38 * 1024)
/* The chip has about 8 KB of stack; host frames are larger (64-bit words, no -Os), so the
** limit is scaled to give Python code about the same recursion depth. */
#ifndef ES_STACK_LIMIT
#define ES_STACK_LIMIT (64 * 1024)
#endif
#define ES_PLATFORM "esp8266"
/* time.time() and the calendar functions count from 2000-01-01, and time() is an int, as on the chip. */
#define ES_TIME_EPOCH_OFFSET (946684800)
#define ES_TIME_TIME_IS_INT (1)

/* The simulated chip's interrupts (UART input, control socket, timers) are taken at the VM's
** safe points. */
void es_sim_poll_events(void);
#define ES_PORT_POLL_EVENTS() es_sim_poll_events()

/* os.dupterm with two slots (ports/esp8266/dupterm.c). */
#define ES_PORT_HAS_DUPTERM (1)
#define ES_PORT_DUPTERM_SLOTS (2)

/* micropython.kbd_intr(c) reaches the console (ports/esp8266/console.c). */
void es_port_set_interrupt_char(int c);
#define ES_PORT_SET_INTERRUPT_CHAR(c) es_port_set_interrupt_char(c)

/* sys.stdin.read(n) takes raw bytes from the console (ports/esp8266/console.c). */
int es_port_stdin_read_byte(void);
#define ES_PORT_STDIN_READ_BYTE() es_port_stdin_read_byte()

/* Sockets as lwIP on the chip allows (5 open), the board's server ports mapped to host ports
** and socket option 20 (ports/esp8266/sim/wifi.c). */
#define ES_SOCKET_MAX_OPEN (5)
#define ES_SOCKET_PORT_HOOKS (1)

/* Class docstrings are not kept in the heap (no __doc__), as in MicroPython's ESP8266 port. */
#define ES_CLASS_DOCSTRINGS (0)
