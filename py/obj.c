/* obj.c: the generic object operations every type shares: type of a word, printing, truth, equality, hash, length, conversions. */

#include <string.h>

#include "py/objint.h"
#include "py/objtype.h"
#include "py/runtime.h"

const es_type_t *es_obj_get_type_slow(es_obj_t o) {
    if (es_obj_is_small_int(o)) {
        return &es_type_int;
    }
    if (es_obj_is_qstr(o)) {
        return &es_type_str;
    }
    if (o == ES_OBJ_NONE) {
        return &es_type_NoneType;
    }
    if (o == ES_OBJ_TRUE || o == ES_OBJ_FALSE) {
        return &es_type_bool;
    }
    if (es_obj_is_ptr(o)) {
        return ((const es_obj_base_t *)o)->type;
    }
    /* NULL or the sentinel reaching Python code is an internal error; show it harmlessly. */
    return &es_type_NoneType;
}

const char *es_obj_type_name(es_obj_t o) { return es_qstr_str(es_obj_get_type(o)->name); }

/* ---- printing ---------------------------------------------------------------- */

void es_obj_print_helper(const es_print_t *print, es_obj_t o, es_print_kind_t kind) {
    es_stack_check();
    const es_type_t *type = es_obj_get_type(o);
    if (type->print != NULL) {
        type->print(print, o, kind);
    } else {
        es_printf(print, "<%s object at %p>", es_qstr_str(type->name), es_obj_to_ptr(o));
    }
}

void es_obj_print(es_obj_t o, es_print_kind_t kind) { es_obj_print_helper(&es_plat_print, o, kind); }

/* ---- truth, equality, hashing, length ------------------------------------------ */

bool es_obj_is_true(es_obj_t o) {
    if (o == ES_OBJ_FALSE || o == ES_OBJ_NONE) {
        return false;
    }
    if (o == ES_OBJ_TRUE) {
        return true;
    }
    if (es_obj_is_small_int(o)) {
        return es_small_int_value(o) != 0;
    }
    const es_type_t *type = es_obj_get_type(o);
    if (type->unary_op != NULL) {
        es_obj_t result = type->unary_op(ES_UNARY_OP_BOOL, o);
        if (result != ES_OBJ_NULL) {
            return result == ES_OBJ_TRUE;
        }
        result = type->unary_op(ES_UNARY_OP_LEN, o);
        if (result != ES_OBJ_NULL) {
            return result != ES_OBJ_NEW_SMALL_INT(0);
        }
    }
    return true;
}

bool es_obj_is_callable(es_obj_t o) {
    const es_type_t *type = es_obj_get_type(o);
    if (type->flags & ES_TYPE_FLAG_IS_USER_CLASS) {
        return es_type_lookup(type, ES_Q___call__) != ES_OBJ_NULL;
    }
    return type->call != NULL;
}

bool es_obj_equal(es_obj_t a, es_obj_t b) {
    if (a == b) {
        return true;
    }
    if ((es_obj_is_qstr(a) && es_obj_is_qstr(b)) || (es_obj_is_small_int(a) && es_obj_is_small_int(b))) {
        return false;
    }
    return es_obj_is_true(es_binary_op(ES_BINARY_OP_EQUAL, a, b));
}

static es_int_t get_int_trunc(es_obj_t o);

/* Hashes must fit a small int on every build; the same mask is applied to str hashes. */
static es_obj_t hash_from_size(size_t h) { return es_obj_new_small_int((es_int_t)(h & (size_t)ES_SMALL_INT_MAX)); }

es_obj_t es_obj_hash(es_obj_t o) {
    if (es_obj_is_small_int(o)) {
        return es_obj_int_hash(o); /* CPython's value: -1 hashes to -2, modulo 2**61 - 1 */
    }
    if (es_obj_is_qstr(o)) {
        return hash_from_size(es_qstr_hash(es_obj_qstr_value(o)));
    }
    if (o == ES_OBJ_FALSE) {
        return ES_OBJ_NEW_SMALL_INT(0);
    }
    if (o == ES_OBJ_TRUE) {
        return ES_OBJ_NEW_SMALL_INT(1);
    }
    const es_type_t *type = es_obj_get_type(o);
    if (type == &es_type_str) {
        /* Must agree with the hash of the same text as a qstr (see map.c). */
        return hash_from_size(es_obj_str_hash(o));
    }
    if (type->unary_op != NULL) {
        es_obj_t h = type->unary_op(ES_UNARY_OP_HASH, o);
        if (h != ES_OBJ_NULL) {
            if (!es_obj_is_small_int(h)) {
                h = hash_from_size((size_t)get_int_trunc(h));
            }
            return h;
        }
    }
    if (type->flags & ES_TYPE_FLAG_EQ_IS_IDENTITY || type->binary_op == NULL || type == &es_type_NoneType) {
        return hash_from_size((size_t)o >> 2);
    }
    es_raise_msg_varg(&es_type_TypeError, "unhashable type: '%s'", es_obj_type_name(o));
}

