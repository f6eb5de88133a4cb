/* runtime.c: calls, attribute access, names, operators and iteration: what the VM and C modules build on. */

#include <string.h>

#include "py/objtype.h"
#include "py/runtime.h"

/* ---- calls ------------------------------------------------------------------------ */

es_obj_t es_call_function_n_kw(es_obj_t fun, size_t n_args, size_t n_kw, const es_obj_t *args) {
    const es_type_t *type = es_obj_get_type(fun);
    if (type->call != NULL) {
        return type->call(fun, n_args, n_kw, args);
    }
    es_raise_msg_varg(&es_type_TypeError, "'%s' object is not callable", es_obj_type_name(fun));
}

es_obj_t es_call_function_0(es_obj_t fun) { return es_call_function_n_kw(fun, 0, 0, NULL); }

es_obj_t es_call_function_1(es_obj_t fun, es_obj_t arg) { return es_call_function_n_kw(fun, 1, 0, &arg); }

es_obj_t es_call_function_2(es_obj_t fun, es_obj_t arg1, es_obj_t arg2) {
    es_obj_t args[2] = {arg1, arg2};
    return es_call_function_n_kw(fun, 2, 0, args);
}

es_obj_t es_call_method_n_kw(size_t n_args, size_t n_kw, const es_obj_t *args) {
    if (args[1] == ES_OBJ_NULL) {
        return es_call_function_n_kw(args[0], n_args, n_kw, args + 2);
    }
    return es_call_function_n_kw(args[0], n_args + 1, n_kw, args + 1);
}

/* Collects the arguments of f(*seq, **map) into one array in the common calling convention. */
typedef struct {
    es_obj_t *items;
    size_t len, alloc;
} arg_buf_t;

static void arg_buf_push(arg_buf_t *b, es_obj_t o) {
    if (b->len == b->alloc) {
        size_t alloc = b->alloc * 2 + 8;
        b->items = es_realloc(b->items, alloc * sizeof(es_obj_t));
        b->alloc = alloc;
    }
    b->items[b->len++] = o;
}

/* The name CPython puts in front of call errors: the function's __qualname__ or __name__. */
static const char *fun_name(es_obj_t fun) {
    es_obj_t name = es_load_attr_maybe(fun, ES_Q___qualname__);
    if (name == ES_OBJ_NULL || !es_obj_is_str(name)) {
        name = es_load_attr_maybe(fun, ES_Q___name__);
    }
    return name != ES_OBJ_NULL && es_obj_is_str(name) ? es_obj_str_get_str(name) : "function";
}

static void add_keyword(arg_buf_t *kw, es_obj_t fun, es_obj_t key, es_obj_t value) {
    if (!es_obj_is_str(key)) {
        es_raise_msg_varg(&es_type_TypeError, "%s() keywords must be strings", fun_name(fun));
    }
    for (size_t i = 0; i < kw->len; i += 2) {
        if (es_obj_equal(kw->items[i], key)) {
            es_raise_msg_varg(&es_type_TypeError, "%s() got multiple values for keyword argument '%s'", fun_name(fun),
                              es_obj_str_get_str(key));
        }
    }
    arg_buf_push(kw, key);
    arg_buf_push(kw, value);
}

