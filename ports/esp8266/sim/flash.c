/* flash.c: the simulated SPI flash, kept in an image file with NOR semantics (writes clear bits). */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/sim/simcore.h"

static int flash_fd = -1;
static uint32_t flash_size;

/* Where the SDK keeps its RF init data: 16 KiB before the end of flash. */
#define INIT_DATA_OFFSET (0x4000u)
#define INIT_DATA_LEN (128u)

static int fill_ff(uint32_t from, uint32_t to) {
    uint8_t block[ES_CHIP_FLASH_SECTOR_SIZE];
    memset(block, 0xff, sizeof(block));
    while (from < to) {
        uint32_t n = to - from < sizeof(block) ? to - from : (uint32_t)sizeof(block);
        if (pwrite(flash_fd, block, n, from) != (ssize_t)n) {
            return -errno;
        }
        from += n;
    }
    return 0;
}

/* Opens or creates the image. A new image is erased flash (0xFF). An existing one decides the
** size when none was given; a shorter one grows with 0xFF, a longer one is an error. */
int es_sim_flash_open(const char *path, uint32_t size, bool size_given) {
    flash_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (flash_fd < 0) {
        return -errno;
    }
    struct stat st;
    if (fstat(flash_fd, &st) != 0) {
        return -errno;
    }
    uint32_t existing = (uint32_t)st.st_size;
    if (!size_given && (existing == 512 * 1024 || existing == 1024 * 1024 || existing == 2048 * 1024 ||
                        existing == 4096 * 1024)) {
        size = existing;
    }
    if ((off_t)existing > (off_t)size) {
        fprintf(stderr, "esp8266-sim: %s holds %u bytes, more than the flash size %u\n", path, existing, size);
        return -EINVAL;
    }
    flash_size = size;
    return fill_ff(existing, size);
}

void es_sim_flash_close(void) {
    if (flash_fd >= 0) {
        fsync(flash_fd);
        close(flash_fd);
        flash_fd = -1;
    }
}

bool es_sim_flash_check_init_data(void) {
    uint8_t data[INIT_DATA_LEN];
    uint32_t at = flash_size - INIT_DATA_OFFSET;
    if (es_chip_flash_read(at, data, sizeof(data)) != 0) {
        return false;
    }
    for (size_t i = 0; i < sizeof(data); i++) {
        if (data[i] != 0xff) {
            return false;
        }
    }
    /* The SDK's default init data begins 05 08 04 02 05 05 05 02 05 00 04 05 05 04 05 05. */
    static const uint8_t defaults_head[16] = {5, 8, 4, 2, 5, 5, 5, 2, 5, 0, 4, 5, 5, 4, 5, 5};
    memset(data, 0, sizeof(data));
    memcpy(data, defaults_head, sizeof(defaults_head));
    es_chip_flash_write(at, data, sizeof(data));
    return true;
}

uint32_t es_chip_flash_size(void) { return flash_size; }

/* A 4 MB Winbond-like part: vendor 0xEF, type 0x40, capacity log2(size). */
uint32_t es_chip_flash_id(void) {
    uint32_t capacity = 0;
    while ((1u << capacity) < flash_size) {
        capacity++;
    }
    return 0xefu | 0x4000u | (capacity << 16);
}

static bool in_range(uint32_t addr, size_t len) {
    return flash_fd >= 0 && addr <= flash_size && len <= flash_size - addr;
}

int es_chip_flash_read(uint32_t addr, void *buf, size_t len) {
    if (!in_range(addr, len)) {
        return -EIO;
    }
    ssize_t n = pread(flash_fd, buf, len, addr);
    return n == (ssize_t)len ? 0 : -EIO;
}

int es_chip_flash_write(uint32_t addr, const void *buf, size_t len) {
    if (!in_range(addr, len)) {
        return -EIO;
    }
    const uint8_t *data = buf;
    uint8_t old[256];
    while (len > 0) {
        size_t n = len < sizeof(old) ? len : sizeof(old);
        if (pread(flash_fd, old, n, addr) != (ssize_t)n) {
            return -EIO;
        }
        for (size_t i = 0; i < n; i++) {
            old[i] &= data[i];
        }
        if (pwrite(flash_fd, old, n, addr) != (ssize_t)n) {
            return -EIO;
        }
        addr += (uint32_t)n;
        data += n;
        len -= n;
    }
    return 0;
}

int es_chip_flash_erase_sector(uint32_t sector) {
    if (flash_fd < 0 || sector >= flash_size / ES_CHIP_FLASH_SECTOR_SIZE) {
        return -EIO;
    }
    return fill_ff(sector * ES_CHIP_FLASH_SECTOR_SIZE, (sector + 1) * ES_CHIP_FLASH_SECTOR_SIZE) == 0 ? 0 : -EIO;
}
