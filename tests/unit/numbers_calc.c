/* numbers_calc.c: white-box driver for the number types before the interpreter runs.
**
** Reads one expression a line in prefix form and prints the repr of the result, or
** "ExcType: message". Operands: an int ("123", "-0x1f"), a float ("1.5", "-inf", "nan"),
** "c:RE:IM" for a complex. Lines:
**   bin OPNAME a b     es_binary_op (OPNAME: add sub mul truediv floordiv mod pow lshift rshift
**                      and or xor lt gt eq le ge ne divmod)
**   un OPNAME a        neg pos abs invert int float hash bool
**   pow3 a b c | round a [n] | int_str TEXT BASE | float_str TEXT | complex_str TEXT
**   fmt a TYPE PREC    es_format_float
** Text arguments are written with "~" for spaces.
** Links against the core objects; the few pieces of other areas it needs are stubbed below.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/exec.h"
#include "py/formatfloat.h"
#include "py/objint.h"
#include "py/objtype.h"
#include "py/parsenum.h"
#include "py/runtime.h"

/* ---- stubs for what other areas will provide ---------------------------------------------- */

static void str_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    size_t len;
    const char *s = es_obj_str_get_data(self, &len);
    if (kind == ES_PRINT_REPR) {
        es_print_strn(print, "'", 1);
    }
    es_print_strn(print, s, len);
    if (kind == ES_PRINT_REPR) {
        es_print_strn(print, "'", 1);
    }
}
static es_obj_t type_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args) {
    const es_type_t *t = es_obj_to_ptr(self);
    return t->make_new(t, n_args, n_kw, args);
}
const es_type_t es_type_type = {.base = {&es_type_type}, .name = ES_Q_type, .call = type_call};
const es_type_t es_type_object = {.base = {&es_type_type}, .name = ES_Q_object};
const es_type_t es_type_str = {.base = {&es_type_type}, .name = ES_Q_str, .print = str_print};
const es_type_t es_type_bytes = {.base = {&es_type_type}, .name = ES_Q_bytes, .print = str_print};
const es_type_t es_type_dict = {.base = {&es_type_type}, .name = ES_Q_dict};
const es_type_t es_type_module = {.base = {&es_type_type}, .name = ES_Q_module};
const es_type_t es_type_function = {.base = {&es_type_type}, .name = ES_Q_function};
const es_type_t es_type_closure = {.base = {&es_type_type}, .name = ES_Q_closure};
const es_type_t es_type_generator = {.base = {&es_type_type}, .name = ES_Q_generator};
const es_obj_fun_builtin_t es_builtin___build_class___obj;
const es_obj_module_t es_module_builtins;

bool es_obj_is_subclass(es_obj_t object_type, es_obj_t class_or_tuple) {
    const es_type_t *t = es_obj_to_ptr(object_type);
    while (t != NULL) {
        if (es_obj_from_ptr(t) == class_or_tuple) {
            return true;
        }
        t = t->parent;
    }
    return false;
}
es_obj_t es_instance_native(es_obj_t o) {
    ES_UNUSED(o);
    return ES_OBJ_NULL;
}
es_obj_t es_obj_new_str_copy(const es_type_t *type, const uint8_t *data, size_t len) {
    es_obj_str_t *s = es_new(es_obj_str_t);
    s->base.type = type;
    s->len = len;
    uint8_t *d = es_alloc(len + 1);
    memcpy(d, data, len);
    s->data = d;
    return es_obj_from_ptr(s);
}
es_obj_t es_obj_new_str(const char *data, size_t len) {
    return es_obj_new_str_copy(&es_type_str, (const uint8_t *)data, len);
}
es_obj_t es_obj_new_bytes(const uint8_t *data, size_t len) {
    return es_obj_new_str_copy(&es_type_bytes, data, len);
}
es_obj_t es_obj_new_str_from_cstr(const char *s) {
    return es_obj_new_str(s, strlen(s));
}
es_obj_t es_obj_new_str_from_vstr(const es_type_t *type, es_vstr_t *vstr) {
    return es_obj_new_str_copy(type, (const uint8_t *)vstr->buf, vstr->len);
}
bool es_obj_is_str(es_obj_t o) {
    return es_obj_is_qstr(o) || es_obj_is_type(o, &es_type_str);
}
bool es_obj_is_str_or_bytes(es_obj_t o) {
    return es_obj_is_str(o) || es_obj_is_type(o, &es_type_bytes);
}
const char *es_obj_str_get_data(es_obj_t o, size_t *len) {
    if (es_obj_is_qstr(o)) {
        return (const char *)es_qstr_data(es_obj_qstr_value(o), len);
    }
    const es_obj_str_t *s = es_obj_to_ptr(o);
    *len = s->len;
    return (const char *)s->data;
}
const char *es_obj_str_get_str(es_obj_t o) {
    size_t len;
    return es_obj_str_get_data(o, &len);
}
size_t es_obj_str_hash(es_obj_t o) {
    size_t len;
    const char *s = es_obj_str_get_data(o, &len);
    return es_hash_bytes((const uint8_t *)s, len);
}
es_obj_t es_obj_dict_store(es_obj_t dict, es_obj_t key, es_obj_t value) {
    ES_UNUSED(key);
    ES_UNUSED(value);
    return dict;
}
struct es_map_t *es_obj_dict_get_map(es_obj_t dict) {
    return &((es_obj_dict_t *)es_obj_to_ptr(dict))->map;
}
es_obj_t es_obj_new_module(es_qstr_t name) {
    ES_UNUSED(name);
    return ES_OBJ_NONE;
}
es_obj_t es_exec_source(const char *src, size_t len, es_qstr_t filename, es_input_kind_t kind,
                        es_obj_dict_t *globals, es_obj_dict_t *locals) {
    ES_UNUSED(src);
    ES_UNUSED(len);
    ES_UNUSED(filename);
    ES_UNUSED(kind);
    ES_UNUSED(globals);
    ES_UNUSED(locals);
    return ES_OBJ_NONE;
}
void es_init(void) {}
void es_deinit(void) {}
void es_handle_pending(void) {}
void es_sched_keyboard_interrupt(void) {}

