/* websocket.h: RFC 6455 framing over a stream (extmod/modwebsocket.c), for WebREPL and user servers. */
#pragma once

#include "py/obj.h"

extern const es_type_t es_type_websocket;

/* Frame types of data frames. */
#define ES_WEBSOCKET_TEXT (1)
#define ES_WEBSOCKET_BINARY (2)

/* ioctl requests beyond py/stream.h's: the type of the frame the last read came from, and the
** type that write() sends. */
#define ES_WEBSOCKET_GET_DATA_TYPE (8)
#define ES_WEBSOCKET_SET_DATA_TYPE (9)

/* Wraps a stream (normally a connected socket) as a websocket server endpoint. */
es_obj_t es_websocket_new(es_obj_t stream);
/* Sends one unmasked frame of the given type (at most 65535 bytes); errors as the stream's. */
size_t es_websocket_write_frame(es_obj_t ws, int type, const void *buf, size_t len, int *errcode);
/* Type of the data frame the bytes of the last successful read came from. */
int es_websocket_last_data_type(es_obj_t ws);
