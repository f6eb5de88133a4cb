/* vfs.c: the virtual filesystem (mount table, current directory, path resolution) and the vfs module. */

#include <errno.h>
#include <string.h>

#include "extmod/vfs.h"
#include "py/objstr.h"
#include "py/portio.h"
#include "py/runtime.h"
#include "py/source.h"
#include "py/stream.h"

/*
** The table lives on the heap, reached from es_state.roots.vfs, so a soft reset (which
** re-creates the heap) starts with nothing mounted. The current directory is kept here as
** an absolute path; filesystems only ever see absolute paths inside themselves.
*/
typedef struct vfs_mount_t {
    struct vfs_mount_t *next;
    es_obj_t fs;
    es_obj_t path; /* "/" or "/name..." without a trailing slash */
    size_t len;
} vfs_mount_t;

typedef struct vfs_state_t {
    vfs_mount_t *mounts;
    es_obj_t cwd;
} vfs_state_t;

static void mount_obj(vfs_state_t *st, es_obj_t fs, es_obj_t abs_path, bool readonly, bool mkfs);

static vfs_state_t *state(void) {
    vfs_state_t *st = es_state.roots.vfs;
    if (st == NULL) {
        st = es_new(vfs_state_t);
        st->cwd = ES_OBJ_NEW_QSTR(ES_Q__S_slash);
        es_state.roots.vfs = st;
#if ES_VFS_MOUNT_POSIX_ROOT
        /* The host sees the real filesystem, relative paths starting from the process's cwd. */
        es_obj_t fs = es_type_vfs_posix.make_new(&es_type_vfs_posix, 0, 0, NULL);
        mount_obj(st, fs, ES_OBJ_NEW_QSTR(ES_Q__S_slash), false, false);
        es_obj_t dest[2];
        es_load_method(fs, ES_Q_getcwd, dest);
        st->cwd = es_call_method_n_kw(0, 0, dest);
#endif
    }
    return st;
}

/* ---- paths ------------------------------------------------------------------------------ */

static const char *path_data(es_obj_t path, size_t *len) {
    if (!es_obj_is_str_or_bytes(path)) {
        es_raise_msg_varg(&es_type_TypeError, "expected str, bytes or os.PathLike object, not %s", es_obj_type_name(path));
    }
    const char *data = es_obj_str_get_data(path, len);
    if (strlen(data) != *len) {
        es_raise_msg(&es_type_ValueError, "embedded null byte");
    }
    return data;
}

void es_vfs_append_path(es_vstr_t *out, const char *path, size_t len) {
    size_t i = 0;
    while (i < len) {
        while (i < len && path[i] == '/') {
            i++;
        }
        size_t start = i;
        while (i < len && path[i] != '/') {
            i++;
        }
        size_t n = i - start;
        if (n == 0 || (n == 1 && path[start] == '.')) {
            continue;
        }
        if (n == 2 && path[start] == '.' && path[start + 1] == '.') {
            while (out->len > 0 && out->buf[out->len - 1] != '/') {
                out->len--;
            }
            if (out->len > 0) {
                out->len--;
            }
            continue;
        }
        es_vstr_add_byte(out, '/');
        es_vstr_add_strn(out, path + start, n);
    }
    if (out->len == 0) {
        es_vstr_add_byte(out, '/');
    }
}

/* The absolute form of path: cwd prepended, empty parts and '.' dropped, '..' applied. */
static es_obj_t absolute(es_obj_t path) {
    size_t len;
    const char *p = path_data(path, &len);
    if (len == 0) {
        es_file_raise_errno(ENOENT);
    }
    es_vstr_t out;
    es_vstr_init(&out, 32);
    if (p[0] != '/') {
        size_t cwd_len;
        const char *cwd = es_obj_str_get_data(state()->cwd, &cwd_len);
        if (cwd_len > 1) {
            es_vstr_add_strn(&out, cwd, cwd_len);
        }
    }
    es_vfs_append_path(&out, p, len);
    return es_obj_new_str_from_vstr(&es_type_str, &out);
}

