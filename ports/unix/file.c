/* file.c: the unix port's file hooks for open(), on POSIX descriptors. */

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "py/portio.h"

int es_port_file_open(const char *path, int flags) {
    int oflags = (flags & ES_FILE_READ) && (flags & ES_FILE_WRITE) ? O_RDWR
                 : (flags & ES_FILE_WRITE)                         ? O_WRONLY
                                                                   : O_RDONLY;
    oflags |= (flags & ES_FILE_APPEND) ? O_APPEND : 0;
    oflags |= (flags & ES_FILE_CREATE) ? O_CREAT : 0;
    oflags |= (flags & ES_FILE_TRUNC) ? O_TRUNC : 0;
    oflags |= (flags & ES_FILE_EXCL) ? O_EXCL : 0;
    int fd = open(path, oflags | O_CLOEXEC, 0666);
    return fd < 0 ? -errno : fd;
}

long es_port_file_read(int fd, void *buf, size_t len) {
    ssize_t n;
    do {
        n = read(fd, buf, len);
    } while (n < 0 && errno == EINTR);
    return n < 0 ? -errno : (long)n;
}

long es_port_file_write(int fd, const void *buf, size_t len) {
    ssize_t n;
    do {
        n = write(fd, buf, len);
    } while (n < 0 && errno == EINTR);
    return n < 0 ? -errno : (long)n;
}

long es_port_file_seek(int fd, long offset, int whence) {
    off_t pos = lseek(fd, (off_t)offset, whence);
    return pos < 0 ? -errno : (long)pos;
}

int es_port_file_close(int fd) {
    return close(fd) < 0 ? -errno : 0;
}
