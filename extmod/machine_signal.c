/* machine_signal.c: machine.Signal, a pin seen through an optional inversion (portable). */

#include "py/runtime.h"

/*
** Signal talks to its pin through the pin's value() method, so any pin-like object works,
** including classes written in Python. Signal(id, ...) builds the pin with the port's Pin
** type; a build without one (the host interpreter) has no Signal in any module.
*/
extern const es_type_t es_machine_pin_type __attribute__((weak));

#define MAX_PIN_ARGS (12)

typedef struct machine_signal_obj_t {
    es_obj_base_t base;
    es_obj_t pin;
    bool invert;
} machine_signal_obj_t;

static bool kw_is(es_obj_t key, es_qstr_t name) {
    return es_obj_is_str(key) && es_obj_str_get_qstr(key) == name;
}

/* Signal(id, mode, ..., invert=False, value=x): every argument but invert goes to Pin, value
** first inverted when invert is true. */
static es_obj_t build_pin(size_t n_args, size_t n_kw, const es_obj_t *args, bool *invert) {
    if (&es_machine_pin_type == NULL || n_args + 2 * n_kw > MAX_PIN_ARGS) {
        es_raise_msg(&es_type_TypeError, "Signal needs a Pin");
    }
    const es_obj_t *kws = args + n_args;
    for (size_t i = 0; i < n_kw; i++) {
        if (kw_is(kws[2 * i], ES_Q_invert)) {
            *invert = es_obj_is_true(kws[2 * i + 1]);
        }
    }
    es_obj_t pin_args[MAX_PIN_ARGS];
    size_t n = 0;
    for (; n < n_args; n++) {
        pin_args[n] = args[n];
    }
    size_t n_pin_kw = 0;
    for (size_t i = 0; i < n_kw; i++) {
        es_obj_t key = kws[2 * i];
        es_obj_t value = kws[2 * i + 1];
        if (kw_is(key, ES_Q_invert)) {
            continue;
        }
        if (kw_is(key, ES_Q_value) && *invert) {
            value = es_obj_new_bool(!es_obj_is_true(value));
        }
        pin_args[n++] = key;
        pin_args[n++] = value;
        n_pin_kw++;
    }
    return es_call_function_n_kw(ES_OBJ_FROM_CONST(es_machine_pin_type), n_args, n_pin_kw, pin_args);
}

static es_obj_t signal_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 1, ES_FUN_ARGS_MAX, true);
    bool invert = false;
    es_obj_t pin;
    if (es_obj_is_int(args[0])) {
        pin = build_pin(n_args, n_kw, args, &invert);
    } else {
        /* An existing pin: Signal(pin) or Signal(pin, invert=x), nothing else. */
        if (n_args != 1 || n_kw > 1 || (n_kw == 1 && !kw_is(args[1], ES_Q_invert))) {
            es_raise_msg(&es_type_TypeError, "Signal(pin, *, invert=False)");
        }
        pin = args[0];
        invert = n_kw == 1 && es_obj_is_true(args[2]);
    }
    machine_signal_obj_t *self = es_new(machine_signal_obj_t);
    self->base.type = type;
    self->pin = pin;
    self->invert = invert;
    return es_obj_from_ptr(self);
}

static es_obj_t signal_get(machine_signal_obj_t *self) {
    es_obj_t call[2];
    es_load_method(self->pin, ES_Q_value, call);
    bool level = es_obj_is_true(es_call_method_n_kw(0, 0, call));
    return es_obj_new_small_int(level != self->invert);
}

static void signal_set(machine_signal_obj_t *self, bool active) {
    es_obj_t call[3];
    es_load_method(self->pin, ES_Q_value, call);
    call[2] = es_obj_new_small_int(active != self->invert);
    es_call_method_n_kw(1, 0, call);
}

static es_obj_t signal_call(es_obj_t self_in, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 0, 1, false);
    machine_signal_obj_t *self = es_obj_to_ptr(self_in);
    if (n_args == 0) {
        return signal_get(self);
    }
    signal_set(self, es_obj_is_true(args[0]));
    return ES_OBJ_NONE;
}

static es_obj_t signal_value(size_t n_args, const es_obj_t *args) {
    return signal_call(args[0], n_args - 1, 0, args + 1);
}
static ES_DEFINE_FUN_VAR(signal_value_obj, ES_Q_value, 1, 2, signal_value);

static es_obj_t signal_on(es_obj_t self) {
    signal_set(es_obj_to_ptr(self), true);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(signal_on_obj, ES_Q_on, signal_on);

static es_obj_t signal_off(es_obj_t self) {
    signal_set(es_obj_to_ptr(self), false);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(signal_off_obj, ES_Q_off, signal_off);

static const es_map_elem_t signal_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_value), ES_OBJ_FROM_CONST(signal_value_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_on), ES_OBJ_FROM_CONST(signal_on_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_off), ES_OBJ_FROM_CONST(signal_off_obj)},
};
static ES_DEFINE_CONST_DICT(signal_locals_dict, signal_locals_table);

const es_type_t es_machine_signal_type = {
    .base = {&es_type_type},
    .name = ES_Q_Signal,
    .make_new = signal_make_new,
    .call = signal_call,
    .locals_dict = (es_obj_dict_t *)&signal_locals_dict,
};
