/* page_server.c: --webrepl-page PORT, a tiny HTTP GET server on 127.0.0.1 that serves espy's WebREPL page from the binary. */

#define _GNU_SOURCE /* accept4 */

#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "ports/esp8266/sim/board.h"
#include "ports/esp8266/sim/simcore.h"

/*
** The page (ports/esp8266/webrepl_page/) is embedded at build time by tools/makepagefiles.py,
** so the simulator needs no files at run time. /config.js tells the page where the board's
** WebREPL listens on the host (--net-port-base + 8266).
**
** The server lives beside the board in the simulator's event loop, as one epoll descriptor
** (the loop watches few): the listener, the clients and a host timer are inside it. Every
** socket is non-blocking; a request is answered once its head is complete; a reply that does
** not fit into the socket at once continues when the socket is writable. Anything but a plain
** GET or HEAD of a known file gets 400, 404, 405 or 413 and the connection is closed. A
** client is dropped CLIENT_TIMEOUT_MS after it connected, so nothing a browser does can hold
** the server; the board itself never waits for it.
*/

#define DEFAULT_PAGE_PORT (8266)
#define BOARD_WEBREPL_PORT (8266)
#define MAX_CLIENTS (8)
#define REQUEST_MAX (2048)
#define HEAD_MAX (384)
#define CLIENT_TIMEOUT_MS (5000)
#define SWEEP_MS (250)

typedef struct {
    const char *path;
    const char *type;
    const uint8_t *data;
    size_t size;
} page_file_t;

#include "genhdr/webrepl_page.h"

typedef enum { FREE, READING, SENDING, DRAINING } client_state_t;

typedef struct {
    int fd;
    client_state_t state;
    uint64_t deadline_us; /* es_sim_monotonic_us() after which the client is dropped */
    size_t request_len;
    char request[REQUEST_MAX];
    size_t head_len, head_sent;
    char head[HEAD_MAX];
    const uint8_t *body;
    size_t body_len, body_sent;
} client_t;

static int page_port = DEFAULT_PAGE_PORT;
static int epoll_fd = -1, listen_fd = -1, timer_fd = -1;
static bool accepting, sweeping;
static client_t clients[MAX_CLIENTS];
static char config_js[96];
static size_t config_js_len;

int es_sim_page_option(const char *opt, const char *arg) {
    char *end;
    long value = strtol(arg, &end, 0);
    bool good = *arg != '\0' && *end == '\0' && value >= 0 && value <= 65535;
    if (strcmp(opt, "--webrepl-page") != 0) {
        return 0;
    }
    if (!good) {
        return -EINVAL;
    }
    page_port = (int)value;
    return 1;
}

/* ---- the epoll set ---------------------------------------------------------------------- */

/* Event data: a client's index, or one of these. */
#define EV_LISTENER (MAX_CLIENTS)
#define EV_TIMER (MAX_CLIENTS + 1)

static void epoll_set(int op, int fd, uint32_t events, uint32_t tag) {
    struct epoll_event ev = {.events = events, .data.u32 = tag};
    epoll_ctl(epoll_fd, op, fd, &ev);
}

static size_t n_clients(void) {
    size_t n = 0;
    for (size_t i = 0; i < MAX_CLIENTS; i++) {
        n += clients[i].state != FREE;
    }
    return n;
}

/* While every slot is taken, new connections wait in the listener's backlog. The sweep timer
** runs only while there are clients; it is set only when that changes, so that a chatty
** client cannot keep postponing it. */
static void update_listener_and_timer(void) {
    size_t n = n_clients();
    bool want = n < MAX_CLIENTS;
    if (want != accepting) {
        epoll_set(EPOLL_CTL_MOD, listen_fd, want ? EPOLLIN : 0, EV_LISTENER);
        accepting = want;
    }
    if ((n > 0) != sweeping) {
        struct itimerspec period = {{0, 0}, {0, 0}};
        if (n > 0) {
            period.it_interval.tv_nsec = period.it_value.tv_nsec = SWEEP_MS * 1000000L;
        }
        timerfd_settime(timer_fd, 0, &period, NULL);
        sweeping = n > 0;
    }
}

static void close_client(client_t *client) {
    epoll_set(EPOLL_CTL_DEL, client->fd, 0, 0);
    close(client->fd);
    client->fd = -1;
    client->state = FREE;
}

/* ---- replies ---------------------------------------------------------------------------- */

