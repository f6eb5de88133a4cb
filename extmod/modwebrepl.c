/* modwebrepl.c: the _webrepl module: password login and the file-transfer protocol on a websocket, as a REPL stream. */

#include <errno.h>
#include <string.h>

#include "extmod/fileio.h"
#include "extmod/websocket.h"
#include "py/hal.h"
#include "py/nlr.h"
#include "py/runtime.h"
#include "py/stream.h"
#include "py/unicode.h"

/*
** A _webrepl object wraps a websocket and is what os.dupterm attaches: reads give the REPL
** the bytes of text frames, writes send REPL output as text frames. Binary frames carry the
** file protocol (PUT_FILE, GET_FILE, GET_VER), handled here in full. Until the password is
** accepted nothing reaches the REPL and no REPL output reaches the client.
**
** Beyond the reference: the password is compared in constant time, and guessing is slow. Each
** wrong password locks the login for a delay that doubles with each failure in a row (1 s, 2 s,
** ... up to 64 s; a right password starts the count again). The lock belongs to the board, not
** to the connection: a password that arrives while it holds (on a new connection, say) is
** checked only when it ends, so reconnecting gains nothing. The refused connection stays open,
** silent, until its delay has passed, then it is closed; a client that hangs up first ends its
** session at once, so the next one may log in (docs/networking-esp8266.md).
*/

#define PASSWORD_MAX (9)
#define PASSWORD_KEPT (10)
#define RECORD_SIZE (82)
#define GET_CHUNK (256)

enum { OP_PUT_FILE = 1, OP_GET_FILE = 2, OP_GET_VER = 3 };
/* HELD: the password line is in, waiting for the lock to end before it is checked. */
typedef enum { LOGIN, HELD, CONNECTED, DENIED, ENDED } session_state_t;
typedef enum { FILE_IDLE, FILE_PUT, FILE_GET } transfer_state_t;

typedef struct webrepl_obj_t {
    es_obj_base_t base;
    es_obj_t ws;
    es_obj_t file;        /* being sent or received, or ES_OBJ_NULL */
    uint32_t put_left;    /* bytes of the file still to arrive */
    uint8_t state;        /* session_state_t */
    uint8_t transfer;     /* transfer_state_t */
    uint8_t typed_len;
    uint8_t record_len;
    uint8_t pending_len;  /* an incomplete UTF-8 sequence held back from the last write */
    uint8_t pending[3];
    uint8_t typed[PASSWORD_KEPT];
    uint8_t record[RECORD_SIZE];
} webrepl_obj_t;

/* The configured password (webrepl.start sets it), the failures in a row and the lock they
** set: small, and they must outlive every session. */
static uint8_t configured_password[PASSWORD_MAX];
static uint8_t configured_len;
static uint8_t failed_logins;
static uint32_t locked_at_ms; /* ticks_ms of the last failure */
static uint32_t lock_ms;      /* 0: no lock */

/* An ended lock is forgotten, so that the tick counter wrapping round cannot bring it back. */
static bool login_locked(void) {
    if (lock_ms != 0 && es_hal_ticks_ms() - locked_at_ms >= lock_ms) {
        lock_ms = 0;
    }
    return lock_ms != 0;
}

static webrepl_obj_t *webrepl_of(es_obj_t self) { return es_obj_to_ptr(self); }

static es_obj_t webrepl_password(es_obj_t password) {
    size_t len = 0;
    const char *pw = es_obj_is_str(password) ? es_obj_str_get_data(password, &len) : NULL;
    if (pw == NULL || len > PASSWORD_MAX) {
        es_raise_msg(&es_type_ValueError, "password must be a str of at most 9 bytes");
    }
    memcpy(configured_password, pw, len);
    configured_len = (uint8_t)len;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(webrepl_password_obj, ES_Q_password, webrepl_password);

static es_obj_t webrepl_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 1, 1, false);
    webrepl_obj_t *w = es_new(webrepl_obj_t);
    memset(w, 0, sizeof(*w));
    w->base.type = type;
    w->ws = args[0];
    w->file = ES_OBJ_NULL;
    w->state = LOGIN;
    int err;
    es_websocket_write_frame(w->ws, ES_WEBSOCKET_TEXT, "Password: ", 10, &err);
    return es_obj_from_ptr(w);
}

