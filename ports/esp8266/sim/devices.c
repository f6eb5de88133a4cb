/* devices.c: simulated devices on the board's pins (I2C EEPROM, SPI registers, DS18B20, DHT11/22, WS2812 and APA102 strips), speaking their protocols edge by edge. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/board.h"
#include "ports/esp8266/sim/devices.h"

/*
** Each device watches the pads it is wired to: the GPIO code tells it (es_sim_devices_pin_changed)
** whenever the chip changes what it drives, and the bus clock (timing.c) tells it that time
** passes (es_sim_devices_advance), so timed answers such as a 1-wire presence pulse or a DHT
** reading come out at the right moments. A device drives each of its pins with 0 (pulls low),
** 1 (its board's pull-up resistor: every module here has one) or -1 (not connected any more).
** The control socket adds, configures and reads devices (docs/control-devices.md).
*/

#define MAX_DEVICES (16)
#define MAX_PINS (4)
#define US (1000u) /* nanoseconds */

enum { KIND_FREE, KIND_EEPROM, KIND_SPI_REGS, KIND_DS18B20, KIND_DHT, KIND_NEOPIXEL, KIND_APA102 };

/* ---- I2C EEPROM (24C02 ... 24C512 style) ---- */
enum { I2C_IDLE, I2C_ADDRESS, I2C_POINTER, I2C_WRITE, I2C_READ, I2C_IGNORE };
typedef struct i2c_dev_t {
    uint8_t addr;
    uint8_t state;
    uint8_t pointer_bytes; /* memory address bytes still expected */
    uint8_t bit;           /* clock pulses seen in the current byte, 0..9 */
    uint8_t shift;
    uint8_t out;
    bool transmitting;
    bool master_acked;
    bool clock_high_seen; /* a rising edge since START or the last falling one */
    int8_t scl_level, sda_level;
    uint8_t *mem;
    uint32_t size;
    uint32_t ptr;
    uint32_t stretch_us;
    uint64_t stretch_until_ns; /* 0: SCL not held */
} i2c_dev_t;

/* ---- SPI register file: command byte (bit 7 read, bits 6-0 register), then data ---- */
#define SPI_REGS (128)
typedef struct spi_dev_t {
    uint8_t regs[SPI_REGS];
    uint8_t polarity, phase;
    bool selected;
    bool read_cmd;
    int8_t sck_level;
    uint8_t in_bits, in_byte;
    uint8_t out_bits, out_byte;
    uint8_t ptr;
    uint32_t bytes;
} spi_dev_t;

/* ---- DS18B20 on 1-wire ---- */
enum { OW_IDLE, OW_ROM_CMD, OW_MATCH, OW_SEARCH, OW_FUNC_CMD, OW_WRITE_SCRATCH, OW_SEND };
typedef struct ow_dev_t {
    uint8_t rom[8];
    uint8_t scratch[9];
    int16_t temp_raw; /* what a conversion measures, 1/16 degree */
    uint8_t state;
    uint8_t after_send; /* state once the bits to send are out */
    bool master_low;
    bool reading_slot; /* the slot under way is the master reading from the devices */
    uint64_t fall_ns;
    uint64_t hold_from_ns, hold_until_ns; /* the device pulls the line low in [from, until) */
    uint8_t rx[8];
    uint8_t rx_bits, rx_want;
    uint8_t tx[9];
    uint8_t tx_pos, tx_len; /* bits */
    uint8_t search_bit, search_phase;
} ow_dev_t;

/* ---- DHT11 / DHT22 ---- */
#define DHT_SEGMENTS (84) /* 30 us wait, 80 low, 80 high, 40 x (50 low, 26/70 high), 50 low */
typedef struct dht_dev_t {
    uint8_t model; /* 11 or 22 */
    int16_t temp_tenths;
    uint16_t hum_tenths;
    bool master_low;
    uint64_t fall_ns;
    bool answering;
    uint8_t segment;
    uint64_t segment_end_ns;
    uint8_t data[5];
} dht_dev_t;

/* ---- LED strips ---- */
#define STRIP_MAX_BYTES (512)
typedef struct strip_dev_t {
    uint16_t bpp;      /* WS2812: bytes per LED; APA102: number of LEDs */
    uint16_t threshold_ns;
    bool high;
    uint64_t rise_ns, fall_ns;
    uint16_t n_bits;
    uint32_t zero_run;
    bool collecting;
    uint8_t word_bits;
    uint32_t word;
    uint16_t n_words;
    bool clock_high;
    uint8_t bytes[STRIP_MAX_BYTES];
} strip_dev_t;

typedef struct device_t {
    uint8_t kind;
    int8_t pin[MAX_PINS];   /* -1: unused */
    int8_t drive[MAX_PINS]; /* what the device drives on each pin */
    union {
        i2c_dev_t i2c;
        spi_dev_t spi;
        ow_dev_t ow;
        dht_dev_t dht;
        strip_dev_t strip;
    } u;
} device_t;

static device_t devices[MAX_DEVICES];

/* ---- pads ---------------------------------------------------------------------------- */

static int level(int pin) {
    return es_chip_gpio_read(pin);
}

static bool chip_pulls_low(int pin) {
    return es_sim_gpio_chip_drive(pin) == 0;
}

static void set_drive(device_t *d, int index, int value) {
    if (d->drive[index] != value) {
        d->drive[index] = (int8_t)value;
        es_sim_gpio_recompute(d->pin[index]);
    }
}

int es_sim_devices_drive(int pin) {
    int result = -1;
    for (int i = 0; i < MAX_DEVICES; i++) {
        const device_t *d = &devices[i];
        if (d->kind == KIND_FREE) {
            continue;
        }
        for (int p = 0; p < MAX_PINS; p++) {
            if (d->pin[p] == pin) {
                if (d->drive[p] == 0) {
                    return 0;
                }
                if (d->drive[p] == 1) {
                    result = 1;
                }
            }
        }
    }
    return result;
}

