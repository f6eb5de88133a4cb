/* wifi.c: the simulator's radio world (access points in range, stations on the board's AP) and its IP stack on the host's sockets. */

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "extmod/modsocket.h"
#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/board.h"
#include "ports/esp8266/wifi.h"
#include "py/gc.h"
#include "py/runtime.h"

/*
** The world: access points the station can hear and join, and stations attached to the
** board's own access point. It comes from --wifi FILE and changes through the control
** socket's "wifi" commands (docs/networking-esp8266.md).
**
** The board's IP stack is the host's: a server port P on the board listens on 127.0.0.1 at
** --net-port-base + P (default 10000, so WebREPL's 8266 is 18266 on the host). The lwIP
** socket option 20 (a callback run, as a soft callback, when the socket becomes readable)
** is served by the simulator's event loop.
*/

#define MAX_APS (16)
#define MAX_STATIONS (8)
#define DEFAULT_PORT_BASE (10000)

typedef struct {
    uint8_t mac[6];
    uint8_t ip[4];
} station_t;

static es_wifi_ap_t aps[MAX_APS];
static size_t n_aps;
static station_t stations[MAX_STATIONS];
static size_t n_stations;
static int port_base = DEFAULT_PORT_BASE;

bool es_wifi_world_ap(size_t i, es_wifi_ap_t *out) {
    if (i >= n_aps) {
        return false;
    }
    *out = aps[i];
    return true;
}

bool es_wifi_world_station(size_t i, uint8_t mac[6], uint8_t ip[4]) {
    if (i >= n_stations) {
        return false;
    }
    memcpy(mac, stations[i].mac, 6);
    memcpy(ip, stations[i].ip, 4);
    return true;
}

/* ---- describing the world ------------------------------------------------------------------ */

