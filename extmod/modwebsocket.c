/* modwebsocket.c: the websocket module: server-side RFC 6455 framing over a stream, as WebREPL speaks it. */

#include <errno.h>
#include <string.h>

#include "extmod/websocket.h"
#include "py/runtime.h"
#include "py/stream.h"

/*
** Frames are decoded as they arrive, never buffered whole: a read returns payload bytes of
** the current data frame only, so a caller can tell text from binary after every read. The
** state survives EAGAIN on a non-blocking socket at any byte. Control frames are consumed
** here: close is answered and ends the stream, ping and pong are dropped.
*/
typedef enum { WS_HEADER, WS_DATA, WS_CONTROL, WS_CLOSED } ws_state_t;

typedef struct websocket_obj_t {
    es_obj_base_t base;
    es_obj_t stream;
    uint32_t payload_left;
    uint8_t header[14];
    uint8_t header_len;
    uint8_t mask[4];
    uint8_t mask_pos;
    uint8_t state;      /* ws_state_t */
    uint8_t opcode;     /* of the frame being read */
    uint8_t data_type;  /* of the last data frame */
    uint8_t write_type; /* what write() sends */
} websocket_obj_t;

static websocket_obj_t *ws_of(es_obj_t self) { return es_obj_to_ptr(self); }

es_obj_t es_websocket_new(es_obj_t stream) {
    es_get_stream(stream, true);
    websocket_obj_t *ws = es_new(websocket_obj_t);
    memset(ws, 0, sizeof(*ws));
    ws->base.type = &es_type_websocket;
    ws->stream = stream;
    ws->state = WS_HEADER;
    ws->data_type = ES_WEBSOCKET_TEXT;
    ws->write_type = ES_WEBSOCKET_TEXT;
    return es_obj_from_ptr(ws);
}

static es_obj_t websocket_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    /* websocket(sock, blocking=False): writes always complete here, so the flag is accepted only. */
    es_arg_check_num(n_args, n_kw, 1, 2, false);
    return es_websocket_new(args[0]);
}

/* Bytes the header needs in all, as far as what has arrived tells. */
static size_t header_needed(const websocket_obj_t *ws) {
    if (ws->header_len < 2) {
        return 2;
    }
    size_t need = 2;
    if ((ws->header[1] & 0x7f) == 126) {
        need += 2;
    }
    if (ws->header[1] & 0x80) {
        need += 4;
    }
    return need;
}

static size_t stream_read(websocket_obj_t *ws, void *buf, size_t size, int *errcode) {
    return es_get_stream(ws->stream, true)->read(ws->stream, buf, size, errcode);
}

/* A whole header has arrived: decide what the payload is. Returns an errno or 0. */
static int start_frame(websocket_obj_t *ws) {
    const uint8_t *h = ws->header;
    uint8_t len7 = h[1] & 0x7f;
    if (len7 == 127) {
        return EIO; /* 64-bit lengths are more than this side accepts */
    }
    ws->payload_left = len7 == 126 ? (uint32_t)(h[2] << 8 | h[3]) : len7;
    if (h[1] & 0x80) {
        memcpy(ws->mask, h + (len7 == 126 ? 4 : 2), 4);
    } else {
        memset(ws->mask, 0, 4); /* unmasked client frames are accepted: webrepl_cli.py sends them */
    }
    ws->mask_pos = 0;
    ws->opcode = h[0] & 0x0f;
    ws->header_len = 0;
    if (ws->opcode >= 8) {
        ws->state = WS_CONTROL;
    } else if (ws->opcode == 0 || ws->opcode == ES_WEBSOCKET_TEXT || ws->opcode == ES_WEBSOCKET_BINARY) {
        if (ws->opcode != 0) {
            ws->data_type = ws->opcode;
        }
        ws->state = WS_DATA;
    } else {
        return EIO; /* reserved opcodes */
    }
    return 0;
}

static void unmask(websocket_obj_t *ws, uint8_t *data, size_t len) {
    for (size_t i = 0; i < len; i++) {
        data[i] ^= ws->mask[ws->mask_pos];
        ws->mask_pos = (ws->mask_pos + 1) & 3;
    }
}

