/* modcollections.c: the collections module: namedtuple, OrderedDict, defaultdict and deque. */

#include <string.h>

#include "py/runtime.h"
#include "py/sequence.h"

/* ======================================================================================
** namedtuple: each call makes a heap type whose instances are tuples (es_obj_tuple_t with
** that type in their header), so every tuple operation works on them unchanged.
** ====================================================================================== */

typedef struct namedtuple_type_t {
    es_type_t base;
    es_obj_t fields;   /* tuple of str */
    es_obj_t defaults; /* tuple, applied to the last fields */
} namedtuple_type_t;

static es_obj_t namedtuple_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args);

static bool is_namedtuple(es_obj_t o) {
    return es_obj_is_ptr(o) && ((const es_obj_base_t *)o)->type->make_new == namedtuple_make_new;
}

static const es_obj_tuple_t *nt_fields(const es_type_t *type) {
    return es_obj_to_ptr(((const namedtuple_type_t *)type)->fields);
}

static es_obj_t namedtuple_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    const namedtuple_type_t *nt = (const namedtuple_type_t *)type;
    const es_obj_tuple_t *fields = nt_fields(type);
    const es_obj_tuple_t *defaults = es_obj_to_ptr(nt->defaults);
    size_t n = fields->len;
    if (n_args > n) {
        es_raise_msg_varg(&es_type_TypeError, "%q.__new__() takes %u positional arguments but %u were given",
                          (es_qstr_t)type->name, (unsigned)(n + 1), (unsigned)(n_args + 1));
    }
    es_obj_t tuple = es_obj_new_tuple(n, NULL);
    es_obj_tuple_t *t = es_obj_to_ptr(tuple);
    for (size_t i = 0; i < n_args; i++) {
        t->items[i] = args[i];
    }
    for (size_t k = 0; k < n_kw; k++) {
        es_obj_t key = args[n_args + 2 * k];
        size_t i = 0;
        while (i < n && !es_obj_equal(fields->items[i], key)) {
            i++;
        }
        if (i == n) {
            es_raise_msg_varg(&es_type_TypeError, "%q.__new__() got an unexpected keyword argument '%s'",
                              (es_qstr_t)type->name, es_obj_str_get_str(key));
        }
        if (t->items[i] != ES_OBJ_NULL) {
            es_raise_msg_varg(&es_type_TypeError, "%q.__new__() got multiple values for argument '%s'",
                              (es_qstr_t)type->name, es_obj_str_get_str(key));
        }
        t->items[i] = args[n_args + 2 * k + 1];
    }
    size_t first_default = n - defaults->len;
    for (size_t i = 0; i < n; i++) {
        if (t->items[i] == ES_OBJ_NULL) {
            if (i >= first_default) {
                t->items[i] = defaults->items[i - first_default];
            } else {
                es_raise_msg_varg(&es_type_TypeError, "%q.__new__() missing required argument: '%s'",
                                  (es_qstr_t)type->name, es_obj_str_get_str(fields->items[i]));
            }
        }
    }
    t->base.type = type;
    return tuple;
}

static void namedtuple_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_obj_tuple_t *t = es_obj_to_ptr(self);
    const es_obj_tuple_t *fields = nt_fields(t->base.type);
    es_printf(print, "%q(", (es_qstr_t)t->base.type->name);
    for (size_t i = 0; i < t->len; i++) {
        es_printf(print, i == 0 ? "%s=%R" : ", %s=%R", es_obj_str_get_str(fields->items[i]), t->items[i]);
    }
    es_print_str(print, ")");
}

static void namedtuple_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    const es_obj_tuple_t *t = es_obj_to_ptr(self);
    const es_obj_tuple_t *fields = nt_fields(t->base.type);
    es_obj_t name = es_obj_new_qstr(attr);
    for (size_t i = 0; i < fields->len; i++) {
        if (es_obj_equal(fields->items[i], name)) {
            if (dest[0] == ES_OBJ_NULL) {
                dest[0] = t->items[i];
            } else {
                es_raise_msg(&es_type_AttributeError, "can't set attribute");
            }
            return;
        }
    }
}

static es_obj_t plain_tuple(es_obj_t o) {
    if (is_namedtuple(o)) {
        const es_obj_tuple_t *t = es_obj_to_ptr(o);
        return es_obj_new_tuple(t->len, t->items);
    }
    return o;
}

static es_obj_t namedtuple_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    return es_type_tuple.binary_op(op, plain_tuple(lhs), plain_tuple(rhs));
}

static es_obj_t namedtuple_asdict(es_obj_t self) {
    const es_obj_tuple_t *t = es_obj_to_ptr(self);
    const es_obj_tuple_t *fields = nt_fields(t->base.type);
    es_obj_t dict = es_obj_new_dict(t->len);
    for (size_t i = 0; i < t->len; i++) {
        es_obj_dict_store(dict, fields->items[i], t->items[i]);
    }
    return dict;
}
static ES_DEFINE_FUN_1(namedtuple_asdict_obj, ES_Q__asdict, namedtuple_asdict);

