/* modselect.c: the select module: poll objects and select() over OS descriptors and any stream. */

#include <errno.h>

#include "extmod/modselect.h"
#include "py/hal.h"
#include "py/objtype.h"
#include "py/runtime.h"
#include "py/stream.h"

#define POLL_RD ES_STREAM_POLL_RD
#define POLL_WR ES_STREAM_POLL_WR
#define POLL_ERR ES_STREAM_POLL_ERR
#define POLL_HUP ES_STREAM_POLL_HUP
/* Always reported for a watched object, whatever it was registered for (as poll(2) does). */
#define POLL_ALWAYS (POLL_ERR | POLL_HUP)

/* ipoll(timeout, flags): with this flag an object that reported an event is no longer watched
** until modify() gives it a mask again, as MicroPython's one-shot mode. */
#define IPOLL_ONE_SHOT (1)

/* ---- waiting on OS descriptors ---------------------------------------------------------- */

#if ES_ENABLE_OS_POLL

/* Milliseconds left of timeout_ms since start; negative timeouts never run out. */
static es_int_t time_left(es_int_t timeout_ms, uint32_t start) {
    if (timeout_ms < 0) {
        return -1;
    }
    es_int_t elapsed = (es_int_t)(uint32_t)(es_hal_ticks_ms() - start);
    return elapsed >= timeout_ms ? 0 : timeout_ms - elapsed;
}

int es_select_wait_fds(struct pollfd *fds, size_t n_fds, es_int_t timeout_ms) {
    uint32_t start = es_hal_ticks_ms();
    for (;;) {
        if (es_state.sched_state) {
            es_handle_pending();
        }
        es_int_t left = time_left(timeout_ms, start);
        int slice = left < 0 || left > ES_SELECT_WAIT_SLICE_MS ? ES_SELECT_WAIT_SLICE_MS : (int)left;
        int n = poll(fds, (nfds_t)n_fds, slice);
        if (n > 0) {
            return n;
        }
        if (n < 0 && errno != EINTR) {
            es_raise_os_error(errno);
        }
        if (left == 0) {
            return 0;
        }
    }
}

#endif

/* ---- poll objects ----------------------------------------------------------------------- */

/* One registered object. fd is its OS descriptor, or -1 for a stream asked through ioctl. */
typedef struct poll_entry_t {
    es_obj_t obj;
    int fd;
    uint16_t events;  /* what it is watched for; 0: not watched (one-shot after an event) */
    uint16_t revents; /* what the latest poll found */
} poll_entry_t;

typedef struct poll_obj_t {
    es_obj_base_t base;
    size_t len;
    size_t alloc;
    poll_entry_t *entries;
#if ES_ENABLE_OS_POLL
    struct pollfd *os_fds; /* scratch for poll(2), as long as entries */
#endif
    size_t iter_pos;      /* ipoll: next entry to look at */
    es_obj_t ipoll_tuple; /* ipoll hands out this one (obj, event) tuple, refilled each time */
} poll_obj_t;

static const es_type_t poll_type;

static poll_entry_t *find_entry(poll_obj_t *self, es_obj_t obj) {
    for (size_t i = 0; i < self->len; i++) {
        if (self->entries[i].obj == obj) {
            return &self->entries[i];
        }
    }
    return NULL;
}

static bool has_method(es_obj_t obj, es_qstr_t name) {
    es_obj_t dest[2];
    es_load_method_maybe(obj, name, dest);
    return dest[0] != ES_OBJ_NULL;
}

