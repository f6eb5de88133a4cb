/* machine_pin.c: machine.Pin, one singleton per GPIO, and its edge interrupts (the IRQ objects). */

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "py/runtime.h"

#define PIN_IRQ_RISING (1)
#define PIN_IRQ_FALLING (2)
#define PIN_PULL_UP (1)
/* GPIO0..15 have edge interrupts; GPIO16 sits in the RTC block and has none. */
#define IRQ_PIN_COUNT (16)

typedef struct machine_pin_obj_t {
    es_obj_base_t base;
    uint8_t gpio;
} machine_pin_obj_t;

/* The IRQ object of a pin is as constant as the pin: both live in flash. */
typedef struct machine_pin_irq_obj_t {
    es_obj_base_t base;
    uint8_t gpio;
} machine_pin_irq_obj_t;

static const es_type_t machine_pin_irq_type;

/* Flash-line GPIOs 6, 7, 8 and 11 have no object (type NULL): "invalid pin". */
#define PIN(n) [n] = {{&es_machine_pin_type}, n}
static const machine_pin_obj_t pin_objs[ES_CHIP_GPIO_COUNT] = {
    PIN(0), PIN(1), PIN(2), PIN(3), PIN(4), PIN(5), PIN(9), PIN(10), PIN(12), PIN(13), PIN(14), PIN(15), PIN(16),
};
#undef PIN

#define IRQ(n) [n] = {{&machine_pin_irq_type}, n}
static const machine_pin_irq_obj_t irq_objs[IRQ_PIN_COUNT] = {
    IRQ(0), IRQ(1), IRQ(2), IRQ(3), IRQ(4), IRQ(5), IRQ(9), IRQ(10), IRQ(12), IRQ(13), IRQ(14), IRQ(15),
};
#undef IRQ

/*
** What Pin keeps beside the chip: each pin's mode (value() depends on it, as in MicroPython:
** writing an input changes nothing, writing 1 to an open drain releases the line) and the IRQ
** handlers, GC roots marked through es_machine_gc_mark_roots.
*/
static uint8_t pin_mode[ES_CHIP_GPIO_COUNT];
static es_obj_t irq_handler[IRQ_PIN_COUNT];
static uint8_t irq_trigger[IRQ_PIN_COUNT];

int es_machine_pin_id(es_obj_t pin) {
    if (es_obj_is_type(pin, &es_machine_pin_type)) {
        return ((const machine_pin_obj_t *)es_obj_to_ptr(pin))->gpio;
    }
    es_int_t id = es_obj_get_int(pin);
    if (id < 0 || id >= ES_CHIP_GPIO_COUNT || pin_objs[id].base.type == NULL) {
        es_raise_msg(&es_type_ValueError, "invalid pin");
    }
    return (int)id;
}

es_obj_t es_machine_pin_obj(int gpio) {
    return ES_OBJ_FROM_CONST(pin_objs[gpio]);
}

static int gpio_of(es_obj_t self) {
    return ((const machine_pin_obj_t *)es_obj_to_ptr(self))->gpio;
}

static void pin_set(int gpio, bool level) {
    if (pin_mode[gpio] != ES_CHIP_PIN_MODE_INPUT) {
        es_chip_gpio_write(gpio, level);
    }
}

void es_machine_pin_make_output(int gpio, int level) {
    pin_mode[gpio] = ES_CHIP_PIN_MODE_OUTPUT;
    es_chip_gpio_write(gpio, level);
    es_chip_gpio_config(gpio, ES_CHIP_PIN_MODE_OUTPUT, false);
}

static void pin_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_printf(print, "Pin(%d)", gpio_of(self));
}

