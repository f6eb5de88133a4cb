/* modselect.h: waiting on OS descriptors while pending events are delivered; shared by select and socket. */
#pragma once

#include "py/obj.h"

/* Builds on an OS with poll(2) (the host, the simulator) watch descriptors; others poll streams only. */
#ifndef ES_ENABLE_OS_POLL
#if defined(__unix__)
#define ES_ENABLE_OS_POLL (1)
#else
#define ES_ENABLE_OS_POLL (0)
#endif
#endif

/*
** A blocking wait sleeps in the OS at most this long before it looks at pending events again.
** Signals (Ctrl-C, the simulator's timer) cut a wait short anyway; the slice only bounds the
** delay when one arrives just before the wait starts.
*/
#ifndef ES_SELECT_WAIT_SLICE_MS
#define ES_SELECT_WAIT_SLICE_MS (50)
#endif

#if ES_ENABLE_OS_POLL
#include <poll.h>

/*
** Waits until one of fds is ready or timeout_ms has passed (negative: no limit), delivering
** pending events meanwhile (Ctrl-C raises KeyboardInterrupt out of the wait). Returns the
** number of ready descriptors (their revents set), 0 when the time ran out; OS failures raise
** OSError. n_fds may be 0: then it only waits.
*/
int es_select_wait_fds(struct pollfd *fds, size_t n_fds, es_int_t timeout_ms);
#endif
