/* sort.h: the stable sort behind list.sort() and sorted(). */
#pragma once

#include "py/obj.h"

/*
** Sorts list in place with `<` (es_binary_op(ES_BINARY_OP_LESS, ...)). key_fn is a callable or
** ES_OBJ_NONE; reverse keeps equal items in their original order as CPython does. Whatever a
** comparison or the key function raises propagates and the list still holds all its items.
** ValueError "list modified during sort" if the list changes under the comparisons.
*/
void es_obj_list_sort(es_obj_t list, es_obj_t key_fn, bool reverse);

/* The same over a bare array (e.g. sorted() on a fresh list, or min/max helpers). */
void es_sort_objs(es_obj_t *items, size_t n, es_obj_t key_fn, bool reverse);
