/* machine_rtc.c: machine.RTC: the calendar clock since 2000-01-01, the 492 bytes of RTC memory, alarm 0 for deepsleep wake. */

#include <string.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "extmod/binary.h"
#include "py/runtime.h"

#define RTC_ALARM0 (0)
#define MACHINE_DEEPSLEEP (4)
#define US_PER_SECOND (1000000u)
#define SECONDS_PER_DAY (86400u)

typedef struct machine_rtc_obj_t {
    es_obj_base_t base;
} machine_rtc_obj_t;

static const machine_rtc_obj_t rtc_obj = {{&es_machine_rtc_type}};

/* Alarm 0: when it fires, in RTC microseconds, and whether it wakes the chip from deepsleep. */
static uint64_t alarm0_at_us;
static bool alarm0_armed;
static uint8_t alarm0_wake;

/* ---- the calendar (proleptic Gregorian, days counted from 2000-01-01, a Saturday) ---- */

static bool is_leap(es_int_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(es_int_t year, int month) {
    static const uint8_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1] + (month == 2 && is_leap(year));
}

static uint32_t days_from_date(es_int_t year, es_int_t month, es_int_t day) {
    uint32_t days = 0;
    for (es_int_t y = 2000; y < year; y++) {
        days += is_leap(y) ? 366u : 365u;
    }
    for (int m = 1; m < month; m++) {
        days += (uint32_t)days_in_month(year, m);
    }
    return days + (uint32_t)(day - 1);
}

static void date_from_days(uint32_t days, es_int_t *year, int *month, int *day) {
    es_int_t y = 2000;
    while (days >= (is_leap(y) ? 366u : 365u)) {
        days -= is_leap(y) ? 366u : 365u;
        y++;
    }
    int m = 1;
    while (days >= (uint32_t)days_in_month(y, m)) {
        days -= (uint32_t)days_in_month(y, m);
        m++;
    }
    *year = y;
    *month = m;
    *day = (int)days + 1;
}

static es_obj_t rtc_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    ES_UNUSED(args);
    es_arg_check_num(n_args, n_kw, 0, 0, false);
    return ES_OBJ_FROM_CONST(rtc_obj);
}

static es_obj_t get_datetime(void) {
    uint64_t us = es_chip_rtc_us();
    uint64_t seconds = us / US_PER_SECOND;
    uint32_t days = (uint32_t)(seconds / SECONDS_PER_DAY);
    uint32_t in_day = (uint32_t)(seconds % SECONDS_PER_DAY);
    es_int_t year;
    int month, day;
    date_from_days(days, &year, &month, &day);
    es_obj_t items[8] = {
        es_obj_new_int(year),
        es_obj_new_small_int(month),
        es_obj_new_small_int(day),
        es_obj_new_small_int((days + 5) % 7), /* 0 = Monday */
        es_obj_new_small_int(in_day / 3600),
        es_obj_new_small_int(in_day / 60 % 60),
        es_obj_new_small_int(in_day % 60),
        es_obj_new_small_int((es_int_t)(us % US_PER_SECOND / 1000)),
    };
    return es_obj_new_tuple(8, items);
}

/* (year, month, day, weekday, hour, minute, second, milliseconds); the weekday is ignored. */
static void set_datetime(es_obj_t tuple) {
    es_obj_t *items;
    es_obj_get_array_fixed_n(tuple, 8, &items);
    es_int_t year = es_obj_get_int(items[0]);
    es_int_t month = es_obj_get_int(items[1]);
    es_int_t day = es_obj_get_int(items[2]);
    es_int_t hour = es_obj_get_int(items[4]);
    es_int_t minute = es_obj_get_int(items[5]);
    es_int_t second = es_obj_get_int(items[6]);
    es_int_t ms = es_obj_get_int(items[7]);
    if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, (int)month) ||
        hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0 || ms > 999) {
        es_raise_msg(&es_type_ValueError, "invalid datetime");
    }
    uint64_t seconds = (uint64_t)days_from_date(year, month, day) * SECONDS_PER_DAY + (uint64_t)(hour * 3600 + minute * 60 + second);
    es_chip_rtc_set_us(seconds * US_PER_SECOND + (uint64_t)ms * 1000u);
}

