/* modbuiltins.c: the builtins module: print, len, min/max, sorted, getattr and the rest, plus the built-in types and exceptions. */

#include <string.h>

#include "py/objint.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/portio.h"
#include "py/runtime.h"
#include "py/sequence.h"
#include "py/sort.h"

/* Provided by the VM part (py/builtinevalexec.c). */
extern const es_obj_fun_builtin_t es_builtin_compile_obj;
extern const es_obj_fun_builtin_t es_builtin_exec_obj;
extern const es_obj_fun_builtin_t es_builtin_eval_obj;
/* Exception types defined in py/objexcept.c beyond those runtime.h lists. */
extern const es_type_t es_type_ModuleNotFoundError;
extern const es_type_t es_type_FileNotFoundError;
extern const es_type_t es_type_FileExistsError;
/* Streams of py/modsys.c: print() writes to these without going through a write method. */
bool es_sys_stream_print(es_obj_t stream, const es_print_t **print);

/* Keyword argument `name` from a builtin's keyword map, or ES_OBJ_NULL. */
static es_obj_t kw_get(es_map_t *kw, es_qstr_t name) {
    es_map_elem_t *elem = es_map_lookup(kw, es_obj_new_qstr(name), ES_MAP_LOOKUP);
    return elem != NULL ? elem->value : ES_OBJ_NULL;
}

/* Raises TypeError naming a keyword that is not one of `allowed` (ES_Q_NULL-terminated). */
static void kw_check(const char *fn, es_map_t *kw, const es_qstr_t *allowed) {
    for (size_t i = 0; i < kw->used; i++) {
        if (!es_map_slot_is_filled(kw, i)) {
            continue;
        }
        es_obj_t key = kw->table[i].key;
        bool known = false;
        for (const es_qstr_t *a = allowed; *a != ES_Q_NULL && !known; a++) {
            known = es_obj_equal(key, es_obj_new_qstr(*a));
        }
        if (!known) {
            es_raise_msg_varg(&es_type_TypeError, "%s() got an unexpected keyword argument '%s'", fn,
                              es_obj_is_str(key) ? es_obj_str_get_str(key) : "?");
        }
    }
}

static es_obj_t str_from_print(es_obj_t o, es_print_kind_t kind) {
    es_vstr_t vstr;
    es_print_t print;
    es_vstr_init_print(&vstr, 16, &print);
    es_obj_print_helper(&print, o, kind);
    return es_obj_new_str_from_vstr(&es_type_str, &vstr);
}

/* ---- output and input ------------------------------------------------------------------- */

static void write_to_stream(es_obj_t stream, es_vstr_t *vstr) {
    es_obj_t write[3];
    es_load_method(stream, ES_Q_write, write);
    write[2] = es_obj_new_str(vstr->buf, vstr->len);
    es_call_method_n_kw(1, 0, write);
    vstr->len = 0;
}

