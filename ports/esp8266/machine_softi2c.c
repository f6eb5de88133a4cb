/* machine_softi2c.c: machine.SoftI2C (also machine.I2C): an I2C master bit-banged on any two pins. */

#include <errno.h>

#include "extmod/binary.h"
#include "ports/esp8266/busdelay.h"
#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "py/runtime.h"

/*
** Both lines are open drain: writing 1 releases the line and the pull-up (the pad's own,
** standing in for the board's resistors) brings it high, unless a device holds it low.
** A device may hold SCL low to stretch the clock; the master waits up to `timeout_us`
** for it, then gives up with ETIMEDOUT. Functions return 0 or a negative errno; the byte
** writers return 1 when the byte was not acknowledged.
*/
typedef struct softi2c_obj_t {
    es_obj_base_t base;
    uint8_t scl;
    uint8_t sda;
    uint32_t half_period_us;
    uint32_t timeout_us;
} softi2c_obj_t;

static void i2c_delay(const softi2c_obj_t *self) {
    es_bus_delay_us(self->half_period_us);
}

static void scl_low(const softi2c_obj_t *self) {
    es_chip_gpio_write(self->scl, 0);
}

static void sda_low(const softi2c_obj_t *self) {
    es_chip_gpio_write(self->sda, 0);
}

static void sda_release(const softi2c_obj_t *self) {
    es_chip_gpio_write(self->sda, 1);
}

static int sda_read(const softi2c_obj_t *self) {
    return es_chip_gpio_read(self->sda);
}

static int scl_release(const softi2c_obj_t *self) {
    es_chip_gpio_write(self->scl, 1);
    i2c_delay(self);
    uint64_t limit_ns = (uint64_t)self->timeout_us * 1000;
    uint64_t waited_ns = 0;
    uint32_t last = es_chip_timing_ns();
    while (es_chip_gpio_read(self->scl) == 0) {
        uint32_t now = es_chip_timing_ns();
        waited_ns += (uint32_t)(now - last);
        last = now;
        if (waited_ns >= limit_ns) {
            return -ETIMEDOUT;
        }
    }
    return 0;
}

static int i2c_start(const softi2c_obj_t *self) {
    sda_release(self);
    i2c_delay(self);
    int ret = scl_release(self);
    if (ret != 0) {
        return ret;
    }
    sda_low(self);
    i2c_delay(self);
    return 0;
}

static int i2c_stop(const softi2c_obj_t *self) {
    i2c_delay(self);
    sda_low(self);
    i2c_delay(self);
    int ret = scl_release(self);
    sda_release(self);
    i2c_delay(self);
    return ret;
}

/* 0: acknowledged, 1: not acknowledged, < 0: error. */
static int i2c_write_byte(const softi2c_obj_t *self, uint8_t byte) {
    i2c_delay(self);
    scl_low(self);
    for (int bit = 7; bit >= 0; bit--) {
        es_chip_gpio_write(self->sda, (byte >> bit) & 1);
        int ret = scl_release(self);
        if (ret != 0) {
            sda_release(self);
            return ret;
        }
        scl_low(self);
    }
    sda_release(self);
    int ret = scl_release(self);
    if (ret != 0) {
        return ret;
    }
    int nack = sda_read(self);
    i2c_delay(self);
    scl_low(self);
    return nack;
}

static int i2c_read_byte(const softi2c_obj_t *self, uint8_t *byte, bool nack) {
    i2c_delay(self);
    scl_low(self);
    i2c_delay(self);
    uint8_t data = 0;
    for (int bit = 7; bit >= 0; bit--) {
        int ret = scl_release(self);
        if (ret != 0) {
            return ret;
        }
        data = (uint8_t)((data << 1) | (sda_read(self) & 1));
        scl_low(self);
        i2c_delay(self);
    }
    *byte = data;
    if (!nack) {
        sda_low(self);
    }
    i2c_delay(self);
    int ret = scl_release(self);
    if (ret != 0) {
        sda_release(self);
        return ret;
    }
    scl_low(self);
    sda_release(self);
    return 0;
}