/* ---- I2C ------------------------------------------------------------------------------ */

#define I2C_SCL (0)
#define I2C_SDA (1)

static bool i2c_take_byte(i2c_dev_t *s, uint8_t byte) {
    switch (s->state) {
        case I2C_ADDRESS:
            if ((byte >> 1) != s->addr) {
                return false;
            }
            if (byte & 1) {
                s->state = I2C_READ;
            } else {
                s->state = I2C_POINTER;
                s->pointer_bytes = s->size > 256 ? 2 : 1;
                s->ptr = 0;
            }
            return true;
        case I2C_POINTER:
            s->ptr = (s->ptr << 8) | byte;
            if (--s->pointer_bytes == 0) {
                s->ptr %= s->size;
                s->state = I2C_WRITE;
            }
            return true;
        case I2C_WRITE:
            s->mem[s->ptr] = byte;
            s->ptr = (s->ptr + 1) % s->size;
            return true;
        default:
            return false;
    }
}

static void i2c_load_next(device_t *d) {
    i2c_dev_t *s = &d->u.i2c;
    s->out = s->mem[s->ptr];
    s->ptr = (s->ptr + 1) % s->size;
    s->bit = 0;
    set_drive(d, I2C_SDA, s->out >> 7 ? 1 : 0);
}

static void i2c_scl_rose(device_t *d, int sda) {
    i2c_dev_t *s = &d->u.i2c;
    if (s->state == I2C_IDLE || s->state == I2C_IGNORE) {
        return;
    }
    s->clock_high_seen = true;
    if (!s->transmitting && s->bit < 8) {
        s->shift = (uint8_t)((s->shift << 1) | sda);
    } else if (s->transmitting && s->bit == 8) {
        s->master_acked = sda == 0;
    }
}

static void i2c_scl_fell(device_t *d) {
    i2c_dev_t *s = &d->u.i2c;
    if (s->state == I2C_IDLE || s->state == I2C_IGNORE || !s->clock_high_seen) {
        return; /* the fall that follows START ends no clock pulse */
    }
    s->clock_high_seen = false;
    s->bit++;
    if (!s->transmitting) {
        if (s->bit == 8) {
            if (i2c_take_byte(s, s->shift)) {
                set_drive(d, I2C_SDA, 0); /* acknowledge */
            } else {
                s->state = I2C_IGNORE;
            }
        } else if (s->bit == 9) {
            set_drive(d, I2C_SDA, 1);
            s->bit = 0;
            s->shift = 0;
            if (s->stretch_us > 0) {
                s->stretch_until_ns = es_sim_bus_now_ns() + (uint64_t)s->stretch_us * US;
                set_drive(d, I2C_SCL, 0);
            }
            if (s->state == I2C_READ) {
                s->transmitting = true;
                i2c_load_next(d);
            }
        }
        return;
    }
    if (s->bit < 8) {
        set_drive(d, I2C_SDA, (s->out >> (7 - s->bit)) & 1);
    } else if (s->bit == 8) {
        set_drive(d, I2C_SDA, 1); /* the master acknowledges */
    } else if (s->master_acked) {
        i2c_load_next(d);
    } else {
        s->state = I2C_IGNORE;
    }
}

/* START and STOP are SDA changes while SCL is high; data changes only while SCL is low. */
static void i2c_update(device_t *d) {
    i2c_dev_t *s = &d->u.i2c;
    int scl = level(d->pin[I2C_SCL]);
    int sda = level(d->pin[I2C_SDA]);
    if (scl != s->scl_level) {
        s->scl_level = (int8_t)scl;
        s->sda_level = (int8_t)sda;
        if (scl) {
            i2c_scl_rose(d, sda);
        } else {
            i2c_scl_fell(d);
        }
        s->sda_level = (int8_t)level(d->pin[I2C_SDA]);
        return;
    }
    if (sda != s->sda_level) {
        s->sda_level = (int8_t)sda;
        if (scl) {
            s->state = sda ? I2C_IDLE : I2C_ADDRESS;
            s->transmitting = false;
            s->clock_high_seen = false;
            s->bit = 0;
            s->shift = 0;
            set_drive(d, I2C_SDA, 1);
        }
    }
}

static void i2c_advance(device_t *d, uint64_t now) {
    i2c_dev_t *s = &d->u.i2c;
    if (s->stretch_until_ns != 0 && now >= s->stretch_until_ns) {
        s->stretch_until_ns = 0;
        set_drive(d, I2C_SCL, 1);
        i2c_update(d);
    }
}

/* ---- SPI ------------------------------------------------------------------------------- */

#define SPI_CS (0)
#define SPI_SCK (1)
#define SPI_MOSI (2)
#define SPI_MISO (3)

static uint8_t spi_next_out(spi_dev_t *s) {
    if (s->read_cmd && s->bytes >= 1) {
        uint8_t value = s->regs[s->ptr];
        s->ptr = (uint8_t)((s->ptr + 1) % SPI_REGS);
        return value;
    }
    return 0;
}

static void spi_shift_out(device_t *d) {
    spi_dev_t *s = &d->u.spi;
    if (s->out_bits == 8) {
        s->out_byte = spi_next_out(s);
        s->out_bits = 0;
    }
    set_drive(d, SPI_MISO, (s->out_byte >> (7 - s->out_bits)) & 1);
    s->out_bits++;
}

static void spi_sample(device_t *d) {
    spi_dev_t *s = &d->u.spi;
    s->in_byte = (uint8_t)((s->in_byte << 1) | level(d->pin[SPI_MOSI]));
    if (++s->in_bits < 8) {
        return;
    }
    if (s->bytes == 0) {
        s->read_cmd = (s->in_byte & 0x80) != 0;
        s->ptr = s->in_byte & 0x7f;
    } else if (!s->read_cmd) {
        s->regs[s->ptr] = s->in_byte;
        s->ptr = (uint8_t)((s->ptr + 1) % SPI_REGS);
    }
    s->bytes++;
    s->in_bits = 0;
    s->in_byte = 0;
}