static es_obj_t builtin_print(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    static const es_qstr_t allowed[] = {ES_Q_sep, ES_Q_end, ES_Q_file, ES_Q_flush, ES_Q_NULL};
    kw_check("print", kw, allowed);
    es_obj_t sep = kw_get(kw, ES_Q_sep), end = kw_get(kw, ES_Q_end), file = kw_get(kw, ES_Q_file);
    es_obj_t flush = kw_get(kw, ES_Q_flush);
    const char *sep_s = " ", *end_s = "\n";
    size_t sep_len = 1, end_len = 1;
    if (sep != ES_OBJ_NULL && sep != ES_OBJ_NONE) {
        if (!es_obj_is_str(sep)) {
            es_raise_msg_varg(&es_type_TypeError, "sep must be None or a string, not %s", es_obj_type_name(sep));
        }
        sep_s = es_obj_str_get_data(sep, &sep_len);
    }
    if (end != ES_OBJ_NULL && end != ES_OBJ_NONE) {
        if (!es_obj_is_str(end)) {
            es_raise_msg_varg(&es_type_TypeError, "end must be None or a string, not %s", es_obj_type_name(end));
        }
        end_s = es_obj_str_get_data(end, &end_len);
    }
    if (file == ES_OBJ_NULL || file == ES_OBJ_NONE) {
        file = es_state.roots.sys_stdout;
    }
    const es_print_t *direct = &es_plat_print;
    if (file != ES_OBJ_NULL && file != ES_OBJ_NONE && !es_sys_stream_print(file, &direct)) {
        /* A Python-level stream: gather the line and hand it to its write() once. */
        es_vstr_t vstr;
        es_print_t print;
        es_vstr_init_print(&vstr, 32, &print);
        for (size_t i = 0; i < n_args; i++) {
            if (i > 0) {
                es_print_strn(&print, sep_s, sep_len);
            }
            es_obj_print_helper(&print, args[i], ES_PRINT_STR);
        }
        es_print_strn(&print, end_s, end_len);
        write_to_stream(file, &vstr);
        if (flush != ES_OBJ_NULL && es_obj_is_true(flush)) {
            es_obj_t fl[2];
            es_load_method_maybe(file, ES_Q_flush, fl);
            if (fl[0] != ES_OBJ_NULL) {
                es_call_method_n_kw(0, 0, fl);
            }
        }
        return ES_OBJ_NONE;
    }
    for (size_t i = 0; i < n_args; i++) {
        if (i > 0) {
            es_print_strn(direct, sep_s, sep_len);
        }
        es_obj_print_helper(direct, args[i], ES_PRINT_STR);
    }
    es_print_strn(direct, end_s, end_len);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(builtin_print_obj, ES_Q_print, 0, builtin_print);

static es_obj_t builtin_input(size_t n_args, const es_obj_t *args) {
    const char *prompt = "";
    es_obj_t prompt_str = ES_OBJ_NULL;
    if (n_args == 1) {
        prompt_str = es_obj_is_str(args[0]) ? args[0] : str_from_print(args[0], ES_PRINT_STR);
        prompt = es_obj_str_get_str(prompt_str);
    }
    es_vstr_t line;
    es_vstr_init(&line, 32);
    if (!es_port_readline(&line, prompt)) {
        es_raise_msg(&es_type_EOFError, "EOF when reading a line");
    }
    return es_obj_new_str(line.buf, line.len);
}
static ES_DEFINE_FUN_VAR(builtin_input_obj, ES_Q_input, 0, 1, builtin_input);

static es_obj_t builtin_repr(es_obj_t o) { return str_from_print(o, ES_PRINT_REPR); }
static ES_DEFINE_FUN_1(builtin_repr_obj, ES_Q_repr, builtin_repr);

/* repr() with every non-ASCII character written as an escape. */
static es_obj_t builtin_ascii(es_obj_t o) {
    size_t len;
    const uint8_t *s = (const uint8_t *)es_obj_str_get_data(builtin_repr(o), &len);
    es_vstr_t out;
    es_vstr_init(&out, len);
    for (size_t i = 0; i < len;) {
        uint32_t c = s[i];
        size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
        if (n > 1) {
            c &= 0x3f >> (n - 1);
            for (size_t k = 1; k < n && i + k < len; k++) {
                c = (c << 6) | (s[i + k] & 0x3f);
            }
        }
        i += n;
        if (c < 0x80) {
            es_vstr_add_byte(&out, (uint8_t)c);
        } else if (c < 0x100) {
            es_vstr_printf(&out, "\\x%02x", (unsigned)c);
        } else if (c < 0x10000) {
            es_vstr_printf(&out, "\\u%04x", (unsigned)c);
        } else {
            es_vstr_printf(&out, "\\U%08x", (unsigned)c);
        }
    }
    return es_obj_new_str_from_vstr(&es_type_str, &out);
}
static ES_DEFINE_FUN_1(builtin_ascii_obj, ES_Q_ascii, builtin_ascii);

static es_obj_t builtin_format(size_t n_args, const es_obj_t *args) {
    es_obj_t spec = n_args > 1 ? args[1] : ES_OBJ_NEW_QSTR(ES_Q__S_empty);
    if (!es_obj_is_str(spec)) {
        es_raise_msg_varg(&es_type_TypeError, "format() argument 2 must be str, not %s", es_obj_type_name(spec));
    }
    if (es_type_is_user_class(es_obj_get_type(args[0]))) {
        es_obj_t fmt[3];
        es_load_method(args[0], ES_Q___format__, fmt);
        fmt[2] = spec;
        es_obj_t r = es_call_method_n_kw(1, 0, fmt);
        if (!es_obj_is_str(r)) {
            es_raise_msg_varg(&es_type_TypeError, "__format__ must return a str, not %s", es_obj_type_name(r));
        }
        return r;
    }
    return es_obj_format(args[0], spec);
}
static ES_DEFINE_FUN_VAR(builtin_format_obj, ES_Q_format, 1, 2, builtin_format);

/* open() is the io module's: the core does not know about files. */
static es_obj_t builtin_open(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    es_obj_t io = es_module_get_builtin(ES_Q_io);
    es_obj_t open = io != ES_OBJ_NULL ? es_load_attr_maybe(io, ES_Q_open) : ES_OBJ_NULL;
    if (open == ES_OBJ_NULL) {
        es_raise_msg(&es_type_OSError, "open() is not available");
    }
    es_obj_t *all = es_new_array(es_obj_t, n_args + 2 * kw->count + 1);
    memcpy(all, args, n_args * sizeof(es_obj_t));
    size_t n_kw = 0;
    for (size_t i = 0; i < kw->used; i++) {
        if (es_map_slot_is_filled(kw, i)) {
            all[n_args + 2 * n_kw] = kw->table[i].key;
            all[n_args + 2 * n_kw + 1] = kw->table[i].value;
            n_kw++;
        }
    }
    es_obj_t f = es_call_function_n_kw(open, n_args, n_kw, all);
    es_free(all);
    return f;
}
static ES_DEFINE_FUN_KW(builtin_open_obj, ES_Q_open, 1, builtin_open);

/* ---- numbers ------------------------------------------------------------------------------ */

static es_obj_t builtin_abs(es_obj_t x) { return es_unary_op(ES_UNARY_OP_ABS, x); }
static ES_DEFINE_FUN_1(builtin_abs_obj, ES_Q_abs, builtin_abs);

static es_obj_t builtin_divmod(es_obj_t a, es_obj_t b) { return es_binary_op(ES_BINARY_OP_DIVMOD, a, b); }
static ES_DEFINE_FUN_2(builtin_divmod_obj, ES_Q_divmod, builtin_divmod);

static bool is_int_like(es_obj_t o) {
    return es_obj_is_small_int(o) || es_obj_is_int(o) || o == ES_OBJ_TRUE || o == ES_OBJ_FALSE;
}

static es_obj_t as_int(es_obj_t o) {
    if (o == ES_OBJ_TRUE || o == ES_OBJ_FALSE) {
        return es_obj_new_small_int(o == ES_OBJ_TRUE);
    }
    return o;
}

static es_obj_t builtin_pow(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    static const es_qstr_t allowed[] = {ES_Q_base, ES_Q_exp, ES_Q_mod, ES_Q_NULL};
    kw_check("pow", kw, allowed);
    es_obj_t base = n_args > 0 ? args[0] : kw_get(kw, ES_Q_base);
    es_obj_t exp = n_args > 1 ? args[1] : kw_get(kw, ES_Q_exp);
    es_obj_t mod = n_args > 2 ? args[2] : kw_get(kw, ES_Q_mod);
    if (n_args > 3) {
        es_raise_msg_varg(&es_type_TypeError, "pow expected at most 3 arguments, got %u", (unsigned)n_args);
    }
    if (base == ES_OBJ_NULL || exp == ES_OBJ_NULL) {
        es_raise_msg(&es_type_TypeError, "pow() missing required argument");
    }
    if (mod == ES_OBJ_NULL || mod == ES_OBJ_NONE) {
        return es_binary_op(ES_BINARY_OP_POWER, base, exp);
    }
    if (!is_int_like(base) || !is_int_like(exp) || !is_int_like(mod)) {
        es_raise_msg(&es_type_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    return es_obj_int_pow3(as_int(base), as_int(exp), as_int(mod));
}
static ES_DEFINE_FUN_KW(builtin_pow_obj, ES_Q_pow, 0, builtin_pow);

static es_obj_t builtin_round(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    static const es_qstr_t allowed[] = {ES_Q_number, ES_Q_ndigits, ES_Q_NULL};
    kw_check("round", kw, allowed);
    es_obj_t x = n_args > 0 ? args[0] : kw_get(kw, ES_Q_number);
    es_obj_t nd = n_args > 1 ? args[1] : kw_get(kw, ES_Q_ndigits);
    if (x == ES_OBJ_NULL) {
        es_raise_msg(&es_type_TypeError, "round() missing required argument 'number' (pos 1)");
    }
    if (n_args > 2) {
        es_raise_msg_varg(&es_type_TypeError, "round() takes at most 2 arguments (%u given)", (unsigned)n_args);
    }
    if (nd != ES_OBJ_NULL && nd != ES_OBJ_NONE && !is_int_like(nd)) {
        es_unary_op(ES_UNARY_OP_INDEX, nd); /* raises the TypeError */
    }
    if (is_int_like(x)) {
        return es_int_round(as_int(x), nd);
    }
    if (es_obj_is_float(x)) {
        return es_float_round(x, nd);
    }
    es_obj_t meth[4];
    es_load_method_maybe(x, ES_Q___round__, meth);
    if (meth[0] == ES_OBJ_NULL) {
        es_raise_msg_varg(&es_type_TypeError, "type %s doesn't define __round__ method", es_obj_type_name(x));
    }
    if (nd == ES_OBJ_NULL || nd == ES_OBJ_NONE) {
        return es_call_method_n_kw(0, 0, meth);
    }
    meth[2] = nd;
    return es_call_method_n_kw(1, 0, meth);
}
static ES_DEFINE_FUN_KW(builtin_round_obj, ES_Q_round, 0, builtin_round);

static es_obj_t format_prefixed(es_obj_t x, unsigned base, const char *prefix) {
    if (!is_int_like(x)) {
        x = es_unary_op(ES_UNARY_OP_INDEX, x);
    }
    x = as_int(x);
    es_vstr_t digits;
    es_vstr_init(&digits, 16);
    es_obj_int_format_digits(&digits, x, base, false);
    es_vstr_t out;
    es_vstr_init(&out, digits.len + 3);
    size_t skip = 0;
    if (digits.len > 0 && digits.buf[0] == '-') {
        es_vstr_add_byte(&out, '-');
        skip = 1;
    }
    es_vstr_add_str(&out, prefix);
    es_vstr_add_strn(&out, digits.buf + skip, digits.len - skip);
    return es_obj_new_str_from_vstr(&es_type_str, &out);
}

static es_obj_t builtin_bin(es_obj_t x) { return format_prefixed(x, 2, "0b"); }
static es_obj_t builtin_oct(es_obj_t x) { return format_prefixed(x, 8, "0o"); }
static es_obj_t builtin_hex(es_obj_t x) { return format_prefixed(x, 16, "0x"); }
static ES_DEFINE_FUN_1(builtin_bin_obj, ES_Q_bin, builtin_bin);
static ES_DEFINE_FUN_1(builtin_oct_obj, ES_Q_oct, builtin_oct);
static ES_DEFINE_FUN_1(builtin_hex_obj, ES_Q_hex, builtin_hex);

static es_obj_t builtin_chr(es_obj_t x) {
    es_int_t c = es_obj_get_int(x);
    if (c < 0 || c > 0x10ffff) {
        es_raise_msg(&es_type_ValueError, "chr() arg not in range(0x110000)");
    }
    es_vstr_t vstr;
    es_vstr_init(&vstr, 4);
    es_vstr_add_char(&vstr, (uint32_t)c);
    return es_obj_new_str(vstr.buf, vstr.len);
}
static ES_DEFINE_FUN_1(builtin_chr_obj, ES_Q_chr, builtin_chr);

static es_obj_t builtin_ord(es_obj_t x) {
    size_t len;
    if (es_obj_is_str(x)) {
        const uint8_t *s = (const uint8_t *)es_obj_str_get_data(x, &len);
        size_t n_chars = 0;
        for (size_t i = 0; i < len; i++) {
            n_chars += (s[i] & 0xc0) != 0x80;
        }
        if (n_chars != 1) {
            es_raise_msg_varg(&es_type_TypeError, "ord() expected a character, but string of length %u found",
                              (unsigned)n_chars);
        }
        uint32_t c = s[0];
        if (c >= 0xc0) {
            size_t extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
            c &= 0x3f >> extra;
            for (size_t i = 1; i <= extra && i < len; i++) {
                c = (c << 6) | (s[i] & 0x3f);
            }
        }
        return es_obj_new_small_int((es_int_t)c);
    }
    es_buffer_info_t info;
    const es_type_t *t = es_obj_get_type(x);
    if ((t == &es_type_bytes || t == &es_type_bytearray) && t->buffer != NULL && t->buffer(x, &info, ES_BUFFER_READ) == 0) {
        if (info.len != 1) {
            es_raise_msg_varg(&es_type_TypeError, "ord() expected a character, but string of length %u found",
                              (unsigned)info.len);
        }
        return es_obj_new_small_int(((const uint8_t *)info.buf)[0]);
    }
    if (t == &es_type_bytes) {
        const uint8_t *s = (const uint8_t *)es_obj_str_get_data(x, &len);
        if (len != 1) {
            es_raise_msg_varg(&es_type_TypeError, "ord() expected a character, but string of length %u found",
                              (unsigned)len);
        }
        return es_obj_new_small_int(s[0]);
    }
    es_raise_msg_varg(&es_type_TypeError, "ord() expected string of length 1, but %s found", es_obj_type_name(x));
}
static ES_DEFINE_FUN_1(builtin_ord_obj, ES_Q_ord, builtin_ord);

static es_obj_t builtin_sum(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    static const es_qstr_t allowed[] = {ES_Q_start, ES_Q_NULL};
    kw_check("sum", kw, allowed);
    if (n_args < 1 || n_args > 2) {
        es_raise_msg_varg(&es_type_TypeError, "sum() takes at most 2 arguments (%u given)", (unsigned)n_args);
    }
    es_obj_t total = n_args > 1 ? args[1] : kw_get(kw, ES_Q_start);
    if (total == ES_OBJ_NULL) {
        total = ES_OBJ_NEW_SMALL_INT(0);
    }
    if (es_obj_is_str(total)) {
        es_raise_msg(&es_type_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (es_obj_is_type(total, &es_type_bytes) || es_obj_is_type(total, &es_type_bytearray)) {
        es_raise_msg_varg(&es_type_TypeError, "sum() can't sum %s [use b''.join(seq) instead]", es_obj_type_name(total));
    }
    es_obj_iter_buf_t buf;
    es_obj_t iter = es_getiter(args[0], &buf);
    for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        total = es_binary_op(ES_BINARY_OP_ADD, total, item);
    }
    return total;
}
static ES_DEFINE_FUN_KW(builtin_sum_obj, ES_Q_sum, 0, builtin_sum);

static es_obj_t min_max(const char *fn, size_t n_args, const es_obj_t *args, es_map_t *kw, es_binary_op_t op) {
    static const es_qstr_t allowed[] = {ES_Q_key, ES_Q_default, ES_Q_NULL};
    kw_check(fn, kw, allowed);
    es_obj_t key = kw_get(kw, ES_Q_key), dflt = kw_get(kw, ES_Q_default);
    if (key == ES_OBJ_NONE) {
        key = ES_OBJ_NULL;
    }
    if (n_args == 0) {
        es_raise_msg_varg(&es_type_TypeError, "%s expected at least 1 argument, got 0", fn);
    }
    if (n_args > 1 && dflt != ES_OBJ_NULL) {
        es_raise_msg_varg(&es_type_TypeError, "Cannot specify a default for %s() with multiple positional arguments", fn);
    }
    es_obj_t best = ES_OBJ_NULL, best_key = ES_OBJ_NULL;
    es_obj_iter_buf_t buf;
    es_obj_t iter = n_args == 1 ? es_getiter(args[0], &buf) : ES_OBJ_NULL;
    for (size_t i = 0;; i++) {
        es_obj_t item;
        if (iter != ES_OBJ_NULL) {
            item = es_iternext(iter);
            if (item == ES_OBJ_STOP_ITERATION) {
                break;
            }
        } else {
            if (i == n_args) {
                break;
            }
            item = args[i];
        }
        es_obj_t k = key != ES_OBJ_NULL ? es_call_function_1(key, item) : item;
        if (best == ES_OBJ_NULL || es_obj_is_true(es_binary_op(op, k, best_key))) {
            best = item;
            best_key = k;
        }
    }
    if (best == ES_OBJ_NULL) {
        if (dflt != ES_OBJ_NULL) {
            return dflt;
        }
        es_raise_msg_varg(&es_type_ValueError, "%s() arg is an empty sequence", fn);
    }
    return best;
}

static es_obj_t builtin_max(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    return min_max("max", n_args, args, kw, ES_BINARY_OP_MORE);
}
static es_obj_t builtin_min(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    return min_max("min", n_args, args, kw, ES_BINARY_OP_LESS);
}
static ES_DEFINE_FUN_KW(builtin_max_obj, ES_Q_max, 0, builtin_max);
static ES_DEFINE_FUN_KW(builtin_min_obj, ES_Q_min, 0, builtin_min);

/* ---- iteration ------------------------------------------------------------------------------- */

static es_obj_t builtin_all(es_obj_t iterable) {
    es_obj_iter_buf_t buf;
    es_obj_t iter = es_getiter(iterable, &buf);
    for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        if (!es_obj_is_true(item)) {
            return ES_OBJ_FALSE;
        }
    }
    return ES_OBJ_TRUE;
}
static ES_DEFINE_FUN_1(builtin_all_obj, ES_Q_all, builtin_all);

static es_obj_t builtin_any(es_obj_t iterable) {
    es_obj_iter_buf_t buf;
    es_obj_t iter = es_getiter(iterable, &buf);
    for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        if (es_obj_is_true(item)) {
            return ES_OBJ_TRUE;
        }
    }
    return ES_OBJ_FALSE;
}
static ES_DEFINE_FUN_1(builtin_any_obj, ES_Q_any, builtin_any);

static es_obj_t builtin_sorted(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    static const es_qstr_t allowed[] = {ES_Q_key, ES_Q_reverse, ES_Q_NULL};
    kw_check("sorted", kw, allowed);
    if (n_args != 1) {
        es_raise_msg_varg(&es_type_TypeError, "sorted expected 1 argument, got %u", (unsigned)n_args);
    }
    es_obj_t list = es_obj_new_list(0, NULL);
    es_obj_iter_buf_t buf;
    es_obj_t iter = es_getiter(args[0], &buf);
    for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        es_obj_list_append(list, item);
    }
    es_obj_t key = kw_get(kw, ES_Q_key), reverse = kw_get(kw, ES_Q_reverse);
    es_obj_list_sort(list, key == ES_OBJ_NULL ? ES_OBJ_NONE : key, reverse != ES_OBJ_NULL && es_obj_is_true(reverse));
    return list;
}
static ES_DEFINE_FUN_KW(builtin_sorted_obj, ES_Q_sorted, 0, builtin_sorted);

/* iter(callable, sentinel): calls until the sentinel comes back. */
typedef struct {
    es_obj_base_t base;
    es_obj_t fun;
    es_obj_t sentinel;
} call_iter_t;

static es_obj_t call_iter_next(es_obj_t self) {
    call_iter_t *it = es_obj_to_ptr(self);
    if (it->fun == ES_OBJ_NULL) {
        return ES_OBJ_STOP_ITERATION;
    }
    es_obj_t value = es_call_function_0(it->fun);
    if (es_obj_equal(value, it->sentinel)) {
        it->fun = ES_OBJ_NULL;
        return ES_OBJ_STOP_ITERATION;
    }
    return value;
}

static const es_type_t call_iter_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_callable_iterator,
    .iternext = call_iter_next,
};

