/* objmodule.c: module objects and the table of built-in modules (`import ujson` finds json). */

#include <string.h>

#include "py/runtime.h"

/* ---- the module object ---------------------------------------------------------- */

es_obj_t es_obj_new_module(es_qstr_t name) {
    es_obj_module_t *m = es_new(es_obj_module_t);
    m->base.type = &es_type_module;
    m->globals = es_obj_to_ptr(es_obj_new_dict(4));
    es_obj_dict_store(es_obj_from_ptr(m->globals), ES_OBJ_NEW_QSTR(ES_Q___name__), es_obj_new_qstr(name));
    return es_obj_from_ptr(m);
}

static es_obj_t module_name(const es_obj_module_t *m) {
    es_map_elem_t *elem = es_map_lookup(&m->globals->map, ES_OBJ_NEW_QSTR(ES_Q___name__), ES_MAP_LOOKUP);
    return elem != NULL ? elem->value : ES_OBJ_NEW_QSTR(ES_Q__S_empty);
}

static void module_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_obj_module_t *m = es_obj_to_ptr(self);
    es_map_elem_t *file = es_map_lookup(&m->globals->map, ES_OBJ_NEW_QSTR(ES_Q___file__), ES_MAP_LOOKUP);
    if (file != NULL) {
        es_printf(print, "<module '%O' from '%O'>", module_name(m), file->value);
    } else {
        es_printf(print, "<module '%O'>", module_name(m));
    }
}

extern const es_obj_module_t es_module_builtins;
extern const es_obj_module_t es_module_sys;

/* Keeps the runtime's view of sys.stdout and friends in step with assignments from Python. */
static void sys_store_hook(es_qstr_t attr, es_obj_t value) {
    switch (attr) {
        case ES_Q_stdout:
            es_state.roots.sys_stdout = value;
            break;
        case ES_Q_stderr:
            es_state.roots.sys_stderr = value;
            break;
        case ES_Q_stdin:
            es_state.roots.sys_stdin = value;
            break;
        case ES_Q_path:
            es_state.roots.sys_path = value;
            break;
        case ES_Q_argv:
            es_state.roots.sys_argv = value;
            break;
        default:
            break;
    }
}

static void module_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    es_obj_module_t *m = es_obj_to_ptr(self);
    es_obj_t key = es_obj_new_qstr(attr);
    if (dest[0] == ES_OBJ_NULL) {
        es_map_elem_t *elem = es_map_lookup(&m->globals->map, key, ES_MAP_LOOKUP);
        if (elem != NULL) {
            dest[0] = elem->value;
        } else if (attr == ES_Q___dict__) {
            dest[0] = es_obj_from_ptr(m->globals);
        } else if (m == &es_module_builtins && es_state.roots.builtins_dict != NULL) {
            elem = es_map_lookup(&es_state.roots.builtins_dict->map, key, ES_MAP_LOOKUP);
            if (elem != NULL) {
                dest[0] = elem->value;
            }
        }
        return;
    }
    es_map_t *map = &m->globals->map;
    if (m == &es_module_builtins) {
        /* The builtins table is in flash: assignments go to a RAM overlay searched first. */
        if (es_state.roots.builtins_dict == NULL) {
            es_state.roots.builtins_dict = es_obj_to_ptr(es_obj_new_dict(2));
        }
        map = &es_state.roots.builtins_dict->map;
    } else if (map->is_fixed) {
        return; /* AttributeError: built-in modules are read-only */
    }
    if (dest[1] == ES_OBJ_NULL) {
        if (es_map_lookup(map, key, ES_MAP_LOOKUP_REMOVE_IF_FOUND) != NULL) {
            dest[0] = ES_OBJ_NULL;
        }
        return;
    }
    es_map_lookup(map, key, ES_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = dest[1];
    es_map_elem_t *name = es_map_lookup(&m->globals->map, ES_OBJ_NEW_QSTR(ES_Q___name__), ES_MAP_LOOKUP);
    if (name != NULL && name->value == ES_OBJ_NEW_QSTR(ES_Q_sys)) {
        sys_store_hook(attr, dest[1]);
    }
    dest[0] = ES_OBJ_NULL;
}

const es_type_t es_type_module = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_module,
    .print = module_print,
    .attr = module_attr,
};

/* ---- built-in modules ------------------------------------------------------------------ */

#include "genhdr/moduledefs.h"

static const es_map_elem_t builtin_modules_table[] = {
    ES_BUILTIN_MODULE_TABLE_ENTRIES
};
static ES_DEFINE_CONST_DICT(builtin_modules_dict, builtin_modules_table);

static es_obj_t find_builtin(es_qstr_t name) {
    es_map_elem_t *elem =
        es_map_lookup((es_map_t *)&builtin_modules_dict.map, es_obj_new_qstr(name), ES_MAP_LOOKUP);
    return elem != NULL ? elem->value : ES_OBJ_NULL;
}

es_obj_t es_module_get_builtin(es_qstr_t name) { return find_builtin(name); }

/* `ujson` answers to `json` (and so on) when no module has the u-prefixed name itself. */
es_obj_t es_module_get_builtin_alias(es_qstr_t name) {
    size_t len;
    const uint8_t *s = es_qstr_data(name, &len);
    if (len < 2 || s[0] != 'u') {
        return ES_OBJ_NULL;
    }
    es_qstr_t plain = es_qstr_find_strn((const char *)s + 1, len - 1);
    return plain == ES_Q_NULL ? ES_OBJ_NULL : find_builtin(plain);
}

/* Lists the built-in module names, for help('modules'). */
es_obj_t es_module_builtin_names(void) {
    es_obj_t list = es_obj_new_list(0, NULL);
    for (size_t i = 0; i < ES_ARRAY_SIZE(builtin_modules_table); i++) {
        es_obj_list_append(list, builtin_modules_table[i].key);
    }
    return list;
}
