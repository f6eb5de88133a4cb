/* fat_dir.h: directory entries of the FAT driver (extmod/fat/fat_dir.c), shared with its other files. */
#pragma once

#include "extmod/fat/fat_internal.h"

#define FAT_DIR_END (1)     /* no more entries */
#define FAT_LOOKUP_ROOT (2) /* the path names the root directory, which has no entry */

/* An entry found: where its first part (a long-name part or itself) and its short entry
** are, a copy of the short entry, and its name's length in v->lfn. */
typedef struct fat_found_t {
    fat_dirpos_t first;
    fat_dirpos_t entry;
    uint8_t sfn[32];
    size_t name_len;
} fat_found_t;

int fat_dir_rewind(fat_vol_t *v, fat_dirpos_t *p, uint32_t start);
/* Steps to the next entry: 0, FAT_DIR_END, or an errno; with extend a cluster directory grows. */
int fat_dir_next(fat_vol_t *v, fat_dirpos_t *p, bool extend);
uint8_t *fat_dir_entry(fat_vol_t *v, const fat_dirpos_t *p, int *err);
int fat_dir_read(fat_vol_t *v, fat_dirpos_t *p, fat_found_t *found);

/* Resolves path: 0 (found), FAT_LOOKUP_ROOT, -ENOENT, or another errno. When only the last
** part is missing, *parent is its directory and v->name (*name_len) the name, else UINT32_MAX. */
int fat_lookup(fat_vol_t *v, const char *path, fat_found_t *found, uint32_t *parent, size_t *name_len);
uint32_t fat_dir_cluster_of(const fat_vol_t *v, const fat_found_t *found);

/* Adds v->name (len units) to directory dir with the short entry `model` (its name is
** replaced); the long-name parts are written before it when the name needs them. */
int fat_dir_add(fat_vol_t *v, uint32_t dir, size_t len, const uint8_t *model, fat_found_t *out);
int fat_dir_remove(fat_vol_t *v, const fat_found_t *found);
/* A short entry with attr, cluster and the current time. */
void fat_dir_new_entry(fat_vol_t *v, uint8_t *e, uint8_t attr, uint32_t cluster);