static es_obj_t builtin_iter(size_t n_args, const es_obj_t *args) {
    if (n_args == 1) {
        return es_getiter(args[0], NULL);
    }
    if (!es_obj_is_callable(args[0])) {
        es_raise_msg(&es_type_TypeError, "iter(v, w): v must be callable");
    }
    call_iter_t *it = es_new(call_iter_t);
    it->base.type = &call_iter_type;
    it->fun = args[0];
    it->sentinel = args[1];
    return es_obj_from_ptr(it);
}
static ES_DEFINE_FUN_VAR(builtin_iter_obj, ES_Q_iter, 1, 2, builtin_iter);

static es_obj_t builtin_next(size_t n_args, const es_obj_t *args) {
    if (n_args == 1 && es_obj_is_type(args[0], &es_type_gen_instance)) {
        /* send(None) keeps a generator's return value in the StopIteration. */
        es_obj_t send[3];
        es_load_method(args[0], ES_Q_send, send);
        send[2] = ES_OBJ_NONE;
        return es_call_method_n_kw(1, 0, send);
    }
    es_obj_t item = es_iternext(args[0]);
    if (item == ES_OBJ_STOP_ITERATION) {
        if (n_args > 1) {
            return args[1];
        }
        es_raise_stop_iteration(ES_OBJ_NULL);
    }
    return item;
}
static ES_DEFINE_FUN_VAR(builtin_next_obj, ES_Q_next, 1, 2, builtin_next);

