/* fat_ops.c: the FAT driver's path operations: stat, directories, remove, rename, listing. */

#include "extmod/fat/fat_dir.h"
#include "extmod/fat/fat_name.h"

static void stat_from(const fat_vol_t *v, const uint8_t *e, fat_stat_t *st) {
    st->attr = e[FAT_DIR_ATTR];
    st->size = fat_ld32(e + FAT_DIR_SIZE);
    st->cluster = fat_entry_cluster(v, e);
    st->mtime = fat_seconds_from(fat_ld16(e + FAT_DIR_WRT_DATE), fat_ld16(e + FAT_DIR_WRT_TIME));
}

int fat_stat(fat_vol_t *v, const char *path, fat_stat_t *st) {
    fat_found_t found;
    uint32_t parent;
    size_t len;
    int r = fat_lookup(v, path, &found, &parent, &len);
    if (r == FAT_LOOKUP_ROOT) {
        memset(st, 0, sizeof(*st));
        st->attr = FAT_ATTR_DIRECTORY;
        return 0;
    }
    if (r != 0) {
        return r;
    }
    stat_from(v, found.sfn, st);
    return 0;
}

/* The directory cluster a path names (0 for the root), or an errno. */
static int directory_of(fat_vol_t *v, const char *path, uint32_t *cluster) {
    fat_found_t found;
    uint32_t parent;
    size_t len;
    int r = fat_lookup(v, path, &found, &parent, &len);
    if (r == FAT_LOOKUP_ROOT) {
        *cluster = 0;
        return 0;
    }
    if (r != 0) {
        return r;
    }
    if (!(found.sfn[FAT_DIR_ATTR] & FAT_ATTR_DIRECTORY)) {
        return -ENOTDIR;
    }
    *cluster = fat_dir_cluster_of(v, &found);
    return fat_cluster_valid(v, *cluster) ? 0 : -EIO;
}

int fat_opendir(fat_vol_t *v, const char *path, fat_dir_t *dir) {
    uint32_t cluster;
    int err = directory_of(v, path, &cluster);
    if (err != 0) {
        return err;
    }
    dir->v = v;
    dir->started = false;
    dir->ended = false;
    return fat_dir_rewind(v, &dir->pos, cluster);
}

int fat_readdir(fat_dir_t *dir, char *name, size_t name_size, fat_stat_t *st) {
    fat_vol_t *v = dir->v;
    if (dir->ended) {
        return 0;
    }
    if (dir->started) {
        int r = fat_dir_next(v, &dir->pos, false);
        if (r == FAT_DIR_END) {
            dir->ended = true;
            return 0;
        }
        if (r < 0) {
            return r;
        }
    }
    dir->started = true;
    fat_found_t found;
    int r = fat_dir_read(v, &dir->pos, &found);
    if (r == FAT_DIR_END) {
        dir->ended = true;
        return 0;
    }
    if (r < 0) {
        return r;
    }
    fat_utf16_to_utf8(v->lfn, found.name_len, name, name_size);
    stat_from(v, found.sfn, st);
    return 1;
}

int fat_mkdir(fat_vol_t *v, const char *path) {
    if (v->readonly) {
        return -EROFS;
    }
    fat_found_t found;
    uint32_t parent;
    size_t len;
    int r = fat_lookup(v, path, &found, &parent, &len);
    if (r == 0 || r == FAT_LOOKUP_ROOT) {
        return -EEXIST;
    }
    if (r != -ENOENT || parent == UINT32_MAX) {
        return r;
    }
    uint32_t cluster;
    int err = fat_alloc_cluster(v, 0, true, &cluster);
    if (err != 0) {
        return err;
    }
    /* '.' and '..' open every directory but the root; '..' of a top-level one is 0. */
    err = fat_move_window(v, fat_cluster_sector(v, cluster));
    if (err != 0) {
        return err;
    }
    fat_dir_new_entry(v, v->win, FAT_ATTR_DIRECTORY, cluster);
    v->win[0] = '.';
    fat_dir_new_entry(v, v->win + FAT_DIR_ENTRY_SIZE, FAT_ATTR_DIRECTORY, parent);
    v->win[FAT_DIR_ENTRY_SIZE] = '.';
    v->win[FAT_DIR_ENTRY_SIZE + 1] = '.';
    v->win_dirty = true;

    uint8_t model[FAT_DIR_ENTRY_SIZE];
    fat_dir_new_entry(v, model, FAT_ATTR_DIRECTORY, cluster);
    err = fat_dir_add(v, parent, len, model, &found);
    if (err != 0) {
        fat_free_chain(v, cluster);
        return err;
    }
    return 0;
}

/* Whether a directory holds anything besides '.' and '..'. */
static int is_empty(fat_vol_t *v, uint32_t cluster) {
    fat_dirpos_t p;
    int err = fat_dir_rewind(v, &p, cluster);
    if (err != 0) {
        return err;
    }
    fat_found_t found;
    int r = fat_dir_read(v, &p, &found);
    return r == FAT_DIR_END ? 1 : r < 0 ? r : 0;
}

