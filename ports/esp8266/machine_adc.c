/* machine_adc.c: machine.ADC: ADC(0) the TOUT pin (0..1.0 V as 0..1024), ADC(1) the supply voltage. */

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "py/runtime.h"

typedef struct machine_adc_obj_t {
    es_obj_base_t base;
    uint8_t channel;
} machine_adc_obj_t;

static const machine_adc_obj_t adc_objs[2] = {
    {{&es_machine_adc_type}, 0},
    {{&es_machine_adc_type}, 1},
};

static int channel_of(es_obj_t self) {
    return ((const machine_adc_obj_t *)es_obj_to_ptr(self))->channel;
}

static es_obj_t adc_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_check_num(n_args, n_kw, 1, 1, false);
    es_int_t channel = es_obj_get_int(args[0]);
    if (channel != 0 && channel != 1) {
        es_raise_msg_varg(&es_type_ValueError, "ADC(%d) doesn't exist", (int)channel);
    }
    return ES_OBJ_FROM_CONST(adc_objs[channel]);
}

static void adc_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_printf(print, "ADC(%d)", channel_of(self));
}

static es_obj_t adc_read(es_obj_t self) {
    return es_obj_new_int((es_int_t)es_chip_adc_read(channel_of(self)));
}
static ES_DEFINE_FUN_1(adc_read_obj, ES_Q_read, adc_read);

static es_obj_t adc_read_u16(es_obj_t self) {
    uint32_t raw = es_chip_adc_read(channel_of(self));
    return es_obj_new_int((es_int_t)((uint64_t)raw * 65535u / 1024u));
}
static ES_DEFINE_FUN_1(adc_read_u16_obj, ES_Q_read_u16, adc_read_u16);

static const es_map_elem_t adc_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(adc_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_read_u16), ES_OBJ_FROM_CONST(adc_read_u16_obj)},
};
static ES_DEFINE_CONST_DICT(adc_locals_dict, adc_locals_table);

const es_type_t es_machine_adc_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY,
    .name = ES_Q_ADC,
    .print = adc_print,
    .make_new = adc_make_new,
    .locals_dict = (es_obj_dict_t *)&adc_locals_dict,
};