/*
** One addressed transfer over a list of buffers: START, address, then the bytes (reads
** acknowledge all but the very last byte), STOP when asked. Returns the number of written
** bytes acknowledged (writing stops at the first NACK), 0 for reads, -ENODEV when nobody
** answers the address, or another negative errno.
*/
static int i2c_transfer(const softi2c_obj_t *self, uint8_t addr, size_t n_bufs, es_buffer_info_t *bufs, bool read,
                        bool stop) {
    int ret = i2c_start(self);
    if (ret != 0) {
        return ret;
    }
    ret = i2c_write_byte(self, (uint8_t)((addr << 1) | (read ? 1 : 0)));
    if (ret < 0) {
        return ret;
    }
    if (ret != 0) {
        i2c_stop(self);
        return -ENODEV;
    }
    int acked = 0;
    for (size_t b = 0; b < n_bufs; b++) {
        uint8_t *data = bufs[b].buf;
        size_t len = bufs[b].len;
        bool nacked = false;
        for (size_t i = 0; i < len; i++) {
            if (read) {
                bool last = b + 1 == n_bufs && i + 1 == len;
                ret = i2c_read_byte(self, &data[i], last);
                if (ret != 0) {
                    return ret;
                }
            } else {
                ret = i2c_write_byte(self, data[i]);
                if (ret < 0) {
                    return ret;
                }
                if (ret != 0) {
                    nacked = true;
                    break;
                }
                acked++;
            }
        }
        if (nacked) {
            break;
        }
    }
    if (stop) {
        ret = i2c_stop(self);
        if (ret != 0) {
            return ret;
        }
    }
    return acked;
}

static int check_errno(int ret) {
    if (ret < 0) {
        es_raise_os_error(-ret);
    }
    return ret;
}

/* ---- construction ----------------------------------------------------------------- */

