/* fat_dir.c: FAT directories: walking entries, long names, look-up by path, adding and removing entries. */

#include "extmod/fat/fat_dir.h"
#include "extmod/fat/fat_name.h"

static uint32_t entries_per_sector(const fat_vol_t *v) {
    return v->ss / FAT_DIR_ENTRY_SIZE;
}

/* ---- positions ----------------------------------------------------------------------------- */

int fat_dir_rewind(fat_vol_t *v, fat_dirpos_t *p, uint32_t start) {
    if (start == 0 && v->fat_bits == 32) {
        start = v->root_cluster;
    }
    p->start = start;
    p->index = 0;
    p->cluster = start;
    if (start == 0) {
        p->sector = v->root_start;
        return 0;
    }
    if (!fat_cluster_valid(v, start)) {
        return -EIO;
    }
    p->sector = fat_cluster_sector(v, start);
    return 0;
}

int fat_dir_next(fat_vol_t *v, fat_dirpos_t *p, bool extend) {
    uint32_t index = p->index + 1;
    if (index >= FAT_DIR_MAX_ENTRIES) {
        return extend ? -ENOSPC : FAT_DIR_END;
    }
    uint32_t eps = entries_per_sector(v);
    if (index % eps != 0) {
        p->index = index;
        return 0;
    }
    uint32_t sector_number = index / eps;
    if (p->start == 0) {
        if (sector_number >= v->root_sectors) {
            return extend ? -ENOSPC : FAT_DIR_END;
        }
        p->sector++;
        p->index = index;
        return 0;
    }
    if (sector_number % v->spc != 0) {
        p->sector++;
        p->index = index;
        return 0;
    }
    uint32_t next = 0;
    int r = fat_get_next(v, p->cluster, &next);
    if (r < 0) {
        return r;
    }
    if (r == FAT_CHAIN_END) {
        if (!extend) {
            return FAT_DIR_END;
        }
        int err = fat_alloc_cluster(v, p->cluster, true, &next);
        if (err != 0) {
            return err;
        }
    }
    p->cluster = next;
    p->sector = fat_cluster_sector(v, next);
    p->index = index;
    return 0;
}

uint8_t *fat_dir_entry(fat_vol_t *v, const fat_dirpos_t *p, int *err) {
    *err = fat_move_window(v, p->sector);
    if (*err != 0) {
        return NULL;
    }
    return v->win + (p->index % entries_per_sector(v)) * FAT_DIR_ENTRY_SIZE;
}

/* ---- reading entries with their long names --------------------------------------------------- */

/* Where each of the 13 characters of a long-name entry sits. */
static const uint8_t lfn_offsets[13] = {1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30};

/*
** Reads forward from *p (inclusive) to the next visible entry, skipping free entries,
** volume labels, '.' and '..', and long-name parts that do not belong to the short entry
** they precede (wrong order or checksum: their short entry then shows its short name).
** The name goes to v->lfn. Returns 0, FAT_DIR_END, or a negative errno.
*/
int fat_dir_read(fat_vol_t *v, fat_dirpos_t *p, fat_found_t *found) {
    uint32_t expected = 0; /* next long-name order number wanted; 0: none in progress */
    uint32_t parts = 0;
    uint8_t checksum = 0;
    for (;;) {
        int err;
        uint8_t *e = fat_dir_entry(v, p, &err);
        if (e == NULL) {
            return err;
        }
        uint8_t first = e[0];
        uint8_t attr = e[FAT_DIR_ATTR];
        if (first == 0) {
            return FAT_DIR_END;
        }
        if (first == FAT_DIR_FREE) {
            expected = 0;
        } else if ((attr & 0x3f) == FAT_ATTR_LONG_NAME) {
            uint32_t order = first & 0x3f;
            if (first & 0x40) {
                if (order == 0 || order * 13 > FAT_NAME_MAX + 13) {
                    expected = 0;
                } else {
                    parts = order;
                    checksum = e[13];
                    found->first = *p;
                    expected = order;
                    memset(v->lfn, 0, sizeof(v->lfn));
                }
            }
            if (expected != 0 && order == expected && e[13] == checksum) {
                for (size_t i = 0; i < 13; i++) {
                    size_t at = (order - 1) * 13 + i;
                    if (at < FAT_NAME_MAX) {
                        v->lfn[at] = fat_ld16(e + lfn_offsets[i]);
                    }
                }
                expected--;
                if (expected == 0) {
                    expected = UINT32_MAX; /* complete: waiting for its short entry */
                }
            } else if (!(first & 0x40)) {
                expected = 0;
            }
        } else if (attr & FAT_ATTR_VOLUME_ID) {
            expected = 0;
        } else if (first == '.' && (e[1] == ' ' || (e[1] == '.' && e[2] == ' '))) {
            expected = 0;
        } else {
            memcpy(found->sfn, e, FAT_DIR_ENTRY_SIZE);
            found->entry = *p;
            size_t len = 0;
            if (expected == UINT32_MAX && checksum == fat_short_name_checksum(e)) {
                size_t max = parts * 13 < FAT_NAME_MAX ? parts * 13 : FAT_NAME_MAX;
                while (len < max && v->lfn[len] != 0) {
                    len++;
                }
            }
            if (len == 0) {
                found->first = *p;
                len = fat_short_name_display(e, e[FAT_DIR_NTRES], v->lfn);
            }
            found->name_len = len;
            return 0;
        }
        int r = fat_dir_next(v, p, false);
        if (r != 0) {
            return r;
        }
    }
}

