/* modos.c: the os module: files and directories through the VFS, uname, urandom, dupterm (port). */

#include <string.h>

#include "extmod/vfs.h"
#include "py/hal.h"
#include "py/objstr.h"
#include "py/portio.h"
#include "py/runtime.h"

#if ES_OS_UNAME_FROM_HOST
#include <sys/utsname.h>
#endif

/*
** uname's strings come from the port (ES_OS_UNAME_* in espyconfig.h); a host build may ask
** for the host's own (ES_OS_UNAME_FROM_HOST), as CPython reports them.
*/
#ifndef ES_OS_UNAME_SYSNAME
#define ES_OS_UNAME_SYSNAME "espy"
#endif
#ifndef ES_OS_UNAME_NODENAME
#define ES_OS_UNAME_NODENAME ES_OS_UNAME_SYSNAME
#endif
#ifndef ES_OS_UNAME_RELEASE
#define ES_OS_UNAME_RELEASE "1.0.0"
#endif
#ifndef ES_OS_UNAME_VERSION
#define ES_OS_UNAME_VERSION "espy"
#endif
#ifndef ES_OS_UNAME_MACHINE
#define ES_OS_UNAME_MACHINE "unknown"
#endif

/* The result is a named tuple (sysname, nodename, release, version, machine). */
static es_obj_t os_uname(void) {
    es_obj_t collections = es_import_name(ES_Q_collections, ES_OBJ_NONE, ES_OBJ_NEW_SMALL_INT(0));
    es_obj_t make = es_load_attr(collections, ES_Q_namedtuple);
    es_obj_t fields = es_obj_new_str_from_cstr("sysname nodename release version machine");
    es_obj_t type = es_call_function_2(make, ES_OBJ_NEW_QSTR(ES_Q_uname_result), fields);
    es_obj_t items[5];
#if ES_OS_UNAME_FROM_HOST
    struct utsname u;
    if (uname(&u) != 0) {
        es_file_raise_errno(5);
    }
    const char *text[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
#else
    static const char *const text[5] = {ES_OS_UNAME_SYSNAME, ES_OS_UNAME_NODENAME, ES_OS_UNAME_RELEASE,
                                        ES_OS_UNAME_VERSION, ES_OS_UNAME_MACHINE};
#endif
    for (size_t i = 0; i < 5; i++) {
        items[i] = es_obj_new_str_from_cstr(text[i]);
    }
    return es_call_function_n_kw(type, 5, 0, items);
}
static ES_DEFINE_FUN_0(os_uname_obj, ES_Q_uname, os_uname);

static es_obj_t os_urandom(es_obj_t n_obj) {
    es_int_t n = es_obj_get_int(n_obj);
    if (n < 0) {
        es_raise_msg(&es_type_ValueError, "negative argument not allowed");
    }
    es_vstr_t vstr;
    es_vstr_init(&vstr, (size_t)n + 1);
    es_hal_random_bytes((uint8_t *)es_vstr_extend(&vstr, (size_t)n), (size_t)n);
    return es_obj_new_str_from_vstr(&es_type_bytes, &vstr);
}
static ES_DEFINE_FUN_1(os_urandom_obj, ES_Q_urandom, os_urandom);

static es_obj_t path_or_dot(size_t n_args, const es_obj_t *args) {
    return n_args > 0 && args[0] != ES_OBJ_NONE ? args[0] : ES_OBJ_NEW_QSTR(ES_Q__S_dot);
}

static es_obj_t os_listdir(size_t n_args, const es_obj_t *args) {
    es_obj_t list = es_vfs_listdir(path_or_dot(n_args, args));
    if (n_args > 0 && es_obj_is_type(args[0], &es_type_bytes)) {
        /* bytes in, bytes out, as CPython. */
        es_obj_list_t *l = es_obj_to_ptr(list);
        for (size_t i = 0; i < l->len; i++) {
            size_t len;
            const char *name = es_obj_str_get_data(l->items[i], &len);
            l->items[i] = es_obj_new_bytes((const uint8_t *)name, len);
        }
    }
    return list;
}
static ES_DEFINE_FUN_VAR(os_listdir_obj, ES_Q_listdir, 0, 1, os_listdir);

static es_obj_t os_ilistdir(size_t n_args, const es_obj_t *args) {
    return es_vfs_ilistdir(path_or_dot(n_args, args));
}
static ES_DEFINE_FUN_VAR(os_ilistdir_obj, ES_Q_ilistdir, 0, 1, os_ilistdir);

static es_obj_t os_mkdir(size_t n_args, const es_obj_t *args) {
    /* The mode argument is accepted for CPython's sake; the filesystems have none. */
    es_vfs_mkdir(args[0]);
    ES_UNUSED(n_args);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(os_mkdir_obj, ES_Q_mkdir, 1, 2, os_mkdir);

static es_obj_t os_rmdir(es_obj_t path) {
    es_vfs_rmdir(path);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(os_rmdir_obj, ES_Q_rmdir, os_rmdir);

static es_obj_t os_remove(es_obj_t path) {
    es_vfs_remove(path);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(os_remove_obj, ES_Q_remove, os_remove);

static es_obj_t os_rename(es_obj_t old_path, es_obj_t new_path) {
    es_vfs_rename(old_path, new_path);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(os_rename_obj, ES_Q_rename, os_rename);

static es_obj_t os_stat(es_obj_t path) {
    return es_vfs_stat(path);
}
static ES_DEFINE_FUN_1(os_stat_obj, ES_Q_stat, os_stat);

static es_obj_t os_statvfs(es_obj_t path) {
    return es_vfs_statvfs(path);
}
static ES_DEFINE_FUN_1(os_statvfs_obj, ES_Q_statvfs, os_statvfs);

static es_obj_t os_getcwd(void) {
    return es_vfs_getcwd();
}
static ES_DEFINE_FUN_0(os_getcwd_obj, ES_Q_getcwd, os_getcwd);

static es_obj_t os_chdir(es_obj_t path) {
    es_vfs_chdir(path);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(os_chdir_obj, ES_Q_chdir, os_chdir);

/* Filesystems write through, so there is nothing held back; mounted ones with a sync method
** (a block device cache written in Python, say) are still asked. */
static es_obj_t os_sync(void) {
    es_obj_t list = es_vfs_mount_list();
    es_obj_list_t *l = es_obj_to_ptr(list);
    for (size_t i = 0; i < l->len; i++) {
        es_obj_t *pair;
        es_obj_get_array_fixed_n(l->items[i], 2, &pair);
        es_obj_t dest[2];
        es_load_method_maybe(pair[0], ES_Q_sync, dest);
        if (dest[0] != ES_OBJ_NULL) {
            es_call_method_n_kw(0, 0, dest);
        }
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_0(os_sync_obj, ES_Q_sync, os_sync);

#if ES_PORT_HAS_DUPTERM
/* The port keeps the terminal slots (py/portio.h). */
static ES_DEFINE_FUN_VAR(os_dupterm_obj, ES_Q_dupterm, 1, 2, es_port_dupterm);

static ES_DEFINE_FUN_1(os_dupterm_notify_obj, ES_Q_dupterm_notify, es_port_dupterm_notify);
#endif

extern const es_obj_fun_builtin_t es_vfs_mount_obj;
extern const es_obj_fun_builtin_t es_vfs_umount_obj;

static const es_map_elem_t os_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_os)},
    {ES_OBJ_NEW_QSTR(ES_Q_uname), ES_OBJ_FROM_CONST(os_uname_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_urandom), ES_OBJ_FROM_CONST(os_urandom_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_listdir), ES_OBJ_FROM_CONST(os_listdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ilistdir), ES_OBJ_FROM_CONST(os_ilistdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_mkdir), ES_OBJ_FROM_CONST(os_mkdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_rmdir), ES_OBJ_FROM_CONST(os_rmdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_remove), ES_OBJ_FROM_CONST(os_remove_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_unlink), ES_OBJ_FROM_CONST(os_remove_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_rename), ES_OBJ_FROM_CONST(os_rename_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_stat), ES_OBJ_FROM_CONST(os_stat_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_statvfs), ES_OBJ_FROM_CONST(os_statvfs_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_getcwd), ES_OBJ_FROM_CONST(os_getcwd_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_chdir), ES_OBJ_FROM_CONST(os_chdir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sync), ES_OBJ_FROM_CONST(os_sync_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_sep), ES_OBJ_NEW_QSTR(ES_Q__S_slash)},
    {ES_OBJ_NEW_QSTR(ES_Q_mount), ES_OBJ_FROM_CONST(es_vfs_mount_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_umount), ES_OBJ_FROM_CONST(es_vfs_umount_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_VfsFat), ES_OBJ_FROM_CONST(es_type_vfs_fat)},
#if ES_VFS_POSIX
    {ES_OBJ_NEW_QSTR(ES_Q_VfsPosix), ES_OBJ_FROM_CONST(es_type_vfs_posix)},
#endif
#if ES_PORT_HAS_DUPTERM
    {ES_OBJ_NEW_QSTR(ES_Q_dupterm), ES_OBJ_FROM_CONST(os_dupterm_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_dupterm_notify), ES_OBJ_FROM_CONST(os_dupterm_notify_obj)},
#endif
};

ES_DEFINE_CONST_MODULE(es_module_os, os_globals_table);
ES_REGISTER_MODULE(ES_Q_os, es_module_os);
