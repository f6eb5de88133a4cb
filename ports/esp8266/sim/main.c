/* main.c: build/esp8266-sim: the command line, the simulated board's power-on and its restarts. */

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/port.h"
#include "ports/esp8266/sim/board.h"
#include "ports/esp8266/sim/simcore.h"
#include "ports/host/size_arg.h"
#include "py/runtime.h"

static const char usage_text[] =
    "usage: esp8266-sim [options]\n"
    "  --uart tty|pty       UART0 on this terminal (default) or on a new pseudo-terminal,\n"
    "                       whose path is printed as 'esp8266-sim: UART0 on /dev/pts/N'\n"
    "  --flash FILE         flash image (default build/flash.img; created erased, all 0xFF)\n"
    "  --flash-size SIZE    512K, 1M, 2M or 4M (default: the image's size, else 4M)\n"
    "  --heap N[k|m]        Python heap as the chip counts it (default 38k, as MicroPython\n"
    "                       leaves users); scaled by the host's word size, see docs\n"
    "  --control SPEC       control socket for pins and devices (docs/control-protocol.md)\n"
    "  --trace FILE         write every pin change to FILE (Value Change Dump)\n"
    "  --wifi FILE          access points in range and stations on the board's AP\n"
    "                       (docs/networking-esp8266.md)\n"
    "  --net-port-base N    the board's server port P is 127.0.0.1:N+P (default 10000)\n"
    "  --webrepl-page PORT  serve espy's WebREPL page on 127.0.0.1:PORT (default 8266;\n"
    "                       0: off), see docs/webrepl-page.md\n"
    "  -h, --help           this text\n"
    "On a terminal, Ctrl-] switches the board off; otherwise it runs until its input ends\n"
    "or the process is killed.\n";

bool es_sim_reset_requested;
static jmp_buf restart_point;
static int reset_cause = ES_CHIP_RESET_POWER_ON;
/* The heap is one block for the life of the process, like the chip's static array. */
static char *heap;
static size_t heap_size = ES_DEFAULT_HEAP_SIZE;

int es_chip_reset_cause(void) { return reset_cause; }

void es_chip_restart(int cause) {
    reset_cause = cause;
    longjmp(restart_point, 1);
}

void es_chip_deepsleep(uint64_t us) {
    es_sim_uart_set_receiving(false);
    es_sim_sleep_us(us == 0 ? UINT64_MAX / 2 : us);
    es_sim_uart_set_receiving(true);
    es_chip_restart(es_sim_reset_requested ? ES_CHIP_RESET_HARD : ES_CHIP_RESET_DEEPSLEEP);
}

void es_sim_press_reset(void) {
    es_sim_reset_requested = true;
    es_sched_poll_events();
}

static int usage_error(const char *fmt, const char *arg) {
    fprintf(stderr, "esp8266-sim: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage_text);
    return 2;
}

int main(int argc, char **argv) {
    const char *flash_path = "build/flash.img";
    uint32_t flash_size = 4u << 20;
    bool flash_size_given = false;
    int uart_mode = ES_SIM_UART_TTY;
    int err;
    const char *control_spec = NULL, *trace_path = NULL;

    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        const char *arg = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(opt, "-h") == 0 || strcmp(opt, "--help") == 0) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (arg == NULL) {
            return usage_error("unknown option or missing value: %s", opt);
        }
        i++;
        if (strcmp(opt, "--uart") == 0) {
            if (strcmp(arg, "tty") == 0) {
                uart_mode = ES_SIM_UART_TTY;
            } else if (strcmp(arg, "pty") == 0) {
                uart_mode = ES_SIM_UART_PTY;
            } else {
                return usage_error("--uart takes tty or pty, not '%s'", arg);
            }
        } else if (strcmp(opt, "--flash") == 0) {
            flash_path = arg;
        } else if (strcmp(opt, "--flash-size") == 0) {
            size_t size = es_host_parse_size(arg);
            if (size != 512 * 1024 && size != 1024 * 1024 && size != 2048 * 1024 && size != 4096 * 1024) {
                return usage_error("--flash-size takes 512K, 1M, 2M or 4M, not '%s'", arg);
            }
            flash_size = (uint32_t)size;
            flash_size_given = true;
        } else if (strcmp(opt, "--heap") == 0) {
            heap_size = es_host_parse_size(arg);
            if (heap_size < 8 * 1024) {
                return usage_error("--heap needs at least 8k, not '%s'", arg);
            }
        } else if (strcmp(opt, "--control") == 0) {
            control_spec = arg;
        } else if (strcmp(opt, "--trace") == 0) {
            trace_path = arg;
        } else if ((err = es_sim_page_option(opt, arg)) != 0) {
            if (err < 0) {
                return usage_error("bad value for %s", opt);
            }
        } else if ((err = es_sim_net_option(opt, arg)) != 0) {
            if (err < 0) {
                return usage_error("bad value for %s", opt);
            }
        } else {
            return usage_error("unknown option: %s", opt);
        }
    }

    /* Objects are made of machine words: a 64-bit host needs twice the chip's bytes for the
    ** same program, so the heap is given in the chip's 32-bit measure and scaled. */
    heap_size = heap_size / 4 * sizeof(void *);
    heap = malloc(heap_size);
    if (heap == NULL) {
        fprintf(stderr, "esp8266-sim: cannot allocate a heap of %zu bytes\n", heap_size);
        return 2;
    }
    err = es_sim_flash_open(flash_path, flash_size, flash_size_given);
    if (err != 0) {
        fprintf(stderr, "esp8266-sim: cannot use flash image %s: %s\n", flash_path, strerror(-err));
        return 2;
    }
    if (control_spec != NULL) {
        err = es_sim_control_open(control_spec);
        if (err != 0) {
            fprintf(stderr, "esp8266-sim: cannot open control socket %s: %s\n", control_spec, strerror(-err));
            return 2;
        }
    }
    if (trace_path != NULL) {
        err = es_sim_trace_open(trace_path);
        if (err != 0) {
            fprintf(stderr, "esp8266-sim: cannot write trace %s: %s\n", trace_path, strerror(-err));
            return 2;
        }
    }
    err = es_sim_uart_open(uart_mode);
    if (err != 0) {
        fprintf(stderr, "esp8266-sim: cannot open UART0: %s\n", strerror(-err));
        return 2;
    }
    es_sim_page_server_start();
    es_sim_clock_power_on();
    es_sim_events_start();

    /* Every restart (reset button, machine.reset, watchdog, deepsleep wake) comes back here. */
    if (setjmp(restart_point) != 0) {
        es_sim_reset_requested = false;
    }
    es_sim_clock_restart();
    es_sim_events_restart();
    es_sim_uart_restart();
    es_sim_wdt_restart();
    es_sim_gpio_hard_reset();
    es_sim_wifi_hard_reset();
    if (es_sim_flash_check_init_data()) {
        static const char msg[] = "Writing init data\n";
        es_chip_uart_write(0, (const uint8_t *)msg, sizeof(msg) - 1);
    }
    int stack_top_marker;
    es_port_main(heap, heap_size, &stack_top_marker);
    /* es_port_main returns only when the board is to be switched off. */
    es_sim_flash_close();
    es_sim_uart_restore_terminal();
    return 0;
}
