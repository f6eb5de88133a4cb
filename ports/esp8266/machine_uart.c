/* machine_uart.c: machine.UART: UART0 (the REPL's terminal, or a plain serial port when detached) and UART1 (GPIO2, transmit only). */

#include <errno.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "py/runtime.h"
#include "py/stream.h"

/*
** Receiving on UART0. Every byte the chip receives reaches the port's es_port_uart0_received.
** While UART(0) is attached to os.dupterm (every boot attaches it) the port keeps the bytes for
** the REPL and catches Ctrl-C there, so UART(0).read() finds nothing and returns None. When it
** is detached the port leaves each byte in the chip's receive buffer (es_chip_uart0_rx_keep),
** where UART(0).read() finds it. That buffer is global like the hardware FIFO it extends:
** `rxbuf=` resizes it for every UART object.
*/
#define UART_RXBUF_MAX (0xfffe)

/* ---- UART objects ------------------------------------------------------------------ */

#define UART_PARITY_NONE (0)
#define UART_PARITY_ODD (1)
#define UART_PARITY_EVEN (2)

typedef struct uart_obj_t {
    es_obj_base_t base;
    uint8_t id;
    uint8_t bits;
    uint8_t parity; /* UART_PARITY_* */
    uint8_t stop;
    uint32_t baudrate;
    uint32_t timeout_ms;      /* wait for the first byte of a read */
    uint32_t timeout_char_ms; /* wait for each further byte */
} uart_obj_t;

int es_machine_uart_id(es_obj_t obj) {
    if (!es_obj_is_type(obj, &es_machine_uart_type)) {
        return -1;
    }
    return ((uart_obj_t *)es_obj_to_ptr(obj))->id;
}

static void uart_print(const es_print_t *print, es_obj_t self_in, es_print_kind_t kind) {
    ES_UNUSED(kind);
    static const char *const parity_names[] = {"None", "1", "0"};
    uart_obj_t *self = es_obj_to_ptr(self_in);
    es_printf(print, "UART(%u, baudrate=%u, bits=%u, parity=%s, stop=%u, rxbuf=%u, timeout=%u, timeout_char=%u)",
              (unsigned)self->id, (unsigned)self->baudrate, (unsigned)self->bits, parity_names[self->parity],
              (unsigned)self->stop, (unsigned)(es_chip_uart0_rxbuf() - 1), (unsigned)self->timeout_ms,
              (unsigned)self->timeout_char_ms);
}

/* Arguments left at their "not given" default keep the current setting. */
enum { ARG_baudrate, ARG_bits, ARG_parity, ARG_stop, ARG_tx, ARG_rx, ARG_rxbuf, ARG_timeout, ARG_timeout_char };
static const es_arg_t uart_init_args[] = {
    {ES_Q_baudrate, ES_ARG_INT, {.u_int = 0}},
    {ES_Q_bits, ES_ARG_INT, {.u_int = 0}},
    {ES_Q_parity, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_stop, ES_ARG_INT, {.u_int = 0}},
    {ES_Q_tx, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_rx, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_rxbuf, ES_ARG_KW_ONLY | ES_ARG_INT, {.u_int = -1}},
    {ES_Q_timeout, ES_ARG_KW_ONLY | ES_ARG_INT, {.u_int = -1}},
    {ES_Q_timeout_char, ES_ARG_KW_ONLY | ES_ARG_INT, {.u_int = -1}},
};

static uint32_t timeout_arg(es_int_t value, uint32_t current) {
    if (value == -1) {
        return current;
    }
    if (value < 0 || value > 0x7fffffff) {
        es_raise_msg(&es_type_ValueError, "invalid timeout");
    }
    return (uint32_t)value;
}

