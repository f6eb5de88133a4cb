/* control.c: --control PATH, the line protocol on a Unix-domain socket through which tests play the world around the board. */

#define _GNU_SOURCE /* accept4 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/board.h"
#include "ports/esp8266/sim/pads.h"

/*
** docs/control-protocol.md describes the commands. Each client sends lines; each non-blank
** line gets exactly one reply line: "ok", the answer to a query, or "error: ...". A line
** longer than LINE_MAX is answered with an error and dropped. Replies are sent without
** blocking: a client that stops reading loses replies rather than stalling the board.
*/
/* The event loop watches few descriptors (UART, network, this socket and its clients). */
#define MAX_CLIENTS (3)
#define LINE_MAX (256)
#define MAX_WORDS (16)
#define REPLY_MAX (2 * UART1_CHUNK + 16)
#define UART1_CHUNK (1024)

typedef struct client_t {
    int fd; /* -1: free slot */
    size_t len;
    bool too_long;
    char line[LINE_MAX];
} client_t;

static int listen_fd = -1;
static client_t clients[MAX_CLIENTS];
static char socket_path[sizeof(((struct sockaddr_un *)0)->sun_path)];

static void send_reply(client_t *client, const char *text) {
    char buf[REPLY_MAX + 1];
    size_t len = strlen(text);
    if (len > REPLY_MAX) {
        len = REPLY_MAX;
    }
    memcpy(buf, text, len);
    buf[len++] = '\n';
    ssize_t sent = send(client->fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
    (void)sent;
}

/* A whole decimal number in [min, max]. */
static bool parse_number(const char *word, long min, long max, long *value) {
    char *end;
    errno = 0;
    long v = strtol(word, &end, 10);
    if (*word == '\0' || *end != '\0' || errno != 0 || v < min || v > max) {
        return false;
    }
    *value = v;
    return true;
}

static void command_pin(char **words, int n, bool query, char *reply, size_t size) {
    long pin;
    if (n < 2 || !parse_number(words[1], 0, 16, &pin) || !es_sim_pin_is_usable((int)pin)) {
        snprintf(reply, size, "error: invalid pin %s", n < 2 ? "(none)" : words[1]);
    } else if (query && n == 2) {
        es_sim_gpio_describe((int)pin, reply, size);
    } else if (!query && n == 3 && (strcmp(words[2], "0") == 0 || strcmp(words[2], "1") == 0)) {
        es_sim_gpio_set_external((int)pin, words[2][0] - '0');
        snprintf(reply, size, "ok");
    } else if (!query && n == 3 && strcmp(words[2], "float") == 0) {
        es_sim_gpio_set_external((int)pin, -1);
        snprintf(reply, size, "ok");
    } else {
        snprintf(reply, size, "error: usage: pin N 0|1|float, or pin N?");
    }
}

static void command_pwm(char **words, int n, bool query, char *reply, size_t size) {
    long pin;
    if (!query || n != 2) {
        snprintf(reply, size, "error: usage: pwm N?");
    } else if (!parse_number(words[1], 0, 16, &pin) || !es_sim_pin_is_usable((int)pin)) {
        snprintf(reply, size, "error: invalid pin %s", words[1]);
    } else {
        es_sim_pwm_describe((int)pin, reply, size);
    }
}

static void command_adc(char **words, int n, bool query, char *reply, size_t size) {
    long channel, value;
    if (n < 2 || !parse_number(words[1], 0, 1, &channel)) {
        snprintf(reply, size, "error: invalid ADC channel %s", n < 2 ? "(none)" : words[1]);
    } else if (query && n == 2) {
        snprintf(reply, size, "adc %ld %u", channel, (unsigned)es_chip_adc_read((int)channel));
    } else if (!query && n == 3 && parse_number(words[2], 0, channel == 0 ? 1024 : 65535, &value)) {
        es_sim_adc_set((int)channel, (uint32_t)value);
        snprintf(reply, size, "ok");
    } else {
        snprintf(reply, size, "error: usage: adc 0 0..1024, adc 1 0..65535, or adc N?");
    }
}

static void command_uart1(char *reply, size_t size) {
    uint8_t data[UART1_CHUNK];
    size_t got = es_sim_uart1_take(data, size / 2 - 8 < sizeof data ? size / 2 - 8 : sizeof data);
    size_t at = (size_t)snprintf(reply, size, "uart1 ");
    for (size_t i = 0; i < got && at + 3 < size; i++) {
        at += (size_t)snprintf(reply + at, size - at, "%02x", data[i]);
    }
}

/* Splits line into words; a '?' at the end of the line marks a query. */
static int split_words(char *line, char **words, bool *query) {
    size_t len = strlen(line);
    while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r')) {
        line[--len] = '\0';
    }
    *query = len > 0 && line[len - 1] == '?';
    if (*query) {
        line[--len] = '\0';
    }
    int n = 0;
    for (char *word = strtok(line, " \t\r"); word != NULL; word = strtok(NULL, " \t\r")) {
        if (n == MAX_WORDS) {
            return -1;
        }
        words[n++] = word;
    }
    return n;
}