static void send_frame(webrepl_obj_t *w, int type, const void *data, size_t len) {
    int err;
    es_websocket_write_frame(w->ws, type, data, len, &err);
}

static void send_status(webrepl_obj_t *w, uint16_t status) {
    uint8_t reply[4] = {'W', 'B', (uint8_t)status, (uint8_t)(status >> 8)};
    send_frame(w, ES_WEBSOCKET_BINARY, reply, sizeof(reply));
}

/* Every byte is looked at whatever the input, so the time taken tells nothing. */
static bool password_matches(const webrepl_obj_t *w) {
    uint8_t diff = (uint8_t)(w->typed_len ^ configured_len) | (configured_len == 0);
    for (size_t i = 0; i < PASSWORD_MAX; i++) {
        diff |= (uint8_t)(w->typed[i] ^ configured_password[i]);
    }
    return diff == 0;
}

static void check_password(webrepl_obj_t *w) {
    bool ok = password_matches(w);
    memset(w->typed, 0, sizeof(w->typed));
    w->typed_len = 0;
    if (ok) {
        failed_logins = 0;
        lock_ms = 0;
        w->state = CONNECTED;
        static const char welcome[] = "\r\nWebREPL connected\r\n>>> ";
        send_frame(w, ES_WEBSOCKET_TEXT, welcome, sizeof(welcome) - 1);
        return;
    }
    static const char denied[] = "\r\nAccess denied\r\n";
    send_frame(w, ES_WEBSOCKET_TEXT, denied, sizeof(denied) - 1);
    lock_ms = 1000u << (failed_logins < 6 ? failed_logins : 6);
    locked_at_ms = es_hal_ticks_ms();
    if (failed_logins < 255) {
        failed_logins++;
    }
    w->state = DENIED;
}

static void login_byte(webrepl_obj_t *w, uint8_t byte) {
    if (byte != '\r' && byte != '\n') {
        if (w->typed_len < PASSWORD_KEPT) {
            w->typed[w->typed_len++] = byte;
        }
        return;
    }
    if (login_locked()) {
        w->state = HELD;
        return;
    }
    check_password(w);
}

static void close_file(webrepl_obj_t *w) {
    if (w->file != ES_OBJ_NULL) {
        es_obj_t file = w->file;
        w->file = ES_OBJ_NULL;
        int err;
        es_stream_ioctl(file, ES_STREAM_CLOSE, 0, &err);
    }
    w->transfer = FILE_IDLE;
}

/* Opens the file a request names; false (and status 1 sent) when that fails. */
static bool open_requested(webrepl_obj_t *w, const char *mode) {
    const char *name = (const char *)w->record + 18;
    size_t len = strnlen(name, 64);
    if (len == 0 || len == 64 || !es_utf8_is_valid((const uint8_t *)name, len)) {
        send_status(w, 1);
        return false;
    }
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_t path = es_obj_new_str(name, len);
        w->file = es_call_function_2(ES_OBJ_FROM_CONST(es_io_open_obj), path, es_obj_new_str(mode, 2));
        es_nlr_pop();
        return true;
    }
    /* A missing file, a directory, a full filesystem: the client hears of it, the REPL goes on. */
    w->file = ES_OBJ_NULL;
    send_status(w, 1);
    return false;
}

