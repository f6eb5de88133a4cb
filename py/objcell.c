/* objcell.c: cells, the boxes through which nested functions share a variable. */

#include "py/bc.h"
#include "py/runtime.h"

es_obj_t es_obj_new_cell(es_obj_t value) {
    es_obj_cell_t *cell = es_new(es_obj_cell_t);
    cell->base.type = &es_type_cell;
    cell->value = value;
    return es_obj_from_ptr(cell);
}

es_obj_t es_obj_cell_get(es_obj_t cell) { return ((es_obj_cell_t *)es_obj_to_ptr(cell))->value; }

void es_obj_cell_set(es_obj_t cell, es_obj_t value) { ((es_obj_cell_t *)es_obj_to_ptr(cell))->value = value; }

static void cell_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_obj_t v = es_obj_cell_get(self);
    if (v == ES_OBJ_NULL) {
        es_printf(print, "<cell at %p: empty>", es_obj_to_ptr(self));
    } else {
        es_printf(print, "<cell at %p: %s object at %p>", es_obj_to_ptr(self), es_obj_type_name(v), (void *)v);
    }
}

static void cell_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (attr != ES_Q_cell_contents) {
        return;
    }
    if (dest[0] == ES_OBJ_NULL) {
        dest[0] = es_obj_cell_get(self);
        if (dest[0] == ES_OBJ_NULL) {
            es_raise_msg(&es_type_ValueError, "Cell is empty");
        }
    } else {
        es_obj_cell_set(self, dest[1]);
        dest[0] = ES_OBJ_NULL;
    }
}

const es_type_t es_type_cell = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY,
    .name = ES_Q_cell,
    .print = cell_print,
    .attr = cell_attr,
};