static es_obj_t namedtuple_replace(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    if (n_args != 1) {
        es_raise_msg(&es_type_TypeError, "_replace() takes keyword arguments only");
    }
    const es_obj_tuple_t *t = es_obj_to_ptr(args[0]);
    const es_obj_tuple_t *fields = nt_fields(t->base.type);
    es_obj_t result = es_obj_new_tuple(t->len, t->items);
    es_obj_tuple_t *r = es_obj_to_ptr(result);
    r->base.type = t->base.type;
    size_t used = 0;
    for (size_t i = 0; i < fields->len; i++) {
        es_map_elem_t *e = es_map_lookup(kw_args, fields->items[i], ES_MAP_LOOKUP);
        if (e != NULL) {
            r->items[i] = e->value;
            used++;
        }
    }
    if (used != kw_args->count) {
        es_raise_msg(&es_type_ValueError, "Got unexpected field names");
    }
    return result;
}
static ES_DEFINE_FUN_KW(namedtuple_replace_obj, ES_Q__replace, 1, namedtuple_replace);

static es_obj_t namedtuple_make(es_obj_t cls, es_obj_t iterable) {
    es_obj_t items = es_obj_new_tuple_from_iter(iterable);
    const es_obj_tuple_t *t = es_obj_to_ptr(items);
    const es_type_t *type = es_obj_to_ptr(cls);
    return namedtuple_make_new(type, t->len, 0, t->items);
}
static ES_DEFINE_FUN_2(namedtuple_make_obj, ES_Q__make, namedtuple_make);

static bool is_identifier(const char *s, size_t len) {
    if (len == 0) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)s[i];
        bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || (i > 0 && c >= '0' && c <= '9');
        if (!ok) {
            return false;
        }
    }
    return true;
}

static bool is_keyword(const char *s, size_t len) {
    static const char keywords[] =
        " False None True and as assert async await break class continue def del elif else except finally"
        " for from global if import in is lambda nonlocal not or pass raise return try while with yield ";
    for (const char *k = strstr(keywords, " "); k != NULL && k[1] != 0; k = strchr(k + 1, ' ')) {
        const char *word = k + 1;
        const char *end = strchr(word, ' ');
        if ((size_t)(end - word) == len && memcmp(word, s, len) == 0) {
            return true;
        }
    }
    return false;
}

