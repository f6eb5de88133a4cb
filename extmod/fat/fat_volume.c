/* fat_volume.c: the FAT volume: boot sector, sector window, allocation table, mkfs, free space, time stamps. */

#include "extmod/fat/fat_internal.h"

/* ---- the window ------------------------------------------------------------------------ */

static int write_back(fat_vol_t *v) {
    if (!v->win_dirty) {
        return 0;
    }
    int err = v->write_sector(v, v->win_sector);
    if (err != 0) {
        return err;
    }
    /* A sector of the first FAT is mirrored into the other copies. */
    if (v->win_sector >= v->fat_start && v->win_sector < v->fat_start + v->fat_size) {
        for (uint32_t i = 1; i < v->n_fats; i++) {
            err = v->write_sector(v, v->win_sector + i * v->fat_size);
            if (err != 0) {
                return err;
            }
        }
    }
    v->win_dirty = false;
    return 0;
}

int fat_move_window(fat_vol_t *v, uint32_t sector) {
    if (sector == v->win_sector) {
        return 0;
    }
    if (sector >= v->total_sectors && v->total_sectors != 0) {
        return -EIO;
    }
    int err = write_back(v);
    if (err != 0) {
        return err;
    }
    v->win_sector = FAT_NO_SECTOR;
    err = v->read_sector(v, sector);
    if (err != 0) {
        return err;
    }
    v->win_sector = sector;
    return 0;
}

int fat_claim_window(fat_vol_t *v, uint32_t sector) {
    if (sector == v->win_sector) {
        return 0;
    }
    int err = write_back(v);
    if (err != 0) {
        return err;
    }
    v->win_sector = sector;
    return 0;
}

static int write_fsinfo(fat_vol_t *v);

int fat_sync(fat_vol_t *v) {
    if (v->fsinfo_stale) {
        int err = write_fsinfo(v);
        if (err != 0) {
            return err;
        }
    }
    return write_back(v);
}

/* ---- the allocation table ---------------------------------------------------------------- */

bool fat_cluster_valid(const fat_vol_t *v, uint32_t cluster) {
    return cluster >= 2 && cluster - 2 < v->n_clusters;
}

uint32_t fat_end_of_chain(const fat_vol_t *v) {
    return v->fat_bits == 12 ? 0xfff : v->fat_bits == 16 ? 0xffff : 0x0fffffff;
}

/* The raw entry of cluster (any number the table holds, including 0 and 1). */
static int get_entry(fat_vol_t *v, uint32_t cluster, uint32_t *value) {
    uint32_t offset;
    switch (v->fat_bits) {
        case 12: {
            /* 12-bit entries pack two clusters into three bytes and may straddle sectors. */
            offset = cluster + cluster / 2;
            int err = fat_move_window(v, v->fat_start + offset / v->ss);
            if (err != 0) {
                return err;
            }
            uint32_t word = v->win[offset % v->ss];
            offset++;
            err = fat_move_window(v, v->fat_start + offset / v->ss);
            if (err != 0) {
                return err;
            }
            word |= (uint32_t)v->win[offset % v->ss] << 8;
            *value = cluster & 1 ? word >> 4 : word & 0xfff;
            return 0;
        }
        case 16: {
            offset = cluster * 2;
            int err = fat_move_window(v, v->fat_start + offset / v->ss);
            if (err != 0) {
                return err;
            }
            *value = fat_ld16(v->win + offset % v->ss);
            return 0;
        }
        default: {
            offset = cluster * 4;
            int err = fat_move_window(v, v->fat_start + offset / v->ss);
            if (err != 0) {
                return err;
            }
            *value = fat_ld32(v->win + offset % v->ss) & 0x0fffffff;
            return 0;
        }
    }
}

