/* spi1.c: the simulated hardware SPI(1) (HSPI): it clocks bytes out on GPIO14/13/12, where devices on those pins hear them. */

#include "ports/esp8266/chip.h"

/*
** The HSPI block drives SCK (GPIO14) and MOSI (GPIO13) and samples MISO (GPIO12) in the mode
** set by polarity and phase, most significant bit first. The simulator plays its waveform
** on the pads, so a device model on those pins (sim/devices.c) answers exactly as it would to
** SoftSPI; the clock rate only matters to the device, and the models are edge driven.
*/
#define HSPI_SCK (14)
#define HSPI_MOSI (13)
#define HSPI_MISO (12)

static int spi_polarity;
static int spi_phase;

void es_chip_spi1_config(uint32_t baudrate, int polarity, int phase) {
    (void)baudrate;
    spi_polarity = polarity ? 1 : 0;
    spi_phase = phase ? 1 : 0;
    es_chip_gpio_write(HSPI_SCK, spi_polarity);
    es_chip_gpio_config(HSPI_SCK, ES_CHIP_PIN_MODE_OUTPUT, false);
    es_chip_gpio_config(HSPI_MOSI, ES_CHIP_PIN_MODE_OUTPUT, false);
    es_chip_gpio_config(HSPI_MISO, ES_CHIP_PIN_MODE_INPUT, false);
}

static uint8_t exchange_byte(uint8_t out) {
    int idle = spi_polarity;
    uint8_t in = 0;
    for (int bit = 7; bit >= 0; bit--) {
        if (spi_phase == 0) {
            es_chip_gpio_write(HSPI_MOSI, (out >> bit) & 1);
            es_chip_gpio_write(HSPI_SCK, !idle);
            in = (uint8_t)((in << 1) | (es_chip_gpio_read(HSPI_MISO) & 1));
            es_chip_gpio_write(HSPI_SCK, idle);
        } else {
            es_chip_gpio_write(HSPI_SCK, !idle);
            es_chip_gpio_write(HSPI_MOSI, (out >> bit) & 1);
            es_chip_gpio_write(HSPI_SCK, idle);
            in = (uint8_t)((in << 1) | (es_chip_gpio_read(HSPI_MISO) & 1));
        }
    }
    return in;
}

void es_chip_spi1_transfer(const uint8_t *out, uint8_t *in, size_t len) {
    for (size_t i = 0; i < len; i++) {
        uint8_t got = exchange_byte(out != NULL ? out[i] : 0);
        if (in != NULL) {
            in[i] = got;
        }
    }
}
