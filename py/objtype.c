/* objtype.c: type and object, classes made by `class`, their instances and special methods, C3 MRO, super. */

#include <string.h>

#include "py/objstr.h"
#include "py/objtype.h"
#include "py/runtime.h"

static const es_type_t *const *native_mutables(void);

/* ---- subclass tests --------------------------------------------------------------- */

static bool is_subtype(const es_type_t *t, const es_type_t *base) {
    for (;;) {
        if (t == base || base == &es_type_object) {
            return true;
        }
        if (es_type_is_user_class(t)) {
            const es_obj_tuple_t *mro = es_obj_to_ptr(((const es_user_type_t *)t)->mro);
            for (size_t i = 1; i < mro->len; i++) {
                if (mro->items[i] == es_obj_from_ptr(base)) {
                    return true;
                }
            }
            return false;
        }
        if (t->parent == NULL) {
            return false;
        }
        if (t->flags & ES_TYPE_FLAG_MULTIPLE_BASES) {
            const es_obj_tuple_t *bases = t->parent;
            for (size_t i = 0; i < bases->len; i++) {
                if (is_subtype(es_obj_to_ptr(bases->items[i]), base)) {
                    return true;
                }
            }
            return false;
        }
        t = t->parent;
    }
}

static bool is_type(es_obj_t o) { return es_obj_is_type(o, &es_type_type); }

bool es_obj_is_subclass(es_obj_t object_type, es_obj_t class_or_tuple) {
    if (es_obj_is_type(class_or_tuple, &es_type_tuple)) {
        const es_obj_tuple_t *t = es_obj_to_ptr(class_or_tuple);
        for (size_t i = 0; i < t->len; i++) {
            if (es_obj_is_subclass(object_type, t->items[i])) {
                return true;
            }
        }
        return false;
    }
    if (!is_type(class_or_tuple)) {
        es_raise_msg(&es_type_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }
    if (!is_type(object_type)) {
        es_raise_msg(&es_type_TypeError, "issubclass() arg 1 must be a class");
    }
    return is_subtype(es_obj_to_ptr(object_type), es_obj_to_ptr(class_or_tuple));
}

bool es_obj_isinstance(es_obj_t obj, es_obj_t class_or_tuple) {
    if (!is_type(class_or_tuple) && !es_obj_is_type(class_or_tuple, &es_type_tuple)) {
        es_raise_msg(&es_type_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    return es_obj_is_subclass(es_obj_from_ptr(es_obj_get_type(obj)), class_or_tuple);
}

/* ---- looking up special methods --------------------------------------------------- */

static const es_user_type_t *user_type(const es_type_t *t) { return (const es_user_type_t *)t; }

/* Finds attr in the user classes of t's MRO only: built-in bases are reached through their slots. */
static es_obj_t user_lookup(const es_type_t *t, es_qstr_t attr) {
    const es_obj_tuple_t *mro = es_obj_to_ptr(user_type(t)->mro);
    es_obj_t key = es_obj_new_qstr(attr);
    for (size_t i = 0; i < mro->len; i++) {
        const es_type_t *c = es_obj_to_ptr(mro->items[i]);
        if (es_type_is_user_class(c)) {
            es_map_elem_t *elem = es_map_lookup(&c->locals_dict->map, key, ES_MAP_LOOKUP);
            if (elem != NULL) {
                return elem->value;
            }
        }
    }
    return ES_OBJ_NULL;
}

es_obj_t es_instance_native(es_obj_t o) {
    if (!es_obj_is_ptr(o)) {
        return ES_OBJ_NULL;
    }
    const es_type_t *t = ((const es_obj_base_t *)o)->type;
    if (!es_type_is_user_class(t) || user_type(t)->native_base == NULL) {
        return ES_OBJ_NULL;
    }
    return ((es_obj_instance_t *)es_obj_to_ptr(o))->subobj[0];
}

/* Calls a special method found by user_lookup with self and the given arguments. */
static es_obj_t call_special(es_obj_t meth, es_obj_t self, size_t n_args, const es_obj_t *args) {
    es_obj_t dest[2] = {ES_OBJ_NULL, ES_OBJ_NULL};
    es_member_to_dest(self, es_obj_get_type(self), meth, false, dest);
    if (dest[1] == ES_OBJ_NULL) {
        return es_call_function_n_kw(dest[0], n_args, 0, args);
    }
    es_obj_t all[4];
    all[0] = self;
    for (size_t i = 0; i < n_args; i++) {
        all[i + 1] = args[i];
    }
    return es_call_function_n_kw(dest[0], n_args + 1, 0, all);
}

/* ---- instances -------------------------------------------------------------------------- */

static es_obj_t instance_alloc(const es_type_t *type) {
    const es_user_type_t *ut = user_type(type);
    size_t size = sizeof(es_obj_instance_t) + (ut->native_base != NULL ? sizeof(es_obj_t) : 0);
    es_obj_instance_t *o = (type->flags & ES_TYPE_FLAG_HAS_FINALISER) ? es_alloc_with_finaliser(size) : es_alloc(size);
    o->members = es_obj_to_ptr(es_obj_new_dict(0));
    o->base.type = type;
    return es_obj_from_ptr(o);
}

static bool native_is_mutable(const es_type_t *native) {
    for (const es_type_t *const *t = native_mutables(); *t != NULL; t++) {
        if (is_subtype(native, *t)) {
            return true;
        }
    }
    return false;
}

/* Makes an instance; its built-in part (if any) is built from the arguments unless an
** __init__ will fill it (mutable containers start empty, as list.__new__ does). */
static es_obj_t instance_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args, bool init_fills) {
    es_obj_t o = instance_alloc(type);
    const es_type_t *native = user_type(type)->native_base;
    if (native != NULL) {
        es_obj_instance_t *inst = es_obj_to_ptr(o);
        if (native->make_new == NULL) {
            es_raise_msg_varg(&es_type_TypeError, "cannot create '%q' instances", (es_qstr_t)native->name);
        }
        if (init_fills && (native_is_mutable(native) || (native->flags & ES_TYPE_FLAG_INIT_BUILDS_NATIVE))) {
            inst->subobj[0] = native->make_new(native, 0, 0, NULL);
        } else {
            inst->subobj[0] = native->make_new(native, n_args, n_kw, args);
        }
    }
    return o;
}

/* Calls fun(first, *args, **kw) in the common calling convention. Small calls build the
** argument array on the C stack: temporary heap blocks would fragment the heap. */
#define PREPEND_MAX_STACK_ARGS (8)
static es_obj_t call_prepended(es_obj_t fun, es_obj_t first, size_t n_args, size_t n_kw, const es_obj_t *args) {
    size_t n = n_args + 2 * n_kw;
    es_obj_t local[PREPEND_MAX_STACK_ARGS + 1];
    es_obj_t *all = n < PREPEND_MAX_STACK_ARGS ? local : es_new_array(es_obj_t, n + 1);
    all[0] = first;
    if (n > 0) {
        memcpy(all + 1, args, n * sizeof(es_obj_t));
    }
    es_obj_t r = es_call_function_n_kw(fun, n_args + 1, n_kw, all);
    if (all != local) {
        es_free(all);
    }
    return r;
}

static es_obj_t instance_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    es_obj_t new_fn = user_lookup(type, ES_Q___new__);
    es_obj_t init_fn = user_lookup(type, ES_Q___init__);
    es_obj_t o;
    if (new_fn != ES_OBJ_NULL) {
        if (es_obj_is_type(new_fn, &es_type_staticmethod)) {
            new_fn = ((es_obj_static_class_method_t *)es_obj_to_ptr(new_fn))->fun;
        }
        o = call_prepended(new_fn, es_obj_from_ptr(type), n_args, n_kw, args);
        if (!is_subtype(es_obj_get_type(o), type)) {
            return o;
        }
    } else {
        if (init_fn == ES_OBJ_NULL && user_type(type)->native_base == NULL && (n_args != 0 || n_kw != 0)) {
            es_raise_msg_varg(&es_type_TypeError, "%q() takes no arguments", (es_qstr_t)type->name);
        }
        o = instance_new(type, n_args, n_kw, args, init_fn != ES_OBJ_NULL);
    }
    if (init_fn != ES_OBJ_NULL) {
        es_obj_t r = call_prepended(init_fn, o, n_args, n_kw, args);
        if (r != ES_OBJ_NONE) {
            es_raise_msg_varg(&es_type_TypeError, "__init__() should return None, not '%s'", es_obj_type_name(r));
        }
    }
    return o;
}

static void default_instance_print(const es_print_t *print, es_obj_t self) {
    const es_type_t *type = es_obj_get_type(self);
    es_obj_t module = es_type_lookup(type, ES_Q___module__);
    es_obj_t qualname = es_type_is_user_class(type) ? user_type(type)->qualname : es_obj_new_qstr(type->name);
    if (module != ES_OBJ_NULL && es_obj_is_str(module) && !(es_obj_is_qstr(module) && es_obj_qstr_value(module) == ES_Q_builtins)) {
        es_printf(print, "<%O.%O object at %p>", module, qualname, es_obj_to_ptr(self));
    } else {
        es_printf(print, "<%O object at %p>", qualname, es_obj_to_ptr(self));
    }
}

static void instance_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    const es_type_t *type = es_obj_get_type(self);
    es_obj_t meth = ES_OBJ_NULL;
    if (kind == ES_PRINT_STR) {
        meth = user_lookup(type, ES_Q___str__);
    }
    if (meth == ES_OBJ_NULL) {
        meth = user_lookup(type, ES_Q___repr__);
    }
    if (meth != ES_OBJ_NULL) {
        es_obj_t s = call_special(meth, self, 0, NULL);
        if (!es_obj_is_str(s)) {
            es_raise_msg_varg(&es_type_TypeError, "__%s__ returned non-string (type %s)",
                              kind == ES_PRINT_STR ? "str" : "repr", es_obj_type_name(s));
        }
        size_t len;
        const char *data = es_obj_str_get_data(s, &len);
        es_print_strn(print, data, len);
        return;
    }
    es_obj_t native = es_instance_native(self);
    if (native != ES_OBJ_NULL) {
        if (kind == ES_PRINT_REPR && es_obj_is_exception_instance(native)) {
            /* MyError('x') rather than the built-in base's name. */
            es_obj_t args = ((es_obj_exception_t *)es_obj_to_ptr(native))->args;
            size_t n;
            es_obj_t *items;
            es_obj_get_array(args, &n, &items);
            es_printf(print, "%q(", (es_qstr_t)type->name);
            for (size_t i = 0; i < n; i++) {
                es_printf(print, i == 0 ? "%R" : ", %R", items[i]);
            }
            es_print_str(print, ")");
            return;
        }
        es_obj_print_helper(print, native, kind);
        return;
    }
    default_instance_print(print, self);
}