es_obj_t es_call_function_star(es_obj_t fun, size_t n_args, size_t n_kw, const es_obj_t *args,
                               es_obj_t star_args, es_obj_t kw_dict) {
    arg_buf_t pos = {NULL, 0, 0};
    arg_buf_t kw = {NULL, 0, 0};
    for (size_t i = 0; i < n_args; i++) {
        arg_buf_push(&pos, args[i]);
    }
    if (star_args != ES_OBJ_NULL) {
        es_obj_t native = es_instance_native(star_args);
        es_obj_t seq = native != ES_OBJ_NULL ? native : star_args;
        if (es_obj_is_type(seq, &es_type_tuple) || es_obj_is_type(seq, &es_type_list)) {
            size_t len;
            es_obj_t *items;
            es_obj_get_array(seq, &len, &items);
            for (size_t i = 0; i < len; i++) {
                arg_buf_push(&pos, items[i]);
            }
        } else {
            const es_type_t *st = es_obj_get_type(star_args);
            if (st->getiter == NULL && st->iternext == NULL && !es_type_is_user_class(st)) {
                es_raise_msg_varg(&es_type_TypeError, "%s() argument after * must be an iterable, not %s",
                                  fun_name(fun), es_obj_type_name(star_args));
            }
            es_obj_t iter = es_getiter(star_args, NULL);
            for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
                arg_buf_push(&pos, item);
            }
        }
    }
    for (size_t i = 0; i < n_kw; i++) {
        add_keyword(&kw, fun, args[n_args + 2 * i], args[n_args + 2 * i + 1]);
    }
    if (kw_dict != ES_OBJ_NULL && kw_dict != ES_OBJ_NONE) {
        es_obj_t native = es_instance_native(kw_dict);
        if (es_obj_is_type(kw_dict, &es_type_dict) || (native != ES_OBJ_NULL && es_obj_is_type(native, &es_type_dict))) {
            es_map_t *map = es_obj_dict_get_map(native != ES_OBJ_NULL ? native : kw_dict);
            for (size_t i = 0; i < map->used; i++) {
                if (es_map_slot_is_filled(map, i)) {
                    add_keyword(&kw, fun, map->table[i].key, map->table[i].value);
                }
            }
        } else {
            es_obj_t keys_fn[2];
            es_load_method_maybe(kw_dict, ES_Q_keys, keys_fn);
            if (keys_fn[0] == ES_OBJ_NULL) {
                es_raise_msg_varg(&es_type_TypeError, "%s() argument after ** must be a mapping, not %s",
                                  fun_name(fun), es_obj_type_name(kw_dict));
            }
            es_obj_t keys = es_call_method_n_kw(0, 0, keys_fn);
            es_obj_t iter = es_getiter(keys, NULL);
            for (es_obj_t key; (key = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
                add_keyword(&kw, fun, key, es_obj_subscr(kw_dict, key, ES_OBJ_SENTINEL));
            }
        }
    }
    size_t n_pos = pos.len;
    for (size_t i = 0; i < kw.len; i++) {
        arg_buf_push(&pos, kw.items[i]);
    }
    es_obj_t result = es_call_function_n_kw(fun, n_pos, kw.len / 2, pos.items);
    es_free(pos.items);
    es_free(kw.items);
    return result;
}

/* ---- attributes ---------------------------------------------------------------------- */

bool es_obj_is_function(es_obj_t o) {
    if (!es_obj_is_ptr(o)) {
        return false;
    }
    const es_type_t *t = ((const es_obj_base_t *)o)->type;
    return t == &es_type_function || t == &es_type_closure || t == &es_type_generator ||
           t == &es_type_builtin_function;
}

void es_member_to_dest(es_obj_t self, const es_type_t *type, es_obj_t member, bool from_native, es_obj_t *dest) {
    const es_type_t *mtype = es_obj_get_type(member);
    if (mtype == &es_type_staticmethod) {
        dest[0] = ((es_obj_static_class_method_t *)es_obj_to_ptr(member))->fun;
    } else if (mtype == &es_type_classmethod) {
        dest[0] = ((es_obj_static_class_method_t *)es_obj_to_ptr(member))->fun;
        dest[1] = es_obj_from_ptr(type);
    } else if (mtype == &es_type_property) {
        es_obj_t getter = ((es_obj_property_t *)es_obj_to_ptr(member))->proxy[0];
        if (getter == ES_OBJ_NONE) {
            es_raise_msg(&es_type_AttributeError, "unreadable attribute");
        }
        dest[0] = es_call_function_1(getter, self);
    } else if (mtype == &es_type_builtin_function || es_obj_is_slot_wrapper(member)) {
        dest[0] = member;
        if (from_native) {
            dest[1] = self;
        }
    } else if (mtype == &es_type_function || mtype == &es_type_closure || mtype == &es_type_generator) {
        dest[0] = member;
        dest[1] = self;
    } else if (es_type_is_user_class(mtype)) {
        es_obj_t get = es_type_lookup(mtype, ES_Q___get__);
        if (get != ES_OBJ_NULL) {
            es_obj_t args[3] = {member, self, es_obj_from_ptr(type)};
            dest[0] = es_call_function_n_kw(get, 3, 0, args);
        } else {
            dest[0] = member;
        }
    } else {
        dest[0] = member;
    }
}