/* The mount holding abs (longest mount point that is a prefix at a '/' boundary), or NULL. */
static vfs_mount_t *mount_of(es_obj_t abs, es_obj_t *fs_path) {
    size_t len;
    const char *p = es_obj_str_get_data(abs, &len);
    vfs_mount_t *best = NULL;
    for (vfs_mount_t *m = state()->mounts; m != NULL; m = m->next) {
        const char *mp = es_obj_str_get_data(m->path, &(size_t){0});
        bool match = m->len == 1 ? true : (len >= m->len && memcmp(p, mp, m->len) == 0 && (len == m->len || p[m->len] == '/'));
        if (match && (best == NULL || m->len > best->len)) {
            best = m;
        }
    }
    if (best != NULL && fs_path != NULL) {
        if (best->len == 1) {
            *fs_path = abs;
        } else if (len == best->len) {
            *fs_path = ES_OBJ_NEW_QSTR(ES_Q__S_slash);
        } else {
            *fs_path = es_obj_new_str(p + best->len, len - best->len);
        }
    }
    return best;
}

static bool is_root(es_obj_t abs) {
    size_t len;
    es_obj_str_get_data(abs, &len);
    return len == 1;
}

/* The mount holding abs and the path inside it. Without one, the root gives NULL (it exists
** with nothing mounted on it) and any other path raises ENODEV. */
static vfs_mount_t *mount_or_root(es_obj_t abs, es_obj_t *fs_path) {
    vfs_mount_t *m = mount_of(abs, fs_path);
    if (m == NULL && !is_root(abs)) {
        es_file_raise_errno(ENODEV);
    }
    return m;
}

/* Resolves path to its filesystem and the path inside it; ENODEV when nothing holds it. */
static es_obj_t resolve(es_obj_t path, es_obj_t *fs_path) {
    vfs_mount_t *m = mount_or_root(absolute(path), fs_path);
    if (m == NULL) {
        es_file_raise_errno(ENODEV);
    }
    return m->fs;
}

es_obj_t es_vfs_call(es_obj_t obj, es_qstr_t method, size_t n_args, es_obj_t a, es_obj_t b) {
    es_obj_t call[4];
    es_load_method(obj, method, call);
    call[2] = a;
    call[3] = b;
    return es_call_method_n_kw(n_args, 0, call);
}

es_int_t es_vfs_bdev_query(es_obj_t bdev, int op, es_int_t absent) {
    es_obj_t answer = es_vfs_call(bdev, ES_Q_ioctl, 2, es_obj_new_small_int(op), ES_OBJ_NEW_SMALL_INT(0));
    return answer == ES_OBJ_NONE ? absent : es_obj_get_int(answer);
}

/* ---- mounting --------------------------------------------------------------------------- */

/* A block device (readblocks) is probed for a filesystem; anything else must be one. */
static es_obj_t filesystem_for(es_obj_t obj) {
    es_obj_t dest[2];
    es_load_method_maybe(obj, ES_Q_mount, dest);
    if (dest[0] != ES_OBJ_NULL) {
        return obj;
    }
    es_load_method_maybe(obj, ES_Q_readblocks, dest);
    if (dest[0] == ES_OBJ_NULL) {
        es_file_raise_errno(ENODEV);
    }
    /* littlefs says so at offset 8 of block 0; this build has only FAT. */
    es_int_t size = es_vfs_bdev_query(obj, ES_VFS_BDEV_BLOCK_SIZE, 512);
    if (size < 16 || size > 65536) {
        es_file_raise_errno(EINVAL);
    }
    es_obj_t block = es_obj_new_bytearray((size_t)size, NULL);
    es_vfs_call(obj, ES_Q_readblocks, 2, ES_OBJ_NEW_SMALL_INT(0), block);
    es_buffer_info_t info;
    es_obj_get_type(block)->buffer(block, &info, ES_BUFFER_READ);
    if (memcmp((const uint8_t *)info.buf + 8, "littlefs", 8) == 0) {
        es_file_raise_errno(ENODEV);
    }
    return es_type_vfs_fat.make_new(&es_type_vfs_fat, 1, 0, &obj);
}

