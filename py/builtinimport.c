/* builtinimport.c: the import statement: sys.modules, built-in modules, .py files and packages on sys.path
** (frozen ones under '.frozen' included), relative imports. */

#include <string.h>

#include "py/exec.h"
#include "py/frozen.h"
#include "py/portio.h"
#include "py/runtime.h"

extern const es_type_t es_type_ModuleNotFoundError;
es_obj_t es_module_get_builtin_alias(es_qstr_t name);
es_obj_t es_sys_module_new(void);
extern const es_obj_module_t es_module_sys;

static es_obj_t loaded_module(es_qstr_t name) {
    es_map_elem_t *elem =
        es_map_lookup(&es_state.roots.loaded_modules->map, es_obj_new_qstr(name), ES_MAP_LOOKUP);
    return elem != NULL ? elem->value : ES_OBJ_NULL;
}

static void set_loaded(es_qstr_t name, es_obj_t module) {
    es_obj_dict_store(es_obj_from_ptr(es_state.roots.loaded_modules), es_obj_new_qstr(name), module);
}

static es_obj_dict_t *module_globals(es_obj_t module) { return ((es_obj_module_t *)es_obj_to_ptr(module))->globals; }

/* dir + "/" + name + suffix, or just name + suffix when dir is empty. */
static void join_path(es_vstr_t *out, const char *dir, size_t dir_len, const char *name, size_t name_len,
                      const char *suffix) {
    out->len = 0;
    if (dir_len > 0) {
        es_vstr_add_strn(out, dir, dir_len);
        if (dir[dir_len - 1] != '/') {
            es_vstr_add_byte(out, '/');
        }
    }
    es_vstr_add_strn(out, name, name_len);
    es_vstr_add_str(out, suffix);
}

/* The part of path below '.frozen', or NULL when path is not inside it. */
static const char *frozen_rel_path(const char *path) {
    size_t n = sizeof(ES_FROZEN_PREFIX) - 1;
    if (strncmp(path, ES_FROZEN_PREFIX, n) != 0) {
        return NULL;
    }
    if (path[n] == '\0') {
        return path + n;
    }
    return path[n] == '/' ? path + n + 1 : NULL;
}

/* 0: nothing there, 1: a file, 2: a folder; frozen modules behave as files under '.frozen'. */
static int path_kind(const char *path) {
    const char *rel = frozen_rel_path(path);
    return rel != NULL ? es_frozen_stat(rel, strlen(rel)) : es_port_stat_kind(path);
}

/* The module body as a function of no arguments over `globals`, and the name for __file__. */
static es_obj_t load_module_body(const char *path, es_obj_dict_t *globals, es_obj_t *file_name) {
    const char *rel = frozen_rel_path(path);
    if (rel != NULL) {
        const es_frozen_module_t *frozen = es_frozen_find(rel, strlen(rel));
        if (frozen == NULL) {
            es_raise_msg_varg(&es_type_ImportError, "can't read '%s'", path);
        }
        *file_name = es_obj_new_qstr(es_qstr_from_str(rel));
        if (frozen->code != NULL) {
            return es_obj_new_function(frozen->code, globals, ES_OBJ_NULL, ES_OBJ_NULL, ES_OBJ_NULL);
        }
        return es_compile_source(frozen->source, frozen->source_len, es_obj_qstr_value(*file_name), ES_INPUT_FILE,
                                 globals);
    }
    /* read in chunks: the source is never whole in the heap */
    es_obj_t body = es_compile_file(path, es_qstr_from_str(path), globals);
    if (body == ES_OBJ_NULL) {
        es_raise_msg_varg(&es_type_ImportError, "can't read '%s'", path);
    }
    *file_name = es_obj_new_str_from_cstr(path);
    return body;
}