/* ---- instance attributes ------------------------------------------------------------------------- */

static bool is_data_descriptor(es_obj_t member) {
    const es_type_t *t = es_obj_get_type(member);
    if (t == &es_type_property) {
        return true;
    }
    return es_type_is_user_class(t) &&
           (user_lookup(t, ES_Q___set__) != ES_OBJ_NULL || user_lookup(t, ES_Q___delete__) != ES_OBJ_NULL);
}

/* Finds attr along the MRO and says which class held it. */
static es_obj_t mro_lookup(const es_type_t *type, es_qstr_t attr, const es_type_t **found_in) {
    const es_obj_tuple_t *mro = es_obj_to_ptr(user_type(type)->mro);
    es_obj_t key = es_obj_new_qstr(attr);
    for (size_t i = 0; i < mro->len; i++) {
        const es_type_t *c = es_obj_to_ptr(mro->items[i]);
        if (c->locals_dict != NULL) {
            es_map_elem_t *elem = es_map_lookup(&c->locals_dict->map, key, ES_MAP_LOOKUP);
            if (elem != NULL) {
                *found_in = c;
                return elem->value;
            }
        }
    }
    return ES_OBJ_NULL;
}

/* Plain attribute load: data descriptors, the instance dict, then class members; no __getattr__. */
static void instance_load_generic(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    const es_type_t *type = es_obj_get_type(self);
    es_obj_instance_t *inst = es_obj_to_ptr(self);
    const es_type_t *found_in = type;
    es_obj_t member = ES_OBJ_NULL;
    bool looked_up = false;
    if (type->flags & ES_TYPE_FLAG_HAS_DATA_DESCRIPTORS) {
        member = mro_lookup(type, attr, &found_in);
        looked_up = true;
        if (member != ES_OBJ_NULL && is_data_descriptor(member)) {
            es_member_to_dest(self, type, member, false, dest);
            return;
        }
    }
    es_map_elem_t *elem = es_map_lookup(&inst->members->map, es_obj_new_qstr(attr), ES_MAP_LOOKUP);
    if (elem != NULL) {
        dest[0] = elem->value;
        return;
    }
    if (!looked_up) {
        member = mro_lookup(type, attr, &found_in);
    }
    if (member != ES_OBJ_NULL) {
        /* Methods of a built-in base work on the built-in value; object's work on the instance. */
        bool from_native = !es_type_is_user_class(found_in);
        es_obj_t native = es_instance_native(self);
        bool bind_native = from_native && native != ES_OBJ_NULL && found_in != &es_type_object;
        es_member_to_dest(bind_native ? native : self, type, member, from_native, dest);
        return;
    }
    if (attr == ES_Q___class__) {
        dest[0] = es_obj_from_ptr(type);
    } else if (attr == ES_Q___dict__) {
        dest[0] = es_obj_from_ptr(inst->members);
    } else {
        es_obj_t native = es_instance_native(self);
        if (native != ES_OBJ_NULL) {
            const es_type_t *nt = es_obj_get_type(native);
            if (nt->attr != NULL) {
                nt->attr(native, attr, dest);
            }
            if (dest[0] == ES_OBJ_NULL) {
                es_obj_t wrapper = es_native_slot_method(user_type(type)->native_base, attr);
                if (wrapper != ES_OBJ_NULL) {
                    dest[0] = wrapper;
                    dest[1] = native;
                }
            }
        }
    }
}

/* obj.__class__ = cls: allowed between user classes whose instances have the same layout, as CPython. */
static void set_class(es_obj_instance_t *inst, es_obj_t cls) {
    if (!is_type(cls)) {
        es_raise_msg_varg(&es_type_TypeError, "__class__ must be set to a class, not '%s' object", es_obj_type_name(cls));
    }
    const es_type_t *old = inst->base.type;
    const es_type_t *new = es_obj_to_ptr(cls);
    if (!es_type_is_user_class(new) || user_type(new)->native_base != user_type(old)->native_base) {
        es_raise_msg_varg(&es_type_TypeError, "__class__ assignment: '%q' object layout differs from '%q'",
                          (es_qstr_t)new->name, (es_qstr_t)old->name);
    }
    inst->base.type = new;
}

/* Plain attribute store or delete (value NULL): data descriptors, else the instance dict. */
static bool instance_store_generic(es_obj_t self, es_qstr_t attr, es_obj_t value) {
    const es_type_t *type = es_obj_get_type(self);
    es_obj_instance_t *inst = es_obj_to_ptr(self);
    if (type->flags & ES_TYPE_FLAG_HAS_DATA_DESCRIPTORS) {
        const es_type_t *found_in;
        es_obj_t member = mro_lookup(type, attr, &found_in);
        if (member != ES_OBJ_NULL && is_data_descriptor(member)) {
            const es_type_t *mt = es_obj_get_type(member);
            if (mt == &es_type_property) {
                es_obj_property_t *p = es_obj_to_ptr(member);
                if (value != ES_OBJ_NULL) {
                    if (p->proxy[1] == ES_OBJ_NONE) {
                        es_raise_msg_varg(&es_type_AttributeError, "can't set attribute '%q'", attr);
                    }
                    es_call_function_2(p->proxy[1], self, value);
                } else {
                    if (p->proxy[2] == ES_OBJ_NONE) {
                        es_raise_msg_varg(&es_type_AttributeError, "can't delete attribute '%q'", attr);
                    }
                    es_call_function_1(p->proxy[2], self);
                }
                return true;
            }
            es_obj_t fn = user_lookup(mt, value != ES_OBJ_NULL ? ES_Q___set__ : ES_Q___delete__);
            if (fn == ES_OBJ_NULL) {
                es_raise_msg_varg(&es_type_AttributeError, "can't %s attribute '%q'", value ? "set" : "delete", attr);
            }
            es_obj_t args[2] = {self, value};
            call_special(fn, member, value != ES_OBJ_NULL ? 2 : 1, args);
            return true;
        }
    }
    if (value != ES_OBJ_NULL) {
        if (attr == ES_Q___class__) {
            set_class(inst, value);
            return true;
        }
        es_obj_dict_store(es_obj_from_ptr(inst->members), es_obj_new_qstr(attr), value);
        return true;
    }
    return es_map_lookup(&inst->members->map, es_obj_new_qstr(attr), ES_MAP_LOOKUP_REMOVE_IF_FOUND) != NULL;
}

static void instance_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    const es_type_t *type = es_obj_get_type(self);
    bool special = (type->flags & ES_TYPE_FLAG_HAS_SPECIAL_ACCESSORS) != 0;
    if (dest[0] == ES_OBJ_NULL) {
        if (special) {
            es_obj_t getattribute = user_lookup(type, ES_Q___getattribute__);
            if (getattribute != ES_OBJ_NULL) {
                es_obj_t name = es_obj_new_qstr(attr);
                es_nlr_buf_t nlr;
                if (es_nlr_push(&nlr) == 0) {
                    dest[0] = call_special(getattribute, self, 1, &name);
                    es_nlr_pop();
                    return;
                }
                if (!es_obj_exception_match(nlr.ret_val, &es_type_AttributeError) ||
                    user_lookup(type, ES_Q___getattr__) == ES_OBJ_NULL) {
                    es_nlr_jump(nlr.ret_val);
                }
            } else {
                instance_load_generic(self, attr, dest);
            }
        } else {
            instance_load_generic(self, attr, dest);
        }
        if (dest[0] == ES_OBJ_NULL && special) {
            es_obj_t getattr = user_lookup(type, ES_Q___getattr__);
            if (getattr != ES_OBJ_NULL) {
                es_obj_t name = es_obj_new_qstr(attr);
                dest[0] = call_special(getattr, self, 1, &name);
            }
        }
        return;
    }
    es_obj_t value = dest[1];
    if (special) {
        es_obj_t fn = user_lookup(type, value != ES_OBJ_NULL ? ES_Q___setattr__ : ES_Q___delattr__);
        if (fn != ES_OBJ_NULL) {
            es_obj_t args[2] = {es_obj_new_qstr(attr), value};
            call_special(fn, self, value != ES_OBJ_NULL ? 2 : 1, args);
            dest[0] = ES_OBJ_NULL;
            return;
        }
    }
    if (instance_store_generic(self, attr, value)) {
        dest[0] = ES_OBJ_NULL;
    }
}

/* ---- instance operators --------------------------------------------------------------------------- */

static const uint16_t unary_op_names[ES_UNARY_OP_NUM_OPS] = {
    [ES_UNARY_OP_BOOL] = ES_Q___bool__,     [ES_UNARY_OP_LEN] = ES_Q___len__,
    [ES_UNARY_OP_HASH] = ES_Q___hash__,     [ES_UNARY_OP_POSITIVE] = ES_Q___pos__,
    [ES_UNARY_OP_NEGATIVE] = ES_Q___neg__,  [ES_UNARY_OP_INVERT] = ES_Q___invert__,
    [ES_UNARY_OP_ABS] = ES_Q___abs__,       [ES_UNARY_OP_INT] = ES_Q___int__,
    [ES_UNARY_OP_FLOAT] = ES_Q___float__,   [ES_UNARY_OP_INDEX] = ES_Q___index__,
    [ES_UNARY_OP_SIZEOF] = ES_Q___sizeof__,
};