int fat_rmdir(fat_vol_t *v, const char *path) {
    if (v->readonly) {
        return -EROFS;
    }
    fat_found_t found;
    uint32_t parent;
    size_t len;
    int r = fat_lookup(v, path, &found, &parent, &len);
    if (r == FAT_LOOKUP_ROOT) {
        return -EBUSY;
    }
    if (r != 0) {
        return r;
    }
    if (!(found.sfn[FAT_DIR_ATTR] & FAT_ATTR_DIRECTORY)) {
        return -ENOTDIR;
    }
    uint32_t cluster = fat_dir_cluster_of(v, &found);
    r = is_empty(v, cluster);
    if (r <= 0) {
        return r == 0 ? -ENOTEMPTY : r;
    }
    int err = fat_dir_remove(v, &found);
    return err != 0 ? err : fat_free_chain(v, cluster);
}

int fat_remove(fat_vol_t *v, const char *path) {
    if (v->readonly) {
        return -EROFS;
    }
    fat_found_t found;
    uint32_t parent;
    size_t len;
    int r = fat_lookup(v, path, &found, &parent, &len);
    if (r == FAT_LOOKUP_ROOT) {
        return -EISDIR;
    }
    if (r != 0) {
        return r;
    }
    if (found.sfn[FAT_DIR_ATTR] & FAT_ATTR_DIRECTORY) {
        return -EISDIR;
    }
    if (found.sfn[FAT_DIR_ATTR] & FAT_ATTR_READ_ONLY) {
        return -EACCES;
    }
    uint32_t cluster = fat_entry_cluster(v, found.sfn);
    int err = fat_dir_remove(v, &found);
    if (err != 0 || cluster == 0) {
        return err;
    }
    return fat_free_chain(v, cluster);
}

/* Whether `inner` lies inside directory `outer` (a path prefix up to a '/'), case-insensitively. */
static bool path_inside(fat_vol_t *v, const char *outer, const char *inner) {
    size_t outer_len = strlen(outer);
    if (strlen(inner) <= outer_len || inner[outer_len] != '/') {
        return false;
    }
    size_t a_len, b_len;
    static const size_t half = FAT_NAME_MAX / 2;
    if (outer_len > half || fat_utf8_to_utf16(outer, outer_len, v->name, half, &a_len) != 0 ||
        fat_utf8_to_utf16(inner, outer_len, v->name + half, half, &b_len) != 0) {
        return strncmp(outer, inner, outer_len) == 0;
    }
    return fat_name_equal(v->name, a_len, v->name + half, b_len);
}

int fat_rename(fat_vol_t *v, const char *old_path, const char *new_path) {
    if (v->readonly) {
        return -EROFS;
    }
    fat_found_t old_found, new_found;
    uint32_t old_parent, new_parent;
    size_t len;
    int r = fat_lookup(v, old_path, &old_found, &old_parent, &len);
    if (r == FAT_LOOKUP_ROOT) {
        return -EBUSY;
    }
    if (r != 0) {
        return r;
    }
    bool is_dir = (old_found.sfn[FAT_DIR_ATTR] & FAT_ATTR_DIRECTORY) != 0;
    if (is_dir && path_inside(v, old_path, new_path)) {
        return -EINVAL;
    }
    r = fat_lookup(v, new_path, &new_found, &new_parent, &len);
    if (r == FAT_LOOKUP_ROOT) {
        return -EBUSY;
    }
    if (r == 0) {
        bool same = new_parent == old_parent && new_found.entry.index == old_found.entry.index;
        if (!same) {
            /* An existing file is replaced, as POSIX rename does; a directory is not. */
            if ((new_found.sfn[FAT_DIR_ATTR] & FAT_ATTR_DIRECTORY) || is_dir) {
                return -EEXIST;
            }
            int err = fat_remove(v, new_path);
            if (err != 0) {
                return err;
            }
        }
        /* The look-up again, for v->name and the parent. */
        r = fat_lookup(v, new_path, &new_found, &new_parent, &len);
        if (r == 0 && same) {
            r = -ENOENT;
        }
        if (r != -ENOENT && r != 0) {
            return r;
        }
    } else if (r != -ENOENT) {
        return r;
    }
    if (new_parent == UINT32_MAX) {
        return -ENOENT;
    }
    /* The new entry first, then the old one goes: a failure leaves the file where it was. */
    fat_found_t added;
    int err = fat_dir_add(v, new_parent, len, old_found.sfn, &added);
    if (err != 0) {
        return err;
    }
    err = fat_dir_remove(v, &old_found);
    if (err != 0) {
        return err;
    }
    if (is_dir && new_parent != old_parent) {
        /* A moved directory's '..' follows it. */
        uint32_t cluster = fat_entry_cluster(v, old_found.sfn);
        if (!fat_cluster_valid(v, cluster)) {
            return -EIO;
        }
        err = fat_move_window(v, fat_cluster_sector(v, cluster));
        if (err != 0) {
            return err;
        }
        uint8_t *dotdot = v->win + FAT_DIR_ENTRY_SIZE;
        if (dotdot[0] == '.' && dotdot[1] == '.') {
            fat_entry_set_cluster(dotdot, new_parent == v->root_cluster ? 0 : new_parent);
            v->win_dirty = true;
        }
    }
    return 0;
}