int fat_set_entry(fat_vol_t *v, uint32_t cluster, uint32_t value) {
    if (v->readonly) {
        return -EROFS;
    }
    uint32_t offset;
    int err;
    switch (v->fat_bits) {
        case 12:
            offset = cluster + cluster / 2;
            err = fat_move_window(v, v->fat_start + offset / v->ss);
            if (err != 0) {
                return err;
            }
            if (cluster & 1) {
                v->win[offset % v->ss] = (uint8_t)((v->win[offset % v->ss] & 0x0f) | ((value & 0x0f) << 4));
            } else {
                v->win[offset % v->ss] = (uint8_t)value;
            }
            v->win_dirty = true;
            offset++;
            err = fat_move_window(v, v->fat_start + offset / v->ss);
            if (err != 0) {
                return err;
            }
            if (cluster & 1) {
                v->win[offset % v->ss] = (uint8_t)(value >> 4);
            } else {
                v->win[offset % v->ss] = (uint8_t)((v->win[offset % v->ss] & 0xf0) | ((value >> 8) & 0x0f));
            }
            break;
        case 16:
            offset = cluster * 2;
            err = fat_move_window(v, v->fat_start + offset / v->ss);
            if (err != 0) {
                return err;
            }
            fat_st16(v->win + offset % v->ss, (uint16_t)value);
            break;
        default: {
            offset = cluster * 4;
            err = fat_move_window(v, v->fat_start + offset / v->ss);
            if (err != 0) {
                return err;
            }
            /* The top four bits are reserved and kept. */
            uint8_t *p = v->win + offset % v->ss;
            fat_st32(p, (fat_ld32(p) & 0xf0000000) | (value & 0x0fffffff));
            break;
        }
    }
    v->win_dirty = true;
    return 0;
}

int fat_get_next(fat_vol_t *v, uint32_t cluster, uint32_t *next) {
    if (!fat_cluster_valid(v, cluster)) {
        return -EIO;
    }
    uint32_t value;
    int err = get_entry(v, cluster, &value);
    if (err != 0) {
        return err;
    }
    uint32_t eoc = fat_end_of_chain(v);
    if (value >= (eoc & ~7u)) {
        return FAT_CHAIN_END;
    }
    /* Free (0), reserved (1), bad (eoc - 8) or beyond the volume: the chain is broken. */
    if (!fat_cluster_valid(v, value)) {
        return -EIO;
    }
    *next = value;
    return 0;
}

static int count_free(fat_vol_t *v) {
    if (v->free_count != UINT32_MAX) {
        return 0;
    }
    uint32_t count = 0;
    for (uint32_t c = 2; c - 2 < v->n_clusters; c++) {
        uint32_t value;
        int err = get_entry(v, c, &value);
        if (err != 0) {
            return err;
        }
        count += value == 0;
    }
    v->free_count = count;
    return 0;
}

/* FAT32 keeps a free-cluster count in its FSInfo sector; other tools trust it, so once this
** driver changes the table the count is known and written back with the next sync. */
static int table_changing(fat_vol_t *v) {
    if (v->fat_bits != 32 || v->fsinfo_sector == 0) {
        return 0;
    }
    v->fsinfo_stale = true;
    return count_free(v);
}

static int write_fsinfo(fat_vol_t *v) {
    v->fsinfo_stale = false;
    int err = fat_move_window(v, v->fsinfo_sector);
    if (err != 0) {
        return err;
    }
    if (fat_ld32(v->win) == 0x41615252 && fat_ld32(v->win + 484) == 0x61417272) {
        fat_st32(v->win + 488, v->free_count);
        fat_st32(v->win + 492, fat_cluster_valid(v, v->free_hint) ? v->free_hint : 0xffffffff);
        v->win_dirty = true;
    }
    return 0;
}

