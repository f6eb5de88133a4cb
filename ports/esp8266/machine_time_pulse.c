/* machine_time_pulse.c: machine.time_pulse_us, the length of a pulse on a pin, in microseconds. */

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "py/runtime.h"

/* Waits until pin reads other than `level` or timeout_us passes since start_us; false on timeout. */
static bool wait_while_level(int gpio, int level, uint64_t start_us, uint64_t timeout_us) {
    for (;;) {
        if (es_chip_gpio_read(gpio) != level) {
            return true;
        }
        uint64_t elapsed = es_chip_uptime_us() - start_us;
        if (elapsed >= timeout_us) {
            return false;
        }
        es_chip_wait_event((uint32_t)(timeout_us - elapsed > UINT32_MAX ? UINT32_MAX : timeout_us - elapsed));
    }
}

/* time_pulse_us(pin, level, timeout_us=1000000): -2 if the pulse did not start within the
** timeout, -1 if it did not end within it; timing starts at once when the pin is already at level. */
static es_obj_t time_pulse_us(size_t n_args, const es_obj_t *args) {
    int gpio = es_machine_pin_id(args[0]);
    int level = es_obj_is_true(args[1]);
    es_int_t timeout = n_args > 2 ? es_obj_get_int(args[2]) : 1000000;
    uint64_t timeout_us = timeout > 0 ? (uint64_t)timeout : 0;
    uint64_t start = es_chip_uptime_us();
    if (!wait_while_level(gpio, !level, start, timeout_us)) {
        return es_obj_new_small_int(-2);
    }
    start = es_chip_uptime_us();
    if (!wait_while_level(gpio, level, start, timeout_us)) {
        return es_obj_new_small_int(-1);
    }
    return es_obj_new_int((es_int_t)(es_chip_uptime_us() - start));
}
ES_DEFINE_FUN_VAR(es_machine_time_pulse_us_obj, ES_Q_time_pulse_us, 2, 3, time_pulse_us);
