/* vfs.h: the virtual filesystem: mount table, current directory, and dispatch to filesystem objects. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "extmod/fileio.h"
#include "py/obj.h"
#include "py/print.h"

/*
** A filesystem is any object with the methods of MicroPython's VFS protocol, called with
** paths inside the filesystem (absolute, starting with '/'):
**     mount(readonly, mkfs), umount(), open(path, mode), ilistdir(path), mkdir(path),
**     rmdir(path), remove(path), rename(old, new), stat(path), statvfs(path),
**     chdir(path), getcwd()
** C filesystems (VfsFat, VfsPosix) and classes written in Python are used the same way.
** Paths given to the functions below are resolved against the current directory, with
** '.' and '..' applied to the text, then handed to the filesystem mounted at the longest
** matching mount point. A port with nothing mounted falls back to its py/portio.h files.
*/

/* vfs.mount(fs_or_bdev, path, readonly, mkfs): a block device is probed (FAT). */
void es_vfs_mount(es_obj_t fs, es_obj_t path, bool readonly, bool mkfs);
void es_vfs_umount(es_obj_t path_or_fs);
es_obj_t es_vfs_mount_list(void); /* [(fs, path), ...] */

es_obj_t es_vfs_ilistdir(es_obj_t path); /* iterator of (name, type, inode, size) */
es_obj_t es_vfs_listdir(es_obj_t path);  /* list of names */
void es_vfs_mkdir(es_obj_t path);
void es_vfs_rmdir(es_obj_t path);
void es_vfs_remove(es_obj_t path);
void es_vfs_rename(es_obj_t old_path, es_obj_t new_path);
es_obj_t es_vfs_stat(es_obj_t path);
es_obj_t es_vfs_statvfs(es_obj_t path);
void es_vfs_chdir(es_obj_t path);
es_obj_t es_vfs_getcwd(void);

/* For import (py/portio.h hooks); they never raise. */
/* Opens path for the compiler to read in chunks (py/source.h); false if it cannot be opened. */
struct es_source_t;
bool es_vfs_open_source(const char *path, struct es_source_t *src);
/* 0 nothing, 1 file, 2 directory. */
int es_vfs_stat_kind(const char *path);

/* Mode bits of stat and ilistdir. */
#define ES_VFS_TYPE_DIR (0x4000)
#define ES_VFS_TYPE_FILE (0x8000)

/* A 10-tuple stat result (mode, 0, 0, 0, 0, 0, size, atime, mtime, ctime). */
es_obj_t es_vfs_stat_result(es_int_t mode, es_int_t size, es_int_t time);
/* An ilistdir entry without an inode: (name, type, 0, size). */
es_obj_t es_vfs_dir_entry(es_obj_t name, es_int_t type, es_uint_t size);

/* Appends path to the absolute path in out ("" for the root) part by part: repeated '/',
** empty parts and '.' are dropped, '..' removes the last part. Leaves "/" for the root. */
void es_vfs_append_path(es_vstr_t *out, const char *path, size_t len);

/* obj.method(a) or obj.method(a, b) as n_args says: the filesystem and block-device protocols. */
es_obj_t es_vfs_call(es_obj_t obj, es_qstr_t method, size_t n_args, es_obj_t a, es_obj_t b);

/* A block device has readblocks(n, buf), writeblocks(n, buf) and ioctl(op, arg) with these ops. */
#define ES_VFS_BDEV_INIT (1)
#define ES_VFS_BDEV_SYNC (3)
#define ES_VFS_BDEV_BLOCK_COUNT (4)
#define ES_VFS_BDEV_BLOCK_SIZE (5)
/* bdev.ioctl(op, 0) as an int, `absent` when the device answers None. */
es_int_t es_vfs_bdev_query(es_obj_t bdev, int op, es_int_t absent);

extern const es_type_t es_type_vfs_fat;
extern const es_type_t es_type_vfs_posix;
