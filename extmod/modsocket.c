/* modsocket.c: the socket module on the OS's sockets (host interpreter, simulator): TCP, UDP, raw, getaddrinfo. */

/* accept4() and SOCK_NONBLOCK are Linux extensions. */
#define _GNU_SOURCE

#include <errno.h>

#include "extmod/modselect.h"
#include "extmod/modsocket.h"
#include "py/runtime.h"
#include "py/stream.h"

#ifndef ES_ENABLE_OS_SOCKETS
#define ES_ENABLE_OS_SOCKETS ES_ENABLE_OS_POLL
#endif

#if ES_ENABLE_OS_SOCKETS

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "extmod/binary.h"
#include "py/gc.h"

/*
** The OS descriptor is always non-blocking; blocking and timeouts are done here, waiting in
** es_select_wait_fds, so that Ctrl-C and the simulator's events get through a blocked call.
*/
typedef struct socket_obj_t {
    es_obj_base_t base;
    int fd; /* -1 once closed */
    int family;
    int type;
    int proto;
    es_int_t timeout_ms; /* -1 blocking, 0 non-blocking, else the limit of each wait */
} socket_obj_t;

static const es_type_t socket_type;

/* ---- how many are open --------------------------------------------------------------------- */

static size_t n_open;

#if ES_SOCKET_MAX_OPEN > 0
/* Descriptors of the open sockets (plus one; 0 is a free slot), for es_socket_close_all. */
static int open_fds[ES_SOCKET_MAX_OPEN];
#endif

bool es_socket_has_room(void) {
#if ES_SOCKET_MAX_OPEN > 0
    if (n_open >= ES_SOCKET_MAX_OPEN) {
        /* Forgotten sockets still hold their slots until their finalisers run. */
        es_gc_collect();
    }
    return n_open < ES_SOCKET_MAX_OPEN;
#else
    return true;
#endif
}

/* Raises OSError(ENOMEM) when the build's limit of open sockets is reached. */
static void check_room(void) {
    if (!es_socket_has_room()) {
        es_raise_os_error(ENOMEM);
    }
}

static void note_open(int fd) {
    n_open++;
#if ES_SOCKET_MAX_OPEN > 0
    for (size_t i = 0; i < ES_SOCKET_MAX_OPEN; i++) {
        if (open_fds[i] == 0) {
            open_fds[i] = fd + 1;
            break;
        }
    }
#else
    ES_UNUSED(fd);
#endif
}

/* Forgets fd; false when it was not ours any more (es_socket_close_all closed it). */
static bool note_closed(int fd) {
#if ES_SOCKET_MAX_OPEN > 0
    for (size_t i = 0; i < ES_SOCKET_MAX_OPEN; i++) {
        if (open_fds[i] == fd + 1) {
            open_fds[i] = 0;
            n_open--;
            return true;
        }
    }
    return false;
#else
    ES_UNUSED(fd);
    n_open--;
    return true;
#endif
}

void es_socket_close_all(void) {
#if ES_SOCKET_MAX_OPEN > 0
    for (size_t i = 0; i < ES_SOCKET_MAX_OPEN; i++) {
        if (open_fds[i] != 0) {
            close(open_fds[i] - 1);
            open_fds[i] = 0;
        }
    }
    n_open = 0;
#endif
}

/* ---- errors --------------------------------------------------------------------------------- */

/* getaddrinfo's failures are OSError(code, text) with its own (negative) codes, as CPython's gaierror
** (OSError(code) alone where the module answers as lwIP's). */
_Noreturn static void raise_gai_error(int code) {
    if (code == EAI_SYSTEM) {
        es_raise_os_error(errno);
    }
#if ES_SOCKET_AS_LWIP
    es_raise_os_error(code); /* lwIP's resolver gives a bare negative code, as OSError(-2) */
#endif
    es_obj_t args[2] = {es_obj_new_small_int(code), es_obj_new_str_from_cstr(gai_strerror(code))};
    es_raise(es_obj_new_exception_args(&es_type_OSError, 2, args));
}

static socket_obj_t *open_socket_of(es_obj_t self) {
    socket_obj_t *s = es_obj_to_ptr(self);
    if (s->fd < 0) {
        es_raise_os_error(EBADF);
    }
    return s;
}

/* ---- addresses ----------------------------------------------------------------------------- */

static es_obj_t address_to_obj(const struct sockaddr_storage *addr) {
    char text[INET6_ADDRSTRLEN];
    if (addr->ss_family == AF_INET6) {
        const struct sockaddr_in6 *a6 = (const struct sockaddr_in6 *)addr;
        inet_ntop(AF_INET6, &a6->sin6_addr, text, sizeof(text));
        es_obj_t items[4] = {es_obj_new_str_from_cstr(text), es_obj_new_small_int(ntohs(a6->sin6_port)),
                             es_obj_new_int_from_uint(ntohl(a6->sin6_flowinfo)),
                             es_obj_new_int_from_uint(a6->sin6_scope_id)};
        return es_obj_new_tuple(4, items);
    }
    if (addr->ss_family == AF_INET) {
        const struct sockaddr_in *a4 = (const struct sockaddr_in *)addr;
        inet_ntop(AF_INET, &a4->sin_addr, text, sizeof(text));
        es_obj_t items[2] = {es_obj_new_str_from_cstr(text), es_obj_new_small_int(ntohs(a4->sin_port))};
        return es_obj_new_tuple(2, items);
    }
    /* Not connected, or a family without a tuple form. */
    return ES_OBJ_NONE;
}

