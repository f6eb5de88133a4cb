/* fileio.h: file objects for open() (extmod/fileio.c) over any filesystem's raw files. */
#pragma once

#include "py/obj.h"

extern const es_type_t es_type_fileio;
extern const es_type_t es_type_textio;
extern const es_obj_fun_builtin_t es_io_open_obj;

/*
** A filesystem supplies raw files through these operations on an opaque handle (a small
** int descriptor, or a heap object the file keeps alive). Each returns a count, a position
** or 0, or a negative errno. The file object adds buffering, text mode and the methods.
*/
typedef struct es_file_ops_t {
    long (*read)(es_obj_t handle, void *buf, size_t len);
    long (*write)(es_obj_t handle, const void *buf, size_t len);
    long (*seek)(es_obj_t handle, long offset, int whence); /* the new position */
    int (*close)(es_obj_t handle);
} es_file_ops_t;

/* A parsed open() mode: ES_FILE_* flags (py/portio.h), kind 'r' 'w' 'a' 'x', and the text. */
typedef struct es_file_mode_t {
    int flags;
    bool binary;
    bool plus;
    char kind;
    es_obj_t mode;
} es_file_mode_t;

/* Parses mode as open() does (ValueError/TypeError for bad ones). */
void es_file_parse_mode(es_obj_t mode, es_obj_t encoding, es_file_mode_t *out);
/* A new FileIO (binary) or TextIOWrapper over an opened raw file; 'a' starts at the end. */
es_obj_t es_file_new(const es_file_ops_t *ops, es_obj_t handle, const es_file_mode_t *mode, es_obj_t name);
/* Sets the name attribute when file is one of ours. */
void es_file_set_name(es_obj_t file, es_obj_t name);

/* Raw files on the port's descriptors (py/portio.h hooks); handle is the descriptor. */
extern const es_file_ops_t es_file_port_ops;
es_obj_t es_file_open_port(const char *path, const es_file_mode_t *mode);
/* The same for a path already known not to be a directory, with its name attribute. */
es_obj_t es_file_open_descriptor(const char *path, const es_file_mode_t *mode, es_obj_t name);

/* Where open() sends paths: the VFS (extmod/vfs.c), or the port's descriptors without it.
** TypeError unless path is str or bytes, ValueError for an embedded NUL. */
es_obj_t es_vfs_open(es_obj_t path, const es_file_mode_t *mode);

/* OSError with errno and its name; FileNotFoundError / FileExistsError for those two. */
_Noreturn void es_file_raise_errno(int err);