static es_obj_t rtc_datetime(size_t n_args, const es_obj_t *args) {
    if (n_args == 1) {
        return get_datetime();
    }
    set_datetime(args[1]);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(rtc_datetime_obj, ES_Q_datetime, 1, 2, rtc_datetime);

static es_obj_t rtc_memory(size_t n_args, const es_obj_t *args) {
    if (n_args == 1) {
        uint8_t data[ES_CHIP_RTC_MEMORY_SIZE];
        size_t len = es_chip_rtc_memory_read(data);
        return es_obj_new_bytes(data, len > sizeof data ? sizeof data : len);
    }
    es_buffer_info_t info;
    es_get_buffer_raise(args[1], &info, ES_BUFFER_READ);
    if (info.len > ES_CHIP_RTC_MEMORY_SIZE) {
        es_raise_msg(&es_type_ValueError, "buffer too long");
    }
    es_chip_rtc_memory_write(info.buf, info.len);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(rtc_memory_obj, ES_Q_memory, 1, 2, rtc_memory);

static void check_alarm_id(es_obj_t id) {
    if (es_obj_get_int(id) != RTC_ALARM0) {
        es_raise_msg(&es_type_ValueError, "invalid alarm");
    }
}

/* alarm(0, ms): alarm 0 fires ms milliseconds from now. */
static es_obj_t rtc_alarm(es_obj_t self, es_obj_t id, es_obj_t ms_in) {
    ES_UNUSED(self);
    check_alarm_id(id);
    es_int_t ms = es_obj_get_int(ms_in);
    alarm0_at_us = es_chip_rtc_us() + (ms > 0 ? (uint64_t)ms * 1000u : 0);
    alarm0_armed = true;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(rtc_alarm_obj, ES_Q_alarm, rtc_alarm);

static uint64_t alarm0_left_us(void) {
    uint64_t now = es_chip_rtc_us();
    return alarm0_armed && alarm0_at_us > now ? alarm0_at_us - now : 0;
}

static es_obj_t rtc_alarm_left(size_t n_args, const es_obj_t *args) {
    if (n_args == 2) {
        check_alarm_id(args[1]);
    }
    return es_obj_new_int((es_int_t)(alarm0_left_us() / 1000u));
}
static ES_DEFINE_FUN_VAR(rtc_alarm_left_obj, ES_Q_alarm_left, 1, 2, rtc_alarm_left);

/* irq(*, trigger=ALARM0, wake=0): wake=machine.DEEPSLEEP lets alarm 0 end a deepsleep. */
static es_obj_t rtc_irq(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    enum { ARG_trigger, ARG_wake };
    static const es_arg_t allowed[] = {
        {ES_Q_trigger, ES_ARG_KW_ONLY | ES_ARG_INT, {.u_int = RTC_ALARM0}},
        {ES_Q_wake, ES_ARG_KW_ONLY | ES_ARG_INT, {.u_int = 0}},
    };
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all(n_args - 1, args + 1, kw_args, ES_ARRAY_SIZE(allowed), allowed, vals);
    if (vals[ARG_trigger].u_int != RTC_ALARM0) {
        es_raise_msg(&es_type_ValueError, "invalid alarm");
    }
    alarm0_wake = (uint8_t)vals[ARG_wake].u_int;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(rtc_irq_obj, ES_Q_irq, 1, rtc_irq);

int64_t es_machine_rtc_deepsleep_alarm_us(void) {
    if (!alarm0_armed || !(alarm0_wake & MACHINE_DEEPSLEEP)) {
        return -1;
    }
    return (int64_t)alarm0_left_us();
}

void es_machine_rtc_hard_reset(void) {
    alarm0_armed = false;
    alarm0_wake = 0;
}

static const es_map_elem_t rtc_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_datetime), ES_OBJ_FROM_CONST(rtc_datetime_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_memory), ES_OBJ_FROM_CONST(rtc_memory_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_alarm), ES_OBJ_FROM_CONST(rtc_alarm_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_alarm_left), ES_OBJ_FROM_CONST(rtc_alarm_left_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_irq), ES_OBJ_FROM_CONST(rtc_irq_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ALARM0), ES_OBJ_NEW_SMALL_INT(RTC_ALARM0)},
};
static ES_DEFINE_CONST_DICT(rtc_locals_dict, rtc_locals_table);

const es_type_t es_machine_rtc_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY,
    .name = ES_Q_RTC,
    .make_new = rtc_make_new,
    .locals_dict = (es_obj_dict_t *)&rtc_locals_dict,
};
