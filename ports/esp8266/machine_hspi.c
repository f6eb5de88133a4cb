/* machine_hspi.c: machine.SPI: the hardware SPI(1) (HSPI: SCK GPIO14, MOSI GPIO13, MISO GPIO12), and SPI(-1) as SoftSPI. */

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "py/runtime.h"

#define HSPI_FULL_SPEED (80000000)
/* The clock is 80 MHz / (prediv * cntdiv): prediv up to 8192, cntdiv even and up to 64. */
#define HSPI_PREDIV_MAX (8192)
#define HSPI_CNTDIV_MAX (64)

typedef struct hspi_obj_t {
    es_obj_base_t base;
    uint32_t baudrate;
    uint8_t polarity;
    uint8_t phase;
} hspi_obj_t;

/* The rate the divider really gives for the one asked for (never faster), or 0 if none fits. */
static uint32_t achievable_baudrate(es_int_t wanted) {
    if (wanted == HSPI_FULL_SPEED) {
        return HSPI_FULL_SPEED;
    }
    if (wanted <= 0 || wanted > HSPI_FULL_SPEED / 2) {
        return 0;
    }
    uint32_t divider = (uint32_t)(HSPI_FULL_SPEED / 2 / wanted);
    uint32_t prediv = divider < HSPI_PREDIV_MAX ? divider : HSPI_PREDIV_MAX;
    uint32_t cntdiv = (divider / prediv) * 2;
    if (cntdiv > HSPI_CNTDIV_MAX) {
        return 0;
    }
    return HSPI_FULL_SPEED / (prediv * cntdiv);
}

static void hspi_transfer(es_obj_t self, size_t len, const uint8_t *src, uint8_t *dest) {
    ES_UNUSED(self);
    es_chip_spi1_transfer(src, dest, len);
}

enum { ARG_baudrate, ARG_polarity, ARG_phase, N_ARGS };
static const es_arg_t hspi_args[N_ARGS] = {
    {ES_Q_baudrate, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_polarity, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    {ES_Q_phase, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
};

static void hspi_apply(hspi_obj_t *self, const es_arg_val_t *args) {
    uint32_t baudrate = self->baudrate;
    if (args[ARG_baudrate].u_obj != ES_OBJ_NULL) {
        baudrate = achievable_baudrate(es_obj_get_int(args[ARG_baudrate].u_obj));
        if (baudrate == 0) {
            es_raise_msg(&es_type_ValueError, "impossible baudrate");
        }
    }
    self->baudrate = baudrate;
    if (args[ARG_polarity].u_obj != ES_OBJ_NULL) {
        self->polarity = es_obj_get_int(args[ARG_polarity].u_obj) ? 1 : 0;
    }
    if (args[ARG_phase].u_obj != ES_OBJ_NULL) {
        self->phase = es_obj_get_int(args[ARG_phase].u_obj) ? 1 : 0;
    }
    es_chip_spi1_config(self->baudrate, self->polarity, self->phase);
}

/*
** SPI(1) is the hardware bus. SPI(-1, ...) and SPI(...) without an id are the old spelling of
** SoftSPI: they still work, with a warning. Every other id is refused (SPI(0) drives the flash).
*/
static es_obj_t hspi_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    if (n_args == 0 || args[0] == ES_OBJ_NEW_SMALL_INT(-1)) {
        if (n_args > 0) {
            n_args--;
            args++;
        }
        es_print_str(&es_plat_print, "Warning: SPI(-1, ...) is deprecated, use SoftSPI(...) instead\n");
        return es_machine_softspi_type.make_new(&es_machine_softspi_type, n_args, n_kw, args);
    }
    if (args[0] != ES_OBJ_NEW_SMALL_INT(1)) {
        es_raise(es_obj_new_exception(&es_type_ValueError));
    }
    hspi_obj_t *self = es_new(hspi_obj_t);
    self->base.type = type;
    self->baudrate = HSPI_FULL_SPEED;
    es_arg_val_t vals[N_ARGS];
    es_arg_parse_all_kw_array(n_args - 1, n_kw, args + 1, N_ARGS, hspi_args, vals);
    hspi_apply(self, vals);
    return es_obj_from_ptr(self);
}

static es_obj_t hspi_init(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    es_arg_val_t vals[N_ARGS];
    es_arg_parse_all(n_args - 1, args + 1, kw_args, N_ARGS, hspi_args, vals);
    hspi_apply(es_obj_to_ptr(args[0]), vals);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(hspi_init_obj, ES_Q_init, 1, hspi_init);

static es_obj_t hspi_deinit(es_obj_t self) {
    ES_UNUSED(self);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(hspi_deinit_obj, ES_Q_deinit, hspi_deinit);

static void hspi_print(const es_print_t *print, es_obj_t self_in, es_print_kind_t kind) {
    ES_UNUSED(kind);
    hspi_obj_t *self = es_obj_to_ptr(self_in);
    es_printf(print, "HSPI(id=1, baudrate=%u, polarity=%u, phase=%u)", (unsigned)self->baudrate,
              (unsigned)self->polarity, (unsigned)self->phase);
}

static const es_machine_spi_p_t hspi_p = {
    .transfer = hspi_transfer,
};

static const es_map_elem_t hspi_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_init), ES_OBJ_FROM_CONST(hspi_init_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_deinit), ES_OBJ_FROM_CONST(hspi_deinit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(es_machine_spi_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readinto), ES_OBJ_FROM_CONST(es_machine_spi_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write), ES_OBJ_FROM_CONST(es_machine_spi_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write_readinto), ES_OBJ_FROM_CONST(es_machine_spi_write_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_MSB), ES_OBJ_NEW_SMALL_INT(0)},
    {ES_OBJ_NEW_QSTR(ES_Q_LSB), ES_OBJ_NEW_SMALL_INT(1)},
};
static ES_DEFINE_CONST_DICT(hspi_locals_dict, hspi_locals_table);

const es_type_t es_machine_hspi_type = {
    .base = {&es_type_type},
    .name = ES_Q_HSPI,
    .print = hspi_print,
    .make_new = hspi_make_new,
    .protocol = &hspi_p,
    .locals_dict = (es_obj_dict_t *)&hspi_locals_dict,
};