/* Looks in locals_dict of t, then of its parents, depth first; user classes use their MRO. */
es_obj_t es_type_lookup(const es_type_t *type, es_qstr_t attr) {
    es_obj_t key = es_obj_new_qstr(attr);
    for (;;) {
        if (es_type_is_user_class(type)) {
            const es_obj_tuple_t *mro = es_obj_to_ptr(((const es_user_type_t *)type)->mro);
            for (size_t i = 0; i < mro->len; i++) {
                const es_type_t *t = es_obj_to_ptr(mro->items[i]);
                if (t->locals_dict != NULL) {
                    es_map_elem_t *elem = es_map_lookup(&t->locals_dict->map, key, ES_MAP_LOOKUP);
                    if (elem != NULL) {
                        return elem->value;
                    }
                }
            }
            return ES_OBJ_NULL;
        }
        if (type->locals_dict != NULL) {
            es_map_elem_t *elem = es_map_lookup(&type->locals_dict->map, key, ES_MAP_LOOKUP);
            if (elem != NULL) {
                return elem->value;
            }
        }
        if (type->parent == NULL) {
            if (type == &es_type_object) {
                return ES_OBJ_NULL;
            }
            type = &es_type_object;
        } else if (type->flags & ES_TYPE_FLAG_MULTIPLE_BASES) {
            const es_obj_tuple_t *bases = type->parent;
            for (size_t i = 0; i + 1 < bases->len; i++) {
                es_obj_t found = es_type_lookup(es_obj_to_ptr(bases->items[i]), attr);
                if (found != ES_OBJ_NULL) {
                    return found;
                }
            }
            type = es_obj_to_ptr(bases->items[bases->len - 1]);
        } else {
            type = type->parent;
        }
    }
}

void es_load_method_maybe(es_obj_t base, es_qstr_t attr, es_obj_t *dest) {
    dest[0] = ES_OBJ_NULL;
    dest[1] = ES_OBJ_NULL;
    const es_type_t *type = es_obj_get_type(base);
    if (type->attr != NULL) {
        type->attr(base, attr, dest);
        if (dest[0] != ES_OBJ_NULL || es_type_is_user_class(type) || type == &es_type_type) {
            /* User instances and classes resolve everything (MRO, __getattr__) in their slot. */
            return;
        }
    }
    es_obj_t member = es_type_lookup(type, attr);
    if (member == ES_OBJ_NULL) {
        member = es_native_slot_method(type, attr);
    }
    if (member != ES_OBJ_NULL) {
        es_member_to_dest(base, type, member, true, dest);
    } else if (attr == ES_Q___class__) {
        dest[0] = es_obj_from_ptr(type);
    }
}

void es_load_method(es_obj_t base, es_qstr_t attr, es_obj_t *dest) {
    es_load_method_maybe(base, attr, dest);
    if (dest[0] == ES_OBJ_NULL) {
        es_raise_attribute_error(base, attr);
    }
}

es_obj_t es_load_attr_maybe(es_obj_t base, es_qstr_t attr) {
    es_obj_t dest[2];
    es_load_method_maybe(base, attr, dest);
    if (dest[1] != ES_OBJ_NULL) {
        return es_obj_new_bound_meth(dest[0], dest[1]);
    }
    return dest[0];
}

es_obj_t es_load_attr(es_obj_t base, es_qstr_t attr) {
    es_obj_t value = es_load_attr_maybe(base, attr);
    if (value == ES_OBJ_NULL) {
        es_raise_attribute_error(base, attr);
    }
    return value;
}

void es_store_attr(es_obj_t base, es_qstr_t attr, es_obj_t value) {
    const es_type_t *type = es_obj_get_type(base);
    if (type->attr != NULL) {
        es_obj_t dest[2] = {ES_OBJ_SENTINEL, value};
        type->attr(base, attr, dest);
        if (dest[0] == ES_OBJ_NULL) {
            return;
        }
    }
    if (es_type_lookup(type, attr) != ES_OBJ_NULL) {
        es_raise_msg_varg(&es_type_AttributeError, "'%s' object attribute '%q' is read-only", es_obj_type_name(base),
                          attr);
    }
    es_raise_attribute_error(base, attr);
}

