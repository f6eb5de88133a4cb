/* gpio.c: the simulated GPIO pads: what the chip, attached devices and the outside world drive, and the level that results. */

#include <stdio.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/board.h"
#include "ports/esp8266/sim/pads.h"

/*
** Each pad is a wire with up to three strong drivers (the chip, a simulated device, an outside
** circuit set through the control socket) and weak resistors (the chip's pull-up, the board's
** boot-strap resistors). Drivers combine as a wired AND, the way open-drain buses behave: any
** driver pulling low wins, otherwise any driving high gives 1, otherwise a resistor decides,
** otherwise the pad floats (-1; programs read 0).
*/

enum { EXTERNAL_FLOAT = 0, EXTERNAL_LOW = 1, EXTERNAL_HIGH = 2 };

typedef struct pad_t {
    uint8_t mode;     /* ES_CHIP_PIN_MODE_* */
    uint8_t pull_up;  /* the chip's pull-up resistor is on */
    uint8_t latch;    /* the output register */
    uint8_t external; /* EXTERNAL_* */
    uint8_t irq_edges;
    int8_t level;     /* last resolved level: -1, 0, 1 */
} pad_t;

static pad_t pads[ES_CHIP_GPIO_COUNT];
static bool levels_known;

/* The module's boot-strap resistors: GPIO0 and GPIO2 pulled up, GPIO15 pulled down. */
static int board_resistor(int pin) {
    return pin == 0 || pin == 2 ? 1 : pin == 15 ? 0 : -1;
}

static bool pin_in_range(int pin) {
    return pin >= 0 && pin < ES_CHIP_GPIO_COUNT;
}

static uint64_t now_us(void) {
    return es_chip_uptime_us();
}

int es_sim_gpio_chip_drive(int pin) {
    if (!pin_in_range(pin)) {
        return -1;
    }
    int pwm_level;
    if (es_sim_pwm_level_at(pin, now_us(), &pwm_level)) {
        return pwm_level;
    }
    const pad_t *pad = &pads[pin];
    switch (pad->mode) {
        case ES_CHIP_PIN_MODE_OUTPUT:
            return pad->latch;
        case ES_CHIP_PIN_MODE_OPEN_DRAIN:
            return pad->latch ? -1 : 0;
        default:
            return -1;
    }
}

static int resolve(int pin) {
    const pad_t *pad = &pads[pin];
    int external = pad->external == EXTERNAL_FLOAT ? -1 : pad->external == EXTERNAL_HIGH;
    int drivers[3] = {es_sim_gpio_chip_drive(pin), es_sim_devices_drive(pin), external};
    bool high = false;
    for (int i = 0; i < 3; i++) {
        if (drivers[i] == 0) {
            return 0;
        }
        high |= drivers[i] == 1;
    }
    if (high || (pad->pull_up && pin != 16)) {
        return 1;
    }
    return board_resistor(pin);
}

static void learn_levels(void) {
    if (!levels_known) {
        levels_known = true;
        for (int pin = 0; pin < ES_CHIP_GPIO_COUNT; pin++) {
            pads[pin].level = (int8_t)resolve(pin);
        }
    }
}

void es_sim_gpio_recompute(int pin) {
    if (!pin_in_range(pin)) {
        return;
    }
    learn_levels();
    pad_t *pad = &pads[pin];
    int old_level = pad->level;
    int new_level = resolve(pin);
    pad->level = (int8_t)new_level;
    int pwm_level;
    if (es_sim_pwm_level_at(pin, now_us(), &pwm_level)) {
        /* The PWM generator writes this pin's waveform into the trace itself. */
        return;
    }
    es_sim_trace_pin(pin, new_level);
    bool was_high = old_level == 1;
    bool is_high = new_level == 1;
    if (was_high != is_high) {
        unsigned edge = is_high ? 1u : 2u;
        if (pad->irq_edges & edge) {
            es_port_gpio_edge(pin, edge);
        }
    }
}

/* After the chip changed what it drives: new level first, then the devices hear of it. */
static void chip_drive_changed(int pin) {
    es_sim_gpio_recompute(pin);
    es_sim_devices_pin_changed(pin);
}

void es_chip_gpio_config(int pin, int mode, bool pull_up) {
    if (!pin_in_range(pin)) {
        return;
    }
    learn_levels();
    pads[pin].mode = (uint8_t)mode;
    pads[pin].pull_up = pull_up;
    chip_drive_changed(pin);
}

void es_chip_gpio_write(int pin, int level) {
    if (!pin_in_range(pin)) {
        return;
    }
    learn_levels();
    /* The output register holds the level whatever the mode; an input just does not drive it. */
    pads[pin].latch = level != 0;
    chip_drive_changed(pin);
}

int es_sim_gpio_level(int pin) {
    if (!pin_in_range(pin)) {
        return -1;
    }
    learn_levels();
    int pwm_level;
    if (es_sim_pwm_level_at(pin, now_us(), &pwm_level)) {
        return resolve(pin);
    }
    return pads[pin].level;
}

int es_chip_gpio_read(int pin) {
    return es_sim_gpio_level(pin) == 1;
}

void es_chip_gpio_irq_enable(int pin, unsigned edges) {
    if (pin_in_range(pin)) {
        learn_levels();
        pads[pin].irq_edges = (uint8_t)(edges & 3u);
    }
}

void es_sim_gpio_set_external(int pin, int level) {
    if (!pin_in_range(pin)) {
        return;
    }
    learn_levels();
    pads[pin].external = level < 0 ? EXTERNAL_FLOAT : level ? EXTERNAL_HIGH : EXTERNAL_LOW;
    es_sim_gpio_recompute(pin);
}

void es_sim_gpio_hard_reset(void) {
    es_sim_trace_board_restarted();
    es_sim_pwm_hard_reset();
    learn_levels();
    for (int pin = 0; pin < ES_CHIP_GPIO_COUNT; pin++) {
        pads[pin].mode = ES_CHIP_PIN_MODE_INPUT;
        pads[pin].pull_up = 0;
        pads[pin].latch = 0;
        pads[pin].irq_edges = 0;
        es_sim_gpio_recompute(pin);
    }
}

static const char *const mode_names[] = {"in", "out", "open_drain"};
static const char *const external_names[] = {"float", "0", "1"};

void es_sim_gpio_describe(int pin, char *out, size_t size) {
    learn_levels();
    const pad_t *pad = &pads[pin];
    int level = es_sim_gpio_level(pin);
    int drive = es_sim_gpio_chip_drive(pin);
    snprintf(out, size, "pin %d level %s mode %s pull %s drive %s ext %s irq %u", pin,
             level < 0 ? "float" : level ? "1" : "0", mode_names[pad->mode % 3u], pad->pull_up ? "up" : "none",
             drive < 0 ? "none" : drive ? "1" : "0", external_names[pad->external % 3u], pad->irq_edges);
}