int fat_alloc_cluster(fat_vol_t *v, uint32_t prev, bool zero, uint32_t *out) {
    if (v->readonly) {
        return -EROFS;
    }
    int err = table_changing(v);
    if (err != 0) {
        return err;
    }
    uint32_t start = fat_cluster_valid(v, v->free_hint) ? v->free_hint : 2;
    uint32_t cluster = start;
    for (uint32_t n = 0; n < v->n_clusters; n++) {
        uint32_t value;
        err = get_entry(v, cluster, &value);
        if (err != 0) {
            return err;
        }
        if (value == 0) {
            err = fat_set_entry(v, cluster, fat_end_of_chain(v));
            if (err == 0 && prev != 0) {
                err = fat_set_entry(v, prev, cluster);
            }
            if (err != 0) {
                return err;
            }
            v->free_hint = cluster + 1;
            if (v->free_count != UINT32_MAX && v->free_count > 0) {
                v->free_count--;
            }
            if (zero) {
                for (uint32_t i = 0; i < v->spc; i++) {
                    err = fat_claim_window(v, fat_cluster_sector(v, cluster) + i);
                    if (err != 0) {
                        return err;
                    }
                    memset(v->win, 0, v->ss);
                    v->win_dirty = true;
                }
            }
            *out = cluster;
            return 0;
        }
        cluster = fat_cluster_valid(v, cluster + 1) ? cluster + 1 : 2;
    }
    return -ENOSPC;
}

int fat_free_chain(fat_vol_t *v, uint32_t start) {
    int changing = table_changing(v);
    if (changing != 0) {
        return changing;
    }
    uint32_t cluster = start;
    for (uint32_t n = 0; n < v->n_clusters && cluster != 0; n++) {
        uint32_t next = 0;
        int r = fat_get_next(v, cluster, &next);
        if (r < 0) {
            return r;
        }
        int err = fat_set_entry(v, cluster, 0);
        if (err != 0) {
            return err;
        }
        if (v->free_count != UINT32_MAX) {
            v->free_count++;
        }
        if (cluster < v->free_hint) {
            v->free_hint = cluster;
        }
        if (r == FAT_CHAIN_END) {
            return 0;
        }
        cluster = next;
    }
    return cluster == 0 ? 0 : -EIO;
}

int fat_statvfs(fat_vol_t *v, uint32_t *cluster_bytes, uint32_t *total, uint32_t *free_clusters) {
    int err = count_free(v);
    if (err != 0) {
        return err;
    }
    *cluster_bytes = (uint32_t)v->spc * v->ss;
    *total = v->n_clusters;
    *free_clusters = v->free_count;
    return 0;
}

/* ---- the boot sector ------------------------------------------------------------------------ */

static bool is_power_of_two(uint32_t x) {
    return x != 0 && (x & (x - 1)) == 0;
}

/* Cluster count of a layout, as the specification defines it (it decides the FAT type). */
static uint32_t cluster_count(uint32_t total, uint32_t reserved, uint32_t n_fats, uint32_t fat_size,
                              uint32_t root_sectors, uint32_t spc) {
    uint64_t meta = (uint64_t)reserved + (uint64_t)n_fats * fat_size + root_sectors;
    return meta >= total ? 0 : (uint32_t)((total - meta) / spc);
}