static es_obj_t builtin_len(es_obj_t o) { return es_obj_len(o); }
static ES_DEFINE_FUN_1(builtin_len_obj, ES_Q_len, builtin_len);

/* ---- objects and attributes ------------------------------------------------------------------- */

static es_obj_t builtin_callable(es_obj_t o) { return es_obj_new_bool(es_obj_is_callable(o)); }
static ES_DEFINE_FUN_1(builtin_callable_obj, ES_Q_callable, builtin_callable);

static es_obj_t builtin_hash(es_obj_t o) {
    es_obj_t h = es_obj_hash(o);
    /* Tables use a tuple's hash folded into a small int; hash() shows the full signed word, as
    ** CPython does, for tuples and for subclasses that keep tuple's __hash__. */
    es_obj_t native = es_instance_native(o);
    if (native == ES_OBJ_NULL) {
        native = o;
    }
    if (es_obj_isinstance(native, ES_OBJ_FROM_CONST(es_type_tuple))) {
        size_t full = es_tuple_hash(native);
        if (h == es_obj_new_small_int((es_int_t)(full & (size_t)ES_SMALL_INT_MAX))) {
            return es_obj_new_int_from_ll((intptr_t)full);
        }
    }
    return h;
}
static ES_DEFINE_FUN_1(builtin_hash_obj, ES_Q_hash, builtin_hash);

