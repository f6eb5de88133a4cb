/* fat_file.c: FAT files: open (create, truncate), read, write (growing the chain), seek, sync. */

#include <limits.h>

#include "extmod/fat/fat_dir.h"

int fat_open(fat_vol_t *v, const char *path, int flags, fat_file_t *f) {
    bool writable = (flags & FAT_OPEN_WRITE) != 0;
    if (writable && v->readonly) {
        return -EROFS;
    }
    fat_found_t found;
    uint32_t parent;
    size_t len;
    int r = fat_lookup(v, path, &found, &parent, &len);
    if (r == FAT_LOOKUP_ROOT) {
        return -EISDIR;
    }
    if (r == 0) {
        if (flags & FAT_OPEN_EXCL) {
            return -EEXIST;
        }
        if (found.sfn[FAT_DIR_ATTR] & FAT_ATTR_DIRECTORY) {
            return -EISDIR;
        }
        if (writable && (found.sfn[FAT_DIR_ATTR] & FAT_ATTR_READ_ONLY)) {
            return -EACCES;
        }
    } else if (r == -ENOENT && (flags & FAT_OPEN_CREATE) && parent != UINT32_MAX) {
        uint8_t model[FAT_DIR_ENTRY_SIZE];
        fat_dir_new_entry(v, model, FAT_ATTR_ARCHIVE, 0);
        int err = fat_dir_add(v, parent, len, model, &found);
        if (err != 0) {
            return err;
        }
    } else {
        return r;
    }
    f->v = v;
    f->entry_sector = found.entry.sector;
    f->entry_offset = (uint16_t)((found.entry.index % (v->ss / FAT_DIR_ENTRY_SIZE)) * FAT_DIR_ENTRY_SIZE);
    f->writable = writable;
    f->dirty = false;
    f->start = fat_entry_cluster(v, found.sfn);
    f->size = fat_ld32(found.sfn + FAT_DIR_SIZE);
    f->pos = 0;
    f->cluster = 0;
    f->cluster_index = UINT32_MAX;
    if ((flags & FAT_OPEN_TRUNC) && (f->size != 0 || f->start != 0)) {
        uint32_t start = f->start;
        f->start = 0;
        f->size = 0;
        f->dirty = true;
        int err = fat_file_sync(f);
        if (err == 0 && start != 0) {
            err = fat_free_chain(v, start);
        }
        if (err != 0) {
            return err;
        }
    }
    return 0;
}

/* Makes f->cluster the index-th cluster of the chain, growing it when asked. */
static int locate(fat_file_t *f, uint32_t index, bool grow) {
    fat_vol_t *v = f->v;
    if (index >= v->n_clusters) {
        /* No chain is that long: also bounds the walk through a looping one. */
        return grow ? -ENOSPC : -EIO;
    }
    if (f->cluster_index == UINT32_MAX || f->cluster_index > index) {
        if (f->start == 0) {
            if (!grow) {
                return -EIO;
            }
            int err = fat_alloc_cluster(v, 0, false, &f->start);
            if (err != 0) {
                return err;
            }
            f->dirty = true;
        }
        if (!fat_cluster_valid(v, f->start)) {
            return -EIO;
        }
        f->cluster = f->start;
        f->cluster_index = 0;
    }
    while (f->cluster_index < index) {
        uint32_t next = 0;
        int r = fat_get_next(v, f->cluster, &next);
        if (r < 0) {
            return r;
        }
        if (r == FAT_CHAIN_END) {
            if (!grow) {
                return -EIO; /* the entry's size claims more than the chain holds */
            }
            int err = fat_alloc_cluster(v, f->cluster, false, &next);
            if (err != 0) {
                return err;
            }
        }
        f->cluster = next;
        f->cluster_index++;
    }
    return 0;
}

