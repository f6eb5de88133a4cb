/* vfs_fat.c: VfsFat, the filesystem object over the FAT driver (extmod/fat/). */

#include <errno.h>

#include "extmod/vfs.h"
#include "py/runtime.h"

static es_obj_t fat_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    ES_UNUSED(args);
    es_arg_check_num(n_args, n_kw, 1, 1, false);
    es_file_raise_errno(ENODEV);
}

const es_type_t es_type_vfs_fat = {
    .base = {&es_type_type},
    .name = ES_Q_VfsFat,
    .make_new = fat_make_new,
};