static es_obj_t instance_unary_op(es_unary_op_t op, es_obj_t self) {
    const es_type_t *type = es_obj_get_type(self);
    es_qstr_t name = op < ES_UNARY_OP_NUM_OPS ? unary_op_names[op] : ES_Q_NULL;
    es_obj_t meth = name != ES_Q_NULL ? user_lookup(type, name) : ES_OBJ_NULL;
    if (op == ES_UNARY_OP_HASH && meth == ES_OBJ_NONE) {
        es_raise_msg_varg(&es_type_TypeError, "unhashable type: '%q'", (es_qstr_t)type->name);
    }
    if (meth != ES_OBJ_NULL) {
        es_obj_t r = call_special(meth, self, 0, NULL);
        switch (op) {
            case ES_UNARY_OP_BOOL:
                if (r != ES_OBJ_TRUE && r != ES_OBJ_FALSE) {
                    es_raise_msg_varg(&es_type_TypeError, "__bool__ should return bool, returned %s", es_obj_type_name(r));
                }
                return r;
            case ES_UNARY_OP_LEN: {
                if (!es_obj_is_int(r) && !es_obj_is_small_int(r)) {
                    es_raise_msg_varg(&es_type_TypeError, "'%s' object cannot be interpreted as an integer",
                                      es_obj_type_name(r));
                }
                es_int_t len;
                if (!es_obj_get_int_maybe(r, &len) || !es_small_int_fits(len)) {
                    es_raise_msg(&es_type_OverflowError, "cannot fit 'int' into an index-sized integer");
                }
                if (len < 0) {
                    es_raise_msg(&es_type_ValueError, "__len__() should return >= 0");
                }
                return es_obj_new_small_int(len);
            }
            case ES_UNARY_OP_HASH:
                if (!es_obj_is_int(r) && !es_obj_is_small_int(r)) {
                    es_raise_msg(&es_type_TypeError, "__hash__ method should return an integer");
                }
                return es_obj_hash(r);
            case ES_UNARY_OP_INT:
            case ES_UNARY_OP_INDEX:
                if (!es_obj_is_int(r) && !es_obj_is_small_int(r) && r != ES_OBJ_TRUE && r != ES_OBJ_FALSE) {
                    es_raise_msg_varg(&es_type_TypeError, "__%s__ returned non-int (type %s)",
                                      op == ES_UNARY_OP_INT ? "int" : "index", es_obj_type_name(r));
                }
                return r;
            case ES_UNARY_OP_FLOAT:
                if (!es_obj_is_float(r)) {
                    es_raise_msg_varg(&es_type_TypeError, "%q.__float__ returned non-float (type %s)",
                                      (es_qstr_t)type->name, es_obj_type_name(r));
                }
                return r;
            default:
                return r;
        }
    }
    es_obj_t native = es_instance_native(self);
    if (native != ES_OBJ_NULL) {
        const es_type_t *nt = es_obj_get_type(native);
        if (op == ES_UNARY_OP_HASH) {
            return es_obj_hash(native);
        }
        return nt->unary_op != NULL ? nt->unary_op(op, native) : ES_OBJ_NULL;
    }
    if (op == ES_UNARY_OP_HASH) {
        return es_obj_new_small_int((es_int_t)(((uintptr_t)self >> 2) & (uintptr_t)ES_SMALL_INT_MAX));
    }
    return ES_OBJ_NULL;
}

static const uint16_t binary_op_names[ES_BINARY_OP_NUM_OPS] = {
    [ES_BINARY_OP_LESS] = ES_Q___lt__, [ES_BINARY_OP_MORE] = ES_Q___gt__, [ES_BINARY_OP_EQUAL] = ES_Q___eq__,
    [ES_BINARY_OP_LESS_EQUAL] = ES_Q___le__, [ES_BINARY_OP_MORE_EQUAL] = ES_Q___ge__,
    [ES_BINARY_OP_NOT_EQUAL] = ES_Q___ne__, [ES_BINARY_OP_IN] = ES_Q___contains__,
    [ES_BINARY_OP_INPLACE_OR] = ES_Q___ior__, [ES_BINARY_OP_INPLACE_XOR] = ES_Q___ixor__,
    [ES_BINARY_OP_INPLACE_AND] = ES_Q___iand__, [ES_BINARY_OP_INPLACE_LSHIFT] = ES_Q___ilshift__,
    [ES_BINARY_OP_INPLACE_RSHIFT] = ES_Q___irshift__, [ES_BINARY_OP_INPLACE_ADD] = ES_Q___iadd__,
    [ES_BINARY_OP_INPLACE_SUBTRACT] = ES_Q___isub__, [ES_BINARY_OP_INPLACE_MULTIPLY] = ES_Q___imul__,
    [ES_BINARY_OP_INPLACE_MAT_MULTIPLY] = ES_Q___imatmul__, [ES_BINARY_OP_INPLACE_FLOOR_DIVIDE] = ES_Q___ifloordiv__,
    [ES_BINARY_OP_INPLACE_TRUE_DIVIDE] = ES_Q___itruediv__, [ES_BINARY_OP_INPLACE_MODULO] = ES_Q___imod__,
    [ES_BINARY_OP_INPLACE_POWER] = ES_Q___ipow__,
    [ES_BINARY_OP_OR] = ES_Q___or__, [ES_BINARY_OP_XOR] = ES_Q___xor__, [ES_BINARY_OP_AND] = ES_Q___and__,
    [ES_BINARY_OP_LSHIFT] = ES_Q___lshift__, [ES_BINARY_OP_RSHIFT] = ES_Q___rshift__,
    [ES_BINARY_OP_ADD] = ES_Q___add__, [ES_BINARY_OP_SUBTRACT] = ES_Q___sub__,
    [ES_BINARY_OP_MULTIPLY] = ES_Q___mul__, [ES_BINARY_OP_MAT_MULTIPLY] = ES_Q___matmul__,
    [ES_BINARY_OP_FLOOR_DIVIDE] = ES_Q___floordiv__, [ES_BINARY_OP_TRUE_DIVIDE] = ES_Q___truediv__,
    [ES_BINARY_OP_MODULO] = ES_Q___mod__, [ES_BINARY_OP_POWER] = ES_Q___pow__,
    [ES_BINARY_OP_REVERSE_OR] = ES_Q___ror__, [ES_BINARY_OP_REVERSE_XOR] = ES_Q___rxor__,
    [ES_BINARY_OP_REVERSE_AND] = ES_Q___rand__, [ES_BINARY_OP_REVERSE_LSHIFT] = ES_Q___rlshift__,
    [ES_BINARY_OP_REVERSE_RSHIFT] = ES_Q___rrshift__, [ES_BINARY_OP_REVERSE_ADD] = ES_Q___radd__,
    [ES_BINARY_OP_REVERSE_SUBTRACT] = ES_Q___rsub__, [ES_BINARY_OP_REVERSE_MULTIPLY] = ES_Q___rmul__,
    [ES_BINARY_OP_REVERSE_MAT_MULTIPLY] = ES_Q___rmatmul__,
    [ES_BINARY_OP_REVERSE_FLOOR_DIVIDE] = ES_Q___rfloordiv__,
    [ES_BINARY_OP_REVERSE_TRUE_DIVIDE] = ES_Q___rtruediv__, [ES_BINARY_OP_REVERSE_MODULO] = ES_Q___rmod__,
    [ES_BINARY_OP_REVERSE_POWER] = ES_Q___rpow__, [ES_BINARY_OP_DIVMOD] = ES_Q___divmod__,
};

static es_obj_t unwrap(es_obj_t o) {
    es_obj_t n = es_instance_native(o);
    return n != ES_OBJ_NULL ? n : o;
}

static es_obj_t instance_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    const es_type_t *type = es_obj_get_type(lhs);
    es_qstr_t name = op < ES_BINARY_OP_NUM_OPS ? binary_op_names[op] : ES_Q_NULL;
    es_obj_t meth = name != ES_Q_NULL ? user_lookup(type, name) : ES_OBJ_NULL;
    if (meth != ES_OBJ_NULL && meth != ES_OBJ_NONE) {
        es_obj_t r = call_special(meth, lhs, 1, &rhs);
        if (r == ES_OBJ_NOT_IMPLEMENTED) {
            return ES_OBJ_NULL;
        }
        if (op == ES_BINARY_OP_IN) {
            return es_obj_new_bool(es_obj_is_true(r));
        }
        return r;
    }
    es_obj_t native = es_instance_native(lhs);
    if (native == ES_OBJ_NULL) {
        return ES_OBJ_NULL;
    }
    if (op >= ES_BINARY_OP_REVERSE_OR && op <= ES_BINARY_OP_REVERSE_POWER) {
        /* self is the right operand: redo the forward operation on the built-in value. */
        return es_binary_op((es_binary_op_t)(op - ES_BINARY_OP_REVERSE_OFFSET), unwrap(rhs), native);
    }
    const es_type_t *nt = es_obj_get_type(native);
    es_obj_t r = nt->binary_op != NULL ? nt->binary_op(op, native, unwrap(rhs)) : ES_OBJ_NULL;
    if (r == ES_OBJ_NULL && op == ES_BINARY_OP_IN) {
        r = es_binary_op(op, native, rhs);
    }
    /* l += [x] on a list subclass changes the list in place and must leave l the instance. */
    return r == native ? lhs : r;
}

static es_obj_t instance_subscr(es_obj_t self, es_obj_t index, es_obj_t value) {
    const es_type_t *type = es_obj_get_type(self);
    if (value == ES_OBJ_SENTINEL) {
        es_obj_t meth = user_lookup(type, ES_Q___getitem__);
        if (meth != ES_OBJ_NULL) {
            return call_special(meth, self, 1, &index);
        }
    } else if (value == ES_OBJ_NULL) {
        es_obj_t meth = user_lookup(type, ES_Q___delitem__);
        if (meth != ES_OBJ_NULL) {
            call_special(meth, self, 1, &index);
            return ES_OBJ_NONE;
        }
    } else {
        es_obj_t meth = user_lookup(type, ES_Q___setitem__);
        if (meth != ES_OBJ_NULL) {
            es_obj_t args[2] = {index, value};
            call_special(meth, self, 2, args);
            return ES_OBJ_NONE;
        }
    }
    es_obj_t native = es_instance_native(self);
    if (native == ES_OBJ_NULL) {
        return ES_OBJ_NULL;
    }
    es_obj_t missing = value == ES_OBJ_SENTINEL ? user_lookup(type, ES_Q___missing__) : ES_OBJ_NULL;
    if (missing == ES_OBJ_NULL) {
        return es_obj_subscr(native, index, value);
    }
    /* dict subclasses: a failed look-up asks __missing__. */
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_t r = es_obj_subscr(native, index, value);
        es_nlr_pop();
        return r;
    }
    if (!es_obj_exception_match(nlr.ret_val, &es_type_KeyError)) {
        es_nlr_jump(nlr.ret_val);
    }
    return call_special(missing, self, 1, &index);
}

