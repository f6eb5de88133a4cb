/* modjson.c: the json module: dumps/dump with CPython's output (separators, indent, ensure_ascii), loads/load. */

#include <math.h>
#include <string.h>

#include "py/formatfloat.h"
#include "py/objint.h"
#include "py/parsenum.h"
#include "py/runtime.h"
#include "py/sequence.h"

/* ======================================================================================
** Encoding
** ====================================================================================== */

typedef struct json_encoder_t {
    es_vstr_t *out;
    const char *item_sep;
    size_t item_sep_len;
    const char *key_sep;
    size_t key_sep_len;
    const char *indent; /* NULL: everything on one line */
    size_t indent_len;
    bool ensure_ascii;
    bool sort_keys;
    bool allow_nan;
    es_obj_t default_fn; /* None or a callable for unknown objects */
    es_obj_t active;     /* list of the containers being encoded, to detect cycles */
    size_t depth;
} json_encoder_t;

static void encode_value(json_encoder_t *enc, es_obj_t value);

static void add_hex4(es_vstr_t *out, uint32_t u) {
    static const char hex[] = "0123456789abcdef";
    char buf[6] = {'\\', 'u', hex[(u >> 12) & 15], hex[(u >> 8) & 15], hex[(u >> 4) & 15], hex[u & 15]};
    es_vstr_add_strn(out, buf, 6);
}

/* Decodes one UTF-8 sequence at s[*i] (str data is valid UTF-8). */
static uint32_t utf8_next(const uint8_t *s, size_t len, size_t *i) {
    uint32_t c = s[(*i)++];
    if (c < 0x80) {
        return c;
    }
    int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
    c &= 0x3f >> extra;
    while (extra-- > 0 && *i < len && (s[*i] & 0xc0) == 0x80) {
        c = (c << 6) | (s[(*i)++] & 0x3f);
    }
    return c;
}

static void encode_string(json_encoder_t *enc, const char *data, size_t len) {
    es_vstr_t *out = enc->out;
    const uint8_t *s = (const uint8_t *)data;
    es_vstr_add_byte(out, '"');
    size_t i = 0;
    while (i < len) {
        uint8_t b = s[i];
        if (b >= 0x80) {
            size_t start = i;
            uint32_t c = utf8_next(s, len, &i);
            if (!enc->ensure_ascii) {
                es_vstr_add_strn(out, data + start, i - start);
            } else if (c >= 0x10000) {
                c -= 0x10000;
                add_hex4(out, 0xd800 | (c >> 10));
                add_hex4(out, 0xdc00 | (c & 0x3ff));
            } else {
                add_hex4(out, c);
            }
            continue;
        }
        i++;
        switch (b) {
            case '"':
                es_vstr_add_strn(out, "\\\"", 2);
                break;
            case '\\':
                es_vstr_add_strn(out, "\\\\", 2);
                break;
            case '\n':
                es_vstr_add_strn(out, "\\n", 2);
                break;
            case '\r':
                es_vstr_add_strn(out, "\\r", 2);
                break;
            case '\t':
                es_vstr_add_strn(out, "\\t", 2);
                break;
            case '\b':
                es_vstr_add_strn(out, "\\b", 2);
                break;
            case '\f':
                es_vstr_add_strn(out, "\\f", 2);
                break;
            default:
                if (b < 0x20) {
                    add_hex4(out, b);
                } else {
                    es_vstr_add_byte(out, b);
                }
                break;
        }
    }
    es_vstr_add_byte(out, '"');
}

static void encode_float(json_encoder_t *enc, es_float_t f) {
    if (isnan(f) || isinf(f)) {
        if (!enc->allow_nan) {
            es_raise_msg_varg(&es_type_ValueError, "Out of range float values are not JSON compliant");
        }
        es_vstr_add_str(enc->out, isnan(f) ? "NaN" : f > 0 ? "Infinity" : "-Infinity");
        return;
    }
    es_format_float(enc->out, f, 'r', -1);
}