static void spi_update(device_t *d) {
    spi_dev_t *s = &d->u.spi;
    bool selected = level(d->pin[SPI_CS]) == 0;
    int sck = level(d->pin[SPI_SCK]);
    if (selected != s->selected) {
        s->selected = selected;
        s->sck_level = (int8_t)sck;
        if (!selected) {
            set_drive(d, SPI_MISO, -1);
            return;
        }
        s->bytes = 0;
        s->in_bits = s->in_byte = 0;
        s->out_byte = 0;
        s->out_bits = 0;
        s->read_cmd = false;
        if (s->phase == 0) {
            spi_shift_out(d);
        }
        return;
    }
    if (!selected || sck == s->sck_level) {
        s->sck_level = (int8_t)sck;
        return;
    }
    s->sck_level = (int8_t)sck;
    bool leading = sck != s->polarity;
    if (leading == (s->phase == 0)) {
        spi_sample(d);
    } else {
        spi_shift_out(d);
    }
}

/* ---- DS18B20 ------------------------------------------------------------------------- */

#define OW_PIN (0)
#define OW_RESET_MIN_NS (400 * US)
#define OW_WRITE0_MIN_NS (30 * US) /* a write slot held low longer than this is a 0 */

static uint8_t crc8(const uint8_t *data, size_t len) {
    uint8_t crc = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t byte = data[i];
        for (int bit = 0; bit < 8; bit++) {
            bool mix = (crc ^ byte) & 1;
            crc >>= 1;
            if (mix) {
                crc ^= 0x8c;
            }
            byte >>= 1;
        }
    }
    return crc;
}

static void ow_receive(ow_dev_t *s, uint8_t state, uint8_t bits) {
    s->state = state;
    s->rx_bits = 0;
    s->rx_want = bits;
    memset(s->rx, 0, sizeof s->rx);
}

static void ow_send(ow_dev_t *s, const uint8_t *data, uint8_t bytes, uint8_t then) {
    memcpy(s->tx, data, bytes);
    s->tx_pos = 0;
    s->tx_len = (uint8_t)(bytes * 8);
    s->state = OW_SEND;
    s->after_send = then;
}

static void ow_update_scratch_crc(ow_dev_t *s) {
    s->scratch[8] = crc8(s->scratch, 8);
}

static void ow_function(ow_dev_t *s, uint8_t cmd) {
    switch (cmd) {
        case 0x44: /* CONVERT T: done at once; read slots then return 1 */
            s->scratch[0] = (uint8_t)s->temp_raw;
            s->scratch[1] = (uint8_t)((uint16_t)s->temp_raw >> 8);
            ow_update_scratch_crc(s);
            s->state = OW_IDLE;
            break;
        case 0xbe: /* READ SCRATCHPAD */
            ow_send(s, s->scratch, 9, OW_IDLE);
            break;
        case 0x4e: /* WRITE SCRATCHPAD: TH, TL, configuration */
            ow_receive(s, OW_WRITE_SCRATCH, 24);
            break;
        default: /* COPY SCRATCHPAD, RECALL E2, READ POWER SUPPLY (externally powered: 1s) */
            s->state = OW_IDLE;
            break;
    }
}

static void ow_received(ow_dev_t *s) {
    switch (s->state) {
        case OW_ROM_CMD:
            switch (s->rx[0]) {
                case 0x33: /* READ ROM */
                    ow_send(s, s->rom, 8, OW_FUNC_CMD);
                    break;
                case 0x55: /* MATCH ROM */
                    ow_receive(s, OW_MATCH, 64);
                    break;
                case 0xcc: /* SKIP ROM */
                    ow_receive(s, OW_FUNC_CMD, 8);
                    break;
                case 0xf0: /* SEARCH ROM */
                    s->state = OW_SEARCH;
                    s->search_bit = 0;
                    s->search_phase = 0;
                    break;
                default:
                    s->state = OW_IDLE;
                    break;
            }
            break;
        case OW_MATCH:
            if (memcmp(s->rx, s->rom, 8) == 0) {
                ow_receive(s, OW_FUNC_CMD, 8);
            } else {
                s->state = OW_IDLE;
            }
            break;
        case OW_FUNC_CMD:
            ow_function(s, s->rx[0]);
            break;
        case OW_WRITE_SCRATCH:
            memcpy(&s->scratch[2], s->rx, 3);
            ow_update_scratch_crc(s);
            s->state = OW_IDLE;
            break;
        default:
            break;
    }
}

static int rom_bit(const ow_dev_t *s, int i) {
    return (s->rom[i / 8] >> (i % 8)) & 1;
}

/* The master starts a slot: a device with a 0 to send holds the line low for 30 us. */
static void ow_slot_started(device_t *d, uint64_t now) {
    ow_dev_t *s = &d->u.ow;
    int send = -1;
    s->reading_slot = s->state == OW_SEND || (s->state == OW_SEARCH && s->search_phase < 2);
    if (s->state == OW_SEND) {
        send = (s->tx[s->tx_pos / 8] >> (s->tx_pos % 8)) & 1;
        if (++s->tx_pos == s->tx_len) {
            if (s->after_send == OW_FUNC_CMD) {
                ow_receive(s, OW_FUNC_CMD, 8);
            } else {
                s->state = s->after_send;
            }
        }
    } else if (s->state == OW_SEARCH && s->search_phase < 2) {
        send = rom_bit(s, s->search_bit) ^ s->search_phase;
        s->search_phase++;
    }
    if (send == 0) {
        s->hold_from_ns = now;
        s->hold_until_ns = now + 30 * US;
        set_drive(d, OW_PIN, 0);
    }
}

