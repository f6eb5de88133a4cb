/* strings_eval.c: white-box driver for str/bytes/format: evaluates one Python-like expression a
 * line, prints its repr. */
/*
** Reads lines of a small expression language (literals, method calls, subscripts, % + * == < in,
** and the calls repr str len format bytes bytearray hash ord chr ascii) and prints repr(result) or
** "Type: message". tests/unit/strings_run.py compares the output with python3's.
** Build: gcc -I. -Ibuild -Iports/unix tests/unit/strings_eval.c tests/unit/strings_stubs.c plus the
** core's objects (build/obj/py/*.o without the compiler and VM, ports/unix/{port,hal,lineedit}.o) -lm;
** the stubs are weak and give way to the real number code when it is linked.
*/

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/objstr.h"
#include "py/runtime.h"

static const char *src;

/* Variables set by "name = expr" lines. */
#define N_VARS (16)
static char var_names[N_VARS][16];
static es_obj_t var_values[N_VARS];

static void skip_ws(void) {
    while (*src == ' ') {
        src++;
    }
}

_Noreturn static void syntax(const char *what) {
    es_raise_msg_varg(&es_type_SyntaxError, "driver: %s at '%s'", what, src);
}

static es_obj_t parse_expr(void);

static es_obj_t parse_string(bool is_bytes) {
    char q = *src++;
    es_vstr_t v;
    es_vstr_init(&v, 16);
    while (*src && *src != q) {
        if (*src == '\\') {
            src++;
            char c = *src++;
            switch (c) {
            case 'n': es_vstr_add_byte(&v, '\n'); break;
            case 't': es_vstr_add_byte(&v, '\t'); break;
            case 'r': es_vstr_add_byte(&v, '\r'); break;
            case '0': es_vstr_add_byte(&v, 0); break;
            case 'x': {
                char h[3] = {src[0], src[1], 0};
                src += 2;
                unsigned x = (unsigned)strtoul(h, NULL, 16);
                if (is_bytes)
                    es_vstr_add_byte(&v, (uint8_t)x);
                else
                    es_vstr_add_char(&v, x);
                break;
            }
            case 'u': {
                char h[5] = {src[0], src[1], src[2], src[3], 0};
                src += 4;
                es_vstr_add_char(&v, (uint32_t)strtoul(h, NULL, 16));
                break;
            }
            default: es_vstr_add_byte(&v, (uint8_t)c); break;
            }
        } else {
            es_vstr_add_byte(&v, (uint8_t)*src++);
        }
    }
    if (*src != q) syntax("unterminated string");
    src++;
    return es_obj_new_str_from_vstr(is_bytes ? &es_type_bytes : &es_type_str, &v);
}

/* Parses "(args)" after a callee: positionals and name=value keywords. */
static size_t parse_args(es_obj_t *args, size_t *n_kw) {
    size_t n = 0;
    *n_kw = 0;
    es_obj_t kws[16];
    src++; /* ( */
    skip_ws();
    while (*src != ')') {
        const char *p = src;
        while ((*p >= 'a' && *p <= 'z') || *p == '_')
            p++;
        if (p > src && *p == '=' && p[1] != '=') {
            kws[2 * *n_kw] = es_obj_new_qstr(es_qstr_from_strn(src, (size_t)(p - src)));
            src = p + 1;
            kws[2 * *n_kw + 1] = parse_expr();
            (*n_kw)++;
        } else {
            args[n++] = parse_expr();
        }
        skip_ws();
        if (*src == ',') {
            src++;
            skip_ws();
        } else if (*src != ')')
            syntax("expected , or )");
    }
    src++;
    memcpy(args + n, kws, 2 * *n_kw * sizeof(es_obj_t));
    return n;
}