static es_obj_t builtin_id(es_obj_t o) { return es_obj_new_int_from_uint((es_uint_t)o); }
static ES_DEFINE_FUN_1(builtin_id_obj, ES_Q_id, builtin_id);

static es_obj_t builtin_isinstance(es_obj_t o, es_obj_t classes) { return es_obj_new_bool(es_obj_isinstance(o, classes)); }
static ES_DEFINE_FUN_2(builtin_isinstance_obj, ES_Q_isinstance, builtin_isinstance);

static es_obj_t builtin_issubclass(es_obj_t c, es_obj_t classes) {
    return es_obj_new_bool(es_obj_is_subclass(c, classes));
}
static ES_DEFINE_FUN_2(builtin_issubclass_obj, ES_Q_issubclass, builtin_issubclass);

static es_qstr_t attr_name(const char *fn, es_obj_t name) {
    if (!es_obj_is_str(name)) {
        es_raise_msg_varg(&es_type_TypeError, "%s(): attribute name must be string, not '%s'", fn, es_obj_type_name(name));
    }
    return es_obj_str_get_qstr(name);
}

/* Loads an attribute; ES_OBJ_NULL when it is absent or raises AttributeError (e.g. from __getattr__). */
static es_obj_t load_attr_or_null(es_obj_t o, es_qstr_t attr) {
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_t value = es_load_attr_maybe(o, attr);
        es_nlr_pop();
        return value;
    }
    if (es_obj_exception_match(nlr.ret_val, &es_type_AttributeError)) {
        return ES_OBJ_NULL;
    }
    es_nlr_jump(nlr.ret_val);
}

static es_obj_t builtin_getattr(size_t n_args, const es_obj_t *args) {
    es_qstr_t attr = attr_name("getattr", args[1]);
    if (n_args == 2) {
        return es_load_attr(args[0], attr);
    }
    es_obj_t value = load_attr_or_null(args[0], attr);
    return value != ES_OBJ_NULL ? value : args[2];
}
static ES_DEFINE_FUN_VAR(builtin_getattr_obj, ES_Q_getattr, 2, 3, builtin_getattr);

static es_obj_t builtin_hasattr(es_obj_t o, es_obj_t name) {
    return es_obj_new_bool(load_attr_or_null(o, attr_name("hasattr", name)) != ES_OBJ_NULL);
}
static ES_DEFINE_FUN_2(builtin_hasattr_obj, ES_Q_hasattr, builtin_hasattr);