/* Runs a source file as the body of `module`; the module is in sys.modules meanwhile, so
** circular imports see it, and is taken out again if running it fails. */
static void exec_module_file(es_obj_t module, es_qstr_t full_name, const char *path) {
    es_obj_dict_t *globals = module_globals(module);
    set_loaded(full_name, module);
    es_obj_dict_t *old_globals = es_globals_get();
    es_obj_dict_t *old_locals = es_locals_get();
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_t file_name;
        es_obj_t body = load_module_body(path, globals, &file_name);
        es_obj_dict_store(es_obj_from_ptr(globals), ES_OBJ_NEW_QSTR(ES_Q___file__), file_name);
        es_exec_function(body, globals);
        es_nlr_pop();
        es_globals_set(old_globals);
        es_locals_set(old_locals);
    } else {
        es_globals_set(old_globals);
        es_locals_set(old_locals);
        es_map_lookup(&es_state.roots.loaded_modules->map, es_obj_new_qstr(full_name), ES_MAP_LOOKUP_REMOVE_IF_FOUND);
        es_nlr_jump(nlr.ret_val);
    }
}

/* Looks for name (the last part of full_name) as a package or .py file in one directory. */
static es_obj_t find_in_dir(const char *dir, size_t dir_len, const char *name, size_t name_len, es_qstr_t full_name) {
    es_vstr_t path;
    es_vstr_init(&path, dir_len + name_len + 16);
    join_path(&path, dir, dir_len, name, name_len, "");
    if (path_kind(es_vstr_null_terminated_str(&path)) == 2) {
        es_obj_t pkg_dir = es_obj_new_str(path.buf, path.len);
        join_path(&path, dir, dir_len, name, name_len, "/__init__.py");
        es_obj_t module = es_obj_new_module(full_name);
        es_obj_dict_store(es_obj_from_ptr(module_globals(module)), ES_OBJ_NEW_QSTR(ES_Q___path__), pkg_dir);
        if (path_kind(es_vstr_null_terminated_str(&path)) == 1) {
            exec_module_file(module, full_name, path.buf);
        } else {
            set_loaded(full_name, module); /* a namespace package: a folder without __init__.py */
        }
        return module;
    }
    join_path(&path, dir, dir_len, name, name_len, ".py");
    if (path_kind(es_vstr_null_terminated_str(&path)) == 1) {
        es_obj_t module = es_obj_new_module(full_name);
        exec_module_file(module, full_name, path.buf);
        return module;
    }
    return ES_OBJ_NULL;
}

static _Noreturn void raise_not_found(es_qstr_t name) {
    es_raise(es_obj_new_exception_msg_varg(&es_type_ModuleNotFoundError, "No module named '%q'", name));
}

/* sys is writable: its RAM copy (py/modsys.c) is made at the first import, not at start-up. */
static es_obj_t import_sys(void) {
    es_obj_t module = loaded_module(ES_Q_sys);
    if (module == ES_OBJ_NULL) {
        module = es_sys_module_new();
        set_loaded(ES_Q_sys, module);
    }
    return module;
}