/*
** The OS descriptor behind obj, or -1 when obj is a stream polled through its ioctl (streams
** written in Python, in-memory streams, the board's UART). Anything else is a TypeError.
*/
static int descriptor_of(es_obj_t obj) {
    if (es_obj_is_small_int(obj)) {
        es_int_t fd = es_small_int_value(obj);
        if (fd < 0 || fd > INT32_MAX) {
            es_raise_msg(&es_type_ValueError, "file descriptor cannot be a negative integer");
        }
        return (int)fd;
    }
    const es_type_t *type = es_obj_get_type(obj);
    const es_stream_p_t *stream = es_get_stream(obj, false);
    if (stream != NULL && stream->ioctl != NULL && !es_type_is_user_class(type)) {
        int err;
        uintptr_t fd = stream->ioctl(obj, ES_STREAM_GET_FILENO, 0, &err);
        return fd == ES_STREAM_ERROR || fd > INT32_MAX ? -1 : (int)fd;
    }
    if (has_method(obj, ES_Q_ioctl)) {
        return -1;
    }
    if (has_method(obj, ES_Q_fileno)) {
        es_int_t fd = es_obj_get_int(es_call_function_0(es_load_attr(obj, ES_Q_fileno)));
        if (fd < 0 || fd > INT32_MAX) {
            es_raise_msg(&es_type_ValueError, "file descriptor cannot be a negative integer");
        }
        return (int)fd;
    }
    if (stream != NULL) {
        return -1;
    }
    es_raise_msg_varg(&es_type_TypeError, "'%s' object can't be polled", es_obj_type_name(obj));
}

static uint16_t mask_arg(es_obj_t mask) {
    return (uint16_t)(es_obj_get_int(mask) & 0xffff);
}

static void add_entry(poll_obj_t *self, es_obj_t obj, uint16_t events) {
    poll_entry_t *entry = find_entry(self, obj);
    if (entry != NULL) {
        entry->events = events;
        return;
    }
    int fd = descriptor_of(obj);
    if (self->len == self->alloc) {
        size_t alloc = self->alloc * 2 + 4;
        self->entries = es_realloc(self->entries, alloc * sizeof(poll_entry_t));
#if ES_ENABLE_OS_POLL
        self->os_fds = es_realloc(self->os_fds, alloc * sizeof(struct pollfd));
#endif
        self->alloc = alloc;
    }
    entry = &self->entries[self->len++];
    entry->obj = obj;
    entry->fd = fd;
    entry->events = events;
    entry->revents = 0;
}