/* ---- the calculator ------------------------------------------------------------------------ */

static es_obj_t operand(const char *s) {
    if (strncmp(s, "c:", 2) == 0) {
        char *colon = strchr(s + 2, ':');
        es_obj_t re = es_parse_num_float(s + 2, (size_t)(colon - (s + 2)), false);
        es_obj_t im = es_parse_num_float(colon + 1, strlen(colon + 1), false);
        return es_obj_new_complex(es_obj_float_get(re), es_obj_float_get(im));
    }
    if (strcmp(s, "True") == 0) {
        return ES_OBJ_TRUE;
    }
    if (strcmp(s, "False") == 0) {
        return ES_OBJ_FALSE;
    }
    bool is_float =
        strpbrk(s, ".eEn") != NULL && strncmp(s, "0x", 2) != 0 && strncmp(s, "-0x", 3) != 0;
    if (is_float) {
        return es_parse_num_float(s, strlen(s), false);
    }
    return es_parse_num_integer(s, strlen(s), 0);
}

static char *text_arg(char *s) {
    for (char *p = s; *p; p++) {
        if (*p == '~') {
            *p = ' ';
        }
    }
    return s;
}

static const struct {
    const char *name;
    es_binary_op_t op;
} bin_ops[] = {
    {"add", ES_BINARY_OP_ADD},
    {"sub", ES_BINARY_OP_SUBTRACT},
    {"mul", ES_BINARY_OP_MULTIPLY},
    {"truediv", ES_BINARY_OP_TRUE_DIVIDE},
    {"floordiv", ES_BINARY_OP_FLOOR_DIVIDE},
    {"mod", ES_BINARY_OP_MODULO},
    {"pow", ES_BINARY_OP_POWER},
    {"lshift", ES_BINARY_OP_LSHIFT},
    {"rshift", ES_BINARY_OP_RSHIFT},
    {"and", ES_BINARY_OP_AND},
    {"or", ES_BINARY_OP_OR},
    {"xor", ES_BINARY_OP_XOR},
    {"lt", ES_BINARY_OP_LESS},
    {"gt", ES_BINARY_OP_MORE},
    {"eq", ES_BINARY_OP_EQUAL},
    {"le", ES_BINARY_OP_LESS_EQUAL},
    {"ge", ES_BINARY_OP_MORE_EQUAL},
    {"ne", ES_BINARY_OP_NOT_EQUAL},
    {"divmod", ES_BINARY_OP_DIVMOD},
};

static const struct {
    const char *name;
    es_unary_op_t op;
} un_ops[] = {
    {"neg", ES_UNARY_OP_NEGATIVE},  {"pos", ES_UNARY_OP_POSITIVE}, {"abs", ES_UNARY_OP_ABS},
    {"invert", ES_UNARY_OP_INVERT}, {"hash", ES_UNARY_OP_HASH},    {"bool", ES_UNARY_OP_BOOL},
};

static es_obj_t call_type(const es_type_t *type, size_t n, es_obj_t *args) {
    return type->make_new(type, n, 0, args);
}