int fat_mount(fat_vol_t *v) {
    v->win_sector = FAT_NO_SECTOR;
    v->win_dirty = false;
    v->total_sectors = 0;
    v->fat_size = 0;
    v->n_fats = 0;
    int err = fat_move_window(v, 0);
    if (err != 0) {
        return err;
    }
    const uint8_t *b = v->win;
    if (fat_ld16(b + 510) != 0xaa55 || (b[0] != 0xeb && b[0] != 0xe9)) {
        return -ENODEV;
    }
    uint32_t bytes_per_sector = fat_ld16(b + 11);
    uint32_t spc = b[13];
    uint32_t reserved = fat_ld16(b + 14);
    uint32_t n_fats = b[16];
    uint32_t root_entries = fat_ld16(b + 17);
    uint32_t total = fat_ld16(b + 19) != 0 ? fat_ld16(b + 19) : fat_ld32(b + 32);
    uint32_t fat_size = fat_ld16(b + 22) != 0 ? fat_ld16(b + 22) : fat_ld32(b + 36);
    if (bytes_per_sector < 512 || bytes_per_sector > 4096 || !is_power_of_two(bytes_per_sector) ||
        !is_power_of_two(spc) || reserved == 0 || n_fats < 1 || n_fats > 2 || total == 0 || fat_size == 0) {
        return -ENODEV;
    }
    if (bytes_per_sector != v->ss) {
        return -EINVAL;
    }
    if (total > v->block_count) {
        return -EIO;
    }
    uint32_t root_sectors = (root_entries * FAT_DIR_ENTRY_SIZE + v->ss - 1) / v->ss;
    uint32_t count = cluster_count(total, reserved, n_fats, fat_size, root_sectors, spc);
    if (count == 0) {
        return -ENODEV;
    }
    uint8_t bits = count < 4085 ? 12 : count < 65525 ? 16 : 32;
    if (bits == 32 && (root_entries != 0 || fat_ld16(b + 22) != 0)) {
        return -ENODEV;
    }
    if (bits != 32 && root_entries == 0) {
        return -ENODEV;
    }
    /* The table must be long enough to describe every cluster. */
    if (((uint64_t)count + 2) * bits > (uint64_t)fat_size * v->ss * 8) {
        return -ENODEV;
    }
    v->fat_bits = bits;
    v->n_fats = (uint8_t)n_fats;
    v->spc = (uint16_t)spc;
    v->fat_start = reserved;
    v->fat_size = fat_size;
    v->root_start = reserved + n_fats * fat_size;
    v->root_sectors = root_sectors;
    v->data_start = v->root_start + root_sectors;
    v->n_clusters = count;
    v->total_sectors = total;
    v->root_cluster = 0;
    v->fsinfo_sector = 0;
    v->volume_id = fat_ld32(b + (bits == 32 ? 67 : 39));
    if (bits == 32) {
        v->root_cluster = fat_ld32(b + 44);
        if (!fat_cluster_valid(v, v->root_cluster)) {
            return -EIO;
        }
        uint32_t fsinfo = fat_ld16(b + 48);
        v->fsinfo_sector = fsinfo > 0 && fsinfo < reserved ? fsinfo : 0;
    }
    v->free_hint = 2;
    v->free_count = UINT32_MAX;
    v->fsinfo_stale = false;
    return 0;
}

/* ---- mkfs -------------------------------------------------------------------------------- */

static int zero_sectors(fat_vol_t *v, uint32_t first, uint32_t count) {
    for (uint32_t s = first; s < first + count; s++) {
        int err = fat_claim_window(v, s);
        if (err != 0) {
            return err;
        }
        memset(v->win, 0, v->ss);
        v->win_dirty = true;
    }
    return 0;
}

/* Sectors of one FAT for `count` clusters of `bits`. */
static uint32_t fat_sectors_for(uint32_t count, uint32_t bits, uint32_t ss) {
    uint64_t bytes = ((uint64_t)count + 2) * bits / 8 + 1;
    return (uint32_t)((bytes + ss - 1) / ss);
}

