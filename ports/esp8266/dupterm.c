/* dupterm.c: os.dupterm: extra terminals (WebREPL, any stream) that share the REPL with UART0. */

#include <errno.h>
#include <string.h>

#include "ports/esp8266/modmachine.h"
#include "ports/esp8266/port.h"
#include "py/portio.h"
#include "py/runtime.h"
#include "py/objstr.h"
#include "py/stream.h"

/* Slot 1 holds UART0 after every start, slot 0 is where webrepl puts its socket. */
static es_obj_t slots[ES_PORT_DUPTERM_SLOTS];
static bool slot_is_uart0[ES_PORT_DUPTERM_SLOTS];
static bool in_dupterm_call; /* a stream's own print() must not come back here */

void es_port_dupterm_reset(void) {
    for (size_t i = 0; i < ES_PORT_DUPTERM_SLOTS; i++) {
        slots[i] = ES_OBJ_NONE;
        slot_is_uart0[i] = false;
    }
    in_dupterm_call = false;
}

void es_port_dupterm_mark_roots(void) { es_gc_mark_range((void *const *)slots, ES_PORT_DUPTERM_SLOTS); }

bool es_port_uart0_attached(void) {
    for (size_t i = 0; i < ES_PORT_DUPTERM_SLOTS; i++) {
        if (slot_is_uart0[i]) {
            return true;
        }
    }
    return false;
}

/* UART0 is handled by the chip's UART directly: bytes go straight to the stdin ring and
** output needs no method call. */
static bool is_uart0(es_obj_t stream) { return es_machine_uart_id(stream) == 0; }

static es_obj_t set_slot(es_obj_t stream, es_int_t index) {
    if (index < 0 || index >= ES_PORT_DUPTERM_SLOTS) {
        es_raise_msg(&es_type_ValueError, "invalid dupterm index");
    }
    if (stream != ES_OBJ_NONE) {
        es_get_stream(stream, true); /* TypeError for what is not a stream */
    }
    bool uart0 = is_uart0(stream);
    es_obj_t previous = slots[index];
    slots[index] = stream;
    slot_is_uart0[index] = uart0;
    return previous;
}

es_obj_t es_port_dupterm(size_t n_args, const es_obj_t *args) {
    return set_slot(args[0], n_args > 1 ? es_obj_get_int(args[1]) : 0);
}

void es_port_dupterm_attach_uart0(void) {
    /* Should making the object fail (no memory), UART0 stays the terminal all the same. */
    slots[1] = ES_OBJ_NONE;
    slot_is_uart0[1] = true;
    es_obj_t args[2] = {ES_OBJ_NEW_SMALL_INT(0), ES_OBJ_NEW_SMALL_INT(115200)};
    set_slot(es_call_function_n_kw(es_obj_from_ptr(&es_machine_uart_type), 2, 0, args), 1);
}

static void deactivate(size_t i, const char *what, es_obj_t exc) {
    slots[i] = ES_OBJ_NONE;
    slot_is_uart0[i] = false;
    es_printf(&es_plat_print, "dupterm: Exception in %s() method, deactivating: ", what);
    es_pyexec_print_exception(exc);
}

void es_port_dupterm_tx(const char *buf, size_t len) {
    if (in_dupterm_call || es_gc_is_locked()) {
        return;
    }
    for (size_t i = 0; i < ES_PORT_DUPTERM_SLOTS; i++) {
        if (slots[i] == ES_OBJ_NONE || slot_is_uart0[i]) {
            continue;
        }
        in_dupterm_call = true;
        es_nlr_buf_t nlr;
        if (es_nlr_push(&nlr) == 0) {
            const es_stream_p_t *proto = es_obj_get_type(slots[i])->protocol;
            if (proto != NULL && proto->write != NULL) {
                int err;
                proto->write(slots[i], buf, len, &err);
            } else {
                es_obj_t dest[3];
                es_load_method(slots[i], ES_Q_write, dest);
                dest[2] = es_obj_new_bytes((const uint8_t *)buf, len);
                es_call_method_n_kw(1, 0, dest);
            }
            es_nlr_pop();
            in_dupterm_call = false;
        } else {
            in_dupterm_call = false;
            deactivate(i, "write", nlr.ret_val);
        }
    }
}

