/* vfs_posix.c: VfsPosix, a filesystem object over the host's POSIX filesystem (host builds only). */

#include "py/config.h"

#if ES_VFS_POSIX

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "extmod/vfs.h"
#include "py/objstr.h"
#include "py/portio.h"
#include "py/runtime.h"

/* Paths from the VFS are absolute inside this filesystem; root ("" for the whole host) is
** put in front of them. */
typedef struct vfs_posix_obj_t {
    es_obj_base_t base;
    es_obj_t root; /* str without a trailing slash */
    bool readonly;
} vfs_posix_obj_t;

static es_obj_t posix_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_arg_check_num(n_args, n_kw, 0, 1, false);
    vfs_posix_obj_t *self = es_new(vfs_posix_obj_t);
    self->base.type = type;
    self->root = ES_OBJ_NEW_QSTR(ES_Q__S_empty);
    if (n_args == 1 && args[0] != ES_OBJ_NONE) {
        size_t len;
        const char *root = es_obj_str_get_data(args[0], &len);
        while (len > 0 && root[len - 1] == '/') {
            len--;
        }
        self->root = es_obj_new_str(root, len);
    }
    return es_obj_from_ptr(self);
}

/* root + path as a C string on the heap. */
static const char *host_path(es_obj_t self_in, es_obj_t path) {
    vfs_posix_obj_t *self = es_obj_to_ptr(self_in);
    size_t root_len, len;
    const char *root = es_obj_str_get_data(self->root, &root_len);
    const char *p = es_obj_str_get_data(path, &len);
    if (strlen(p) != len) {
        es_raise_msg(&es_type_ValueError, "embedded null byte");
    }
    es_vstr_t vstr;
    es_vstr_init(&vstr, root_len + len + 1);
    es_vstr_add_strn(&vstr, root, root_len);
    es_vstr_add_strn(&vstr, p, len);
    if (vstr.len == 0) {
        es_vstr_add_byte(&vstr, '/');
    }
    return es_vstr_null_terminated_str(&vstr);
}

static void check(int result) {
    if (result != 0) {
        es_file_raise_errno(errno);
    }
}

static void check_writable(es_obj_t self_in) {
    if (((vfs_posix_obj_t *)es_obj_to_ptr(self_in))->readonly) {
        es_file_raise_errno(EROFS);
    }
}

static es_obj_t posix_mount(es_obj_t self_in, es_obj_t readonly, es_obj_t mkfs) {
    vfs_posix_obj_t *self = es_obj_to_ptr(self_in);
    if (es_obj_is_true(mkfs)) {
        es_file_raise_errno(EPERM);
    }
    self->readonly = es_obj_is_true(readonly);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(posix_mount_obj, ES_Q_mount, posix_mount);

static es_obj_t posix_umount(es_obj_t self_in) {
    ES_UNUSED(self_in);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(posix_umount_obj, ES_Q_umount, posix_umount);

static es_obj_t posix_open(size_t n_args, const es_obj_t *args) {
    es_obj_t self_in = args[0], path = args[1];
    es_obj_t mode_obj = n_args > 2 ? args[2] : ES_OBJ_NEW_QSTR(ES_Q_r);
    es_file_mode_t mode;
    es_file_parse_mode(mode_obj, ES_OBJ_NONE, &mode);
    if (mode.flags & ES_FILE_WRITE) {
        check_writable(self_in);
    }
    const char *p = host_path(self_in, path);
    struct stat st;
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
        es_file_raise_errno(EISDIR);
    }
    return es_file_open_descriptor(p, &mode, path);
}
static ES_DEFINE_FUN_VAR(posix_open_obj, ES_Q_open, 2, 3, posix_open);

/* (name, type, inode, size) for every entry but '.' and '..'. */
static es_obj_t posix_ilistdir(es_obj_t self_in, es_obj_t path) {
    const char *p = host_path(self_in, path);
    DIR *dir = opendir(p);
    if (dir == NULL) {
        es_file_raise_errno(errno);
    }
    es_obj_t list = es_obj_new_list(0, NULL);
    es_vstr_t full;
    es_vstr_init(&full, strlen(p) + 32);
    struct dirent *entry;
    /* Gathered into a list first so the directory is closed even if an allocation fails later. */
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
            continue;
        }
        full.len = 0;
        es_vstr_add_str(&full, p);
        es_vstr_add_byte(&full, '/');
        es_vstr_add_str(&full, name);
        struct stat st;
        es_int_t type = 0, size = 0;
        if (stat(es_vstr_null_terminated_str(&full), &st) == 0) {
            type = S_ISDIR(st.st_mode) ? ES_VFS_TYPE_DIR : S_ISREG(st.st_mode) ? ES_VFS_TYPE_FILE : 0;
            size = (es_int_t)st.st_size;
        }
        es_obj_t items[4] = {es_obj_new_str_from_cstr(name), es_obj_new_small_int(type),
                             es_obj_new_int_from_ull(entry->d_ino), es_obj_new_int(size)};
        es_obj_list_append(list, es_obj_new_tuple(4, items));
    }
    closedir(dir);
    return es_getiter(list, NULL);
}
static ES_DEFINE_FUN_2(posix_ilistdir_obj, ES_Q_ilistdir, posix_ilistdir);

