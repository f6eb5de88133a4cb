/* machine_timer.c: machine.Timer, any number of virtual timers on the chip's one timer interrupt. */

#include <stdint.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "py/runtime.h"

#define TIMER_ONE_SHOT (0)
#define TIMER_PERIODIC (1)
/* The SDK's microsecond timers go no faster than this. */
#define TIMER_MIN_PERIOD_US (100)

typedef struct machine_timer_obj_t {
    es_obj_base_t base;
    struct machine_timer_obj_t *next; /* in the armed list, earliest first */
    es_obj_t callback;
    uint64_t due_us; /* uptime */
    uint64_t period_us;
    uint8_t mode;
    bool hard;
    bool armed;
} machine_timer_obj_t;

/* Armed timers, sorted by due time; a GC root (es_machine_gc_mark_roots). The chip's timer
** interrupt is always set for the first one. */
static machine_timer_obj_t *armed_timers;

static void rearm_chip_timer(void) {
    es_chip_timer_arm(armed_timers != NULL ? armed_timers->due_us : UINT64_MAX);
}

static void timer_disarm(machine_timer_obj_t *timer) {
    for (machine_timer_obj_t **link = &armed_timers; *link != NULL; link = &(*link)->next) {
        if (*link == timer) {
            *link = timer->next;
            break;
        }
    }
    timer->next = NULL;
    timer->armed = false;
    rearm_chip_timer();
}

static void timer_arm(machine_timer_obj_t *timer, uint64_t due_us) {
    timer->due_us = due_us;
    machine_timer_obj_t **link = &armed_timers;
    while (*link != NULL && (*link)->due_us <= due_us) {
        link = &(*link)->next;
    }
    timer->next = *link;
    *link = timer;
    timer->armed = true;
    rearm_chip_timer();
}

static es_obj_t timer_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 1, 1, false);
    es_obj_get_int(args[0]); /* any id names a virtual timer; -1 by convention */
    machine_timer_obj_t *self = es_new(machine_timer_obj_t);
    self->base.type = type;
    self->callback = ES_OBJ_NONE;
    return es_obj_from_ptr(self);
}

static void timer_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_printf(print, "Timer(%p)", es_obj_to_ptr(self));
}

/* The period in microseconds: freq (Hz, may be a float) wins over period in tick_hz ticks. */
static uint64_t period_from(es_obj_t freq, es_int_t period, es_int_t tick_hz) {
    double us;
    if (freq != ES_OBJ_NONE) {
        double hz = (double)es_obj_get_float(freq);
        if (!(hz > 0)) {
            es_raise_msg(&es_type_ValueError, "invalid freq");
        }
        us = 1e6 / hz;
    } else {
        if (tick_hz <= 0) {
            es_raise_msg(&es_type_ValueError, "invalid tick_hz");
        }
        us = (double)period * 1e6 / (double)tick_hz;
    }
    if (!(us >= TIMER_MIN_PERIOD_US)) {
        return TIMER_MIN_PERIOD_US;
    }
    return us > 1e15 ? (uint64_t)1e15 : (uint64_t)us;
}

/* init(*, mode=PERIODIC, period=-1, tick_hz=1000, freq=None, callback=None, hard=False) */
static es_obj_t timer_init(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    enum { ARG_mode, ARG_period, ARG_tick_hz, ARG_freq, ARG_callback, ARG_hard };
    static const es_arg_t allowed[] = {
        {ES_Q_mode, ES_ARG_KW_ONLY | ES_ARG_INT, {.u_int = TIMER_PERIODIC}},
        {ES_Q_period, ES_ARG_KW_ONLY | ES_ARG_INT, {.u_int = 0xffffffff}},
        {ES_Q_tick_hz, ES_ARG_KW_ONLY | ES_ARG_INT, {.u_int = 1000}},
        {ES_Q_freq, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_callback, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_hard, ES_ARG_KW_ONLY | ES_ARG_BOOL, {.u_bool = false}},
    };
    machine_timer_obj_t *self = es_obj_to_ptr(args[0]);
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all(n_args - 1, args + 1, kw_args, ES_ARRAY_SIZE(allowed), allowed, vals);
    es_int_t mode = vals[ARG_mode].u_int;
    if (mode != TIMER_ONE_SHOT && mode != TIMER_PERIODIC) {
        es_raise_msg(&es_type_ValueError, "invalid mode");
    }
    uint64_t period = period_from(vals[ARG_freq].u_obj, vals[ARG_period].u_int, vals[ARG_tick_hz].u_int);
    timer_disarm(self);
    self->mode = (uint8_t)mode;
    self->period_us = period;
    self->callback = vals[ARG_callback].u_obj;
    self->hard = vals[ARG_hard].u_bool;
    timer_arm(self, es_chip_uptime_us() + period);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(timer_init_obj, ES_Q_init, 1, timer_init);

static es_obj_t timer_deinit(es_obj_t self) {
    timer_disarm(es_obj_to_ptr(self));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(timer_deinit_obj, ES_Q_deinit, timer_deinit);

static const es_map_elem_t timer_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_init), ES_OBJ_FROM_CONST(timer_init_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_deinit), ES_OBJ_FROM_CONST(timer_deinit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ONE_SHOT), ES_OBJ_NEW_SMALL_INT(TIMER_ONE_SHOT)},
    {ES_OBJ_NEW_QSTR(ES_Q_PERIODIC), ES_OBJ_NEW_SMALL_INT(TIMER_PERIODIC)},
};
static ES_DEFINE_CONST_DICT(timer_locals_dict, timer_locals_table);

const es_type_t es_machine_timer_type = {
    .base = {&es_type_type},
    .name = ES_Q_Timer,
    .print = timer_print,
    .make_new = timer_make_new,
    .locals_dict = (es_obj_dict_t *)&timer_locals_dict,
};

/* ---- the timer "interrupt" ---------------------------------------------------------------- */

/*
** A hard callback runs here, inside the event poll, with the heap locked as in an interrupt
** handler; one that raises is reported and its timer stops.
*/
static void run_hard_callback(machine_timer_obj_t *timer) {
    es_nlr_buf_t nlr;
    es_gc_lock();
    if (es_nlr_push(&nlr) == 0) {
        es_call_function_1(timer->callback, es_obj_from_ptr(timer));
        es_nlr_pop();
        es_gc_unlock();
    } else {
        es_gc_unlock();
        timer_disarm(timer);
        es_printf(&es_plat_print, "uncaught exception in timer callback\n");
        es_obj_exception_print_traceback(&es_plat_print, nlr.ret_val);
    }
}

void es_port_timer_interrupt(void) {
    uint64_t now = es_chip_uptime_us();
    while (armed_timers != NULL && armed_timers->due_us <= now) {
        machine_timer_obj_t *timer = armed_timers;
        timer_disarm(timer);
        if (timer->mode == TIMER_PERIODIC) {
            /* A board that fell behind skips the missed ticks rather than firing a burst. */
            uint64_t next = timer->due_us + timer->period_us;
            timer_arm(timer, next > now ? next : now + timer->period_us);
        }
        if (timer->callback == ES_OBJ_NONE) {
            continue;
        }
        if (timer->hard) {
            run_hard_callback(timer);
        } else {
            es_sched_schedule(timer->callback, es_obj_from_ptr(timer));
        }
    }
    rearm_chip_timer();
}

/* The heap has just been started afresh: the old timer objects are gone, not to be touched. */
void es_machine_timers_soft_reset(void) {
    armed_timers = NULL;
    rearm_chip_timer();
}

void es_machine_timers_gc_mark_roots(void) {
    es_gc_mark_range((void *const *)&armed_timers, 1);
}