#define READ_EOF (-2)

/* One byte from slot i's stream, -1 when it has none now, READ_EOF when it has ended. */
static int read_slot(size_t i) {
    uint8_t byte;
    const es_stream_p_t *proto = es_obj_get_type(slots[i])->protocol;
    if (proto != NULL && proto->read != NULL) {
        int err;
        size_t n = proto->read(slots[i], &byte, 1, &err);
        if (n == ES_STREAM_ERROR) {
            /* Nothing there yet is normal; a broken stream (connection reset) is an error. */
            if (err == EAGAIN || err == EWOULDBLOCK || err == ETIMEDOUT) {
                return -1;
            }
            es_raise_os_error(err);
        }
        return n == 1 ? byte : READ_EOF;
    }
    es_obj_t dest[3];
    es_load_method_maybe(slots[i], ES_Q_readinto, dest);
    if (dest[0] != ES_OBJ_NULL) {
        es_obj_t buf = es_obj_new_bytearray(1, NULL);
        dest[2] = buf;
        es_obj_t n = es_call_method_n_kw(1, 0, dest);
        if (n == ES_OBJ_NONE || es_obj_get_int(n) != 1) {
            return -1;
        }
        es_buffer_info_t info;
        es_str_get_buffer_raise(buf, &info, ES_BUFFER_READ);
        return ((const uint8_t *)info.buf)[0];
    }
    es_load_method(slots[i], ES_Q_read, dest);
    dest[2] = ES_OBJ_NEW_SMALL_INT(1);
    es_obj_t data = es_call_method_n_kw(1, 0, dest);
    if (data == ES_OBJ_NONE) {
        return -1;
    }
    es_buffer_info_t info;
    es_str_get_buffer_raise(data, &info, ES_BUFFER_READ);
    return info.len == 1 ? ((const uint8_t *)info.buf)[0] : -1;
}

int es_port_dupterm_rx_byte(void) {
    if (in_dupterm_call || es_gc_is_locked()) {
        return -1;
    }
    for (size_t i = 0; i < ES_PORT_DUPTERM_SLOTS; i++) {
        if (slots[i] == ES_OBJ_NONE || slot_is_uart0[i]) {
            continue;
        }
        in_dupterm_call = true;
        int byte = -1;
        es_nlr_buf_t nlr;
        if (es_nlr_push(&nlr) == 0) {
            byte = read_slot(i);
            es_nlr_pop();
            in_dupterm_call = false;
        } else {
            in_dupterm_call = false;
            deactivate(i, "read", nlr.ret_val);
        }
        if (byte >= 0) {
            return byte;
        }
        if (byte == READ_EOF) {
            /* The other end has gone (WebREPL client closed, wrong password): detach and close. */
            es_obj_t stream = slots[i];
            slots[i] = ES_OBJ_NONE;
            es_printf(&es_plat_print, "dupterm: EOF received, deactivating\n");
            in_dupterm_call = true;
            es_nlr_buf_t close_nlr;
            if (es_nlr_push(&close_nlr) == 0) {
                es_obj_t dest[2];
                es_load_method_maybe(stream, ES_Q_close, dest);
                if (dest[0] != ES_OBJ_NULL) {
                    es_call_method_n_kw(0, 0, dest);
                }
                es_nlr_pop();
            }
            in_dupterm_call = false;
        }
    }
    return -1;
}

es_obj_t es_port_dupterm_notify(es_obj_t arg) {
    ES_UNUSED(arg);
    while (es_port_stdin_free() > 0) {
        int byte = es_port_dupterm_rx_byte();
        if (byte < 0) {
            break;
        }
        es_port_stdin_put((uint8_t)byte);
    }
    return ES_OBJ_NONE;
}