/* field_names: a sequence of str, or one str of names separated by commas and/or spaces. */
static es_obj_t parse_field_names(es_obj_t names_in) {
    es_obj_t list = es_obj_new_list(0, NULL);
    if (es_obj_is_str(names_in)) {
        size_t len;
        const char *s = es_obj_str_get_data(names_in, &len);
        size_t i = 0;
        while (i < len) {
            while (i < len && (s[i] == ',' || s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) {
                i++;
            }
            size_t start = i;
            while (i < len && !(s[i] == ',' || s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) {
                i++;
            }
            if (i > start) {
                es_obj_list_append(list, es_obj_new_str(s + start, i - start));
            }
        }
    } else {
        es_obj_t iter = es_getiter(names_in, NULL);
        for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
            if (!es_obj_is_str(item)) {
                es_raise_msg(&es_type_TypeError, "Type names and field names must be strings");
            }
            es_obj_list_append(list, item);
        }
    }
    return list;
}

static es_obj_t collections_namedtuple(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    enum { ARG_typename, ARG_field_names, ARG_rename, ARG_defaults, ARG_module };
    static const es_arg_t allowed[] = {
        {ES_Q_typename, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_field_names, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_rename, ES_ARG_BOOL | ES_ARG_KW_ONLY, {.u_bool = false}},
        {ES_Q_defaults, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_module, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NONE}},
    };
    es_arg_val_t vals[5];
    es_arg_parse_all(n_args, args, kw_args, 5, allowed, vals);
    es_qstr_t name = es_obj_str_get_qstr(vals[ARG_typename].u_obj);
    size_t name_len;
    const char *name_str = es_obj_str_get_data(vals[ARG_typename].u_obj, &name_len);
    if (!is_identifier(name_str, name_len)) {
        es_raise_msg_varg(&es_type_ValueError, "Type names and field names must be valid identifiers: '%s'", name_str);
    }
    es_obj_t list = parse_field_names(vals[ARG_field_names].u_obj);
    size_t n;
    es_obj_t *names;
    es_obj_get_array(list, &n, &names);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = es_obj_str_get_data(names[i], &len);
        bool bad = !is_identifier(s, len) || s[0] == '_' || is_keyword(s, len);
        for (size_t j = 0; j < i && !bad; j++) {
            bad = es_obj_equal(names[i], names[j]);
        }
        if (bad && vals[ARG_rename].u_bool) {
            es_vstr_t vstr;
            es_vstr_init(&vstr, 8);
            es_vstr_printf(&vstr, "_%u", (unsigned)i);
            names[i] = es_obj_new_str_from_vstr(&es_type_str, &vstr);
            continue;
        }
        if (!is_identifier(s, len)) {
            es_raise_msg_varg(&es_type_ValueError, "Type names and field names must be valid identifiers: '%s'", s);
        }
        if (is_keyword(s, len)) {
            es_raise_msg_varg(&es_type_ValueError, "Type names and field names cannot be a keyword: '%s'", s);
        }
        if (s[0] == '_') {
            es_raise_msg_varg(&es_type_ValueError, "Field names cannot start with an underscore: '%s'", s);
        }
        for (size_t j = 0; j < i; j++) {
            if (es_obj_equal(names[i], names[j])) {
                es_raise_msg_varg(&es_type_ValueError, "Encountered duplicate field name: '%s'", s);
            }
        }
    }
    es_obj_t defaults = ES_OBJ_EMPTY_TUPLE;
    if (vals[ARG_defaults].u_obj != ES_OBJ_NONE) {
        defaults = es_obj_new_tuple_from_iter(vals[ARG_defaults].u_obj);
        if (((es_obj_tuple_t *)es_obj_to_ptr(defaults))->len > n) {
            es_raise_msg(&es_type_TypeError, "Got more default values than field names");
        }
    }

    es_obj_t locals = es_obj_new_dict(5);
    es_obj_t fields = es_obj_new_tuple(n, names);
    es_obj_dict_store(locals, es_obj_new_qstr(ES_Q__fields), fields);
    es_obj_dict_store(locals, es_obj_new_qstr(ES_Q__asdict), ES_OBJ_FROM_CONST(namedtuple_asdict_obj));
    es_obj_dict_store(locals, es_obj_new_qstr(ES_Q__replace), ES_OBJ_FROM_CONST(namedtuple_replace_obj));
    es_obj_static_class_method_t *make = es_new(es_obj_static_class_method_t);
    make->base.type = &es_type_classmethod;
    make->fun = ES_OBJ_FROM_CONST(namedtuple_make_obj);
    es_obj_dict_store(locals, es_obj_new_qstr(ES_Q__make), es_obj_from_ptr(make));

    namedtuple_type_t *nt = es_new(namedtuple_type_t);
    es_type_t *t = &nt->base;
    t->base.type = &es_type_type;
    t->flags = es_type_tuple.flags;
    t->name = (uint16_t)name;
    t->print = namedtuple_print;
    t->make_new = namedtuple_make_new;
    t->unary_op = es_type_tuple.unary_op;
    t->binary_op = namedtuple_binary_op;
    t->attr = namedtuple_attr;
    t->subscr = es_type_tuple.subscr;
    t->getiter = es_type_tuple.getiter;
    t->iternext = es_type_tuple.iternext;
    t->parent = &es_type_tuple;
    t->locals_dict = es_obj_to_ptr(locals);
    nt->fields = fields;
    nt->defaults = defaults;
    return es_obj_from_ptr(nt);
}
static ES_DEFINE_FUN_KW(collections_namedtuple_obj, ES_Q_namedtuple, 2, collections_namedtuple);

/* ======================================================================================
** OrderedDict and defaultdict wrap a real dict and forward to it every method they do not
** define themselves, so the dict implementation stays the only one.
** ====================================================================================== */

typedef struct mapping_obj_t {
    es_obj_base_t base;
    es_obj_t dict;
    es_obj_t default_factory; /* defaultdict only */
} mapping_obj_t;

static const es_type_t ordereddict_type;
static const es_type_t defaultdict_type;

static mapping_obj_t *mapping_of(es_obj_t self) {
    return es_obj_to_ptr(self);
}

static es_obj_t inner_dict(es_obj_t o) {
    if (es_obj_is_type(o, &ordereddict_type) || es_obj_is_type(o, &defaultdict_type)) {
        return mapping_of(o)->dict;
    }
    return o;
}

static es_obj_t mapping_new(const es_type_t *type, es_obj_t dict) {
    mapping_obj_t *m = es_new(mapping_obj_t);
    m->base.type = type;
    m->dict = dict;
    m->default_factory = ES_OBJ_NONE;
    return es_obj_from_ptr(m);
}

static es_obj_t ordereddict_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_obj_t dict = es_call_function_n_kw(ES_OBJ_FROM_CONST(es_type_dict), n_args, n_kw, args);
    return mapping_new(type, dict);
}

static es_obj_t defaultdict_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_obj_t factory = ES_OBJ_NONE;
    if (n_args > 0) {
        factory = args[0];
        if (factory != ES_OBJ_NONE && !es_obj_is_callable(factory)) {
            es_raise_msg(&es_type_TypeError, "first argument must be callable or None");
        }
        n_args--;
        args++;
    }
    es_obj_t dict = es_call_function_n_kw(ES_OBJ_FROM_CONST(es_type_dict), n_args, n_kw, args);
    es_obj_t self = mapping_new(type, dict);
    mapping_of(self)->default_factory = factory;
    return self;
}