/* ---- look-up -------------------------------------------------------------------------------- */

/* Finds v->name (length len) in the directory starting at cluster dir; a short name matches too. */
static int find_in(fat_vol_t *v, uint32_t dir, size_t len, fat_found_t *found) {
    fat_dirpos_t p;
    int err = fat_dir_rewind(v, &p, dir);
    if (err != 0) {
        return err;
    }
    for (;;) {
        int r = fat_dir_read(v, &p, found);
        if (r == FAT_DIR_END) {
            return -ENOENT;
        }
        if (r < 0) {
            return r;
        }
        if (fat_name_equal(v->lfn, found->name_len, v->name, len)) {
            return 0;
        }
        uint16_t short_name[13];
        size_t short_len = fat_short_name_display(found->sfn, 0, short_name);
        if (fat_name_equal(short_name, short_len, v->name, len)) {
            return 0;
        }
        r = fat_dir_next(v, &p, false);
        if (r == FAT_DIR_END) {
            return -ENOENT;
        }
        if (r < 0) {
            return r;
        }
    }
}

uint32_t fat_dir_cluster_of(const fat_vol_t *v, const fat_found_t *found) {
    return fat_entry_cluster(v, found->sfn);
}

int fat_lookup(fat_vol_t *v, const char *path, fat_found_t *found, uint32_t *parent, size_t *name_len) {
    if (path[0] != '/') {
        return -ENOENT;
    }
    uint32_t dir = 0;
    *parent = UINT32_MAX;
    const char *p = path;
    while (*p == '/') {
        p++;
    }
    if (*p == '\0') {
        return FAT_LOOKUP_ROOT;
    }
    for (;;) {
        const char *end = strchr(p, '/');
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
        const char *rest = p + n;
        while (*rest == '/') {
            rest++;
        }
        bool last = *rest == '\0';
        size_t len;
        int err = fat_utf8_to_utf16(p, n, v->name, FAT_NAME_MAX, &len);
        if (err == 0) {
            err = fat_name_check(v->name, &len);
        }
        if (err != 0) {
            return err == -ENAMETOOLONG ? err : (last ? -EINVAL : -ENOENT);
        }
        if (last) {
            *parent = dir;
            *name_len = len;
        }
        err = find_in(v, dir, len, found);
        if (err != 0 || last) {
            return err;
        }
        if (!(found->sfn[FAT_DIR_ATTR] & FAT_ATTR_DIRECTORY)) {
            return -ENOTDIR;
        }
        dir = fat_dir_cluster_of(v, found);
        if (!fat_cluster_valid(v, dir)) {
            return -EIO;
        }
        p = rest;
    }
}

/* ---- adding and removing entries ------------------------------------------------------------- */

static bool short_name_taken(fat_vol_t *v, uint32_t dir, const uint8_t sfn[11], int *err) {
    fat_dirpos_t p;
    *err = fat_dir_rewind(v, &p, dir);
    if (*err != 0) {
        return true;
    }
    for (;;) {
        uint8_t *e = fat_dir_entry(v, &p, err);
        if (e == NULL) {
            return true;
        }
        if (e[0] == 0) {
            return false;
        }
        if (e[0] != FAT_DIR_FREE && (e[FAT_DIR_ATTR] & 0x3f) != FAT_ATTR_LONG_NAME && memcmp(e, sfn, 11) == 0) {
            return true;
        }
        int r = fat_dir_next(v, &p, false);
        if (r == FAT_DIR_END) {
            return false;
        }
        if (r < 0) {
            *err = r;
            return true;
        }
    }
}