static void start_request(webrepl_obj_t *w) {
    const uint8_t *r = w->record;
    w->record_len = 0;
    if (r[0] != 'W' || r[1] != 'A') {
        send_status(w, 1);
        return;
    }
    switch (r[2]) {
        case OP_PUT_FILE:
            if (open_requested(w, "wb")) {
                w->put_left = (uint32_t)r[12] | (uint32_t)r[13] << 8 | (uint32_t)r[14] << 16 | (uint32_t)r[15] << 24;
                w->transfer = FILE_PUT;
                send_status(w, 0);
                if (w->put_left == 0) {
                    close_file(w);
                    send_status(w, 0);
                }
            }
            break;
        case OP_GET_FILE:
            if (open_requested(w, "rb")) {
                w->transfer = FILE_GET;
                send_status(w, 0);
            }
            break;
        case OP_GET_VER: {
            static const uint8_t version[3] = {ES_MICROPYTHON_VERSION_MAJOR, ES_MICROPYTHON_VERSION_MINOR,
                                               ES_MICROPYTHON_VERSION_MICRO};
            send_frame(w, ES_WEBSOCKET_BINARY, version, sizeof(version));
            break;
        }
        default:
            send_status(w, 1);
            break;
    }
}

/* Writes into the file being received; a failure ends the transfer with status 1. */
static void put_data(webrepl_obj_t *w, const uint8_t *data, size_t len) {
    int err;
    if (es_stream_write_all(w->file, data, len, &err) == ES_STREAM_ERROR) {
        close_file(w);
        send_status(w, 1);
        return;
    }
    w->put_left -= (uint32_t)len;
    if (w->put_left == 0) {
        close_file(w);
        send_status(w, 0);
    }
}

/* The client asked for the next chunk: length (u16 LE) and data in one frame; 0 ends it. */
static void send_next_chunk(webrepl_obj_t *w) {
    uint8_t chunk[2 + GET_CHUNK];
    int err;
    size_t got = es_stream_read_exactly(w->file, chunk + 2, GET_CHUNK, &err);
    if (got == ES_STREAM_ERROR) {
        got = 0;
    }
    chunk[0] = (uint8_t)got;
    chunk[1] = (uint8_t)(got >> 8);
    send_frame(w, ES_WEBSOCKET_BINARY, chunk, 2 + got);
    if (got == 0) {
        close_file(w);
        send_status(w, 0);
    }
}

static void file_protocol(webrepl_obj_t *w, const uint8_t *data, size_t len) {
    while (len > 0) {
        if (w->transfer == FILE_PUT) {
            size_t n = len < w->put_left ? len : w->put_left;
            put_data(w, data, n);
            data += n;
            len -= n;
        } else if (w->transfer == FILE_GET) {
            data++;
            len--;
            send_next_chunk(w);
        } else {
            size_t n = RECORD_SIZE - w->record_len;
            n = n < len ? n : len;
            memcpy(w->record + w->record_len, data, n);
            w->record_len += (uint8_t)n;
            data += n;
            len -= n;
            if (w->record_len == RECORD_SIZE) {
                start_request(w);
            }
        }
    }
}

/* A refused session: its input is dropped; it ends when the client hangs up or the lock ends. */
static size_t denied_read(webrepl_obj_t *w, int *errcode) {
    uint8_t chunk[64];
    for (;;) {
        size_t got = es_get_stream(w->ws, true)->read(w->ws, chunk, sizeof(chunk), errcode);
        if (got == 0 || (got == ES_STREAM_ERROR && *errcode != EAGAIN)) {
            w->state = ENDED;
            return got;
        }
        if (got == ES_STREAM_ERROR) {
            if (login_locked()) {
                return ES_STREAM_ERROR;
            }
            w->state = ENDED;
            return 0;
        }
    }
}

static size_t webrepl_read(es_obj_t self, void *buf, size_t size, int *errcode) {
    webrepl_obj_t *w = webrepl_of(self);
    for (;;) {
        if (w->state == ENDED) {
            return 0;
        }
        if (w->state == DENIED) {
            return denied_read(w, errcode);
        }
        if (w->state == HELD) {
            if (login_locked()) {
                *errcode = EAGAIN;
                return ES_STREAM_ERROR;
            }
            check_password(w);
            continue;
        }
        uint8_t chunk[64];
        size_t want = w->state == CONNECTED && size < sizeof(chunk) ? size : sizeof(chunk);
        size_t got = es_get_stream(w->ws, true)->read(w->ws, chunk, want, errcode);
        if (got == ES_STREAM_ERROR || got == 0) {
            if (got == 0) {
                close_file(w);
                w->state = ENDED;
            }
            return got;
        }
        if (w->state == LOGIN) {
            for (size_t i = 0; i < got && w->state == LOGIN; i++) {
                login_byte(w, chunk[i]);
            }
            continue;
        }
        if (es_websocket_last_data_type(w->ws) == ES_WEBSOCKET_BINARY) {
            file_protocol(w, chunk, got);
            continue;
        }
        memcpy(buf, chunk, got);
        return got;
    }
}

