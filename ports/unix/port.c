/* port.c: what the core needs from Linux: console output, files (through the VFS), input lines, fatal errors. */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extmod/vfs.h"
#include "ports/unix/lineedit.h"
#include "ports/unix/unix.h"
#include "py/gc.h"
#include "py/portio.h"
#include "py/runtime.h"
#include "py/source.h"

static void stdout_write(void *data, const char *str, size_t len) {
    ES_UNUSED(data);
    fwrite(str, 1, len, stdout);
}

static void stderr_write(void *data, const char *str, size_t len) {
    ES_UNUSED(data);
    fflush(stdout); /* keep the order of output the user sees */
    fwrite(str, 1, len, stderr);
}

const es_print_t es_plat_print = {NULL, stdout_write};
const es_print_t es_port_stderr_print = {NULL, stderr_write};

/* Imports read through the VFS, so modules come from whatever is mounted (the host's
** filesystem at '/' to begin with). */
bool es_port_open_source(const char *path, es_source_t *src) {
    return es_vfs_open_source(path, src);
}

int es_port_stat_kind(const char *path) {
    return es_vfs_stat_kind(path);
}

bool es_port_readline(es_vstr_t *line, const char *prompt) {
    fflush(stdout);
    char buf[1024];
    size_t len;
    if (isatty(STDIN_FILENO)) {
        lineedit_result_t r = lineedit_read(prompt, 0, buf, sizeof(buf), &len);
        if (r == LINEEDIT_INTERRUPT) {
            es_raise(es_obj_new_exception(&es_type_KeyboardInterrupt));
        }
        if (r == LINEEDIT_LINE) {
            es_vstr_add_strn(line, buf, len);
            return true;
        }
        if (r == LINEEDIT_EOF) {
            return false;
        }
    }
    fputs(prompt, stdout);
    fflush(stdout);
    bool got_any = false;
    int c;
    while ((c = getchar()) != EOF) {
        got_any = true;
        if (c == '\n') {
            return true;
        }
        es_vstr_add_byte(line, (uint8_t)c);
    }
    return got_any;
}

/* The host port keeps no object references outside es_state and the C stack. */
void es_port_gc_mark_roots(void) {}

_Noreturn void es_fatal_error(const char *msg) {
    fflush(stdout);
    fprintf(stderr, "FATAL: %s\n", msg);
    exit(2);
}

static void on_sigint(int signo) {
    ES_UNUSED(signo);
    es_sched_keyboard_interrupt();
}

void unix_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}
