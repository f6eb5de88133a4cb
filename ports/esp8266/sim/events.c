/* events.c: the simulator's single-threaded event loop: watched descriptors, timers, the tick signal. */

#define _GNU_SOURCE /* ppoll */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/board.h"
#include "ports/esp8266/sim/simcore.h"
#include "py/runtime.h"

/*
** The chip's interrupts are modelled by handlers that run only at the VM's safe points
** (es_sim_poll_events via ES_PORT_POLL_EVENTS) and inside waits (es_chip_wait_event). A
** periodic SIGALRM asks for a poll, so a busy Python loop still sees input and timers.
*/

#define MAX_WATCHED (16)
#define TICK_US (1000)

typedef struct {
    int fd;
    es_sim_fd_handler_t handler;
    void *ctx;
} watched_fd_t;

static watched_fd_t watched[MAX_WATCHED];
static size_t n_watched;
static es_sim_timer_t *timers; /* sorted by due_us */
static uint32_t irq_disable_depth;
static bool in_poll;
static uint64_t wdt_deadline_us; /* 0: not armed */
static uint32_t wdt_timeout_ms;

void es_sim_watch_fd(int fd, es_sim_fd_handler_t on_readable, void *ctx) {
    for (size_t i = 0; i < n_watched; i++) {
        if (watched[i].fd == fd) {
            watched[i].handler = on_readable;
            watched[i].ctx = ctx;
            return;
        }
    }
    if (n_watched == MAX_WATCHED) {
        es_fatal_error("too many watched descriptors");
    }
    watched[n_watched++] = (watched_fd_t){fd, on_readable, ctx};
}

void es_sim_unwatch_fd(int fd) {
    for (size_t i = 0; i < n_watched; i++) {
        if (watched[i].fd == fd) {
            watched[i] = watched[--n_watched];
            return;
        }
    }
}

void es_sim_timer_stop(es_sim_timer_t *timer) {
    for (es_sim_timer_t **p = &timers; *p != NULL; p = &(*p)->next) {
        if (*p == timer) {
            *p = timer->next;
            timer->next = NULL;
            return;
        }
    }
}

void es_sim_timer_start(es_sim_timer_t *timer, uint64_t due_us, es_sim_timer_handler_t handler, void *ctx) {
    es_sim_timer_stop(timer);
    timer->due_us = due_us;
    timer->handler = handler;
    timer->ctx = ctx;
    es_sim_timer_t **p = &timers;
    while (*p != NULL && (*p)->due_us <= due_us) {
        p = &(*p)->next;
    }
    timer->next = *p;
    *p = timer;
}

static void on_tick(int signo) {
    (void)signo;
    es_sched_poll_events();
}

void es_sim_events_start(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_tick;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{0, TICK_US}, {0, TICK_US}};
    setitimer(ITIMER_REAL, &it, NULL);
}

void es_sim_events_restart(void) {
    timers = NULL;
    irq_disable_depth = 0;
    in_poll = false;
    wdt_deadline_us = 0;
}

bool es_sim_irq_disabled(void) { return irq_disable_depth != 0; }

uint32_t es_chip_disable_irq(void) { return irq_disable_depth++; }

void es_chip_enable_irq(uint32_t state) {
    irq_disable_depth = state;
    if (state == 0) {
        es_sched_poll_events(); /* what arrived meanwhile */
    }
}

void es_chip_wdt_arm(uint32_t timeout_ms) {
    wdt_timeout_ms = timeout_ms;
    es_chip_wdt_feed();
}

void es_chip_wdt_feed(void) {
    if (wdt_timeout_ms != 0) {
        wdt_deadline_us = es_chip_uptime_us() + (uint64_t)wdt_timeout_ms * 1000u;
    }
}

void es_sim_wdt_restart(void) {
    wdt_timeout_ms = 0;
    wdt_deadline_us = 0;
}

/* Runs the handlers of readable descriptors; waits at most timeout_us (0: just look). */
static void poll_fds(uint64_t timeout_us) {
    struct pollfd fds[MAX_WATCHED];
    size_t n = n_watched;
    for (size_t i = 0; i < n; i++) {
        fds[i] = (struct pollfd){watched[i].fd, POLLIN, 0};
    }
    struct timespec ts = {(time_t)(timeout_us / 1000000u), (long)(timeout_us % 1000000u) * 1000};
    /* The tick signal is held off while waiting: the wait ends by itself when it is due. */
    sigset_t mask;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    sigaddset(&mask, SIGALRM);
    int r = ppoll(fds, n, &ts, timeout_us == 0 ? NULL : &mask);
    if (r <= 0) {
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (fds[i].revents != 0) {
            /* The table may change under a handler; find the entry again by descriptor. */
            for (size_t k = 0; k < n_watched; k++) {
                if (watched[k].fd == fds[i].fd) {
                    watched[k].handler(watched[k].fd, watched[k].ctx);
                    break;
                }
            }
        }
    }
}

static void run_due_timers(void) {
    uint64_t now = es_chip_uptime_us();
    while (timers != NULL && timers->due_us <= now) {
        es_sim_timer_t *t = timers;
        timers = t->next;
        t->next = NULL;
        t->handler(t->ctx);
    }
}

static void take_events(uint64_t wait_us) {
    if (in_poll) {
        return;
    }
    if (irq_disable_depth != 0) {
        return;
    }
    in_poll = true;
    poll_fds(wait_us);
    run_due_timers();
    in_poll = false;
    if (wdt_deadline_us != 0 && es_chip_uptime_us() > wdt_deadline_us) {
        es_chip_restart(ES_CHIP_RESET_WDT);
    }
    if (es_sim_reset_requested) {
        es_chip_restart(ES_CHIP_RESET_HARD);
    }
}

void es_sim_poll_events(void) { take_events(0); }

void es_chip_wait_event(uint32_t us) {
    uint64_t wait = us;
    if (timers != NULL) {
        uint64_t now = es_chip_uptime_us();
        uint64_t until_timer = timers->due_us > now ? timers->due_us - now : 0;
        if (until_timer < wait) {
            wait = until_timer;
        }
    }
    if (wait == 0) {
        wait = 1; /* still yield to the host */
    }
    if (irq_disable_depth != 0) {
        struct timespec ts = {(time_t)(wait / 1000000u), (long)(wait % 1000000u) * 1000};
        nanosleep(&ts, NULL);
        return;
    }
    take_events(wait);
}

/* Deep sleep: the chip is off. Only the watched descriptors are served (the reset button on
** the control socket still works); the caller's deadline ends it. */
void es_sim_sleep_us(uint64_t us) {
    uint64_t end = es_sim_monotonic_us() + us;
    for (;;) {
        uint64_t now = es_sim_monotonic_us();
        if (now >= end || es_sim_reset_requested) {
            return;
        }
        uint64_t left = end - now;
        in_poll = true;
        poll_fds(left > 100000u ? 100000u : left);
        in_poll = false;
    }
}
