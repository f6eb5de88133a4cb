/* esp_drivers.c: timing-critical device drivers in C: LED strips (bitstream, neopixel, APA102), DHT sensors, the _onewire module. */

#include <errno.h>

#include "extmod/binary.h"
#include "ports/esp8266/busdelay.h"
#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "py/hal.h"
#include "py/runtime.h"

/* ---- LED strips ------------------------------------------------------------------------ */

/*
** Pulse-width encoding, most significant bit first: each bit is a high pulse then a low one,
** timing_ns = {high for 0, low for 0, high for 1, low for 1}. Edges follow a schedule kept from
** the first one, so the time spent writing the pin does not add up over a long strip.
*/
static void send_pulse_widths(int pin, const uint32_t timing_ns[4], const uint8_t *data, size_t len) {
    uint32_t irq_state = es_chip_timing_begin();
    uint32_t bit_start = es_chip_timing_ns();
    for (size_t i = 0; i < len; i++) {
        for (int bit = 7; bit >= 0; bit--) {
            const uint32_t *t = &timing_ns[((data[i] >> bit) & 1) * 2];
            es_chip_gpio_write(pin, 1);
            while ((uint32_t)(es_chip_timing_ns() - bit_start) < t[0]) {
            }
            es_chip_gpio_write(pin, 0);
            while ((uint32_t)(es_chip_timing_ns() - bit_start) < t[0] + t[1]) {
            }
            bit_start += t[0] + t[1];
        }
    }
    es_chip_timing_end(irq_state);
}

static int output_pin(es_obj_t pin_obj) {
    int pin = es_machine_pin_id(pin_obj);
    es_chip_gpio_config(pin, ES_CHIP_PIN_MODE_OUTPUT, false);
    return pin;
}