static void mount_obj(vfs_state_t *st, es_obj_t fs, es_obj_t abs_path, bool readonly, bool mkfs) {
    size_t len;
    const char *p = es_obj_str_get_data(abs_path, &len);
    for (vfs_mount_t *m = st->mounts; m != NULL; m = m->next) {
        if (m->len == len && memcmp(es_obj_str_get_data(m->path, &(size_t){0}), p, len) == 0) {
            es_file_raise_errno(EPERM);
        }
    }
    es_obj_t dest[4];
    es_load_method_maybe(fs, ES_Q_mount, dest);
    if (dest[0] != ES_OBJ_NULL) {
        dest[2] = es_obj_new_bool(readonly);
        dest[3] = es_obj_new_bool(mkfs);
        es_call_method_n_kw(2, 0, dest);
    }
    vfs_mount_t *m = es_new(vfs_mount_t);
    m->fs = fs;
    m->path = abs_path;
    m->len = len;
    m->next = st->mounts;
    st->mounts = m;
}

void es_vfs_mount(es_obj_t fs, es_obj_t path, bool readonly, bool mkfs) {
    vfs_state_t *st = state();
    es_obj_t abs = absolute(path);
    mount_obj(st, filesystem_for(fs), abs, readonly, mkfs);
}

void es_vfs_umount(es_obj_t path_or_fs) {
    vfs_state_t *st = state();
    es_obj_t abs = es_obj_is_str_or_bytes(path_or_fs) ? absolute(path_or_fs) : ES_OBJ_NULL;
    for (vfs_mount_t **link = &st->mounts; *link != NULL; link = &(*link)->next) {
        vfs_mount_t *m = *link;
        bool match = abs == ES_OBJ_NULL ? m->fs == path_or_fs : es_obj_equal(m->path, abs);
        if (match) {
            *link = m->next;
            es_obj_t dest[2];
            es_load_method_maybe(m->fs, ES_Q_umount, dest);
            if (dest[0] != ES_OBJ_NULL) {
                es_call_method_n_kw(0, 0, dest);
            }
            return;
        }
    }
    es_file_raise_errno(EINVAL);
}

es_obj_t es_vfs_mount_list(void) {
    es_obj_t list = es_obj_new_list(0, NULL);
    for (vfs_mount_t *m = state()->mounts; m != NULL; m = m->next) {
        es_obj_t pair[2] = {m->fs, m->path};
        es_obj_list_append(list, es_obj_new_tuple(2, pair));
    }
    return list;
}

/* ---- operations --------------------------------------------------------------------------- */

es_obj_t es_vfs_open(es_obj_t path, const es_file_mode_t *mode) {
    vfs_state_t *st = state();
    if (st->mounts == NULL) {
        /* Nothing mounted: the port's own files, if it has any. */
        return es_file_open_port(path_data(path, &(size_t){0}), mode);
    }
    es_obj_t fs_path;
    vfs_mount_t *m = mount_or_root(absolute(path), &fs_path);
    if (m == NULL) {
        es_file_raise_errno(EISDIR);
    }
    return es_vfs_call(m->fs, ES_Q_open, 2, fs_path, mode->mode);
}

es_obj_t es_vfs_dir_entry(es_obj_t name, es_int_t type, es_uint_t size) {
    es_obj_t items[4] = {name, es_obj_new_small_int(type), ES_OBJ_NEW_SMALL_INT(0), es_obj_new_int_from_uint(size)};
    return es_obj_new_tuple(4, items);
}

es_obj_t es_vfs_ilistdir(es_obj_t path) {
    es_obj_t fs_path;
    vfs_mount_t *m = mount_or_root(absolute(path), &fs_path);
    if (m != NULL) {
        return es_getiter(es_vfs_call(m->fs, ES_Q_ilistdir, 1, fs_path, ES_OBJ_NULL), NULL);
    }
    /* No filesystem at '/': the mount points are its entries. */
    es_obj_t list = es_obj_new_list(0, NULL);
    for (vfs_mount_t *mp = state()->mounts; mp != NULL; mp = mp->next) {
        size_t len;
        const char *p = es_obj_str_get_data(mp->path, &len);
        es_obj_list_append(list, es_vfs_dir_entry(es_obj_new_str(p + 1, len - 1), ES_VFS_TYPE_DIR, 0));
    }
    return es_getiter(list, NULL);
}