static void encode_int(json_encoder_t *enc, es_obj_t i) {
    es_obj_int_format_digits(enc->out, i, 10, false);
}

static void newline_indent(json_encoder_t *enc) {
    if (enc->indent == NULL) {
        return;
    }
    es_vstr_add_byte(enc->out, '\n');
    for (size_t d = 0; d < enc->depth; d++) {
        es_vstr_add_strn(enc->out, enc->indent, enc->indent_len);
    }
}

static void enter_container(json_encoder_t *enc, es_obj_t container) {
    es_stack_check();
    size_t n;
    es_obj_t *items;
    es_obj_get_array(enc->active, &n, &items);
    for (size_t i = 0; i < n; i++) {
        if (items[i] == container) {
            es_raise_msg(&es_type_ValueError, "Circular reference detected");
        }
    }
    es_obj_list_append(enc->active, container);
    enc->depth++;
}

static void leave_container(json_encoder_t *enc) {
    es_obj_list_t *l = es_obj_to_ptr(enc->active);
    l->len--;
    enc->depth--;
}

static void encode_sequence(json_encoder_t *enc, es_obj_t seq) {
    size_t n;
    es_obj_t *items;
    es_obj_get_array(seq, &n, &items);
    if (n == 0) {
        es_vstr_add_strn(enc->out, "[]", 2);
        return;
    }
    enter_container(enc, seq);
    es_vstr_add_byte(enc->out, '[');
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            es_vstr_add_strn(enc->out, enc->item_sep, enc->item_sep_len);
        }
        newline_indent(enc);
        es_obj_get_array(seq, &n, &items); /* encoding may have run Python code */
        if (i >= n) {
            break;
        }
        encode_value(enc, items[i]);
    }
    leave_container(enc);
    newline_indent(enc);
    es_vstr_add_byte(enc->out, ']');
}

/* Dict keys become strings as CPython does: "1", "1.5", "true", "null". */
static bool encode_key(json_encoder_t *enc, es_obj_t key) {
    if (es_obj_is_str(key)) {
        size_t len;
        const char *s = es_obj_str_get_data(key, &len);
        encode_string(enc, s, len);
        return true;
    }
    es_vstr_add_byte(enc->out, '"');
    if (key == ES_OBJ_TRUE || key == ES_OBJ_FALSE) {
        es_vstr_add_str(enc->out, key == ES_OBJ_TRUE ? "true" : "false");
    } else if (key == ES_OBJ_NONE) {
        es_vstr_add_str(enc->out, "null");
    } else if (es_obj_is_small_int(key) || es_obj_is_int(key)) {
        encode_int(enc, key);
    } else if (es_obj_is_float(key)) {
        encode_float(enc, es_obj_float_get(key));
    } else {
        es_vstr_cut_tail_bytes(enc->out, 1);
        return false;
    }
    es_vstr_add_byte(enc->out, '"');
    return true;
}