static es_obj_t instance_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    const es_type_t *type = es_obj_get_type(self);
    es_obj_t meth = user_lookup(type, ES_Q___iter__);
    if (meth != ES_OBJ_NULL) {
        if (meth == ES_OBJ_NONE) {
            return ES_OBJ_NULL;
        }
        es_obj_t it = call_special(meth, self, 0, NULL);
        const es_type_t *it_type = es_obj_get_type(it);
        if (it_type->iternext == NULL || (es_type_is_user_class(it_type) && user_lookup(it_type, ES_Q___next__) == ES_OBJ_NULL &&
                                          es_instance_native(it) == ES_OBJ_NULL)) {
            es_raise_msg_varg(&es_type_TypeError, "iter() returned non-iterator of type '%s'", es_obj_type_name(it));
        }
        return it;
    }
    if (user_lookup(type, ES_Q___getitem__) != ES_OBJ_NULL) {
        return es_obj_new_seq_iter(self);
    }
    es_obj_t native = es_instance_native(self);
    if (native != ES_OBJ_NULL) {
        return es_getiter(native, iter_buf);
    }
    return ES_OBJ_NULL;
}

static es_obj_t instance_iternext(es_obj_t self) {
    const es_type_t *type = es_obj_get_type(self);
    es_obj_t meth = user_lookup(type, ES_Q___next__);
    if (meth != ES_OBJ_NULL) {
        es_nlr_buf_t nlr;
        if (es_nlr_push(&nlr) == 0) {
            es_obj_t r = call_special(meth, self, 0, NULL);
            es_nlr_pop();
            return r;
        }
        if (es_obj_exception_match(nlr.ret_val, &es_type_StopIteration)) {
            return ES_OBJ_STOP_ITERATION;
        }
        es_nlr_jump(nlr.ret_val);
    }
    es_obj_t native = es_instance_native(self);
    if (native != ES_OBJ_NULL && es_obj_get_type(native)->iternext != NULL) {
        return es_iternext(native);
    }
    es_raise_msg_varg(&es_type_TypeError, "'%s' object is not an iterator", es_obj_type_name(self));
}

static es_obj_t instance_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args) {
    const es_type_t *type = es_obj_get_type(self);
    es_obj_t meth = user_lookup(type, ES_Q___call__);
    if (meth == ES_OBJ_NULL) {
        es_obj_t native = es_instance_native(self);
        if (native != ES_OBJ_NULL) {
            return es_call_function_n_kw(native, n_args, n_kw, args);
        }
        es_raise_msg_varg(&es_type_TypeError, "'%s' object is not callable", es_obj_type_name(self));
    }
    es_obj_t dest[2] = {ES_OBJ_NULL, ES_OBJ_NULL};
    es_member_to_dest(self, type, meth, false, dest);
    if (dest[1] == ES_OBJ_NULL) {
        return es_call_function_n_kw(dest[0], n_args, n_kw, args);
    }
    return call_prepended(dest[0], self, n_args, n_kw, args);
}

static int instance_buffer(es_obj_t self, es_buffer_info_t *info, int flags) {
    es_obj_t native = es_instance_native(self);
    if (native != ES_OBJ_NULL) {
        const es_type_t *nt = es_obj_get_type(native);
        if (nt->buffer != NULL) {
            return nt->buffer(native, info, flags);
        }
    }
    return 1;
}

/* ---- special methods of built-in types as callables (int.__add__, super().__getitem__) -------------- */

/*
** Built-in types implement operators in their slots, not as named methods. When Python code
** asks for one by name, a small wrapper object is made that calls the slot directly on the
** built-in value, so that dict.__setitem__(self, k, v) from a subclass never re-enters the
** subclass's own __setitem__.
*/
typedef enum { WRAP_UNARY, WRAP_BINARY, WRAP_GETITEM, WRAP_SETITEM, WRAP_DELITEM, WRAP_ITER, WRAP_NEXT, WRAP_CALL, WRAP_REPR, WRAP_STR } wrap_kind_t;

typedef struct {
    es_obj_base_t base;
    const es_type_t *type;
    uint16_t name;
    uint8_t kind;
    uint8_t op;
} slot_wrapper_t;

static const es_type_t slot_wrapper_type;

/* Item assignment exists for the mutable containers only (tuple and str have no __setitem__). */
static bool native_is_assignable(const es_type_t *t) {
    return native_is_mutable(t) || is_subtype(t, &es_type_memoryview);
}

es_obj_t es_native_slot_method(const es_type_t *t, es_qstr_t attr) {
    if (es_type_is_user_class(t)) {
        return ES_OBJ_NULL;
    }
    int kind = -1, op = 0;
    if (attr == ES_Q___getitem__ && t->subscr != NULL) {
        kind = WRAP_GETITEM;
    } else if (attr == ES_Q___setitem__ && t->subscr != NULL && native_is_assignable(t)) {
        kind = WRAP_SETITEM;
    } else if (attr == ES_Q___delitem__ && t->subscr != NULL && native_is_assignable(t)) {
        kind = WRAP_DELITEM;
    } else if ((attr == ES_Q___repr__ || attr == ES_Q___str__) && t->print != NULL && t != &es_type_object) {
        kind = attr == ES_Q___repr__ ? WRAP_REPR : WRAP_STR;
    } else if (attr == ES_Q___iter__ && (t->getiter != NULL || (t->flags & ES_TYPE_FLAG_ITER_IS_SELF))) {
        kind = WRAP_ITER;
    } else if (attr == ES_Q___next__ && t->iternext != NULL) {
        kind = WRAP_NEXT;
    } else if (attr == ES_Q___call__ && t->call != NULL) {
        kind = WRAP_CALL;
    } else {
        for (int i = 0; i < ES_UNARY_OP_NUM_OPS && kind < 0; i++) {
            if (unary_op_names[i] == attr && t->unary_op != NULL && i != ES_UNARY_OP_HASH) {
                kind = WRAP_UNARY;
                op = i;
            }
        }
        for (int i = 0; i < ES_BINARY_OP_NUM_OPS && kind < 0; i++) {
            if (binary_op_names[i] == attr && t->binary_op != NULL) {
                kind = WRAP_BINARY;
                op = i;
            }
        }
    }
    if (kind < 0) {
        return ES_OBJ_NULL;
    }
    slot_wrapper_t *w = es_new(slot_wrapper_t);
    w->base.type = &slot_wrapper_type;
    w->type = t;
    w->name = (uint16_t)attr;
    w->kind = (uint8_t)kind;
    w->op = (uint8_t)op;
    return es_obj_from_ptr(w);
}

static es_obj_t slot_wrapper_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args) {
    const slot_wrapper_t *w = es_obj_to_ptr(self);
    static const uint8_t arity[] = {[WRAP_UNARY] = 1, [WRAP_BINARY] = 2, [WRAP_GETITEM] = 2, [WRAP_SETITEM] = 3,
                                    [WRAP_DELITEM] = 2, [WRAP_ITER] = 1,  [WRAP_NEXT] = 1,  [WRAP_CALL] = 1,
                                    [WRAP_REPR] = 1,    [WRAP_STR] = 1};
    if (n_args < 1 || (w->kind != WRAP_CALL && (n_args != arity[w->kind] || n_kw != 0))) {
        es_raise_msg_varg(&es_type_TypeError, "expected %u argument%s, got %u", (unsigned)(arity[w->kind] - 1),
                          arity[w->kind] == 2 ? "" : "s", (unsigned)(n_args > 0 ? n_args - 1 : 0));
    }
    es_obj_t obj = unwrap(args[0]);
    if (!is_subtype(es_obj_get_type(obj), w->type)) {
        es_raise_msg_varg(&es_type_TypeError, "descriptor '%q' requires a '%q' object but received a '%s'",
                          (es_qstr_t)w->name, (es_qstr_t)w->type->name, es_obj_type_name(args[0]));
    }
    const es_type_t *t = es_obj_get_type(obj);
    es_obj_t r = ES_OBJ_NULL;
    switch (w->kind) {
        case WRAP_UNARY:
            r = t->unary_op((es_unary_op_t)w->op, obj);
            if (r == ES_OBJ_NULL) {
                es_raise_msg_varg(&es_type_TypeError, "bad operand type for %q: '%s'", (es_qstr_t)w->name, es_obj_type_name(obj));
            }
            return r;
        case WRAP_BINARY:
            r = t->binary_op((es_binary_op_t)w->op, obj, args[1]);
            return r == ES_OBJ_NULL ? ES_OBJ_NOT_IMPLEMENTED : r;
        case WRAP_GETITEM:
            r = t->subscr(obj, args[1], ES_OBJ_SENTINEL);
            break;
        case WRAP_SETITEM:
            r = t->subscr(obj, args[1], args[2]);
            break;
        case WRAP_DELITEM:
            r = t->subscr(obj, args[1], ES_OBJ_NULL);
            break;
        case WRAP_ITER:
            return es_getiter(obj, NULL);
        case WRAP_REPR:
        case WRAP_STR: {
            es_vstr_t vstr;
            es_print_t print;
            es_vstr_init_print(&vstr, 16, &print);
            t->print(&print, obj, w->kind == WRAP_REPR ? ES_PRINT_REPR : ES_PRINT_STR);
            return es_obj_new_str_from_vstr(&es_type_str, &vstr);
        }
        case WRAP_NEXT:
            r = t->iternext(obj);
            if (r == ES_OBJ_STOP_ITERATION) {
                es_raise_stop_iteration(ES_OBJ_NULL);
            }
            return r;
        default:
            return t->call(obj, n_args - 1, n_kw, args + 1);
    }
    if (r == ES_OBJ_NULL) {
        es_obj_subscr(obj, args[1], w->kind == WRAP_GETITEM ? ES_OBJ_SENTINEL : w->kind == WRAP_DELITEM ? ES_OBJ_NULL : args[2]);
    }
    return w->kind == WRAP_GETITEM ? r : ES_OBJ_NONE;
}

static void slot_wrapper_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const slot_wrapper_t *w = es_obj_to_ptr(self);
    es_printf(print, "<slot wrapper '%q' of '%q' objects>", (es_qstr_t)w->name, (es_qstr_t)w->type->name);
}

static const es_type_t slot_wrapper_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_wrapper_descriptor,
    .print = slot_wrapper_print,
    .call = slot_wrapper_call,
};

bool es_obj_is_slot_wrapper(es_obj_t o) { return es_obj_is_type(o, &slot_wrapper_type); }

/*
** A C function of a built-in type's table reached through the type (bytearray.append): the call
** checks that the first argument is an instance, which the C function takes for granted, and
** passes the built-in value of a subclass instance, as a bound method would.
*/
typedef struct method_descriptor_t {
    es_obj_base_t base;
    const es_type_t *type;
    es_obj_t fun;
} method_descriptor_t;

