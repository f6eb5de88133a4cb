/* modmachine.c: the machine module's table, and its reset, sleep, frequency and interrupt functions. */

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "ports/esp8266/port.h"
#include "py/hal.h"
#include "py/runtime.h"

static es_obj_t machine_freq(size_t n_args, const es_obj_t *args) {
    if (n_args == 0) {
        return es_obj_new_int((es_int_t)es_chip_cpu_mhz() * 1000000);
    }
    es_int_t mhz = es_obj_get_int(args[0]) / 1000000;
    if (mhz != 80 && mhz != 160) {
        es_raise_msg(&es_type_ValueError, "frequency can only be either 80Mhz or 160MHz");
    }
    es_chip_set_cpu_mhz((unsigned)mhz);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(machine_freq_obj, ES_Q_freq, 0, 1, machine_freq);

static es_obj_t machine_reset(void) {
    es_chip_restart(ES_CHIP_RESET_SOFT);
}
static ES_DEFINE_FUN_0(machine_reset_obj, ES_Q_reset, machine_reset);

static es_obj_t machine_soft_reset(void) {
    es_raise(es_obj_new_exception(&es_type_SystemExit));
}
static ES_DEFINE_FUN_0(machine_soft_reset_obj, ES_Q_soft_reset, machine_soft_reset);

static es_obj_t machine_reset_cause(void) { return es_obj_new_small_int(es_chip_reset_cause()); }
static ES_DEFINE_FUN_0(machine_reset_cause_obj, ES_Q_reset_cause, machine_reset_cause);

static es_obj_t machine_unique_id(void) {
    uint32_t id = es_chip_id();
    uint8_t bytes[4] = {(uint8_t)id, (uint8_t)(id >> 8), (uint8_t)(id >> 16), (uint8_t)(id >> 24)};
    return es_obj_new_bytes(bytes, sizeof(bytes));
}
static ES_DEFINE_FUN_0(machine_unique_id_obj, ES_Q_unique_id, machine_unique_id);

static es_obj_t machine_idle(void) {
    es_chip_wait_event(10000); /* until the next interrupt (the OS tick at the latest) */
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_0(machine_idle_obj, ES_Q_idle, machine_idle);

/* lightsleep/sleep: events keep being served; without a time it never ends. */
static es_obj_t machine_lightsleep(size_t n_args, const es_obj_t *args) {
    if (n_args == 0 || args[0] == ES_OBJ_NONE) {
        for (;;) {
            es_hal_delay_ms(1000);
        }
    }
    es_int_t ms = es_obj_get_int(args[0]);
    es_hal_delay_ms(ms < 0 ? 0 : (uint32_t)ms);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(machine_lightsleep_obj, ES_Q_lightsleep, 0, 1, machine_lightsleep);

/* The shorter of ms and the RTC alarm armed with wake=DEEPSLEEP; neither: until reset. */
static es_obj_t machine_deepsleep(size_t n_args, const es_obj_t *args) {
    int64_t us = -1;
    if (n_args > 0 && args[0] != ES_OBJ_NONE) {
        es_int_t ms = es_obj_get_int(args[0]);
        us = ms <= 0 ? 1000 : (int64_t)ms * 1000;
    }
    int64_t alarm = es_machine_rtc_deepsleep_alarm_us();
    if (alarm >= 0 && (us < 0 || alarm < us)) {
        us = alarm > 0 ? alarm : 1;
    }
    es_chip_deepsleep(us < 0 ? 0 : (uint64_t)us);
}
static ES_DEFINE_FUN_VAR(machine_deepsleep_obj, ES_Q_deepsleep, 0, 1, machine_deepsleep);

static es_obj_t machine_disable_irq(void) { return es_obj_new_int_from_uint(es_chip_disable_irq()); }
static ES_DEFINE_FUN_0(machine_disable_irq_obj, ES_Q_disable_irq, machine_disable_irq);

static es_obj_t machine_enable_irq(es_obj_t state) {
    es_chip_enable_irq((uint32_t)es_obj_get_int(state));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(machine_enable_irq_obj, ES_Q_enable_irq, machine_enable_irq);

/* Each part of machine adds its entries here (Pin, UART, ...), one line per name. */
static const es_map_elem_t machine_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_machine)},
    {ES_OBJ_NEW_QSTR(ES_Q_freq), ES_OBJ_FROM_CONST(machine_freq_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_reset), ES_OBJ_FROM_CONST(machine_reset_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_soft_reset), ES_OBJ_FROM_CONST(machine_soft_reset_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_reset_cause), ES_OBJ_FROM_CONST(machine_reset_cause_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_unique_id), ES_OBJ_FROM_CONST(machine_unique_id_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_idle), ES_OBJ_FROM_CONST(machine_idle_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_lightsleep), ES_OBJ_FROM_CONST(machine_lightsleep_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sleep), ES_OBJ_FROM_CONST(machine_lightsleep_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_deepsleep), ES_OBJ_FROM_CONST(machine_deepsleep_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_disable_irq), ES_OBJ_FROM_CONST(machine_disable_irq_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_enable_irq), ES_OBJ_FROM_CONST(machine_enable_irq_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_PWRON_RESET), ES_OBJ_NEW_SMALL_INT(ES_CHIP_RESET_POWER_ON)},
    {ES_OBJ_NEW_QSTR(ES_Q_WDT_RESET), ES_OBJ_NEW_SMALL_INT(ES_CHIP_RESET_WDT)},
    {ES_OBJ_NEW_QSTR(ES_Q_SOFT_RESET), ES_OBJ_NEW_SMALL_INT(ES_CHIP_RESET_SOFT)},
    {ES_OBJ_NEW_QSTR(ES_Q_DEEPSLEEP_RESET), ES_OBJ_NEW_SMALL_INT(ES_CHIP_RESET_DEEPSLEEP)},
    {ES_OBJ_NEW_QSTR(ES_Q_HARD_RESET), ES_OBJ_NEW_SMALL_INT(ES_CHIP_RESET_HARD)},
    {ES_OBJ_NEW_QSTR(ES_Q_DEEPSLEEP), ES_OBJ_NEW_SMALL_INT(4)},
    /* pins (machine_pin.c, machine_pwm.c, machine_adc.c, machine_rtc.c, machine_timer.c,
    ** machine_wdt.c, machine_time_pulse.c, extmod/machine_signal.c) */
    {ES_OBJ_NEW_QSTR(ES_Q_Pin), ES_OBJ_FROM_CONST(es_machine_pin_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_Signal), ES_OBJ_FROM_CONST(es_machine_signal_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_PWM), ES_OBJ_FROM_CONST(es_machine_pwm_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_ADC), ES_OBJ_FROM_CONST(es_machine_adc_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_RTC), ES_OBJ_FROM_CONST(es_machine_rtc_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_Timer), ES_OBJ_FROM_CONST(es_machine_timer_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_WDT), ES_OBJ_FROM_CONST(es_machine_wdt_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_time_pulse_us), ES_OBJ_FROM_CONST(es_machine_time_pulse_us_obj)},
    /* buses (machine_uart.c, machine_softi2c.c, machine_softspi.c, machine_hspi.c, esp_drivers.c) */
    {ES_OBJ_NEW_QSTR(ES_Q_UART), ES_OBJ_FROM_CONST(es_machine_uart_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_I2C), ES_OBJ_FROM_CONST(es_machine_softi2c_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_SoftI2C), ES_OBJ_FROM_CONST(es_machine_softi2c_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_SPI), ES_OBJ_FROM_CONST(es_machine_hspi_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_SoftSPI), ES_OBJ_FROM_CONST(es_machine_softspi_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_bitstream), ES_OBJ_FROM_CONST(es_machine_bitstream_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_dht_readinto), ES_OBJ_FROM_CONST(es_machine_dht_readinto_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_machine, machine_globals_table);
ES_REGISTER_MODULE(ES_Q_machine, es_module_machine);
