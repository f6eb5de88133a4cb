/* machine_wdt.c: machine.WDT: once created the system stops feeding the watchdog; the program must feed() it. */

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "py/runtime.h"

#define WDT_DEFAULT_TIMEOUT_MS (5000)

typedef struct machine_wdt_obj_t {
    es_obj_base_t base;
} machine_wdt_obj_t;

static const machine_wdt_obj_t wdt_obj = {{&es_machine_wdt_type}};

/* WDT(id=0, timeout=5000): there is one watchdog and it cannot be stopped. */
static es_obj_t wdt_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    enum { ARG_id, ARG_timeout };
    static const es_arg_t allowed[] = {
        {ES_Q_id, ES_ARG_INT, {.u_int = 0}},
        {ES_Q_timeout, ES_ARG_INT, {.u_int = WDT_DEFAULT_TIMEOUT_MS}},
    };
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all_kw_array(n_args, n_kw, args, ES_ARRAY_SIZE(allowed), allowed, vals);
    if (vals[ARG_id].u_int != 0) {
        es_raise_msg(&es_type_ValueError, "WDT(id) must be 0");
    }
    if (vals[ARG_timeout].u_int <= 0) {
        es_raise_msg(&es_type_ValueError, "invalid timeout");
    }
    es_chip_wdt_arm((uint32_t)vals[ARG_timeout].u_int);
    return ES_OBJ_FROM_CONST(wdt_obj);
}

static es_obj_t wdt_feed(es_obj_t self) {
    ES_UNUSED(self);
    es_chip_wdt_feed();
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(wdt_feed_obj, ES_Q_feed, wdt_feed);

static const es_map_elem_t wdt_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_feed), ES_OBJ_FROM_CONST(wdt_feed_obj)},
};
static ES_DEFINE_CONST_DICT(wdt_locals_dict, wdt_locals_table);

const es_type_t es_machine_wdt_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY,
    .name = ES_Q_WDT,
    .make_new = wdt_make_new,
    .locals_dict = (es_obj_dict_t *)&wdt_locals_dict,
};