static void encode_mapping(json_encoder_t *enc, es_obj_t mapping) {
    /* A list of (key, value) pairs works for dicts and anything else with items(). */
    es_obj_t dest[2];
    es_load_method(mapping, ES_Q_items, dest);
    es_obj_t pairs = es_obj_new_list(0, NULL);
    es_obj_t iter = es_getiter(es_call_method_n_kw(0, 0, dest), NULL);
    for (es_obj_t item; (item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION;) {
        es_obj_list_append(pairs, item);
    }
    size_t n;
    es_obj_t *items;
    es_obj_get_array(pairs, &n, &items);
    if (n == 0) {
        es_vstr_add_strn(enc->out, "{}", 2);
        return;
    }
    if (enc->sort_keys) {
        es_obj_t sorted_dest[2];
        es_load_method(pairs, ES_Q_sort, sorted_dest);
        es_call_method_n_kw(0, 0, sorted_dest);
        es_obj_get_array(pairs, &n, &items);
    }
    enter_container(enc, mapping);
    es_vstr_add_byte(enc->out, '{');
    for (size_t i = 0; i < n; i++) {
        es_obj_t *kv;
        es_obj_get_array_fixed_n(items[i], 2, &kv);
        if (i > 0) {
            es_vstr_add_strn(enc->out, enc->item_sep, enc->item_sep_len);
        }
        newline_indent(enc);
        if (!encode_key(enc, kv[0])) {
            es_raise_msg_varg(&es_type_TypeError, "keys must be str, int, float, bool or None, not %s",
                              es_obj_type_name(kv[0]));
        }
        es_vstr_add_strn(enc->out, enc->key_sep, enc->key_sep_len);
        encode_value(enc, kv[1]);
    }
    leave_container(enc);
    newline_indent(enc);
    es_vstr_add_byte(enc->out, '}');
}

static void encode_value(json_encoder_t *enc, es_obj_t value) {
    if (value == ES_OBJ_NONE) {
        es_vstr_add_str(enc->out, "null");
    } else if (value == ES_OBJ_TRUE) {
        es_vstr_add_str(enc->out, "true");
    } else if (value == ES_OBJ_FALSE) {
        es_vstr_add_str(enc->out, "false");
    } else if (es_obj_is_str(value)) {
        size_t len;
        const char *s = es_obj_str_get_data(value, &len);
        encode_string(enc, s, len);
    } else if (es_obj_is_small_int(value) || es_obj_is_int(value)) {
        encode_int(enc, value);
    } else if (es_obj_is_float(value)) {
        encode_float(enc, es_obj_float_get(value));
    } else if (es_obj_is_type(value, &es_type_list) || es_obj_is_type(value, &es_type_tuple)) {
        encode_sequence(enc, value);
    } else if (es_obj_is_type(value, &es_type_dict)) {
        encode_mapping(enc, value);
    } else {
        if (es_obj_isinstance(value, ES_OBJ_FROM_CONST(es_type_list)) ||
            es_obj_isinstance(value, ES_OBJ_FROM_CONST(es_type_tuple))) {
            encode_sequence(enc, es_obj_new_list_from_iter(value));
            return;
        }
        es_obj_t dest[2];
        es_load_method_maybe(value, ES_Q_items, dest);
        if (dest[0] != ES_OBJ_NULL) {
            /* dict subclasses and dict-like wrappers (OrderedDict, defaultdict) */
            encode_mapping(enc, value);
            return;
        }
        if (enc->default_fn != ES_OBJ_NONE) {
            enter_container(enc, value);
            enc->depth--;
            encode_value(enc, es_call_function_1(enc->default_fn, value));
            enc->depth++;
            leave_container(enc);
            return;
        }
        es_raise_msg_varg(&es_type_TypeError, "Object of type %s is not JSON serializable", es_obj_type_name(value));
    }
}

/* Sets up an encoder from dumps()'s keyword arguments. */
static void encoder_init(json_encoder_t *enc, es_vstr_t *out, es_map_t *kw_args) {
    enum { ARG_separators, ARG_indent, ARG_ensure_ascii, ARG_sort_keys, ARG_allow_nan, ARG_default };
    static const es_arg_t allowed[] = {
        {ES_Q_separators, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_indent, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_ensure_ascii, ES_ARG_BOOL | ES_ARG_KW_ONLY, {.u_bool = true}},
        {ES_Q_sort_keys, ES_ARG_BOOL | ES_ARG_KW_ONLY, {.u_bool = false}},
        {ES_Q_allow_nan, ES_ARG_BOOL | ES_ARG_KW_ONLY, {.u_bool = true}},
        {ES_Q_default, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NONE}},
    };
    es_arg_val_t vals[6];
    es_arg_parse_all(0, NULL, kw_args, 6, allowed, vals);
    memset(enc, 0, sizeof(*enc));
    enc->out = out;
    enc->ensure_ascii = vals[ARG_ensure_ascii].u_bool;
    enc->sort_keys = vals[ARG_sort_keys].u_bool;
    enc->allow_nan = vals[ARG_allow_nan].u_bool;
    enc->default_fn = vals[ARG_default].u_obj;
    enc->active = es_obj_new_list(0, NULL);
    es_obj_t indent = vals[ARG_indent].u_obj;
    if (indent != ES_OBJ_NONE) {
        if (es_obj_is_str(indent)) {
            enc->indent = es_obj_str_get_data(indent, &enc->indent_len);
        } else {
            es_int_t n = es_obj_get_int(indent);
            n = n < 0 ? 0 : n;
            char *spaces = es_alloc((size_t)n + 1);
            memset(spaces, ' ', (size_t)n);
            enc->indent = spaces;
            enc->indent_len = (size_t)n;
        }
    }
    /* CPython's defaults: no space before a newline when indenting. */
    enc->item_sep = enc->indent != NULL ? "," : ", ";
    enc->item_sep_len = enc->indent != NULL ? 1 : 2;
    enc->key_sep = ": ";
    enc->key_sep_len = 2;
    if (vals[ARG_separators].u_obj != ES_OBJ_NONE) {
        es_obj_t *seps;
        es_obj_get_array_fixed_n(vals[ARG_separators].u_obj, 2, &seps);
        enc->item_sep = es_obj_str_get_data(seps[0], &enc->item_sep_len);
        enc->key_sep = es_obj_str_get_data(seps[1], &enc->key_sep_len);
        es_obj_str_get_str(seps[0]);
        es_obj_str_get_str(seps[1]);
    }
}