static es_obj_t call_builtin(const char *name, size_t n, size_t n_kw, es_obj_t *a) {
    if (!strcmp(name, "repr") || !strcmp(name, "str") && n == 1 && n_kw == 0) {
        es_vstr_t v;
        es_print_t pr;
        es_vstr_init_print(&v, 16, &pr);
        es_obj_print_helper(&pr, a[0], name[0] == 'r' ? ES_PRINT_REPR : ES_PRINT_STR);
        return es_obj_new_str_from_vstr(&es_type_str, &v);
    }
    if (!strcmp(name, "str")) return es_type_str.make_new(&es_type_str, n, n_kw, a);
    if (!strcmp(name, "bytes")) return es_type_bytes.make_new(&es_type_bytes, n, n_kw, a);
    if (!strcmp(name, "bytearray"))
        return es_type_bytearray.make_new(&es_type_bytearray, n, n_kw, a);
    if (!strcmp(name, "len")) return es_obj_len(a[0]);
    if (!strcmp(name, "hash")) return es_obj_hash(a[0]);
    if (!strcmp(name, "format")) return es_obj_format(a[0], n > 1 ? a[1] : ES_OBJ_NULL);
    if (!strcmp(name, "float")) return es_obj_new_float(strtod(es_obj_str_get_str(a[0]), NULL));
    if (!strcmp(name, "setitem")) return es_obj_subscr(a[0], a[1], a[2]);
    if (!strcmp(name, "delitem")) return es_obj_subscr(a[0], a[1], ES_OBJ_NULL);
    if (!strcmp(name, "slice"))
        return es_obj_new_slice(a[0], n > 1 ? a[1] : ES_OBJ_NONE, n > 2 ? a[2] : ES_OBJ_NONE);
    if (!strcmp(name, "ord")) return es_obj_str_ord(a[0]);
    if (!strcmp(name, "chr")) return es_obj_str_chr(es_obj_get_int(a[0]));
    if (!strcmp(name, "list")) {
        es_obj_t l = es_obj_new_list(0, NULL), it = es_getiter(a[0], NULL), x;
        while ((x = es_iternext(it)) != ES_OBJ_STOP_ITERATION)
            es_obj_list_append(l, x);
        return l;
    }
    if (!strcmp(name, "ascii")) {
        es_vstr_t v;
        es_print_t pr;
        es_vstr_init_print(&v, 16, &pr);
        size_t len;
        const uint8_t *d = es_str_bytes(a[0], &len);
        es_str_print_ascii(&pr, d, len);
        return es_obj_new_str_from_vstr(&es_type_str, &v);
    }
    syntax("unknown function");
}

static es_obj_t parse_atom(void) {
    skip_ws();
    char c = *src;
    if (c == '\'' || c == '"') return parse_string(false);
    if (c == 'b' && (src[1] == '\'' || src[1] == '"')) {
        src++;
        return parse_string(true);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        char *end;
        double d = strtod(src, &end);
        bool is_float = false;
        for (const char *p = src; p < end; p++)
            if (*p == '.' || *p == 'e') is_float = true;
        if (is_float) {
            src = end;
            return es_obj_new_float(d);
        }
        long long v = strtoll(src, &end, 10);
        src = end;
        return es_obj_new_int_from_ll(v);
    }
    if (c == '(' || c == '[') {
        char close = c == '(' ? ')' : ']';
        src++;
        es_obj_t items[16];
        size_t n = 0;
        skip_ws();
        bool comma = false;
        while (*src != close) {
            items[n++] = parse_expr();
            skip_ws();
            if (*src == ',') {
                src++;
                comma = true;
                skip_ws();
            }
        }
        src++;
        if (c == '(' && n == 1 && !comma) return items[0];
        return c == '(' ? es_obj_new_tuple(n, items) : es_obj_new_list(n, items);
    }
    if (c == '{') {
        src++;
        es_obj_t d = es_obj_new_dict(0);
        skip_ws();
        while (*src != '}') {
            es_obj_t k = parse_expr();
            skip_ws();
            if (*src++ != ':') syntax("expected :");
            es_obj_t v = parse_expr();
            es_obj_dict_store(d, k, v);
            skip_ws();
            if (*src == ',') {
                src++;
                skip_ws();
            }
        }
        src++;
        return d;
    }
    const char *p = src;
    while ((*p >= 'a' && *p <= 'z') || *p == '_' || (*p >= 'A' && *p <= 'Z'))
        p++;
    char name[32];
    size_t len = (size_t)(p - src);
    if (len == 0 || len >= sizeof(name)) syntax("bad atom");
    memcpy(name, src, len);
    name[len] = 0;
    src = p;
    for (size_t i = 0; i < N_VARS; i++) {
        if (!strcmp(var_names[i], name)) return var_values[i];
    }
    if (!strcmp(name, "None")) return ES_OBJ_NONE;
    if (!strcmp(name, "True")) return ES_OBJ_TRUE;
    if (!strcmp(name, "False")) return ES_OBJ_FALSE;
    if (!strcmp(name, "str")) {
        if (*src != '(') return es_obj_from_ptr(&es_type_str);
    }
    if (!strcmp(name, "bytes") && *src != '(') return es_obj_from_ptr(&es_type_bytes);
    if (!strcmp(name, "bytearray") && *src != '(') return es_obj_from_ptr(&es_type_bytearray);
    if (*src != '(') syntax("expected call");
    es_obj_t args[40];
    size_t n_kw;
    size_t n = parse_args(args, &n_kw);
    return call_builtin(name, n, n_kw, args);
}

