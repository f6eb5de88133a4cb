/* fat.h: a FAT12/16/32 filesystem driver with long file names, over a sector-sized window. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
** The driver knows nothing of Python: the caller (extmod/vfs_fat.c) moves one sector at a
** time between the block device and `win`, and supplies the clock. Every function returns 0
** (or a count) on success and a negative errno on failure; a damaged volume gives -EIO (or
** -ENODEV when it is not FAT at all), never a crash or an endless loop: every chain walk is
** bounded by the cluster count and every cluster number is range-checked before use.
** Paths are absolute inside the volume, UTF-8, '/'-separated, already normalised (no '.',
** '..' or empty parts). Names compare case-insensitively, as FAT does.
*/

#define FAT_NAME_MAX (255)           /* UTF-16 units of a long name */
#define FAT_NAME_UTF8_MAX (FAT_NAME_MAX * 3 + 1)

#define FAT_ATTR_READ_ONLY (0x01)
#define FAT_ATTR_HIDDEN (0x02)
#define FAT_ATTR_SYSTEM (0x04)
#define FAT_ATTR_VOLUME_ID (0x08)
#define FAT_ATTR_DIRECTORY (0x10)
#define FAT_ATTR_ARCHIVE (0x20)
#define FAT_ATTR_LONG_NAME (0x0f)

typedef struct fat_vol_t fat_vol_t;

struct fat_vol_t {
    /* Filled by the caller before fat_mount/fat_mkfs. */
    void *ctx;
    int (*read_sector)(fat_vol_t *v, uint32_t sector);  /* into win */
    int (*write_sector)(fat_vol_t *v, uint32_t sector); /* from win */
    uint32_t (*now)(void);                              /* seconds since 1970 */
    uint8_t *win;          /* ss bytes; the caller may move it during read/write_sector */
    uint32_t block_count;  /* sectors the device has */
    uint16_t ss;           /* sector size: 512, 1024, 2048 or 4096 */
    bool readonly;

    /* The volume, from its boot sector. */
    uint8_t fat_bits;      /* 12, 16 or 32 */
    uint8_t n_fats;
    uint16_t spc;          /* sectors per cluster */
    uint32_t fat_start;    /* first sector of the first FAT */
    uint32_t fat_size;     /* sectors per FAT */
    uint32_t root_start;   /* FAT12/16: first sector of the fixed root directory */
    uint32_t root_sectors; /* FAT12/16: its length */
    uint32_t root_cluster; /* FAT32: first cluster of the root directory; else 0 */
    uint32_t data_start;   /* sector of cluster 2 */
    uint32_t n_clusters;   /* valid cluster numbers are 2 .. n_clusters + 1 */
    uint32_t total_sectors;
    uint32_t fsinfo_sector; /* FAT32, 0 if none */
    uint32_t volume_id;

    /* Working state. */
    uint32_t win_sector;   /* sector in win, or UINT32_MAX */
    bool win_dirty;
    bool fsinfo_stale;     /* FAT32: FSInfo's free count to be written with the next sync */
    uint32_t free_hint;    /* where the next free-cluster search starts */
    uint32_t free_count;   /* UINT32_MAX while unknown */
    uint16_t name[FAT_NAME_MAX + 1]; /* scratch: the name being looked up or created */
    uint16_t lfn[FAT_NAME_MAX + 1];  /* scratch: the long name being read */
};

/* A position in a directory: its first cluster (0 for the FAT12/16 fixed root), the current
** cluster and absolute sector, and the entry index. */
typedef struct fat_dirpos_t {
    uint32_t start;
    uint32_t cluster;
    uint32_t sector;
    uint32_t index;
} fat_dirpos_t;

typedef struct fat_stat_t {
    uint8_t attr;
    uint32_t size;
    uint32_t cluster;
    uint32_t mtime; /* seconds since 1970 */
} fat_stat_t;

typedef struct fat_dir_t {
    fat_vol_t *v;
    fat_dirpos_t pos;
    bool started;
    bool ended;
} fat_dir_t;

typedef struct fat_file_t {
    fat_vol_t *v;
    uint32_t entry_sector;  /* where the file's short entry lives */
    uint16_t entry_offset;
    bool writable;
    bool dirty;             /* size/cluster/time to be written to the entry */
    uint32_t start;         /* first cluster, 0 if empty */
    uint32_t size;
    uint32_t pos;
    uint32_t cluster;       /* cluster holding pos (when cluster_index is valid) */
    uint32_t cluster_index; /* which cluster of the chain `cluster` is; UINT32_MAX if none */
} fat_file_t;

/* Reads the boot sector: -ENODEV if there is no FAT volume, -EINVAL for a sector size
** that is not the device's. */
int fat_mount(fat_vol_t *v);
/* Writes a new empty volume over the whole device (one FAT, no partition table). */
int fat_mkfs(fat_vol_t *v);
/* Writes back what is held in the window. */
int fat_sync(fat_vol_t *v);

int fat_stat(fat_vol_t *v, const char *path, fat_stat_t *st);
int fat_statvfs(fat_vol_t *v, uint32_t *cluster_bytes, uint32_t *total, uint32_t *free_clusters);
int fat_mkdir(fat_vol_t *v, const char *path);
int fat_rmdir(fat_vol_t *v, const char *path);
int fat_remove(fat_vol_t *v, const char *path);
int fat_rename(fat_vol_t *v, const char *old_path, const char *new_path);

int fat_opendir(fat_vol_t *v, const char *path, fat_dir_t *dir);
/* 1 and the entry's name (UTF-8) and stat, 0 at the end, or a negative errno. */
int fat_readdir(fat_dir_t *dir, char *name, size_t name_size, fat_stat_t *st);

/* flags: FAT_OPEN_* bits. */
#define FAT_OPEN_READ (0x01)
#define FAT_OPEN_WRITE (0x02)
#define FAT_OPEN_CREATE (0x04)
#define FAT_OPEN_TRUNC (0x08)
#define FAT_OPEN_EXCL (0x10)
int fat_open(fat_vol_t *v, const char *path, int flags, fat_file_t *f);
long fat_read(fat_file_t *f, void *buf, size_t len);
long fat_write(fat_file_t *f, const void *buf, size_t len);
/* Positions may lie past the end: a later write fills the gap with zeros. */
long fat_seek(fat_file_t *f, long offset, int whence);
int fat_file_sync(fat_file_t *f);