es_obj_t es_vfs_listdir(es_obj_t path) {
    es_obj_t iter = es_vfs_ilistdir(path);
    es_obj_t list = es_obj_new_list(0, NULL);
    es_obj_t entry;
    while ((entry = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        size_t n;
        es_obj_t *items;
        es_obj_get_array(entry, &n, &items);
        if (n > 0) {
            es_obj_list_append(list, items[0]);
        }
    }
    return list;
}

static void simple_op(es_qstr_t name, es_obj_t path, int root_errno) {
    es_obj_t fs_path;
    vfs_mount_t *m = mount_or_root(absolute(path), &fs_path);
    if (m == NULL) {
        es_file_raise_errno(root_errno);
    }
    es_vfs_call(m->fs, name, 1, fs_path, ES_OBJ_NULL);
}

void es_vfs_mkdir(es_obj_t path) {
    simple_op(ES_Q_mkdir, path, EEXIST);
}

void es_vfs_rmdir(es_obj_t path) {
    simple_op(ES_Q_rmdir, path, EPERM);
}

void es_vfs_remove(es_obj_t path) {
    simple_op(ES_Q_remove, path, EISDIR);
}

void es_vfs_rename(es_obj_t old_path, es_obj_t new_path) {
    es_obj_t old_fs_path, new_fs_path;
    es_obj_t fs = resolve(old_path, &old_fs_path);
    es_obj_t new_fs = resolve(new_path, &new_fs_path);
    if (fs != new_fs) {
        es_file_raise_errno(EXDEV);
    }
    es_vfs_call(fs, ES_Q_rename, 2, old_fs_path, new_fs_path);
}

es_obj_t es_vfs_stat_result(es_int_t mode, es_int_t size, es_int_t time) {
    es_obj_t items[10];
    items[0] = es_obj_new_int(mode);
    for (size_t i = 1; i < 10; i++) {
        items[i] = ES_OBJ_NEW_SMALL_INT(0);
    }
    items[6] = es_obj_new_int(size);
    items[7] = items[8] = items[9] = es_obj_new_int(time);
    return es_obj_new_tuple(10, items);
}

es_obj_t es_vfs_stat(es_obj_t path) {
    es_obj_t fs_path;
    vfs_mount_t *m = mount_or_root(absolute(path), &fs_path);
    if (m == NULL) {
        return es_vfs_stat_result(ES_VFS_TYPE_DIR, 0, 0);
    }
    return es_vfs_call(m->fs, ES_Q_stat, 1, fs_path, ES_OBJ_NULL);
}

es_obj_t es_vfs_statvfs(es_obj_t path) {
    es_obj_t fs_path;
    vfs_mount_t *m = mount_or_root(absolute(path), &fs_path);
    if (m == NULL) {
        es_obj_t items[10];
        for (size_t i = 0; i < 10; i++) {
            items[i] = ES_OBJ_NEW_SMALL_INT(0);
        }
        return es_obj_new_tuple(10, items);
    }
    return es_vfs_call(m->fs, ES_Q_statvfs, 1, fs_path, ES_OBJ_NULL);
}

/* The type bits of a stat result's mode (ES_VFS_TYPE_*), 0 for an empty result. */
static es_int_t stat_type(es_obj_t st) {
    size_t n;
    es_obj_t *items;
    es_obj_get_array(st, &n, &items);
    return n > 0 ? es_obj_get_int(items[0]) & 0xf000 : 0;
}

void es_vfs_chdir(es_obj_t path) {
    es_obj_t abs = absolute(path);
    es_obj_t fs_path;
    vfs_mount_t *m = mount_or_root(abs, &fs_path);
    if (m != NULL) {
        if (stat_type(es_vfs_call(m->fs, ES_Q_stat, 1, fs_path, ES_OBJ_NULL)) != ES_VFS_TYPE_DIR) {
            es_file_raise_errno(ENOTDIR);
        }
        es_obj_t dest[3];
        es_load_method_maybe(m->fs, ES_Q_chdir, dest);
        if (dest[0] != ES_OBJ_NULL) {
            dest[2] = fs_path;
            es_call_method_n_kw(1, 0, dest);
        }
    }
    state()->cwd = abs;
}

es_obj_t es_vfs_getcwd(void) {
    return state()->cwd;
}

/* ---- whole files for import ------------------------------------------------------------- */

/* Calls fun(arg) catching OSError; false if it was raised. Other exceptions propagate. */
static bool without_oserror(void (*fun)(void *), void *arg) {
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        fun(arg);
        es_nlr_pop();
        return true;
    }
    if (!es_obj_exception_match(nlr.ret_val, &es_type_OSError)) {
        es_nlr_jump(nlr.ret_val);
    }
    return false;
}