static es_obj_t run_line(char **tok, int ntok) {
    const char *cmd = tok[0];
    if (strcmp(cmd, "bin") == 0 && ntok == 4) {
        for (size_t i = 0; i < ES_ARRAY_SIZE(bin_ops); i++) {
            if (strcmp(tok[1], bin_ops[i].name) == 0) {
                return es_binary_op(bin_ops[i].op, operand(tok[2]), operand(tok[3]));
            }
        }
    } else if (strcmp(cmd, "un") == 0 && ntok == 3) {
        if (strcmp(tok[1], "int") == 0) {
            es_obj_t a = operand(tok[2]);
            return call_type(&es_type_int, 1, &a);
        }
        if (strcmp(tok[1], "float") == 0) {
            es_obj_t a = operand(tok[2]);
            return call_type(&es_type_float, 1, &a);
        }
        if (strcmp(tok[1], "hash") == 0) {
            /* The type's own hash, not the runtime's small-int shortcut. */
            es_obj_t a = operand(tok[2]);
            return es_obj_get_type(a)->unary_op(ES_UNARY_OP_HASH, a);
        }
        for (size_t i = 0; i < ES_ARRAY_SIZE(un_ops); i++) {
            if (strcmp(tok[1], un_ops[i].name) == 0) {
                return es_unary_op(un_ops[i].op, operand(tok[2]));
            }
        }
    } else if (strcmp(cmd, "pow3") == 0 && ntok == 4) {
        return es_obj_int_pow3(operand(tok[1]), operand(tok[2]), operand(tok[3]));
    } else if (strcmp(cmd, "round") == 0) {
        es_obj_t x = operand(tok[1]);
        es_obj_t n = ntok > 2 ? operand(tok[2]) : ES_OBJ_NULL;
        return es_obj_is_float(x) ? es_float_round(x, n) : es_int_round(x, n);
    } else if (strcmp(cmd, "int_str") == 0 && ntok == 3) {
        char *s = text_arg(tok[1]);
        es_obj_t args[2] = {es_obj_new_str(s, strlen(s)), operand(tok[2])};
        return call_type(&es_type_int, 2, args);
    } else if (strcmp(cmd, "float_str") == 0 && ntok == 2) {
        char *s = text_arg(tok[1]);
        es_obj_t a = es_obj_new_str(s, strlen(s));
        return call_type(&es_type_float, 1, &a);
    } else if (strcmp(cmd, "complex_str") == 0 && ntok == 2) {
        char *s = text_arg(tok[1]);
        es_obj_t a = es_obj_new_str(s, strlen(s));
        return call_type(&es_type_complex, 1, &a);
    } else if (strcmp(cmd, "fmt") == 0 && ntok >= 3) {
        es_vstr_t vstr;
        es_vstr_init(&vstr, 64);
        char type = strcmp(tok[2], "none") == 0 ? '\0' : tok[2][0];
        unsigned flags = tok[2][0] == '#' ? ES_FORMAT_FLOAT_ALT : 0;
        if (flags) {
            type = tok[2][1];
        }
        es_format_float_ex(&vstr, es_obj_float_get(operand(tok[1])), type,
                           ntok > 3 ? atoi(tok[3]) : -1, flags);
        return es_obj_new_str(vstr.buf, vstr.len);
    } else if (strcmp(cmd, "hex") == 0 && ntok == 3) {
        es_vstr_t vstr;
        es_vstr_init(&vstr, 64);
        es_obj_int_format_digits(&vstr, operand(tok[1]), (unsigned)atoi(tok[2]), false);
        return es_obj_new_str(vstr.buf, vstr.len);
    }
    es_raise_msg(&es_type_RuntimeError, "bad test line");
}

static void print_tuple_or_repr(es_obj_t o) {
    if (es_obj_is_type(o, &es_type_tuple)) {
        es_obj_tuple_t *t = es_obj_to_ptr(o);
        printf("(");
        fflush(stdout);
        for (size_t i = 0; i < t->len; i++) {
            if (i) {
                printf(", ");
                fflush(stdout);
            }
            es_obj_print(t->items[i], ES_PRINT_REPR);
        }
        printf(")");
        fflush(stdout);
        return;
    }
    es_obj_print(o, ES_PRINT_REPR);
}

int main(void) {
    int stack_top;
    es_stack_set_top(&stack_top);
    static char heap[32 * 1024 * 1024];
    es_gc_init(heap, heap + sizeof(heap));
    es_qstr_init();
    static char line[1 << 20];
    while (fgets(line, sizeof(line), stdin)) {
        char *tok[8];
        int ntok = 0;
        char *save;
        for (char *t = strtok_r(line, " \n", &save); t && ntok < 8;
             t = strtok_r(NULL, " \n", &save)) {
            tok[ntok++] = t;
        }
        if (ntok == 0) {
            continue;
        }
        es_nlr_buf_t nlr;
        if (es_nlr_push(&nlr) == 0) {
            es_obj_t r = run_line(tok, ntok);
            es_nlr_pop();
            print_tuple_or_repr(r);
        } else {
            es_obj_t exc = nlr.ret_val;
            printf("%s: ", es_qstr_str(es_obj_exception_get_type(exc)->name));
            fflush(stdout);
            es_obj_exception_t *e = es_obj_to_ptr(exc);
            if (es_obj_is_type(e->args, &es_type_tuple) &&
                ((es_obj_tuple_t *)es_obj_to_ptr(e->args))->len == 1) {
                es_obj_print(((es_obj_tuple_t *)es_obj_to_ptr(e->args))->items[0], ES_PRINT_STR);
            } else {
                print_tuple_or_repr(e->args);
            }
        }
        printf("\n");
        fflush(stdout);
    }
    return 0;
}

/* The unix port's console reads lines through its line editor; the driver never does. */
#include "ports/unix/lineedit.h"
lineedit_result_t lineedit_read(const char *prompt, size_t indent, char *buf, size_t buf_size,
                                size_t *out_len) {
    ES_UNUSED(prompt);
    ES_UNUSED(indent);
    ES_UNUSED(buf);
    ES_UNUSED(buf_size);
    *out_len = 0;
    return (lineedit_result_t)0;
}