static void ow_slot_ended(device_t *d, uint64_t low_ns, uint64_t now) {
    ow_dev_t *s = &d->u.ow;
    if (low_ns >= OW_RESET_MIN_NS) {
        /* Reset: answer with a presence pulse 15-135 us after the master lets go. */
        ow_receive(s, OW_ROM_CMD, 8);
        s->reading_slot = false;
        s->hold_from_ns = now + 15 * US;
        s->hold_until_ns = now + 135 * US;
        return;
    }
    if (s->reading_slot) {
        return;
    }
    int bit = low_ns < OW_WRITE0_MIN_NS;
    if (s->state == OW_SEARCH && s->search_phase == 2) {
        if (bit != rom_bit(s, s->search_bit)) {
            s->state = OW_IDLE;
        } else if (++s->search_bit == 64) {
            ow_receive(s, OW_FUNC_CMD, 8);
        } else {
            s->search_phase = 0;
        }
        return;
    }
    if (s->state == OW_ROM_CMD || s->state == OW_MATCH || s->state == OW_FUNC_CMD || s->state == OW_WRITE_SCRATCH) {
        s->rx[s->rx_bits / 8] |= (uint8_t)(bit << (s->rx_bits % 8));
        if (++s->rx_bits == s->rx_want) {
            ow_received(s);
        }
    }
}

static void ow_advance(device_t *d, uint64_t now) {
    ow_dev_t *s = &d->u.ow;
    bool holding = now >= s->hold_from_ns && now < s->hold_until_ns;
    set_drive(d, OW_PIN, holding ? 0 : 1);
}

static void ow_update(device_t *d) {
    ow_dev_t *s = &d->u.ow;
    bool low = chip_pulls_low(d->pin[OW_PIN]);
    if (low == s->master_low) {
        return;
    }
    uint64_t now = es_sim_bus_now_ns();
    s->master_low = low;
    ow_advance(d, now);
    if (low) {
        s->fall_ns = now;
        ow_slot_started(d, now);
    } else {
        ow_slot_ended(d, now - s->fall_ns, now);
    }
}

static void ow_set_temperature(ow_dev_t *s, double celsius) {
    s->temp_raw = (int16_t)lround(celsius * 16);
}

static void ow_power_on(ow_dev_t *s) {
    /* The temperature register reads 85 degrees until the first conversion. */
    static const uint8_t initial[8] = {0x50, 0x05, 0x4b, 0x46, 0x7f, 0xff, 0x0c, 0x10};
    memcpy(s->scratch, initial, 8);
    ow_update_scratch_crc(s);
    s->state = OW_IDLE;
    s->hold_from_ns = s->hold_until_ns = 0;
}

/* ---- DHT11 / DHT22 -------------------------------------------------------------------- */

#define DHT_PIN (0)
#define DHT_START_MIN_NS (800 * US)

static int dht_segment_level(int segment) {
    return segment == 0 || (segment >= 2 && segment < DHT_SEGMENTS - 1 && segment % 2 == 0);
}

static uint64_t dht_segment_ns(const dht_dev_t *s, int segment) {
    if (segment == 0) {
        return 30 * US;
    }
    if (segment <= 2) {
        return 80 * US;
    }
    if (segment % 2 == 1) {
        return 50 * US;
    }
    int bit = (segment - 4) / 2;
    return ((s->data[bit / 8] >> (7 - bit % 8)) & 1) ? 70 * US : 26 * US;
}

static void dht_prepare(dht_dev_t *s) {
    if (s->model == 11) {
        int t = s->temp_tenths < 0 ? 0 : s->temp_tenths;
        s->data[0] = (uint8_t)(s->hum_tenths / 10);
        s->data[1] = (uint8_t)(s->hum_tenths % 10);
        s->data[2] = (uint8_t)(t / 10);
        s->data[3] = (uint8_t)(t % 10);
    } else {
        uint16_t t = (uint16_t)(s->temp_tenths < 0 ? (0x8000 | -s->temp_tenths) : s->temp_tenths);
        s->data[0] = (uint8_t)(s->hum_tenths >> 8);
        s->data[1] = (uint8_t)s->hum_tenths;
        s->data[2] = (uint8_t)(t >> 8);
        s->data[3] = (uint8_t)t;
    }
    s->data[4] = (uint8_t)(s->data[0] + s->data[1] + s->data[2] + s->data[3]);
}

static void dht_advance(device_t *d, uint64_t now) {
    dht_dev_t *s = &d->u.dht;
    if (!s->answering) {
        return;
    }
    while (now >= s->segment_end_ns) {
        if (++s->segment == DHT_SEGMENTS) {
            s->answering = false;
            set_drive(d, DHT_PIN, 1);
            return;
        }
        s->segment_end_ns += dht_segment_ns(s, s->segment);
    }
    set_drive(d, DHT_PIN, dht_segment_level(s->segment));
}

static void dht_update(device_t *d) {
    dht_dev_t *s = &d->u.dht;
    bool low = chip_pulls_low(d->pin[DHT_PIN]);
    if (low == s->master_low) {
        return;
    }
    uint64_t now = es_sim_bus_now_ns();
    s->master_low = low;
    if (low) {
        s->fall_ns = now;
        s->answering = false;
        set_drive(d, DHT_PIN, 1);
    } else if (now - s->fall_ns >= DHT_START_MIN_NS) {
        dht_prepare(s);
        s->answering = true;
        s->segment = 0;
        s->segment_end_ns = now + dht_segment_ns(s, 0);
    }
}

/* ---- WS2812 (neopixel) and APA102 strips -------------------------------------------------- */

#define WS2812_RESET_NS (50 * US)

