/* QEMU semihosting on Xtensa: a2 = call number, a3.. = arguments; a2 = result, a3 = errno. */
#include "semihosting.h"

#include <stdint.h>

enum {
    SYS_EXIT = 1,
    SYS_READ = 3,
    SYS_WRITE = 4,
    SYS_OPEN = 5,
    SYS_CLOSE = 6,
    SYS_LSEEK = 19,
};

static int32_t simcall(int32_t call, int32_t arg1, int32_t arg2, int32_t arg3) {
    register int32_t a2 __asm__("a2") = call;
    register int32_t a3 __asm__("a3") = arg1;
    register int32_t a4 __asm__("a4") = arg2;
    register int32_t a5 __asm__("a5") = arg3;
    /* "memory": the host reads and writes our buffers behind the compiler's back. */
    __asm__ volatile("simcall" : "+r"(a2), "+r"(a3) : "r"(a4), "r"(a5) : "memory");
    return a2;
}

void es_semihost_exit(int status) {
    simcall(SYS_EXIT, status, 0, 0);
    for (;;) {
    }
}

int es_semihost_write(int fd, const void *buf, size_t len) {
    return simcall(SYS_WRITE, fd, (int32_t)(intptr_t)buf, (int32_t)len);
}

int es_semihost_read(int fd, void *buf, size_t len) {
    return simcall(SYS_READ, fd, (int32_t)(intptr_t)buf, (int32_t)len);
}

int es_semihost_open(const char *path, int flags, int mode) {
    return simcall(SYS_OPEN, (int32_t)(intptr_t)path, flags, mode);
}

int es_semihost_close(int fd) {
    return simcall(SYS_CLOSE, fd, 0, 0);
}

long es_semihost_lseek(int fd, long offset, int whence) {
    return simcall(SYS_LSEEK, fd, (int32_t)offset, whence);
}
