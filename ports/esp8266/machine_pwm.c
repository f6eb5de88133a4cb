/* machine_pwm.c: machine.PWM, the SDK's software PWM: eight pins, one frequency for all, duty in 1/1024. */

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "py/runtime.h"

#define PWM_DUTY_MAX (1023)
#define PWM_FREQ_MIN (1)
#define PWM_FREQ_MAX (1000)
#define PWM_CAPABLE_PINS ((1u << 0) | (1u << 2) | (1u << 4) | (1u << 5) | (0xfu << 12))

/*
** The channels belong to the chip, not to PWM objects: several objects may name one pin, and
** a channel keeps running after its objects are collected. An object only remembers whether
** it deinit()ed its channel, which a later duty call adds back (with duty 0 if it is new).
*/
static uint16_t pwm_freq = 500;
static uint16_t channel_duty[ES_CHIP_GPIO_COUNT];
static uint32_t channel_on; /* bit per pin */

typedef struct machine_pwm_obj_t {
    es_obj_base_t base;
    uint8_t gpio;
    bool active;
} machine_pwm_obj_t;

static void channel_update(int gpio) {
    if (channel_on & (1u << gpio)) {
        es_chip_pwm_set(gpio, pwm_freq, channel_duty[gpio]);
    } else {
        es_chip_pwm_set(gpio, 0, 0);
    }
}

/* As the SDK's pwm_add: the pin becomes an output, low until the channel drives it; after
** deinit it stays an output at that level. */
static void channel_add(machine_pwm_obj_t *self) {
    if (!(channel_on & (1u << self->gpio))) {
        es_machine_pin_make_output(self->gpio, 0);
        channel_on |= 1u << self->gpio;
        channel_duty[self->gpio] = 0;
        channel_update(self->gpio);
    }
    self->active = true;
}

static void set_freq(es_int_t freq) {
    pwm_freq = (uint16_t)(freq < PWM_FREQ_MIN ? PWM_FREQ_MIN : freq > PWM_FREQ_MAX ? PWM_FREQ_MAX : freq);
    for (int gpio = 0; gpio < ES_CHIP_GPIO_COUNT; gpio++) {
        if (channel_on & (1u << gpio)) {
            channel_update(gpio);
        }
    }
}

static void set_duty(machine_pwm_obj_t *self, es_int_t duty) {
    channel_add(self);
    channel_duty[self->gpio] = (uint16_t)(duty < 0 ? 0 : duty > PWM_DUTY_MAX ? PWM_DUTY_MAX : duty);
    channel_update(self->gpio);
}

static uint64_t period_ns(void) {
    return 1000000000u / pwm_freq;
}

static es_int_t clamp_u16(es_int_t v) {
    return v < 0 ? 0 : v > 65535 ? 65535 : v;
}

static void pwm_print(const es_print_t *print, es_obj_t self_in, es_print_kind_t kind) {
    ES_UNUSED(kind);
    machine_pwm_obj_t *self = es_obj_to_ptr(self_in);
    if (self->active && (channel_on & (1u << self->gpio))) {
        es_printf(print, "PWM(%d, freq=%u, duty=%u)", self->gpio, (unsigned)pwm_freq, (unsigned)channel_duty[self->gpio]);
    } else {
        es_printf(print, "PWM(%d)", self->gpio);
    }
}

/* init(freq, duty, *, duty_u16, duty_ns): what is not given stays as it is. */
static void pwm_init_helper(machine_pwm_obj_t *self, size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    enum { ARG_freq, ARG_duty, ARG_duty_u16, ARG_duty_ns };
    static const es_arg_t allowed[] = {
        {ES_Q_freq, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_duty, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_duty_u16, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_duty_ns, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    };
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all(n_args, args, kw_args, ES_ARRAY_SIZE(allowed), allowed, vals);
    channel_add(self);
    if (vals[ARG_freq].u_obj != ES_OBJ_NULL) {
        set_freq(es_obj_get_int(vals[ARG_freq].u_obj));
    }
    if (vals[ARG_duty].u_obj != ES_OBJ_NULL) {
        set_duty(self, es_obj_get_int(vals[ARG_duty].u_obj));
    }
    if (vals[ARG_duty_u16].u_obj != ES_OBJ_NULL) {
        set_duty(self, clamp_u16(es_obj_get_int(vals[ARG_duty_u16].u_obj)) * 1024 / 65535);
    }
    if (vals[ARG_duty_ns].u_obj != ES_OBJ_NULL) {
        es_int_t ns = es_obj_get_int(vals[ARG_duty_ns].u_obj);
        set_duty(self, ns <= 0 ? 0 : (es_int_t)((uint64_t)ns * 1024u / period_ns()));
    }
}

static es_obj_t pwm_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 1, ES_FUN_ARGS_MAX, true);
    int gpio = es_machine_pin_id(args[0]);
    if (!(PWM_CAPABLE_PINS & (1u << gpio))) {
        es_raise_msg_varg(&es_type_ValueError, "PWM not supported on pin %d", gpio);
    }
    machine_pwm_obj_t *self = es_new(machine_pwm_obj_t);
    self->base.type = type;
    self->gpio = (uint8_t)gpio;
    es_map_t kw_args;
    es_map_init_fixed_table(&kw_args, n_kw, (const es_map_elem_t *)(args + n_args));
    pwm_init_helper(self, n_args - 1, args + 1, &kw_args);
    return es_obj_from_ptr(self);
}