static void ws2812_update(device_t *d) {
    strip_dev_t *s = &d->u.strip;
    bool high = level(d->pin[0]) == 1;
    if (high == s->high) {
        return;
    }
    uint64_t now = es_sim_bus_now_ns();
    s->high = high;
    if (high) {
        if (now - s->fall_ns > WS2812_RESET_NS) {
            s->n_bits = 0; /* a new frame after the reset gap */
        }
        s->rise_ns = now;
        return;
    }
    s->fall_ns = now;
    if (s->n_bits < STRIP_MAX_BYTES * 8) {
        int bit = now - s->rise_ns > s->threshold_ns;
        uint8_t *byte = &s->bytes[s->n_bits / 8];
        *byte = (uint8_t)((*byte << 1) | bit);
        s->n_bits++;
    }
}

#define APA102_CLK (0)
#define APA102_DATA (1)

/* A start frame is 32 zero bits; every LED frame then begins with three 1 bits. */
static void apa102_update(device_t *d) {
    strip_dev_t *s = &d->u.strip;
    bool clock_high = level(d->pin[APA102_CLK]) == 1;
    if (clock_high == s->clock_high) {
        return;
    }
    s->clock_high = clock_high;
    if (!clock_high) {
        return;
    }
    int bit = level(d->pin[APA102_DATA]);
    if (bit == 0) {
        s->zero_run++;
    } else {
        if (s->zero_run >= 32) {
            s->collecting = true;
            s->n_words = 0;
            s->word_bits = 0;
            s->word = 0;
        }
        s->zero_run = 0;
    }
    if (!s->collecting) {
        return;
    }
    s->word = (s->word << 1) | (uint32_t)bit;
    if (++s->word_bits == 32) {
        memcpy(&s->bytes[s->n_words * 4], &s->word, 4);
        s->word_bits = 0;
        s->word = 0;
        if (++s->n_words == s->bpp) {
            s->collecting = false;
        }
    }
}

/* ---- hooks from the pads and the clock ------------------------------------------------------ */

static void device_update(device_t *d) {
    switch (d->kind) {
        case KIND_EEPROM:
            i2c_update(d);
            break;
        case KIND_SPI_REGS:
            spi_update(d);
            break;
        case KIND_DS18B20:
            ow_update(d);
            break;
        case KIND_DHT:
            dht_update(d);
            break;
        case KIND_NEOPIXEL:
            ws2812_update(d);
            break;
        case KIND_APA102:
            apa102_update(d);
            break;
        default:
            break;
    }
}

void es_sim_devices_pin_changed(int pin) {
    for (int i = 0; i < MAX_DEVICES; i++) {
        device_t *d = &devices[i];
        for (int p = 0; p < MAX_PINS && d->kind != KIND_FREE; p++) {
            if (d->pin[p] == pin) {
                device_update(d);
                break;
            }
        }
    }
}

void es_sim_devices_advance(uint64_t now_ns) {
    for (int i = 0; i < MAX_DEVICES; i++) {
        device_t *d = &devices[i];
        switch (d->kind) {
            case KIND_EEPROM:
                i2c_advance(d, now_ns);
                break;
            case KIND_DS18B20:
                ow_advance(d, now_ns);
                break;
            case KIND_DHT:
                dht_advance(d, now_ns);
                break;
            default:
                break;
        }
    }
}

/* ---- the control socket's commands ------------------------------------------------------ */

static bool parse_long(const char *word, long min, long max, long *value) {
    char *end;
    long v = strtol(word, &end, 0);
    if (*word == '\0' || *end != '\0' || v < min || v > max) {
        return false;
    }
    *value = v;
    return true;
}

static bool parse_pin(const char *word, int *pin) {
    long v;
    if (!parse_long(word, 0, 16, &v) || (v >= 6 && v <= 8) || v == 11) {
        return false;
    }
    *pin = (int)v;
    return true;
}

static bool parse_pins(char **words, int n, int *pins) {
    for (int i = 0; i < n; i++) {
        if (!parse_pin(words[i], &pins[i])) {
            return false;
        }
    }
    return true;
}

static bool parse_real(const char *word, double min, double max, double *value) {
    char *end;
    double v = strtod(word, &end);
    if (*word == '\0' || *end != '\0' || !(v >= min && v <= max)) {
        return false;
    }
    *value = v;
    return true;
}

/* Hex digits into at most max bytes; false on odd length or a bad digit. */
static bool parse_hex(const char *hex, uint8_t *out, size_t max, size_t *len) {
    size_t n = strlen(hex);
    if (n % 2 != 0 || n / 2 > max) {
        return false;
    }
    for (size_t i = 0; i < n / 2; i++) {
        unsigned value;
        char pair[3] = {hex[2 * i], hex[2 * i + 1], 0};
        char *end;
        value = (unsigned)strtoul(pair, &end, 16);
        if (*end != '\0' || pair[0] == '+' || pair[0] == '-' || pair[0] == ' ') {
            return false;
        }
        out[i] = (uint8_t)value;
    }
    *len = n / 2;
    return true;
}

static size_t append_hex(char *reply, size_t size, size_t at, const uint8_t *data, size_t len) {
    for (size_t i = 0; i < len && at + 3 < size; i++) {
        at += (size_t)snprintf(reply + at, size - at, "%02x", data[i]);
    }
    return at;
}

static device_t *new_device(int kind, const int *pins, int n_pins) {
    for (int i = 0; i < MAX_DEVICES; i++) {
        device_t *d = &devices[i];
        if (d->kind == KIND_FREE) {
            memset(d, 0, sizeof *d);
            d->kind = (uint8_t)kind;
            for (int p = 0; p < MAX_PINS; p++) {
                d->pin[p] = (int8_t)(p < n_pins ? pins[p] : -1);
                d->drive[p] = -1;
            }
            return d;
        }
    }
    return NULL;
}

/* A device's pull-ups take effect, and it learns the present levels without taking them for edges. */
static void attach(device_t *d, bool pull_up) {
    for (int p = 0; p < MAX_PINS; p++) {
        if (d->pin[p] >= 0 && pull_up) {
            set_drive(d, p, 1);
        }
    }
}