void es_delete_attr(es_obj_t base, es_qstr_t attr) {
    const es_type_t *type = es_obj_get_type(base);
    if (type->attr != NULL) {
        es_obj_t dest[2] = {ES_OBJ_SENTINEL, ES_OBJ_NULL};
        type->attr(base, attr, dest);
        if (dest[0] == ES_OBJ_NULL) {
            return;
        }
    }
    es_raise_attribute_error(base, attr);
}

/* ---- names ------------------------------------------------------------------------------ */

es_obj_t es_builtins_table_find(es_qstr_t name); /* py/modbuiltins.c */

es_obj_t es_builtin_lookup(es_qstr_t name) {
    es_obj_t key = es_obj_new_qstr(name);
    if (es_state.roots.builtins_dict != NULL) {
        es_map_elem_t *elem = es_map_lookup(&es_state.roots.builtins_dict->map, key, ES_MAP_LOOKUP);
        if (elem != NULL) {
            return elem->value;
        }
    }
    return es_builtins_table_find(name);
}

static es_obj_t dict_lookup(es_obj_dict_t *dict, es_qstr_t name) {
    if (dict == NULL) {
        return ES_OBJ_NULL;
    }
    es_map_elem_t *elem = es_map_lookup(&dict->map, es_obj_new_qstr(name), ES_MAP_LOOKUP);
    return elem != NULL ? elem->value : ES_OBJ_NULL;
}

es_obj_t es_load_global(es_qstr_t name) {
    es_obj_t value = dict_lookup(es_globals_get(), name);
    if (value == ES_OBJ_NULL) {
        value = es_builtin_lookup(name);
        if (value == ES_OBJ_NULL) {
            es_raise_name_error(name);
        }
    }
    return value;
}

es_obj_t es_load_name(es_qstr_t name) {
    es_obj_dict_t *locals = es_locals_get();
    if (locals != NULL && locals != es_globals_get()) {
        es_obj_t value = dict_lookup(locals, name);
        if (value != ES_OBJ_NULL) {
            return value;
        }
    }
    return es_load_global(name);
}

void es_store_name(es_qstr_t name, es_obj_t value) {
    es_obj_dict_t *locals = es_locals_get();
    if (locals == NULL) {
        locals = es_globals_get();
    }
    es_obj_dict_store(es_obj_from_ptr(locals), es_obj_new_qstr(name), value);
}

void es_store_global(es_qstr_t name, es_obj_t value) {
    es_obj_dict_store(es_obj_from_ptr(es_globals_get()), es_obj_new_qstr(name), value);
}

