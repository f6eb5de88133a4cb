/* objproperty.c: property (with getter/setter/deleter), staticmethod and classmethod. */

#include <string.h>

#include "py/runtime.h"

/* ---- property ---------------------------------------------------------------- */

static const es_arg_t property_args[] = {
    {ES_Q_fget, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
    {ES_Q_fset, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
    {ES_Q_fdel, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
    {ES_Q_doc, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
};

static es_obj_t property_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_val_t vals[ES_ARRAY_SIZE(property_args)];
    es_arg_parse_all_kw_array(n_args, n_kw, args, ES_ARRAY_SIZE(property_args), property_args, vals);
    es_obj_property_t *p = es_new(es_obj_property_t);
    p->base.type = &es_type_property;
    for (size_t i = 0; i < 3; i++) {
        p->proxy[i] = vals[i].u_obj;
    }
    p->doc = vals[3].u_obj;
    return es_obj_from_ptr(p);
}

/* getter/setter/deleter return a copy of the property with one accessor replaced. */
static es_obj_t property_with(es_obj_t self, size_t which, es_obj_t fun) {
    es_obj_property_t *p = es_new(es_obj_property_t);
    memcpy(p, es_obj_to_ptr(self), sizeof(*p));
    p->proxy[which] = fun;
    return es_obj_from_ptr(p);
}

static es_obj_t property_getter(es_obj_t self, es_obj_t fun) { return property_with(self, 0, fun); }
static es_obj_t property_setter(es_obj_t self, es_obj_t fun) { return property_with(self, 1, fun); }
static es_obj_t property_deleter(es_obj_t self, es_obj_t fun) { return property_with(self, 2, fun); }
static ES_DEFINE_FUN_2(property_getter_obj, ES_Q_getter, property_getter);
static ES_DEFINE_FUN_2(property_setter_obj, ES_Q_setter, property_setter);
static ES_DEFINE_FUN_2(property_deleter_obj, ES_Q_deleter, property_deleter);

/* property.__get__(obj, type) etc., for code that drives descriptors by hand. */
static es_obj_t property_get(size_t n_args, const es_obj_t *args) {
    es_obj_property_t *p = es_obj_to_ptr(args[0]);
    if (n_args < 2 || args[1] == ES_OBJ_NONE) {
        return args[0];
    }
    if (p->proxy[0] == ES_OBJ_NONE) {
        es_raise_msg(&es_type_AttributeError, "unreadable attribute");
    }
    return es_call_function_1(p->proxy[0], args[1]);
}
static ES_DEFINE_FUN_VAR(property_get_obj, ES_Q___get__, 2, 3, property_get);

static es_obj_t property_set(es_obj_t self, es_obj_t obj, es_obj_t value) {
    es_obj_property_t *p = es_obj_to_ptr(self);
    if (p->proxy[1] == ES_OBJ_NONE) {
        es_raise_msg(&es_type_AttributeError, "can't set attribute");
    }
    return es_call_function_2(p->proxy[1], obj, value);
}
static ES_DEFINE_FUN_3(property_set_obj, ES_Q___set__, property_set);

static es_obj_t property_delete(es_obj_t self, es_obj_t obj) {
    es_obj_property_t *p = es_obj_to_ptr(self);
    if (p->proxy[2] == ES_OBJ_NONE) {
        es_raise_msg(&es_type_AttributeError, "can't delete attribute");
    }
    return es_call_function_1(p->proxy[2], obj);
}
static ES_DEFINE_FUN_2(property_delete_obj, ES_Q___delete__, property_delete);

static const es_map_elem_t property_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_getter), ES_OBJ_FROM_CONST(property_getter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_setter), ES_OBJ_FROM_CONST(property_setter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_deleter), ES_OBJ_FROM_CONST(property_deleter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___get__), ES_OBJ_FROM_CONST(property_get_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___set__), ES_OBJ_FROM_CONST(property_set_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___delete__), ES_OBJ_FROM_CONST(property_delete_obj)},
};
static ES_DEFINE_CONST_DICT(property_locals_dict, property_locals_table);

static void property_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    es_obj_property_t *p = es_obj_to_ptr(self);
    if (attr == ES_Q_fget) {
        dest[0] = p->proxy[0];
    } else if (attr == ES_Q_fset) {
        dest[0] = p->proxy[1];
    } else if (attr == ES_Q_fdel) {
        dest[0] = p->proxy[2];
    } else if (attr == ES_Q___doc__) {
        dest[0] = p->doc;
        if (dest[0] == ES_OBJ_NONE && p->proxy[0] != ES_OBJ_NONE) {
            es_obj_t doc = es_load_attr_maybe(p->proxy[0], ES_Q___doc__);
            dest[0] = doc != ES_OBJ_NULL ? doc : ES_OBJ_NONE;
        }
    }
}

const es_type_t es_type_property = {
    .base = {&es_type_type},
    .name = ES_Q_property,
    .make_new = property_make_new,
    .attr = property_attr,
    .locals_dict = (es_obj_dict_t *)&property_locals_dict,
};

/* ---- staticmethod and classmethod ---------------------------------------------------------- */

static es_obj_t wrapper_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    if (n_args != 1 || n_kw != 0) {
        es_raise_msg_varg(&es_type_TypeError, "%q expected 1 argument, got %u", (es_qstr_t)type->name,
                          (unsigned)(n_args + n_kw));
    }
    es_obj_static_class_method_t *w = es_new(es_obj_static_class_method_t);
    w->base.type = type;
    w->fun = args[0];
    return es_obj_from_ptr(w);
}

static void wrapper_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    es_obj_static_class_method_t *w = es_obj_to_ptr(self);
    if (attr == ES_Q___func__ || attr == ES_Q___wrapped__) {
        dest[0] = w->fun;
    } else if (attr == ES_Q___name__ || attr == ES_Q___qualname__ || attr == ES_Q___doc__) {
        dest[0] = es_load_attr_maybe(w->fun, attr);
    }
}

/* A staticmethod is callable itself (Python 3.10). */
static es_obj_t staticmethod_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args) {
    return es_call_function_n_kw(((es_obj_static_class_method_t *)es_obj_to_ptr(self))->fun, n_args, n_kw, args);
}

const es_type_t es_type_staticmethod = {
    .base = {&es_type_type},
    .name = ES_Q_staticmethod,
    .make_new = wrapper_make_new,
    .call = staticmethod_call,
    .attr = wrapper_attr,
};

const es_type_t es_type_classmethod = {
    .base = {&es_type_type},
    .name = ES_Q_classmethod,
    .make_new = wrapper_make_new,
    .attr = wrapper_attr,
};