es_obj_t es_obj_len_maybe(es_obj_t o) {
    const es_type_t *type = es_obj_get_type(o);
    if (type->unary_op != NULL) {
        return type->unary_op(ES_UNARY_OP_LEN, o);
    }
    return ES_OBJ_NULL;
}

es_obj_t es_obj_len(es_obj_t o) {
    es_obj_t len = es_obj_len_maybe(o);
    if (len == ES_OBJ_NULL) {
        es_raise_msg_varg(&es_type_TypeError, "object of type '%s' has no len()", es_obj_type_name(o));
    }
    return len;
}

es_obj_t es_obj_subscr(es_obj_t base, es_obj_t index, es_obj_t value) {
    const es_type_t *type = es_obj_get_type(base);
    if (type->subscr != NULL) {
        es_obj_t result = type->subscr(base, index, value);
        if (result != ES_OBJ_NULL) {
            return result;
        }
    }
    if (value == ES_OBJ_SENTINEL) {
        if (es_obj_is_type(base, &es_type_type) && es_type_lookup((const es_type_t *)base, ES_Q___class_getitem__)) {
            return es_call_function_2(es_type_lookup((const es_type_t *)base, ES_Q___class_getitem__), base, index);
        }
        es_raise_msg_varg(&es_type_TypeError, "'%s' object is not subscriptable", es_obj_type_name(base));
    } else if (value == ES_OBJ_NULL) {
        es_raise_msg_varg(&es_type_TypeError, "'%s' object doesn't support item deletion", es_obj_type_name(base));
    }
    es_raise_msg_varg(&es_type_TypeError, "'%s' object does not support item assignment", es_obj_type_name(base));
}

/* ---- conversions ---------------------------------------------------------------- */

/* The built-in value behind o when o is an instance of a subclass of a built-in type. */
static es_obj_t native_of(es_obj_t o) {
    es_obj_t native = es_instance_native(o);
    return native != ES_OBJ_NULL ? native : o;
}

bool es_obj_get_int_maybe(es_obj_t o, es_int_t *value) {
    if (es_obj_is_small_int(o)) {
        *value = es_small_int_value(o);
        return true;
    }
    if (o == ES_OBJ_FALSE || o == ES_OBJ_TRUE) {
        *value = o == ES_OBJ_TRUE;
        return true;
    }
    o = native_of(o);
    if (es_obj_is_type(o, &es_type_int)) {
        return es_obj_int_fits_int_t(o, value);
    }
    if (es_obj_is_small_int(o)) {
        *value = es_small_int_value(o);
        return true;
    }
    return false;
}

/* For hashes: the low bits of any int, however big. */
static es_int_t get_int_trunc(es_obj_t o) {
    es_int_t v;
    if (es_obj_get_int_maybe(o, &v)) {
        return v;
    }
    return (es_int_t)es_small_int_value(es_obj_hash(o));
}

es_int_t es_obj_get_int(es_obj_t o) {
    es_int_t v;
    if (es_obj_get_int_maybe(o, &v)) {
        return v;
    }
    es_obj_t n = native_of(o);
    if (es_obj_is_type(n, &es_type_int)) {
        es_raise_msg(&es_type_OverflowError, "Python int too large to convert to C int");
    }
    const es_type_t *type = es_obj_get_type(o);
    if (type->unary_op != NULL && !es_obj_is_float(o)) {
        es_obj_t index = type->unary_op(ES_UNARY_OP_INDEX, o);
        if (index != ES_OBJ_NULL && index != o) {
            if (!es_obj_is_int(index) && !es_obj_is_small_int(index)) {
                es_raise_msg_varg(&es_type_TypeError, "__index__ returned non-int (type %s)", es_obj_type_name(index));
            }
            return es_obj_get_int(index);
        }
    }
    es_raise_msg_varg(&es_type_TypeError, "'%s' object cannot be interpreted as an integer", es_obj_type_name(o));
}