static void remove_device(device_t *d) {
    int pins[MAX_PINS];
    for (int p = 0; p < MAX_PINS; p++) {
        pins[p] = d->pin[p];
    }
    if (d->kind == KIND_EEPROM) {
        free(d->u.i2c.mem);
    }
    d->kind = KIND_FREE;
    for (int p = 0; p < MAX_PINS; p++) {
        if (pins[p] >= 0) {
            es_sim_gpio_recompute(pins[p]);
        }
    }
}

static device_t *find(int kind, int pin0) {
    for (int i = 0; i < MAX_DEVICES; i++) {
        if (devices[i].kind == kind && devices[i].pin[0] == pin0) {
            return &devices[i];
        }
    }
    return NULL;
}

static device_t *find_eeprom(long addr) {
    for (int i = 0; i < MAX_DEVICES; i++) {
        if (devices[i].kind == KIND_EEPROM && devices[i].u.i2c.addr == addr) {
            return &devices[i];
        }
    }
    return NULL;
}

#define REPLY_OK(...) snprintf(reply, size, __VA_ARGS__)

static void command_i2c(char **w, int n, char *reply, size_t size) {
    long addr, value = 256, offset, count;
    int pins[2];
    device_t *d;
    if (n >= 5 && n <= 6 && strcmp(w[1], "add") == 0 && parse_long(w[2], 0x08, 0x77, &addr) &&
        parse_pins(&w[3], 2, pins) && (n == 5 || parse_long(w[5], 1, 65536, &value))) {
        if (find_eeprom(addr) != NULL) {
            REPLY_OK("error: I2C address 0x%02lx is taken", addr);
            return;
        }
        d = new_device(KIND_EEPROM, pins, 2);
        if (d == NULL) {
            REPLY_OK("error: too many devices");
            return;
        }
        i2c_dev_t *s = &d->u.i2c;
        s->addr = (uint8_t)addr;
        s->size = n == 6 ? (uint32_t)value : 256;
        s->mem = malloc(s->size);
        if (s->mem == NULL) {
            d->kind = KIND_FREE;
            REPLY_OK("error: out of memory");
            return;
        }
        memset(s->mem, 0xff, s->size); /* erased EEPROM */
        s->scl_level = (int8_t)level(pins[0]);
        s->sda_level = (int8_t)level(pins[1]);
        attach(d, true);
        s->scl_level = (int8_t)level(pins[0]);
        s->sda_level = (int8_t)level(pins[1]);
        REPLY_OK("ok");
    } else if (n == 3 && strcmp(w[1], "remove") == 0 && parse_long(w[2], 0, 0x7f, &addr) &&
               (d = find_eeprom(addr)) != NULL) {
        remove_device(d);
        REPLY_OK("ok");
    } else if (n == 4 && strcmp(w[1], "stretch") == 0 && parse_long(w[2], 0, 0x7f, &addr) &&
               (d = find_eeprom(addr)) != NULL && parse_long(w[3], 0, 10000000, &value)) {
        d->u.i2c.stretch_us = (uint32_t)value;
        if (value == 0 && d->u.i2c.stretch_until_ns != 0) {
            d->u.i2c.stretch_until_ns = 1; /* let go at the next tick */
            i2c_advance(d, es_sim_bus_now_ns());
        }
        REPLY_OK("ok");
    } else if (n == 6 && strcmp(w[1], "mem") == 0 && strcmp(w[5], "?") == 0 && parse_long(w[2], 0, 0x7f, &addr) &&
               (d = find_eeprom(addr)) != NULL && parse_long(w[3], 0, d->u.i2c.size - 1, &offset) &&
               parse_long(w[4], 0, 512, &count) && (uint32_t)(offset + count) <= d->u.i2c.size) {
        size_t at = (size_t)snprintf(reply, size, "i2c mem ");
        append_hex(reply, size, at, d->u.i2c.mem + offset, (size_t)count);
    } else if (n == 5 && strcmp(w[1], "mem") == 0 && parse_long(w[2], 0, 0x7f, &addr) && (d = find_eeprom(addr)) != NULL &&
               parse_long(w[3], 0, d->u.i2c.size - 1, &offset)) {
        uint8_t data[128];
        size_t len;
        if (!parse_hex(w[4], data, sizeof data, &len) || offset + len > d->u.i2c.size) {
            REPLY_OK("error: bad hex data");
            return;
        }
        memcpy(d->u.i2c.mem + offset, data, len);
        REPLY_OK("ok");
    } else {
        REPLY_OK("error: usage: i2c add ADDR SCL SDA [SIZE]; i2c remove ADDR; i2c stretch ADDR US; "
                 "i2c mem ADDR OFFSET HEX; i2c mem ADDR OFFSET N?");
    }
}