static es_obj_t pwm_init(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    pwm_init_helper(es_obj_to_ptr(args[0]), n_args - 1, args + 1, kw_args);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(pwm_init_obj, ES_Q_init, 1, pwm_init);

static es_obj_t pwm_deinit(es_obj_t self_in) {
    machine_pwm_obj_t *self = es_obj_to_ptr(self_in);
    channel_on &= ~(1u << self->gpio);
    self->active = false;
    channel_update(self->gpio);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(pwm_deinit_obj, ES_Q_deinit, pwm_deinit);

static es_obj_t pwm_freq_method(size_t n_args, const es_obj_t *args) {
    if (n_args == 1) {
        return es_obj_new_small_int(pwm_freq);
    }
    set_freq(es_obj_get_int(args[1]));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(pwm_freq_obj, ES_Q_freq, 1, 2, pwm_freq_method);

static es_obj_t pwm_duty(size_t n_args, const es_obj_t *args) {
    machine_pwm_obj_t *self = es_obj_to_ptr(args[0]);
    if (n_args == 1) {
        channel_add(self);
        return es_obj_new_small_int(channel_duty[self->gpio]);
    }
    set_duty(self, es_obj_get_int(args[1]));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(pwm_duty_obj, ES_Q_duty, 1, 2, pwm_duty);

static es_obj_t pwm_duty_u16(size_t n_args, const es_obj_t *args) {
    machine_pwm_obj_t *self = es_obj_to_ptr(args[0]);
    if (n_args == 1) {
        channel_add(self);
        return es_obj_new_small_int((es_int_t)channel_duty[self->gpio] * 65535 / 1024);
    }
    set_duty(self, clamp_u16(es_obj_get_int(args[1])) * 1024 / 65535);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(pwm_duty_u16_obj, ES_Q_duty_u16, 1, 2, pwm_duty_u16);

static es_obj_t pwm_duty_ns(size_t n_args, const es_obj_t *args) {
    machine_pwm_obj_t *self = es_obj_to_ptr(args[0]);
    if (n_args == 1) {
        channel_add(self);
        return es_obj_new_int((es_int_t)(channel_duty[self->gpio] * period_ns() / 1024u));
    }
    es_int_t ns = es_obj_get_int(args[1]);
    set_duty(self, ns <= 0 ? 0 : (es_int_t)((uint64_t)ns * 1024u / period_ns()));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(pwm_duty_ns_obj, ES_Q_duty_ns, 1, 2, pwm_duty_ns);

static const es_map_elem_t pwm_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_init), ES_OBJ_FROM_CONST(pwm_init_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_deinit), ES_OBJ_FROM_CONST(pwm_deinit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_freq), ES_OBJ_FROM_CONST(pwm_freq_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_duty), ES_OBJ_FROM_CONST(pwm_duty_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_duty_u16), ES_OBJ_FROM_CONST(pwm_duty_u16_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_duty_ns), ES_OBJ_FROM_CONST(pwm_duty_ns_obj)},
};
static ES_DEFINE_CONST_DICT(pwm_locals_dict, pwm_locals_table);

const es_type_t es_machine_pwm_type = {
    .base = {&es_type_type},
    .name = ES_Q_PWM,
    .print = pwm_print,
    .make_new = pwm_make_new,
    .locals_dict = (es_obj_dict_t *)&pwm_locals_dict,
};

void es_machine_pwm_hard_reset(void) {
    pwm_freq = 500;
    channel_on = 0;
}