/* Sends what the socket takes now; after the whole reply, waits for the browser to hang up
** (closing with its bytes unread would reset the connection and could cut the reply short). */
static void send_pending(client_t *client) {
    while (client->head_sent < client->head_len || client->body_sent < client->body_len) {
        const void *from;
        size_t len;
        if (client->head_sent < client->head_len) {
            from = client->head + client->head_sent;
            len = client->head_len - client->head_sent;
        } else {
            from = client->body + client->body_sent;
            len = client->body_len - client->body_sent;
        }
        ssize_t sent = send(client->fd, from, len, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                close_client(client);
            }
            return;
        }
        if (client->head_sent < client->head_len) {
            client->head_sent += (size_t)sent;
        } else {
            client->body_sent += (size_t)sent;
        }
    }
    shutdown(client->fd, SHUT_WR);
    client->state = DRAINING;
    epoll_set(EPOLL_CTL_MOD, client->fd, EPOLLIN, (uint32_t)(client - clients));
}

static void reply(client_t *client, int status, const char *type, const uint8_t *body, size_t body_len, bool with_body) {
    const char *reason = status == 200   ? "OK"
                         : status == 400 ? "Bad Request"
                         : status == 404 ? "Not Found"
                         : status == 405 ? "Method Not Allowed"
                                         : "Request Entity Too Large";
    if (status != 200) {
        type = "text/plain; charset=utf-8";
        body = (const uint8_t *)reason;
        body_len = strlen(reason);
    }
    int len = snprintf(client->head, sizeof client->head,
                       "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n%s"
                       "Cache-Control: no-store\r\nConnection: close\r\n\r\n",
                       status, reason, type, body_len, status == 405 ? "Allow: GET, HEAD\r\n" : "");
    client->head_len = len > 0 && (size_t)len < sizeof client->head ? (size_t)len : 0;
    client->head_sent = 0;
    client->body = body;
    client->body_len = with_body ? body_len : 0;
    client->body_sent = 0;
    client->state = SENDING;
    epoll_set(EPOLL_CTL_MOD, client->fd, EPOLLIN | EPOLLOUT, (uint32_t)(client - clients));
    send_pending(client);
}

/* A path the page may ask for: printable, absolute, no "..", no escapes or backslashes. */
static bool path_is_plain(const char *path) {
    if (path[0] != '/' || strstr(path, "..") != NULL || strstr(path, "//") != NULL) {
        return false;
    }
    for (const char *p = path; *p != '\0'; p++) {
        if (*p <= ' ' || *p >= 0x7f || *p == '%' || *p == '\\') {
            return false;
        }
    }
    return true;
}

/* The request head is complete (NUL-terminated in client->request): answer it. */
static void answer(client_t *client) {
    char *line = client->request;
    char *line_end = strpbrk(line, "\r\n");
    if (line_end != NULL) {
        *line_end = '\0';
    }
    char *method = line;
    char *path = strchr(method, ' ');
    char *version = path != NULL ? strchr(path + 1, ' ') : NULL;
    if (version == NULL || strchr(version + 1, ' ') != NULL) {
        reply(client, 400, NULL, NULL, 0, true);
        return;
    }
    *path++ = '\0';
    *version++ = '\0';
    if (strncmp(version, "HTTP/1.", 7) != 0 || version[7] < '0' || version[7] > '9' || version[8] != '\0') {
        reply(client, 400, NULL, NULL, 0, true);
        return;
    }
    bool head_only = strcmp(method, "HEAD") == 0;
    if (strcmp(method, "GET") != 0 && !head_only) {
        reply(client, 405, NULL, NULL, 0, true);
        return;
    }
    char *query = strchr(path, '?');
    if (query != NULL) {
        *query = '\0';
    }
    if (!path_is_plain(path)) {
        reply(client, 400, NULL, NULL, 0, !head_only);
        return;
    }
    if (strcmp(path, "/") == 0) {
        path = "/index.html";
    }
    if (strcmp(path, "/config.js") == 0) {
        reply(client, 200, "text/javascript; charset=utf-8", (const uint8_t *)config_js, config_js_len, !head_only);
        return;
    }
    for (size_t i = 0; i < sizeof page_files / sizeof page_files[0]; i++) {
        if (strcmp(path, page_files[i].path) == 0) {
            reply(client, 200, page_files[i].type, page_files[i].data, page_files[i].size, !head_only);
            return;
        }
    }
    reply(client, 404, NULL, NULL, 0, !head_only);
}

/* ---- events ----------------------------------------------------------------------------- */

