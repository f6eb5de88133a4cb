/* fat_internal.h: what the FAT driver's files share: the window, the table, directory entries. */
#pragma once

#include <errno.h>
#include <string.h>

#include "extmod/fat/fat.h"

#define FAT_NO_SECTOR (UINT32_MAX)
#define FAT_DIR_ENTRY_SIZE (32)
/* The specification caps a directory at 65536 entries; it also bounds every directory walk. */
#define FAT_DIR_MAX_ENTRIES (65536)

/* Little-endian fields of on-disk structures. */
static inline uint16_t fat_ld16(const uint8_t *p) {
    return (uint16_t)(p[0] | (p[1] << 8));
}
static inline uint32_t fat_ld32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static inline void fat_st16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}
static inline void fat_st32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

/* The window: one sector at a time, written back when another is needed or on sync. */
int fat_move_window(fat_vol_t *v, uint32_t sector);
/* Takes `sector` into the window without reading it (the caller overwrites all of it). */
int fat_claim_window(fat_vol_t *v, uint32_t sector);

/* The allocation table. An entry's value, classified: */
#define FAT_CHAIN_END (1) /* *next is unset */
int fat_get_next(fat_vol_t *v, uint32_t cluster, uint32_t *next); /* 0, FAT_CHAIN_END, -EIO */
int fat_set_entry(fat_vol_t *v, uint32_t cluster, uint32_t value);
uint32_t fat_end_of_chain(const fat_vol_t *v);
bool fat_cluster_valid(const fat_vol_t *v, uint32_t cluster);
/* A free cluster marked as chain end and linked after prev (0: none); zeroed if asked. */
int fat_alloc_cluster(fat_vol_t *v, uint32_t prev, bool zero, uint32_t *out);
int fat_free_chain(fat_vol_t *v, uint32_t start);
static inline uint32_t fat_cluster_sector(const fat_vol_t *v, uint32_t cluster) {
    return v->data_start + (cluster - 2) * v->spc;
}

/* Time stamps as stored in directory entries. */
void fat_timestamp(fat_vol_t *v, uint16_t *date, uint16_t *time);
uint32_t fat_seconds_from(uint16_t date, uint16_t time);

/* Short (8.3) directory entry fields. */
#define FAT_DIR_NAME (0)
#define FAT_DIR_ATTR (11)
#define FAT_DIR_NTRES (12)
#define FAT_DIR_CRT_TIME (14)
#define FAT_DIR_CRT_DATE (16)
#define FAT_DIR_ACC_DATE (18)
#define FAT_DIR_CLUS_HI (20)
#define FAT_DIR_WRT_TIME (22)
#define FAT_DIR_WRT_DATE (24)
#define FAT_DIR_CLUS_LO (26)
#define FAT_DIR_SIZE (28)
#define FAT_DIR_FREE (0xe5)

uint32_t fat_entry_cluster(const fat_vol_t *v, const uint8_t *entry);
void fat_entry_set_cluster(uint8_t *entry, uint32_t cluster);