static es_obj_t poll_register(size_t n_args, const es_obj_t *args) {
    poll_obj_t *self = es_obj_to_ptr(args[0]);
    add_entry(self, args[1], n_args > 2 ? mask_arg(args[2]) : POLL_RD | POLL_WR);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(poll_register_obj, ES_Q_register, 2, 3, poll_register);

static es_obj_t poll_modify(es_obj_t self_in, es_obj_t obj, es_obj_t mask) {
    poll_entry_t *entry = find_entry(es_obj_to_ptr(self_in), obj);
    if (entry == NULL) {
        es_raise_os_error(ENOENT);
    }
    entry->events = mask_arg(mask);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(poll_modify_obj, ES_Q_modify, poll_modify);

/* Unregistering an object that is not registered is not an error, as in MicroPython. */
static es_obj_t poll_unregister(es_obj_t self_in, es_obj_t obj) {
    poll_obj_t *self = es_obj_to_ptr(self_in);
    poll_entry_t *entry = find_entry(self, obj);
    if (entry != NULL) {
        size_t index = (size_t)(entry - self->entries);
        for (size_t i = index; i + 1 < self->len; i++) {
            self->entries[i] = self->entries[i + 1];
        }
        self->len--;
        self->entries[self->len].obj = ES_OBJ_NULL;
        /* An ipoll iteration in progress keeps its place. */
        if (index < self->iter_pos) {
            self->iter_pos--;
        }
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(poll_unregister_obj, ES_Q_unregister, poll_unregister);

/* Asks every watched stream without a descriptor what it is ready for; returns how many are. */
static size_t poll_streams(poll_obj_t *self, bool *any_streams) {
    size_t n_ready = 0;
    *any_streams = false;
    for (size_t i = 0; i < self->len; i++) {
        poll_entry_t *entry = &self->entries[i];
        entry->revents = 0;
        if (entry->fd >= 0 || entry->events == 0) {
            continue;
        }
        *any_streams = true;
        es_obj_t obj = entry->obj;
        int err;
        uintptr_t ready = es_stream_ioctl(obj, ES_STREAM_POLL, entry->events | POLL_ALWAYS, &err);
        if (ready == ES_STREAM_ERROR) {
            es_raise_os_error(err);
        }
        /* The call may have run Python code that changed the registrations (and moved them). */
        entry = &self->entries[i];
        if (i < self->len && entry->obj == obj) {
            entry->revents = (uint16_t)(ready & (entry->events | POLL_ALWAYS));
            n_ready += entry->revents != 0;
        }
    }
    return n_ready;
}

/* Asks the OS about the watched descriptors, waiting up to wait_ms; returns how many are ready. */
static size_t poll_descriptors(poll_obj_t *self, es_int_t wait_ms) {
#if ES_ENABLE_OS_POLL
    size_t n_fds = 0;
    for (size_t i = 0; i < self->len; i++) {
        poll_entry_t *entry = &self->entries[i];
        if (entry->fd >= 0 && entry->events != 0) {
            struct pollfd *pfd = &self->os_fds[n_fds++];
            pfd->fd = entry->fd;
            pfd->events = (short)(entry->events & (POLLIN | POLLOUT | POLLPRI));
            pfd->revents = 0;
        }
    }
    if (es_select_wait_fds(self->os_fds, n_fds, wait_ms) == 0) {
        return 0;
    }
    /* The descriptors were packed in the entries' order. */
    size_t n_ready = 0;
    size_t k = 0;
    for (size_t i = 0; i < self->len && k < n_fds; i++) {
        poll_entry_t *entry = &self->entries[i];
        if (entry->fd >= 0 && entry->events != 0) {
            short got = self->os_fds[k++].revents;
            uint16_t revents = (uint16_t)((got & POLLIN ? POLL_RD : 0) | (got & POLLOUT ? POLL_WR : 0) |
                                          (got & (POLLERR | POLLNVAL) ? POLL_ERR : 0) | (got & POLLHUP ? POLL_HUP : 0));
            entry->revents = (uint16_t)(revents & (entry->events | POLL_ALWAYS));
            n_ready += entry->revents != 0;
        }
    }
    return n_ready;
#else
    ES_UNUSED(self);
    if (wait_ms != 0) {
        es_hal_delay_ms(wait_ms < 0 || wait_ms > 1000 ? 1000 : (uint32_t)wait_ms);
    }
    return 0;
#endif
}

/*
** Waits until a watched object is ready or timeout_ms passes (negative: no limit); returns how
** many are ready, each with its revents set. Descriptors wait in the OS; streams that have none
** can only be asked, so while any is watched the wait goes in 1 ms steps.
*/
static size_t poll_wait(poll_obj_t *self, es_int_t timeout_ms) {
    uint32_t start = es_hal_ticks_ms();
    for (;;) {
        es_int_t left = timeout_ms;
        if (timeout_ms > 0) {
            es_int_t elapsed = (es_int_t)(uint32_t)(es_hal_ticks_ms() - start);
            left = elapsed >= timeout_ms ? 0 : timeout_ms - elapsed;
        }
        bool any_streams;
        size_t n_ready = poll_streams(self, &any_streams);
        es_int_t wait = n_ready > 0 ? 0 : left;
        if (any_streams && (wait < 0 || wait > 1)) {
            wait = 1;
        }
        n_ready += poll_descriptors(self, wait);
        if (n_ready > 0 || left == 0) {
            return n_ready;
        }
        if (es_state.sched_state) {
            es_handle_pending();
        }
    }
}

/* poll(timeout) takes milliseconds: None or negative wait for ever, fractions round up. */
static es_int_t timeout_ms_arg(size_t n_args, const es_obj_t *args, size_t index) {
    if (n_args <= index || args[index] == ES_OBJ_NONE) {
        return -1;
    }
    if (es_obj_is_float(args[index])) {
        es_float_t ms = es_obj_float_get(args[index]);
        if (ms != ms) {
            es_raise_msg(&es_type_ValueError, "Invalid value NaN (not a number)");
        }
        if (ms < 0) {
            return -1;
        }
        es_int_t whole = ms > (es_float_t)INT32_MAX ? INT32_MAX : (es_int_t)ms;
        return (es_float_t)whole < ms ? whole + 1 : whole;
    }
    es_int_t ms = es_obj_get_int(args[index]);
    return ms < 0 ? -1 : ms > INT32_MAX ? INT32_MAX : ms;
}

static es_obj_t poll_poll(size_t n_args, const es_obj_t *args) {
    poll_obj_t *self = es_obj_to_ptr(args[0]);
    size_t n_ready = poll_wait(self, timeout_ms_arg(n_args, args, 1));
    es_obj_t list = es_obj_new_list(0, NULL);
    for (size_t i = 0; i < self->len && n_ready > 0; i++) {
        poll_entry_t *entry = &self->entries[i];
        if (entry->revents != 0) {
            es_obj_t pair[2] = {entry->obj, es_obj_new_small_int(entry->revents)};
            es_obj_list_append(list, es_obj_new_tuple(2, pair));
            entry->revents = 0;
        }
    }
    return list;
}
static ES_DEFINE_FUN_VAR(poll_poll_obj, ES_Q_poll, 1, 2, poll_poll);

/* ipoll(timeout=-1, flags=0): polls, then returns the poll object itself to iterate the events. */
static es_obj_t poll_ipoll(size_t n_args, const es_obj_t *args) {
    poll_obj_t *self = es_obj_to_ptr(args[0]);
    es_int_t flags = n_args > 2 ? es_obj_get_int(args[2]) : 0;
    poll_wait(self, timeout_ms_arg(n_args, args, 1));
    if (flags & IPOLL_ONE_SHOT) {
        for (size_t i = 0; i < self->len; i++) {
            if (self->entries[i].revents != 0) {
                self->entries[i].events = 0;
            }
        }
    }
    if (self->ipoll_tuple == ES_OBJ_NULL) {
        self->ipoll_tuple = es_obj_new_tuple(2, NULL);
    }
    self->iter_pos = 0;
    return args[0];
}
static ES_DEFINE_FUN_VAR(poll_ipoll_obj, ES_Q_ipoll, 1, 3, poll_ipoll);

static es_obj_t poll_iternext(es_obj_t self_in) {
    poll_obj_t *self = es_obj_to_ptr(self_in);
    while (self->iter_pos < self->len) {
        poll_entry_t *entry = &self->entries[self->iter_pos++];
        if (entry->revents != 0 && self->ipoll_tuple != ES_OBJ_NULL) {
            es_obj_tuple_t *t = es_obj_to_ptr(self->ipoll_tuple);
            t->items[0] = entry->obj;
            t->items[1] = es_obj_new_small_int(entry->revents);
            entry->revents = 0;
            return self->ipoll_tuple;
        }
    }
    return ES_OBJ_STOP_ITERATION;
}

static es_obj_t poll_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

static const es_map_elem_t poll_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_register), ES_OBJ_FROM_CONST(poll_register_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_modify), ES_OBJ_FROM_CONST(poll_modify_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_unregister), ES_OBJ_FROM_CONST(poll_unregister_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_poll), ES_OBJ_FROM_CONST(poll_poll_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ipoll), ES_OBJ_FROM_CONST(poll_ipoll_obj)},
};
static ES_DEFINE_CONST_DICT(poll_locals_dict, poll_locals_table);

static const es_type_t poll_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_poll,
    .getiter = poll_getiter,
    .iternext = poll_iternext,
    .locals_dict = (es_obj_dict_t *)&poll_locals_dict,
};