static es_obj_t json_dumps(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    es_vstr_t out;
    json_encoder_t enc;
    es_vstr_init(&out, 16);
    encoder_init(&enc, &out, kw_args);
    encode_value(&enc, args[0]);
    ES_UNUSED(n_args);
    return es_obj_new_str_from_vstr(&es_type_str, &out);
}
static ES_DEFINE_FUN_KW(json_dumps_obj, ES_Q_dumps, 1, json_dumps);

static es_obj_t json_dump(size_t n_args, const es_obj_t *args, es_map_t *kw_args) {
    if (n_args != 2) {
        es_raise_msg_varg(&es_type_TypeError, "dump() takes 2 positional arguments but %u were given", (unsigned)n_args);
    }
    es_obj_t text = json_dumps(1, args, kw_args);
    es_obj_t dest[3];
    es_load_method(args[1], ES_Q_write, dest);
    dest[2] = text;
    es_call_method_n_kw(1, 0, dest);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(json_dump_obj, ES_Q_dump, 2, json_dump);

/* ======================================================================================
** Decoding: a recursive-descent parser over the text; nesting depth is bounded by the
** stack check, so hostile input raises RecursionError instead of overflowing the stack.
** ====================================================================================== */

typedef struct json_parser_t {
    const char *start;
    const char *p;
    const char *end;
} json_parser_t;

/* CPython's ValueError text: "msg: line L column C (char N)", counted in characters. */
static _Noreturn void parse_error(json_parser_t *ps, const char *msg, const char *at) {
    size_t line = 1;
    size_t column = 1;
    size_t chars = 0;
    for (const char *q = ps->start; q < at; q++) {
        if (((uint8_t)*q & 0xc0) == 0x80) {
            continue;
        }
        chars++;
        if (*q == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
    }
    es_raise_msg_varg(&es_type_ValueError, "%s: line %u column %u (char %u)", msg, (unsigned)line, (unsigned)column,
                      (unsigned)chars);
}

static void skip_space(json_parser_t *ps) {
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')) {
        ps->p++;
    }
}

static bool match_word(json_parser_t *ps, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) >= n && memcmp(ps->p, word, n) == 0) {
        ps->p += n;
        return true;
    }
    return false;
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static bool read_hex4(json_parser_t *ps, const char *at, uint32_t *out) {
    if (ps->end - at < 4) {
        return false;
    }
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit(at[i]);
        if (d < 0) {
            return false;
        }
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return true;
}

