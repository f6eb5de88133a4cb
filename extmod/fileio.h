/* fileio.h: file objects for open() (extmod/fileio.c), exported to the io module. */
#pragma once

#include "py/obj.h"

extern const es_type_t es_type_fileio;
extern const es_type_t es_type_textio;
extern const es_obj_fun_builtin_t es_io_open_obj;
