/* espyconfig.h: feature flags for the Linux host interpreter build/espy. */
#pragma once

#define ES_FLOAT_IS_SINGLE (0)
/* Generous, so programs written for CPython fit; boards use their own, far smaller, heap. */
#define ES_DEFAULT_HEAP_SIZE (32 * 1024 * 1024)
/* Linux gives 8 MB of stack. 1 MB allows Python recursion a little deeper than CPython's
** default limit of 1000 calls, while a runaway recursion fails fast. */
#ifndef ES_STACK_LIMIT
#define ES_STACK_LIMIT (1024 * 1024)
#endif
#define ES_PLATFORM "linux"
/* The VFS has a VfsPosix filesystem and mounts one at '/' (extmod/vfs_posix.c). */
#define ES_VFS_POSIX (1)
#define ES_VFS_MOUNT_POSIX_ROOT (1)
/* os.uname() reports the host's own names, as CPython does. */
#define ES_OS_UNAME_FROM_HOST (1)