/* machine.bitstream(pin, encoding, timing, buf): encoding 0 is the only one there is. */
static es_obj_t machine_bitstream(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    if (es_obj_get_int(args[1]) != 0) {
        es_raise_msg(&es_type_ValueError, "encoding");
    }
    es_obj_t *items;
    es_obj_get_array_fixed_n(args[2], 4, &items);
    uint32_t timing_ns[4];
    for (int i = 0; i < 4; i++) {
        es_int_t ns = es_obj_get_int(items[i]);
        if (ns < 0 || ns > 1000000) {
            es_raise_msg(&es_type_ValueError, "timing");
        }
        timing_ns[i] = (uint32_t)ns;
    }
    es_buffer_info_t buf;
    es_get_buffer_raise(args[3], &buf, ES_BUFFER_READ);
    int pin = output_pin(args[0]);
    send_pulse_widths(pin, timing_ns, buf.buf, buf.len);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_VAR(es_machine_bitstream_obj, ES_Q_bitstream, 4, 4, machine_bitstream);

/* WS2812 timings: 800 kHz, and 400 kHz for the older WS2811 mode. */
static const uint32_t neopixel_800khz_ns[4] = {400, 850, 800, 450};
static const uint32_t neopixel_400khz_ns[4] = {500, 2000, 1200, 1300};

/* esp.neopixel_write(pin, buf, is800khz) */
static es_obj_t esp_neopixel_write(es_obj_t pin_obj, es_obj_t buf_obj, es_obj_t is800khz) {
    es_buffer_info_t buf;
    es_get_buffer_raise(buf_obj, &buf, ES_BUFFER_READ);
    int pin = output_pin(pin_obj);
    send_pulse_widths(pin, es_obj_is_true(is800khz) ? neopixel_800khz_ns : neopixel_400khz_ns, buf.buf, buf.len);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_3(es_esp_neopixel_write_obj, ES_Q_neopixel_write, esp_neopixel_write);

static void apa102_send_byte(int clock, int data, uint8_t byte) {
    for (int bit = 7; bit >= 0; bit--) {
        es_chip_gpio_write(data, (byte >> bit) & 1);
        es_chip_gpio_write(clock, 1);
        es_chip_gpio_write(clock, 0);
    }
}

/*
** esp.apa102_write(clock_pin, data_pin, buf): buf holds (red, green, blue, brightness) per LED.
** On the wire: a start frame of 32 zero bits, per LED 0xE0|brightness then blue, green, red,
** half a clock per LED more (each LED delays the data by half a clock), and 32 one bits.
*/
static es_obj_t esp_apa102_write(es_obj_t clock_obj, es_obj_t data_obj, es_obj_t buf_obj) {
    es_buffer_info_t buf;
    es_get_buffer_raise(buf_obj, &buf, ES_BUFFER_READ);
    int clock = es_machine_pin_id(clock_obj);
    int data = es_machine_pin_id(data_obj);
    es_chip_gpio_write(clock, 0);
    es_chip_gpio_config(clock, ES_CHIP_PIN_MODE_OUTPUT, false);
    es_chip_gpio_config(data, ES_CHIP_PIN_MODE_OUTPUT, false);
    const uint8_t *leds = buf.buf;
    size_t n_leds = buf.len / 4;
    uint32_t irq_state = es_chip_timing_begin();
    for (int i = 0; i < 4; i++) {
        apa102_send_byte(clock, data, 0x00);
    }
    for (size_t i = 0; i < n_leds; i++) {
        const uint8_t *led = &leds[i * 4];
        apa102_send_byte(clock, data, (uint8_t)(0xe0 | led[3]));
        apa102_send_byte(clock, data, led[2]);
        apa102_send_byte(clock, data, led[1]);
        apa102_send_byte(clock, data, led[0]);
    }
    es_chip_gpio_write(data, 1);
    for (size_t i = 0; i < (n_leds + 1) / 2; i++) {
        es_chip_gpio_write(clock, 1);
        es_chip_gpio_write(clock, 0);
    }
    for (int i = 0; i < 4; i++) {
        apa102_send_byte(clock, data, 0xff);
    }
    es_chip_timing_end(irq_state);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_3(es_esp_apa102_write_obj, ES_Q_apa102_write, esp_apa102_write);

/* ---- DHT11/DHT22 ------------------------------------------------------------------------ */

/*
** Microseconds pin stays at `level`, waiting at most timeout_us for it to get there and as
** long again for it to leave: -2 if it never came, -1 if it never left.
*/
static int32_t pulse_us(int pin, int level, uint32_t timeout_us) {
    uint32_t timeout_ns = timeout_us * 1000u;
    uint32_t start = es_chip_timing_ns();
    while (es_chip_gpio_read(pin) != level) {
        if (es_bus_elapsed_ns(start) > timeout_ns) {
            return -2;
        }
    }
    start = es_chip_timing_ns();
    while (es_chip_gpio_read(pin) == level) {
        if (es_bus_elapsed_ns(start) > timeout_ns) {
            return -1;
        }
    }
    return (int32_t)(es_bus_elapsed_ns(start) / 1000u);
}

/* The sensor sends 40 bits: 50 us low, then high for 26-28 us (0) or 70 us (1). */
#define DHT_ONE_THRESHOLD_US (48)

static bool dht_read_bits(int pin, uint8_t *out) {
    es_chip_gpio_write(pin, 1); /* release: the sensor answers after 20-40 us */
    es_bus_delay_us(10);
    uint32_t start = es_chip_timing_ns();
    while (es_chip_gpio_read(pin) != 0) {
        if (es_bus_elapsed_ns(start) > 100000u) {
            return false;
        }
    }
    /* The answer: 80 us low, 80 us high. */
    if (pulse_us(pin, 1, 150) < 0) {
        return false;
    }
    for (int i = 0; i < 40; i++) {
        int32_t high = pulse_us(pin, 1, 150);
        if (high < 0) {
            return false;
        }
        out[i / 8] = (uint8_t)((out[i / 8] << 1) | (high > DHT_ONE_THRESHOLD_US));
    }
    return true;
}

/* machine.dht_readinto(pin, buf) (also esp.dht_readinto): the 5 raw bytes of one reading. */
static es_obj_t dht_readinto(es_obj_t pin_obj, es_obj_t buf_obj) {
    int pin = es_machine_pin_id(pin_obj);
    es_buffer_info_t buf;
    es_get_buffer_raise(buf_obj, &buf, ES_BUFFER_WRITE);
    if (buf.len < 5) {
        es_raise_msg(&es_type_ValueError, "buffer too small");
    }
    es_chip_gpio_write(pin, 1);
    es_chip_gpio_config(pin, ES_CHIP_PIN_MODE_OPEN_DRAIN, false);
    /* Start signal: idle high, then low for 18 ms (DHT11 needs that long, DHT22 1 ms). */
    es_hal_delay_ms(250);
    es_chip_gpio_write(pin, 0);
    es_hal_delay_ms(18);
    uint8_t data[5] = {0};
    uint32_t irq_state = es_chip_timing_begin();
    bool ok = dht_read_bits(pin, data);
    es_chip_timing_end(irq_state);
    es_chip_gpio_write(pin, 1);
    if (!ok) {
        es_raise_os_error(ETIMEDOUT);
    }
    uint8_t *out = buf.buf;
    for (int i = 0; i < 5; i++) {
        out[i] = data[i];
    }
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_2(es_machine_dht_readinto_obj, ES_Q_dht_readinto, dht_readinto);

/* ---- 1-wire: the C core of the onewire module ---------------------------------------------- */

/*
** Standard-speed slots (Maxim application note 126), in microseconds. The pin is open drain
** with a pull-up: writing 1 releases the line. Each slot's delicate part runs in a timing
** section; the long waits between slots may be interrupted.
*/
#define OW_RESET_LOW (480)
#define OW_PRESENCE_SAMPLE (70)
#define OW_RESET_RECOVERY (410)
#define OW_WRITE1_LOW (6)
#define OW_WRITE1_HIGH (64)
#define OW_WRITE0_LOW (60)
#define OW_WRITE0_HIGH (10)
#define OW_READ_LOW (6)
#define OW_READ_SAMPLE (9)
#define OW_READ_RECOVERY (55)

static bool ow_reset(int pin) {
    es_chip_gpio_write(pin, 0);
    es_bus_delay_us(OW_RESET_LOW);
    uint32_t irq_state = es_chip_timing_begin();
    es_chip_gpio_write(pin, 1);
    es_bus_delay_us(OW_PRESENCE_SAMPLE);
    bool present = es_chip_gpio_read(pin) == 0;
    es_chip_timing_end(irq_state);
    es_bus_delay_us(OW_RESET_RECOVERY);
    return present;
}

static int ow_read_bit(int pin) {
    uint32_t irq_state = es_chip_timing_begin();
    es_chip_gpio_write(pin, 0);
    es_bus_delay_us(OW_READ_LOW);
    es_chip_gpio_write(pin, 1);
    es_bus_delay_us(OW_READ_SAMPLE);
    int bit = es_chip_gpio_read(pin) != 0;
    es_chip_timing_end(irq_state);
    es_bus_delay_us(OW_READ_RECOVERY);
    return bit;
}

static void ow_write_bit(int pin, int bit) {
    uint32_t irq_state = es_chip_timing_begin();
    es_chip_gpio_write(pin, 0);
    es_bus_delay_us(bit ? OW_WRITE1_LOW : OW_WRITE0_LOW);
    es_chip_gpio_write(pin, 1);
    es_chip_timing_end(irq_state);
    es_bus_delay_us(bit ? OW_WRITE1_HIGH : OW_WRITE0_HIGH);
}

static es_obj_t onewire_reset(es_obj_t pin) {
    return es_obj_new_bool(ow_reset(es_machine_pin_id(pin)));
}
static ES_DEFINE_FUN_1(onewire_reset_obj, ES_Q_reset, onewire_reset);

static es_obj_t onewire_readbit(es_obj_t pin) {
    return es_obj_new_small_int(ow_read_bit(es_machine_pin_id(pin)));
}
static ES_DEFINE_FUN_1(onewire_readbit_obj, ES_Q_readbit, onewire_readbit);

/* Bytes go least significant bit first. */
static es_obj_t onewire_readbyte(es_obj_t pin_obj) {
    int pin = es_machine_pin_id(pin_obj);
    int byte = 0;
    for (int i = 0; i < 8; i++) {
        byte |= ow_read_bit(pin) << i;
    }
    return es_obj_new_small_int(byte);
}
static ES_DEFINE_FUN_1(onewire_readbyte_obj, ES_Q_readbyte, onewire_readbyte);

static es_obj_t onewire_writebit(es_obj_t pin, es_obj_t value) {
    ow_write_bit(es_machine_pin_id(pin), es_obj_is_true(value));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(onewire_writebit_obj, ES_Q_writebit, onewire_writebit);

static es_obj_t onewire_writebyte(es_obj_t pin_obj, es_obj_t value) {
    int pin = es_machine_pin_id(pin_obj);
    es_int_t byte = es_obj_get_int(value);
    for (int i = 0; i < 8; i++) {
        ow_write_bit(pin, (int)((byte >> i) & 1));
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(onewire_writebyte_obj, ES_Q_writebyte, onewire_writebyte);

/* Dallas/Maxim CRC-8 (x^8 + x^5 + x^4 + 1, bits in reflected order); 0 over data plus its CRC. */
static es_obj_t onewire_crc8(es_obj_t data) {
    es_buffer_info_t buf;
    es_get_buffer_raise(data, &buf, ES_BUFFER_READ);
    const uint8_t *p = buf.buf;
    uint8_t crc = 0;
    for (size_t i = 0; i < buf.len; i++) {
        uint8_t byte = p[i];
        for (int bit = 0; bit < 8; bit++) {
            bool mix = (crc ^ byte) & 1;
            crc >>= 1;
            if (mix) {
                crc ^= 0x8c;
            }
            byte >>= 1;
        }
    }
    return es_obj_new_small_int(crc);
}
static ES_DEFINE_FUN_1(onewire_crc8_obj, ES_Q_crc8, onewire_crc8);

static const es_map_elem_t onewire_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q__onewire)},
    {ES_OBJ_NEW_QSTR(ES_Q_reset), ES_OBJ_FROM_CONST(onewire_reset_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readbit), ES_OBJ_FROM_CONST(onewire_readbit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readbyte), ES_OBJ_FROM_CONST(onewire_readbyte_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_writebit), ES_OBJ_FROM_CONST(onewire_writebit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_writebyte), ES_OBJ_FROM_CONST(onewire_writebyte_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_crc8), ES_OBJ_FROM_CONST(onewire_crc8_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_onewire, onewire_globals_table);
ES_REGISTER_MODULE(ES_Q__onewire, es_module_onewire);
