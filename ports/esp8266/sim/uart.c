/* uart.c: the simulated UARTs: UART0 on the terminal or a pseudo-terminal, UART1's output kept for the control socket. */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/board.h"
#include "ports/esp8266/sim/simcore.h"

/*
** Bytes are taken from the host at the line's baud rate (10 bits a byte), so that a host that
** writes faster than a real serial line would carry is held back in the host's buffers and
** the chip sees the timing it would see on a wire.
*/

static int uart0_in = -1, uart0_out = -1;
static int pty_slave = -1;          /* kept open so the pty never reports a hang-up */
static bool terminal_raw;
static struct termios saved_termios;
static uint32_t uart0_baud = 115200;
static bool receiving;
static bool input_ended;            /* the host's side of UART0 closed (end of a pipe) */
static bool asleep;                 /* receiving was switched off (deepsleep) */
static uint64_t credit_since_us;    /* time from which the line has carried no byte yet */
static es_sim_timer_t resume_timer;
static bool tx_stalled;

/* UART0 receive buffer for machine.UART when the REPL does not take the bytes. */
#define RX_MAX (1024)
static uint8_t rx_buf[RX_MAX];
static size_t rx_size = 16;
static size_t rx_head, rx_len;

/* UART1 transmits only: what it sent waits here for the control socket. */
#define UART1_KEEP (1024)
static uint8_t uart1_buf[UART1_KEEP];
static size_t uart1_len;

void es_sim_uart_restore_terminal(void) {
    if (terminal_raw) {
        tcsetattr(uart0_in, TCSAFLUSH, &saved_termios);
        terminal_raw = false;
    }
}

static void on_exit_signal(int signo) {
    es_sim_uart_restore_terminal();
    signal(signo, SIG_DFL);
    raise(signo);
}

static void set_raw(int fd) {
    struct termios t;
    if (tcgetattr(fd, &t) == 0) {
        cfmakeraw(&t);
        tcsetattr(fd, TCSANOW, &t);
    }
}

static void on_uart0_readable(int fd, void *ctx);
static void write_all(int fd, const uint8_t *buf, size_t len);
#define QUIT_KEY (0x1d)

static void watch_input(void) {
    es_sim_watch_fd(uart0_in, on_uart0_readable, NULL);
}

static void on_resume(void *ctx) {
    (void)ctx;
    if (receiving && !input_ended) {
        watch_input();
    }
}

static void on_uart0_readable(int fd, void *ctx) {
    (void)ctx;
    uint64_t now = es_sim_monotonic_us();
    uint64_t us_per_byte = 10000000u / uart0_baud + 1;
    if (now - credit_since_us > 64 * us_per_byte) {
        credit_since_us = now - 64 * us_per_byte; /* the chip's RX FIFO holds what arrived while busy */
    }
    size_t allowed = (size_t)((now - credit_since_us) / us_per_byte);
    if (allowed == 0) {
        /* Come back when the line has carried the next byte. */
        es_sim_unwatch_fd(fd);
        es_sim_timer_start(&resume_timer, es_chip_uptime_us() + us_per_byte, on_resume, NULL);
        return;
    }
    uint8_t buf[64];
    if (allowed > sizeof(buf)) {
        allowed = sizeof(buf);
    }
    ssize_t n = read(fd, buf, allowed);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        /* The terminal or pipe closed: what was sent is still processed, then the board goes
        ** off when it waits for more (es_chip_uart0_rx_starved). */
        input_ended = true;
        es_sim_unwatch_fd(fd);
        return;
    }
    if (n < 0) {
        return;
    }
    credit_since_us += (uint64_t)n * us_per_byte;
    for (ssize_t i = 0; i < n; i++) {
        if (buf[i] == QUIT_KEY && terminal_raw) {
            /* On a terminal, Ctrl-] switches the board off (telnet's and miniterm's key). */
            es_sim_uart_restore_terminal();
            static const char bye[] = "\r\nesp8266-sim: switched off\r\n";
            write_all(uart0_out, (const uint8_t *)bye, sizeof(bye) - 1);
            exit(0);
        }
        es_port_uart0_received(buf[i]);
    }
}