static void dict_delete_name(es_obj_dict_t *dict, es_qstr_t name) {
    if (dict == NULL || es_map_lookup(&dict->map, es_obj_new_qstr(name), ES_MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
        es_raise_name_error(name);
    }
}

void es_delete_name(es_qstr_t name) {
    es_obj_dict_t *locals = es_locals_get();
    dict_delete_name(locals != NULL ? locals : es_globals_get(), name);
}

void es_delete_global(es_qstr_t name) { dict_delete_name(es_globals_get(), name); }

es_obj_t es_load_build_class(void) {
    es_obj_t fn = es_builtin_lookup(ES_Q___build_class__);
    return fn != ES_OBJ_NULL ? fn : ES_OBJ_FROM_CONST(es_builtin___build_class___obj);
}

/* ---- unary operators ------------------------------------------------------------------------ */

static const char *unary_op_symbol(es_unary_op_t op) {
    switch (op) {
        case ES_UNARY_OP_POSITIVE:
            return "unary +";
        case ES_UNARY_OP_NEGATIVE:
            return "unary -";
        case ES_UNARY_OP_INVERT:
            return "unary ~";
        case ES_UNARY_OP_ABS:
            return "abs()";
        default:
            return "unary op";
    }
}

es_obj_t es_unary_op(es_unary_op_t op, es_obj_t arg) {
    if (op == ES_UNARY_OP_NOT) {
        return es_obj_new_bool(!es_obj_is_true(arg));
    }
    if (op == ES_UNARY_OP_BOOL) {
        return es_obj_new_bool(es_obj_is_true(arg));
    }
    if (op == ES_UNARY_OP_HASH) {
        return es_obj_hash(arg);
    }
    if (op == ES_UNARY_OP_LEN) {
        return es_obj_len(arg);
    }
    if (es_obj_is_small_int(arg)) {
        es_int_t v = es_small_int_value(arg);
        switch (op) {
            case ES_UNARY_OP_POSITIVE:
            case ES_UNARY_OP_INT:
            case ES_UNARY_OP_INDEX:
                return arg;
            case ES_UNARY_OP_NEGATIVE:
                return es_obj_new_int(-v); /* -SMALL_INT_MIN still fits es_int_t */
            case ES_UNARY_OP_INVERT:
                return es_obj_new_small_int(~v);
            case ES_UNARY_OP_ABS:
                return es_obj_new_int(v < 0 ? -v : v);
            default:
                break;
        }
    }
    const es_type_t *type = es_obj_get_type(arg);
    if (type->unary_op != NULL) {
        es_obj_t result = type->unary_op(op, arg);
        if (result != ES_OBJ_NULL) {
            return result;
        }
    }
    switch (op) {
        case ES_UNARY_OP_INT:
            es_raise_msg_varg(&es_type_TypeError,
                              "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                              es_obj_type_name(arg));
        case ES_UNARY_OP_FLOAT:
            es_raise_msg_varg(&es_type_TypeError, "float() argument must be a string or a real number, not '%s'",
                              es_obj_type_name(arg));
        case ES_UNARY_OP_INDEX:
            es_raise_msg_varg(&es_type_TypeError, "'%s' object cannot be interpreted as an integer",
                              es_obj_type_name(arg));
        default:
            es_raise_msg_varg(&es_type_TypeError, "bad operand type for %s: '%s'", unary_op_symbol(op),
                              es_obj_type_name(arg));
    }
}

/* ---- binary operators ------------------------------------------------------------------------ */

static const char *const binary_op_symbols[] = {
    "<", ">", "==", "<=", ">=", "!=", "in", "is", "exception match",
    "|=", "^=", "&=", "<<=", ">>=", "+=", "-=", "*=", "@=", "//=", "/=", "%=", "**=",
    "|", "^", "&", "<<", ">>", "+", "-", "*", "@", "//", "/", "%", "** or pow()",
};

static bool is_number(es_obj_t o) {
    const es_type_t *t = es_obj_get_type(o);
    return t == &es_type_int || t == &es_type_bool || t == &es_type_float || t == &es_type_complex;
}

static es_binary_op_t swapped_comparison(es_binary_op_t op) {
    switch (op) {
        case ES_BINARY_OP_LESS:
            return ES_BINARY_OP_MORE;
        case ES_BINARY_OP_MORE:
            return ES_BINARY_OP_LESS;
        case ES_BINARY_OP_LESS_EQUAL:
            return ES_BINARY_OP_MORE_EQUAL;
        case ES_BINARY_OP_MORE_EQUAL:
            return ES_BINARY_OP_LESS_EQUAL;
        default:
            return op;
    }
}

static inline es_obj_t slot_result(es_obj_t r) { return r == ES_OBJ_NOT_IMPLEMENTED ? ES_OBJ_NULL : r; }

static es_obj_t try_slot(const es_type_t *type, es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    if (type->binary_op == NULL) {
        return ES_OBJ_NULL;
    }
    return slot_result(type->binary_op(op, lhs, rhs));
}

/* Tries rhs's reflected method: __radd__ for arithmetic, the mirrored comparison otherwise. */
static es_obj_t try_reflected(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs, const es_type_t *rtype) {
    if (op <= ES_BINARY_OP_NOT_EQUAL) {
        return try_slot(rtype, swapped_comparison(op), rhs, lhs);
    }
    if (op >= ES_BINARY_OP_OR && op <= ES_BINARY_OP_POWER) {
        es_obj_t r = try_slot(rtype, (es_binary_op_t)(op + ES_BINARY_OP_REVERSE_OFFSET), rhs, lhs);
        if (r == ES_OBJ_NULL && !es_type_is_user_class(rtype)) {
            /* Built-in types may implement only the forward form: n * seq is seq * n, and
            ** mixed numbers commute for + * & | ^. */
            if (op == ES_BINARY_OP_MULTIPLY ||
                ((op == ES_BINARY_OP_ADD || op == ES_BINARY_OP_AND || op == ES_BINARY_OP_OR || op == ES_BINARY_OP_XOR) &&
                 is_number(lhs) && is_number(rhs))) {
                r = try_slot(rtype, op, rhs, lhs);
            }
        }
        return r;
    }
    return ES_OBJ_NULL;
}

static es_obj_t contains(es_obj_t container, es_obj_t item) {
    const es_type_t *type = es_obj_get_type(container);
    es_obj_t r = try_slot(type, ES_BINARY_OP_IN, container, item);
    if (r != ES_OBJ_NULL) {
        return es_obj_new_bool(es_obj_is_true(r));
    }
    if (type->getiter == NULL && type->iternext == NULL && type->subscr == NULL && !es_type_is_user_class(type)) {
        es_raise_msg_varg(&es_type_TypeError, "argument of type '%s' is not iterable", es_obj_type_name(container));
    }
    es_obj_iter_buf_t buf;
    es_obj_t iter = es_getiter(container, &buf);
    for (es_obj_t x; (x = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        if (es_obj_equal(x, item)) {
            return ES_OBJ_TRUE;
        }
    }
    return ES_OBJ_FALSE;
}

static bool is_exception_class(es_obj_t o) {
    return es_obj_is_type(o, &es_type_type) &&
           es_obj_is_subclass(o, ES_OBJ_FROM_CONST(es_type_BaseException));
}

static es_obj_t exception_match(es_obj_t exc, es_obj_t classes) {
    if (es_obj_is_type(classes, &es_type_tuple)) {
        const es_obj_tuple_t *t = es_obj_to_ptr(classes);
        for (size_t i = 0; i < t->len; i++) {
            if (!is_exception_class(t->items[i])) {
                es_raise_msg(&es_type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
            }
        }
    } else if (!is_exception_class(classes)) {
        es_raise_msg(&es_type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    }
    es_obj_t exc_type = es_obj_is_type(exc, &es_type_type) ? exc : es_obj_from_ptr(es_obj_get_type(exc));
    return es_obj_new_bool(es_obj_is_subclass(exc_type, classes));
}

es_obj_t es_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    if (op == ES_BINARY_OP_IS) {
        return es_obj_new_bool(lhs == rhs);
    }
    if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs)) {
        es_int_t a = es_small_int_value(lhs), b = es_small_int_value(rhs);
        switch (op) {
            case ES_BINARY_OP_LESS:
                return es_obj_new_bool(a < b);
            case ES_BINARY_OP_MORE:
                return es_obj_new_bool(a > b);
            case ES_BINARY_OP_EQUAL:
                return es_obj_new_bool(a == b);
            case ES_BINARY_OP_LESS_EQUAL:
                return es_obj_new_bool(a <= b);
            case ES_BINARY_OP_MORE_EQUAL:
                return es_obj_new_bool(a >= b);
            case ES_BINARY_OP_NOT_EQUAL:
                return es_obj_new_bool(a != b);
            case ES_BINARY_OP_ADD:
            case ES_BINARY_OP_INPLACE_ADD:
                return es_obj_new_int(a + b); /* two small ints never overflow es_int_t */
            case ES_BINARY_OP_SUBTRACT:
            case ES_BINARY_OP_INPLACE_SUBTRACT:
                return es_obj_new_int(a - b);
            case ES_BINARY_OP_AND:
            case ES_BINARY_OP_INPLACE_AND:
                return es_obj_new_small_int(a & b);
            case ES_BINARY_OP_OR:
            case ES_BINARY_OP_INPLACE_OR:
                return es_obj_new_small_int(a | b);
            case ES_BINARY_OP_XOR:
            case ES_BINARY_OP_INPLACE_XOR:
                return es_obj_new_small_int(a ^ b);
            default:
                break;
        }
    }
    if (op == ES_BINARY_OP_IN) {
        return contains(lhs, rhs);
    }
    if (op == ES_BINARY_OP_EXCEPTION_MATCH) {
        return exception_match(lhs, rhs);
    }
    const es_type_t *ltype = es_obj_get_type(lhs);
    const es_type_t *rtype = es_obj_get_type(rhs);
    es_obj_t r;

    bool inplace = op >= ES_BINARY_OP_INPLACE_OR && op <= ES_BINARY_OP_INPLACE_POWER;
    es_binary_op_t plain = inplace ? (es_binary_op_t)(op + ES_BINARY_OP_INPLACE_OFFSET) : op;
    bool may_reflect = rtype != ltype || es_type_is_user_class(rtype);
    /* A subclass's reflected method wins over its base's forward one, as in CPython. */
    if (!inplace && rtype != ltype && es_type_is_user_class(rtype) &&
        es_obj_is_subclass(es_obj_from_ptr(rtype), es_obj_from_ptr(ltype))) {
        r = try_reflected(op, lhs, rhs, rtype);
        if (r != ES_OBJ_NULL) {
            return r;
        }
        may_reflect = false;
    }
    r = try_slot(ltype, op, lhs, rhs);
    if (r != ES_OBJ_NULL) {
        return r;
    }
    if (inplace) {
        r = try_slot(ltype, plain, lhs, rhs);
        if (r != ES_OBJ_NULL) {
            return r;
        }
    }
    if (may_reflect) {
        r = try_reflected(plain, lhs, rhs, rtype);
        if (r != ES_OBJ_NULL) {
            return r;
        }
    }
    switch (plain) {
        case ES_BINARY_OP_EQUAL:
            return es_obj_new_bool(lhs == rhs);
        case ES_BINARY_OP_NOT_EQUAL:
            /* Without __ne__, != is the negation of ==. */
            return es_obj_new_bool(!es_obj_is_true(es_binary_op(ES_BINARY_OP_EQUAL, lhs, rhs)));
        case ES_BINARY_OP_LESS:
        case ES_BINARY_OP_MORE:
        case ES_BINARY_OP_LESS_EQUAL:
        case ES_BINARY_OP_MORE_EQUAL:
            es_raise_msg_varg(&es_type_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                              binary_op_symbols[plain], es_obj_type_name(lhs), es_obj_type_name(rhs));
        case ES_BINARY_OP_DIVMOD:
            es_raise_type_error_unsupported_operands("divmod()", lhs, rhs);
        default:
            if (op < ES_ARRAY_SIZE(binary_op_symbols)) {
                es_raise_type_error_unsupported_operands(binary_op_symbols[op], lhs, rhs);
            }
            es_raise_type_error_unsupported_operands("?", lhs, rhs);
    }
}

/* ---- iteration ---------------------------------------------------------------------------------- */

/* Iterates any object with __getitem__ by index from 0 until IndexError or StopIteration. */
typedef struct {
    es_obj_base_t base;
    es_obj_t seq;
    es_obj_t index;
} seq_iter_t;

static es_obj_t seq_iter_next(es_obj_t self) {
    seq_iter_t *it = es_obj_to_ptr(self);
    if (it->seq == ES_OBJ_NULL) {
        return ES_OBJ_STOP_ITERATION;
    }
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_t value = es_obj_subscr(it->seq, it->index, ES_OBJ_SENTINEL);
        es_nlr_pop();
        it->index = es_obj_new_small_int(es_small_int_value(it->index) + 1);
        return value;
    }
    if (es_obj_exception_match(nlr.ret_val, &es_type_IndexError) ||
        es_obj_exception_match(nlr.ret_val, &es_type_StopIteration)) {
        it->seq = ES_OBJ_NULL;
        return ES_OBJ_STOP_ITERATION;
    }
    es_nlr_jump(nlr.ret_val);
}

static const es_type_t seq_iter_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_iterator,
    .iternext = seq_iter_next,
};