/* init(mode, pull=None, *, value): the initial value goes to the output register before the
** pin starts driving, so the line never shows a glitch. */
static void pin_init_helper(int gpio, size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    enum { ARG_mode, ARG_pull, ARG_value };
    static const es_arg_t allowed[] = {
        {ES_Q_mode, ES_ARG_REQUIRED | ES_ARG_INT, {.u_int = 0}},
        {ES_Q_pull, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_value, ES_ARG_KW_ONLY | ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
    };
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all(n_args, args, kw_args, ES_ARRAY_SIZE(allowed), allowed, vals);
    es_int_t mode = vals[ARG_mode].u_int;
    if (mode != ES_CHIP_PIN_MODE_INPUT && mode != ES_CHIP_PIN_MODE_OUTPUT && mode != ES_CHIP_PIN_MODE_OPEN_DRAIN) {
        es_raise_msg(&es_type_ValueError, "invalid pin mode");
    }
    es_int_t pull = vals[ARG_pull].u_obj == ES_OBJ_NONE ? 0 : es_obj_get_int(vals[ARG_pull].u_obj);
    if (gpio == 16 && pull != 0) {
        es_raise_msg(&es_type_ValueError, "Pin(16) doesn't support pull");
    }
    pin_mode[gpio] = (uint8_t)mode;
    if (vals[ARG_value].u_obj != ES_OBJ_NULL && mode != ES_CHIP_PIN_MODE_INPUT) {
        es_chip_gpio_write(gpio, es_obj_is_true(vals[ARG_value].u_obj));
    }
    es_chip_gpio_config(gpio, (int)mode, (pull & PIN_PULL_UP) != 0);
}

static es_obj_t pin_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_check_num(n_args, n_kw, 1, ES_FUN_ARGS_MAX, true);
    int gpio = es_machine_pin_id(args[0]);
    if (n_args > 1 || n_kw > 0) {
        es_map_t kw_args;
        es_map_init_fixed_table(&kw_args, n_kw, (const es_map_elem_t *)(args + n_args));
        pin_init_helper(gpio, n_args - 1, args + 1, &kw_args);
    }
    return es_machine_pin_obj(gpio);
}

/* p() reads the pad, p(x) sets the output. */
static es_obj_t pin_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 0, 1, false);
    int gpio = gpio_of(self);
    if (n_args == 0) {
        return es_obj_new_small_int(es_chip_gpio_read(gpio));
    }
    pin_set(gpio, es_obj_is_true(args[0]));
    return ES_OBJ_NONE;
}

static es_obj_t pin_init(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    pin_init_helper(gpio_of(args[0]), n_args - 1, args + 1, kw_args);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(pin_init_obj, ES_Q_init, 1, pin_init);

static es_obj_t pin_value(size_t n_args, const es_obj_t *args) {
    return pin_call(args[0], n_args - 1, 0, args + 1);
}
static ES_DEFINE_FUN_VAR(pin_value_obj, ES_Q_value, 1, 2, pin_value);

static es_obj_t pin_on(es_obj_t self) {
    pin_set(gpio_of(self), true);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(pin_on_obj, ES_Q_on, pin_on);

static es_obj_t pin_off(es_obj_t self) {
    pin_set(gpio_of(self), false);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(pin_off_obj, ES_Q_off, pin_off);

static es_obj_t pin_toggle(es_obj_t self) {
    int gpio = gpio_of(self);
    pin_set(gpio, !es_chip_gpio_read(gpio));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(pin_toggle_obj, ES_Q_toggle, pin_toggle);

static void set_trigger(int gpio, unsigned trigger) {
    irq_trigger[gpio] = (uint8_t)(trigger & (PIN_IRQ_RISING | PIN_IRQ_FALLING));
    es_chip_gpio_irq_enable(gpio, irq_handler[gpio] != ES_OBJ_NULL ? irq_trigger[gpio] : 0);
}

/* irq(handler=None, trigger=IRQ_RISING|IRQ_FALLING, hard=False); with no arguments it only
** returns the IRQ object. */
static es_obj_t pin_irq(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    enum { ARG_handler, ARG_trigger, ARG_hard };
    static const es_arg_t allowed[] = {
        {ES_Q_handler, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_trigger, ES_ARG_INT, {.u_int = PIN_IRQ_RISING | PIN_IRQ_FALLING}},
        {ES_Q_hard, ES_ARG_BOOL, {.u_bool = false}},
    };
    int gpio = gpio_of(args[0]);
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all(n_args - 1, args + 1, kw_args, ES_ARRAY_SIZE(allowed), allowed, vals);
    if (gpio >= IRQ_PIN_COUNT) {
        es_raise_msg(&es_type_OSError, "pin does not have IRQ capabilities");
    }
    if (n_args > 1 || (kw_args != NULL && kw_args->count != 0)) {
        if (vals[ARG_hard].u_bool) {
            es_raise_msg(&es_type_ValueError, "hard IRQ not supported");
        }
        es_obj_t handler = vals[ARG_handler].u_obj;
        if (handler == ES_OBJ_NONE) {
            irq_handler[gpio] = ES_OBJ_NULL;
            set_trigger(gpio, 0);
        } else {
            irq_handler[gpio] = handler;
            set_trigger(gpio, (unsigned)vals[ARG_trigger].u_int);
        }
    }
    return ES_OBJ_FROM_CONST(irq_objs[gpio]);
}
static ES_DEFINE_FUN_KW(pin_irq_obj, ES_Q_irq, 1, pin_irq);

static const es_map_elem_t pin_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_init), ES_OBJ_FROM_CONST(pin_init_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_value), ES_OBJ_FROM_CONST(pin_value_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_on), ES_OBJ_FROM_CONST(pin_on_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_off), ES_OBJ_FROM_CONST(pin_off_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_toggle), ES_OBJ_FROM_CONST(pin_toggle_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_irq), ES_OBJ_FROM_CONST(pin_irq_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_IN), ES_OBJ_NEW_SMALL_INT(ES_CHIP_PIN_MODE_INPUT)},
    {ES_OBJ_NEW_QSTR(ES_Q_OUT), ES_OBJ_NEW_SMALL_INT(ES_CHIP_PIN_MODE_OUTPUT)},
    {ES_OBJ_NEW_QSTR(ES_Q_OPEN_DRAIN), ES_OBJ_NEW_SMALL_INT(ES_CHIP_PIN_MODE_OPEN_DRAIN)},
    {ES_OBJ_NEW_QSTR(ES_Q_PULL_UP), ES_OBJ_NEW_SMALL_INT(PIN_PULL_UP)},
    {ES_OBJ_NEW_QSTR(ES_Q_IRQ_RISING), ES_OBJ_NEW_SMALL_INT(PIN_IRQ_RISING)},
    {ES_OBJ_NEW_QSTR(ES_Q_IRQ_FALLING), ES_OBJ_NEW_SMALL_INT(PIN_IRQ_FALLING)},
};
static ES_DEFINE_CONST_DICT(pin_locals_dict, pin_locals_table);

const es_type_t es_machine_pin_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY,
    .name = ES_Q_Pin,
    .print = pin_print,
    .make_new = pin_make_new,
    .call = pin_call,
    .locals_dict = (es_obj_dict_t *)&pin_locals_dict,
};