static void dict_items_print(const es_print_t *print, es_obj_t dict) {
    es_map_t *map = es_obj_dict_get_map(dict);
    bool first = true;
    es_print_str(print, "[");
    for (size_t i = 0; i < map->used; i++) {
        if (es_map_slot_is_filled(map, i)) {
            es_printf(print, first ? "(%R, %R)" : ", (%R, %R)", map->table[i].key, map->table[i].value);
            first = false;
        }
    }
    es_print_str(print, "]");
}

static void ordereddict_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_obj_t dict = mapping_of(self)->dict;
    es_print_str(print, "OrderedDict(");
    if (es_obj_dict_get_map(dict)->count > 0) {
        dict_items_print(print, dict);
    }
    es_print_str(print, ")");
}

static void defaultdict_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    mapping_obj_t *m = mapping_of(self);
    es_printf(print, "defaultdict(%R, %R)", m->default_factory, m->dict);
}

static es_obj_t mapping_unary_op(es_unary_op_t op, es_obj_t self) {
    if (op == ES_UNARY_OP_HASH) {
        es_raise_msg_varg(&es_type_TypeError, "unhashable type: '%s'", es_obj_type_name(self));
    }
    return es_unary_op(op, mapping_of(self)->dict);
}

static es_obj_t mapping_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    es_obj_t a = mapping_of(lhs)->dict;
    es_obj_t b = inner_dict(rhs);
    if (op == ES_BINARY_OP_EQUAL && es_obj_is_type(lhs, &ordereddict_type) && es_obj_is_type(rhs, &ordereddict_type)) {
        /* Two OrderedDicts are equal only with the same order. */
        es_map_t *ma = es_obj_dict_get_map(a);
        es_map_t *mb = es_obj_dict_get_map(b);
        if (ma->count != mb->count) {
            return ES_OBJ_FALSE;
        }
        size_t j = 0;
        for (size_t i = 0; i < ma->used; i++) {
            if (!es_map_slot_is_filled(ma, i)) {
                continue;
            }
            while (!es_map_slot_is_filled(mb, j)) {
                j++;
            }
            if (!es_obj_equal(ma->table[i].key, mb->table[j].key) || !es_obj_equal(ma->table[i].value, mb->table[j].value)) {
                return ES_OBJ_FALSE;
            }
            j++;
        }
        return ES_OBJ_TRUE;
    }
    if (op == ES_BINARY_OP_IN || op == ES_BINARY_OP_EQUAL || op == ES_BINARY_OP_NOT_EQUAL) {
        return es_binary_op(op, a, b);
    }
    return ES_OBJ_NULL;
}

static es_obj_t mapping_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    mapping_obj_t *m = mapping_of(self);
    if (value == ES_OBJ_SENTINEL && m->base.type == &defaultdict_type) {
        es_obj_t found = es_obj_dict_get(m->dict, index);
        if (found != ES_OBJ_NULL) {
            return found;
        }
        if (m->default_factory == ES_OBJ_NONE) {
            es_raise_key_error(index);
        }
        es_obj_t made = es_call_function_0(m->default_factory);
        es_obj_dict_store(m->dict, index, made);
        return made;
    }
    return es_obj_subscr(m->dict, index, value);
}

static es_obj_t mapping_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    return es_getiter(mapping_of(self)->dict, iter_buf);
}

/* Methods the wrapper defines itself are found in its locals; everything else is the dict's. */
static void mapping_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    mapping_obj_t *m = mapping_of(self);
    if (attr == ES_Q_default_factory && m->base.type == &defaultdict_type) {
        if (dest[0] == ES_OBJ_NULL) {
            dest[0] = m->default_factory;
        } else if (dest[0] == ES_OBJ_SENTINEL && dest[1] != ES_OBJ_NULL) {
            m->default_factory = dest[1];
            dest[0] = ES_OBJ_NULL;
        }
        return;
    }
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    if (es_type_lookup(m->base.type, attr) != ES_OBJ_NULL && attr != ES_Q___class__) {
        return;
    }
    es_load_method_maybe(m->dict, attr, dest);
}

static es_obj_t mapping_copy(es_obj_t self) {
    mapping_obj_t *m = mapping_of(self);
    es_obj_t copy = mapping_new(m->base.type, es_obj_dict_copy(m->dict));
    mapping_of(copy)->default_factory = m->default_factory;
    return copy;
}
static ES_DEFINE_FUN_1(mapping_copy_obj, ES_Q_copy, mapping_copy);

