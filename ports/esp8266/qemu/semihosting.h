/* QEMU semihosting on Xtensa: the host's exit, read, write, open, close and lseek via simcall. */
#ifndef ES_SEMIHOSTING_H
#define ES_SEMIHOSTING_H

#include <stddef.h>

/* Each returns what the host call returned (-1 on error), as the POSIX call would. */
void es_semihost_exit(int status) __attribute__((noreturn));
int es_semihost_write(int fd, const void *buf, size_t len);
int es_semihost_read(int fd, void *buf, size_t len);
int es_semihost_open(const char *path, int flags, int mode);
int es_semihost_close(int fd);
long es_semihost_lseek(int fd, long offset, int whence);

/* QEMU hands open()'s flags to the host untranslated: these are Linux's values. */
#define ES_SEMIHOST_O_RDONLY 0x0
#define ES_SEMIHOST_O_WRONLY 0x1
#define ES_SEMIHOST_O_RDWR   0x2
#define ES_SEMIHOST_O_CREAT  0x40
#define ES_SEMIHOST_O_TRUNC  0x200
#define ES_SEMIHOST_O_APPEND 0x400

#endif