static void on_client_readable(client_t *client) {
    char discard[512];
    char *into = discard;
    size_t room = sizeof discard;
    if (client->state == READING) {
        into = client->request + client->request_len;
        room = REQUEST_MAX - 1 - client->request_len;
    }
    ssize_t got = recv(client->fd, into, room, MSG_DONTWAIT);
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        return;
    }
    if (got <= 0) {
        close_client(client); /* the browser hung up (or went away mid-request) */
        return;
    }
    if (client->state != READING) {
        return; /* whatever follows the request is not looked at */
    }
    client->request_len += (size_t)got;
    client->request[client->request_len] = '\0';
    if (memchr(client->request, '\0', client->request_len) != NULL) {
        reply(client, 400, NULL, NULL, 0, true); /* binary garbage */
    } else if (strstr(client->request, "\r\n\r\n") != NULL || strstr(client->request, "\n\n") != NULL) {
        answer(client);
    } else if (client->request_len == REQUEST_MAX - 1) {
        reply(client, 413, NULL, NULL, 0, true);
    }
}

static void accept_clients(void) {
    for (size_t i = 0; i < MAX_CLIENTS; i++) {
        client_t *client = &clients[i];
        if (client->state != FREE) {
            continue;
        }
        int conn = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (conn < 0) {
            return;
        }
        client->fd = conn;
        client->state = READING;
        client->request_len = 0;
        client->deadline_us = es_sim_monotonic_us() + CLIENT_TIMEOUT_MS * 1000u;
        epoll_set(EPOLL_CTL_ADD, conn, EPOLLIN, (uint32_t)i);
    }
}

static void drop_late_clients(void) {
    uint64_t now = es_sim_monotonic_us();
    for (size_t i = 0; i < MAX_CLIENTS; i++) {
        if (clients[i].state != FREE && now > clients[i].deadline_us) {
            close_client(&clients[i]);
        }
    }
}

/* The event loop found the epoll descriptor readable: serve what is ready, without waiting. */
static void on_events(int fd, void *ctx) {
    (void)fd;
    (void)ctx;
    struct epoll_event events[MAX_CLIENTS + 2];
    int n = epoll_wait(epoll_fd, events, MAX_CLIENTS + 2, 0);
    for (int i = 0; i < n; i++) {
        uint32_t tag = events[i].data.u32;
        if (tag == EV_LISTENER) {
            accept_clients();
        } else if (tag == EV_TIMER) {
            uint64_t expirations;
            ssize_t got = read(timer_fd, &expirations, sizeof expirations);
            (void)got;
            drop_late_clients();
        } else if (tag < MAX_CLIENTS && clients[tag].state != FREE) {
            client_t *client = &clients[tag];
            if (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
                on_client_readable(client);
            }
            if (client->state == SENDING && (events[i].events & EPOLLOUT)) {
                send_pending(client);
            }
        }
    }
    update_listener_and_timer();
}

void es_sim_page_server_start(void) {
    if (page_port == 0) {
        return;
    }
    long board_port = (long)es_sim_net_port_base() + BOARD_WEBREPL_PORT;
    int len = snprintf(config_js, sizeof config_js, "var espyConfig = {boardPort: %ld};\n", board_port <= 65535 ? board_port : 0);
    config_js_len = len > 0 && (size_t)len < sizeof config_js ? (size_t)len : 0;
    for (size_t i = 0; i < MAX_CLIENTS; i++) {
        clients[i] = (client_t){.fd = -1, .state = FREE};
    }
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)page_port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int one = 1;
    epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (epoll_fd < 0 || timer_fd < 0 || listen_fd < 0 ||
        setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        bind(listen_fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(listen_fd, 16) != 0) {
        /* The board runs anyway: the page is a convenience. */
        fprintf(stderr, "esp8266-sim: warning: no WebREPL page on 127.0.0.1:%d: %s\n", page_port, strerror(errno));
        int *fds[] = {&epoll_fd, &timer_fd, &listen_fd};
        for (size_t i = 0; i < 3; i++) {
            if (*fds[i] >= 0) {
                close(*fds[i]);
                *fds[i] = -1;
            }
        }
        return;
    }
    epoll_set(EPOLL_CTL_ADD, listen_fd, EPOLLIN, EV_LISTENER);
    epoll_set(EPOLL_CTL_ADD, timer_fd, EPOLLIN, EV_TIMER);
    accepting = true;
    es_sim_watch_fd(epoll_fd, on_events, NULL);
    fprintf(stderr, "esp8266-sim: WebREPL page on http://127.0.0.1:%d/\n", page_port);
}