static bool parse_mac(const char *text, uint8_t mac[6]) {
    unsigned b[6];
    char tail;
    if (sscanf(text, "%x:%x:%x:%x:%x:%x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &tail) != 6) {
        return false;
    }
    for (int i = 0; i < 6; i++) {
        if (b[i] > 255) {
            return false;
        }
        mac[i] = (uint8_t)b[i];
    }
    return true;
}

static bool parse_ip4(const char *text, uint8_t ip[4]) {
    unsigned b[4];
    char tail;
    if (sscanf(text, "%u.%u.%u.%u%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4) {
        return false;
    }
    for (int i = 0; i < 4; i++) {
        if (b[i] > 255) {
            return false;
        }
        ip[i] = (uint8_t)b[i];
    }
    return true;
}

static int find_ap(const char *ssid) {
    for (size_t i = 0; i < n_aps; i++) {
        if (strcmp(aps[i].ssid, ssid) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* "ap SSID KEY [channel=N] [rssi=N] [security=N] [bssid=MAC] [hidden]" (KEY "-": open).
** Adds or replaces the access point; NULL, or what is wrong. */
static const char *add_ap(char **words, int n) {
    if (n < 3) {
        return "usage: ap SSID KEY|- [channel=N] [rssi=N] [security=N] [bssid=MAC] [hidden]";
    }
    es_wifi_ap_t ap;
    memset(&ap, 0, sizeof(ap));
    if (strlen(words[1]) > 32 || strlen(words[2]) > 64) {
        return "ssid or key too long";
    }
    strcpy(ap.ssid, words[1]);
    bool open = strcmp(words[2], "-") == 0;
    strcpy(ap.key, open ? "" : words[2]);
    ap.authmode = open ? 0 : 3;
    ap.channel = 6;
    ap.rssi = -60;
    /* A stable BSSID per name, so scans look the same from run to run. */
    uint32_t hash = 2166136261u;
    for (const char *c = ap.ssid; *c; c++) {
        hash = (hash ^ (uint8_t)*c) * 16777619u;
    }
    uint8_t bssid[6] = {0x02, 0x00, (uint8_t)(hash >> 24), (uint8_t)(hash >> 16), (uint8_t)(hash >> 8), (uint8_t)hash};
    memcpy(ap.bssid, bssid, 6);
    for (int i = 3; i < n; i++) {
        char *eq = strchr(words[i], '=');
        long value = eq != NULL ? strtol(eq + 1, NULL, 0) : 0;
        if (strcmp(words[i], "hidden") == 0) {
            ap.hidden = true;
        } else if (eq != NULL && strncmp(words[i], "channel=", 8) == 0 && value >= 1 && value <= 14) {
            ap.channel = (uint8_t)value;
        } else if (eq != NULL && strncmp(words[i], "rssi=", 5) == 0 && value >= -120 && value <= 0) {
            ap.rssi = (int8_t)value;
        } else if (eq != NULL && strncmp(words[i], "security=", 9) == 0 && value >= 0 && value <= 4) {
            ap.authmode = (uint8_t)value;
        } else if (eq != NULL && strncmp(words[i], "bssid=", 6) == 0 && parse_mac(eq + 1, ap.bssid)) {
        } else {
            return "bad attribute";
        }
    }
    int at = find_ap(ap.ssid);
    if (at < 0) {
        if (n_aps == MAX_APS) {
            return "too many access points";
        }
        at = (int)n_aps++;
    }
    aps[at] = ap;
    return NULL;
}

static const char *remove_ap(const char *ssid) {
    int at = find_ap(ssid);
    if (at < 0) {
        return "no such access point";
    }
    aps[at] = aps[--n_aps];
    return NULL;
}

/* "station MAC IP": a device joins the board's access point; "station MAC -" leaves. */
static const char *set_station(char **words, int n) {
    station_t st;
    if (n != 3 || !parse_mac(words[1], st.mac)) {
        return "usage: station MAC IP|-";
    }
    for (size_t i = 0; i < n_stations; i++) {
        if (memcmp(stations[i].mac, st.mac, 6) == 0) {
            stations[i] = stations[--n_stations];
            break;
        }
    }
    if (strcmp(words[2], "-") == 0) {
        return NULL;
    }
    if (!parse_ip4(words[2], st.ip)) {
        return "bad address";
    }
    if (n_stations == MAX_STATIONS) {
        return "too many stations";
    }
    stations[n_stations++] = st;
    return NULL;
}

/* One line of the world file or of a "wifi ..." control command (without "wifi"). */
static const char *world_line(char **words, int n) {
    if (n == 0) {
        return NULL;
    }
    if (strcmp(words[0], "ap") == 0) {
        return add_ap(words, n);
    }
    if (strcmp(words[0], "noap") == 0 && n == 2) {
        return remove_ap(words[1]);
    }
    if (strcmp(words[0], "station") == 0) {
        return set_station(words, n);
    }
    return "unknown wifi command";
}

static int split_words(char *line, char **words, int max) {
    int n = 0;
    for (char *w = strtok(line, " \t\r\n"); w != NULL && n < max; w = strtok(NULL, " \t\r\n")) {
        words[n++] = w;
    }
    return n;
}

static int load_world(const char *path) {
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return -errno;
    }
    char line[256];
    int line_no = 0;
    while (fgets(line, sizeof(line), f) != NULL) {
        line_no++;
        char *hash = strchr(line, '#');
        if (hash != NULL) {
            *hash = '\0';
        }
        char *words[12];
        int n = split_words(line, words, 12);
        const char *problem = world_line(words, n);
        if (problem != NULL) {
            fprintf(stderr, "esp8266-sim: %s:%d: %s\n", path, line_no, problem);
            fclose(f);
            return -EINVAL;
        }
    }
    fclose(f);
    return 0;
}

bool es_sim_wifi_command(char **words, int n_words, char *reply, size_t reply_size) {
    if (n_words < 1 || strcmp(words[0], "wifi") != 0) {
        return false;
    }
    if (n_words == 3 && strcmp(words[1], "aps") == 0 && strcmp(words[2], "?") == 0) {
        int len = snprintf(reply, reply_size, "wifi aps");
        for (size_t i = 0; i < n_aps && len < (int)reply_size; i++) {
            len += snprintf(reply + len, reply_size - (size_t)len, " %s", aps[i].ssid);
        }
        return true;
    }
    const char *problem = world_line(words + 1, n_words - 1);
    snprintf(reply, reply_size, problem == NULL ? "ok" : "error: %s", problem);
    return true;
}

int es_sim_net_option(const char *opt, const char *arg) {
    if (strcmp(opt, "--wifi") == 0) {
        return load_world(arg) == 0 ? 1 : -EINVAL;
    }
    if (strcmp(opt, "--net-port-base") == 0) {
        char *end;
        long base = strtol(arg, &end, 0);
        if (*end != '\0' || base < 0 || base > 65535) {
            return -EINVAL;
        }
        port_base = (int)base;
        return 1;
    }
    return 0;
}

int es_sim_net_port_base(void) {
    return port_base;
}

/* ---- the IP stack's hooks (extmod/modsocket.h) ------------------------------------------------ */

void es_port_socket_bind_addr(struct sockaddr_storage *addr) {
    if (addr->ss_family != AF_INET) {
        return;
    }
    struct sockaddr_in *a4 = (struct sockaddr_in *)addr;
    unsigned port = ntohs(a4->sin_port);
    /* Whatever address the board names is the host's loopback; port 0 stays "any port". */
    a4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (port != 0) {
        unsigned mapped = port + (unsigned)port_base;
        if (mapped > 65535) {
            es_raise_os_error(EADDRNOTAVAIL);
        }
        a4->sin_port = htons((uint16_t)mapped);
    }
}

/*
** Sockets with a readable-callback (option 20), and the callbacks: the collector's roots.
**
** lwIP calls the callback once for each arrival (a connection to accept, a segment of data,
** the end of the stream), not over and over while something waits. The host's poll says
** "readable" for as long as something waits, so a callback that takes nothing (no accept, no
** byte read: a REPL whose input buffer is full, a callback that ignores the end of a stream)
** is parked: its socket is no longer watched until more arrives or what waited is taken by
** other means (looked at on a slow timer). A listener whose accept would fail with ENOMEM
** (all five sockets in use) is parked without being called, until a socket is closed.
*/
#define PARKED_CHECK_US (20000u)

typedef struct {
    int fd;           /* -1: free */
    bool scheduled;
    bool parked;
    bool listening;
    bool taken;       /* the callback accepted or read something */
    uint32_t waiting; /* connections to accept or bytes to read, when it was parked */
    es_obj_t sock;
    es_obj_t callback;
} readable_cb_t;

static readable_cb_t callbacks[ES_SOCKET_MAX_OPEN];
static bool callbacks_ready;
static es_sim_timer_t parked_timer;

static void init_callbacks(void) {
    if (!callbacks_ready) {
        for (size_t i = 0; i < ES_SOCKET_MAX_OPEN; i++) {
            callbacks[i] = (readable_cb_t){.fd = -1, .sock = ES_OBJ_NONE, .callback = ES_OBJ_NONE};
        }
        callbacks_ready = true;
    }
}

static readable_cb_t *callback_of_fd(int fd) {
    init_callbacks();
    for (size_t i = 0; i < ES_SOCKET_MAX_OPEN; i++) {
        if (callbacks[i].fd == fd) {
            return &callbacks[i];
        }
    }
    return NULL;
}

static void forget_callback(readable_cb_t *cb) {
    es_sim_unwatch_fd(cb->fd);
    *cb = (readable_cb_t){.fd = -1, .sock = ES_OBJ_NONE, .callback = ES_OBJ_NONE};
}

/* What waits on fd: connections in a listener's accept queue, or bytes to read. */
static uint32_t waiting_on(const readable_cb_t *cb) {
    if (cb->listening) {
        struct tcp_info info;
        socklen_t len = sizeof(info);
        if (getsockopt(cb->fd, IPPROTO_TCP, TCP_INFO, &info, &len) == 0) {
            return info.tcpi_unacked; /* for a listening socket: the accept queue's length */
        }
    }
    int bytes = 0;
    return ioctl(cb->fd, FIONREAD, &bytes) == 0 && bytes > 0 ? (uint32_t)bytes : 0;
}

static bool is_readable(int fd) {
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    return poll(&pfd, 1, 0) > 0;
}

static void on_readable(int fd, void *ctx);
static void check_parked(void *ctx);

static void park(readable_cb_t *cb) {
    es_sim_unwatch_fd(cb->fd);
    cb->parked = true;
    cb->waiting = waiting_on(cb);
    es_sim_timer_start(&parked_timer, es_chip_uptime_us() + PARKED_CHECK_US, check_parked, NULL);
}

static void unpark(readable_cb_t *cb) {
    cb->parked = false;
    es_sim_watch_fd(cb->fd, on_readable, NULL);
}

/* From the event loop: a parked socket is watched again once more has arrived for it, or once
** what waited has gone (taken by a direct read or accept, so the next arrival is news). */
static void check_parked(void *ctx) {
    ES_UNUSED(ctx);
    bool any = false;
    for (size_t i = 0; i < ES_SOCKET_MAX_OPEN; i++) {
        readable_cb_t *cb = &callbacks[i];
        if (cb->fd < 0 || !cb->parked) {
            continue;
        }
        uint32_t now = waiting_on(cb);
        if (now != cb->waiting) {
            unpark(cb);
        } else {
            any = true;
        }
    }
    if (any) {
        es_sim_timer_start(&parked_timer, es_chip_uptime_us() + PARKED_CHECK_US, check_parked, NULL);
    }
}

/* The soft callback: runs the user's function if the socket still has something to read. */
static es_obj_t run_readable_callback(es_obj_t sock) {
    init_callbacks();
    readable_cb_t *cb = NULL;
    for (size_t i = 0; i < ES_SOCKET_MAX_OPEN; i++) {
        if (callbacks[i].fd >= 0 && callbacks[i].sock == sock && callbacks[i].scheduled) {
            cb = &callbacks[i];
            break;
        }
    }
    if (cb == NULL) {
        return ES_OBJ_NONE;
    }
    cb->scheduled = false;
    int fd = cb->fd;
    if (!is_readable(fd)) {
        es_sim_watch_fd(fd, on_readable, NULL);
        return ES_OBJ_NONE;
    }
    if (cb->listening && !es_socket_has_room()) {
        /* accept would fail with ENOMEM: the connection waits, as it does for a free PCB on the chip. */
        park(cb);
        return ES_OBJ_NONE;
    }
    cb->taken = false;
    es_obj_t callback = cb->callback;
    es_nlr_buf_t nlr;
    bool raised = es_nlr_push(&nlr) != 0;
    if (!raised) {
        es_call_function_1(callback, sock);
        es_nlr_pop();
    }
    /* The callback may have closed the socket or set another callback: look it up again. */
    cb = callback_of_fd(fd);
    if (cb != NULL && cb->sock == sock && !cb->scheduled && !cb->parked) {
        if (!cb->taken && is_readable(fd)) {
            park(cb); /* nothing was taken: wait for news instead of calling again at once */
        } else {
            es_sim_watch_fd(fd, on_readable, NULL);
        }
    }
    if (raised) {
        es_nlr_jump(nlr.ret_val);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(run_readable_callback_obj, ES_Q_callback, run_readable_callback);

/* From the event loop (interrupt context): hand the work to a soft callback. */
static void on_readable(int fd, void *ctx) {
    ES_UNUSED(ctx);
    readable_cb_t *cb = callback_of_fd(fd);
    es_sim_unwatch_fd(fd);
    if (cb == NULL || cb->scheduled) {
        return;
    }
    cb->scheduled = true;
    if (!es_sched_schedule(ES_OBJ_FROM_CONST(run_readable_callback_obj), cb->sock)) {
        /* The queue is full: look again a little later. */
        cb->scheduled = false;
        park(cb);
        cb->waiting = UINT32_MAX;
    }
}

bool es_port_socket_setsockopt(es_obj_t sock, int fd, int level, int option, es_obj_t value) {
    if (level != SOL_SOCKET || option != 20) {
        return false;
    }
    readable_cb_t *cb = callback_of_fd(fd);
    if (value == ES_OBJ_NONE) {
        if (cb != NULL) {
            forget_callback(cb);
        }
        return true;
    }
    if (cb == NULL) {
        cb = callback_of_fd(-1);
        if (cb == NULL) {
            es_raise_os_error(ENOMEM);
        }
    }
    int listening = 0;
    socklen_t len = sizeof(listening);
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0) {
        listening = 0;
    }
    *cb = (readable_cb_t){.fd = fd, .listening = listening != 0, .sock = sock, .callback = value};
    es_sim_watch_fd(fd, on_readable, NULL);
    return true;
}

void es_port_socket_taken(int fd) {
    readable_cb_t *cb = callback_of_fd(fd);
    if (cb != NULL) {
        cb->taken = true;
    }
}

/* A socket closes: its callback goes, and listeners waiting for room may accept again. */
void es_port_socket_closed(int fd) {
    readable_cb_t *cb = callback_of_fd(fd);
    if (cb != NULL) {
        forget_callback(cb);
    }
    for (size_t i = 0; i < ES_SOCKET_MAX_OPEN; i++) {
        if (callbacks[i].fd >= 0 && callbacks[i].parked && callbacks[i].listening) {
            unpark(&callbacks[i]);
        }
    }
}

void es_wifi_gc_mark_roots(void) {
    init_callbacks();
    for (size_t i = 0; i < ES_SOCKET_MAX_OPEN; i++) {
        es_gc_mark_range((void *const *)&callbacks[i].sock, 2);
    }
}

/* At a hard restart the chip's IP stack starts empty: every socket of the board goes. */
void es_sim_wifi_hard_reset(void) {
    init_callbacks();
    for (size_t i = 0; i < ES_SOCKET_MAX_OPEN; i++) {
        if (callbacks[i].fd >= 0) {
            forget_callback(&callbacks[i]);
        }
    }
    es_sim_timer_stop(&parked_timer);
    es_socket_close_all();
    es_network_hard_reset();
}