int fat_mkfs(fat_vol_t *v) {
    if (v->readonly) {
        return -EROFS;
    }
    uint32_t total = v->block_count;
    uint32_t ss = v->ss;
    if (total < 16 || ss < 512 || ss > 4096 || !is_power_of_two(ss)) {
        return -EINVAL;
    }
    const uint32_t n_fats = 1;
    uint32_t root_entries = (uint64_t)total * ss >= 1024 * 1024 ? 512 : 128;
    if (root_entries * FAT_DIR_ENTRY_SIZE < ss) {
        root_entries = ss / FAT_DIR_ENTRY_SIZE;
    }
    uint32_t root_sectors = root_entries * FAT_DIR_ENTRY_SIZE / ss;

    /* The smallest cluster that keeps FAT12/16 within their counts; FAT32 beyond 32 KiB clusters. */
    uint32_t bits = 0, spc = 1, reserved = 1, fat_size = 0, count = 0;
    for (spc = 1; spc * ss <= 32768; spc *= 2) {
        for (bits = 12; bits <= 16; bits += 4) {
            fat_size = 1;
            for (int round = 0; round < 8; round++) {
                count = cluster_count(total, reserved, n_fats, fat_size, root_sectors, spc);
                uint32_t need = fat_sectors_for(count, bits, ss);
                if (need == fat_size) {
                    break;
                }
                fat_size = need;
            }
            count = cluster_count(total, reserved, n_fats, fat_size, root_sectors, spc);
            if (count == 0) {
                return -EINVAL;
            }
            if ((bits == 12 && count < 4085) || (bits == 16 && count >= 4085 && count < 65525)) {
                goto chosen;
            }
        }
    }
    /* Large devices: FAT32, with 8 sectors of reserved area and no fixed root. */
    bits = 32;
    reserved = 32;
    root_entries = 0;
    root_sectors = 0;
    for (spc = 1; spc * ss <= 32768; spc *= 2) {
        fat_size = 1;
        for (int round = 0; round < 8; round++) {
            count = cluster_count(total, reserved, n_fats, fat_size, 0, spc);
            uint32_t need = fat_sectors_for(count, 32, ss);
            if (need == fat_size) {
                break;
            }
            fat_size = need;
        }
        count = cluster_count(total, reserved, n_fats, fat_size, 0, spc);
        if (count >= 65525 && count < 0x0ffffff5) {
            goto chosen;
        }
    }
    return -EINVAL;

chosen:
    v->win_sector = FAT_NO_SECTOR;
    v->win_dirty = false;
    v->total_sectors = total;
    v->fat_start = reserved;
    v->fat_size = fat_size;
    v->n_fats = n_fats;
    int err = zero_sectors(v, 0, reserved + n_fats * fat_size + root_sectors);
    if (err == 0 && bits == 32) {
        err = zero_sectors(v, reserved + n_fats * fat_size, spc);
    }
    if (err != 0) {
        return err;
    }

    /* Boot sector. */
    err = fat_claim_window(v, 0);
    if (err != 0) {
        return err;
    }
    uint8_t *b = v->win;
    memset(b, 0, ss);
    b[0] = 0xeb;
    b[1] = bits == 32 ? 0x58 : 0x3c;
    b[2] = 0x90;
    memcpy(b + 3, "MSWIN4.1", 8);
    fat_st16(b + 11, (uint16_t)ss);
    b[13] = (uint8_t)spc;
    fat_st16(b + 14, (uint16_t)reserved);
    b[16] = (uint8_t)n_fats;
    fat_st16(b + 17, (uint16_t)root_entries);
    if (total < 0x10000) {
        fat_st16(b + 19, (uint16_t)total);
    } else {
        fat_st32(b + 32, total);
    }
    b[21] = 0xf8;
    fat_st16(b + 24, 63);
    fat_st16(b + 26, 255);
    uint32_t volume_id = v->now != NULL ? v->now() : 0x12345678;
    if (bits == 32) {
        fat_st32(b + 36, fat_size);
        fat_st32(b + 44, 2);
        fat_st16(b + 48, 1);
        fat_st16(b + 50, 0);
        b[64] = 0x80;
        b[66] = 0x29;
        fat_st32(b + 67, volume_id);
        memcpy(b + 71, "NO NAME    FAT32   ", 19);
    } else {
        fat_st16(b + 22, (uint16_t)fat_size);
        b[36] = 0x80;
        b[38] = 0x29;
        fat_st32(b + 39, volume_id);
        memcpy(b + 43, bits == 12 ? "NO NAME    FAT12   " : "NO NAME    FAT16   ", 19);
    }
    b[510] = 0x55;
    b[511] = 0xaa;
    v->win_dirty = true;

    if (bits == 32) {
        /* FSInfo: free count and next free unknown until the first sync writes them. */
        err = fat_claim_window(v, 1);
        if (err != 0) {
            return err;
        }
        memset(v->win, 0, ss);
        fat_st32(v->win, 0x41615252);
        fat_st32(v->win + 484, 0x61417272);
        fat_st32(v->win + 488, 0xffffffff);
        fat_st32(v->win + 492, 0xffffffff);
        fat_st32(v->win + 508, 0xaa550000);
        v->win_dirty = true;
    }

    /* The first two table entries: the media byte, then an end-of-chain mark; FAT32's root
    ** directory takes cluster 2. */
    v->fat_bits = (uint8_t)bits;
    v->spc = (uint16_t)spc;
    v->n_clusters = count;
    v->root_start = reserved + n_fats * fat_size;
    v->root_sectors = root_sectors;
    v->data_start = v->root_start + root_sectors;
    err = fat_set_entry(v, 0, (fat_end_of_chain(v) & ~0xffu) | 0xf8);
    if (err == 0) {
        err = fat_set_entry(v, 1, fat_end_of_chain(v));
    }
    if (err == 0 && bits == 32) {
        err = fat_set_entry(v, 2, fat_end_of_chain(v));
        v->fsinfo_sector = 1;
        v->free_count = count - 1;
        v->free_hint = 3;
        v->fsinfo_stale = true;
    }
    if (err == 0) {
        err = fat_sync(v);
    }
    if (err != 0) {
        return err;
    }
    return fat_mount(v);
}