enum { ARG_scl, ARG_sda, ARG_freq, ARG_timeout };
static const es_arg_t i2c_init_args[] = {
    {ES_Q_scl, ES_ARG_REQUIRED | ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
    {ES_Q_sda, ES_ARG_REQUIRED | ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
    {ES_Q_freq, ES_ARG_INT, {.u_int = 400000}},
    {ES_Q_timeout, ES_ARG_KW_ONLY | ES_ARG_INT, {.u_int = 50000}},
};

static void i2c_apply(softi2c_obj_t *self, const es_arg_val_t *args) {
    int scl = es_machine_pin_id(args[ARG_scl].u_obj);
    int sda = es_machine_pin_id(args[ARG_sda].u_obj);
    es_int_t freq = args[ARG_freq].u_int;
    es_int_t timeout = args[ARG_timeout].u_int;
    if (freq <= 0) {
        es_raise_msg(&es_type_ValueError, "invalid freq");
    }
    if (timeout < 0 || timeout > 0x7fffffff) {
        es_raise_msg(&es_type_ValueError, "invalid timeout");
    }
    self->scl = (uint8_t)scl;
    self->sda = (uint8_t)sda;
    self->half_period_us = (uint32_t)(500000 / freq);
    if (self->half_period_us == 0) {
        self->half_period_us = 1;
    }
    self->timeout_us = (uint32_t)timeout;
    es_chip_gpio_write(self->scl, 1);
    es_chip_gpio_write(self->sda, 1);
    es_chip_gpio_config(self->scl, ES_CHIP_PIN_MODE_OPEN_DRAIN, true);
    es_chip_gpio_config(self->sda, ES_CHIP_PIN_MODE_OPEN_DRAIN, true);
    es_chip_gpio_write(self->scl, 1);
    es_chip_gpio_write(self->sda, 1);
}

static es_obj_t i2c_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_val_t vals[ES_ARRAY_SIZE(i2c_init_args)];
    es_arg_parse_all_kw_array(n_args, n_kw, args, ES_ARRAY_SIZE(i2c_init_args), i2c_init_args, vals);
    softi2c_obj_t *self = es_new(softi2c_obj_t);
    self->base.type = type;
    i2c_apply(self, vals);
    return es_obj_from_ptr(self);
}

static es_obj_t i2c_init(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    es_arg_val_t vals[ES_ARRAY_SIZE(i2c_init_args)];
    es_arg_parse_all(n_args - 1, args + 1, kw_args, ES_ARRAY_SIZE(i2c_init_args), i2c_init_args, vals);
    i2c_apply(es_obj_to_ptr(args[0]), vals);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(i2c_init_obj, ES_Q_init, 1, i2c_init);

static es_obj_t i2c_deinit(es_obj_t self) {
    ES_UNUSED(self);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(i2c_deinit_obj, ES_Q_deinit, i2c_deinit);

static void i2c_print(const es_print_t *print, es_obj_t self_in, es_print_kind_t kind) {
    ES_UNUSED(kind);
    softi2c_obj_t *self = es_obj_to_ptr(self_in);
    es_printf(print, "SoftI2C(scl=%u, sda=%u, freq=%u)", (unsigned)self->scl, (unsigned)self->sda,
              (unsigned)(500000 / self->half_period_us));
}

/* ---- whole transfers --------------------------------------------------------------- */

static softi2c_obj_t *i2c_of(es_obj_t self) {
    return es_obj_to_ptr(self);
}

static uint8_t addr_of(es_obj_t addr) {
    return (uint8_t)es_obj_get_int(addr);
}

static es_obj_t i2c_scan(es_obj_t self_in) {
    softi2c_obj_t *self = i2c_of(self_in);
    es_obj_t found = es_obj_new_list(0, NULL);
    /* 0x00-0x07 and 0x78-0x7f are reserved addresses. */
    for (int addr = 0x08; addr < 0x78; addr++) {
        if (i2c_transfer(self, (uint8_t)addr, 0, NULL, false, true) == 0) {
            es_obj_list_append(found, es_obj_new_small_int(addr));
        }
    }
    return found;
}
static ES_DEFINE_FUN_1(i2c_scan_obj, ES_Q_scan, i2c_scan);

static es_obj_t i2c_readfrom(size_t n_args, const es_obj_t *args) {
    es_int_t n = es_obj_get_int(args[2]);
    if (n < 0) {
        es_raise_msg(&es_type_ValueError, "negative count");
    }
    bool stop = n_args < 4 || es_obj_is_true(args[3]);
    es_buffer_info_t buf = {es_alloc((size_t)n + 1), (size_t)n, 'B'};
    check_errno(i2c_transfer(i2c_of(args[0]), addr_of(args[1]), 1, &buf, true, stop));
    return es_obj_new_bytes(buf.buf, buf.len);
}
static ES_DEFINE_FUN_VAR(i2c_readfrom_obj, ES_Q_readfrom, 3, 4, i2c_readfrom);

static es_obj_t i2c_readfrom_into(size_t n_args, const es_obj_t *args) {
    es_buffer_info_t buf;
    es_get_buffer_raise(args[2], &buf, ES_BUFFER_WRITE);
    bool stop = n_args < 4 || es_obj_is_true(args[3]);
    check_errno(i2c_transfer(i2c_of(args[0]), addr_of(args[1]), 1, &buf, true, stop));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(i2c_readfrom_into_obj, ES_Q_readfrom_into, 3, 4, i2c_readfrom_into);

static es_obj_t i2c_writeto(size_t n_args, const es_obj_t *args) {
    es_buffer_info_t buf;
    es_get_buffer_raise(args[2], &buf, ES_BUFFER_READ);
    bool stop = n_args < 4 || es_obj_is_true(args[3]);
    int acked = check_errno(i2c_transfer(i2c_of(args[0]), addr_of(args[1]), 1, &buf, false, stop));
    return es_obj_new_small_int(acked);
}
static ES_DEFINE_FUN_VAR(i2c_writeto_obj, ES_Q_writeto, 3, 4, i2c_writeto);

static es_obj_t i2c_writevto(size_t n_args, const es_obj_t *args) {
    size_t n_bufs;
    es_obj_t *items;
    es_obj_get_array(args[2], &n_bufs, &items);
    es_buffer_info_t *bufs = es_new_array(es_buffer_info_t, n_bufs + 1);
    for (size_t i = 0; i < n_bufs; i++) {
        es_get_buffer_raise(items[i], &bufs[i], ES_BUFFER_READ);
    }
    bool stop = n_args < 4 || es_obj_is_true(args[3]);
    int acked = check_errno(i2c_transfer(i2c_of(args[0]), addr_of(args[1]), n_bufs, bufs, false, stop));
    return es_obj_new_small_int(acked);
}
static ES_DEFINE_FUN_VAR(i2c_writevto_obj, ES_Q_writevto, 3, 4, i2c_writevto);

/* ---- register access: the memory address is written first, most significant byte first ---- */

enum { ARG_addr, ARG_memaddr, ARG_buf, ARG_addrsize, N_MEM_ARGS };
static const es_arg_t mem_buf_args[N_MEM_ARGS] = {
    {ES_Q_addr, ES_ARG_REQUIRED | ES_ARG_INT, {.u_int = 0}},
    {ES_Q_memaddr, ES_ARG_REQUIRED | ES_ARG_INT, {.u_int = 0}},
    {ES_Q_buf, ES_ARG_REQUIRED | ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
    {ES_Q_addrsize, ES_ARG_KW_ONLY | ES_ARG_INT, {.u_int = 8}},
};
/* readfrom_mem names its count `n` where the others take a buffer. */
static const es_arg_t mem_count_args[N_MEM_ARGS] = {
    {ES_Q_addr, ES_ARG_REQUIRED | ES_ARG_INT, {.u_int = 0}},
    {ES_Q_memaddr, ES_ARG_REQUIRED | ES_ARG_INT, {.u_int = 0}},
    {ES_Q_n, ES_ARG_REQUIRED | ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
    {ES_Q_addrsize, ES_ARG_KW_ONLY | ES_ARG_INT, {.u_int = 8}},
};

static es_buffer_info_t memaddr_bytes(const es_arg_val_t *vals, uint8_t *storage) {
    es_int_t addrsize = vals[ARG_addrsize].u_int;
    if (addrsize < 8 || addrsize > 32 || addrsize % 8 != 0) {
        es_raise_msg(&es_type_ValueError, "invalid addrsize");
    }
    uint32_t memaddr = (uint32_t)vals[ARG_memaddr].u_int;
    size_t len = 0;
    for (int shift = (int)addrsize - 8; shift >= 0; shift -= 8) {
        storage[len++] = (uint8_t)(memaddr >> shift);
    }
    es_buffer_info_t info = {storage, len, 'B'};
    return info;
}

static void parse_mem_args(size_t n_args, const es_obj_t *args, es_map_t *kw_args, const es_arg_t *allowed,
                           es_arg_val_t *vals) {
    es_arg_parse_all(n_args - 1, args + 1, kw_args, N_MEM_ARGS, allowed, vals);
}

static void read_mem(const softi2c_obj_t *self, const es_arg_val_t *vals, es_buffer_info_t *buf) {
    uint8_t storage[4];
    es_buffer_info_t memaddr = memaddr_bytes(vals, storage);
    uint8_t addr = (uint8_t)vals[ARG_addr].u_int;
    int ret = check_errno(i2c_transfer(self, addr, 1, &memaddr, false, false));
    if ((size_t)ret != memaddr.len) {
        /* The device refused the memory address: end with a STOP and leave buf alone, as
        ** MicroPython does. */
        i2c_transfer(self, addr, 0, NULL, false, true);
        return;
    }
    check_errno(i2c_transfer(self, addr, 1, buf, true, true));
}

static es_obj_t i2c_readfrom_mem(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    es_arg_val_t vals[N_MEM_ARGS];
    parse_mem_args(n_args, args, kw_args, mem_count_args, vals);
    es_int_t n = es_obj_get_int(vals[ARG_buf].u_obj);
    if (n < 0) {
        es_raise_msg(&es_type_ValueError, "negative count");
    }
    es_buffer_info_t buf = {es_alloc((size_t)n + 1), (size_t)n, 'B'};
    read_mem(i2c_of(args[0]), vals, &buf);
    return es_obj_new_bytes(buf.buf, buf.len);
}
static ES_DEFINE_FUN_KW(i2c_readfrom_mem_obj, ES_Q_readfrom_mem, 1, i2c_readfrom_mem);

static es_obj_t i2c_readfrom_mem_into(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    es_arg_val_t vals[N_MEM_ARGS];
    parse_mem_args(n_args, args, kw_args, mem_buf_args, vals);
    es_buffer_info_t buf;
    es_get_buffer_raise(vals[ARG_buf].u_obj, &buf, ES_BUFFER_WRITE);
    read_mem(i2c_of(args[0]), vals, &buf);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(i2c_readfrom_mem_into_obj, ES_Q_readfrom_mem_into, 1, i2c_readfrom_mem_into);

static es_obj_t i2c_writeto_mem(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    es_arg_val_t vals[N_MEM_ARGS];
    parse_mem_args(n_args, args, kw_args, mem_buf_args, vals);
    uint8_t storage[4];
    es_buffer_info_t bufs[2];
    bufs[0] = memaddr_bytes(vals, storage);
    es_get_buffer_raise(vals[ARG_buf].u_obj, &bufs[1], ES_BUFFER_READ);
    check_errno(i2c_transfer(i2c_of(args[0]), (uint8_t)vals[ARG_addr].u_int, 2, bufs, false, true));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(i2c_writeto_mem_obj, ES_Q_writeto_mem, 1, i2c_writeto_mem);

/* ---- primitive operations: the caller frames the transaction ---------------------------- */

static es_obj_t i2c_start_method(es_obj_t self) {
    check_errno(i2c_start(i2c_of(self)));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(i2c_start_obj, ES_Q_start, i2c_start_method);

static es_obj_t i2c_stop_method(es_obj_t self) {
    check_errno(i2c_stop(i2c_of(self)));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(i2c_stop_obj, ES_Q_stop, i2c_stop_method);

static es_obj_t i2c_readinto(size_t n_args, const es_obj_t *args) {
    softi2c_obj_t *self = i2c_of(args[0]);
    es_buffer_info_t buf;
    es_get_buffer_raise(args[1], &buf, ES_BUFFER_WRITE);
    bool nack_last = n_args < 3 || es_obj_is_true(args[2]);
    uint8_t *data = buf.buf;
    for (size_t i = 0; i < buf.len; i++) {
        check_errno(i2c_read_byte(self, &data[i], nack_last && i + 1 == buf.len));
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(i2c_readinto_obj, ES_Q_readinto, 2, 3, i2c_readinto);

static es_obj_t i2c_write(es_obj_t self_in, es_obj_t data_in) {
    softi2c_obj_t *self = i2c_of(self_in);
    es_buffer_info_t buf;
    es_get_buffer_raise(data_in, &buf, ES_BUFFER_READ);
    const uint8_t *data = buf.buf;
    int acked = 0;
    for (size_t i = 0; i < buf.len; i++) {
        if (check_errno(i2c_write_byte(self, data[i])) != 0) {
            break;
        }
        acked++;
    }
    return es_obj_new_small_int(acked);
}
static ES_DEFINE_FUN_2(i2c_write_obj, ES_Q_write, i2c_write);

static const es_map_elem_t i2c_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_init), ES_OBJ_FROM_CONST(i2c_init_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_deinit), ES_OBJ_FROM_CONST(i2c_deinit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_scan), ES_OBJ_FROM_CONST(i2c_scan_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_start), ES_OBJ_FROM_CONST(i2c_start_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_stop), ES_OBJ_FROM_CONST(i2c_stop_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readinto), ES_OBJ_FROM_CONST(i2c_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_write), ES_OBJ_FROM_CONST(i2c_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readfrom), ES_OBJ_FROM_CONST(i2c_readfrom_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readfrom_into), ES_OBJ_FROM_CONST(i2c_readfrom_into_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_writeto), ES_OBJ_FROM_CONST(i2c_writeto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_writevto), ES_OBJ_FROM_CONST(i2c_writevto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readfrom_mem), ES_OBJ_FROM_CONST(i2c_readfrom_mem_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readfrom_mem_into), ES_OBJ_FROM_CONST(i2c_readfrom_mem_into_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_writeto_mem), ES_OBJ_FROM_CONST(i2c_writeto_mem_obj)},
};
static ES_DEFINE_CONST_DICT(i2c_locals_dict, i2c_locals_table);

const es_type_t es_machine_softi2c_type = {
    .base = {&es_type_type},
    .name = ES_Q_SoftI2C,
    .print = i2c_print,
    .make_new = i2c_make_new,
    .locals_dict = (es_obj_dict_t *)&i2c_locals_dict,
};