es_obj_t es_obj_new_seq_iter(es_obj_t seq) {
    seq_iter_t *it = es_new(seq_iter_t);
    it->base.type = &seq_iter_type;
    it->seq = seq;
    it->index = ES_OBJ_NEW_SMALL_INT(0);
    return es_obj_from_ptr(it);
}

es_obj_t es_getiter(es_obj_t o, es_obj_iter_buf_t *iter_buf) {
    const es_type_t *type = es_obj_get_type(o);
    if (type->flags & ES_TYPE_FLAG_ITER_IS_SELF) {
        return o;
    }
    if (type->getiter != NULL) {
        es_obj_t iter = type->getiter(o, iter_buf);
        if (iter != ES_OBJ_NULL) {
            return iter;
        }
    }
    if (type->subscr != NULL && !es_type_is_user_class(type) && type != &es_type_type) {
        return es_obj_new_seq_iter(o);
    }
    es_raise_msg_varg(&es_type_TypeError, "'%s' object is not iterable", es_obj_type_name(o));
}

es_obj_t es_iternext(es_obj_t iter) {
    const es_type_t *type = es_obj_get_type(iter);
    if (type->iternext != NULL) {
        return type->iternext(iter);
    }
    es_raise_msg_varg(&es_type_TypeError, "'%s' object is not an iterator", es_obj_type_name(iter));
}

