/* machine_softspi.c: machine.SoftSPI, an SPI master bit-banged on any three pins, and the methods every SPI bus shares. */

#include <string.h>

#include "extmod/binary.h"
#include "ports/esp8266/busdelay.h"
#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "py/runtime.h"

#define SPI_MSB (0)
#define SPI_LSB (1)

/* ---- methods shared by SoftSPI and SPI(1) ---------------------------------------------- */

static void spi_transfer(es_obj_t self, size_t len, const uint8_t *src, uint8_t *dest) {
    const es_machine_spi_p_t *spi = es_obj_get_type(self)->protocol;
    spi->transfer(self, len, src, dest);
}

static es_int_t byte_arg(size_t n_args, const es_obj_t *args, size_t index) {
    return n_args > index ? es_obj_get_int(args[index]) : 0;
}

static es_obj_t spi_read(size_t n_args, const es_obj_t *args) {
    es_int_t n = es_obj_get_int(args[1]);
    if (n < 0) {
        es_raise_msg(&es_type_ValueError, "negative count");
    }
    uint8_t *buf = es_alloc((size_t)n + 1);
    memset(buf, (int)(byte_arg(n_args, args, 2) & 0xff), (size_t)n);
    spi_transfer(args[0], (size_t)n, buf, buf);
    return es_obj_new_bytes(buf, (size_t)n);
}
ES_DEFINE_FUN_VAR(es_machine_spi_read_obj, ES_Q_read, 2, 3, spi_read);

static es_obj_t spi_readinto(size_t n_args, const es_obj_t *args) {
    es_buffer_info_t buf;
    es_get_buffer_raise(args[1], &buf, ES_BUFFER_WRITE);
    memset(buf.buf, (int)(byte_arg(n_args, args, 2) & 0xff), buf.len);
    spi_transfer(args[0], buf.len, buf.buf, buf.buf);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_VAR(es_machine_spi_readinto_obj, ES_Q_readinto, 2, 3, spi_readinto);

static es_obj_t spi_write(es_obj_t self, es_obj_t data) {
    es_buffer_info_t buf;
    es_get_buffer_raise(data, &buf, ES_BUFFER_READ);
    spi_transfer(self, buf.len, buf.buf, NULL);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_2(es_machine_spi_write_obj, ES_Q_write, spi_write);

static es_obj_t spi_write_readinto(es_obj_t self, es_obj_t out, es_obj_t in) {
    es_buffer_info_t src;
    es_buffer_info_t dest;
    es_get_buffer_raise(out, &src, ES_BUFFER_READ);
    es_get_buffer_raise(in, &dest, ES_BUFFER_WRITE);
    if (src.len != dest.len) {
        es_raise_msg(&es_type_ValueError, "buffers must be the same length");
    }
    spi_transfer(self, src.len, src.buf, dest.buf);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_3(es_machine_spi_write_readinto_obj, ES_Q_write_readinto, spi_write_readinto);

/* ---- SoftSPI ------------------------------------------------------------------------- */

/*
** Mode (polarity, phase) as usual: polarity is SCK's idle level; with phase 0 both sides
** sample on the leading edge and shift on the trailing one, with phase 1 they shift on the
** leading edge and sample on the trailing one. half_period_us 0 runs as fast as the CPU can.
*/
typedef struct softspi_obj_t {
    es_obj_base_t base;
    uint8_t sck;
    uint8_t mosi;
    uint8_t miso;
    uint8_t polarity;
    uint8_t phase;
    uint32_t half_period_us;
} softspi_obj_t;

/* Above this rate the CPU cannot toggle pins any faster: 1/200 of the CPU clock. */
static uint32_t max_baudrate(void) {
    return es_chip_cpu_mhz() * 1000000 / 200;
}

static uint32_t baudrate_of(const softspi_obj_t *self) {
    return self->half_period_us == 0 ? max_baudrate() : 500000 / self->half_period_us;
}

static void softspi_transfer(es_obj_t self_in, size_t len, const uint8_t *src, uint8_t *dest) {
    const softspi_obj_t *self = es_obj_to_ptr(self_in);
    int idle = self->polarity;
    for (size_t i = 0; i < len; i++) {
        uint8_t out = src[i];
        uint8_t in = 0;
        for (int bit = 7; bit >= 0; bit--) {
            if (self->phase == 0) {
                es_chip_gpio_write(self->mosi, (out >> bit) & 1);
                es_bus_delay_us(self->half_period_us);
                es_chip_gpio_write(self->sck, !idle);
                in = (uint8_t)((in << 1) | (es_chip_gpio_read(self->miso) & 1));
                es_bus_delay_us(self->half_period_us);
                es_chip_gpio_write(self->sck, idle);
            } else {
                es_chip_gpio_write(self->sck, !idle);
                es_chip_gpio_write(self->mosi, (out >> bit) & 1);
                es_bus_delay_us(self->half_period_us);
                es_chip_gpio_write(self->sck, idle);
                in = (uint8_t)((in << 1) | (es_chip_gpio_read(self->miso) & 1));
                es_bus_delay_us(self->half_period_us);
            }
        }
        if (dest != NULL) {
            dest[i] = in;
        }
    }
}

enum { ARG_baudrate, ARG_polarity, ARG_phase, ARG_bits, ARG_firstbit, ARG_sck, ARG_mosi, ARG_miso, N_ARGS };
/* Constructor defaults; init() keeps whatever is not given (ES_OBJ_NULL). */
static const es_arg_t softspi_new_args[N_ARGS] = {
    {ES_Q_baudrate, ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_SMALL_INT(500000)}},
    {ES_Q_polarity, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_SMALL_INT(0)}},
    {ES_Q_phase, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_SMALL_INT(0)}},
    {ES_Q_bits, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_SMALL_INT(8)}},
    {ES_Q_firstbit, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NEW_SMALL_INT(SPI_MSB)}},
    {ES_Q_sck, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_mosi, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_miso, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
};
static const es_arg_t softspi_init_args[N_ARGS] = {
    {ES_Q_baudrate, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_polarity, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_phase, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_bits, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_firstbit, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_sck, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_mosi, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_miso, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
};

static void softspi_apply(softspi_obj_t *self, const es_arg_val_t *args) {
    /* Check everything before touching the object, so a bad call leaves it as it was. */
    if (args[ARG_bits].u_obj != ES_OBJ_NULL && es_obj_get_int(args[ARG_bits].u_obj) != 8) {
        es_raise_msg(&es_type_ValueError, "bits must be 8");
    }
    if (args[ARG_firstbit].u_obj != ES_OBJ_NULL && es_obj_get_int(args[ARG_firstbit].u_obj) != SPI_MSB) {
        es_raise_msg(&es_type_ValueError, "firstbit must be MSB");
    }
    uint32_t half_period_us = self->half_period_us;
    if (args[ARG_baudrate].u_obj != ES_OBJ_NULL) {
        es_int_t baudrate = es_obj_get_int(args[ARG_baudrate].u_obj);
        if (baudrate <= 0) {
            es_raise_msg(&es_type_ValueError, "invalid baudrate");
        }
        if ((uint64_t)baudrate >= max_baudrate()) {
            half_period_us = 0;
        } else {
            /* Rounded up, so the rate never exceeds the one asked for. */
            half_period_us = (uint32_t)((500000 + baudrate - 1) / baudrate);
        }
    }
    int pins[3] = {self->sck, self->mosi, self->miso};
    for (int i = 0; i < 3; i++) {
        if (args[ARG_sck + i].u_obj != ES_OBJ_NULL) {
            pins[i] = es_machine_pin_id(args[ARG_sck + i].u_obj);
        }
    }
    self->half_period_us = half_period_us;
    if (args[ARG_polarity].u_obj != ES_OBJ_NULL) {
        self->polarity = es_obj_get_int(args[ARG_polarity].u_obj) ? 1 : 0;
    }
    if (args[ARG_phase].u_obj != ES_OBJ_NULL) {
        self->phase = es_obj_get_int(args[ARG_phase].u_obj) ? 1 : 0;
    }
    self->sck = (uint8_t)pins[0];
    self->mosi = (uint8_t)pins[1];
    self->miso = (uint8_t)pins[2];
    es_chip_gpio_write(self->sck, self->polarity);
    es_chip_gpio_config(self->sck, ES_CHIP_PIN_MODE_OUTPUT, false);
    es_chip_gpio_config(self->mosi, ES_CHIP_PIN_MODE_OUTPUT, false);
    es_chip_gpio_config(self->miso, ES_CHIP_PIN_MODE_INPUT, false);
}

static es_obj_t softspi_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_val_t vals[N_ARGS];
    es_arg_parse_all_kw_array(n_args, n_kw, args, N_ARGS, softspi_new_args, vals);
    if (vals[ARG_sck].u_obj == ES_OBJ_NULL || vals[ARG_mosi].u_obj == ES_OBJ_NULL ||
        vals[ARG_miso].u_obj == ES_OBJ_NULL) {
        es_raise_msg(&es_type_ValueError, "must specify all of sck/mosi/miso");
    }
    softspi_obj_t *self = es_new(softspi_obj_t);
    self->base.type = type;
    softspi_apply(self, vals);
    return es_obj_from_ptr(self);
}