static const char *family_name(int family) {
    return family == AF_INET6 ? "AF_INET6" : "AF_INET";
}

/*
** Turns (host, port) (and for AF_INET6 optionally flowinfo, scope_id) into a sockaddr of
** `family`. host is a numeric address or a name to resolve; '' is any address, as CPython.
*/
static socklen_t address_from_obj(int family, es_obj_t addr, struct sockaddr_storage *out) {
    if (family != AF_INET && family != AF_INET6) {
        es_raise_os_error(EAFNOSUPPORT);
    }
    if (!es_obj_is_type(addr, &es_type_tuple)) {
        es_raise_msg_varg(&es_type_TypeError, "%s address must be tuple, not %s", family_name(family),
                          es_obj_type_name(addr));
    }
    size_t len;
    es_obj_t *items;
    es_obj_get_array(addr, &len, &items);
    if (len < 2 || len > (family == AF_INET6 ? 4u : 2u)) {
        es_raise_msg_varg(&es_type_TypeError, family == AF_INET6 ? "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
                                                                 : "AF_INET address must be a pair (host, port)");
    }
    if (!es_obj_is_str_or_bytes(items[0])) {
        es_raise_msg_varg(&es_type_TypeError, "str, bytes or bytearray expected, not %s", es_obj_type_name(items[0]));
    }
    es_int_t port = es_obj_get_int(items[1]);
    if (port < 0 || port > 65535) {
        es_raise_msg(&es_type_OverflowError, "port must be 0-65535.");
    }
    size_t host_len;
    const char *host = es_obj_str_get_data(items[0], &host_len);
    if (strlen(host) != host_len) {
        es_raise_msg(&es_type_ValueError, "embedded null byte");
    }
    memset(out, 0, sizeof(*out));
    socklen_t out_len;
    if (host_len == 0) {
        out->ss_family = (sa_family_t)family;
        out_len = family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
    } else {
        struct addrinfo hints = {.ai_family = family};
        struct addrinfo *found;
        int code = getaddrinfo(host, NULL, &hints, &found);
        if (code != 0) {
            raise_gai_error(code);
        }
        memcpy(out, found->ai_addr, found->ai_addrlen);
        out_len = found->ai_addrlen;
        freeaddrinfo(found);
    }
    if (family == AF_INET) {
        ((struct sockaddr_in *)out)->sin_port = htons((uint16_t)port);
    } else {
        struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)out;
        a6->sin6_port = htons((uint16_t)port);
        if (len > 2) {
            a6->sin6_flowinfo = htonl((uint32_t)es_obj_get_int(items[2]));
        }
        if (len > 3) {
            a6->sin6_scope_id = (uint32_t)es_obj_get_int(items[3]);
        }
    }
    return out_len;
}

/* ---- waiting --------------------------------------------------------------------------------- */

/* Waits until the socket is ready for `events` as its timeout allows: 0, or EAGAIN / ETIMEDOUT. */
static int wait_ready(socket_obj_t *s, short events) {
    if (s->timeout_ms == 0) {
        return EAGAIN;
    }
    struct pollfd pfd = {.fd = s->fd, .events = events};
    return es_select_wait_fds(&pfd, 1, s->timeout_ms) > 0 ? 0 : ETIMEDOUT;
}

/* After a failed call: 0 to try again (interrupted, or now ready), else the errno to report. */
static int retry_or_error(socket_obj_t *s, short events) {
    int err = errno;
    if (err == EINTR) {
        if (es_state.sched_state) {
            es_handle_pending();
        }
        return 0;
    }
    if (err == EAGAIN || err == EWOULDBLOCK) {
        return wait_ready(s, events);
    }
    return err;
}

/* recv/recvfrom as the timeout allows; returns the count or -1 with *err set. */
static ssize_t receive(socket_obj_t *s, void *buf, size_t size, int flags, struct sockaddr_storage *from, int *err) {
    for (;;) {
        socklen_t from_len = sizeof(*from);
        ssize_t n = recvfrom(s->fd, buf, size, flags, (struct sockaddr *)from, from != NULL ? &from_len : NULL);
        if (n >= 0) {
#if ES_SOCKET_PORT_HOOKS
            if (n > 0 && !(flags & MSG_PEEK)) {
                es_port_socket_taken(s->fd);
            }
#endif
            return n;
        }
        *err = retry_or_error(s, POLLIN);
        if (*err != 0) {
            return -1;
        }
    }
}