typedef struct open_source_job_t {
    const char *path;
    es_source_t *src;
} open_source_job_t;

static void open_source(void *arg) {
    open_source_job_t *job = arg;
    es_file_mode_t mode;
    es_file_parse_mode(ES_OBJ_NEW_QSTR(ES_Q_rb), ES_OBJ_NONE, &mode);
    es_source_from_stream(job->src, es_vfs_open(es_obj_new_str_from_cstr(job->path), &mode));
}

bool es_vfs_open_source(const char *path, es_source_t *src) {
    open_source_job_t job = {path, src};
    return without_oserror(open_source, &job);
}

typedef struct stat_job_t {
    const char *path;
    int kind;
} stat_job_t;

static void stat_kind(void *arg) {
    stat_job_t *job = arg;
    es_int_t type = stat_type(es_vfs_stat(es_obj_new_str_from_cstr(job->path)));
    job->kind = type == ES_VFS_TYPE_DIR ? 2 : type == ES_VFS_TYPE_FILE ? 1 : 0;
}

int es_vfs_stat_kind(const char *path) {
    stat_job_t job = {path, 0};
    if (*path == '\0' || !without_oserror(stat_kind, &job)) {
        return 0;
    }
    return job.kind;
}

/* ---- the vfs module ------------------------------------------------------------------------ */

static es_obj_t vfs_mount(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    static const es_arg_t allowed[] = {
        {ES_Q_fs, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_mount_point, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_readonly, ES_ARG_BOOL | ES_ARG_KW_ONLY, {.u_bool = false}},
        {ES_Q_mkfs, ES_ARG_BOOL | ES_ARG_KW_ONLY, {.u_bool = false}},
    };
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all(n_args, args, kw, ES_ARRAY_SIZE(allowed), allowed, vals);
    if (vals[0].u_obj == ES_OBJ_NULL) {
        return es_vfs_mount_list();
    }
    if (vals[1].u_obj == ES_OBJ_NULL) {
        es_raise_msg(&es_type_TypeError, "mount() missing mount point");
    }
    es_vfs_mount(vals[0].u_obj, vals[1].u_obj, vals[2].u_bool, vals[3].u_bool);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_KW(es_vfs_mount_obj, ES_Q_mount, 0, vfs_mount);

static es_obj_t vfs_umount(es_obj_t path_or_fs) {
    es_vfs_umount(path_or_fs);
    return ES_OBJ_NONE;
}
ES_DEFINE_FUN_1(es_vfs_umount_obj, ES_Q_umount, vfs_umount);

static const es_map_elem_t vfs_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_vfs)},
    {ES_OBJ_NEW_QSTR(ES_Q_mount), ES_OBJ_FROM_CONST(es_vfs_mount_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_umount), ES_OBJ_FROM_CONST(es_vfs_umount_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_VfsFat), ES_OBJ_FROM_CONST(es_type_vfs_fat)},
#if ES_VFS_POSIX
    {ES_OBJ_NEW_QSTR(ES_Q_VfsPosix), ES_OBJ_FROM_CONST(es_type_vfs_posix)},
#endif
};

ES_DEFINE_CONST_MODULE(es_module_vfs, vfs_globals_table);
ES_REGISTER_MODULE(ES_Q_vfs, es_module_vfs);