/* ---- IRQ objects -------------------------------------------------------------------- */

static int irq_gpio_of(es_obj_t self) {
    return ((const machine_pin_irq_obj_t *)es_obj_to_ptr(self))->gpio;
}

/* Calling the IRQ object fires the handler as an edge would: scheduled, given the Pin. */
static es_obj_t pin_irq_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(args);
    es_arg_check_num(n_args, n_kw, 0, 0, false);
    int gpio = irq_gpio_of(self);
    if (irq_handler[gpio] != ES_OBJ_NULL) {
        es_sched_schedule(irq_handler[gpio], es_machine_pin_obj(gpio));
    }
    return ES_OBJ_NONE;
}

static es_obj_t pin_irq_trigger(size_t n_args, const es_obj_t *args) {
    int gpio = irq_gpio_of(args[0]);
    unsigned previous = irq_trigger[gpio];
    if (n_args == 2) {
        set_trigger(gpio, (unsigned)es_obj_get_int(args[1]));
    }
    return es_obj_new_small_int((es_int_t)previous);
}
static ES_DEFINE_FUN_VAR(pin_irq_trigger_obj, ES_Q_trigger, 1, 2, pin_irq_trigger);

static const es_map_elem_t pin_irq_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_trigger), ES_OBJ_FROM_CONST(pin_irq_trigger_obj)},
};
static ES_DEFINE_CONST_DICT(pin_irq_locals_dict, pin_irq_locals_table);

static const es_type_t machine_pin_irq_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY,
    .name = ES_Q_IRQ,
    .call = pin_irq_call,
    .locals_dict = (es_obj_dict_t *)&pin_irq_locals_dict,
};

/* ---- the port's side ------------------------------------------------------------------ */

/* From the backend's GPIO interrupt: never allocates, only queues the handler. */
void es_port_gpio_edge(int pin, unsigned edge) {
    if (pin >= 0 && pin < IRQ_PIN_COUNT && irq_handler[pin] != ES_OBJ_NULL && (irq_trigger[pin] & edge)) {
        es_sched_schedule(irq_handler[pin], es_machine_pin_obj(pin));
    }
}

void es_machine_pins_soft_reset(void) {
    for (int gpio = 0; gpio < IRQ_PIN_COUNT; gpio++) {
        irq_handler[gpio] = ES_OBJ_NULL;
        irq_trigger[gpio] = 0;
        if (pin_objs[gpio].base.type != NULL) {
            es_chip_gpio_irq_enable(gpio, 0);
        }
    }
}

void es_machine_hard_reset(void) {
    for (int gpio = 0; gpio < ES_CHIP_GPIO_COUNT; gpio++) {
        pin_mode[gpio] = ES_CHIP_PIN_MODE_INPUT;
    }
    es_machine_pins_soft_reset();
    es_machine_pwm_hard_reset();
    es_machine_rtc_hard_reset();
}

void es_machine_gc_mark_roots(void) {
    es_gc_mark_range((void *const *)irq_handler, IRQ_PIN_COUNT);
    es_machine_timers_gc_mark_roots();
}