static const es_type_t method_descriptor_type;

static es_obj_t method_descriptor_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args) {
    const method_descriptor_t *d = es_obj_to_ptr(self);
    es_qstr_t name = ((const es_obj_fun_builtin_t *)es_obj_to_ptr(d->fun))->name;
    if (n_args == 0) {
        es_raise_msg_varg(&es_type_TypeError, "unbound method %q.%q() needs an argument", (es_qstr_t)d->type->name, name);
    }
    if (!is_subtype(es_obj_get_type(args[0]), d->type)) {
        es_raise_msg_varg(&es_type_TypeError, "descriptor '%q' for '%q' objects doesn't apply to a '%s' object", name,
                          (es_qstr_t)d->type->name, es_obj_type_name(args[0]));
    }
    es_obj_t native = d->type == &es_type_object ? ES_OBJ_NULL : es_instance_native(args[0]);
    if (native == ES_OBJ_NULL) {
        return es_call_function_n_kw(d->fun, n_args, n_kw, args);
    }
    size_t n = n_args + 2 * n_kw;
    es_obj_t on_stack[8]; /* the usual call needs no heap */
    es_obj_t *copy = n <= ES_ARRAY_SIZE(on_stack) ? on_stack : es_alloc(n * sizeof(es_obj_t));
    memcpy(copy, args, n * sizeof(es_obj_t));
    copy[0] = native;
    return es_call_function_n_kw(d->fun, n_args, n_kw, copy);
}

static void method_descriptor_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const method_descriptor_t *d = es_obj_to_ptr(self);
    es_printf(print, "<method '%q' of '%q' objects>", (es_qstr_t)((const es_obj_fun_builtin_t *)es_obj_to_ptr(d->fun))->name,
              (es_qstr_t)d->type->name);
}

/* Each load makes a new wrapper: they compare and hash as the function they wrap. */
static es_obj_t method_descriptor_unary_op(es_unary_op_t op, es_obj_t self) {
    return op == ES_UNARY_OP_HASH ? es_unary_op(op, ((const method_descriptor_t *)es_obj_to_ptr(self))->fun) : ES_OBJ_NULL;
}

static es_obj_t method_descriptor_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    if ((op != ES_BINARY_OP_EQUAL && op != ES_BINARY_OP_NOT_EQUAL) || !es_obj_is_type(rhs, &method_descriptor_type)) {
        return ES_OBJ_NULL;
    }
    const method_descriptor_t *a = es_obj_to_ptr(lhs), *b = es_obj_to_ptr(rhs);
    return es_obj_new_bool((a->fun == b->fun && a->type == b->type) == (op == ES_BINARY_OP_EQUAL));
}

/* __name__ and friends come from the function. */
static void method_descriptor_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    es_obj_t fun = ((const method_descriptor_t *)es_obj_to_ptr(self))->fun;
    const es_type_t *ft = es_obj_get_type(fun);
    if (dest[0] == ES_OBJ_NULL && ft->attr != NULL) {
        ft->attr(fun, attr, dest);
    }
}

static const es_type_t method_descriptor_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_FINAL,
    .name = ES_Q_method_descriptor,
    .print = method_descriptor_print,
    .call = method_descriptor_call,
    .unary_op = method_descriptor_unary_op,
    .binary_op = method_descriptor_binary_op,
    .attr = method_descriptor_attr,
};

/* What `type.attr` gives for a C function of a built-in type's table; owner is that type. */
static es_obj_t checked_method(const es_type_t *owner, es_qstr_t attr, es_obj_t fun) {
    if (es_type_is_user_class(owner) || attr == ES_Q___new__ || attr == ES_Q___class_getitem__) {
        return fun; /* a user's own functions, and those whose first argument is a class */
    }
    method_descriptor_t *d = es_new(method_descriptor_t);
    d->base.type = &method_descriptor_type;
    d->type = owner;
    d->fun = fun;
    return es_obj_from_ptr(d);
}

/* ---- making classes ------------------------------------------------------------------------ */

/* The linearisation of a built-in type: itself, its parents (depth first), then object. */
static void native_linearise(const es_type_t *t, es_obj_t list) {
    while (t != NULL && t != &es_type_object) {
        es_obj_list_append(list, es_obj_from_ptr(t));
        if (t->flags & ES_TYPE_FLAG_MULTIPLE_BASES) {
            const es_obj_tuple_t *bases = t->parent;
            for (size_t i = 0; i < bases->len; i++) {
                native_linearise(es_obj_to_ptr(bases->items[i]), list);
            }
            return;
        }
        t = t->parent;
    }
}

static es_obj_t linearisation(const es_type_t *t) {
    if (es_type_is_user_class(t)) {
        const es_obj_tuple_t *mro = es_obj_to_ptr(user_type(t)->mro);
        return es_obj_new_list(mro->len, mro->items);
    }
    es_obj_t list = es_obj_new_list(0, NULL);
    native_linearise(t, list);
    es_obj_list_append(list, ES_OBJ_FROM_CONST(es_type_object));
    return list;
}

static bool in_tail(es_obj_t candidate, es_obj_list_t *const *seqs, const size_t *heads, size_t n) {
    for (size_t i = 0; i < n; i++) {
        for (size_t j = heads[i] + 1; j < seqs[i]->len; j++) {
            if (seqs[i]->items[j] == candidate) {
                return true;
            }
        }
    }
    return false;
}

/* C3: the class, then a merge of its bases' linearisations and the list of bases. */
static es_obj_t compute_mro(es_obj_t cls, size_t n_bases, const es_obj_t *bases) {
    size_t n = n_bases + 1;
    es_obj_list_t **seqs = es_new_array(es_obj_list_t *, n);
    size_t *heads = es_new_array(size_t, n);
    for (size_t i = 0; i < n_bases; i++) {
        seqs[i] = es_obj_to_ptr(linearisation(es_obj_to_ptr(bases[i])));
    }
    seqs[n_bases] = es_obj_to_ptr(es_obj_new_list(n_bases, bases));
    es_obj_t result = es_obj_new_list(0, NULL);
    es_obj_list_append(result, cls);
    for (;;) {
        bool any_left = false;
        es_obj_t pick = ES_OBJ_NULL;
        for (size_t i = 0; i < n && pick == ES_OBJ_NULL; i++) {
            if (heads[i] < seqs[i]->len) {
                any_left = true;
                es_obj_t candidate = seqs[i]->items[heads[i]];
                if (!in_tail(candidate, seqs, heads, n)) {
                    pick = candidate;
                }
            }
        }
        if (!any_left) {
            break;
        }
        if (pick == ES_OBJ_NULL) {
            es_raise_msg(&es_type_TypeError, "Cannot create a consistent method resolution order (MRO)");
        }
        es_obj_list_append(result, pick);
        for (size_t i = 0; i < n; i++) {
            if (heads[i] < seqs[i]->len && seqs[i]->items[heads[i]] == pick) {
                heads[i]++;
            }
        }
    }
    es_free(seqs);
    es_free(heads);
    es_obj_list_t *l = es_obj_to_ptr(result);
    return es_obj_new_tuple(l->len, l->items);
}

static const es_type_t *find_native_base(size_t n_bases, const es_obj_t *bases) {
    const es_type_t *native = NULL;
    for (size_t i = 0; i < n_bases; i++) {
        const es_type_t *b = es_obj_to_ptr(bases[i]);
        const es_type_t *nb = es_type_is_user_class(b) ? user_type(b)->native_base : (b == &es_type_object || (b->flags & ES_TYPE_FLAG_STATELESS_BASE) ? NULL : b);
        if (nb == NULL) {
            continue;
        }
        if (native == NULL || is_subtype(nb, native)) {
            native = nb;
        } else if (!is_subtype(native, nb)) {
            es_raise_msg(&es_type_TypeError, "multiple bases have instance lay-out conflict");
        }
    }
    return native;
}

static void call_set_name(es_obj_t cls, es_obj_dict_t *dict) {
    es_map_t *map = &dict->map;
    for (size_t i = 0; i < map->used; i++) {
        if (!es_map_slot_is_filled(map, i)) {
            continue;
        }
        es_obj_t value = map->table[i].value;
        const es_type_t *vt = es_obj_get_type(value);
        if (es_type_is_user_class(vt)) {
            es_obj_t set_name = user_lookup(vt, ES_Q___set_name__);
            if (set_name != ES_OBJ_NULL) {
                es_obj_t args[2] = {cls, map->table[i].key};
                call_special(set_name, value, 2, args);
            }
        }
    }
}

/* Sets the type flags that make attribute access take the slow, fully general path only when needed. */
static void update_flags(es_type_t *t, es_qstr_t name, es_obj_t value) {
    if (name == ES_Q___getattr__ || name == ES_Q___getattribute__ || name == ES_Q___setattr__ ||
        name == ES_Q___delattr__) {
        t->flags |= ES_TYPE_FLAG_HAS_SPECIAL_ACCESSORS;
    }
    if (name == ES_Q___del__) {
        t->flags |= ES_TYPE_FLAG_HAS_FINALISER;
    }
    if (value != ES_OBJ_NULL && is_data_descriptor(value)) {
        t->flags |= ES_TYPE_FLAG_HAS_DATA_DESCRIPTORS;
    }
}

static void scan_dict_flags(es_type_t *t, es_obj_dict_t *dict) {
    es_map_t *map = &dict->map;
    for (size_t i = 0; i < map->used; i++) {
        if (es_map_slot_is_filled(map, i) && es_obj_is_qstr(map->table[i].key)) {
            update_flags(t, es_obj_qstr_value(map->table[i].key), map->table[i].value);
        }
    }
}