static void command_spi(char **w, int n, char *reply, size_t size) {
    int pins[4];
    long mode = 0, offset, count;
    device_t *d;
    if ((n == 6 || n == 7) && strcmp(w[1], "add") == 0 && parse_pins(&w[2], 4, pins) &&
        (n == 6 || parse_long(w[6], 0, 3, &mode))) {
        if (find(KIND_SPI_REGS, pins[0]) != NULL) {
            REPLY_OK("error: a device already uses CS %d", pins[0]);
            return;
        }
        d = new_device(KIND_SPI_REGS, pins, 4);
        if (d == NULL) {
            REPLY_OK("error: too many devices");
            return;
        }
        d->u.spi.polarity = n == 7 ? (uint8_t)(mode >> 1) : 0;
        d->u.spi.phase = n == 7 ? (uint8_t)(mode & 1) : 0;
        d->u.spi.selected = false; /* selected at the next falling edge of CS */
        d->u.spi.sck_level = (int8_t)level(pins[1]);
        REPLY_OK("ok");
    } else if (n == 3 && strcmp(w[1], "remove") == 0 && parse_pins(&w[2], 1, pins) &&
               (d = find(KIND_SPI_REGS, pins[0])) != NULL) {
        remove_device(d);
        REPLY_OK("ok");
    } else if (n == 6 && strcmp(w[1], "mem") == 0 && strcmp(w[5], "?") == 0 && parse_pins(&w[2], 1, pins) &&
               (d = find(KIND_SPI_REGS, pins[0])) != NULL && parse_long(w[3], 0, SPI_REGS - 1, &offset) &&
               parse_long(w[4], 0, SPI_REGS - offset, &count)) {
        size_t at = (size_t)snprintf(reply, size, "spi mem ");
        append_hex(reply, size, at, d->u.spi.regs + offset, (size_t)count);
    } else if (n == 5 && strcmp(w[1], "mem") == 0 && parse_pins(&w[2], 1, pins) &&
               (d = find(KIND_SPI_REGS, pins[0])) != NULL && parse_long(w[3], 0, SPI_REGS - 1, &offset)) {
        uint8_t data[SPI_REGS];
        size_t len;
        if (!parse_hex(w[4], data, sizeof data, &len) || offset + len > SPI_REGS) {
            REPLY_OK("error: bad hex data");
            return;
        }
        memcpy(d->u.spi.regs + offset, data, len);
        REPLY_OK("ok");
    } else {
        REPLY_OK("error: usage: spi add CS SCK MOSI MISO [MODE]; spi remove CS; spi mem CS OFFSET HEX; "
                 "spi mem CS OFFSET N?");
    }
}

/* The n-th DS18B20 gets ROM 28 n 5e a1 00 00 00 CRC unless one is given. */
static unsigned ds18b20_made;

static void command_onewire(char **w, int n, char *reply, size_t size) {
    int pin;
    double celsius;
    if ((n == 3 || n == 4) && strcmp(w[1], "add") == 0 && parse_pin(w[2], &pin)) {
        uint8_t rom[8] = {0x28, (uint8_t)(++ds18b20_made), 0x5e, 0xa1, 0, 0, 0, 0};
        size_t len;
        if (n == 4 && (!parse_hex(w[3], rom, 8, &len) || len != 8 || crc8(rom, 8) != 0)) {
            REPLY_OK("error: ROM must be 16 hex digits with a valid CRC");
            return;
        }
        rom[7] = crc8(rom, 7);
        device_t *d = new_device(KIND_DS18B20, &pin, 1);
        if (d == NULL) {
            REPLY_OK("error: too many devices");
            return;
        }
        memcpy(d->u.ow.rom, rom, 8);
        ow_power_on(&d->u.ow);
        ow_set_temperature(&d->u.ow, 20.0);
        d->u.ow.master_low = chip_pulls_low(pin);
        attach(d, true);
        size_t at = (size_t)snprintf(reply, size, "ok ");
        append_hex(reply, size, at, rom, 8);
    } else if (n == 4 && strcmp(w[1], "temp") == 0 && parse_real(w[3], -55, 125, &celsius)) {
        uint8_t rom[8];
        size_t len = 0;
        bool by_pin = parse_pin(w[2], &pin);
        if (!by_pin && (!parse_hex(w[2], rom, 8, &len) || len != 8)) {
            REPLY_OK("error: usage: onewire temp PIN|ROM CELSIUS");
            return;
        }
        int found = 0;
        for (int i = 0; i < MAX_DEVICES; i++) {
            device_t *d = &devices[i];
            if (d->kind == KIND_DS18B20 && (by_pin ? d->pin[0] == pin : memcmp(d->u.ow.rom, rom, 8) == 0)) {
                ow_set_temperature(&d->u.ow, celsius);
                found++;
            }
        }
        REPLY_OK(found ? "ok" : "error: no such DS18B20");
    } else if (n == 3 && strcmp(w[1], "remove") == 0 && parse_pin(w[2], &pin)) {
        device_t *d;
        while ((d = find(KIND_DS18B20, pin)) != NULL) {
            remove_device(d);
        }
        REPLY_OK("ok");
    } else if (n == 3 && strcmp(w[2], "?") == 0 && parse_pin(w[1], &pin)) {
        size_t at = (size_t)snprintf(reply, size, "onewire %d", pin);
        for (int i = 0; i < MAX_DEVICES; i++) {
            if (devices[i].kind == KIND_DS18B20 && devices[i].pin[0] == pin && at + 2 < size) {
                at += (size_t)snprintf(reply + at, size - at, " ");
                at = append_hex(reply, size, at, devices[i].u.ow.rom, 8);
            }
        }
    } else {
        REPLY_OK("error: usage: onewire add PIN [ROM]; onewire temp PIN|ROM CELSIUS; onewire remove PIN; "
                 "onewire PIN?");
    }
}

static void command_dht(char **w, int n, char *reply, size_t size) {
    int pin;
    long model;
    double celsius, humidity;
    device_t *d;
    if (n == 4 && strcmp(w[1], "add") == 0 && parse_pin(w[2], &pin) && parse_long(w[3], 11, 22, &model) &&
        (model == 11 || model == 22)) {
        if (find(KIND_DHT, pin) != NULL) {
            REPLY_OK("error: a DHT is already on pin %d", pin);
            return;
        }
        d = new_device(KIND_DHT, &pin, 1);
        if (d == NULL) {
            REPLY_OK("error: too many devices");
            return;
        }
        d->u.dht.model = (uint8_t)model;
        d->u.dht.temp_tenths = 200;
        d->u.dht.hum_tenths = 500;
        d->u.dht.master_low = chip_pulls_low(pin);
        attach(d, true);
        REPLY_OK("ok");
    } else if (n == 5 && strcmp(w[1], "set") == 0 && parse_pin(w[2], &pin) && (d = find(KIND_DHT, pin)) != NULL &&
               parse_real(w[3], -40, 80, &celsius) && parse_real(w[4], 0, 100, &humidity)) {
        d->u.dht.temp_tenths = (int16_t)lround(celsius * 10);
        d->u.dht.hum_tenths = (uint16_t)lround(humidity * 10);
        REPLY_OK("ok");
    } else if (n == 3 && strcmp(w[1], "remove") == 0 && parse_pin(w[2], &pin) && (d = find(KIND_DHT, pin)) != NULL) {
        remove_device(d);
        REPLY_OK("ok");
    } else {
        REPLY_OK("error: usage: dht add PIN 11|22; dht set PIN CELSIUS HUMIDITY; dht remove PIN");
    }
}

