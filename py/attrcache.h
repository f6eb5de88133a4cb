/* attrcache.h: look-up caches for attributes of instances and classes, and for builtins. */
#pragma once

#include "py/map.h"
#include "py/obj.h"

/*
** Each function gives exactly what its uncached counterpart in py/runtime.c gives; the
** cache only remembers where a name was found last time, and every use checks that it
** is still there (see py/attrcache.c for the rules that keep it from going stale).
*/

/* es_load_method_maybe: dest[0] = value or function, dest[1] = self or NULL. */
void es_attr_load_method_maybe(es_obj_t base, es_qstr_t attr, es_obj_t *dest);
/* es_store_attr. */
void es_attr_store(es_obj_t base, es_qstr_t attr, es_obj_t value);

/*
** Builtins seen past a globals dict: es_attr_builtin_fill looks `name` up in builtins after
** the caller found it missing from `globals` and remembers the answer; es_attr_builtin_cached
** gives that answer again while globals has not gained the name and builtins are unchanged,
** else ES_OBJ_NULL. Both give ES_OBJ_NULL for a name builtins do not have.
*/
es_obj_t es_attr_builtin_fill(es_obj_dict_t *globals, es_qstr_t name);
es_obj_t es_attr_builtin_cached(es_obj_dict_t *globals, es_qstr_t name);
