/* file.c: the board's files for import and open(): all through the VFS; with nothing mounted there are none. */

#include <errno.h>

#include "extmod/vfs.h"
#include "py/portio.h"
#include "py/source.h"

bool es_port_open_source(const char *path, es_source_t *src) { return es_vfs_open_source(path, src); }

int es_port_stat_kind(const char *path) { return es_vfs_stat_kind(path); }

/* The VFS falls back to these when no filesystem is mounted (the 512K build, or before
** _boot.py mounted the flash): the chip has no other files. */
int es_port_file_open(const char *path, int flags) {
    (void)path;
    (void)flags;
    return -ENODEV;
}

long es_port_file_read(int fd, void *buf, size_t len) {
    (void)fd;
    (void)buf;
    (void)len;
    return -EBADF;
}

long es_port_file_write(int fd, const void *buf, size_t len) {
    (void)fd;
    (void)buf;
    (void)len;
    return -EBADF;
}

long es_port_file_seek(int fd, long offset, int whence) {
    (void)fd;
    (void)offset;
    (void)whence;
    return -EBADF;
}

int es_port_file_close(int fd) {
    (void)fd;
    return -EBADF;
}