static void handle_line(client_t *client, char *line) {
    char reply[REPLY_MAX];
    char *words[MAX_WORDS];
    bool query;
    int n = split_words(line, words, &query);
    if (n == 0 && !query) {
        return; /* blank lines are ignored */
    }
    if (n <= 0) {
        snprintf(reply, sizeof reply, n < 0 ? "error: too many words" : "error: empty query");
    } else if (strcmp(words[0], "pin") == 0) {
        command_pin(words, n, query, reply, sizeof reply);
    } else if (strcmp(words[0], "pwm") == 0) {
        command_pwm(words, n, query, reply, sizeof reply);
    } else if (strcmp(words[0], "adc") == 0) {
        command_adc(words, n, query, reply, sizeof reply);
    } else if (strcmp(words[0], "uart1") == 0 && query && n == 1) {
        command_uart1(reply, sizeof reply);
    } else if (strcmp(words[0], "time") == 0 && query && n == 1) {
        snprintf(reply, sizeof reply, "time %llu", (unsigned long long)es_chip_uptime_us());
    } else if (strcmp(words[0], "reset") == 0 && !query && n == 1) {
        send_reply(client, "ok");
        es_sim_press_reset();
        return;
    } else if (strcmp(words[0], "help") == 0) {
        snprintf(reply, sizeof reply,
                 "ok commands: pin N 0|1|float; pin N?; pwm N?; adc N V; adc N?; uart1?; time?; reset; "
                 "device commands (i2c, spi, onewire, dht); wifi ap|noap|station|aps?");
    } else {
        static char query_word[] = "?";
        if (query && n < MAX_WORDS) {
            words[n++] = query_word; /* devices see the query mark as a word of its own */
        }
        if (!es_sim_devices_command(words, n, reply, sizeof reply) &&
            !es_sim_wifi_command(words, n, reply, sizeof reply)) {
            snprintf(reply, sizeof reply, "error: unknown command '%.40s'", words[0]);
        }
    }
    send_reply(client, reply);
}

static void drop_client(client_t *client) {
    es_sim_unwatch_fd(client->fd);
    close(client->fd);
    client->fd = -1;
}

static void on_client_readable(int fd, void *ctx) {
    client_t *client = ctx;
    char buf[512];
    ssize_t got = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        return;
    }
    if (got <= 0) {
        drop_client(client);
        return;
    }
    for (ssize_t i = 0; i < got && client->fd >= 0; i++) {
        char c = buf[i];
        if (c == '\n') {
            client->line[client->len] = '\0';
            if (client->too_long) {
                send_reply(client, "error: line too long");
            } else {
                handle_line(client, client->line);
            }
            client->len = 0;
            client->too_long = false;
        } else if (c == '\r') {
            continue; /* "\r\n" ends a line as "\n" does */
        } else if (client->len + 1 < LINE_MAX) {
            /* Only printable ASCII gets in, so no reply ever echoes a control byte. */
            client->line[client->len++] = (c >= ' ' && c < 0x7f) || c == '\t' ? c : '?';
        } else {
            client->too_long = true;
        }
    }
}

/* Drops clients that have hung up but whose end of file the event loop has not yet reported. */
static void drop_departed_clients(void) {
    for (int i = 0; i < MAX_CLIENTS; i++) {
        char byte;
        if (clients[i].fd >= 0 && recv(clients[i].fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0) {
            drop_client(&clients[i]);
        }
    }
}

static void on_connection(int fd, void *ctx) {
    (void)ctx;
    int conn = accept4(fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (conn < 0) {
        return;
    }
    drop_departed_clients();
    for (int i = 0; i < MAX_CLIENTS; i++) {
        if (clients[i].fd < 0) {
            clients[i].fd = conn;
            clients[i].len = 0;
            clients[i].too_long = false;
            es_sim_watch_fd(conn, on_client_readable, &clients[i]);
            return;
        }
    }
    const char busy[] = "error: too many clients\n";
    ssize_t sent = send(conn, busy, sizeof busy - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
    (void)sent;
    close(conn);
}

static void remove_socket(void) {
    unlink(socket_path);
}

int es_sim_control_open(const char *path) {
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof addr.sun_path) {
        return -ENAMETOOLONG;
    }
    strcpy(addr.sun_path, path);
    for (int i = 0; i < MAX_CLIENTS; i++) {
        clients[i].fd = -1;
    }
    /* A socket left behind by an earlier run is replaced; any other file is not. */
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode)) {
        unlink(path);
    }
    listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listen_fd < 0 || bind(listen_fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(listen_fd, MAX_CLIENTS) != 0) {
        int err = errno;
        if (listen_fd >= 0) {
            close(listen_fd);
            listen_fd = -1;
        }
        return -err;
    }
    es_sim_watch_fd(listen_fd, on_connection, NULL);
    strcpy(socket_path, path);
    atexit(remove_socket);
    return 0;
}