static poll_obj_t *new_poll(void) {
    poll_obj_t *self = es_new(poll_obj_t);
    self->base.type = &poll_type;
    return self;
}

static es_obj_t select_poll(void) {
    return es_obj_from_ptr(new_poll());
}
static ES_DEFINE_FUN_0(select_poll_obj, ES_Q_poll, select_poll);

/* ---- select() ------------------------------------------------------------------------------ */

static void watch_all(poll_obj_t *poller, es_obj_t objs, uint16_t events) {
    es_obj_t iter = es_getiter(objs, NULL);
    es_obj_t obj;
    while ((obj = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        poll_entry_t *entry = find_entry(poller, obj);
        if (entry != NULL) {
            entry->events |= events;
        } else {
            add_entry(poller, obj, events);
        }
    }
}

/* select(rlist, wlist, xlist[, timeout]): timeout in seconds, None waits for ever. */
static es_obj_t select_select(size_t n_args, const es_obj_t *args) {
    es_int_t timeout_ms = -1;
    if (n_args > 3 && args[3] != ES_OBJ_NONE) {
        es_float_t seconds = es_obj_get_float(args[3]);
        if (seconds != seconds) {
            es_raise_msg(&es_type_ValueError, "Invalid value NaN (not a number)");
        }
        if (seconds < 0) {
            es_raise_msg(&es_type_ValueError, "timeout must be non-negative");
        }
        es_float_t ms = seconds * 1000;
        timeout_ms = ms > (es_float_t)INT32_MAX ? INT32_MAX : (es_int_t)ms;
        if ((es_float_t)timeout_ms < ms) {
            timeout_ms++;
        }
    }
    poll_obj_t *poller = new_poll();
    watch_all(poller, args[0], POLL_RD);
    watch_all(poller, args[1], POLL_WR);
    /* Objects only in xlist still report errors and hang-ups. */
    watch_all(poller, args[2], POLL_ALWAYS);
    poll_wait(poller, timeout_ms);
    es_obj_t lists[3] = {es_obj_new_list(0, NULL), es_obj_new_list(0, NULL), es_obj_new_list(0, NULL)};
    for (size_t i = 0; i < poller->len; i++) {
        poll_entry_t *entry = &poller->entries[i];
        if (entry->revents & POLL_RD) {
            es_obj_list_append(lists[0], entry->obj);
        }
        if (entry->revents & POLL_WR) {
            es_obj_list_append(lists[1], entry->obj);
        }
        if (entry->revents & POLL_ALWAYS) {
            es_obj_list_append(lists[2], entry->obj);
        }
    }
    return es_obj_new_tuple(3, lists);
}
static ES_DEFINE_FUN_VAR(select_select_obj, ES_Q_select, 3, 4, select_select);

static const es_map_elem_t select_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_select)},
    {ES_OBJ_NEW_QSTR(ES_Q_poll), ES_OBJ_FROM_CONST(select_poll_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_select), ES_OBJ_FROM_CONST(select_select_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_POLLIN), ES_OBJ_NEW_SMALL_INT(POLL_RD)},
    {ES_OBJ_NEW_QSTR(ES_Q_POLLOUT), ES_OBJ_NEW_SMALL_INT(POLL_WR)},
    {ES_OBJ_NEW_QSTR(ES_Q_POLLERR), ES_OBJ_NEW_SMALL_INT(POLL_ERR)},
    {ES_OBJ_NEW_QSTR(ES_Q_POLLHUP), ES_OBJ_NEW_SMALL_INT(POLL_HUP)},
};

ES_DEFINE_CONST_MODULE(es_module_select, select_globals_table);
ES_REGISTER_MODULE(ES_Q_select, es_module_select);