static es_obj_t parse_postfix(void) {
    es_obj_t o = parse_atom();
    for (;;) {
        if (*src == '.') {
            src++;
            const char *p = src;
            while ((*p >= 'a' && *p <= 'z') || *p == '_')
                p++;
            es_qstr_t q = es_qstr_from_strn(src, (size_t)(p - src));
            src = p;
            es_obj_t args[40];
            es_load_method(o, q, args);
            if (*src != '(') {
                o = args[0];
                continue;
            }
            size_t n_kw;
            size_t n = parse_args(args + 2, &n_kw);
            o = es_call_method_n_kw(n, n_kw, args);
        } else if (*src == '[') {
            src++;
            es_obj_t parts[3] = {ES_OBJ_NONE, ES_OBJ_NONE, ES_OBJ_NONE};
            int k = 0;
            bool is_slice = false;
            skip_ws();
            while (*src != ']') {
                if (*src == ':') {
                    is_slice = true;
                    k++;
                    src++;
                    skip_ws();
                    continue;
                }
                parts[k] = parse_expr();
                skip_ws();
            }
            src++;
            es_obj_t index = is_slice ? es_obj_new_slice(parts[0], parts[1], parts[2]) : parts[0];
            o = es_obj_subscr(o, index, ES_OBJ_SENTINEL);
        } else {
            return o;
        }
    }
}

static es_obj_t parse_expr(void) {
    es_obj_t lhs = parse_postfix();
    skip_ws();
    static const struct {
        const char *tok;
        es_binary_op_t op;
    } ops[] = {
        {"==", ES_BINARY_OP_EQUAL},       {"!=", ES_BINARY_OP_NOT_EQUAL},
        {"<=", ES_BINARY_OP_LESS_EQUAL},  {">=", ES_BINARY_OP_MORE_EQUAL},
        {"<", ES_BINARY_OP_LESS},         {">", ES_BINARY_OP_MORE},
        {"+=", ES_BINARY_OP_INPLACE_ADD}, {"*=", ES_BINARY_OP_INPLACE_MULTIPLY},
        {"%", ES_BINARY_OP_MODULO},       {"+", ES_BINARY_OP_ADD},
        {"*", ES_BINARY_OP_MULTIPLY},     {"in ", ES_BINARY_OP_IN},
    };
    for (size_t i = 0; i < ES_ARRAY_SIZE(ops); i++) {
        size_t n = strlen(ops[i].tok);
        if (!strncmp(src, ops[i].tok, n)) {
            src += n;
            es_obj_t rhs = parse_expr();
            if (ops[i].op == ES_BINARY_OP_IN) return es_binary_op(ES_BINARY_OP_IN, rhs, lhs);
            return es_binary_op(ops[i].op, lhs, rhs);
        }
    }
    return lhs;
}

static void run_line(const char *line) {
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        src = line;
        const char *eq = strstr(line, " = ");
        if (eq != NULL && eq - line < 15 &&
            strspn(line, "abcdefghijklmnopqrstuvwxyz_") == (size_t)(eq - line)) {
            size_t i = 0;
            while (i < N_VARS - 1 && var_names[i][0] &&
                   strncmp(var_names[i], line, (size_t)(eq - line)))
                i++;
            memcpy(var_names[i], line, (size_t)(eq - line));
            var_names[i][eq - line] = 0;
            src = eq + 3;
            var_values[i] = parse_expr();
            es_nlr_pop();
            return;
        }
        es_obj_t r = parse_expr();
        skip_ws();
        if (*src) syntax("trailing text");
        es_obj_print(r, ES_PRINT_REPR);
        es_nlr_pop();
    } else {
        es_obj_t exc = nlr.ret_val;
        es_printf(&es_plat_print, "%s: ", es_qstr_str(es_obj_exception_get_type(exc)->name));
        es_obj_print(exc, ES_PRINT_STR);
    }
    es_printf(&es_plat_print, "\n");
}

int main(int argc, char **argv) {
    int stack_top;
    es_stack_set_top(&stack_top);
    es_state.stack_limit = 1 << 20;
    static char heap[16 << 20];
    es_gc_init(heap, heap + sizeof(heap));
    es_qstr_init();
    FILE *f = argc > 1 ? fopen(argv[1], "r") : stdin;
    char line[4096];
    while (f != NULL && fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\n")] = 0;
        if (line[0] == 0 || line[0] == '#') continue;
        run_line(line);
    }
    return 0;
}