static size_t websocket_read(es_obj_t self, void *buf, size_t size, int *errcode) {
    websocket_obj_t *ws = ws_of(self);
    for (;;) {
        switch (ws->state) {
            case WS_CLOSED:
                return 0;
            case WS_HEADER: {
                size_t need = header_needed(ws);
                while (ws->header_len < need) {
                    size_t got = stream_read(ws, ws->header + ws->header_len, need - ws->header_len, errcode);
                    if (got == ES_STREAM_ERROR) {
                        return ES_STREAM_ERROR;
                    }
                    if (got == 0) {
                        ws->state = WS_CLOSED;
                        return 0;
                    }
                    ws->header_len += (uint8_t)got;
                    need = header_needed(ws);
                }
                int err = start_frame(ws);
                if (err != 0) {
                    ws->state = WS_CLOSED;
                    *errcode = err;
                    return ES_STREAM_ERROR;
                }
                break;
            }
            case WS_CONTROL: {
                uint8_t scratch[16];
                while (ws->payload_left > 0) {
                    size_t chunk = ws->payload_left < sizeof(scratch) ? ws->payload_left : sizeof(scratch);
                    size_t got = stream_read(ws, scratch, chunk, errcode);
                    if (got == ES_STREAM_ERROR) {
                        return ES_STREAM_ERROR;
                    }
                    if (got == 0) {
                        ws->state = WS_CLOSED;
                        return 0;
                    }
                    ws->payload_left -= (uint32_t)got;
                }
                if (ws->opcode == 8) {
                    int ignored;
                    es_websocket_write_frame(self, 8, NULL, 0, &ignored);
                    ws->state = WS_CLOSED;
                    return 0;
                }
                ws->state = WS_HEADER;
                break;
            }
            default: {
                if (ws->payload_left == 0) {
                    ws->state = WS_HEADER; /* empty data frames are skipped */
                    break;
                }
                if (size == 0) {
                    return 0;
                }
                size_t chunk = size < ws->payload_left ? size : ws->payload_left;
                size_t got = stream_read(ws, buf, chunk, errcode);
                if (got == ES_STREAM_ERROR) {
                    return ES_STREAM_ERROR;
                }
                if (got == 0) {
                    ws->state = WS_CLOSED;
                    return 0;
                }
                unmask(ws, buf, got);
                ws->payload_left -= (uint32_t)got;
                if (ws->payload_left == 0) {
                    ws->state = WS_HEADER;
                }
                return got;
            }
        }
    }
}

size_t es_websocket_write_frame(es_obj_t self, int type, const void *buf, size_t len, int *errcode) {
    websocket_obj_t *ws = ws_of(self);
    if (len > 0xffff) {
        len = 0xffff;
    }
    uint8_t header[4];
    size_t header_len = 2;
    header[0] = (uint8_t)(0x80 | type);
    if (len < 126) {
        header[1] = (uint8_t)len;
    } else {
        header[1] = 126;
        header[2] = (uint8_t)(len >> 8);
        header[3] = (uint8_t)len;
        header_len = 4;
    }
    if (es_stream_write_all(ws->stream, header, header_len, errcode) == ES_STREAM_ERROR ||
        (len > 0 && es_stream_write_all(ws->stream, buf, len, errcode) == ES_STREAM_ERROR)) {
        return ES_STREAM_ERROR;
    }
    return len;
}

int es_websocket_last_data_type(es_obj_t self) { return ws_of(self)->data_type; }

static size_t websocket_write(es_obj_t self, const void *buf, size_t size, int *errcode) {
    return es_websocket_write_frame(self, ws_of(self)->write_type, buf, size, errcode);
}

static uintptr_t websocket_ioctl(es_obj_t self, unsigned request, uintptr_t arg, int *errcode) {
    websocket_obj_t *ws = ws_of(self);
    switch (request) {
        case ES_WEBSOCKET_GET_DATA_TYPE:
            return ws->data_type;
        case ES_WEBSOCKET_SET_DATA_TYPE:
            if (arg != ES_WEBSOCKET_TEXT && arg != ES_WEBSOCKET_BINARY) {
                *errcode = EINVAL;
                return ES_STREAM_ERROR;
            }
            ws->write_type = (uint8_t)arg;
            return 0;
        case ES_STREAM_CLOSE:
            ws->state = WS_CLOSED;
            return es_stream_ioctl(ws->stream, request, arg, errcode);
        default:
            /* Polling, flushing and timeouts are the connection's business. */
            return es_stream_ioctl(ws->stream, request, arg, errcode);
    }
}

static const es_stream_p_t websocket_stream_p = {
    .read = websocket_read,
    .write = websocket_write,
    .ioctl = websocket_ioctl,
};

static const es_map_elem_t websocket_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(es_stream_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readinto), ES_OBJ_FROM_CONST(es_stream_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readline), ES_OBJ_FROM_CONST(es_stream_readline_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write), ES_OBJ_FROM_CONST(es_stream_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ioctl), ES_OBJ_FROM_CONST(es_stream_ioctl_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_close), ES_OBJ_FROM_CONST(es_stream_close_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___enter__), ES_OBJ_FROM_CONST(es_stream_enter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___exit__), ES_OBJ_FROM_CONST(es_stream_exit_obj)},
};
static ES_DEFINE_CONST_DICT(websocket_locals_dict, websocket_locals_table);

const es_type_t es_type_websocket = {
    .base = {&es_type_type},
    .name = ES_Q_websocket,
    .make_new = websocket_make_new,
    .protocol = &websocket_stream_p,
    .locals_dict = (es_obj_dict_t *)&websocket_locals_dict,
};

static const es_map_elem_t websocket_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_websocket)},
    {ES_OBJ_NEW_QSTR(ES_Q_websocket), ES_OBJ_FROM_CONST(es_type_websocket)},
};

ES_DEFINE_CONST_MODULE(es_module_websocket, websocket_globals_table);
ES_REGISTER_MODULE(ES_Q_websocket, es_module_websocket);