/* Output before login is dropped; UTF-8 sequences are never split between text frames. */
static size_t webrepl_write(es_obj_t self, const void *buf, size_t size, int *errcode) {
    webrepl_obj_t *w = webrepl_of(self);
    if (w->state != CONNECTED) {
        return size;
    }
    const uint8_t *data = buf;
    uint8_t frame[128];
    size_t taken = 0;
    while (taken < size) {
        size_t n = w->pending_len;
        memcpy(frame, w->pending, n);
        size_t room = sizeof(frame) - n;
        size_t more = size - taken < room ? size - taken : room;
        memcpy(frame + n, data + taken, more);
        n += more;
        taken += more;
        /* Hold back a trailing sequence that is not complete yet. */
        size_t keep = 0;
        size_t lead = n;
        while (lead > 0 && n - lead < 3 && es_utf8_is_cont(frame[lead - 1])) {
            lead--;
        }
        if (lead > 0 && frame[lead - 1] >= 0xc0) {
            uint8_t b = frame[lead - 1];
            size_t seq = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
            if (n - (lead - 1) < seq) {
                keep = n - (lead - 1);
            }
        }
        w->pending_len = (uint8_t)keep;
        memcpy(w->pending, frame + n - keep, keep);
        if (n - keep > 0 &&
            es_websocket_write_frame(w->ws, ES_WEBSOCKET_TEXT, frame, n - keep, errcode) == ES_STREAM_ERROR) {
            return ES_STREAM_ERROR;
        }
    }
    return size;
}

static uintptr_t webrepl_ioctl(es_obj_t self, unsigned request, uintptr_t arg, int *errcode) {
    webrepl_obj_t *w = webrepl_of(self);
    if (request == ES_STREAM_CLOSE) {
        close_file(w);
        w->state = ENDED;
    }
    if (request == ES_STREAM_POLL && w->state == HELD) {
        /* Readable (the answer to the password) once the lock has ended. */
        return login_locked() ? 0 : (arg & ES_STREAM_POLL_RD);
    }
    if (request == ES_STREAM_POLL && w->state == DENIED && !login_locked()) {
        return arg & ES_STREAM_POLL_RD; /* the end of the session */
    }
    return es_stream_ioctl(w->ws, request, arg, errcode);
}

static const es_stream_p_t webrepl_stream_p = {
    .read = webrepl_read,
    .write = webrepl_write,
    .ioctl = webrepl_ioctl,
};

static const es_map_elem_t webrepl_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(es_stream_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readinto), ES_OBJ_FROM_CONST(es_stream_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write), ES_OBJ_FROM_CONST(es_stream_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ioctl), ES_OBJ_FROM_CONST(es_stream_ioctl_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_close), ES_OBJ_FROM_CONST(es_stream_close_obj)},
};
static ES_DEFINE_CONST_DICT(webrepl_locals_dict, webrepl_locals_table);

static const es_type_t webrepl_type = {
    .base = {&es_type_type},
    .name = ES_Q__webrepl,
    .make_new = webrepl_make_new,
    .protocol = &webrepl_stream_p,
    .locals_dict = (es_obj_dict_t *)&webrepl_locals_dict,
};

static const es_map_elem_t webrepl_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q__webrepl)},
    {ES_OBJ_NEW_QSTR(ES_Q__webrepl), ES_OBJ_FROM_CONST(webrepl_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_password), ES_OBJ_FROM_CONST(webrepl_password_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_webrepl, webrepl_globals_table);
ES_REGISTER_MODULE(ES_Q__webrepl, es_module_webrepl);
