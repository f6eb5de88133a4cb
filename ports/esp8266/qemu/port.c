/* port.c: console and files for the lx106 image, carried to the host by QEMU semihosting. */

#include "extmod/vfs.h"
#include "py/portio.h"
#include "py/runtime.h"
#include "py/source.h"
#include "semihosting.h"

static void write_fd(int fd, const char *str, size_t len) {
    while (len > 0) {
        int n = es_semihost_write(fd, str, len);
        if (n <= 0) {
            return;
        }
        str += n;
        len -= (size_t)n;
    }
}

static void stdout_write(void *data, const char *str, size_t len) {
    ES_UNUSED(data);
    write_fd(1, str, len);
}

static void stderr_write(void *data, const char *str, size_t len) {
    ES_UNUSED(data);
    write_fd(2, str, len);
}

const es_print_t es_plat_print = {NULL, stdout_write};
const es_print_t es_port_stderr_print = {NULL, stderr_write};

bool es_port_open_source(const char *path, es_source_t *src) {
    return es_vfs_open_source(path, src);
}

/* Semihosting has no stat: a path that opens for reading is a file; folders cannot be told apart. */
int es_port_stat_kind(const char *path) {
    int fd = es_semihost_open(path, ES_SEMIHOST_O_RDONLY, 0);
    if (fd < 0) {
        return 0;
    }
    es_semihost_close(fd);
    return 1;
}

bool es_port_readline(es_vstr_t *line, const char *prompt) {
    es_print_str(&es_plat_print, prompt);
    bool got_any = false;
    char c;
    while (es_semihost_read(0, &c, 1) == 1) {
        got_any = true;
        if (c == '\n') {
            return true;
        }
        es_vstr_add_byte(line, (uint8_t)c);
    }
    return got_any;
}

/* This image keeps no object references outside es_state and the C stack. */
void es_port_gc_mark_roots(void) {}

_Noreturn void es_fatal_error(const char *msg) {
    es_print_str(&es_port_stderr_print, "FATAL: ");
    es_print_str(&es_port_stderr_print, msg);
    es_print_str(&es_port_stderr_print, "\n");
    es_semihost_exit(3);
}