static _Noreturn void raise_unpack_error(size_t want, size_t got, bool at_least) {
    if (got > want && !at_least) {
        es_raise_msg_varg(&es_type_ValueError, "too many values to unpack (expected %u)", (unsigned)want);
    }
    es_raise_msg_varg(&es_type_ValueError, "not enough values to unpack (expected %s%u, got %u)",
                      at_least ? "at least " : "", (unsigned)want, (unsigned)got);
}

/* Whether es_getiter can succeed, so unpacking can say "cannot unpack" as CPython does. */
static bool is_iterable(es_obj_t o) {
    const es_type_t *t = es_obj_get_type(o);
    if (es_type_is_user_class(t)) {
        return es_type_lookup(t, ES_Q___iter__) != ES_OBJ_NULL || es_type_lookup(t, ES_Q___getitem__) != ES_OBJ_NULL ||
               es_instance_native(o) != ES_OBJ_NULL;
    }
    return t->getiter != NULL || (t->flags & ES_TYPE_FLAG_ITER_IS_SELF) || (t->subscr != NULL && t != &es_type_type);
}

static es_obj_t unpack_getiter(es_obj_t seq, es_obj_iter_buf_t *buf) {
    if (!is_iterable(seq)) {
        es_raise_msg_varg(&es_type_TypeError, "cannot unpack non-iterable %s object", es_obj_type_name(seq));
    }
    return es_getiter(seq, buf);
}