/* ---- time stamps ------------------------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date, and back (proleptic Gregorian calendar). */
static int32_t days_from_civil(int32_t y, uint32_t m, uint32_t d) {
    y -= m <= 2;
    int32_t era = (y >= 0 ? y : y - 399) / 400;
    uint32_t year_of_era = (uint32_t)(y - era * 400);
    uint32_t day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    uint32_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + (int32_t)day_of_era - 719468;
}

static void civil_from_days(int32_t z, int32_t *y, uint32_t *m, uint32_t *d) {
    z += 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    uint32_t day_of_era = (uint32_t)(z - era * 146097);
    uint32_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    uint32_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    uint32_t mp = (5 * day_of_year + 2) / 153;
    *d = day_of_year - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int32_t)year_of_era + era * 400 + (*m <= 2);
}

void fat_timestamp(fat_vol_t *v, uint16_t *date, uint16_t *time) {
    uint32_t now = v->now != NULL ? v->now() : 0;
    int32_t y;
    uint32_t m, d;
    civil_from_days((int32_t)(now / 86400), &y, &m, &d);
    uint32_t secs = now % 86400;
    if (y < 1980) {
        y = 1980, m = 1, d = 1, secs = 0;
    } else if (y > 2107) {
        y = 2107, m = 12, d = 31, secs = 86399;
    }
    *date = (uint16_t)(((uint32_t)(y - 1980) << 9) | (m << 5) | d);
    *time = (uint16_t)(((secs / 3600) << 11) | (((secs / 60) % 60) << 5) | ((secs % 60) / 2));
}

uint32_t fat_seconds_from(uint16_t date, uint16_t time) {
    uint32_t m = (date >> 5) & 15, d = date & 31;
    if (m < 1 || m > 12 || d < 1) {
        return 0;
    }
    int32_t days = days_from_civil(1980 + (date >> 9), m, d);
    return (uint32_t)days * 86400 + (time >> 11) * 3600u + ((time >> 5) & 63) * 60u + (time & 31) * 2u;
}

/* ---- short entry helpers -------------------------------------------------------------------- */

uint32_t fat_entry_cluster(const fat_vol_t *v, const uint8_t *entry) {
    uint32_t cluster = fat_ld16(entry + FAT_DIR_CLUS_LO);
    if (v->fat_bits == 32) {
        cluster |= (uint32_t)fat_ld16(entry + FAT_DIR_CLUS_HI) << 16;
    }
    return cluster;
}

void fat_entry_set_cluster(uint8_t *entry, uint32_t cluster) {
    fat_st16(entry + FAT_DIR_CLUS_LO, (uint16_t)cluster);
    fat_st16(entry + FAT_DIR_CLUS_HI, (uint16_t)(cluster >> 16));
}