static void uart_apply(uart_obj_t *self, const es_arg_val_t *args) {
    if (args[ARG_baudrate].u_int > 0) {
        if (args[ARG_baudrate].u_int > 0x7fffffff) {
            es_raise_msg(&es_type_ValueError, "invalid baudrate");
        }
        self->baudrate = (uint32_t)args[ARG_baudrate].u_int;
    }
    switch (args[ARG_bits].u_int) {
        case 0:
            break;
        case 5:
        case 6:
        case 7:
        case 8:
            self->bits = (uint8_t)args[ARG_bits].u_int;
            break;
        default:
            es_raise_msg(&es_type_ValueError, "invalid data bits");
    }
    es_obj_t parity = args[ARG_parity].u_obj;
    if (parity == ES_OBJ_NONE) {
        self->parity = UART_PARITY_NONE;
    } else if (parity != ES_OBJ_NULL) {
        self->parity = (es_obj_get_int(parity) & 1) ? UART_PARITY_ODD : UART_PARITY_EVEN;
    }
    /* UART0 sits on GPIO1/3 or, swapped, on GPIO15/13; those are the only choices. */
    int tx = args[ARG_tx].u_obj != ES_OBJ_NULL ? es_machine_pin_id(args[ARG_tx].u_obj) : 1;
    int rx = args[ARG_rx].u_obj != ES_OBJ_NULL ? es_machine_pin_id(args[ARG_rx].u_obj) : 3;
    if (!((tx == 1 && rx == 3) || (tx == 15 && rx == 13))) {
        es_raise_msg(&es_type_ValueError, "invalid tx/rx");
    }
    switch (args[ARG_stop].u_int) {
        case 0:
            break;
        case 1:
        case 2:
            self->stop = (uint8_t)args[ARG_stop].u_int;
            break;
        default:
            es_raise_msg(&es_type_ValueError, "invalid stop bits");
    }
    es_int_t rxbuf = args[ARG_rxbuf].u_int;
    if (rxbuf > UART_RXBUF_MAX) {
        es_raise_msg(&es_type_ValueError, "invalid rxbuf");
    }
    if (rxbuf > 0) {
        es_chip_uart0_set_rxbuf((size_t)rxbuf + 1); /* one slot of the ring stays empty */
    }
    self->timeout_ms = timeout_arg(args[ARG_timeout].u_int, self->timeout_ms);
    self->timeout_char_ms = timeout_arg(args[ARG_timeout_char].u_int, self->timeout_char_ms);
    /* Waiting between bytes must last at least one whole character (13 bits, to be safe). */
    uint32_t min_timeout_char = 13000 / self->baudrate + 1;
    if (self->timeout_char_ms < min_timeout_char) {
        self->timeout_char_ms = min_timeout_char;
    }
    es_chip_uart_config(self->id, self->baudrate, self->bits, self->parity, self->stop);
}

static es_obj_t uart_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 1, ES_FUN_ARGS_MAX, true);
    es_int_t id = es_obj_get_int(args[0]);
    if (id != 0 && id != 1) {
        es_raise_msg_varg(&es_type_ValueError, "UART(%d) does not exist", (int)id);
    }
    uart_obj_t *self = es_new(uart_obj_t);
    self->base.type = type;
    self->id = (uint8_t)id;
    self->baudrate = 115200;
    self->bits = 8;
    self->parity = UART_PARITY_NONE;
    self->stop = 1;
    es_arg_val_t vals[ES_ARRAY_SIZE(uart_init_args)];
    es_arg_parse_all_kw_array(n_args - 1, n_kw, args + 1, ES_ARRAY_SIZE(uart_init_args), uart_init_args, vals);
    uart_apply(self, vals);
    return es_obj_from_ptr(self);
}