static es_obj_t make_class(es_qstr_t name, es_obj_t bases_tuple, es_obj_t locals, size_t n_kw, const es_obj_t *kw) {
    size_t n_bases;
    es_obj_t *bases;
    es_obj_get_array(bases_tuple, &n_bases, &bases);
    for (size_t i = 0; i < n_bases; i++) {
        if (!is_type(bases[i])) {
            es_raise_msg(&es_type_TypeError, "bases must be types");
        }
        const es_type_t *b = es_obj_to_ptr(bases[i]);
        if ((b->flags & ES_TYPE_FLAG_FINAL) || (!es_type_is_user_class(b) && b->make_new == NULL && b != &es_type_object)) {
            es_raise_msg_varg(&es_type_TypeError, "type '%q' is not an acceptable base type", (es_qstr_t)b->name);
        }
    }
    es_obj_t native_dict = es_instance_native(locals);
    if (native_dict != ES_OBJ_NULL) {
        locals = native_dict;
    }
    if (!es_obj_is_type(locals, &es_type_dict)) {
        es_raise_msg(&es_type_TypeError, "type() argument 3 must be dict");
    }
    es_obj_dict_t *dict = es_obj_to_ptr(locals);
    /* Attribute caches rely on hearing of every name added to or removed from a class dict. */
    es_map_watch(&dict->map);

    es_user_type_t *ut = es_new(es_user_type_t);
    es_type_t *t = &ut->type;
    t->base.type = &es_type_type;
    t->flags = ES_TYPE_FLAG_IS_USER_CLASS;
    t->name = (uint16_t)name;
    t->print = instance_print;
    t->make_new = instance_make_new;
    t->call = instance_call;
    t->unary_op = instance_unary_op;
    t->binary_op = instance_binary_op;
    t->attr = instance_attr;
    t->subscr = instance_subscr;
    t->getiter = instance_getiter;
    t->iternext = instance_iternext;
    t->buffer = instance_buffer;
    t->locals_dict = dict;
    if (n_bases == 1) {
        t->parent = es_obj_to_ptr(bases[0]);
    } else if (n_bases > 1) {
        t->parent = es_obj_to_ptr(bases_tuple);
        t->flags |= ES_TYPE_FLAG_MULTIPLE_BASES;
    }
    ut->native_base = find_native_base(n_bases, bases);
    if (ut->native_base != NULL) {
        t->protocol = ut->native_base->protocol;
    }
    es_obj_t cls = es_obj_from_ptr(t);
    static const es_obj_t object_only[1] = {ES_OBJ_FROM_CONST(es_type_object)};
    ut->mro = n_bases == 0 ? compute_mro(cls, 1, object_only) : compute_mro(cls, n_bases, bases);

    /* __qualname__ and __classcell__ are instructions to type(), not class attributes. */
    es_map_elem_t *elem = es_map_lookup(&dict->map, ES_OBJ_NEW_QSTR(ES_Q___qualname__), ES_MAP_LOOKUP_REMOVE_IF_FOUND);
    ut->qualname = elem != NULL ? elem->value : es_obj_new_qstr(name);
    elem = es_map_lookup(&dict->map, ES_OBJ_NEW_QSTR(ES_Q___classcell__), ES_MAP_LOOKUP_REMOVE_IF_FOUND);
    if (elem != NULL && es_obj_is_type(elem->value, &es_type_cell)) {
        es_obj_cell_set(elem->value, cls);
    }
    /* As CPython: __new__ is a static method, __init_subclass__ a class method, and defining
    ** __eq__ without __hash__ makes instances unhashable. */
    elem = es_map_lookup(&dict->map, ES_OBJ_NEW_QSTR(ES_Q___new__), ES_MAP_LOOKUP);
    if (elem != NULL && es_obj_is_function(elem->value)) {
        es_obj_t arg = elem->value;
        elem->value = es_type_staticmethod.make_new(&es_type_staticmethod, 1, 0, &arg);
    }
    elem = es_map_lookup(&dict->map, ES_OBJ_NEW_QSTR(ES_Q___init_subclass__), ES_MAP_LOOKUP);
    if (elem != NULL && es_obj_is_function(elem->value)) {
        es_obj_t arg = elem->value;
        elem->value = es_type_classmethod.make_new(&es_type_classmethod, 1, 0, &arg);
    }
    if (es_map_lookup(&dict->map, ES_OBJ_NEW_QSTR(ES_Q___eq__), ES_MAP_LOOKUP) != NULL &&
        es_map_lookup(&dict->map, ES_OBJ_NEW_QSTR(ES_Q___hash__), ES_MAP_LOOKUP) == NULL) {
        es_obj_dict_store(locals, ES_OBJ_NEW_QSTR(ES_Q___hash__), ES_OBJ_NONE);
    }

    const es_obj_tuple_t *mro = es_obj_to_ptr(ut->mro);
    for (size_t i = 0; i < mro->len; i++) {
        const es_type_t *c = es_obj_to_ptr(mro->items[i]);
        if (es_type_is_user_class(c)) {
            scan_dict_flags(t, c->locals_dict);
        }
    }

    call_set_name(cls, dict);
    /* The nearest base's __init_subclass__ sees the new class and the class statement's keywords. */
    for (size_t i = 1; i < mro->len; i++) {
        const es_type_t *c = es_obj_to_ptr(mro->items[i]);
        if (!es_type_is_user_class(c)) {
            continue;
        }
        es_map_elem_t *e = es_map_lookup(&c->locals_dict->map, ES_OBJ_NEW_QSTR(ES_Q___init_subclass__), ES_MAP_LOOKUP);
        if (e != NULL) {
            es_obj_t fn = e->value;
            if (es_obj_is_type(fn, &es_type_classmethod)) {
                fn = ((es_obj_static_class_method_t *)es_obj_to_ptr(fn))->fun;
            }
            es_obj_t *all = es_new_array(es_obj_t, 1 + 2 * n_kw);
            all[0] = cls;
            memcpy(all + 1, kw, 2 * n_kw * sizeof(es_obj_t));
            es_call_function_n_kw(fn, 1, n_kw, all);
            es_free(all);
            n_kw = 0;
            break;
        }
    }
    if (n_kw != 0) {
        es_raise_msg_varg(&es_type_TypeError, "%q.__init_subclass__() takes no keyword arguments", name);
    }
    return cls;
}

es_obj_t es_type_new_class(es_qstr_t name, es_obj_t bases_tuple, es_obj_t locals_dict) {
    return make_class(name, bases_tuple, locals_dict, 0, NULL);
}

/* __build_class__(body, name, *bases, metaclass=None, **kw): runs the body with a fresh namespace. */
static es_obj_t builtin___build_class__(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    if (n_args < 2) {
        es_raise_msg(&es_type_TypeError, "__build_class__: not enough arguments");
    }
    es_obj_t body = args[0];
    if (!es_obj_is_str(args[1])) {
        es_raise_msg(&es_type_TypeError, "__build_class__: name is not a string");
    }
    es_qstr_t name = es_obj_str_get_qstr(args[1]);
    es_obj_t bases = es_obj_new_tuple(n_args - 2, args + 2);

    /* Keywords other than metaclass go to __init_subclass__. */
    es_obj_t metaclass = ES_OBJ_NULL;
    es_obj_t *kw = es_new_array(es_obj_t, 2 * kw_args->count + 1);
    size_t n_kw = 0;
    for (size_t i = 0; i < kw_args->used; i++) {
        if (!es_map_slot_is_filled(kw_args, i)) {
            continue;
        }
        if (es_obj_equal(kw_args->table[i].key, ES_OBJ_NEW_QSTR(ES_Q_metaclass))) {
            metaclass = kw_args->table[i].value;
        } else {
            kw[2 * n_kw] = kw_args->table[i].key;
            kw[2 * n_kw + 1] = kw_args->table[i].value;
            n_kw++;
        }
    }

    es_obj_t ns = es_obj_new_dict(0);
    es_obj_dict_t *globals = es_globals_get();
    if (globals != NULL) {
        es_map_elem_t *mod = es_map_lookup(&globals->map, ES_OBJ_NEW_QSTR(ES_Q___name__), ES_MAP_LOOKUP);
        if (mod != NULL) {
            es_obj_dict_store(ns, ES_OBJ_NEW_QSTR(ES_Q___module__), mod->value);
        }
    }
    es_obj_dict_store(ns, ES_OBJ_NEW_QSTR(ES_Q___qualname__), args[1]);

    es_obj_dict_t *old_locals = es_locals_get();
    es_locals_set(es_obj_to_ptr(ns));
    es_nlr_buf_t nlr;
    es_obj_t cell;
    if (es_nlr_push(&nlr) == 0) {
        cell = es_call_function_0(body);
        es_nlr_pop();
    } else {
        es_locals_set(old_locals);
        es_nlr_jump(nlr.ret_val);
    }
    es_locals_set(old_locals);

    es_obj_t cls;
    /* Classes cannot have their own metaclass here (as in MicroPython): a subclass of type given
    ** as metaclass makes an ordinary class; any other callable makes the class itself. */
    if (metaclass != ES_OBJ_NULL && !(is_type(metaclass) && is_subtype(es_obj_to_ptr(metaclass), &es_type_type))) {
        es_obj_t margs[3] = {args[1], bases, ns};
        cls = es_call_function_n_kw(metaclass, 3, 0, margs);
    } else {
        cls = make_class(name, bases, ns, n_kw, kw);
    }
    es_free(kw);
    if (es_obj_is_type(cell, &es_type_cell)) {
        es_obj_cell_set(cell, cls);
    }
    return cls;
}
const es_obj_fun_builtin_t es_builtin___build_class___obj = {
    {&es_type_builtin_function}, ES_FUN_KW, 2, ES_FUN_ARGS_MAX, ES_Q___build_class__, {.kw = builtin___build_class__}};

/* ---- type ------------------------------------------------------------------------------------ */

static void type_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_type_t *t = es_obj_to_ptr(self);
    if (es_type_is_user_class(t)) {
        es_map_elem_t *mod = es_map_lookup(&t->locals_dict->map, ES_OBJ_NEW_QSTR(ES_Q___module__), ES_MAP_LOOKUP);
        if (mod != NULL && es_obj_is_str(mod->value) &&
            !(es_obj_is_qstr(mod->value) && es_obj_qstr_value(mod->value) == ES_Q_builtins)) {
            es_printf(print, "<class '%O.%O'>", mod->value, user_type(t)->qualname);
            return;
        }
        es_printf(print, "<class '%O'>", user_type(t)->qualname);
        return;
    }
    es_printf(print, "<class '%q'>", (es_qstr_t)t->name);
}

static es_obj_t type_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    ES_UNUSED(n_kw);
    if (n_args == 1) {
        return es_obj_from_ptr(es_obj_get_type(args[0]));
    }
    if (n_args == 3) {
        if (!es_obj_is_str(args[0])) {
            es_raise_msg_varg(&es_type_TypeError, "type.__new__() argument 1 must be str, not %s", es_obj_type_name(args[0]));
        }
        if (!es_obj_is_type(args[1], &es_type_tuple)) {
            es_raise_msg_varg(&es_type_TypeError, "type.__new__() argument 2 must be tuple, not %s", es_obj_type_name(args[1]));
        }
        return make_class(es_obj_str_get_qstr(args[0]), args[1], args[2], n_kw, args + 3);
    }
    es_raise_msg(&es_type_TypeError, "type() takes 1 or 3 arguments");
}