static void command_neopixel(char **w, int n, char *reply, size_t size) {
    int pin;
    long bpp = 3, khz = 800;
    device_t *d;
    if (n >= 3 && n <= 5 && strcmp(w[1], "add") == 0 && parse_pin(w[2], &pin) &&
        (n < 4 || parse_long(w[3], 1, 4, &bpp)) && (n < 5 || parse_long(w[4], 400, 800, &khz)) &&
        (khz == 400 || khz == 800)) {
        if (find(KIND_NEOPIXEL, pin) != NULL) {
            REPLY_OK("error: a strip is already on pin %d", pin);
            return;
        }
        d = new_device(KIND_NEOPIXEL, &pin, 1);
        if (d == NULL) {
            REPLY_OK("error: too many devices");
            return;
        }
        /* Between the 0 and 1 pulse widths of either speed (800 kHz: 400/800 ns, 400 kHz: 500-800/1200-1600 ns). */
        d->u.strip.bpp = (uint16_t)bpp;
        d->u.strip.threshold_ns = khz == 800 ? 600 : 1000;
        d->u.strip.high = level(pin) == 1;
        REPLY_OK("ok");
    } else if (n == 3 && strcmp(w[1], "remove") == 0 && parse_pin(w[2], &pin) &&
               (d = find(KIND_NEOPIXEL, pin)) != NULL) {
        remove_device(d);
        REPLY_OK("ok");
    } else if (n == 3 && strcmp(w[2], "?") == 0 && parse_pin(w[1], &pin) && (d = find(KIND_NEOPIXEL, pin)) != NULL) {
        const strip_dev_t *s = &d->u.strip;
        size_t at = (size_t)snprintf(reply, size, "neopixel %d", pin);
        size_t n_bytes = s->n_bits / 8;
        for (size_t i = 0; i + s->bpp <= n_bytes && at + 2 < size; i += s->bpp) {
            at += (size_t)snprintf(reply + at, size - at, " ");
            at = append_hex(reply, size, at, &s->bytes[i], s->bpp);
        }
    } else {
        REPLY_OK("error: usage: neopixel add PIN [BPP] [400|800]; neopixel remove PIN; neopixel PIN?");
    }
}

static void command_apa102(char **w, int n, char *reply, size_t size) {
    int pins[2];
    long leds;
    device_t *d;
    if (n == 5 && strcmp(w[1], "add") == 0 && parse_pins(&w[2], 2, pins) &&
        parse_long(w[4], 1, STRIP_MAX_BYTES / 4, &leds)) {
        if (find(KIND_APA102, pins[0]) != NULL) {
            REPLY_OK("error: a strip is already on pin %d", pins[0]);
            return;
        }
        d = new_device(KIND_APA102, pins, 2);
        if (d == NULL) {
            REPLY_OK("error: too many devices");
            return;
        }
        d->u.strip.bpp = (uint16_t)leds;
        d->u.strip.clock_high = level(pins[0]) == 1;
        REPLY_OK("ok");
    } else if (n == 3 && strcmp(w[1], "remove") == 0 && parse_pins(&w[2], 1, pins) &&
               (d = find(KIND_APA102, pins[0])) != NULL) {
        remove_device(d);
        REPLY_OK("ok");
    } else if (n == 3 && strcmp(w[2], "?") == 0 && parse_pins(&w[1], 1, pins) &&
               (d = find(KIND_APA102, pins[0])) != NULL) {
        const strip_dev_t *s = &d->u.strip;
        size_t at = (size_t)snprintf(reply, size, "apa102 %d", pins[0]);
        for (uint16_t i = 0; i < s->n_words && at + 16 < size; i++) {
            uint32_t word;
            memcpy(&word, &s->bytes[i * 4], 4);
            at += (size_t)snprintf(reply + at, size - at, " %u:%02x%02x%02x", (unsigned)((word >> 24) & 0x1f),
                                   (unsigned)(word & 0xff), (unsigned)((word >> 8) & 0xff),
                                   (unsigned)((word >> 16) & 0xff));
        }
    } else {
        REPLY_OK("error: usage: apa102 add CLK DATA LEDS; apa102 remove CLK; apa102 CLK?");
    }
}

bool es_sim_devices_command(char **words, int n_words, char *reply, size_t reply_size) {
    static const struct {
        const char *name;
        void (*handle)(char **words, int n, char *reply, size_t size);
    } commands[] = {
        {"i2c", command_i2c},           {"spi", command_spi},           {"onewire", command_onewire},
        {"dht", command_dht},           {"neopixel", command_neopixel}, {"apa102", command_apa102},
    };
    if (n_words < 1) {
        return false;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(words[0], commands[i].name) == 0) {
            commands[i].handle(words, n_words, reply, reply_size);
            return true;
        }
    }
    if (n_words == 2 && strcmp(words[0], "devices") == 0 && strcmp(words[1], "clear") == 0) {
        for (int i = 0; i < MAX_DEVICES; i++) {
            if (devices[i].kind != KIND_FREE) {
                remove_device(&devices[i]);
            }
        }
        snprintf(reply, reply_size, "ok");
        return true;
    }
    return false;
}