/* Imports one module given its full dotted name, its parent already imported (or NULL at top level). */
static es_obj_t import_one(es_qstr_t full_name, es_obj_t parent, const char *name, size_t name_len) {
    es_obj_t module = loaded_module(full_name);
    if (module != ES_OBJ_NULL) {
        return module;
    }
    if (parent == ES_OBJ_NULL) {
        if (full_name == ES_Q_sys) {
            return import_sys();
        }
        module = es_module_get_builtin(full_name);
        if (module != ES_OBJ_NULL) {
            return module;
        }
        es_obj_t path = es_state.roots.sys_path;
        size_t n = 0;
        es_obj_t *dirs = NULL;
        if (path != ES_OBJ_NULL) {
            es_obj_get_array(path, &n, &dirs);
        }
        for (size_t i = 0; i < n; i++) {
            if (!es_obj_is_str(dirs[i])) {
                continue;
            }
            size_t dir_len;
            const char *dir = es_obj_str_get_data(dirs[i], &dir_len);
            module = find_in_dir(dir, dir_len, name, name_len, full_name);
            if (module != ES_OBJ_NULL) {
                return module;
            }
        }
        module = es_module_get_builtin_alias(full_name);
        if (module == ES_OBJ_FROM_CONST(es_module_sys)) {
            return import_sys(); /* usys */
        }
        if (module != ES_OBJ_NULL) {
            return module;
        }
        raise_not_found(full_name);
    }
    es_map_elem_t *pkg_path = es_map_lookup(&module_globals(parent)->map, ES_OBJ_NEW_QSTR(ES_Q___path__), ES_MAP_LOOKUP);
    if (pkg_path != NULL && es_obj_is_str(pkg_path->value)) {
        size_t dir_len;
        const char *dir = es_obj_str_get_data(pkg_path->value, &dir_len);
        module = find_in_dir(dir, dir_len, name, name_len, full_name);
        if (module != ES_OBJ_NULL) {
            return module;
        }
    }
    raise_not_found(full_name);
}

/* The package a relative import starts from: __name__ of a package, else its parent. */
static void current_package(es_vstr_t *out) {
    es_obj_dict_t *globals = es_globals_get();
    es_map_elem_t *pkg = es_map_lookup(&globals->map, ES_OBJ_NEW_QSTR(ES_Q___package__), ES_MAP_LOOKUP);
    if (pkg != NULL && es_obj_is_str(pkg->value)) {
        size_t len;
        const char *s = es_obj_str_get_data(pkg->value, &len);
        es_vstr_add_strn(out, s, len);
        return;
    }
    es_map_elem_t *name = es_map_lookup(&globals->map, ES_OBJ_NEW_QSTR(ES_Q___name__), ES_MAP_LOOKUP);
    if (name == NULL || !es_obj_is_str(name->value)) {
        return;
    }
    size_t len;
    const char *s = es_obj_str_get_data(name->value, &len);
    es_vstr_add_strn(out, s, len);
    if (es_map_lookup(&globals->map, ES_OBJ_NEW_QSTR(ES_Q___path__), ES_MAP_LOOKUP) == NULL) {
        while (out->len > 0 && out->buf[out->len - 1] != '.') {
            out->len--;
        }
        if (out->len > 0) {
            out->len--;
        }
    }
}

es_obj_t es_import_name(es_qstr_t name, es_obj_t fromlist, es_obj_t level_obj) {
    es_int_t level = level_obj == ES_OBJ_NULL || level_obj == ES_OBJ_NONE ? 0 : es_obj_get_int(level_obj);
    size_t name_len;
    const char *name_str = (const char *)es_qstr_data(name, &name_len);
    es_vstr_t full;
    es_vstr_init(&full, name_len + 16);
    if (level > 0) {
        current_package(&full);
        if (full.len == 0) {
            es_raise_msg(&es_type_ImportError, "attempted relative import with no known parent package");
        }
        for (es_int_t up = 1; up < level; up++) {
            while (full.len > 0 && full.buf[full.len - 1] != '.') {
                full.len--;
            }
            if (full.len == 0) {
                es_raise_msg(&es_type_ImportError, "attempted relative import beyond top-level package");
            }
            full.len--;
        }
        if (name_len > 0) {
            es_vstr_add_byte(&full, '.');
        }
    }
    size_t prefix_len = full.len;
    es_vstr_add_strn(&full, name_str, name_len);
    if (full.len == 0) {
        es_raise_msg(&es_type_ValueError, "Empty module name");
    }

    /* Import each dotted prefix in turn, binding each child as an attribute of its parent. */
    es_obj_t top = ES_OBJ_NULL, parent = ES_OBJ_NULL, module = ES_OBJ_NULL;
    size_t start = 0;
    for (size_t i = 0; i <= full.len; i++) {
        if (i < full.len && full.buf[i] != '.') {
            continue;
        }
        es_qstr_t part_full = es_qstr_from_strn(full.buf, i);
        module = import_one(part_full, parent, full.buf + start, i - start);
        if (parent != ES_OBJ_NULL) {
            es_qstr_t part = es_qstr_from_strn(full.buf + start, i - start);
            es_obj_dict_t *pg = module_globals(parent);
            if (!pg->map.is_fixed) {
                es_obj_dict_store(es_obj_from_ptr(pg), es_obj_new_qstr(part), module);
            }
        }
        if (top == ES_OBJ_NULL && i >= prefix_len) {
            top = module;
        }
        parent = module;
        start = i + 1;
    }
    bool has_fromlist = fromlist != ES_OBJ_NULL && fromlist != ES_OBJ_NONE && es_obj_is_true(fromlist);
    if (has_fromlist || level > 0) {
        return module;
    }
    return top;
}