static es_obj_t type_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args) {
    const es_type_t *t = es_obj_to_ptr(self);
    if (t->make_new == NULL) {
        es_raise_msg_varg(&es_type_TypeError, "cannot create '%q' instances", (es_qstr_t)t->name);
    }
    return t->make_new(t, n_args, n_kw, args);
}

static es_obj_t bases_of(const es_type_t *t) {
    if (t->parent == NULL) {
        return t == &es_type_object ? ES_OBJ_EMPTY_TUPLE : es_obj_new_tuple(1, (const es_obj_t[]){ES_OBJ_FROM_CONST(es_type_object)});
    }
    if (t->flags & ES_TYPE_FLAG_MULTIPLE_BASES) {
        return es_obj_from_ptr(t->parent);
    }
    es_obj_t parent = es_obj_from_ptr(t->parent);
    return es_obj_new_tuple(1, &parent);
}

static void type_load_attr(const es_type_t *t, es_qstr_t attr, es_obj_t *dest) {
    bool user = es_type_is_user_class(t);
    switch (attr) {
        case ES_Q___name__:
            dest[0] = es_obj_new_qstr(t->name);
            return;
        case ES_Q___qualname__:
            dest[0] = user ? user_type(t)->qualname : es_obj_new_qstr(t->name);
            return;
        case ES_Q___module__:
            if (!user) {
                dest[0] = ES_OBJ_NEW_QSTR(ES_Q_builtins);
                return;
            }
            break;
        case ES_Q___dict__:
            if (t->locals_dict != NULL) {
                dest[0] = es_obj_from_ptr(t->locals_dict);
            } else {
                dest[0] = es_obj_new_dict(0);
            }
            return;
        case ES_Q___bases__:
            dest[0] = bases_of(t);
            return;
        case ES_Q___base__: {
            es_obj_t bases = bases_of(t);
            const es_obj_tuple_t *b = es_obj_to_ptr(bases);
            dest[0] = b->len > 0 ? b->items[0] : ES_OBJ_NONE;
            return;
        }
        case ES_Q___mro__:
            if (user) {
                dest[0] = user_type(t)->mro;
            } else {
                es_obj_list_t *l = es_obj_to_ptr(linearisation(t));
                dest[0] = es_obj_new_tuple(l->len, l->items);
            }
            return;
        case ES_Q___class__:
            dest[0] = ES_OBJ_FROM_CONST(es_type_type);
            return;
        default:
            break;
    }
    es_obj_t member = es_type_lookup(t, attr);
    if (member == ES_OBJ_NULL && !user) {
        member = es_native_slot_method(t, attr);
    }
    if (member == ES_OBJ_NULL) {
        if (attr == ES_Q___doc__) {
            dest[0] = ES_OBJ_NONE;
        } else {
            /* Methods of type itself (C.mro()) bind to the class. */
            es_map_elem_t *elem = es_map_lookup(&es_type_type.locals_dict->map, es_obj_new_qstr(attr), ES_MAP_LOOKUP);
            if (elem != NULL) {
                dest[0] = elem->value;
                dest[1] = es_obj_from_ptr(t);
            }
        }
        return;
    }
    const es_type_t *mt = es_obj_get_type(member);
    if (mt == &es_type_staticmethod) {
        dest[0] = ((es_obj_static_class_method_t *)es_obj_to_ptr(member))->fun;
    } else if (mt == &es_type_classmethod) {
        dest[0] = ((es_obj_static_class_method_t *)es_obj_to_ptr(member))->fun;
        dest[1] = es_obj_from_ptr(t);
    } else if (es_type_is_user_class(mt)) {
        es_obj_t get = user_lookup(mt, ES_Q___get__);
        if (get != ES_OBJ_NULL) {
            es_obj_t args[2] = {ES_OBJ_NONE, es_obj_from_ptr(t)};
            dest[0] = call_special(get, member, 2, args);
        } else {
            dest[0] = member;
        }
    } else if (mt == &es_type_builtin_function) {
        const es_type_t *owner = t;
        if (user) {
            mro_lookup(t, attr, &owner);
        } else {
            /* bool.bit_length is int's: it applies to ints */
            es_obj_t key = es_obj_new_qstr(attr);
            while ((owner->locals_dict == NULL || es_map_lookup(&owner->locals_dict->map, key, ES_MAP_LOOKUP) == NULL) &&
                   owner->parent != NULL && !(owner->flags & ES_TYPE_FLAG_MULTIPLE_BASES)) {
                owner = owner->parent;
            }
        }
        dest[0] = checked_method(owner, attr, member);
    } else {
        dest[0] = member;
    }
}

static void type_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    es_type_t *t = es_obj_to_ptr(self);
    if (dest[0] == ES_OBJ_NULL) {
        type_load_attr(t, attr, dest);
        return;
    }
    if (!es_type_is_user_class(t)) {
        es_raise_msg_varg(&es_type_TypeError, "cannot set '%q' attribute of immutable type '%q'", attr,
                          (es_qstr_t)t->name);
    }
    es_obj_t key = es_obj_new_qstr(attr);
    if (dest[1] == ES_OBJ_NULL) {
        if (es_map_lookup(&t->locals_dict->map, key, ES_MAP_LOOKUP_REMOVE_IF_FOUND) != NULL) {
            dest[0] = ES_OBJ_NULL;
        }
        return;
    }
    if (attr == ES_Q___name__ && es_obj_is_str(dest[1])) {
        t->name = (uint16_t)es_obj_str_get_qstr(dest[1]);
    } else if (attr == ES_Q___qualname__) {
        ((es_user_type_t *)t)->qualname = dest[1];
    } else {
        es_obj_dict_store(es_obj_from_ptr(t->locals_dict), key, dest[1]);
        update_flags(t, attr, dest[1]);
    }
    dest[0] = ES_OBJ_NULL;
}

static es_obj_t type_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    if (op == ES_BINARY_OP_EQUAL) {
        return es_obj_new_bool(lhs == rhs);
    }
    return ES_OBJ_NULL;
}

static es_obj_t type_unary_op(es_unary_op_t op, es_obj_t self) {
    if (op == ES_UNARY_OP_HASH) {
        return es_obj_new_small_int((es_int_t)(((uintptr_t)self >> 2) & (uintptr_t)ES_SMALL_INT_MAX));
    }
    return ES_OBJ_NULL;
}

static es_obj_t type_mro(es_obj_t self) {
    es_obj_t dest[2] = {ES_OBJ_NULL, ES_OBJ_NULL};
    type_load_attr(es_obj_to_ptr(self), ES_Q___mro__, dest);
    const es_obj_tuple_t *t = es_obj_to_ptr(dest[0]);
    return es_obj_new_list(t->len, t->items);
}
static ES_DEFINE_FUN_1(type_mro_obj, ES_Q_mro, type_mro);

static const es_map_elem_t type_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_mro), ES_OBJ_FROM_CONST(type_mro_obj)},
};
static ES_DEFINE_CONST_DICT(type_locals_dict, type_locals_table);

const es_type_t es_type_type = {
    .base = {&es_type_type},
    .name = ES_Q_type,
    .print = type_print,
    .make_new = type_make_new,
    .call = type_call,
    .unary_op = type_unary_op,
    .binary_op = type_binary_op,
    .attr = type_attr,
    .locals_dict = (es_obj_dict_t *)&type_locals_dict,
};

/* ---- object ------------------------------------------------------------------------------------ */

static es_obj_t object_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(args);
    if (n_args != 0 || n_kw != 0) {
        es_raise_msg(&es_type_TypeError, "object() takes no arguments");
    }
    es_obj_base_t *o = es_new(es_obj_base_t);
    o->type = type;
    return es_obj_from_ptr(o);
}