/* send/sendto as the timeout allows; never raises SIGPIPE. */
static ssize_t transmit(socket_obj_t *s, const void *buf, size_t size, const struct sockaddr_storage *to,
                        socklen_t to_len, int *err) {
    for (;;) {
        ssize_t n = sendto(s->fd, buf, size, MSG_NOSIGNAL, (const struct sockaddr *)to, to_len);
        if (n >= 0) {
            return n;
        }
        *err = retry_or_error(s, POLLOUT);
        if (*err != 0) {
            return -1;
        }
    }
}

/* ---- creating and closing ---------------------------------------------------------------------- */

static es_obj_t socket_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    static const es_arg_t allowed[] = {
        {ES_Q_family, ES_ARG_INT, {.u_int = AF_INET}},
        {ES_Q_type, ES_ARG_INT, {.u_int = SOCK_STREAM}},
        {ES_Q_proto, ES_ARG_INT, {.u_int = 0}},
    };
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all_kw_array(n_args, n_kw, args, ES_ARRAY_SIZE(allowed), allowed, vals);
    int family = (int)vals[0].u_int, sock_type = (int)vals[1].u_int, proto = (int)vals[2].u_int;
    check_room();
    /* The socket() call and its wrapper are not separated by anything that can raise. */
    socket_obj_t *s = es_alloc_with_finaliser(sizeof(socket_obj_t));
    int fd = socket(family, sock_type | SOCK_NONBLOCK | SOCK_CLOEXEC, proto);
    if (fd < 0 && (errno == EMFILE || errno == ENFILE)) {
        es_gc_collect();
        fd = socket(family, sock_type | SOCK_NONBLOCK | SOCK_CLOEXEC, proto);
    }
    if (fd < 0) {
        es_raise_os_error(errno);
    }
    s->base.type = &socket_type;
    s->fd = fd;
    s->family = family;
    s->type = sock_type;
    s->proto = proto;
    s->timeout_ms = -1;
    note_open(fd);
    return es_obj_from_ptr(s);
}

static void close_socket(socket_obj_t *s) {
    if (s->fd >= 0) {
        int fd = s->fd;
        s->fd = -1;
#if ES_SOCKET_PORT_HOOKS
        es_port_socket_closed(fd);
#endif
        if (note_closed(fd)) {
            close(fd);
        }
    }
}