void es_unpack_sequence(es_obj_t seq, size_t num, es_obj_t *items) {
    if (es_obj_is_type(seq, &es_type_tuple) || es_obj_is_type(seq, &es_type_list)) {
        size_t len;
        es_obj_t *src;
        es_obj_get_array(seq, &len, &src);
        if (len != num) {
            raise_unpack_error(num, len, false);
        }
        memcpy(items, src, num * sizeof(es_obj_t));
        return;
    }
    es_obj_iter_buf_t buf;
    es_obj_t iter = unpack_getiter(seq, &buf);
    for (size_t i = 0; i < num; i++) {
        es_obj_t item = es_iternext(iter);
        if (item == ES_OBJ_STOP_ITERATION) {
            raise_unpack_error(num, i, false);
        }
        items[i] = item;
    }
    if (es_iternext(iter) != ES_OBJ_STOP_ITERATION) {
        raise_unpack_error(num, num + 1, false);
    }
}

void es_unpack_ex(es_obj_t seq, size_t num_left, size_t num_right, es_obj_t *items) {
    es_obj_t list = es_obj_new_list(0, NULL);
    es_obj_iter_buf_t buf;
    es_obj_t iter = unpack_getiter(seq, &buf);
    for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        es_obj_list_append(list, item);
    }
    es_obj_list_t *l = es_obj_to_ptr(list);
    if (l->len < num_left + num_right) {
        raise_unpack_error(num_left + num_right, l->len, true);
    }
    memcpy(items, l->items, num_left * sizeof(es_obj_t));
    memcpy(items + num_left + 1, l->items + l->len - num_right, num_right * sizeof(es_obj_t));
    /* The middle becomes the starred list: shift it down in place. */
    size_t mid = l->len - num_left - num_right;
    memmove(l->items, l->items + num_left, mid * sizeof(es_obj_t));
    l->len = mid;
    items[num_left] = list;
}

/* ---- finalisers ------------------------------------------------------------------------------------ */

void es_gc_run_finaliser(void *obj) {
    const es_type_t *type = ((es_obj_base_t *)obj)->type;
    if (type == NULL) {
        return;
    }
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_t del = es_type_lookup(type, ES_Q___del__);
        if (del != ES_OBJ_NULL) {
            es_call_function_1(del, es_obj_from_ptr(obj));
        }
        es_nlr_pop();
    }
    /* Errors in __del__ are ignored, as CPython does after printing them. */
}