static es_obj_t object___init__(size_t n_args, const es_obj_t *args) {
    if (n_args > 1) {
        const es_type_t *t = es_obj_get_type(args[0]);
        if (!es_type_is_user_class(t) || user_lookup(t, ES_Q___new__) == ES_OBJ_NULL) {
            es_raise_msg(&es_type_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        }
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(object___init___obj, ES_Q___init__, 1, ES_FUN_ARGS_MAX, object___init__);

static es_obj_t object___new__(size_t n_args, const es_obj_t *args) {
    if (!is_type(args[0])) {
        es_raise_msg_varg(&es_type_TypeError, "object.__new__(X): X is not a type object (%s)", es_obj_type_name(args[0]));
    }
    const es_type_t *t = es_obj_to_ptr(args[0]);
    if (es_type_is_user_class(t)) {
        return instance_new(t, n_args - 1, 0, args + 1, false);
    }
    if (t->make_new == NULL) {
        es_raise_msg_varg(&es_type_TypeError, "cannot create '%q' instances", (es_qstr_t)t->name);
    }
    return t->make_new(t, n_args - 1, 0, args + 1);
}
static ES_DEFINE_FUN_VAR(object___new___fun_obj, ES_Q___new__, 1, ES_FUN_ARGS_MAX, object___new__);
static const es_obj_static_class_method_t object___new___obj = {{&es_type_staticmethod},
                                                                  ES_OBJ_FROM_CONST(object___new___fun_obj)};

static es_obj_t object___setattr__(es_obj_t self, es_obj_t name, es_obj_t value) {
    es_qstr_t attr = es_obj_str_get_qstr(name);
    if (es_type_is_user_class(es_obj_get_type(self))) {
        instance_store_generic(self, attr, value);
    } else {
        es_store_attr(self, attr, value);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(object___setattr___obj, ES_Q___setattr__, object___setattr__);

static es_obj_t object___delattr__(es_obj_t self, es_obj_t name) {
    es_qstr_t attr = es_obj_str_get_qstr(name);
    if (es_type_is_user_class(es_obj_get_type(self))) {
        if (!instance_store_generic(self, attr, ES_OBJ_NULL)) {
            es_raise_attribute_error(self, attr);
        }
    } else {
        es_delete_attr(self, attr);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(object___delattr___obj, ES_Q___delattr__, object___delattr__);

static es_obj_t object___getattribute__(es_obj_t self, es_obj_t name) {
    es_qstr_t attr = es_obj_str_get_qstr(name);
    if (!es_type_is_user_class(es_obj_get_type(self))) {
        return es_load_attr(self, attr);
    }
    es_obj_t dest[2] = {ES_OBJ_NULL, ES_OBJ_NULL};
    instance_load_generic(self, attr, dest);
    if (dest[0] == ES_OBJ_NULL) {
        es_raise_attribute_error(self, attr);
    }
    return dest[1] != ES_OBJ_NULL ? es_obj_new_bound_meth(dest[0], dest[1]) : dest[0];
}
static ES_DEFINE_FUN_2(object___getattribute___obj, ES_Q___getattribute__, object___getattribute__);

static es_obj_t object___repr__(es_obj_t self) {
    es_vstr_t vstr;
    es_print_t print;
    es_vstr_init_print(&vstr, 32, &print);
    if (es_type_is_user_class(es_obj_get_type(self))) {
        default_instance_print(&print, self);
    } else {
        es_obj_print_helper(&print, self, ES_PRINT_REPR);
    }
    return es_obj_new_str_from_vstr(&es_type_str, &vstr);
}
static ES_DEFINE_FUN_1(object___repr___obj, ES_Q___repr__, object___repr__);

static es_obj_t object___str__(es_obj_t self) {
    es_vstr_t vstr;
    es_print_t print;
    es_vstr_init_print(&vstr, 32, &print);
    es_obj_print_helper(&print, self, ES_PRINT_REPR);
    return es_obj_new_str_from_vstr(&es_type_str, &vstr);
}
static ES_DEFINE_FUN_1(object___str___obj, ES_Q___str__, object___str__);

static es_obj_t object___eq__(es_obj_t self, es_obj_t other) {
    if (self == other) {
        return ES_OBJ_TRUE;
    }
    const es_type_t *t = es_obj_get_type(self);
    if (!es_type_is_user_class(t) && t->binary_op != NULL) {
        es_obj_t r = t->binary_op(ES_BINARY_OP_EQUAL, self, other);
        if (r != ES_OBJ_NULL) {
            return r;
        }
    }
    return ES_OBJ_NOT_IMPLEMENTED;
}
static ES_DEFINE_FUN_2(object___eq___obj, ES_Q___eq__, object___eq__);

static es_obj_t object___ne__(es_obj_t self, es_obj_t other) {
    es_obj_t r = es_binary_op(ES_BINARY_OP_EQUAL, self, other);
    return es_obj_new_bool(!es_obj_is_true(r));
}
static ES_DEFINE_FUN_2(object___ne___obj, ES_Q___ne__, object___ne__);

static es_obj_t object___hash__(es_obj_t self) {
    if (es_type_is_user_class(es_obj_get_type(self))) {
        return es_obj_new_small_int((es_int_t)(((uintptr_t)self >> 2) & (uintptr_t)ES_SMALL_INT_MAX));
    }
    return es_obj_hash(self);
}
static ES_DEFINE_FUN_1(object___hash___obj, ES_Q___hash__, object___hash__);

static es_obj_t object___format__(es_obj_t self, es_obj_t spec) {
    es_obj_t native = es_instance_native(self);
    if (native != ES_OBJ_NULL) {
        /* A subclass of int or str formats as its built-in value does. */
        return es_obj_format(native, spec);
    }
    if (es_obj_is_true(spec)) {
        es_raise_msg_varg(&es_type_TypeError, "unsupported format string passed to %s.__format__", es_obj_type_name(self));
    }
    es_vstr_t vstr;
    es_print_t print;
    es_vstr_init_print(&vstr, 32, &print);
    es_obj_print_helper(&print, self, ES_PRINT_STR);
    return es_obj_new_str_from_vstr(&es_type_str, &vstr);
}
static ES_DEFINE_FUN_2(object___format___obj, ES_Q___format__, object___format__);

static const es_map_elem_t object_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___init__), ES_OBJ_FROM_CONST(object___init___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___new__), ES_OBJ_FROM_CONST(object___new___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___setattr__), ES_OBJ_FROM_CONST(object___setattr___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___delattr__), ES_OBJ_FROM_CONST(object___delattr___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___getattribute__), ES_OBJ_FROM_CONST(object___getattribute___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___repr__), ES_OBJ_FROM_CONST(object___repr___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___str__), ES_OBJ_FROM_CONST(object___str___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___eq__), ES_OBJ_FROM_CONST(object___eq___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___ne__), ES_OBJ_FROM_CONST(object___ne___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___hash__), ES_OBJ_FROM_CONST(object___hash___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___format__), ES_OBJ_FROM_CONST(object___format___obj)},
};
static ES_DEFINE_CONST_DICT(object_locals_dict, object_locals_table);

static void object_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_printf(print, "<object object at %p>", es_obj_to_ptr(self));
}

const es_type_t es_type_object = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY,
    .name = ES_Q_object,
    .print = object_print,
    .make_new = object_make_new,
    .locals_dict = (es_obj_dict_t *)&object_locals_dict,
};

/* ---- super ------------------------------------------------------------------------------------- */

typedef struct {
    es_obj_base_t base;
    es_obj_t type; /* the class whose bases are searched */
    es_obj_t obj;  /* the instance (or class) methods bind to */
} super_t;

static es_obj_t super_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    if (n_kw != 0) {
        es_raise_msg(&es_type_TypeError, "super() takes no keyword arguments");
    }
    if (n_args == 0) {
        es_raise_msg(&es_type_RuntimeError, "super(): no arguments");
    }
    if (n_args > 2) {
        es_raise_msg_varg(&es_type_TypeError, "super() takes at most 2 arguments (%u given)", (unsigned)n_args);
    }
    if (!is_type(args[0])) {
        es_raise_msg_varg(&es_type_TypeError, "super() argument 1 must be a type, not %s", es_obj_type_name(args[0]));
    }
    if (n_args == 2) {
        const es_type_t *ot = is_type(args[1]) ? es_obj_to_ptr(args[1]) : es_obj_get_type(args[1]);
        if (!is_subtype(ot, es_obj_to_ptr(args[0])) && !is_subtype(es_obj_get_type(args[1]), es_obj_to_ptr(args[0]))) {
            es_raise_msg(&es_type_TypeError, "super(type, obj): obj must be an instance or subtype of type");
        }
    }
    super_t *s = es_new(super_t);
    s->base.type = &es_type_super;
    s->type = args[0];
    s->obj = n_args == 2 ? args[1] : ES_OBJ_NONE;
    return es_obj_from_ptr(s);
}

/* super().__init__(...) reaching a built-in base: rebuild the built-in part from the arguments. */
static es_obj_t native_init(size_t n_args, const es_obj_t *args) {
    es_obj_t self = args[0];
    const es_type_t *t = es_obj_get_type(self);
    if (!es_type_is_user_class(t) || user_type(t)->native_base == NULL) {
        return ES_OBJ_NONE;
    }
    const es_type_t *native = user_type(t)->native_base;
    es_obj_instance_t *inst = es_obj_to_ptr(self);
    if (es_obj_is_exception_instance(inst->subobj[0])) {
        ((es_obj_exception_t *)es_obj_to_ptr(inst->subobj[0]))->args = es_obj_new_tuple(n_args - 1, args + 1);
    } else if (native_is_mutable(native) || (native->flags & ES_TYPE_FLAG_INIT_BUILDS_NATIVE)) {
        inst->subobj[0] = native->make_new(native, n_args - 1, 0, args + 1);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(native_init_obj, ES_Q___init__, 1, ES_FUN_ARGS_MAX, native_init);

static void super_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return; /* super objects are read-only */
    }
    super_t *s = es_obj_to_ptr(self);
    es_obj_t obj = s->obj;
    bool obj_is_type = is_type(obj);
    const es_type_t *start_type = obj_is_type ? es_obj_to_ptr(obj) : es_obj_get_type(obj);
    es_obj_t mro_obj;
    if (es_type_is_user_class(start_type)) {
        mro_obj = user_type(start_type)->mro;
    } else {
        es_obj_list_t *l = es_obj_to_ptr(linearisation(start_type));
        mro_obj = es_obj_new_tuple(l->len, l->items);
    }
    const es_obj_tuple_t *mro = es_obj_to_ptr(mro_obj);
    size_t i = 0;
    while (i < mro->len && mro->items[i] != s->type) {
        i++;
    }
    es_obj_t key = es_obj_new_qstr(attr);
    const es_type_t *native = es_type_is_user_class(start_type) ? user_type(start_type)->native_base : NULL;
    for (i++; i < mro->len; i++) {
        const es_type_t *c = es_obj_to_ptr(mro->items[i]);
        es_map_elem_t *elem = c->locals_dict != NULL ? es_map_lookup(&c->locals_dict->map, key, ES_MAP_LOOKUP) : NULL;
        if (elem == NULL && attr == ES_Q___init__ && c == native && !obj_is_type) {
            dest[0] = ES_OBJ_FROM_CONST(native_init_obj);
            dest[1] = obj;
            return;
        }
        es_obj_t member = elem != NULL ? elem->value : ES_OBJ_NULL;
        if (member == ES_OBJ_NULL && !es_type_is_user_class(c) && c != &es_type_object) {
            member = es_native_slot_method(c, attr);
        }
        if (member == ES_OBJ_NULL) {
            continue;
        }
        bool from_native = !es_type_is_user_class(c);
        if (obj_is_type) {
            const es_type_t *mt = es_obj_get_type(member);
            if (mt == &es_type_staticmethod) {
                dest[0] = ((es_obj_static_class_method_t *)es_obj_to_ptr(member))->fun;
            } else if (mt == &es_type_classmethod) {
                dest[0] = ((es_obj_static_class_method_t *)es_obj_to_ptr(member))->fun;
                dest[1] = obj;
            } else {
                dest[0] = member;
            }
            return;
        }
        es_obj_t nat = es_instance_native(obj);
        bool bind_native = from_native && nat != ES_OBJ_NULL && c != &es_type_object;
        es_member_to_dest(bind_native ? nat : obj, start_type, member, from_native, dest);
        return;
    }
}

static void super_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    super_t *s = es_obj_to_ptr(self);
    es_printf(print, "<super: %R, %R>", s->type, s->obj);
}

const es_type_t es_type_super = {
    .base = {&es_type_type},
    .name = ES_Q_super,
    .print = super_print,
    .make_new = super_make_new,
    .attr = super_attr,
};

/* Built-in types whose value an __init__ fills in after creation (list.__init__ and friends). */
static const es_type_t *const mutable_natives[] = {&es_type_list, &es_type_dict, &es_type_set, &es_type_bytearray, NULL};
static const es_type_t *const *native_mutables(void) { return mutable_natives; }