static es_obj_t builtin_setattr(es_obj_t o, es_obj_t name, es_obj_t value) {
    es_store_attr(o, attr_name("setattr", name), value);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_3(builtin_setattr_obj, ES_Q_setattr, builtin_setattr);

static es_obj_t builtin_delattr(es_obj_t o, es_obj_t name) {
    es_delete_attr(o, attr_name("delattr", name));
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(builtin_delattr_obj, ES_Q_delattr, builtin_delattr);

static es_obj_t builtin_globals(void) { return es_obj_from_ptr(es_globals_get()); }
static ES_DEFINE_FUN_0(builtin_globals_obj, ES_Q_globals, builtin_globals);

static es_obj_t builtin_locals(void) {
    es_obj_dict_t *locals = es_locals_get();
    return es_obj_from_ptr(locals != NULL ? locals : es_globals_get());
}
static ES_DEFINE_FUN_0(builtin_locals_obj, ES_Q_locals, builtin_locals);

static es_obj_t builtin_vars(size_t n_args, const es_obj_t *args) {
    if (n_args == 0) {
        return builtin_locals();
    }
    es_obj_t d = load_attr_or_null(args[0], ES_Q___dict__);
    if (d == ES_OBJ_NULL) {
        es_raise_msg(&es_type_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}
static ES_DEFINE_FUN_VAR(builtin_vars_obj, ES_Q_vars, 0, 1, builtin_vars);

static void add_dict_names(es_obj_t names, const es_obj_dict_t *dict) {
    if (dict == NULL) {
        return;
    }
    const es_map_t *map = &dict->map;
    for (size_t i = 0; i < map->used; i++) {
        if (es_map_slot_is_filled(map, i) && es_obj_is_str(map->table[i].key)) {
            es_obj_dict_store(names, map->table[i].key, ES_OBJ_NONE);
        }
    }
}

static void add_type_names(es_obj_t names, const es_type_t *t) {
    if (es_type_is_user_class(t)) {
        const es_obj_tuple_t *mro = es_obj_to_ptr(((const es_user_type_t *)t)->mro);
        for (size_t i = 0; i < mro->len; i++) {
            add_dict_names(names, ((const es_type_t *)es_obj_to_ptr(mro->items[i]))->locals_dict);
        }
        return;
    }
    while (t != NULL) {
        add_dict_names(names, t->locals_dict);
        if (t->flags & ES_TYPE_FLAG_MULTIPLE_BASES) {
            const es_obj_tuple_t *bases = t->parent;
            for (size_t i = 0; i < bases->len; i++) {
                add_type_names(names, es_obj_to_ptr(bases->items[i]));
            }
            return;
        }
        t = t->parent;
    }
}

static es_obj_t builtin_dir(size_t n_args, const es_obj_t *args) {
    es_obj_t names = es_obj_new_dict(16);
    if (n_args == 0) {
        add_dict_names(names, es_obj_to_ptr(builtin_locals()));
    } else {
        es_obj_t o = args[0];
        const es_type_t *t = es_obj_get_type(o);
        if (t == &es_type_module) {
            add_dict_names(names, ((es_obj_module_t *)es_obj_to_ptr(o))->globals);
        } else if (t == &es_type_type) {
            add_type_names(names, es_obj_to_ptr(o));
        } else {
            if (es_type_is_user_class(t)) {
                add_dict_names(names, ((es_obj_instance_t *)es_obj_to_ptr(o))->members);
                es_obj_t native = es_instance_native(o);
                if (native != ES_OBJ_NULL) {
                    add_type_names(names, es_obj_get_type(native));
                }
            }
            add_type_names(names, t);
            es_obj_dict_store(names, ES_OBJ_NEW_QSTR(ES_Q___class__), ES_OBJ_NONE);
        }
    }
    es_map_t *map = es_obj_dict_get_map(names);
    es_obj_t list = es_obj_new_list(0, NULL);
    for (size_t i = 0; i < map->used; i++) {
        if (es_map_slot_is_filled(map, i)) {
            es_obj_list_append(list, map->table[i].key);
        }
    }
    es_obj_list_sort(list, ES_OBJ_NONE, false);
    return list;
}
static ES_DEFINE_FUN_VAR(builtin_dir_obj, ES_Q_dir, 0, 1, builtin_dir);

static es_obj_t builtin___import__(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    static const es_qstr_t allowed[] = {ES_Q_name, ES_Q_globals, ES_Q_locals, ES_Q_fromlist, ES_Q_level, ES_Q_NULL};
    kw_check("__import__", kw, allowed);
    es_obj_t name = n_args > 0 ? args[0] : kw_get(kw, ES_Q_name);
    es_obj_t fromlist = n_args > 3 ? args[3] : kw_get(kw, ES_Q_fromlist);
    es_obj_t level = n_args > 4 ? args[4] : kw_get(kw, ES_Q_level);
    if (name == ES_OBJ_NULL || !es_obj_is_str(name)) {
        es_raise_msg(&es_type_TypeError, "__import__() argument 1 must be str");
    }
    return es_import_name(es_obj_str_get_qstr(name), fromlist == ES_OBJ_NULL ? ES_OBJ_NONE : fromlist,
                          level == ES_OBJ_NULL ? ES_OBJ_NEW_SMALL_INT(0) : level);
}
static ES_DEFINE_FUN_KW(builtin___import___obj, ES_Q___import__, 0, builtin___import__);

/* ---- the module ------------------------------------------------------------------------------- */


static const es_map_elem_t builtins_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_ArithmeticError), ES_OBJ_FROM_CONST(es_type_ArithmeticError)},
    {ES_OBJ_NEW_QSTR(ES_Q_AssertionError), ES_OBJ_FROM_CONST(es_type_AssertionError)},
    {ES_OBJ_NEW_QSTR(ES_Q_AttributeError), ES_OBJ_FROM_CONST(es_type_AttributeError)},
    {ES_OBJ_NEW_QSTR(ES_Q_BaseException), ES_OBJ_FROM_CONST(es_type_BaseException)},
    {ES_OBJ_NEW_QSTR(ES_Q_EOFError), ES_OBJ_FROM_CONST(es_type_EOFError)},
    {ES_OBJ_NEW_QSTR(ES_Q_Ellipsis), ES_OBJ_FROM_CONST(es_const_ellipsis_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_Exception), ES_OBJ_FROM_CONST(es_type_Exception)},
    {ES_OBJ_NEW_QSTR(ES_Q_FileExistsError), ES_OBJ_FROM_CONST(es_type_FileExistsError)},
    {ES_OBJ_NEW_QSTR(ES_Q_FileNotFoundError), ES_OBJ_FROM_CONST(es_type_FileNotFoundError)},
    {ES_OBJ_NEW_QSTR(ES_Q_GeneratorExit), ES_OBJ_FROM_CONST(es_type_GeneratorExit)},
    {ES_OBJ_NEW_QSTR(ES_Q_ImportError), ES_OBJ_FROM_CONST(es_type_ImportError)},
    {ES_OBJ_NEW_QSTR(ES_Q_IndentationError), ES_OBJ_FROM_CONST(es_type_IndentationError)},
    {ES_OBJ_NEW_QSTR(ES_Q_IndexError), ES_OBJ_FROM_CONST(es_type_IndexError)},
    {ES_OBJ_NEW_QSTR(ES_Q_KeyError), ES_OBJ_FROM_CONST(es_type_KeyError)},
    {ES_OBJ_NEW_QSTR(ES_Q_KeyboardInterrupt), ES_OBJ_FROM_CONST(es_type_KeyboardInterrupt)},
    {ES_OBJ_NEW_QSTR(ES_Q_LookupError), ES_OBJ_FROM_CONST(es_type_LookupError)},
    {ES_OBJ_NEW_QSTR(ES_Q_MemoryError), ES_OBJ_FROM_CONST(es_type_MemoryError)},
    {ES_OBJ_NEW_QSTR(ES_Q_ModuleNotFoundError), ES_OBJ_FROM_CONST(es_type_ModuleNotFoundError)},
    {ES_OBJ_NEW_QSTR(ES_Q_NameError), ES_OBJ_FROM_CONST(es_type_NameError)},
    {ES_OBJ_NEW_QSTR(ES_Q_NotImplemented), ES_OBJ_FROM_CONST(es_const_notimplemented_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_NotImplementedError), ES_OBJ_FROM_CONST(es_type_NotImplementedError)},
    {ES_OBJ_NEW_QSTR(ES_Q_OSError), ES_OBJ_FROM_CONST(es_type_OSError)},
    {ES_OBJ_NEW_QSTR(ES_Q_OverflowError), ES_OBJ_FROM_CONST(es_type_OverflowError)},
    {ES_OBJ_NEW_QSTR(ES_Q_RecursionError), ES_OBJ_FROM_CONST(es_type_RecursionError)},
    {ES_OBJ_NEW_QSTR(ES_Q_RuntimeError), ES_OBJ_FROM_CONST(es_type_RuntimeError)},
    {ES_OBJ_NEW_QSTR(ES_Q_StopAsyncIteration), ES_OBJ_FROM_CONST(es_type_StopAsyncIteration)},
    {ES_OBJ_NEW_QSTR(ES_Q_StopIteration), ES_OBJ_FROM_CONST(es_type_StopIteration)},
    {ES_OBJ_NEW_QSTR(ES_Q_SyntaxError), ES_OBJ_FROM_CONST(es_type_SyntaxError)},
    {ES_OBJ_NEW_QSTR(ES_Q_SystemExit), ES_OBJ_FROM_CONST(es_type_SystemExit)},
    {ES_OBJ_NEW_QSTR(ES_Q_TimeoutError), ES_OBJ_FROM_CONST(es_type_TimeoutError)},
    {ES_OBJ_NEW_QSTR(ES_Q_TypeError), ES_OBJ_FROM_CONST(es_type_TypeError)},
    {ES_OBJ_NEW_QSTR(ES_Q_UnboundLocalError), ES_OBJ_FROM_CONST(es_type_UnboundLocalError)},
    {ES_OBJ_NEW_QSTR(ES_Q_UnicodeDecodeError), ES_OBJ_FROM_CONST(es_type_UnicodeDecodeError)},
    {ES_OBJ_NEW_QSTR(ES_Q_UnicodeEncodeError), ES_OBJ_FROM_CONST(es_type_UnicodeEncodeError)},
    {ES_OBJ_NEW_QSTR(ES_Q_UnicodeError), ES_OBJ_FROM_CONST(es_type_UnicodeError)},
    {ES_OBJ_NEW_QSTR(ES_Q_ValueError), ES_OBJ_FROM_CONST(es_type_ValueError)},
    {ES_OBJ_NEW_QSTR(ES_Q_ZeroDivisionError), ES_OBJ_FROM_CONST(es_type_ZeroDivisionError)},
    {ES_OBJ_NEW_QSTR(ES_Q___build_class__), ES_OBJ_FROM_CONST(es_builtin___build_class___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___import__), ES_OBJ_FROM_CONST(builtin___import___obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_builtins)},
    {ES_OBJ_NEW_QSTR(ES_Q_abs), ES_OBJ_FROM_CONST(builtin_abs_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_all), ES_OBJ_FROM_CONST(builtin_all_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_any), ES_OBJ_FROM_CONST(builtin_any_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ascii), ES_OBJ_FROM_CONST(builtin_ascii_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_bin), ES_OBJ_FROM_CONST(builtin_bin_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_bool), ES_OBJ_FROM_CONST(es_type_bool)},
    {ES_OBJ_NEW_QSTR(ES_Q_bytearray), ES_OBJ_FROM_CONST(es_type_bytearray)},
    {ES_OBJ_NEW_QSTR(ES_Q_bytes), ES_OBJ_FROM_CONST(es_type_bytes)},
    {ES_OBJ_NEW_QSTR(ES_Q_callable), ES_OBJ_FROM_CONST(builtin_callable_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_chr), ES_OBJ_FROM_CONST(builtin_chr_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_classmethod), ES_OBJ_FROM_CONST(es_type_classmethod)},
    {ES_OBJ_NEW_QSTR(ES_Q_compile), ES_OBJ_FROM_CONST(es_builtin_compile_obj)},
#if ES_ENABLE_COMPLEX
    {ES_OBJ_NEW_QSTR(ES_Q_complex), ES_OBJ_FROM_CONST(es_type_complex)},
#endif
    {ES_OBJ_NEW_QSTR(ES_Q_delattr), ES_OBJ_FROM_CONST(builtin_delattr_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_dict), ES_OBJ_FROM_CONST(es_type_dict)},
    {ES_OBJ_NEW_QSTR(ES_Q_dir), ES_OBJ_FROM_CONST(builtin_dir_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_divmod), ES_OBJ_FROM_CONST(builtin_divmod_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_enumerate), ES_OBJ_FROM_CONST(es_type_enumerate)},
    {ES_OBJ_NEW_QSTR(ES_Q_eval), ES_OBJ_FROM_CONST(es_builtin_eval_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_exec), ES_OBJ_FROM_CONST(es_builtin_exec_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_filter), ES_OBJ_FROM_CONST(es_type_filter)},
    {ES_OBJ_NEW_QSTR(ES_Q_float), ES_OBJ_FROM_CONST(es_type_float)},
    {ES_OBJ_NEW_QSTR(ES_Q_format), ES_OBJ_FROM_CONST(builtin_format_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_frozenset), ES_OBJ_FROM_CONST(es_type_frozenset)},
    {ES_OBJ_NEW_QSTR(ES_Q_getattr), ES_OBJ_FROM_CONST(builtin_getattr_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_globals), ES_OBJ_FROM_CONST(builtin_globals_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_hasattr), ES_OBJ_FROM_CONST(builtin_hasattr_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_hash), ES_OBJ_FROM_CONST(builtin_hash_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_hex), ES_OBJ_FROM_CONST(builtin_hex_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_id), ES_OBJ_FROM_CONST(builtin_id_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_input), ES_OBJ_FROM_CONST(builtin_input_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_int), ES_OBJ_FROM_CONST(es_type_int)},
    {ES_OBJ_NEW_QSTR(ES_Q_isinstance), ES_OBJ_FROM_CONST(builtin_isinstance_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_issubclass), ES_OBJ_FROM_CONST(builtin_issubclass_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_iter), ES_OBJ_FROM_CONST(builtin_iter_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_len), ES_OBJ_FROM_CONST(builtin_len_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_list), ES_OBJ_FROM_CONST(es_type_list)},
    {ES_OBJ_NEW_QSTR(ES_Q_locals), ES_OBJ_FROM_CONST(builtin_locals_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_map), ES_OBJ_FROM_CONST(es_type_map)},
    {ES_OBJ_NEW_QSTR(ES_Q_max), ES_OBJ_FROM_CONST(builtin_max_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_memoryview), ES_OBJ_FROM_CONST(es_type_memoryview)},
    {ES_OBJ_NEW_QSTR(ES_Q_min), ES_OBJ_FROM_CONST(builtin_min_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_next), ES_OBJ_FROM_CONST(builtin_next_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_object), ES_OBJ_FROM_CONST(es_type_object)},
    {ES_OBJ_NEW_QSTR(ES_Q_oct), ES_OBJ_FROM_CONST(builtin_oct_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_open), ES_OBJ_FROM_CONST(builtin_open_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ord), ES_OBJ_FROM_CONST(builtin_ord_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_pow), ES_OBJ_FROM_CONST(builtin_pow_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_print), ES_OBJ_FROM_CONST(builtin_print_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_property), ES_OBJ_FROM_CONST(es_type_property)},
    {ES_OBJ_NEW_QSTR(ES_Q_range), ES_OBJ_FROM_CONST(es_type_range)},
    {ES_OBJ_NEW_QSTR(ES_Q_repr), ES_OBJ_FROM_CONST(builtin_repr_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_reversed), ES_OBJ_FROM_CONST(es_type_reversed)},
    {ES_OBJ_NEW_QSTR(ES_Q_round), ES_OBJ_FROM_CONST(builtin_round_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_set), ES_OBJ_FROM_CONST(es_type_set)},
    {ES_OBJ_NEW_QSTR(ES_Q_setattr), ES_OBJ_FROM_CONST(builtin_setattr_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_slice), ES_OBJ_FROM_CONST(es_type_slice)},
    {ES_OBJ_NEW_QSTR(ES_Q_sorted), ES_OBJ_FROM_CONST(builtin_sorted_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_staticmethod), ES_OBJ_FROM_CONST(es_type_staticmethod)},
    {ES_OBJ_NEW_QSTR(ES_Q_str), ES_OBJ_FROM_CONST(es_type_str)},
    {ES_OBJ_NEW_QSTR(ES_Q_sum), ES_OBJ_FROM_CONST(builtin_sum_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_super), ES_OBJ_FROM_CONST(es_type_super)},
    {ES_OBJ_NEW_QSTR(ES_Q_tuple), ES_OBJ_FROM_CONST(es_type_tuple)},
    {ES_OBJ_NEW_QSTR(ES_Q_type), ES_OBJ_FROM_CONST(es_type_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_vars), ES_OBJ_FROM_CONST(builtin_vars_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_zip), ES_OBJ_FROM_CONST(es_type_zip)},
};

ES_DEFINE_CONST_MODULE(es_module_builtins, builtins_table);

/*
** builtins_table is kept in name order, which is also the order of the static qstr numbers
** the build assigns, so a name is found by binary search (the VM asks on every global miss).
** es_init checks the order, so an entry added out of place is noticed at once.
*/
es_obj_t es_builtins_table_find(es_qstr_t name) {
    size_t lo = 0, hi = ES_ARRAY_SIZE(builtins_table);
    es_obj_t key = es_obj_new_qstr(name);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        es_obj_t k = builtins_table[mid].key;
        if (k == key) {
            return builtins_table[mid].value;
        }
        if (k < key) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return ES_OBJ_NULL;
}

bool es_builtins_table_is_sorted(void) {
    for (size_t i = 1; i < ES_ARRAY_SIZE(builtins_table); i++) {
        if (builtins_table[i - 1].key >= builtins_table[i].key) {
            return false;
        }
    }
    return true;
}
ES_REGISTER_MODULE(ES_Q_builtins, es_module_builtins);