static es_obj_t ordereddict_popitem(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_self, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_last, ES_ARG_BOOL, {.u_bool = true}},
    };
    es_arg_val_t vals[2];
    es_arg_parse_all(n_args, args, kw_args, 2, allowed, vals);
    es_map_t *map = es_obj_dict_get_map(mapping_of(vals[0].u_obj)->dict);
    if (map->count == 0) {
        es_raise_msg(&es_type_KeyError, "dictionary is empty");
    }
    size_t pos = 0;
    if (vals[1].u_bool) {
        for (pos = map->used; pos-- > 0 && !es_map_slot_is_filled(map, pos);) {
        }
    } else {
        while (!es_map_slot_is_filled(map, pos)) {
            pos++;
        }
    }
    es_obj_t pair[2] = {map->table[pos].key, map->table[pos].value};
    es_map_lookup(map, pair[0], ES_MAP_LOOKUP_REMOVE_IF_FOUND);
    return es_obj_new_tuple(2, pair);
}
static ES_DEFINE_FUN_KW(ordereddict_popitem_obj, ES_Q_popitem, 1, ordereddict_popitem);

static es_obj_t ordereddict_move_to_end(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    static const es_arg_t allowed[] = {
        {ES_Q_self, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_key, ES_ARG_OBJ | ES_ARG_REQUIRED, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_last, ES_ARG_BOOL, {.u_bool = true}},
    };
    es_arg_val_t vals[3];
    es_arg_parse_all(n_args, args, kw_args, 3, allowed, vals);
    mapping_obj_t *m = mapping_of(vals[0].u_obj);
    es_obj_t key = vals[1].u_obj;
    es_obj_t value = es_obj_dict_get(m->dict, key);
    if (value == ES_OBJ_NULL) {
        es_raise_key_error(key);
    }
    if (vals[2].u_bool) {
        es_obj_dict_delete(m->dict, key);
        es_obj_dict_store(m->dict, key, value);
        return ES_OBJ_NONE;
    }
    /* To the front: rebuild with the key first; the wrapper owns its dict, so it can swap it. */
    es_map_t *map = es_obj_dict_get_map(m->dict);
    es_obj_t fresh = es_obj_new_dict(map->count);
    es_obj_dict_store(fresh, key, value);
    for (size_t i = 0; i < map->used; i++) {
        if (es_map_slot_is_filled(map, i)) {
            es_obj_dict_store(fresh, map->table[i].key, map->table[i].value);
        }
    }
    m->dict = fresh;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(ordereddict_move_to_end_obj, ES_Q_move_to_end, 2, ordereddict_move_to_end);

static const es_map_elem_t ordereddict_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_popitem), ES_OBJ_FROM_CONST(ordereddict_popitem_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_move_to_end), ES_OBJ_FROM_CONST(ordereddict_move_to_end_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_copy), ES_OBJ_FROM_CONST(mapping_copy_obj)},
};
static ES_DEFINE_CONST_DICT(ordereddict_locals_dict, ordereddict_locals_table);

static const es_type_t ordereddict_type = {
    .base = {&es_type_type},
    .name = ES_Q_OrderedDict,
    .print = ordereddict_print,
    .make_new = ordereddict_make_new,
    .unary_op = mapping_unary_op,
    .binary_op = mapping_binary_op,
    .attr = mapping_attr,
    .subscr = mapping_subscr,
    .getiter = mapping_getiter,
    .locals_dict = (es_obj_dict_t *)&ordereddict_locals_dict,
};

static es_obj_t defaultdict_missing(es_obj_t self, es_obj_t key) {
    return mapping_subscr(self, key, ES_OBJ_SENTINEL);
}
static ES_DEFINE_FUN_2(defaultdict_missing_obj, ES_Q___missing__, defaultdict_missing);

static const es_map_elem_t defaultdict_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_copy), ES_OBJ_FROM_CONST(mapping_copy_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___missing__), ES_OBJ_FROM_CONST(defaultdict_missing_obj)},
};
static ES_DEFINE_CONST_DICT(defaultdict_locals_dict, defaultdict_locals_table);

static const es_type_t defaultdict_type = {
    .base = {&es_type_type},
    .name = ES_Q_defaultdict,
    .print = defaultdict_print,
    .make_new = defaultdict_make_new,
    .unary_op = mapping_unary_op,
    .binary_op = mapping_binary_op,
    .attr = mapping_attr,
    .subscr = mapping_subscr,
    .getiter = mapping_getiter,
    .locals_dict = (es_obj_dict_t *)&defaultdict_locals_dict,
};

/* ======================================================================================
** deque: a ring buffer that grows by doubling; with maxlen, adding to a full deque drops
** an item from the other end.
** ====================================================================================== */

typedef struct deque_obj_t {
    es_obj_base_t base;
    es_obj_t *items;
    size_t alloc; /* a power of two, or 0 */
    size_t head;  /* position of the first item */
    size_t len;
    es_int_t maxlen; /* -1: unbounded */
    size_t mutations; /* changes since creation, so iterators notice */
} deque_obj_t;

static const es_type_t deque_type;

static deque_obj_t *deque_of(es_obj_t self) {
    return es_obj_to_ptr(self);
}