static es_obj_t softspi_init(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    es_arg_val_t vals[N_ARGS];
    es_arg_parse_all(n_args - 1, args + 1, kw_args, N_ARGS, softspi_init_args, vals);
    softspi_apply(es_obj_to_ptr(args[0]), vals);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(softspi_init_obj, ES_Q_init, 1, softspi_init);

static es_obj_t softspi_deinit(es_obj_t self) {
    ES_UNUSED(self);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(softspi_deinit_obj, ES_Q_deinit, softspi_deinit);

static void softspi_print(const es_print_t *print, es_obj_t self_in, es_print_kind_t kind) {
    ES_UNUSED(kind);
    softspi_obj_t *self = es_obj_to_ptr(self_in);
    es_printf(print, "SoftSPI(baudrate=%u, polarity=%u, phase=%u, sck=%u, mosi=%u, miso=%u)",
              (unsigned)baudrate_of(self), (unsigned)self->polarity, (unsigned)self->phase, (unsigned)self->sck,
              (unsigned)self->mosi, (unsigned)self->miso);
}

static const es_machine_spi_p_t softspi_p = {
    .transfer = softspi_transfer,
};

static const es_map_elem_t softspi_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_init), ES_OBJ_FROM_CONST(softspi_init_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_deinit), ES_OBJ_FROM_CONST(softspi_deinit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(es_machine_spi_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readinto), ES_OBJ_FROM_CONST(es_machine_spi_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write), ES_OBJ_FROM_CONST(es_machine_spi_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write_readinto), ES_OBJ_FROM_CONST(es_machine_spi_write_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_MSB), ES_OBJ_NEW_SMALL_INT(SPI_MSB)},
    {ES_OBJ_NEW_QSTR(ES_Q_LSB), ES_OBJ_NEW_SMALL_INT(SPI_LSB)},
};
static ES_DEFINE_CONST_DICT(softspi_locals_dict, softspi_locals_table);

const es_type_t es_machine_softspi_type = {
    .base = {&es_type_type},
    .name = ES_Q_SoftSPI,
    .print = softspi_print,
    .make_new = softspi_make_new,
    .protocol = &softspi_p,
    .locals_dict = (es_obj_dict_t *)&softspi_locals_dict,
};