int fat_dir_add(fat_vol_t *v, uint32_t dir, size_t len, const uint8_t *model, fat_found_t *out) {
    if (v->readonly) {
        return -EROFS;
    }
    uint8_t sfn[11];
    int kind = fat_make_short_name(v->name, len, sfn);
    bool need_long = kind != FAT_SHORT_EXACT;
    int err;
    if (kind == FAT_SHORT_CASE && short_name_taken(v, dir, sfn, &err)) {
        if (err != 0) {
            return err;
        }
        kind = FAT_SHORT_LOSSY;
    }
    if (kind == FAT_SHORT_LOSSY) {
        uint8_t basis[11];
        memcpy(basis, sfn, 11);
        /* ~1 to ~4 first, then numbers drawn from the long name, so a directory full of
        ** similar names costs a bounded number of scans. */
        uint32_t hash = 0;
        for (size_t i = 0; i < len; i++) {
            hash = hash * 31 + v->name[i];
        }
        for (uint32_t attempt = 1;; attempt++) {
            if (attempt > 100) {
                return -EEXIST;
            }
            uint32_t n = attempt <= 4 ? attempt : 5 + (hash + attempt * 7919u) % 999990u;
            memcpy(sfn, basis, 11);
            fat_short_name_tail(sfn, n);
            if (!short_name_taken(v, dir, sfn, &err)) {
                break;
            }
            if (err != 0) {
                return err;
            }
        }
    }
    uint32_t n_long = need_long ? (uint32_t)(len + 12) / 13 : 0;
    uint32_t needed = n_long + 1;

    /* A run of free entries long enough, extending the directory when it has none. */
    fat_dirpos_t p, run = {0, 0, 0, 0};
    err = fat_dir_rewind(v, &p, dir);
    if (err != 0) {
        return err;
    }
    uint32_t count = 0;
    for (;;) {
        uint8_t *e = fat_dir_entry(v, &p, &err);
        if (e == NULL) {
            return err;
        }
        if (e[0] == 0 || e[0] == FAT_DIR_FREE) {
            if (count == 0) {
                run = p;
            }
            if (++count == needed) {
                break;
            }
        } else {
            count = 0;
        }
        int r = fat_dir_next(v, &p, true);
        if (r < 0) {
            return r;
        }
    }

    uint8_t checksum = fat_short_name_checksum(sfn);
    p = run;
    for (uint32_t order = n_long; order >= 1; order--) {
        uint8_t *e = fat_dir_entry(v, &p, &err);
        if (e == NULL) {
            return err;
        }
        memset(e, 0, FAT_DIR_ENTRY_SIZE);
        e[0] = (uint8_t)(order | (order == n_long ? 0x40 : 0));
        e[FAT_DIR_ATTR] = FAT_ATTR_LONG_NAME;
        e[13] = checksum;
        for (size_t i = 0; i < 13; i++) {
            size_t at = (order - 1) * 13 + i;
            uint16_t c = at < len ? v->name[at] : at == len ? 0 : 0xffff;
            fat_st16(e + lfn_offsets[i], c);
        }
        v->win_dirty = true;
        int r = fat_dir_next(v, &p, false);
        if (r != 0) {
            return r < 0 ? r : -EIO;
        }
    }
    uint8_t *e = fat_dir_entry(v, &p, &err);
    if (e == NULL) {
        return err;
    }
    memcpy(e, model, FAT_DIR_ENTRY_SIZE);
    memcpy(e, sfn, 11);
    v->win_dirty = true;
    out->first = run;
    out->entry = p;
    memcpy(out->sfn, e, FAT_DIR_ENTRY_SIZE);
    out->name_len = len;
    return 0;
}

int fat_dir_remove(fat_vol_t *v, const fat_found_t *found) {
    if (v->readonly) {
        return -EROFS;
    }
    fat_dirpos_t p = found->first;
    for (uint32_t n = 0; n <= FAT_DIR_MAX_ENTRIES; n++) {
        int err;
        uint8_t *e = fat_dir_entry(v, &p, &err);
        if (e == NULL) {
            return err;
        }
        e[0] = FAT_DIR_FREE;
        v->win_dirty = true;
        if (p.index == found->entry.index) {
            return 0;
        }
        int r = fat_dir_next(v, &p, false);
        if (r != 0) {
            return r < 0 ? r : -EIO;
        }
    }
    return -EIO;
}

void fat_dir_new_entry(fat_vol_t *v, uint8_t *e, uint8_t attr, uint32_t cluster) {
    memset(e, 0, FAT_DIR_ENTRY_SIZE);
    memset(e, ' ', 11);
    e[FAT_DIR_ATTR] = attr;
    uint16_t date, time;
    fat_timestamp(v, &date, &time);
    fat_st16(e + FAT_DIR_CRT_TIME, time);
    fat_st16(e + FAT_DIR_CRT_DATE, date);
    fat_st16(e + FAT_DIR_ACC_DATE, date);
    fat_st16(e + FAT_DIR_WRT_TIME, time);
    fat_st16(e + FAT_DIR_WRT_DATE, date);
    fat_entry_set_cluster(e, cluster);
}