/* ps->p is just after the opening quote. */
static es_obj_t parse_string(json_parser_t *ps) {
    const char *begin = ps->p - 1;
    es_vstr_t vstr;
    es_vstr_init(&vstr, 16);
    for (;;) {
        if (ps->p >= ps->end) {
            parse_error(ps, "Unterminated string starting at", begin);
        }
        char c = *ps->p++;
        if (c == '"') {
            break;
        }
        if ((uint8_t)c < 0x20) {
            parse_error(ps, "Invalid control character at", ps->p - 1);
        }
        if (c != '\\') {
            es_vstr_add_byte(&vstr, (uint8_t)c);
            continue;
        }
        if (ps->p >= ps->end) {
            parse_error(ps, "Unterminated string starting at", begin);
        }
        const char *escape = ps->p - 1;
        c = *ps->p++;
        switch (c) {
            case '"':
            case '\\':
            case '/':
                es_vstr_add_byte(&vstr, (uint8_t)c);
                break;
            case 'b':
                es_vstr_add_byte(&vstr, '\b');
                break;
            case 'f':
                es_vstr_add_byte(&vstr, '\f');
                break;
            case 'n':
                es_vstr_add_byte(&vstr, '\n');
                break;
            case 'r':
                es_vstr_add_byte(&vstr, '\r');
                break;
            case 't':
                es_vstr_add_byte(&vstr, '\t');
                break;
            case 'u': {
                uint32_t u;
                if (!read_hex4(ps, ps->p, &u)) {
                    parse_error(ps, "Invalid \\uXXXX escape", escape + 1);
                }
                ps->p += 4;
                /* A high surrogate followed by an escaped low one is a single character. */
                uint32_t low;
                if (u >= 0xd800 && u < 0xdc00 && ps->end - ps->p >= 6 && ps->p[0] == '\\' && ps->p[1] == 'u' &&
                    read_hex4(ps, ps->p + 2, &low) && low >= 0xdc00 && low < 0xe000) {
                    u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                    ps->p += 6;
                }
                es_vstr_add_char(&vstr, u);
                break;
            }
            default:
                parse_error(ps, "Invalid \\escape", escape);
        }
    }
    return es_obj_new_str_from_vstr(&es_type_str, &vstr);
}

static es_obj_t parse_number(json_parser_t *ps) {
    const char *begin = ps->p;
    const char *q = ps->p;
    if (q < ps->end && *q == '-') {
        q++;
    }
    if (q < ps->end && *q == '0') {
        q++;
    } else if (q < ps->end && *q >= '1' && *q <= '9') {
        while (q < ps->end && *q >= '0' && *q <= '9') {
            q++;
        }
    } else {
        if (q < ps->end && match_word(&(json_parser_t){ps->start, q, ps->end}, "Infinity")) {
            ps->p = q + 8;
            return es_obj_new_float(-(es_float_t)INFINITY);
        }
        parse_error(ps, "Expecting value", begin);
    }
    bool is_float = false;
    if (q + 1 < ps->end && *q == '.' && q[1] >= '0' && q[1] <= '9') {
        is_float = true;
        q++;
        while (q < ps->end && *q >= '0' && *q <= '9') {
            q++;
        }
    }
    if (q < ps->end && (*q == 'e' || *q == 'E')) {
        const char *e = q + 1;
        if (e < ps->end && (*e == '+' || *e == '-')) {
            e++;
        }
        if (e < ps->end && *e >= '0' && *e <= '9') {
            while (e < ps->end && *e >= '0' && *e <= '9') {
                e++;
            }
            is_float = true;
            q = e;
        }
    }
    ps->p = q;
    if (is_float) {
        return es_parse_num_float(begin, (size_t)(q - begin), false);
    }
    return es_parse_num_integer(begin, (size_t)(q - begin), 10);
}

static es_obj_t parse_value(json_parser_t *ps);

static es_obj_t parse_array(json_parser_t *ps) {
    es_obj_t list = es_obj_new_list(0, NULL);
    skip_space(ps);
    if (ps->p < ps->end && *ps->p == ']') {
        ps->p++;
        return list;
    }
    for (;;) {
        skip_space(ps);
        es_obj_list_append(list, parse_value(ps));
        skip_space(ps);
        if (ps->p < ps->end && *ps->p == ']') {
            ps->p++;
            return list;
        }
        if (ps->p >= ps->end || *ps->p != ',') {
            parse_error(ps, "Expecting ',' delimiter", ps->p);
        }
        ps->p++;
    }
}

