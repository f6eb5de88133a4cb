/* nofs.c: file hooks for a build without a filesystem: every file is missing (the VFS replaces them). */

#include <errno.h>

#include "py/portio.h"

/* Weak: the VFS provides the real ones when it is built in. */
__attribute__((weak)) char *es_port_read_file(const char *path, size_t *len) {
    (void)path;
    (void)len;
    return NULL;
}

__attribute__((weak)) int es_port_stat_kind(const char *path) {
    (void)path;
    return 0;
}

__attribute__((weak)) int es_port_file_open(const char *path, int flags) {
    (void)path;
    (void)flags;
    return -ENODEV;
}

__attribute__((weak)) long es_port_file_read(int fd, void *buf, size_t len) {
    (void)fd;
    (void)buf;
    (void)len;
    return -EBADF;
}

__attribute__((weak)) long es_port_file_write(int fd, const void *buf, size_t len) {
    (void)fd;
    (void)buf;
    (void)len;
    return -EBADF;
}

__attribute__((weak)) long es_port_file_seek(int fd, long offset, int whence) {
    (void)fd;
    (void)offset;
    (void)whence;
    return -EBADF;
}

__attribute__((weak)) int es_port_file_close(int fd) {
    (void)fd;
    return -EBADF;
}
