/* vfs_fat.c: VfsFat, the filesystem object over the FAT driver (extmod/fat/) and a block device. */

#include <errno.h>
#include <string.h>

#include "extmod/fat/fat.h"
#include "extmod/vfs.h"
#include "py/hal.h"
#include "py/objstr.h"
#include "py/portio.h"
#include "py/runtime.h"

/*
** The block device is any object with readblocks(n, buf), writeblocks(n, buf) and
** ioctl(op, arg) (4: block count, 5: block size, None meaning 512). FAT sectors are the
** device's blocks. One sector-sized bytearray is the driver's window and is what the
** device's methods read into and write from.
*/
typedef struct vfs_fat_obj_t {
    es_obj_base_t base;
    es_obj_t bdev;
    es_obj_t window;
    bool mounted;
    fat_vol_t vol;
} vfs_fat_obj_t;

/* After the device had the window: it must still be one sector long where we left it. */
static int window_back(fat_vol_t *v, es_obj_t result) {
    vfs_fat_obj_t *self = v->ctx;
    es_buffer_info_t info;
    es_obj_get_type(self->window)->buffer(self->window, &info, ES_BUFFER_RW);
    if (info.len != v->ss) {
        return -EIO;
    }
    v->win = info.buf;
    if (result == ES_OBJ_NONE) {
        return 0;
    }
    es_int_t code;
    if (es_obj_get_int_maybe(result, &code) && code < 0) {
        return (int)code;
    }
    return 0;
}

static int read_sector(fat_vol_t *v, uint32_t sector) {
    vfs_fat_obj_t *self = v->ctx;
    if (sector >= v->block_count) {
        return -EIO;
    }
    es_obj_t result = es_vfs_call(self->bdev, ES_Q_readblocks, 2, es_obj_new_int_from_uint(sector), self->window);
    return window_back(v, result);
}

static int write_sector(fat_vol_t *v, uint32_t sector) {
    vfs_fat_obj_t *self = v->ctx;
    if (sector >= v->block_count) {
        return -EIO;
    }
    es_obj_t result = es_vfs_call(self->bdev, ES_Q_writeblocks, 2, es_obj_new_int_from_uint(sector), self->window);
    return window_back(v, result);
}

static uint32_t now_seconds(void) {
    return (uint32_t)(es_hal_time_ns() / 1000000000u);
}

static void check(int err) {
    if (err < 0) {
        es_file_raise_errno(-err);
    }
}

static es_obj_t new_fat(const es_type_t *type, es_obj_t bdev) {
    es_int_t size = es_vfs_bdev_query(bdev, ES_VFS_BDEV_BLOCK_SIZE, 512);
    es_int_t count = es_vfs_bdev_query(bdev, ES_VFS_BDEV_BLOCK_COUNT, -1);
    if (size < 512 || size > 4096 || (size & (size - 1)) != 0 || count < 0) {
        es_file_raise_errno(EINVAL);
    }
    vfs_fat_obj_t *self = es_new(vfs_fat_obj_t);
    self->base.type = type;
    self->bdev = bdev;
    self->window = es_obj_new_bytearray((size_t)size, NULL);
    fat_vol_t *v = &self->vol;
    v->ctx = self;
    v->read_sector = read_sector;
    v->write_sector = write_sector;
    v->now = now_seconds;
    v->ss = (uint16_t)size;
    v->block_count = (uint32_t)count;
    window_back(v, ES_OBJ_NONE);
    return es_obj_from_ptr(self);
}

static es_obj_t fat_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 1, 1, false);
    return new_fat(type, args[0]);
}

/* The volume, read from the device the first time it is needed. */
static fat_vol_t *volume(es_obj_t self_in) {
    vfs_fat_obj_t *self = es_obj_to_ptr(self_in);
    if (!self->mounted) {
        check(fat_mount(&self->vol));
        self->mounted = true;
    }
    return &self->vol;
}