static es_obj_t parse_object(json_parser_t *ps) {
    es_obj_t dict = es_obj_new_dict(0);
    skip_space(ps);
    if (ps->p < ps->end && *ps->p == '}') {
        ps->p++;
        return dict;
    }
    for (;;) {
        skip_space(ps);
        if (ps->p >= ps->end || *ps->p != '"') {
            parse_error(ps, "Expecting property name enclosed in double quotes", ps->p);
        }
        ps->p++;
        es_obj_t key = parse_string(ps);
        skip_space(ps);
        if (ps->p >= ps->end || *ps->p != ':') {
            parse_error(ps, "Expecting ':' delimiter", ps->p);
        }
        ps->p++;
        skip_space(ps);
        es_obj_dict_store(dict, key, parse_value(ps));
        skip_space(ps);
        if (ps->p < ps->end && *ps->p == '}') {
            ps->p++;
            return dict;
        }
        if (ps->p >= ps->end || *ps->p != ',') {
            parse_error(ps, "Expecting ',' delimiter", ps->p);
        }
        ps->p++;
    }
}

static es_obj_t parse_value(json_parser_t *ps) {
    es_stack_check();
    if (ps->p >= ps->end) {
        parse_error(ps, "Expecting value", ps->p);
    }
    switch (*ps->p) {
        case '"':
            ps->p++;
            return parse_string(ps);
        case '[':
            ps->p++;
            return parse_array(ps);
        case '{':
            ps->p++;
            return parse_object(ps);
        default:
            break;
    }
    if (match_word(ps, "null")) {
        return ES_OBJ_NONE;
    }
    if (match_word(ps, "true")) {
        return ES_OBJ_TRUE;
    }
    if (match_word(ps, "false")) {
        return ES_OBJ_FALSE;
    }
    if (match_word(ps, "NaN")) {
        return es_obj_new_float((es_float_t)NAN);
    }
    if (match_word(ps, "Infinity")) {
        return es_obj_new_float((es_float_t)INFINITY);
    }
    return parse_number(ps);
}

static es_obj_t json_loads(es_obj_t text) {
    size_t len;
    const char *s;
    if (es_obj_is_str(text)) {
        s = es_obj_str_get_data(text, &len);
    } else if (!es_parse_num_get_text(text, &s, &len)) {
        es_raise_msg_varg(&es_type_TypeError, "the JSON object must be str, bytes or bytearray, not %s",
                          es_obj_type_name(text));
    }
    json_parser_t ps = {s, s, s + len};
    skip_space(&ps);
    es_obj_t value = parse_value(&ps);
    skip_space(&ps);
    if (ps.p != ps.end) {
        parse_error(&ps, "Extra data", ps.p);
    }
    return value;
}
static ES_DEFINE_FUN_1(json_loads_obj, ES_Q_loads, json_loads);

static es_obj_t json_load(es_obj_t stream) {
    es_obj_t dest[2];
    es_load_method(stream, ES_Q_read, dest);
    return json_loads(es_call_method_n_kw(0, 0, dest));
}
static ES_DEFINE_FUN_1(json_load_obj, ES_Q_load, json_load);

static const es_map_elem_t json_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_json)},
    {ES_OBJ_NEW_QSTR(ES_Q_dumps), ES_OBJ_FROM_CONST(json_dumps_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_dump), ES_OBJ_FROM_CONST(json_dump_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_loads), ES_OBJ_FROM_CONST(json_loads_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_load), ES_OBJ_FROM_CONST(json_load_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_JSONDecodeError), ES_OBJ_FROM_CONST(es_type_ValueError)},
};

ES_DEFINE_CONST_MODULE(es_module_json, json_globals_table);
ES_REGISTER_MODULE(ES_Q_json, es_module_json);