long fat_read(fat_file_t *f, void *buf, size_t len) {
    fat_vol_t *v = f->v;
    if (f->pos >= f->size) {
        return 0;
    }
    if (len > f->size - f->pos) {
        len = f->size - f->pos;
    }
    uint32_t cluster_bytes = (uint32_t)v->spc * v->ss;
    size_t done = 0;
    while (done < len) {
        int err = locate(f, f->pos / cluster_bytes, false);
        if (err == 0) {
            err = fat_move_window(v, fat_cluster_sector(v, f->cluster) + (f->pos % cluster_bytes) / v->ss);
        }
        if (err != 0) {
            return done > 0 ? (long)done : err;
        }
        size_t offset = f->pos % v->ss;
        size_t chunk = v->ss - offset;
        if (chunk > len - done) {
            chunk = len - done;
        }
        memcpy((uint8_t *)buf + done, v->win + offset, chunk);
        done += chunk;
        f->pos += (uint32_t)chunk;
    }
    return (long)done;
}

/* Writes len bytes of data (zeros when data is NULL) at f->pos. */
static int write_bytes(fat_file_t *f, const uint8_t *data, size_t len) {
    fat_vol_t *v = f->v;
    uint32_t cluster_bytes = (uint32_t)v->spc * v->ss;
    while (len > 0) {
        int err = locate(f, f->pos / cluster_bytes, true);
        if (err != 0) {
            return err;
        }
        uint32_t sector = fat_cluster_sector(v, f->cluster) + (f->pos % cluster_bytes) / v->ss;
        size_t offset = f->pos % v->ss;
        size_t chunk = v->ss - offset;
        if (chunk > len) {
            chunk = len;
        }
        /* A whole sector, or one past the old end, need not be read first. */
        bool fresh = chunk == v->ss || (offset == 0 && f->pos >= f->size);
        err = fresh ? fat_claim_window(v, sector) : fat_move_window(v, sector);
        if (err != 0) {
            return err;
        }
        if (fresh && chunk != v->ss) {
            memset(v->win + chunk, 0, v->ss - chunk);
        }
        if (data != NULL) {
            memcpy(v->win + offset, data, chunk);
            data += chunk;
        } else {
            memset(v->win + offset, 0, chunk);
        }
        v->win_dirty = true;
        f->pos += (uint32_t)chunk;
        len -= chunk;
        if (f->pos > f->size) {
            f->size = f->pos;
        }
        f->dirty = true;
    }
    return 0;
}

long fat_write(fat_file_t *f, const void *buf, size_t len) {
    if (!f->writable) {
        return -EBADF;
    }
    if ((uint64_t)f->pos + len > UINT32_MAX) {
        return -EFBIG;
    }
    if (f->pos > f->size) {
        /* A seek past the end leaves a gap that reads as zeros. */
        uint32_t pos = f->pos;
        f->pos = f->size;
        int err = write_bytes(f, NULL, pos - f->size);
        if (err != 0) {
            return err;
        }
    }
    int err = write_bytes(f, buf, len);
    /* Written through at once: a file the collector closes later has nothing left to write. */
    int sync_err = fat_file_sync(f);
    if (err == 0) {
        err = sync_err;
    }
    return err != 0 ? err : (long)len;
}

long fat_seek(fat_file_t *f, long offset, int whence) {
    int64_t base = whence == 0 ? 0 : whence == 1 ? (int64_t)f->pos : (int64_t)f->size;
    int64_t pos = base + offset;
    if (pos < 0 || whence < 0 || whence > 2) {
        return -EINVAL;
    }
    if (pos > (int64_t)UINT32_MAX || pos > (int64_t)LONG_MAX) {
        return -EFBIG;
    }
    f->pos = (uint32_t)pos;
    return (long)pos;
}

int fat_file_sync(fat_file_t *f) {
    fat_vol_t *v = f->v;
    if (f->dirty) {
        int err = fat_move_window(v, f->entry_sector);
        if (err != 0) {
            return err;
        }
        uint8_t *e = v->win + f->entry_offset;
        fat_st32(e + FAT_DIR_SIZE, f->size);
        fat_entry_set_cluster(e, f->start);
        uint16_t date, time;
        fat_timestamp(v, &date, &time);
        fat_st16(e + FAT_DIR_WRT_TIME, time);
        fat_st16(e + FAT_DIR_WRT_DATE, date);
        fat_st16(e + FAT_DIR_ACC_DATE, date);
        e[FAT_DIR_ATTR] |= FAT_ATTR_ARCHIVE;
        v->win_dirty = true;
        f->dirty = false;
    }
    return fat_sync(v);
}