static es_obj_t *deque_slot(deque_obj_t *d, size_t i) {
    return &d->items[(d->head + i) & (d->alloc - 1)];
}

static void deque_grow(deque_obj_t *d) {
    size_t alloc = d->alloc == 0 ? 8 : d->alloc * 2;
    es_obj_t *items = es_alloc(alloc * sizeof(es_obj_t));
    for (size_t i = 0; i < d->len; i++) {
        items[i] = *deque_slot(d, i);
    }
    if (d->items != NULL) {
        es_free(d->items);
    }
    d->items = items;
    d->alloc = alloc;
    d->head = 0;
}

static es_obj_t deque_pop_right(deque_obj_t *d) {
    if (d->len == 0) {
        es_raise_msg(&es_type_IndexError, "pop from an empty deque");
    }
    es_obj_t *slot = deque_slot(d, d->len - 1);
    es_obj_t item = *slot;
    *slot = ES_OBJ_NULL;
    d->len--;
    d->mutations++;
    return item;
}

static es_obj_t deque_pop_left(deque_obj_t *d) {
    if (d->len == 0) {
        es_raise_msg(&es_type_IndexError, "pop from an empty deque");
    }
    es_obj_t *slot = deque_slot(d, 0);
    es_obj_t item = *slot;
    *slot = ES_OBJ_NULL;
    d->head = (d->head + 1) & (d->alloc - 1);
    d->len--;
    d->mutations++;
    return item;
}

static void deque_push_right(deque_obj_t *d, es_obj_t item) {
    if (d->maxlen == 0) {
        return;
    }
    if (d->maxlen > 0 && d->len == (size_t)d->maxlen) {
        deque_pop_left(d);
    }
    if (d->len == d->alloc) {
        deque_grow(d);
    }
    d->len++;
    *deque_slot(d, d->len - 1) = item;
    d->mutations++;
}

static void deque_push_left(deque_obj_t *d, es_obj_t item) {
    if (d->maxlen == 0) {
        return;
    }
    if (d->maxlen > 0 && d->len == (size_t)d->maxlen) {
        deque_pop_right(d);
    }
    if (d->len == d->alloc) {
        deque_grow(d);
    }
    d->head = (d->head - 1) & (d->alloc - 1);
    d->len++;
    *deque_slot(d, 0) = item;
    d->mutations++;
}

static void deque_extend_from(deque_obj_t *d, es_obj_t iterable, bool left) {
    if (es_obj_from_ptr(d) == iterable) {
        iterable = es_obj_new_list_from_iter(iterable);
    }
    es_obj_t iter = es_getiter(iterable, NULL);
    for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        if (left) {
            deque_push_left(d, item);
        } else {
            deque_push_right(d, item);
        }
    }
}

static es_obj_t deque_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    static const es_arg_t allowed[] = {
        {ES_Q_iterable, ES_ARG_OBJ, {.u_obj = ES_OBJ_NULL}},
        {ES_Q_maxlen, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_flags, ES_ARG_INT, {.u_int = 0}},
    };
    es_arg_val_t vals[3];
    es_arg_parse_all_kw_array(n_args, n_kw, args, 3, allowed, vals);
    deque_obj_t *d = es_new(deque_obj_t);
    d->base.type = type;
    d->maxlen = -1;
    if (vals[1].u_obj != ES_OBJ_NONE) {
        d->maxlen = es_obj_get_int(vals[1].u_obj);
        if (d->maxlen < 0) {
            es_raise_msg(&es_type_ValueError, "maxlen must be non-negative");
        }
    }
    if (vals[0].u_obj != ES_OBJ_NULL) {
        deque_extend_from(d, vals[0].u_obj, false);
    }
    return es_obj_from_ptr(d);
}

static void deque_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    deque_obj_t *d = deque_of(self);
    es_print_str(print, "deque([");
    for (size_t i = 0; i < d->len; i++) {
        if (i > 0) {
            es_print_str(print, ", ");
        }
        es_obj_print_helper(print, *deque_slot(d, i), ES_PRINT_REPR);
    }
    es_print_str(print, "]");
    if (d->maxlen >= 0) {
        es_printf(print, ", maxlen=%d", (int)d->maxlen);
    }
    es_print_str(print, ")");
}

static es_obj_t deque_unary_op(es_unary_op_t op, es_obj_t self) {
    deque_obj_t *d = deque_of(self);
    switch (op) {
        case ES_UNARY_OP_BOOL:
            return es_obj_new_bool(d->len != 0);
        case ES_UNARY_OP_LEN:
            return es_obj_new_small_int((es_int_t)d->len);
        case ES_UNARY_OP_HASH:
            es_raise_msg(&es_type_TypeError, "unhashable type: 'deque'");
        default:
            return ES_OBJ_NULL;
    }
}

static es_obj_t deque_copy(es_obj_t self);

