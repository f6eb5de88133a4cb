/* console.c: the REPL's terminal: the stdin ring fed by UART0 and dupterm, Ctrl-C, output with \r\n. */

#include <string.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/port.h"
#include "py/portio.h"
#include "py/runtime.h"

/* Filled from the UART's receive interrupt, emptied by the REPL: one writer, one reader. */
static uint8_t stdin_ring[ES_PORT_STDIN_SIZE];
static volatile uint16_t stdin_head, stdin_len;
static int interrupt_char = -1;

void es_port_console_reset(void) {
    stdin_head = 0;
    stdin_len = 0;
    interrupt_char = -1;
}

void es_port_set_interrupt_char(int c) { interrupt_char = c; }
int es_port_get_interrupt_char(void) { return interrupt_char; }

void es_port_stdin_put(uint8_t byte) {
    if ((int)byte == interrupt_char) {
        es_sched_keyboard_interrupt();
        return;
    }
    if (stdin_len == ES_PORT_STDIN_SIZE) {
        return; /* full: lost, as on the chip */
    }
    stdin_ring[(stdin_head + stdin_len) % ES_PORT_STDIN_SIZE] = byte;
    stdin_len++;
}

size_t es_port_stdin_free(void) { return ES_PORT_STDIN_SIZE - stdin_len; }

void es_port_uart0_received(uint8_t byte) {
    if (es_port_uart0_attached()) {
        es_port_stdin_put(byte);
    } else {
        es_chip_uart0_rx_keep(byte);
    }
}

int es_port_stdin_try_byte(void) {
    if (stdin_len == 0) {
        int b = es_port_dupterm_rx_byte();
        return b;
    }
    uint8_t b = stdin_ring[stdin_head];
    stdin_head = (stdin_head + 1) % ES_PORT_STDIN_SIZE;
    stdin_len--;
    return b;
}

int es_port_stdin_read_byte(void) {
    for (;;) {
        int b = es_port_stdin_try_byte();
        if (b >= 0) {
            return b;
        }
        if (es_state.sched_state) {
            es_handle_pending();
            continue;
        }
        es_chip_uart0_rx_starved();
        es_chip_wait_event(100000);
    }
}

void es_port_console_write(const char *buf, size_t len) {
    if (len == 0) {
        return;
    }
    if (es_port_uart0_attached()) {
        es_chip_uart_write(0, (const uint8_t *)buf, len);
    }
    es_port_dupterm_tx(buf, len);
}

void es_port_console_write_str(const char *str) { es_port_console_write(str, strlen(str)); }

void es_port_console_write_text(const char *buf, size_t len) {
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\n') {
            es_port_console_write(buf + start, i - start);
            es_port_console_write("\r\n", 2);
            start = i + 1;
        }
    }
    es_port_console_write(buf + start, len - start);
}

static void console_print_write(void *data, const char *str, size_t len) {
    ES_UNUSED(data);
    es_port_console_write_text(str, len);
}

/* The board has one terminal: stderr is stdout. */
const es_print_t es_plat_print = {NULL, console_print_write};
const es_print_t es_port_stderr_print = {NULL, console_print_write};

bool es_port_readline(es_vstr_t *line, const char *prompt) {
    /* input(): the same line editor as the REPL, with Ctrl-C raising KeyboardInterrupt. */
    size_t start = line->len;
    int r = es_readline(line, prompt);
    if (r == 3) {
        es_port_console_write_str("\r\n");
        line->len = start;
        es_raise(es_obj_new_exception(&es_type_KeyboardInterrupt));
    }
    if (r == 4) {
        es_port_console_write_str("\r\n");
        line->len = start;
        return false;
    }
    return true;
}
