/* objsingleton.c: None, True/False (bool), Ellipsis and NotImplemented. */

#include "py/runtime.h"

/* ---- None ------------------------------------------------------------------ */

static void none_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(self);
    ES_UNUSED(kind);
    es_print_str(print, "None");
}

static es_obj_t none_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    ES_UNUSED(args);
    if (n_args != 0 || n_kw != 0) {
        es_raise_msg(&es_type_TypeError, "NoneType takes no arguments");
    }
    return ES_OBJ_NONE;
}

static es_obj_t none_unary_op(es_unary_op_t op, es_obj_t self) {
    ES_UNUSED(self);
    if (op == ES_UNARY_OP_BOOL) {
        return ES_OBJ_FALSE;
    }
    return ES_OBJ_NULL;
}

const es_type_t es_type_NoneType = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_NoneType,
    .print = none_print,
    .make_new = none_make_new,
    .unary_op = none_unary_op,
};

/* ---- bool: arithmetic turns True/False into 1/0 and lets int do the work ---------------- */

static void bool_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_print_str(print, self == ES_OBJ_TRUE ? "True" : "False");
}

static es_obj_t bool_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    if (n_kw != 0) {
        es_raise_msg(&es_type_TypeError, "bool() takes no keyword arguments");
    }
    if (n_args > 1) {
        es_raise_msg_varg(&es_type_TypeError, "bool expected at most 1 argument, got %u", (unsigned)n_args);
    }
    return es_obj_new_bool(n_args == 1 && es_obj_is_true(args[0]));
}

static es_obj_t as_small_int(es_obj_t o) {
    if (o == ES_OBJ_TRUE) {
        return ES_OBJ_NEW_SMALL_INT(1);
    }
    if (o == ES_OBJ_FALSE) {
        return ES_OBJ_NEW_SMALL_INT(0);
    }
    return o;
}

static es_obj_t bool_unary_op(es_unary_op_t op, es_obj_t self) {
    if (op == ES_UNARY_OP_BOOL) {
        return self;
    }
    return es_unary_op(op, as_small_int(self));
}

static bool is_bool(es_obj_t o) { return o == ES_OBJ_TRUE || o == ES_OBJ_FALSE; }

static es_obj_t bool_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs) {
    bool logical = op == ES_BINARY_OP_AND || op == ES_BINARY_OP_OR || op == ES_BINARY_OP_XOR ||
                   op == ES_BINARY_OP_INPLACE_AND || op == ES_BINARY_OP_INPLACE_OR || op == ES_BINARY_OP_INPLACE_XOR;
    if (logical && is_bool(lhs) && is_bool(rhs)) {
        bool a = lhs == ES_OBJ_TRUE, b = rhs == ES_OBJ_TRUE;
        switch (op) {
            case ES_BINARY_OP_AND:
            case ES_BINARY_OP_INPLACE_AND:
                return es_obj_new_bool(a && b);
            case ES_BINARY_OP_OR:
            case ES_BINARY_OP_INPLACE_OR:
                return es_obj_new_bool(a || b);
            default:
                return es_obj_new_bool(a != b);
        }
    }
    if (op >= ES_BINARY_OP_REVERSE_OR && op <= ES_BINARY_OP_REVERSE_POWER) {
        /* self is the right operand here: redo it as a forward operation on ints. */
        if (!is_bool(rhs) && !es_obj_is_int(rhs)) {
            return ES_OBJ_NULL;
        }
        return es_binary_op((es_binary_op_t)(op - ES_BINARY_OP_REVERSE_OFFSET), as_small_int(rhs), as_small_int(lhs));
    }
    if (es_type_int.binary_op == NULL) {
        return ES_OBJ_NULL;
    }
    return es_type_int.binary_op(op, as_small_int(lhs), as_small_int(rhs));
}

const es_type_t es_type_bool = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_bool,
    .print = bool_print,
    .make_new = bool_make_new,
    .unary_op = bool_unary_op,
    .binary_op = bool_binary_op,
    .parent = &es_type_int,
};

/* ---- Ellipsis and NotImplemented ----------------------------------------------------- */

static void singleton_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_print_str(print, self == ES_OBJ_ELLIPSIS ? "Ellipsis" : "NotImplemented");
}

static es_obj_t singleton_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(args);
    if (n_args != 0 || n_kw != 0) {
        es_raise_msg_varg(&es_type_TypeError, "%q takes no arguments", (es_qstr_t)type->name);
    }
    return type == &es_type_ellipsis ? ES_OBJ_ELLIPSIS : ES_OBJ_NOT_IMPLEMENTED;
}

const es_type_t es_type_ellipsis = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_ellipsis,
    .print = singleton_print,
    .make_new = singleton_make_new,
};

const es_type_t es_type_NotImplementedType = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY | ES_TYPE_FLAG_FINAL,
    .name = ES_Q_NotImplementedType,
    .print = singleton_print,
    .make_new = singleton_make_new,
};

const es_obj_singleton_t es_const_ellipsis_obj = {{&es_type_ellipsis}};
const es_obj_singleton_t es_const_notimplemented_obj = {{&es_type_NotImplementedType}};