static es_obj_t deque_as_list(deque_obj_t *d) {
    es_obj_t list = es_obj_new_list(d->len, NULL);
    es_obj_list_t *l = es_obj_to_ptr(list);
    for (size_t i = 0; i < d->len; i++) {
        l->items[i] = *deque_slot(d, i);
    }
    return list;
}

static es_obj_t deque_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    deque_obj_t *d = deque_of(lhs);
    switch (op) {
        case ES_BINARY_OP_IN:
            for (size_t i = 0; i < d->len; i++) {
                if (es_obj_equal(*deque_slot(d, i), rhs)) {
                    return ES_OBJ_TRUE;
                }
            }
            return ES_OBJ_FALSE;
        case ES_BINARY_OP_EQUAL:
        case ES_BINARY_OP_NOT_EQUAL:
        case ES_BINARY_OP_LESS:
        case ES_BINARY_OP_LESS_EQUAL:
        case ES_BINARY_OP_MORE:
        case ES_BINARY_OP_MORE_EQUAL:
            if (!es_obj_is_type(rhs, &deque_type)) {
                return ES_OBJ_NULL;
            }
            return es_binary_op(op, deque_as_list(d), deque_as_list(deque_of(rhs)));
        case ES_BINARY_OP_INPLACE_ADD:
            deque_extend_from(d, rhs, false);
            return lhs;
        case ES_BINARY_OP_ADD: {
            if (!es_obj_is_type(rhs, &deque_type)) {
                return ES_OBJ_NULL;
            }
            es_obj_t result = deque_copy(lhs);
            deque_extend_from(deque_of(result), rhs, false);
            return result;
        }
        default:
            return ES_OBJ_NULL;
    }
}

static es_obj_t deque_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    index = es_seq_plain_index(index);
    deque_obj_t *d = deque_of(self);
    size_t i = es_seq_get_index(&deque_type, d->len, index, "deque index out of range");
    if (value == ES_OBJ_SENTINEL) {
        return *deque_slot(d, i);
    }
    if (value == ES_OBJ_NULL) {
        /* del d[i]: shift the items after i one place left */
        for (size_t k = i; k + 1 < d->len; k++) {
            *deque_slot(d, k) = *deque_slot(d, k + 1);
        }
        deque_pop_right(d);
        return ES_OBJ_NONE;
    }
    *deque_slot(d, i) = value;
    return ES_OBJ_NONE;
}

typedef struct deque_iter_t {
    es_obj_base_t base;
    es_obj_t deque;
    size_t index;
    size_t mutations;
} deque_iter_t;

static es_obj_t deque_iter_next(es_obj_t self_in) {
    deque_iter_t *it = es_obj_to_ptr(self_in);
    deque_obj_t *d = deque_of(it->deque);
    if (d->mutations != it->mutations) {
        es_raise_msg(&es_type_RuntimeError, "deque mutated during iteration");
    }
    if (it->index >= d->len) {
        return ES_OBJ_STOP_ITERATION;
    }
    return *deque_slot(d, it->index++);
}

static es_obj_t iter_self(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

static const es_type_t deque_iter_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q__deque_iterator,
    .getiter = iter_self,
    .iternext = deque_iter_next,
};

static es_obj_t deque_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_STATIC_ASSERT_ITER_BUF_FITS(deque_iter_t);
    deque_iter_t *it = iter_buf != NULL ? (deque_iter_t *)iter_buf : es_new(deque_iter_t);
    it->base.type = &deque_iter_type;
    it->deque = self;
    it->index = 0;
    it->mutations = deque_of(self)->mutations;
    return es_obj_from_ptr(it);
}

