/* file.c: the qemu image's file hooks for open(), on the host's files through semihosting. */

#include <errno.h>

#include "semihosting.h"
#include "py/portio.h"

/* Linux's O_EXCL: the host receives the flags untranslated. */
#define SEMIHOST_O_EXCL 0x80

/* Semihosting reports only -1, without the host's errno: name the likeliest cause. */
int es_port_file_open(const char *path, int flags) {
    int oflags = (flags & ES_FILE_READ) && (flags & ES_FILE_WRITE) ? ES_SEMIHOST_O_RDWR
                 : (flags & ES_FILE_WRITE)                         ? ES_SEMIHOST_O_WRONLY
                                                                   : ES_SEMIHOST_O_RDONLY;
    oflags |= (flags & ES_FILE_APPEND) ? ES_SEMIHOST_O_APPEND : 0;
    oflags |= (flags & ES_FILE_CREATE) ? ES_SEMIHOST_O_CREAT : 0;
    oflags |= (flags & ES_FILE_TRUNC) ? ES_SEMIHOST_O_TRUNC : 0;
    oflags |= (flags & ES_FILE_EXCL) ? SEMIHOST_O_EXCL : 0;
    int fd = es_semihost_open(path, oflags, 0666);
    if (fd < 0) {
        return (flags & ES_FILE_EXCL) ? -EEXIST : -ENOENT;
    }
    return fd;
}

long es_port_file_read(int fd, void *buf, size_t len) {
    int n = es_semihost_read(fd, buf, len);
    return n < 0 ? -EIO : n;
}

long es_port_file_write(int fd, const void *buf, size_t len) {
    int n = es_semihost_write(fd, buf, len);
    return n < 0 ? -EIO : n;
}

long es_port_file_seek(int fd, long offset, int whence) {
    long pos = es_semihost_lseek(fd, offset, whence);
    return pos < 0 ? -EINVAL : pos;
}

int es_port_file_close(int fd) {
    return es_semihost_close(fd) < 0 ? -EBADF : 0;
}