es_obj_t es_import_from(es_obj_t module, es_qstr_t name) {
    es_obj_t value = es_load_attr_maybe(module, name);
    if (value != ES_OBJ_NULL) {
        return value;
    }
    /* `from pkg import sub` imports the submodule when the package does not define it. */
    if (es_obj_is_type(module, &es_type_module)) {
        es_obj_dict_t *globals = module_globals(module);
        if (es_map_lookup(&globals->map, ES_OBJ_NEW_QSTR(ES_Q___path__), ES_MAP_LOOKUP) != NULL) {
            es_map_elem_t *mod_name = es_map_lookup(&globals->map, ES_OBJ_NEW_QSTR(ES_Q___name__), ES_MAP_LOOKUP);
            if (mod_name != NULL && es_obj_is_str(mod_name->value)) {
                es_vstr_t full;
                es_vstr_init(&full, 32);
                size_t len;
                const char *s = es_obj_str_get_data(mod_name->value, &len);
                es_vstr_add_strn(&full, s, len);
                es_vstr_add_byte(&full, '.');
                es_vstr_add_str(&full, es_qstr_str(name));
                es_qstr_t full_q = es_qstr_from_strn(full.buf, full.len);
                es_nlr_buf_t nlr;
                if (es_nlr_push(&nlr) == 0) {
                    es_obj_t sub = es_import_name(full_q, ES_OBJ_NEW_SMALL_INT(1), ES_OBJ_NEW_SMALL_INT(0));
                    es_nlr_pop();
                    return sub;
                }
                if (!es_obj_exception_match(nlr.ret_val, &es_type_ModuleNotFoundError)) {
                    es_nlr_jump(nlr.ret_val);
                }
            }
        }
    }
    es_obj_t mod_name = es_load_attr_maybe(module, ES_Q___name__);
    if (mod_name != ES_OBJ_NULL) {
        es_raise_msg_varg(&es_type_ImportError, "cannot import name '%q' from '%s'", name,
                          es_obj_is_str(mod_name) ? es_obj_str_get_str(mod_name) : "?");
    }
    es_raise_msg_varg(&es_type_ImportError, "cannot import name '%q'", name);
}

void es_import_all(es_obj_t module) {
    es_obj_t all = es_load_attr_maybe(module, ES_Q___all__);
    if (all != ES_OBJ_NULL) {
        es_obj_t iter = es_getiter(all, NULL);
        for (es_obj_t name; (name = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
            es_qstr_t q = es_obj_str_get_qstr(name);
            es_store_name(q, es_load_attr(module, q));
        }
        return;
    }
    es_map_t *map = &module_globals(module)->map;
    for (size_t i = 0; i < map->used; i++) {
        if (!es_map_slot_is_filled(map, i)) {
            continue;
        }
        es_obj_t key = map->table[i].key;
        size_t len;
        const char *s = es_obj_str_get_data(key, &len);
        if (len > 0 && s[0] != '_') {
            es_store_name(es_obj_str_get_qstr(key), map->table[i].value);
        }
    }
}