static es_obj_t socket_close(es_obj_t self) {
    close_socket(es_obj_to_ptr(self));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(socket_close_obj, ES_Q_close, socket_close);
/* The collector's finaliser: a forgotten socket gives its descriptor back. */
static ES_DEFINE_FUN_1(socket_del_obj, ES_Q___del__, socket_close);

static es_obj_t socket_exit(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    return socket_close(args[0]);
}
static ES_DEFINE_FUN_VAR(socket_exit_obj, ES_Q___exit__, 1, 4, socket_exit);

static es_obj_t socket_enter(es_obj_t self) {
    return self;
}
static ES_DEFINE_FUN_1(socket_enter_obj, ES_Q___enter__, socket_enter);

static es_obj_t socket_fileno(es_obj_t self) {
    return es_obj_new_small_int(((socket_obj_t *)es_obj_to_ptr(self))->fd);
}
static ES_DEFINE_FUN_1(socket_fileno_obj, ES_Q_fileno, socket_fileno);

/* makefile(mode='rb', buffering=0): the socket is its own stream, as in MicroPython. */
static es_obj_t socket_makefile(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    return args[0];
}
static ES_DEFINE_FUN_VAR(socket_makefile_obj, ES_Q_makefile, 1, 3, socket_makefile);

/* ---- connections ------------------------------------------------------------------------------- */

static es_obj_t socket_bind(es_obj_t self, es_obj_t addr_in) {
    socket_obj_t *s = open_socket_of(self);
    struct sockaddr_storage addr;
    socklen_t len = address_from_obj(s->family, addr_in, &addr);
#if ES_SOCKET_PORT_HOOKS
    es_port_socket_bind_addr(&addr);
#endif
    if (bind(s->fd, (struct sockaddr *)&addr, len) < 0) {
        es_raise_os_error(errno);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(socket_bind_obj, ES_Q_bind, socket_bind);

static es_obj_t socket_listen(size_t n_args, const es_obj_t *args) {
    socket_obj_t *s = open_socket_of(args[0]);
    es_int_t backlog = n_args > 1 ? es_obj_get_int(args[1]) : SOMAXCONN;
    if (backlog < 0) {
        backlog = 0;
    }
    if (listen(s->fd, backlog > SOMAXCONN ? SOMAXCONN : (int)backlog) < 0) {
        es_raise_os_error(errno);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(socket_listen_obj, ES_Q_listen, 1, 2, socket_listen);

/* accept() -> (socket, address); the new socket blocks, whatever the listening one does. */
static es_obj_t socket_accept(es_obj_t self) {
    socket_obj_t *s = open_socket_of(self);
    check_room();
    socket_obj_t *client = es_alloc_with_finaliser(sizeof(socket_obj_t));
    struct sockaddr_storage addr;
    int fd;
    bool collected = false;
    for (;;) {
        socklen_t len = sizeof(addr);
        fd = accept4(s->fd, (struct sockaddr *)&addr, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            break;
        }
        if ((errno == EMFILE || errno == ENFILE) && !collected) {
            /* Forgotten sockets may be holding descriptors: let their finalisers give them back. */
            es_gc_collect();
            collected = true;
            continue;
        }
        int err = retry_or_error(s, POLLIN);
        if (err != 0) {
            es_raise_os_error(err);
        }
    }
    client->base.type = &socket_type;
    client->fd = fd;
    client->family = s->family;
    client->type = s->type;
    client->proto = s->proto;
    client->timeout_ms = -1;
    note_open(fd);
#if ES_SOCKET_PORT_HOOKS
    es_port_socket_taken(s->fd);
#endif
    es_obj_t pair[2] = {es_obj_from_ptr(client), address_to_obj(&addr)};
    return es_obj_new_tuple(2, pair);
}
static ES_DEFINE_FUN_1(socket_accept_obj, ES_Q_accept, socket_accept);

/*
** connect(address). A non-blocking socket raises OSError(EINPROGRESS) and goes on connecting
** (poll for writability to learn when it is done); otherwise this waits as the timeout allows.
*/
static es_obj_t socket_connect(es_obj_t self, es_obj_t addr_in) {
    socket_obj_t *s = open_socket_of(self);
    struct sockaddr_storage addr;
    socklen_t len = address_from_obj(s->family, addr_in, &addr);
    if (connect(s->fd, (struct sockaddr *)&addr, len) == 0) {
        return ES_OBJ_NONE;
    }
    if (errno != EINPROGRESS && errno != EINTR) {
        es_raise_os_error(errno);
    }
    if (s->timeout_ms == 0) {
        es_raise_os_error(EINPROGRESS);
    }
    int err = wait_ready(s, POLLOUT);
    if (err != 0) {
        es_raise_os_error(err);
    }
    socklen_t err_len = sizeof(err);
    if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &err_len) < 0) {
        err = errno;
    }
    if (err != 0) {
        es_raise_os_error(err);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(socket_connect_obj, ES_Q_connect, socket_connect);

static es_obj_t socket_name(es_obj_t self, bool peer) {
    socket_obj_t *s = open_socket_of(self);
    struct sockaddr_storage addr;
    socklen_t len = sizeof(addr);
    memset(&addr, 0, sizeof(addr));
    int r = peer ? getpeername(s->fd, (struct sockaddr *)&addr, &len) : getsockname(s->fd, (struct sockaddr *)&addr, &len);
    if (r < 0) {
        es_raise_os_error(errno);
    }
    return address_to_obj(&addr);
}

static es_obj_t socket_getsockname(es_obj_t self) {
    return socket_name(self, false);
}
static ES_DEFINE_FUN_1(socket_getsockname_obj, ES_Q_getsockname, socket_getsockname);

static es_obj_t socket_getpeername(es_obj_t self) {
    return socket_name(self, true);
}
static ES_DEFINE_FUN_1(socket_getpeername_obj, ES_Q_getpeername, socket_getpeername);

/* ---- data ------------------------------------------------------------------------------------- */

static es_int_t size_arg(es_obj_t size_in) {
    es_int_t size = es_obj_get_int(size_in);
    if (size < 0) {
        es_raise_msg(&es_type_ValueError, "negative buffersize in recv");
    }
    return size;
}

static es_obj_t receive_object(size_t n_args, const es_obj_t *args, bool with_address) {
    socket_obj_t *s = open_socket_of(args[0]);
    es_int_t size = size_arg(args[1]);
    int flags = n_args > 2 ? (int)es_obj_get_int(args[2]) : 0;
    es_vstr_t vstr;
    es_vstr_init(&vstr, (size_t)size + 1);
    struct sockaddr_storage from;
    memset(&from, 0, sizeof(from));
    int err;
    ssize_t n = receive(s, vstr.buf, (size_t)size, flags, with_address ? &from : NULL, &err);
    if (n < 0) {
        es_raise_os_error(err);
    }
    vstr.len = (size_t)n;
    es_obj_t data = es_obj_new_str_from_vstr(&es_type_bytes, &vstr);
    if (!with_address) {
        return data;
    }
    es_obj_t pair[2] = {data, address_to_obj(&from)};
    return es_obj_new_tuple(2, pair);
}

static es_obj_t socket_recv(size_t n_args, const es_obj_t *args) {
    return receive_object(n_args, args, false);
}
static ES_DEFINE_FUN_VAR(socket_recv_obj, ES_Q_recv, 2, 3, socket_recv);

static es_obj_t socket_recvfrom(size_t n_args, const es_obj_t *args) {
    return receive_object(n_args, args, true);
}
static ES_DEFINE_FUN_VAR(socket_recvfrom_obj, ES_Q_recvfrom, 2, 3, socket_recvfrom);

static es_obj_t socket_send(es_obj_t self, es_obj_t data) {
    socket_obj_t *s = open_socket_of(self);
    es_buffer_info_t info;
    es_get_buffer_raise(data, &info, ES_BUFFER_READ);
    int err;
    ssize_t n = transmit(s, info.buf, info.len, NULL, 0, &err);
    if (n < 0) {
        es_raise_os_error(err);
    }
    return es_obj_new_small_int((es_int_t)n);
}
static ES_DEFINE_FUN_2(socket_send_obj, ES_Q_send, socket_send);

static es_obj_t socket_sendall(es_obj_t self, es_obj_t data) {
    socket_obj_t *s = open_socket_of(self);
    es_buffer_info_t info;
    es_get_buffer_raise(data, &info, ES_BUFFER_READ);
    size_t done = 0;
    while (done < info.len) {
        int err;
        ssize_t n = transmit(s, (const uint8_t *)info.buf + done, info.len - done, NULL, 0, &err);
        if (n < 0) {
            es_raise_os_error(err);
        }
        done += (size_t)n;
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(socket_sendall_obj, ES_Q_sendall, socket_sendall);

static es_obj_t socket_sendto(es_obj_t self, es_obj_t data, es_obj_t addr_in) {
    socket_obj_t *s = open_socket_of(self);
    es_buffer_info_t info;
    es_get_buffer_raise(data, &info, ES_BUFFER_READ);
    struct sockaddr_storage addr;
    socklen_t len = address_from_obj(s->family, addr_in, &addr);
    int err;
    ssize_t n = transmit(s, info.buf, info.len, &addr, len, &err);
    if (n < 0) {
        es_raise_os_error(err);
    }
    return es_obj_new_small_int((es_int_t)n);
}
static ES_DEFINE_FUN_3(socket_sendto_obj, ES_Q_sendto, socket_sendto);

/* ---- options ----------------------------------------------------------------------------------- */

/* lwIP's option numbers (MicroPython's ESP8266 port exports them) where they differ from the host's. */
#define LWIP_SO_REUSEADDR (0x0004)
#define LWIP_SO_KEEPALIVE (0x0008)
#define LWIP_SO_BROADCAST (0x0020)
#define LWIP_SO_ERROR (0x1007)
#define LWIP_IP_ADD_MEMBERSHIP (3)
/* The number the socket module exports: the host's, or lwIP's on a board that models lwIP. */
#define EXPORTED_OPTION(host, lwip) (ES_SOCKET_AS_LWIP ? (lwip) : (host))

#if ES_SOCKET_AS_LWIP
static const struct {
    int level, lwip, host;
} lwip_options[] = {
    {SOL_SOCKET, LWIP_SO_REUSEADDR, SO_REUSEADDR},
    {SOL_SOCKET, LWIP_SO_KEEPALIVE, SO_KEEPALIVE},
    {SOL_SOCKET, LWIP_SO_BROADCAST, SO_BROADCAST},
    {SOL_SOCKET, LWIP_SO_ERROR, SO_ERROR},
    {IPPROTO_IP, LWIP_IP_ADD_MEMBERSHIP, IP_ADD_MEMBERSHIP},
};
#endif

/* The host's number for an option the program names. */
static int host_option(int level, int option) {
#if ES_SOCKET_AS_LWIP
    for (size_t i = 0; i < ES_ARRAY_SIZE(lwip_options); i++) {
        if (lwip_options[i].level == level && lwip_options[i].lwip == option) {
            return lwip_options[i].host;
        }
    }
#else
    ES_UNUSED(level);
#endif
    return option;
}

/* setsockopt(level, option, value): value is an int or a bytes-like object. */
static es_obj_t socket_setsockopt(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    socket_obj_t *s = open_socket_of(args[0]);
    int level = (int)es_obj_get_int(args[1]);
    int option = (int)es_obj_get_int(args[2]);
#if ES_SOCKET_PORT_HOOKS
    if (es_port_socket_setsockopt(args[0], s->fd, level, option, args[3])) {
        return ES_OBJ_NONE;
    }
#endif
    option = host_option(level, option);
    int r;
    es_int_t value;
    if (es_obj_get_int_maybe(args[3], &value)) {
        int int_value = (int)value;
        r = setsockopt(s->fd, level, option, &int_value, sizeof(int_value));
    } else {
        es_buffer_info_t info;
        es_get_buffer_raise(args[3], &info, ES_BUFFER_READ);
        r = setsockopt(s->fd, level, option, info.buf, (socklen_t)info.len);
    }
    if (r < 0) {
        es_raise_os_error(errno);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(socket_setsockopt_obj, ES_Q_setsockopt, 4, 4, socket_setsockopt);

/* getsockopt(level, option[, buflen]): an int, or bytes of at most buflen. */
static es_obj_t socket_getsockopt(size_t n_args, const es_obj_t *args) {
    socket_obj_t *s = open_socket_of(args[0]);
    int level = (int)es_obj_get_int(args[1]);
    int option = host_option(level, (int)es_obj_get_int(args[2]));
    if (n_args < 4) {
        int value = 0;
        socklen_t len = sizeof(value);
        if (getsockopt(s->fd, level, option, &value, &len) < 0) {
            es_raise_os_error(errno);
        }
        return es_obj_new_int(value);
    }
    es_int_t size = es_obj_get_int(args[3]);
    if (size <= 0 || size > 1024) {
        es_raise_msg(&es_type_OSError, "getsockopt buflen out of range");
    }
    es_vstr_t vstr;
    es_vstr_init(&vstr, (size_t)size + 1);
    socklen_t len = (socklen_t)size;
    if (getsockopt(s->fd, level, option, vstr.buf, &len) < 0) {
        es_raise_os_error(errno);
    }
    vstr.len = len;
    return es_obj_new_str_from_vstr(&es_type_bytes, &vstr);
}
static ES_DEFINE_FUN_VAR(socket_getsockopt_obj, ES_Q_getsockopt, 3, 4, socket_getsockopt);

/* settimeout(None) blocks, settimeout(0) never waits, settimeout(t) waits up to t seconds. */
static es_obj_t socket_settimeout(es_obj_t self, es_obj_t timeout) {
    socket_obj_t *s = open_socket_of(self);
    if (timeout == ES_OBJ_NONE) {
        s->timeout_ms = -1;
        return ES_OBJ_NONE;
    }
    es_float_t seconds = es_obj_get_float(timeout);
    if (!(seconds >= 0)) {
        es_raise_msg(&es_type_ValueError, "Timeout value out of range");
    }
    es_float_t ms = seconds * 1000;
    es_int_t whole = ms > (es_float_t)INT32_MAX ? INT32_MAX : (es_int_t)ms;
    /* A tiny positive timeout still waits a little rather than meaning "non-blocking". */
    s->timeout_ms = (es_float_t)whole < ms ? whole + 1 : whole;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(socket_settimeout_obj, ES_Q_settimeout, socket_settimeout);

static es_obj_t socket_setblocking(es_obj_t self, es_obj_t flag) {
    open_socket_of(self)->timeout_ms = es_obj_is_true(flag) ? -1 : 0;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(socket_setblocking_obj, ES_Q_setblocking, socket_setblocking);

/* ---- the stream protocol (read, readinto, readline, write, select.poll) --------------------------- */

static size_t socket_stream_read(es_obj_t self, void *buf, size_t size, int *errcode) {
    socket_obj_t *s = es_obj_to_ptr(self);
    if (s->fd < 0) {
        *errcode = EBADF;
        return ES_STREAM_ERROR;
    }
    ssize_t n = receive(s, buf, size, 0, NULL, errcode);
    return n < 0 ? ES_STREAM_ERROR : (size_t)n;
}

static size_t socket_stream_write(es_obj_t self, const void *buf, size_t size, int *errcode) {
    socket_obj_t *s = es_obj_to_ptr(self);
    if (s->fd < 0) {
        *errcode = EBADF;
        return ES_STREAM_ERROR;
    }
    ssize_t n = transmit(s, buf, size, NULL, 0, errcode);
    return n < 0 ? ES_STREAM_ERROR : (size_t)n;
}

static uintptr_t socket_stream_ioctl(es_obj_t self, unsigned request, uintptr_t arg, int *errcode) {
    socket_obj_t *s = es_obj_to_ptr(self);
    if (request == ES_STREAM_CLOSE) {
        close_socket(s);
        return 0;
    }
    if (s->fd < 0) {
        *errcode = EBADF;
        return ES_STREAM_ERROR;
    }
    switch (request) {
        case ES_STREAM_FLUSH:
            return 0;
        case ES_STREAM_GET_FILENO:
            return (uintptr_t)s->fd;
        case ES_STREAM_TIMEOUT:
            s->timeout_ms = arg == (uintptr_t)-1 ? -1 : arg > INT32_MAX ? INT32_MAX : (es_int_t)arg;
            return 0;
        case ES_STREAM_POLL: {
            struct pollfd pfd = {.fd = s->fd};
            pfd.events = (short)((arg & ES_STREAM_POLL_RD ? POLLIN : 0) | (arg & ES_STREAM_POLL_WR ? POLLOUT : 0));
            if (poll(&pfd, 1, 0) < 0) {
                *errcode = errno;
                return ES_STREAM_ERROR;
            }
            uintptr_t ready = (pfd.revents & POLLIN ? ES_STREAM_POLL_RD : 0) | (pfd.revents & POLLOUT ? ES_STREAM_POLL_WR : 0) |
                              (pfd.revents & POLLERR ? ES_STREAM_POLL_ERR : 0) | (pfd.revents & POLLHUP ? ES_STREAM_POLL_HUP : 0);
            return ready & (arg | ES_STREAM_POLL_ERR | ES_STREAM_POLL_HUP);
        }
        default:
            *errcode = EINVAL;
            return ES_STREAM_ERROR;
    }
}

static const es_stream_p_t socket_stream_p = {
    .read = socket_stream_read,
    .write = socket_stream_write,
    .ioctl = socket_stream_ioctl,
};

static void socket_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    socket_obj_t *s = es_obj_to_ptr(self);
    es_printf(print, "<socket fd=%d family=%d type=%d proto=%d>", s->fd, s->family, s->type, s->proto);
}

static const es_map_elem_t socket_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___del__), ES_OBJ_FROM_CONST(socket_del_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___enter__), ES_OBJ_FROM_CONST(socket_enter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___exit__), ES_OBJ_FROM_CONST(socket_exit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_close), ES_OBJ_FROM_CONST(socket_close_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_fileno), ES_OBJ_FROM_CONST(socket_fileno_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_makefile), ES_OBJ_FROM_CONST(socket_makefile_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_bind), ES_OBJ_FROM_CONST(socket_bind_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_listen), ES_OBJ_FROM_CONST(socket_listen_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_accept), ES_OBJ_FROM_CONST(socket_accept_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_connect), ES_OBJ_FROM_CONST(socket_connect_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_getsockname), ES_OBJ_FROM_CONST(socket_getsockname_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_getpeername), ES_OBJ_FROM_CONST(socket_getpeername_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_recv), ES_OBJ_FROM_CONST(socket_recv_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_recvfrom), ES_OBJ_FROM_CONST(socket_recvfrom_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_send), ES_OBJ_FROM_CONST(socket_send_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sendall), ES_OBJ_FROM_CONST(socket_sendall_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sendto), ES_OBJ_FROM_CONST(socket_sendto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_setsockopt), ES_OBJ_FROM_CONST(socket_setsockopt_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_getsockopt), ES_OBJ_FROM_CONST(socket_getsockopt_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_settimeout), ES_OBJ_FROM_CONST(socket_settimeout_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_setblocking), ES_OBJ_FROM_CONST(socket_setblocking_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(es_stream_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readinto), ES_OBJ_FROM_CONST(es_stream_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readline), ES_OBJ_FROM_CONST(es_stream_readline_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write), ES_OBJ_FROM_CONST(es_stream_write_obj)},
};
static ES_DEFINE_CONST_DICT(socket_locals_dict, socket_locals_table);

static const es_type_t socket_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_HAS_FINALISER,
    .name = ES_Q_socket,
    .print = socket_print,
    .make_new = socket_make_new,
    .protocol = &socket_stream_p,
    .locals_dict = (es_obj_dict_t *)&socket_locals_dict,
};

/* ---- getaddrinfo ----------------------------------------------------------------------------------- */

/* getaddrinfo(host, port, af=0, type=0, proto=0, flags=0) -> [(family, type, proto, canonname, address)] */
static es_obj_t socket_getaddrinfo(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    static const es_arg_t allowed[] = {
        {ES_Q_host, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_port, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_family, ES_ARG_INT, {.u_int = 0}},
        {ES_Q_type, ES_ARG_INT, {.u_int = 0}},
        {ES_Q_proto, ES_ARG_INT, {.u_int = 0}},
        {ES_Q_flags, ES_ARG_INT, {.u_int = 0}},
    };
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all(n_args, args, kw, ES_ARRAY_SIZE(allowed), allowed, vals);
    const char *host = NULL;
    if (vals[0].u_obj != ES_OBJ_NONE) {
        if (!es_obj_is_str_or_bytes(vals[0].u_obj)) {
            es_raise_msg_varg(&es_type_TypeError, "getaddrinfo() argument 1 must be string or None");
        }
        size_t len;
        host = es_obj_str_get_data(vals[0].u_obj, &len);
        if (strlen(host) != len) {
            es_raise_msg(&es_type_ValueError, "embedded null byte");
        }
    }
    char port_text[24];
    const char *port = NULL;
    es_obj_t port_obj = vals[1].u_obj;
    if (es_obj_is_int(port_obj)) {
        es_int_t number = es_obj_get_int(port_obj);
        snprintf(port_text, sizeof(port_text), "%ld", (long)number);
        port = port_text;
    } else if (es_obj_is_str_or_bytes(port_obj)) {
        port = es_obj_str_get_data(port_obj, &(size_t){0});
    } else if (port_obj != ES_OBJ_NONE) {
        es_raise_msg(&es_type_OSError, "Int or String expected");
    }
    struct addrinfo hints = {
        .ai_family = (int)vals[2].u_int,
        .ai_socktype = (int)vals[3].u_int,
        .ai_protocol = (int)vals[4].u_int,
        .ai_flags = (int)vals[5].u_int,
    };
#if ES_SOCKET_AS_LWIP
    /* lwIP resolves one IPv4 address, whatever the hints, into one (AF_INET, SOCK_STREAM, 0) entry. */
    hints = (struct addrinfo){.ai_family = AF_INET, .ai_socktype = SOCK_STREAM};
#endif
    struct addrinfo *found;
    int code = getaddrinfo(host, port, &hints, &found);
    if (code != 0) {
        raise_gai_error(code);
    }
    /* Built into a list before freeing; a MemoryError on the way must not leak the OS's list. */
    es_obj_t list = ES_OBJ_NULL;
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        list = es_obj_new_list(0, NULL);
        for (struct addrinfo *ai = found; ai != NULL; ai = ES_SOCKET_AS_LWIP ? NULL : ai->ai_next) {
            struct sockaddr_storage addr;
            memset(&addr, 0, sizeof(addr));
            memcpy(&addr, ai->ai_addr, ai->ai_addrlen < sizeof(addr) ? ai->ai_addrlen : sizeof(addr));
            es_obj_t items[5] = {
                es_obj_new_small_int(ai->ai_family),
                es_obj_new_small_int(ai->ai_socktype),
                es_obj_new_small_int(ES_SOCKET_AS_LWIP ? 0 : ai->ai_protocol),
                es_obj_new_str_from_cstr(ai->ai_canonname != NULL ? ai->ai_canonname : ""),
                address_to_obj(&addr),
            };
            es_obj_list_append(list, es_obj_new_tuple(5, items));
        }
        es_nlr_pop();
    } else {
        freeaddrinfo(found);
        es_nlr_jump(nlr.ret_val);
    }
    freeaddrinfo(found);
    return list;
}
static ES_DEFINE_FUN_KW(socket_getaddrinfo_obj, ES_Q_getaddrinfo, 2, socket_getaddrinfo);

static const es_map_elem_t socket_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_socket)},
    {ES_OBJ_NEW_QSTR(ES_Q_socket), ES_OBJ_FROM_CONST(socket_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_getaddrinfo), ES_OBJ_FROM_CONST(socket_getaddrinfo_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_AF_INET), ES_OBJ_NEW_SMALL_INT(AF_INET)},
    {ES_OBJ_NEW_QSTR(ES_Q_AF_INET6), ES_OBJ_NEW_SMALL_INT(AF_INET6)},
    {ES_OBJ_NEW_QSTR(ES_Q_SOCK_STREAM), ES_OBJ_NEW_SMALL_INT(SOCK_STREAM)},
    {ES_OBJ_NEW_QSTR(ES_Q_SOCK_DGRAM), ES_OBJ_NEW_SMALL_INT(SOCK_DGRAM)},
    {ES_OBJ_NEW_QSTR(ES_Q_SOCK_RAW), ES_OBJ_NEW_SMALL_INT(SOCK_RAW)},
    {ES_OBJ_NEW_QSTR(ES_Q_IPPROTO_IP), ES_OBJ_NEW_SMALL_INT(IPPROTO_IP)},
    {ES_OBJ_NEW_QSTR(ES_Q_IPPROTO_TCP), ES_OBJ_NEW_SMALL_INT(IPPROTO_TCP)},
    {ES_OBJ_NEW_QSTR(ES_Q_IPPROTO_UDP), ES_OBJ_NEW_SMALL_INT(IPPROTO_UDP)},
    {ES_OBJ_NEW_QSTR(ES_Q_SOL_SOCKET), ES_OBJ_NEW_SMALL_INT(SOL_SOCKET)},
    {ES_OBJ_NEW_QSTR(ES_Q_SO_REUSEADDR), ES_OBJ_NEW_SMALL_INT(EXPORTED_OPTION(SO_REUSEADDR, LWIP_SO_REUSEADDR))},
    {ES_OBJ_NEW_QSTR(ES_Q_SO_BROADCAST), ES_OBJ_NEW_SMALL_INT(EXPORTED_OPTION(SO_BROADCAST, LWIP_SO_BROADCAST))},
    {ES_OBJ_NEW_QSTR(ES_Q_SO_KEEPALIVE), ES_OBJ_NEW_SMALL_INT(EXPORTED_OPTION(SO_KEEPALIVE, LWIP_SO_KEEPALIVE))},
    {ES_OBJ_NEW_QSTR(ES_Q_SO_ERROR), ES_OBJ_NEW_SMALL_INT(EXPORTED_OPTION(SO_ERROR, LWIP_SO_ERROR))},
    {ES_OBJ_NEW_QSTR(ES_Q_TCP_NODELAY), ES_OBJ_NEW_SMALL_INT(TCP_NODELAY)},
    {ES_OBJ_NEW_QSTR(ES_Q_IP_ADD_MEMBERSHIP),
     ES_OBJ_NEW_SMALL_INT(EXPORTED_OPTION(IP_ADD_MEMBERSHIP, LWIP_IP_ADD_MEMBERSHIP))},
    {ES_OBJ_NEW_QSTR(ES_Q_MSG_PEEK), ES_OBJ_NEW_SMALL_INT(MSG_PEEK)},
};

#else /* no OS sockets: the module exists so that the build's module table holds, but has no socket */

void es_socket_close_all(void) {
}

static const es_map_elem_t socket_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_socket)},
};

#endif

ES_DEFINE_CONST_MODULE(es_module_socket, socket_globals_table);
ES_REGISTER_MODULE(ES_Q_socket, es_module_socket);