static es_obj_t uart_init(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    es_arg_val_t vals[ES_ARRAY_SIZE(uart_init_args)];
    es_arg_parse_all(n_args - 1, args + 1, kw_args, ES_ARRAY_SIZE(uart_init_args), uart_init_args, vals);
    uart_apply(es_obj_to_ptr(args[0]), vals);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(uart_init_obj, ES_Q_init, 1, uart_init);

static es_obj_t uart_deinit(es_obj_t self) {
    ES_UNUSED(self);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(uart_deinit_obj, ES_Q_deinit, uart_deinit);

static es_obj_t uart_any(es_obj_t self_in) {
    uart_obj_t *self = es_obj_to_ptr(self_in);
    return es_obj_new_small_int(self->id == 0 ? (es_int_t)es_chip_uart0_rx_available() : 0);
}
static ES_DEFINE_FUN_1(uart_any_obj, ES_Q_any, uart_any);

/* Transmission is finished when write() returns: the chip's FIFO drains at once here. */
static es_obj_t uart_txdone(es_obj_t self) {
    ES_UNUSED(self);
    return ES_OBJ_TRUE;
}
static ES_DEFINE_FUN_1(uart_txdone_obj, ES_Q_txdone, uart_txdone);

/* ---- stream protocol ------------------------------------------------------------------- */

/* Waits up to timeout_ms for a received byte, servicing events (which deliver the bytes). */
static bool uart0_wait_byte(uint32_t timeout_ms) {
    uint64_t deadline = es_chip_uptime_us() + (uint64_t)timeout_ms * 1000;
    while (es_chip_uart0_rx_available() == 0) {
        uint64_t now = es_chip_uptime_us();
        if (now >= deadline) {
            return false;
        }
        uint64_t left = deadline - now;
        es_chip_wait_event(left > 10000 ? 10000 : (uint32_t)left);
        es_handle_pending();
    }
    return true;
}

static size_t uart_stream_read(es_obj_t self_in, void *buf, size_t size, int *errcode) {
    uart_obj_t *self = es_obj_to_ptr(self_in);
    if (self->id == 1) {
        es_raise_msg(&es_type_OSError, "UART(1) can't read");
    }
    if (size == 0) {
        return 0;
    }
    if (!uart0_wait_byte(self->timeout_ms)) {
        *errcode = EAGAIN;
        return ES_STREAM_ERROR;
    }
    uint8_t *out = buf;
    size_t got = 0;
    for (;;) {
        int byte = es_chip_uart0_read_byte();
        if (byte < 0) {
            break;
        }
        out[got++] = (uint8_t)byte;
        if (got == size || !uart0_wait_byte(self->timeout_char_ms)) {
            break;
        }
    }
    return got;
}

static size_t uart_stream_write(es_obj_t self_in, const void *buf, size_t size, int *errcode) {
    ES_UNUSED(errcode);
    uart_obj_t *self = es_obj_to_ptr(self_in);
    es_chip_uart_write(self->id, buf, size);
    return size;
}

static uintptr_t uart_stream_ioctl(es_obj_t self_in, unsigned request, uintptr_t arg, int *errcode) {
    uart_obj_t *self = es_obj_to_ptr(self_in);
    switch (request) {
        case ES_STREAM_POLL: {
            uintptr_t ready = 0;
            if ((arg & ES_STREAM_POLL_RD) && self->id == 0 && es_chip_uart0_rx_available() > 0) {
                ready |= ES_STREAM_POLL_RD;
            }
            if (arg & ES_STREAM_POLL_WR) {
                ready |= ES_STREAM_POLL_WR;
            }
            return ready;
        }
        case ES_STREAM_FLUSH:
        case ES_STREAM_CLOSE:
            return 0;
        case ES_STREAM_TIMEOUT:
            self->timeout_ms = arg == (uintptr_t)-1 ? 0x7fffffff : (uint32_t)arg;
            return 0;
        default:
            *errcode = EINVAL;
            return ES_STREAM_ERROR;
    }
}

static const es_stream_p_t uart_stream_p = {
    .read = uart_stream_read,
    .write = uart_stream_write,
    .ioctl = uart_stream_ioctl,
};

static const es_map_elem_t uart_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_init), ES_OBJ_FROM_CONST(uart_init_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_deinit), ES_OBJ_FROM_CONST(uart_deinit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_any), ES_OBJ_FROM_CONST(uart_any_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(es_stream_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readinto), ES_OBJ_FROM_CONST(es_stream_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readline), ES_OBJ_FROM_CONST(es_stream_readline_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write), ES_OBJ_FROM_CONST(es_stream_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_flush), ES_OBJ_FROM_CONST(es_stream_flush_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_txdone), ES_OBJ_FROM_CONST(uart_txdone_obj)},
};
static ES_DEFINE_CONST_DICT(uart_locals_dict, uart_locals_table);

const es_type_t es_machine_uart_type = {
    .base = {&es_type_type},
    .name = ES_Q_UART,
    .print = uart_print,
    .make_new = uart_make_new,
    .protocol = &uart_stream_p,
    .locals_dict = (es_obj_dict_t *)&uart_locals_dict,
};
