/* modesp.c: the esp module: flash access, sleep, SDK debug and memory, firmware check. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ports/esp8266/chip.h"
#include "ports/esp8266/modmachine.h"
#include "ports/esp8266/port.h"
#include "py/objstr.h"
#include "py/runtime.h"

#define SLEEP_NONE (0)
#define SLEEP_LIGHT (1)
#define SLEEP_MODEM (2)

/* SDK settings that only matter to the SDK (there is no SDK log or radio sleep to change). */
static int8_t osdebug_uart = -1;
static uint8_t sleep_type = SLEEP_MODEM;

static es_obj_t esp_osdebug(es_obj_t uart) {
    osdebug_uart = uart == ES_OBJ_NONE ? -1 : (int8_t)es_obj_get_int(uart);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(esp_osdebug_obj, ES_Q_osdebug, esp_osdebug);

static es_obj_t esp_sleep_type(size_t n_args, const es_obj_t *args) {
    if (n_args == 0) {
        return es_obj_new_small_int(sleep_type);
    }
    es_int_t t = es_obj_get_int(args[0]);
    if (t < SLEEP_NONE || t > SLEEP_MODEM) {
        es_raise_msg(&es_type_ValueError, "invalid sleep type");
    }
    sleep_type = (uint8_t)t;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(esp_sleep_type_obj, ES_Q_sleep_type, 0, 1, esp_sleep_type);

/* deepsleep(us=0, option=0): 0 sleeps until reset; option is the RF calibration on wake. */
static es_obj_t esp_deepsleep(size_t n_args, const es_obj_t *args) {
    es_int_t us = n_args > 0 ? es_obj_get_int(args[0]) : 0;
    if (n_args > 1) {
        es_obj_get_int(args[1]);
    }
    es_chip_deepsleep(us <= 0 ? 0 : (uint64_t)us);
}
static ES_DEFINE_FUN_VAR(esp_deepsleep_obj, ES_Q_deepsleep, 0, 2, esp_deepsleep);

/* ---- flash ---------------------------------------------------------------------------- */

static es_obj_t esp_flash_id(void) { return es_obj_new_int_from_uint(es_chip_flash_id()); }
static ES_DEFINE_FUN_0(esp_flash_id_obj, ES_Q_flash_id, esp_flash_id);

static es_obj_t esp_flash_size(void) { return es_obj_new_int_from_uint(es_chip_flash_size()); }
static ES_DEFINE_FUN_0(esp_flash_size_obj, ES_Q_flash_size, esp_flash_size);

/* The first byte after the firmware, as the builds for each flash size lay it out. */
static uint32_t flash_user_start(void) {
    uint32_t size = es_chip_flash_size();
    return size >= 2048u * 1024 ? 0x100000u : size >= 1024u * 1024 ? 0x98000u : 0x7b000u;
}

static es_obj_t esp_flash_user_start(void) { return es_obj_new_int_from_uint(flash_user_start()); }
static ES_DEFINE_FUN_0(esp_flash_user_start_obj, ES_Q_flash_user_start, esp_flash_user_start);

static uint32_t flash_offset(es_obj_t offset) {
    es_int_t v = es_obj_get_int(offset);
    if (v < 0 || (es_uint_t)v > es_chip_flash_size()) {
        es_raise_os_error(EIO);
    }
    return (uint32_t)v;
}

/* flash_read(offset, n) -> bytes, or flash_read(offset, buf) fills buf. */
static es_obj_t esp_flash_read(es_obj_t offset_in, es_obj_t len_or_buf) {
    uint32_t offset = flash_offset(offset_in);
    if (es_obj_is_int(len_or_buf)) {
        es_int_t n = es_obj_get_int(len_or_buf);
        if (n < 0) {
            es_raise_msg(&es_type_ValueError, "negative length");
        }
        if ((es_uint_t)n > es_chip_flash_size()) {
            es_raise_os_error(EIO);
        }
        uint8_t *data = es_alloc((size_t)n + 1);
        int err = es_chip_flash_read(offset, data, (size_t)n);
        if (err != 0) {
            es_free(data);
            es_raise_os_error(-err);
        }
        es_obj_t result = es_obj_new_bytes(data, (size_t)n);
        es_free(data);
        return result;
    }
    es_buffer_info_t info;
    es_str_get_buffer_raise(len_or_buf, &info, ES_BUFFER_WRITE);
    int err = es_chip_flash_read(offset, info.buf, info.len);
    if (err != 0) {
        es_raise_os_error(-err);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(esp_flash_read_obj, ES_Q_flash_read, esp_flash_read);

static es_obj_t esp_flash_write(es_obj_t offset_in, es_obj_t data) {
    uint32_t offset = flash_offset(offset_in);
    es_buffer_info_t info;
    es_str_get_buffer_raise(data, &info, ES_BUFFER_READ);
    if (info.len & 3) {
        es_raise_msg(&es_type_ValueError, "len must be multiple of 4");
    }
    int err = es_chip_flash_write(offset, info.buf, info.len);
    if (err != 0) {
        es_raise_os_error(-err);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(esp_flash_write_obj, ES_Q_flash_write, esp_flash_write);

static es_obj_t esp_flash_erase(es_obj_t sector_in) {
    es_int_t sector = es_obj_get_int(sector_in);
    if (sector < 0 || (es_uint_t)sector >= es_chip_flash_size() / ES_CHIP_FLASH_SECTOR_SIZE) {
        es_raise_os_error(EIO);
    }
    int err = es_chip_flash_erase_sector((uint32_t)sector);
    if (err != 0) {
        es_raise_os_error(-err);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(esp_flash_erase_obj, ES_Q_flash_erase, esp_flash_erase);

/* check_fw(): the image header's length word at 0x8FFC, then the MD5 of bytes 4..size
** compared with the 16 bytes stored after them. A board whose flash holds no firmware
** image (the simulator's, unless one was written in) reports that honestly. */
static es_obj_t esp_check_fw(void) {
    uint32_t size;
    if (es_chip_flash_read(0x8ffc, &size, 4) != 0) {
        es_raise_os_error(EIO);
    }
    es_printf(&es_plat_print, "size: %d\n", (int)size);
    if (size > 1024u * 1024 || size < 4 || size + 16 > es_chip_flash_size()) {
        es_printf(&es_plat_print, "Invalid size\n");
        return ES_OBJ_FALSE;
    }
    es_obj_t hashlib = es_import_name(ES_Q_hashlib, ES_OBJ_NONE, ES_OBJ_NEW_SMALL_INT(0));
    es_obj_t md5 = es_call_function_0(es_load_attr(hashlib, ES_Q_md5));
    es_obj_t update = es_load_attr(md5, ES_Q_update);
    uint8_t *chunk = es_alloc(ES_CHIP_FLASH_SECTOR_SIZE);
    for (uint32_t at = 4; at < size;) {
        uint32_t n = size - at < ES_CHIP_FLASH_SECTOR_SIZE ? size - at : ES_CHIP_FLASH_SECTOR_SIZE;
        if (es_chip_flash_read(at, chunk, n) != 0) {
            es_raise_os_error(EIO);
        }
        es_call_function_1(update, es_obj_new_bytes(chunk, n));
        at += n;
    }
    es_free(chunk);
    es_obj_t digest = es_call_function_0(es_load_attr(md5, ES_Q_digest));
    size_t len;
    const uint8_t *d = es_str_bytes(digest, &len);
    es_printf(&es_plat_print, "md5: ");
    for (size_t i = 0; i < len; i++) {
        es_printf(&es_plat_print, "%02x", d[i]);
    }
    es_printf(&es_plat_print, "\n");
    uint8_t stored[16];
    if (es_chip_flash_read(size, stored, sizeof(stored)) != 0) {
        es_raise_os_error(EIO);
    }
    return es_obj_new_bool(len == 16 && memcmp(d, stored, 16) == 0);
}
static ES_DEFINE_FUN_0(esp_check_fw_obj, ES_Q_check_fw, esp_check_fw);

/* Native code goes to spare iRAM (None, None) or to sector-aligned flash below 1 MiB. The
** bytecode-only espy emits no native code, so only the arguments are checked. */
static es_obj_t esp_set_native_code_location(es_obj_t start_in, es_obj_t len_in) {
    if (start_in == ES_OBJ_NONE || len_in == ES_OBJ_NONE) {
        return ES_OBJ_NONE;
    }
    es_int_t start = es_obj_get_int(start_in);
    es_int_t len = es_obj_get_int(len_in);
    if (start < 0 || len < 0 || start % ES_CHIP_FLASH_SECTOR_SIZE != 0 || len % ES_CHIP_FLASH_SECTOR_SIZE != 0 ||
        start + len > 1024 * 1024) {
        es_raise_msg(&es_type_ValueError, "invalid native code location");
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(esp_set_native_code_location_obj, ES_Q_set_native_code_location, esp_set_native_code_location);

/* ---- the SDK's memory ------------------------------------------------------------------ */

/* The SDK's own heap (beside the Python heap): what a freshly booted ESP8266 with the radio
** asleep reports, less what esp.malloc has handed out. */
#define SDK_HEAP_FREE (29184)
#define SDK_BLOCKS (8)
static void *sdk_blocks[SDK_BLOCKS];
static size_t sdk_block_size[SDK_BLOCKS];

static size_t sdk_heap_used(void) {
    size_t used = 0;
    for (size_t i = 0; i < SDK_BLOCKS; i++) {
        used += sdk_block_size[i];
    }
    return used;
}

static es_obj_t esp_freemem(void) { return es_obj_new_int((es_int_t)(SDK_HEAP_FREE - sdk_heap_used())); }
static ES_DEFINE_FUN_0(esp_freemem_obj, ES_Q_freemem, esp_freemem);

static es_obj_t esp_meminfo(void) {
    es_gc_info_t info;
    es_gc_info(&info);
    es_printf(&es_plat_print, "python heap: total %u, used %u, free %u\n", (unsigned)info.total,
              (unsigned)info.used, (unsigned)info.free);
    es_printf(&es_plat_print, "sdk heap: free %u\n", (unsigned)(SDK_HEAP_FREE - sdk_heap_used()));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_0(esp_meminfo_obj, ES_Q_meminfo, esp_meminfo);

/* malloc(n) -> address (0 when the SDK heap cannot give it), free(address). */
static es_obj_t esp_malloc(es_obj_t n_in) {
    es_int_t n = es_obj_get_int(n_in);
    if (n <= 0 || (size_t)n > SDK_HEAP_FREE - sdk_heap_used()) {
        return ES_OBJ_NEW_SMALL_INT(0);
    }
    for (size_t i = 0; i < SDK_BLOCKS; i++) {
        if (sdk_blocks[i] == NULL) {
            sdk_blocks[i] = malloc((size_t)n);
            if (sdk_blocks[i] == NULL) {
                return ES_OBJ_NEW_SMALL_INT(0);
            }
            sdk_block_size[i] = (size_t)n;
            return es_obj_new_int_from_uint((es_uint_t)(uintptr_t)sdk_blocks[i]);
        }
    }
    return ES_OBJ_NEW_SMALL_INT(0);
}
static ES_DEFINE_FUN_1(esp_malloc_obj, ES_Q_malloc, esp_malloc);

static es_obj_t esp_free(es_obj_t addr_in) {
    uintptr_t addr = (uintptr_t)es_obj_get_int(addr_in);
    for (size_t i = 0; i < SDK_BLOCKS; i++) {
        if (sdk_blocks[i] != NULL && (uintptr_t)sdk_blocks[i] == addr) {
            free(sdk_blocks[i]);
            sdk_blocks[i] = NULL;
            sdk_block_size[i] = 0;
        }
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(esp_free_obj, ES_Q_free, esp_free);

/* Free buffers of the WiFi driver's pool `index`; the simulated radio keeps all of them. */
static es_obj_t esp_esf_free_bufs(es_obj_t index) {
    es_int_t i = es_obj_get_int(index);
    static const uint8_t pool_sizes[5] = {8, 8, 16, 4, 4};
    return es_obj_new_small_int(i >= 0 && i < 5 ? pool_sizes[i] : 0);
}
static ES_DEFINE_FUN_1(esp_esf_free_bufs_obj, ES_Q_esf_free_bufs, esp_esf_free_bufs);

static const es_map_elem_t esp_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_esp)},
    {ES_OBJ_NEW_QSTR(ES_Q_osdebug), ES_OBJ_FROM_CONST(esp_osdebug_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sleep_type), ES_OBJ_FROM_CONST(esp_sleep_type_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_deepsleep), ES_OBJ_FROM_CONST(esp_deepsleep_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_flash_id), ES_OBJ_FROM_CONST(esp_flash_id_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_flash_size), ES_OBJ_FROM_CONST(esp_flash_size_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_flash_user_start), ES_OBJ_FROM_CONST(esp_flash_user_start_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_flash_read), ES_OBJ_FROM_CONST(esp_flash_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_flash_write), ES_OBJ_FROM_CONST(esp_flash_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_flash_erase), ES_OBJ_FROM_CONST(esp_flash_erase_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_check_fw), ES_OBJ_FROM_CONST(esp_check_fw_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_set_native_code_location), ES_OBJ_FROM_CONST(esp_set_native_code_location_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_freemem), ES_OBJ_FROM_CONST(esp_freemem_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_meminfo), ES_OBJ_FROM_CONST(esp_meminfo_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_malloc), ES_OBJ_FROM_CONST(esp_malloc_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_free), ES_OBJ_FROM_CONST(esp_free_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_esf_free_bufs), ES_OBJ_FROM_CONST(esp_esf_free_bufs_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_neopixel_write), ES_OBJ_FROM_CONST(es_esp_neopixel_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_apa102_write), ES_OBJ_FROM_CONST(es_esp_apa102_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_dht_readinto), ES_OBJ_FROM_CONST(es_machine_dht_readinto_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_SLEEP_NONE), ES_OBJ_NEW_SMALL_INT(SLEEP_NONE)},
    {ES_OBJ_NEW_QSTR(ES_Q_SLEEP_LIGHT), ES_OBJ_NEW_SMALL_INT(SLEEP_LIGHT)},
    {ES_OBJ_NEW_QSTR(ES_Q_SLEEP_MODEM), ES_OBJ_NEW_SMALL_INT(SLEEP_MODEM)},
};

ES_DEFINE_CONST_MODULE(es_module_esp, esp_globals_table);
ES_REGISTER_MODULE(ES_Q_esp, es_module_esp);