/* The path made absolute and normalised (callers outside the VFS may pass 'x' or 'a/../b'). */
static const char *fs_path(es_obj_t path) {
    size_t len;
    const char *p = es_obj_str_get_data(path, &len);
    if (strlen(p) != len) {
        es_raise_msg(&es_type_ValueError, "embedded null byte");
    }
    es_vstr_t out;
    es_vstr_init(&out, len + 2);
    es_vfs_append_path(&out, p, len);
    return es_vstr_null_terminated_str(&out);
}

/* Every operation ends with the window written back, so nothing waits in memory. */
static void finish(es_obj_t self_in, int err) {
    vfs_fat_obj_t *self = es_obj_to_ptr(self_in);
    int sync_err = fat_sync(&self->vol);
    check(err);
    check(sync_err);
}

/* ---- mkfs, mount, umount ------------------------------------------------------------------- */

static es_obj_t fat_mkfs_fun(es_obj_t bdev) {
    es_obj_t fs = new_fat(&es_type_vfs_fat, bdev);
    vfs_fat_obj_t *self = es_obj_to_ptr(fs);
    int err = fat_mkfs(&self->vol);
    finish(fs, err);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(fat_mkfs_fun_obj, ES_Q_mkfs, fat_mkfs_fun);
static const es_obj_static_class_method_t fat_mkfs_obj = {{&es_type_staticmethod}, ES_OBJ_FROM_CONST(fat_mkfs_fun_obj)};

static es_obj_t fat_mount_meth(es_obj_t self_in, es_obj_t readonly, es_obj_t mkfs) {
    vfs_fat_obj_t *self = es_obj_to_ptr(self_in);
    fat_vol_t *v = &self->vol;
    es_vfs_call(self->bdev, ES_Q_ioctl, 2, ES_OBJ_NEW_SMALL_INT(ES_VFS_BDEV_INIT), ES_OBJ_NEW_SMALL_INT(0));
    v->readonly = false;
    int err = fat_mount(v);
    if (err == -ENODEV && es_obj_is_true(mkfs)) {
        err = fat_mkfs(v);
    }
    finish(self_in, err);
    v->readonly = es_obj_is_true(readonly);
    self->mounted = true;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(fat_mount_obj, ES_Q_mount, fat_mount_meth);

static es_obj_t fat_umount(es_obj_t self_in) {
    vfs_fat_obj_t *self = es_obj_to_ptr(self_in);
    finish(self_in, 0);
    es_vfs_call(self->bdev, ES_Q_ioctl, 2, ES_OBJ_NEW_SMALL_INT(ES_VFS_BDEV_SYNC), ES_OBJ_NEW_SMALL_INT(0));
    self->mounted = false;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(fat_umount_obj, ES_Q_umount, fat_umount);

/* ---- files --------------------------------------------------------------------------------- */

typedef struct fat_handle_t {
    es_obj_t fs; /* keeps the volume alive while the file is */
    fat_file_t file;
    bool closed;
} fat_handle_t;

static fat_handle_t *handle_of(es_obj_t h) {
    return es_obj_to_ptr(h);
}

static long handle_read(es_obj_t h, void *buf, size_t len) {
    fat_handle_t *fh = handle_of(h);
    if (fh->closed) {
        return -EBADF;
    }
    long n = fat_read(&fh->file, buf, len);
    int err = fat_sync(fh->file.v);
    return n < 0 ? n : err < 0 ? err : n;
}

static long handle_write(es_obj_t h, const void *buf, size_t len) {
    fat_handle_t *fh = handle_of(h);
    if (fh->closed) {
        return -EBADF;
    }
    return fat_write(&fh->file, buf, len);
}

static long handle_seek(es_obj_t h, long offset, int whence) {
    fat_handle_t *fh = handle_of(h);
    if (fh->closed) {
        return -EBADF;
    }
    return fat_seek(&fh->file, offset, whence);
}

static int handle_close(es_obj_t h) {
    fat_handle_t *fh = handle_of(h);
    if (fh->closed) {
        return 0;
    }
    fh->closed = true;
    /* Writes are already on the device (fat_write syncs), so a close from the collector,
    ** which may not call the device, finds nothing to do. */
    if (!fh->file.dirty) {
        return 0;
    }
    return fat_file_sync(&fh->file);
}

static const es_file_ops_t fat_file_ops = {handle_read, handle_write, handle_seek, handle_close};

static es_obj_t fat_open_meth(size_t n_args, const es_obj_t *args) {
    es_obj_t self_in = args[0], path = args[1];
    es_obj_t mode_obj = n_args > 2 ? args[2] : ES_OBJ_NEW_QSTR(ES_Q_r);
    es_file_mode_t mode;
    es_file_parse_mode(mode_obj, ES_OBJ_NONE, &mode);
    int flags = 0;
    flags |= mode.flags & ES_FILE_READ ? FAT_OPEN_READ : 0;
    flags |= mode.flags & ES_FILE_WRITE ? FAT_OPEN_WRITE : 0;
    flags |= mode.flags & ES_FILE_CREATE ? FAT_OPEN_CREATE : 0;
    flags |= mode.flags & ES_FILE_TRUNC ? FAT_OPEN_TRUNC : 0;
    flags |= mode.flags & ES_FILE_EXCL ? FAT_OPEN_EXCL : 0;
    fat_vol_t *v = volume(self_in);
    const char *p = fs_path(path);
    fat_handle_t *fh = es_new(fat_handle_t);
    fh->fs = self_in;
    finish(self_in, fat_open(v, p, flags, &fh->file));
    return es_file_new(&fat_file_ops, es_obj_from_ptr(fh), &mode, path);
}
static ES_DEFINE_FUN_VAR(fat_open_obj, ES_Q_open, 2, 3, fat_open_meth);

/* ---- directories ----------------------------------------------------------------------------- */

typedef struct fat_ilistdir_t {
    es_obj_base_t base;
    es_obj_t fs;
    fat_dir_t dir;
    char *name; /* FAT_NAME_UTF8_MAX bytes: too big for the ESP8266's stack */
} fat_ilistdir_t;

static es_int_t file_type(const fat_stat_t *st) {
    return st->attr & FAT_ATTR_DIRECTORY ? ES_VFS_TYPE_DIR : ES_VFS_TYPE_FILE;
}

static es_obj_t ilistdir_next(es_obj_t self_in) {
    fat_ilistdir_t *it = es_obj_to_ptr(self_in);
    if (it->name == NULL) {
        return ES_OBJ_STOP_ITERATION;
    }
    fat_stat_t st;
    int r = fat_readdir(&it->dir, it->name, FAT_NAME_UTF8_MAX, &st);
    finish(it->fs, r < 0 ? r : 0);
    if (r == 0) {
        it->name = NULL;
        return ES_OBJ_STOP_ITERATION;
    }
    return es_vfs_dir_entry(es_obj_new_str_from_cstr(it->name), file_type(&st), st.size);
}

static const es_type_t fat_ilistdir_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_iterator,
    .iternext = ilistdir_next,
};

static es_obj_t fat_ilistdir(size_t n_args, const es_obj_t *args) {
    fat_vol_t *v = volume(args[0]);
    const char *p = fs_path(n_args > 1 ? args[1] : ES_OBJ_NEW_QSTR(ES_Q__S_slash));
    fat_ilistdir_t *it = es_new(fat_ilistdir_t);
    it->base.type = &fat_ilistdir_type;
    it->fs = args[0];
    it->name = es_alloc(FAT_NAME_UTF8_MAX);
    finish(args[0], fat_opendir(v, p, &it->dir));
    return es_obj_from_ptr(it);
}
static ES_DEFINE_FUN_VAR(fat_ilistdir_obj, ES_Q_ilistdir, 1, 2, fat_ilistdir);

static es_obj_t fat_mkdir_meth(es_obj_t self_in, es_obj_t path) {
    finish(self_in, fat_mkdir(volume(self_in), fs_path(path)));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(fat_mkdir_obj, ES_Q_mkdir, fat_mkdir_meth);

static es_obj_t fat_rmdir_meth(es_obj_t self_in, es_obj_t path) {
    finish(self_in, fat_rmdir(volume(self_in), fs_path(path)));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(fat_rmdir_obj, ES_Q_rmdir, fat_rmdir_meth);

static es_obj_t fat_remove_meth(es_obj_t self_in, es_obj_t path) {
    finish(self_in, fat_remove(volume(self_in), fs_path(path)));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(fat_remove_obj, ES_Q_remove, fat_remove_meth);

static es_obj_t fat_rename_meth(es_obj_t self_in, es_obj_t old_path, es_obj_t new_path) {
    fat_vol_t *v = volume(self_in);
    const char *from = fs_path(old_path);
    const char *to = fs_path(new_path);
    finish(self_in, fat_rename(v, from, to));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(fat_rename_obj, ES_Q_rename, fat_rename_meth);

static es_obj_t fat_stat_meth(es_obj_t self_in, es_obj_t path) {
    fat_stat_t st;
    finish(self_in, fat_stat(volume(self_in), fs_path(path), &st));
    return es_vfs_stat_result(file_type(&st), (es_int_t)st.size, (es_int_t)st.mtime - ES_TIME_EPOCH_OFFSET);
}
static ES_DEFINE_FUN_2(fat_stat_obj, ES_Q_stat, fat_stat_meth);

static es_obj_t fat_statvfs_meth(es_obj_t self_in, es_obj_t path) {
    ES_UNUSED(path);
    uint32_t cluster_bytes, total, free_clusters;
    finish(self_in, fat_statvfs(volume(self_in), &cluster_bytes, &total, &free_clusters));
    es_obj_t items[10] = {
        es_obj_new_int_from_uint(cluster_bytes), es_obj_new_int_from_uint(cluster_bytes),
        es_obj_new_int_from_uint(total),         es_obj_new_int_from_uint(free_clusters),
        es_obj_new_int_from_uint(free_clusters), ES_OBJ_NEW_SMALL_INT(0),
        ES_OBJ_NEW_SMALL_INT(0),                 ES_OBJ_NEW_SMALL_INT(0),
        ES_OBJ_NEW_SMALL_INT(0),                 ES_OBJ_NEW_SMALL_INT(FAT_NAME_MAX),
    };
    return es_obj_new_tuple(10, items);
}
static ES_DEFINE_FUN_2(fat_statvfs_obj, ES_Q_statvfs, fat_statvfs_meth);

/* The VFS keeps the current directory; chdir only checks that there is one to go to. */
static es_obj_t fat_chdir_meth(es_obj_t self_in, es_obj_t path) {
    fat_stat_t st;
    finish(self_in, fat_stat(volume(self_in), fs_path(path), &st));
    if (!(st.attr & FAT_ATTR_DIRECTORY)) {
        es_file_raise_errno(ENOTDIR);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(fat_chdir_obj, ES_Q_chdir, fat_chdir_meth);

static es_obj_t fat_getcwd(es_obj_t self_in) {
    ES_UNUSED(self_in);
    return ES_OBJ_NEW_QSTR(ES_Q__S_slash);
}
static ES_DEFINE_FUN_1(fat_getcwd_obj, ES_Q_getcwd, fat_getcwd);

static const es_map_elem_t fat_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_mkfs), ES_OBJ_FROM_CONST(fat_mkfs_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_mount), ES_OBJ_FROM_CONST(fat_mount_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_umount), ES_OBJ_FROM_CONST(fat_umount_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_open), ES_OBJ_FROM_CONST(fat_open_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ilistdir), ES_OBJ_FROM_CONST(fat_ilistdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_mkdir), ES_OBJ_FROM_CONST(fat_mkdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_rmdir), ES_OBJ_FROM_CONST(fat_rmdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_remove), ES_OBJ_FROM_CONST(fat_remove_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_rename), ES_OBJ_FROM_CONST(fat_rename_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_stat), ES_OBJ_FROM_CONST(fat_stat_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_statvfs), ES_OBJ_FROM_CONST(fat_statvfs_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_chdir), ES_OBJ_FROM_CONST(fat_chdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_getcwd), ES_OBJ_FROM_CONST(fat_getcwd_obj)},
};
static ES_DEFINE_CONST_DICT(fat_locals_dict, fat_locals_table);

const es_type_t es_type_vfs_fat = {
    .base = {&es_type_type},
    .name = ES_Q_VfsFat,
    .make_new = fat_make_new,
    .locals_dict = (es_obj_dict_t *)&fat_locals_dict,
};
