/* modtime.c: the time module as MicroPython has it: sleeps, wrapping tick counters, wall clock and the 8-tuple calendar. */

#include <math.h>

#include "py/hal.h"
#include "py/runtime.h"

/*
** Tick counters wrap at TICKS_PERIOD (2**30, as on the ESP8266, so ticks stay small ints
** on every build). ticks_diff gives the signed distance on that circle, correct as long as
** the two ticks are less than half a period apart.
*/
#define TICKS_PERIOD ((es_uint_t)1 << 30)
#define TICKS_MAX (TICKS_PERIOD - 1)
#define TICKS_HALF_PERIOD ((es_int_t)(TICKS_PERIOD / 2))

/* ---- sleeping ------------------------------------------------------------------------- */

static es_obj_t time_sleep(es_obj_t seconds_in) {
    es_float_t seconds = es_obj_get_float(seconds_in);
    if (isnan(seconds)) {
        es_raise_msg(&es_type_ValueError, "Invalid value NaN (not a number)");
    }
    if (seconds < 0) {
        es_raise_msg(&es_type_ValueError, "sleep length must be non-negative");
    }
    es_float_t us_total = seconds * 1000000;
    if (us_total > (es_float_t)UINT32_MAX * 1000) {
        es_raise_msg(&es_type_OverflowError, "sleep length is too large");
    }
    /* Whole milliseconds in chunks (each a uint32), then the remaining microseconds. */
    uint64_t us = (uint64_t)us_total;
    uint64_t ms = us / 1000;
    while (ms > 0) {
        uint32_t chunk = ms > 0x7fffffff ? 0x7fffffff : (uint32_t)ms;
        es_hal_delay_ms(chunk);
        ms -= chunk;
    }
    es_hal_delay_us((uint32_t)(us % 1000));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(time_sleep_obj, ES_Q_sleep, time_sleep);

static es_obj_t time_sleep_ms(es_obj_t ms_in) {
    es_int_t ms = es_obj_get_int(ms_in);
    if (ms > 0) {
        es_hal_delay_ms((uint32_t)ms);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(time_sleep_ms_obj, ES_Q_sleep_ms, time_sleep_ms);

static es_obj_t time_sleep_us(es_obj_t us_in) {
    es_int_t us = es_obj_get_int(us_in);
    if (us > 0) {
        es_hal_delay_us((uint32_t)us);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(time_sleep_us_obj, ES_Q_sleep_us, time_sleep_us);

/* ---- ticks -------------------------------------------------------------------------- */

static es_obj_t time_ticks_ms(void) {
    return es_obj_new_small_int((es_int_t)(es_hal_ticks_ms() & TICKS_MAX));
}
static ES_DEFINE_FUN_0(time_ticks_ms_obj, ES_Q_ticks_ms, time_ticks_ms);

static es_obj_t time_ticks_us(void) {
    return es_obj_new_small_int((es_int_t)(es_hal_ticks_us() & TICKS_MAX));
}
static ES_DEFINE_FUN_0(time_ticks_us_obj, ES_Q_ticks_us, time_ticks_us);

static es_obj_t time_ticks_cpu(void) {
    return es_obj_new_small_int((es_int_t)(es_hal_ticks_cpu() & TICKS_MAX));
}
static ES_DEFINE_FUN_0(time_ticks_cpu_obj, ES_Q_ticks_cpu, time_ticks_cpu);

static es_obj_t time_ticks_add(es_obj_t ticks_in, es_obj_t delta_in) {
    es_uint_t ticks = (es_uint_t)es_obj_get_int(ticks_in);
    es_int_t delta = es_obj_get_int(delta_in);
    /* A larger step could not be measured back with ticks_diff. */
    if (delta < -TICKS_HALF_PERIOD || delta > TICKS_HALF_PERIOD) {
        es_raise_msg(&es_type_OverflowError, "ticks interval overflow");
    }
    return es_obj_new_small_int((es_int_t)((ticks + (es_uint_t)delta) & TICKS_MAX));
}
static ES_DEFINE_FUN_2(time_ticks_add_obj, ES_Q_ticks_add, time_ticks_add);

static es_obj_t time_ticks_diff(es_obj_t end_in, es_obj_t start_in) {
    es_uint_t end = (es_uint_t)es_obj_get_int(end_in);
    es_uint_t start = (es_uint_t)es_obj_get_int(start_in);
    es_int_t diff = (es_int_t)((end - start + (es_uint_t)TICKS_HALF_PERIOD) & TICKS_MAX) - TICKS_HALF_PERIOD;
    return es_obj_new_small_int(diff);
}
static ES_DEFINE_FUN_2(time_ticks_diff_obj, ES_Q_ticks_diff, time_ticks_diff);

/* ---- wall clock ------------------------------------------------------------------------ */

static es_obj_t time_time(void) {
    uint64_t ns = es_hal_time_ns() - (uint64_t)ES_TIME_EPOCH_OFFSET * 1000000000u;
#if ES_TIME_TIME_IS_INT
    return es_obj_new_int_from_ull(ns / 1000000000u);
#else
    return es_obj_new_float((es_float_t)(ns / 1000) / (es_float_t)1000000);
#endif
}
static ES_DEFINE_FUN_0(time_time_obj, ES_Q_time, time_time);

static es_obj_t time_time_ns(void) {
    return es_obj_new_int_from_ull(es_hal_time_ns() - (uint64_t)ES_TIME_EPOCH_OFFSET * 1000000000u);
}
static ES_DEFINE_FUN_0(time_time_ns_obj, ES_Q_time_ns, time_time_ns);

/* ---- calendar: proleptic Gregorian, days counted from 1970-01-01 ------------------------- */

/* Days since the epoch of a civil date (month 1..12, any day offset). */
static int64_t days_from_civil(int64_t year, int64_t month, int64_t day) {
    year -= month <= 2;
    int64_t era = (year >= 0 ? year : year - 399) / 400;
    int64_t year_of_era = year - era * 400;
    int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

static void civil_from_days(int64_t days, int64_t *year, int *month, int *day) {
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t day_of_era = days - era * 146097;
    int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t mp = (5 * day_of_year + 2) / 153;
    *day = (int)(day_of_year - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = year_of_era + era * 400 + (*month <= 2);
}

/* (year, month, mday, hour, minute, second, weekday 0=Monday, yearday 1..366) */
static es_obj_t time_tuple(size_t n_args, const es_obj_t *args) {
    int64_t secs;
    if (n_args == 0 || args[0] == ES_OBJ_NONE) {
        secs = (int64_t)(es_hal_time_ns() / 1000000000u) - ES_TIME_EPOCH_OFFSET;
    } else if (es_obj_is_float(args[0])) {
        es_float_t f = es_obj_float_get(args[0]);
        if (!isfinite(f) || f > (es_float_t)1e15 || f < (es_float_t)-1e15) {
            es_raise_msg(&es_type_OverflowError, "timestamp out of range for platform time_t");
        }
        secs = (int64_t)floor(f);
    } else {
        es_int_t v;
        if (!es_obj_is_int(args[0]) || es_obj_is_small_int(args[0])) {
            v = es_obj_get_int(args[0]);
        } else if (!es_obj_int_fits_int_t(args[0], &v)) {
            es_raise_msg(&es_type_OverflowError, "timestamp out of range for platform time_t");
        }
        secs = v;
        /* the float bound, so the calendar arithmetic below cannot overflow */
        if (secs > INT64_C(1000000000000000) || secs < -INT64_C(1000000000000000)) {
            es_raise_msg(&es_type_OverflowError, "timestamp out of range for platform time_t");
        }
    }
    secs += ES_TIME_EPOCH_OFFSET; /* the calendar below counts from 1970 */
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t rem = secs - days * 86400;
    int64_t year;
    int month;
    int mday;
    civil_from_days(days, &year, &month, &mday);
    int64_t weekday = (days + 3) % 7; /* 1970-01-01 was a Thursday */
    if (weekday < 0) {
        weekday += 7;
    }
    int64_t yday = days - days_from_civil(year, 1, 1) + 1;
    es_obj_t items[8] = {
        es_obj_new_int_from_ll(year),
        es_obj_new_small_int(month),
        es_obj_new_small_int(mday),
        es_obj_new_small_int((es_int_t)(rem / 3600)),
        es_obj_new_small_int((es_int_t)(rem / 60 % 60)),
        es_obj_new_small_int((es_int_t)(rem % 60)),
        es_obj_new_small_int((es_int_t)weekday),
        es_obj_new_small_int((es_int_t)yday),
    };
    return es_obj_new_tuple(8, items);
}
/* The board has no time zone: local time is UTC, as in MicroPython's ports without one. */
static ES_DEFINE_FUN_VAR(time_gmtime_obj, ES_Q_gmtime, 0, 1, time_tuple);
static ES_DEFINE_FUN_VAR(time_localtime_obj, ES_Q_localtime, 0, 1, time_tuple);

/* A field of mktime's tuple: a C int, as CPython's struct tm has, so the sums below fit 64 bits. */
static int64_t tm_field(es_obj_t o) {
    int64_t v = es_obj_get_int(o);
    if (v > INT32_MAX || v < INT32_MIN) {
        es_raise_msg(&es_type_OverflowError, "Python int too large to convert to C int");
    }
    return v;
}

static es_obj_t time_mktime(es_obj_t tuple) {
    size_t len;
    es_obj_t *items;
    es_obj_get_array(tuple, &len, &items);
    if (len < 8 || len > 9) {
        es_raise_msg(&es_type_TypeError, "mktime needs a tuple of length 8 or 9");
    }
    int64_t year = tm_field(items[0]);
    int64_t month = tm_field(items[1]);
    int64_t mday = tm_field(items[2]);
    int64_t hour = tm_field(items[3]);
    int64_t minute = tm_field(items[4]);
    int64_t second = tm_field(items[5]);
    /* Out-of-range months roll over into years; days, hours... roll over by plain arithmetic. */
    int64_t month0 = month - 1;
    year += (month0 >= 0 ? month0 : month0 - 11) / 12;
    month0 -= ((month0 >= 0 ? month0 : month0 - 11) / 12) * 12;
    int64_t days = days_from_civil(year, month0 + 1, 1) + mday - 1;
    int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second;
    return es_obj_new_int_from_ll(secs - ES_TIME_EPOCH_OFFSET);
}
static ES_DEFINE_FUN_1(time_mktime_obj, ES_Q_mktime, time_mktime);

static const es_map_elem_t time_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_time)},
    {ES_OBJ_NEW_QSTR(ES_Q_sleep), ES_OBJ_FROM_CONST(time_sleep_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sleep_ms), ES_OBJ_FROM_CONST(time_sleep_ms_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sleep_us), ES_OBJ_FROM_CONST(time_sleep_us_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ticks_ms), ES_OBJ_FROM_CONST(time_ticks_ms_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ticks_us), ES_OBJ_FROM_CONST(time_ticks_us_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ticks_cpu), ES_OBJ_FROM_CONST(time_ticks_cpu_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ticks_add), ES_OBJ_FROM_CONST(time_ticks_add_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ticks_diff), ES_OBJ_FROM_CONST(time_ticks_diff_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_time), ES_OBJ_FROM_CONST(time_time_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_time_ns), ES_OBJ_FROM_CONST(time_time_ns_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_gmtime), ES_OBJ_FROM_CONST(time_gmtime_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_localtime), ES_OBJ_FROM_CONST(time_localtime_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_mktime), ES_OBJ_FROM_CONST(time_mktime_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_time, time_globals_table);
ES_REGISTER_MODULE(ES_Q_time, es_module_time);
