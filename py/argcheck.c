/* argcheck.c: checking and parsing the arguments C functions receive, with CPython's TypeErrors. */

#include "py/runtime.h"

void es_arg_check_num(size_t n_args, size_t n_kw, size_t n_args_min, size_t n_args_max, bool takes_kw) {
    if (n_kw != 0 && !takes_kw) {
        es_raise_msg(&es_type_TypeError, "function doesn't take keyword arguments");
    }
    if (n_args_min == n_args_max && n_args != n_args_min) {
        es_raise_msg_varg(&es_type_TypeError, "function takes %u positional arguments but %u were given",
                          (unsigned)n_args_min, (unsigned)n_args);
    }
    if (n_args < n_args_min) {
        es_raise_msg_varg(&es_type_TypeError, "function missing %u required positional arguments",
                          (unsigned)(n_args_min - n_args));
    }
    if (n_args > n_args_max) {
        es_raise_msg_varg(&es_type_TypeError, "function expected at most %u arguments, got %u", (unsigned)n_args_max,
                          (unsigned)n_args);
    }
}

void es_arg_parse_all(size_t n_pos, const es_obj_t *pos, es_map_t *kws, size_t n_allowed, const es_arg_t *allowed,
                      es_arg_val_t *out_vals) {
    size_t pos_used = 0;
    size_t kws_used = 0;
    for (size_t i = 0; i < n_allowed; i++) {
        es_obj_t given = ES_OBJ_NULL;
        if (i < n_pos && !(allowed[i].flags & ES_ARG_KW_ONLY)) {
            given = pos[i];
            pos_used++;
        } else if (kws != NULL) {
            es_map_elem_t *elem = es_map_lookup(kws, es_obj_new_qstr(allowed[i].qst), ES_MAP_LOOKUP);
            if (elem != NULL) {
                given = elem->value;
                kws_used++;
            }
        }
        if (given == ES_OBJ_NULL) {
            if (allowed[i].flags & ES_ARG_REQUIRED) {
                es_raise_msg_varg(&es_type_TypeError, "function missing required argument '%q' (pos %u)",
                                  (es_qstr_t)allowed[i].qst, (unsigned)(i + 1));
            }
            out_vals[i] = allowed[i].defval;
            continue;
        }
        switch (allowed[i].flags & ES_ARG_KIND_MASK) {
            case ES_ARG_BOOL:
                out_vals[i].u_bool = es_obj_is_true(given);
                break;
            case ES_ARG_INT:
                out_vals[i].u_int = es_obj_get_int(given);
                break;
            default:
                out_vals[i].u_obj = given;
                break;
        }
    }
    if (pos_used < n_pos) {
        es_raise_msg_varg(&es_type_TypeError, "function takes at most %u positional arguments (%u given)",
                          (unsigned)pos_used, (unsigned)n_pos);
    }
    if (kws != NULL && kws_used < kws->count) {
        /* Name the first keyword nobody asked for. */
        for (size_t k = 0; k < kws->used; k++) {
            if (!es_map_slot_is_filled(kws, k)) {
                continue;
            }
            es_obj_t key = kws->table[k].key;
            bool known = false;
            for (size_t i = 0; i < n_allowed && !known; i++) {
                known = es_obj_equal(key, es_obj_new_qstr(allowed[i].qst));
            }
            if (!known) {
                es_raise_msg_varg(&es_type_TypeError, "function got an unexpected keyword argument '%s'",
                                  es_obj_is_str(key) ? es_obj_str_get_str(key) : "?");
            }
        }
        es_raise_msg(&es_type_TypeError, "function got multiple values for an argument");
    }
}

void es_arg_parse_all_kw_array(size_t n_pos, size_t n_kw, const es_obj_t *args, size_t n_allowed,
                               const es_arg_t *allowed, es_arg_val_t *out_vals) {
    es_map_t kw_map;
    es_map_init_fixed_table(&kw_map, n_kw, (const es_map_elem_t *)(args + n_pos));
    es_arg_parse_all(n_pos, args, &kw_map, n_allowed, allowed, out_vals);
}