static es_obj_t posix_mkdir(es_obj_t self_in, es_obj_t path) {
    check_writable(self_in);
    check(mkdir(host_path(self_in, path), 0777));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(posix_mkdir_obj, ES_Q_mkdir, posix_mkdir);

static es_obj_t posix_rmdir(es_obj_t self_in, es_obj_t path) {
    check_writable(self_in);
    check(rmdir(host_path(self_in, path)));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(posix_rmdir_obj, ES_Q_rmdir, posix_rmdir);

static es_obj_t posix_remove(es_obj_t self_in, es_obj_t path) {
    check_writable(self_in);
    check(unlink(host_path(self_in, path)));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(posix_remove_obj, ES_Q_remove, posix_remove);

static es_obj_t posix_rename(es_obj_t self_in, es_obj_t old_path, es_obj_t new_path) {
    check_writable(self_in);
    check(rename(host_path(self_in, old_path), host_path(self_in, new_path)));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(posix_rename_obj, ES_Q_rename, posix_rename);

/* The host's full stat, in CPython's order of the first ten fields. */
static es_obj_t posix_stat(es_obj_t self_in, es_obj_t path) {
    struct stat st;
    check(stat(host_path(self_in, path), &st));
    es_obj_t items[10] = {
        es_obj_new_int_from_uint(st.st_mode), es_obj_new_int_from_ull(st.st_ino),
        es_obj_new_int_from_ull(st.st_dev),   es_obj_new_int_from_ull(st.st_nlink),
        es_obj_new_int_from_uint(st.st_uid),  es_obj_new_int_from_uint(st.st_gid),
        es_obj_new_int_from_ll(st.st_size),   es_obj_new_int_from_ll(st.st_atime),
        es_obj_new_int_from_ll(st.st_mtime),  es_obj_new_int_from_ll(st.st_ctime),
    };
    return es_obj_new_tuple(10, items);
}
static ES_DEFINE_FUN_2(posix_stat_obj, ES_Q_stat, posix_stat);

static es_obj_t posix_statvfs(es_obj_t self_in, es_obj_t path) {
    struct statvfs sv;
    check(statvfs(host_path(self_in, path), &sv));
    es_obj_t items[10] = {
        es_obj_new_int_from_ull(sv.f_bsize),  es_obj_new_int_from_ull(sv.f_frsize),
        es_obj_new_int_from_ull(sv.f_blocks), es_obj_new_int_from_ull(sv.f_bfree),
        es_obj_new_int_from_ull(sv.f_bavail), es_obj_new_int_from_ull(sv.f_files),
        es_obj_new_int_from_ull(sv.f_ffree),  es_obj_new_int_from_ull(sv.f_favail),
        es_obj_new_int_from_ull(sv.f_flag),   es_obj_new_int_from_ull(sv.f_namemax),
    };
    return es_obj_new_tuple(10, items);
}
static ES_DEFINE_FUN_2(posix_statvfs_obj, ES_Q_statvfs, posix_statvfs);

/* The process follows along, so host tools started from here see the same directory. */
static es_obj_t posix_chdir(es_obj_t self_in, es_obj_t path) {
    check(chdir(host_path(self_in, path)));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(posix_chdir_obj, ES_Q_chdir, posix_chdir);

static es_obj_t posix_getcwd(es_obj_t self_in) {
    vfs_posix_obj_t *self = es_obj_to_ptr(self_in);
    char buf[4096];
    if (getcwd(buf, sizeof(buf)) == NULL) {
        es_file_raise_errno(errno);
    }
    size_t root_len;
    const char *root = es_obj_str_get_data(self->root, &root_len);
    const char *p = buf;
    if (root_len > 0 && strncmp(buf, root, root_len) == 0 && (buf[root_len] == '/' || buf[root_len] == '\0')) {
        p += root_len;
    }
    return es_obj_new_str_from_cstr(*p != '\0' ? p : "/");
}
static ES_DEFINE_FUN_1(posix_getcwd_obj, ES_Q_getcwd, posix_getcwd);

static void posix_print(const es_print_t *print, es_obj_t self_in, es_print_kind_t kind) {
    ES_UNUSED(kind);
    vfs_posix_obj_t *self = es_obj_to_ptr(self_in);
    es_printf(print, "VfsPosix(root=%R)", self->root);
}

static const es_map_elem_t posix_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_mount), ES_OBJ_FROM_CONST(posix_mount_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_umount), ES_OBJ_FROM_CONST(posix_umount_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_open), ES_OBJ_FROM_CONST(posix_open_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ilistdir), ES_OBJ_FROM_CONST(posix_ilistdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_mkdir), ES_OBJ_FROM_CONST(posix_mkdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_rmdir), ES_OBJ_FROM_CONST(posix_rmdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_remove), ES_OBJ_FROM_CONST(posix_remove_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_rename), ES_OBJ_FROM_CONST(posix_rename_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_stat), ES_OBJ_FROM_CONST(posix_stat_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_statvfs), ES_OBJ_FROM_CONST(posix_statvfs_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_chdir), ES_OBJ_FROM_CONST(posix_chdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_getcwd), ES_OBJ_FROM_CONST(posix_getcwd_obj)},
};
static ES_DEFINE_CONST_DICT(posix_locals_dict, posix_locals_table);

const es_type_t es_type_vfs_posix = {
    .base = {&es_type_type},
    .name = ES_Q_VfsPosix,
    .print = posix_print,
    .make_new = posix_make_new,
    .locals_dict = (es_obj_dict_t *)&posix_locals_dict,
};

#endif