int es_sim_uart_open(int mode) {
    if (mode == ES_SIM_UART_PTY) {
        int master;
        char name[256];
        if (openpty(&master, &pty_slave, name, NULL, NULL) != 0) {
            return -errno;
        }
        set_raw(pty_slave);
        fcntl(master, F_SETFD, FD_CLOEXEC);
        fcntl(pty_slave, F_SETFD, FD_CLOEXEC);
        fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
        uart0_in = uart0_out = master;
        /* The one line a controlling program reads to find the board's serial port. */
        printf("esp8266-sim: UART0 on %s\n", name);
        fflush(stdout);
    } else {
        uart0_in = STDIN_FILENO;
        uart0_out = STDOUT_FILENO;
        if (isatty(uart0_in) && tcgetattr(uart0_in, &saved_termios) == 0) {
            struct termios t = saved_termios;
            cfmakeraw(&t);
            tcsetattr(uart0_in, TCSAFLUSH, &t);
            terminal_raw = true;
            atexit(es_sim_uart_restore_terminal);
            static const int exit_signals[] = {SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
            for (size_t i = 0; i < sizeof(exit_signals) / sizeof(exit_signals[0]); i++) {
                signal(exit_signals[i], on_exit_signal);
            }
        }
    }
    es_sim_uart_set_receiving(true);
    return 0;
}

void es_chip_uart0_rx_starved(void) {
    if (input_ended) {
        es_sim_uart_restore_terminal();
        exit(0);
    }
}

void es_sim_uart_restart(void) {
    uart0_baud = 115200;
    rx_head = rx_len = 0;
    rx_size = 16;
    tx_stalled = false;
    resume_timer.next = NULL;
    if (receiving && !input_ended) {
        watch_input();
    }
}

void es_sim_uart_set_receiving(bool on) {
    if (on && !receiving && uart0_in >= 0 && asleep) {
        /* What the host sent while the chip was off never reached it. */
        uint8_t junk[256];
        struct pollfd p = {uart0_in, POLLIN, 0};
        while (poll(&p, 1, 0) > 0 && (p.revents & POLLIN) && read(uart0_in, junk, sizeof(junk)) > 0) {
        }
    }
    receiving = on;
    asleep = !on;
    if (on && !input_ended) {
        credit_since_us = es_sim_monotonic_us();
        watch_input();
    } else {
        es_sim_unwatch_fd(uart0_in);
        es_sim_timer_stop(&resume_timer);
    }
}

/* A host that does not read for a while loses output, as a wire with nobody listening would. */
static void write_all(int fd, const uint8_t *buf, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n > 0) {
            buf += n;
            len -= (size_t)n;
            tx_stalled = false;
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && errno == EAGAIN && !tx_stalled) {
            struct pollfd p = {fd, POLLOUT, 0};
            int r;
            do {
                r = poll(&p, 1, 2000);
            } while (r < 0 && errno == EINTR);
            if (r > 0) {
                continue;
            }
            tx_stalled = true;
        }
        return;
    }
}

void es_chip_uart_write(int uart, const uint8_t *buf, size_t len) {
    if (uart == 0) {
        write_all(uart0_out, buf, len);
        return;
    }
    for (size_t i = 0; i < len; i++) {
        if (uart1_len == UART1_KEEP) {
            memmove(uart1_buf, uart1_buf + 1, UART1_KEEP - 1);
            uart1_len--;
        }
        uart1_buf[uart1_len++] = buf[i];
    }
}

size_t es_sim_uart1_take(uint8_t *buf, size_t size) {
    size_t n = uart1_len < size ? uart1_len : size;
    memcpy(buf, uart1_buf, n);
    memmove(uart1_buf, uart1_buf + n, uart1_len - n);
    uart1_len -= n;
    return n;
}

void es_chip_uart_config(int uart, uint32_t baudrate, int bits, int parity, int stop) {
    (void)bits;
    (void)parity;
    (void)stop;
    if (uart == 0 && baudrate > 0) {
        uart0_baud = baudrate;
    }
}

void es_chip_uart0_rx_keep(uint8_t byte) {
    if (rx_len + 1 >= rx_size) {
        return; /* full: the byte is lost */
    }
    rx_buf[(rx_head + rx_len) % RX_MAX] = byte;
    rx_len++;
}

int es_chip_uart0_read_byte(void) {
    if (rx_len == 0) {
        return -1;
    }
    uint8_t b = rx_buf[rx_head];
    rx_head = (rx_head + 1) % RX_MAX;
    rx_len--;
    return b;
}

size_t es_chip_uart0_rx_available(void) { return rx_len; }

void es_chip_uart0_set_rxbuf(size_t size) {
    rx_size = size < 2 ? 2 : size > RX_MAX ? RX_MAX : size;
    if (rx_len >= rx_size) {
        rx_len = rx_size - 1;
    }
}

size_t es_chip_uart0_rxbuf(void) { return rx_size; }