bool es_obj_get_float_maybe(es_obj_t o, es_float_t *value) {
    if (es_obj_is_small_int(o)) {
        *value = (es_float_t)es_small_int_value(o);
        return true;
    }
    if (o == ES_OBJ_FALSE || o == ES_OBJ_TRUE) {
        *value = o == ES_OBJ_TRUE ? 1 : 0;
        return true;
    }
    o = native_of(o);
    if (es_obj_is_float(o)) {
        *value = es_obj_float_get(o);
        return true;
    }
    if (es_obj_is_type(o, &es_type_int)) {
        *value = es_obj_int_as_float(o);
        return true;
    }
    if (es_obj_is_small_int(o)) {
        *value = (es_float_t)es_small_int_value(o);
        return true;
    }
    return false;
}

es_float_t es_obj_get_float(es_obj_t o) {
    es_float_t v;
    if (es_obj_get_float_maybe(o, &v)) {
        return v;
    }
    const es_type_t *type = es_obj_get_type(o);
    if (type->unary_op != NULL) {
        es_obj_t f = type->unary_op(ES_UNARY_OP_FLOAT, o);
        if (f == ES_OBJ_NULL) {
            f = type->unary_op(ES_UNARY_OP_INDEX, o);
        }
        if (f != ES_OBJ_NULL && f != o && es_obj_get_float_maybe(f, &v)) {
            return v;
        }
    }
    es_raise_msg_varg(&es_type_TypeError, "must be real number, not %s", es_obj_type_name(o));
}

void es_obj_get_array(es_obj_t o, size_t *len, es_obj_t **items) {
    o = native_of(o);
    if (es_obj_is_type(o, &es_type_tuple)) {
        es_obj_tuple_t *t = es_obj_to_ptr(o);
        *len = t->len;
        *items = t->items;
    } else if (es_obj_is_type(o, &es_type_list)) {
        es_obj_list_t *l = es_obj_to_ptr(o);
        *len = l->len;
        *items = l->items;
    } else {
        es_raise_msg_varg(&es_type_TypeError, "object '%s' isn't a tuple or list", es_obj_type_name(o));
    }
}

void es_obj_get_array_fixed_n(es_obj_t o, size_t len, es_obj_t **items) {
    size_t have;
    es_obj_get_array(o, &have, items);
    if (have != len) {
        es_raise_msg_varg(&es_type_ValueError, "requested length %u but object has length %u", (unsigned)len,
                          (unsigned)have);
    }
}

size_t es_get_index(const es_type_t *type, size_t len, es_obj_t index, bool is_slice) {
    es_int_t i;
    if (!es_obj_get_int_maybe(index, &i)) {
        es_obj_t n = native_of(index);
        if (es_obj_is_type(n, &es_type_int)) {
            /* A huge int is out of range for any sequence. */
            i = es_obj_int_as_float(n) < 0 ? ES_SMALL_INT_MIN : ES_SMALL_INT_MAX;
        } else {
            const es_type_t *it = es_obj_get_type(index);
            es_obj_t idx = it->unary_op != NULL && !es_obj_is_float(index) ? it->unary_op(ES_UNARY_OP_INDEX, index)
                                                                           : ES_OBJ_NULL;
            if (idx == ES_OBJ_NULL || idx == index) {
                es_raise_msg_varg(&es_type_TypeError, "%q indices must be integers, not %s", (es_qstr_t)type->name,
                                  es_obj_type_name(index));
            }
            return es_get_index(type, len, idx, is_slice);
        }
    }
    if (i < 0) {
        i += (es_int_t)len;
    }
    if (is_slice) {
        if (i < 0) {
            i = 0;
        } else if ((size_t)i > len) {
            i = (es_int_t)len;
        }
    } else if (i < 0 || (size_t)i >= len) {
        es_raise_msg_varg(&es_type_IndexError, "%q index out of range", (es_qstr_t)type->name);
    }
    return (size_t)i;
}