static es_obj_t deque_append(es_obj_t self, es_obj_t item) {
    deque_push_right(deque_of(self), item);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(deque_append_obj, ES_Q_append, deque_append);

static es_obj_t deque_appendleft(es_obj_t self, es_obj_t item) {
    deque_push_left(deque_of(self), item);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(deque_appendleft_obj, ES_Q_appendleft, deque_appendleft);

static es_obj_t deque_pop(es_obj_t self) {
    return deque_pop_right(deque_of(self));
}
static ES_DEFINE_FUN_1(deque_pop_obj, ES_Q_pop, deque_pop);

static es_obj_t deque_popleft(es_obj_t self) {
    return deque_pop_left(deque_of(self));
}
static ES_DEFINE_FUN_1(deque_popleft_obj, ES_Q_popleft, deque_popleft);

static es_obj_t deque_extend(es_obj_t self, es_obj_t iterable) {
    deque_extend_from(deque_of(self), iterable, false);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(deque_extend_obj, ES_Q_extend, deque_extend);

static es_obj_t deque_extendleft(es_obj_t self, es_obj_t iterable) {
    deque_extend_from(deque_of(self), iterable, true);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(deque_extendleft_obj, ES_Q_extendleft, deque_extendleft);

static es_obj_t deque_clear(es_obj_t self) {
    deque_obj_t *d = deque_of(self);
    while (d->len > 0) {
        deque_pop_right(d);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(deque_clear_obj, ES_Q_clear, deque_clear);

static es_obj_t deque_rotate(size_t n_args, const es_obj_t *args) {
    deque_obj_t *d = deque_of(args[0]);
    es_int_t n = n_args > 1 ? es_obj_get_int(args[1]) : 1;
    if (d->len <= 1) {
        return ES_OBJ_NONE;
    }
    es_int_t len = (es_int_t)d->len;
    n %= len;
    if (n < 0) {
        n += len;
    }
    for (es_int_t k = 0; k < n; k++) {
        es_obj_t item = deque_pop_right(d);
        deque_push_left(d, item);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(deque_rotate_obj, ES_Q_rotate, 1, 2, deque_rotate);

static es_obj_t deque_count(es_obj_t self, es_obj_t value) {
    deque_obj_t *d = deque_of(self);
    es_int_t n = 0;
    for (size_t i = 0; i < d->len; i++) {
        n += es_obj_equal(*deque_slot(d, i), value);
    }
    return es_obj_new_small_int(n);
}
static ES_DEFINE_FUN_2(deque_count_obj, ES_Q_count, deque_count);

static es_obj_t deque_remove(es_obj_t self, es_obj_t value) {
    deque_obj_t *d = deque_of(self);
    for (size_t i = 0; i < d->len; i++) {
        if (es_obj_equal(*deque_slot(d, i), value)) {
            deque_subscr(self, es_obj_new_small_int((es_int_t)i), ES_OBJ_NULL);
            return ES_OBJ_NONE;
        }
    }
    es_raise_msg(&es_type_ValueError, "deque.remove(x): x not in deque");
}
static ES_DEFINE_FUN_2(deque_remove_obj, ES_Q_remove, deque_remove);

static es_obj_t deque_copy(es_obj_t self) {
    deque_obj_t *d = deque_of(self);
    deque_obj_t *c = es_new(deque_obj_t);
    c->base.type = d->base.type;
    c->maxlen = d->maxlen;
    for (size_t i = 0; i < d->len; i++) {
        deque_push_right(c, *deque_slot(d, i));
    }
    return es_obj_from_ptr(c);
}
static ES_DEFINE_FUN_1(deque_copy_obj, ES_Q_copy, deque_copy);

static es_obj_t deque_reverse(es_obj_t self) {
    deque_obj_t *d = deque_of(self);
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        es_obj_t tmp = *deque_slot(d, i);
        *deque_slot(d, i) = *deque_slot(d, j - 1);
        *deque_slot(d, j - 1) = tmp;
    }
    d->mutations++;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(deque_reverse_obj, ES_Q_reverse, deque_reverse);

static void deque_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] == ES_OBJ_NULL && attr == ES_Q_maxlen) {
        deque_obj_t *d = deque_of(self);
        dest[0] = d->maxlen < 0 ? ES_OBJ_NONE : es_obj_new_small_int(d->maxlen);
    }
}

static const es_map_elem_t deque_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_append), ES_OBJ_FROM_CONST(deque_append_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_appendleft), ES_OBJ_FROM_CONST(deque_appendleft_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pop), ES_OBJ_FROM_CONST(deque_pop_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_popleft), ES_OBJ_FROM_CONST(deque_popleft_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_extend), ES_OBJ_FROM_CONST(deque_extend_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_extendleft), ES_OBJ_FROM_CONST(deque_extendleft_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_clear), ES_OBJ_FROM_CONST(deque_clear_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_rotate), ES_OBJ_FROM_CONST(deque_rotate_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_count), ES_OBJ_FROM_CONST(deque_count_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_remove), ES_OBJ_FROM_CONST(deque_remove_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_copy), ES_OBJ_FROM_CONST(deque_copy_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_reverse), ES_OBJ_FROM_CONST(deque_reverse_obj)},
};
static ES_DEFINE_CONST_DICT(deque_locals_dict, deque_locals_table);

static const es_type_t deque_type = {
    .base = {&es_type_type},
    .name = ES_Q_deque,
    .print = deque_print,
    .make_new = deque_make_new,
    .unary_op = deque_unary_op,
    .binary_op = deque_binary_op,
    .attr = deque_attr,
    .subscr = deque_subscr,
    .getiter = deque_getiter,
    .locals_dict = (es_obj_dict_t *)&deque_locals_dict,
};

static const es_map_elem_t collections_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_collections)},
    {ES_OBJ_NEW_QSTR(ES_Q_namedtuple), ES_OBJ_FROM_CONST(collections_namedtuple_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_OrderedDict), ES_OBJ_FROM_CONST(ordereddict_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_defaultdict), ES_OBJ_FROM_CONST(defaultdict_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_deque), ES_OBJ_FROM_CONST(deque_type)},
};

ES_DEFINE_CONST_MODULE(es_module_collections, collections_globals_table);
ES_REGISTER_MODULE(ES_Q_collections, es_module_collections);
