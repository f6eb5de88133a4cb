/* port.h: what the port core's files (start-up, console, dupterm, REPL, line editor) share. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "py/obj.h"
#include "py/print.h"

/* main.c: runs the firmware from a hard boot (never returns while the board is on). The
** backend gives the heap's memory and the top of the C stack. */
void es_port_main(void *heap, size_t heap_size, void *stack_top);

/* ---- console.c: the REPL's terminal: stdin ring, output to UART0 and dupterm ------------ */
#define ES_PORT_STDIN_SIZE (256)
void es_port_console_reset(void);
/* The byte that raises KeyboardInterrupt in running code (-1: none, as while the REPL waits). */
void es_port_set_interrupt_char(int c);
int es_port_get_interrupt_char(void);
/* Puts a byte received from any terminal into the REPL's input (or interrupts). */
void es_port_stdin_put(uint8_t byte);
size_t es_port_stdin_free(void);
/* Next input byte, waiting (and serving events, scheduled callbacks) until one arrives. */
int es_port_stdin_read_byte(void);
/* Next input byte if one is there, else -1. */
int es_port_stdin_try_byte(void);
/* Raw bytes to every terminal (UART0 when attached, dupterm slots). */
void es_port_console_write(const char *buf, size_t len);
void es_port_console_write_str(const char *str);
/* Text: every "\n" becomes "\r\n". */
void es_port_console_write_text(const char *buf, size_t len);
/* Is UART0 the REPL's terminal (os.dupterm slot 1 holds UART0, or no UART class exists)? */
bool es_port_uart0_attached(void);

/* ---- dupterm.c: os.dupterm slots ------------------------------------------------------ */
void es_port_dupterm_reset(void);
/* Reads one byte from the streams in the dupterm slots (not UART0); -1 when none has any. */
int es_port_dupterm_rx_byte(void);
void es_port_dupterm_tx(const char *buf, size_t len);
void es_port_dupterm_mark_roots(void);
/* Slot 1 at every start: UART(0, 115200) when machine.UART exists. */
void es_port_dupterm_attach_uart0(void);

/* ---- readline.c: the friendly REPL's line editor -------------------------------------- */
void es_readline_init(void); /* history cleared */
void es_readline_mark_roots(void);
/* Reads a line into `line` after printing prompt; the bytes before it (earlier lines of the
** statement) are kept. Returns 0 on Enter, or the control character typed on an empty line
** (1 Ctrl-A, 2 Ctrl-B, 3 Ctrl-C (any time), 4 Ctrl-D, 5 Ctrl-E). */
int es_readline(es_vstr_t *line, const char *prompt);

/* ---- pyexec.c: the REPL's modes and running source ------------------------------------ */
typedef enum { ES_PYEXEC_FRIENDLY, ES_PYEXEC_RAW } es_pyexec_mode_t;
extern es_pyexec_mode_t es_pyexec_mode;
/* Return values of the REPLs: 0 after a soft-reset request (Ctrl-D, SystemExit). */
int es_pyexec_friendly_repl(void);
int es_pyexec_raw_repl(void);
/* Runs a file of the filesystem (or frozen module of that name); false after an uncaught
** exception (SystemExit counts as success). */
bool es_pyexec_file_if_exists(const char *name);
/* Runs frozen module _boot; false when it does not exist. */
bool es_pyexec_frozen_module(const char *name);
void es_pyexec_print_exception(es_obj_t exc);
/* Set by SystemExit escaping code run from the REPL: a soft reset follows. */
extern bool es_pyexec_soft_reset_requested;

/* ---- help.c: help() joins the builtins at every start ---------------------------------- */
void es_port_help_install(void);

/* ---- the banner --------------------------------------------------------------------- */
void es_port_print_banner(void);
