/* modsys.c: the sys module: argv, path, modules, exit, the standard streams, implementation and version facts. */

#include <string.h>

#include "py/portio.h"
#include "py/runtime.h"

#ifndef ES_PLATFORM
#define ES_PLATFORM "esp8266"
#endif

/* ---- standard streams: stdin, stdout, stderr and their binary .buffer twins ---------------- */

typedef struct {
    es_obj_base_t base;
    uint8_t fd;     /* 0 stdin, 1 stdout, 2 stderr */
    uint8_t binary; /* the .buffer object: reads give and writes take bytes */
} sys_stream_t;

extern const es_type_t es_type_sys_stream;

static const sys_stream_t sys_streams[6] = {
    {{&es_type_sys_stream}, 0, 0}, {{&es_type_sys_stream}, 1, 0}, {{&es_type_sys_stream}, 2, 0},
    {{&es_type_sys_stream}, 0, 1}, {{&es_type_sys_stream}, 1, 1}, {{&es_type_sys_stream}, 2, 1},
};

static const es_print_t *stream_print(const sys_stream_t *s) {
    return s->fd == 2 ? &es_port_stderr_print : &es_plat_print;
}

/* print() writes straight to the port when the target is sys.stdout or sys.stderr. */
bool es_sys_stream_print(es_obj_t stream, const es_print_t **print) {
    if (!es_obj_is_type(stream, &es_type_sys_stream)) {
        return false;
    }
    const sys_stream_t *s = es_obj_to_ptr(stream);
    if (s->fd == 0) {
        return false;
    }
    *print = stream_print(s);
    return true;
}

static es_obj_t stream_write(es_obj_t self, es_obj_t data) {
    const sys_stream_t *s = es_obj_to_ptr(self);
    if (s->fd == 0) {
        es_raise_os_error(9); /* EBADF */
    }
    size_t len;
    const char *buf;
    es_buffer_info_t info;
    if (s->binary) {
        const es_type_t *t = es_obj_get_type(data);
        if (es_obj_is_str(data) || t->buffer == NULL || t->buffer(data, &info, ES_BUFFER_READ) != 0) {
            es_raise_msg_varg(&es_type_TypeError, "a bytes-like object is required, not '%s'", es_obj_type_name(data));
        }
        buf = info.buf;
        len = info.len;
    } else {
        if (!es_obj_is_str(data)) {
            es_raise_msg_varg(&es_type_TypeError, "write() argument must be str, not %s", es_obj_type_name(data));
        }
        buf = es_obj_str_get_data(data, &len);
    }
    es_print_strn(stream_print(s), buf, len);
    /* Text streams count characters, binary ones bytes. */
    size_t count = len;
    if (!s->binary) {
        count = 0;
        for (size_t i = 0; i < len; i++) {
            count += ((uint8_t)buf[i] & 0xc0) != 0x80;
        }
    }
    return es_obj_new_small_int((es_int_t)count);
}
static ES_DEFINE_FUN_2(stream_write_obj, ES_Q_write, stream_write);

static es_obj_t make_result(const sys_stream_t *s, es_vstr_t *vstr) {
    return s->binary ? es_obj_new_bytes((const uint8_t *)vstr->buf, vstr->len) : es_obj_new_str(vstr->buf, vstr->len);
}

static bool read_line(const sys_stream_t *s, es_vstr_t *out) {
    if (s->fd != 0) {
        es_raise_os_error(9);
    }
    size_t start = out->len;
    es_vstr_t line;
    es_vstr_init(&line, 64);
    if (!es_port_readline(&line, "")) {
        return false;
    }
    es_vstr_add_strn(out, line.buf, line.len);
    es_vstr_add_byte(out, '\n');
    return out->len > start;
}

static es_obj_t stream_readline(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    const sys_stream_t *s = es_obj_to_ptr(args[0]);
    es_vstr_t vstr;
    es_vstr_init(&vstr, 64);
    read_line(s, &vstr);
    return make_result(s, &vstr);
}
static ES_DEFINE_FUN_VAR(stream_readline_obj, ES_Q_readline, 1, 2, stream_readline);

static es_obj_t stream_read(size_t n_args, const es_obj_t *args) {
    const sys_stream_t *s = es_obj_to_ptr(args[0]);
    es_int_t limit = n_args > 1 && args[1] != ES_OBJ_NONE ? es_obj_get_int(args[1]) : -1;
    es_vstr_t vstr;
    es_vstr_init(&vstr, 64);
#ifdef ES_PORT_STDIN_READ_BYTE
    /* A board's console gives bytes as they arrive, without echo or line editing. */
    if (limit >= 0 && s->fd == 0) {
        while ((es_int_t)vstr.len < limit) {
            es_vstr_add_byte(&vstr, (uint8_t)ES_PORT_STDIN_READ_BYTE());
        }
        return make_result(s, &vstr);
    }
#endif
    while ((limit < 0 || (es_int_t)vstr.len < limit) && read_line(s, &vstr)) {
    }
    if (limit >= 0 && (es_int_t)vstr.len > limit) {
        vstr.len = (size_t)limit; /* the rest of the line is lost: the console is line based */
    }
    return make_result(s, &vstr);
}
static ES_DEFINE_FUN_VAR(stream_read_obj, ES_Q_read, 1, 2, stream_read);

static es_obj_t stream_readlines(es_obj_t self) {
    const sys_stream_t *s = es_obj_to_ptr(self);
    es_obj_t list = es_obj_new_list(0, NULL);
    for (;;) {
        es_vstr_t vstr;
        es_vstr_init(&vstr, 64);
        if (!read_line(s, &vstr)) {
            return list;
        }
        es_obj_list_append(list, make_result(s, &vstr));
    }
}
static ES_DEFINE_FUN_1(stream_readlines_obj, ES_Q_readlines, stream_readlines);

static es_obj_t stream_flush(es_obj_t self) {
    ES_UNUSED(self);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(stream_flush_obj, ES_Q_flush, stream_flush);

static es_obj_t stream_fileno(es_obj_t self) { return es_obj_new_small_int(((const sys_stream_t *)es_obj_to_ptr(self))->fd); }
static ES_DEFINE_FUN_1(stream_fileno_obj, ES_Q_fileno, stream_fileno);

static es_obj_t stream_isatty(es_obj_t self) {
    ES_UNUSED(self);
    return ES_OBJ_FALSE;
}
static ES_DEFINE_FUN_1(stream_isatty_obj, ES_Q_isatty, stream_isatty);

static const es_map_elem_t stream_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_write), ES_OBJ_FROM_CONST(stream_write_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_read), ES_OBJ_FROM_CONST(stream_read_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readline), ES_OBJ_FROM_CONST(stream_readline_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_readlines), ES_OBJ_FROM_CONST(stream_readlines_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_flush), ES_OBJ_FROM_CONST(stream_flush_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_fileno), ES_OBJ_FROM_CONST(stream_fileno_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isatty), ES_OBJ_FROM_CONST(stream_isatty_obj)},
};
static ES_DEFINE_CONST_DICT(stream_locals_dict, stream_locals_table);

static void stream_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    const sys_stream_t *s = es_obj_to_ptr(self);
    if (dest[0] == ES_OBJ_NULL && attr == ES_Q_buffer && !s->binary) {
        dest[0] = ES_OBJ_FROM_CONST(sys_streams[s->fd + 3]);
    }
}

static es_obj_t stream_iternext(es_obj_t self) {
    const sys_stream_t *s = es_obj_to_ptr(self);
    es_vstr_t vstr;
    es_vstr_init(&vstr, 64);
    if (!read_line(s, &vstr)) {
        return ES_OBJ_STOP_ITERATION;
    }
    return make_result(s, &vstr);
}

static void stream_print_repr(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const sys_stream_t *s = es_obj_to_ptr(self);
    static const char *const names[3] = {"<stdin>", "<stdout>", "<stderr>"};
    es_printf(print, "<io.%s name='%s'>", s->binary ? "FileIO" : "TextIOWrapper", names[s->fd]);
}

const es_type_t es_type_sys_stream = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_TextIOWrapper,
    .print = stream_print_repr,
    .attr = stream_attr,
    .iternext = stream_iternext,
    .locals_dict = (es_obj_dict_t *)&stream_locals_dict,
};

/* ---- sys.implementation ------------------------------------------------------------------- */

static const es_obj_tuple_t impl_version = {{&es_type_tuple}, 3, {ES_OBJ_NEW_SMALL_INT(ES_MICROPYTHON_VERSION_MAJOR), ES_OBJ_NEW_SMALL_INT(ES_MICROPYTHON_VERSION_MINOR), ES_OBJ_NEW_SMALL_INT(ES_MICROPYTHON_VERSION_MICRO)}};
static const es_obj_tuple_t version_info = {{&es_type_tuple}, 3, {ES_OBJ_NEW_SMALL_INT(3), ES_OBJ_NEW_SMALL_INT(4), ES_OBJ_NEW_SMALL_INT(0)}};

static void impl_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    ES_UNUSED(self);
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    if (attr == ES_Q_name) {
        dest[0] = ES_OBJ_NEW_QSTR(ES_Q_micropython);
    } else if (attr == ES_Q_version) {
        dest[0] = ES_OBJ_FROM_CONST(impl_version);
    } else if (attr == ES_Q__machine) {
        dest[0] = es_obj_new_str_from_cstr("espy on " ES_PLATFORM);
    } else if (attr == ES_Q__mpy) {
        dest[0] = ES_OBJ_NEW_SMALL_INT(6);
    }
}

static void impl_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(self);
    ES_UNUSED(kind);
    es_printf(print, "(name='micropython', version=%O, _machine='espy on %s', _mpy=6)",
              ES_OBJ_FROM_CONST(impl_version), ES_PLATFORM);
}

static const es_type_t impl_type = {
    .base = {&es_type_type},
    .name = ES_Q_implementation,
    .print = impl_print,
    .attr = impl_attr,
};
static const es_obj_base_t impl_obj = {&impl_type};

/* ---- functions ------------------------------------------------------------------------------- */

static es_obj_t sys_exit(size_t n_args, const es_obj_t *args) {
    if (n_args == 0) {
        es_raise(es_obj_new_exception(&es_type_SystemExit));
    }
    es_raise(es_obj_new_exception_arg1(&es_type_SystemExit, args[0]));
}
static ES_DEFINE_FUN_VAR(sys_exit_obj, ES_Q_exit, 0, 1, sys_exit);

static es_obj_t sys_print_exception(size_t n_args, const es_obj_t *args) {
    es_obj_t file = n_args > 1 ? args[1] : es_state.roots.sys_stdout;
    const es_print_t *direct = &es_plat_print;
    if (file == ES_OBJ_NULL || file == ES_OBJ_NONE || es_sys_stream_print(file, &direct)) {
        es_obj_exception_print_traceback(direct, args[0]);
        return ES_OBJ_NONE;
    }
    es_vstr_t vstr;
    es_print_t print;
    es_vstr_init_print(&vstr, 64, &print);
    es_obj_exception_print_traceback(&print, args[0]);
    es_obj_t write[3];
    es_load_method(file, ES_Q_write, write);
    write[2] = es_obj_new_str(vstr.buf, vstr.len);
    es_call_method_n_kw(1, 0, write);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(sys_print_exception_obj, ES_Q_print_exception, 1, 2, sys_print_exception);

static es_obj_t sys_atexit(es_obj_t fun) {
    es_obj_t old = es_state.roots.sys_exitfunc;
    es_state.roots.sys_exitfunc = fun;
    return old == ES_OBJ_NULL ? ES_OBJ_NONE : old;
}
static ES_DEFINE_FUN_1(sys_atexit_obj, ES_Q_atexit, sys_atexit);

static es_obj_t sys_exc_info(void) {
    es_obj_t exc = es_state.roots.active_exception;
    es_obj_t items[3] = {ES_OBJ_NONE, ES_OBJ_NONE, ES_OBJ_NONE};
    if (exc != ES_OBJ_NULL && exc != ES_OBJ_NONE) {
        items[0] = es_obj_from_ptr(es_obj_get_type(exc));
        items[1] = exc;
    }
    return es_obj_new_tuple(3, items);
}
static ES_DEFINE_FUN_0(sys_exc_info_obj, ES_Q_exc_info, sys_exc_info);

static es_obj_t sys_intern(es_obj_t s) {
    if (!es_obj_is_str(s)) {
        es_raise_msg_varg(&es_type_TypeError, "intern() argument must be str, not %s", es_obj_type_name(s));
    }
    return es_obj_new_qstr(es_obj_str_get_qstr(s));
}
static ES_DEFINE_FUN_1(sys_intern_obj, ES_Q_intern, sys_intern);

static es_obj_t sys_getrecursionlimit(void) { return es_obj_new_small_int((es_int_t)(es_state.stack_limit / 256)); }
static ES_DEFINE_FUN_0(sys_getrecursionlimit_obj, ES_Q_getrecursionlimit, sys_getrecursionlimit);

/* ---- the module ------------------------------------------------------------------------------ */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define SYS_BYTEORDER ES_Q_big
#else
#define SYS_BYTEORDER ES_Q_little
#endif

/* Text fixed at build time: str objects in flash (their hash is computed when asked, not cached). */
#define SYS_CONST_STR(obj_name, text) \
    static const es_obj_str_t obj_name = {{&es_type_str}, 0, sizeof(text) - 1, (const uint8_t *)(text)}
SYS_CONST_STR(sys_version_obj, "3.4.0; MicroPython v" ES_MICROPYTHON_VERSION_TEXT " (espy)");
SYS_CONST_STR(sys_platform_obj, ES_PLATFORM);
SYS_CONST_STR(sys_ps1_obj, ">>> ");
SYS_CONST_STR(sys_ps2_obj, "... ");

/* The RAM copy's dict is searched in this order (see es_sys_module_new): what running code
** looks up repeatedly comes first, what start-up code reads once comes last. */
static const es_map_elem_t sys_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_stdout), ES_OBJ_FROM_CONST(sys_streams[1])},
    {ES_OBJ_NEW_QSTR(ES_Q_stderr), ES_OBJ_FROM_CONST(sys_streams[2])},
    {ES_OBJ_NEW_QSTR(ES_Q_stdin), ES_OBJ_FROM_CONST(sys_streams[0])},
    {ES_OBJ_NEW_QSTR(ES_Q_print_exception), ES_OBJ_FROM_CONST(sys_print_exception_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_exc_info), ES_OBJ_FROM_CONST(sys_exc_info_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_exit), ES_OBJ_FROM_CONST(sys_exit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_sys)},
    {ES_OBJ_NEW_QSTR(ES_Q_intern), ES_OBJ_FROM_CONST(sys_intern_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_atexit), ES_OBJ_FROM_CONST(sys_atexit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_getrecursionlimit), ES_OBJ_FROM_CONST(sys_getrecursionlimit_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_implementation), ES_OBJ_FROM_CONST(impl_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_version_info), ES_OBJ_FROM_CONST(version_info)},
    {ES_OBJ_NEW_QSTR(ES_Q_byteorder), ES_OBJ_NEW_QSTR(SYS_BYTEORDER)},
    {ES_OBJ_NEW_QSTR(ES_Q_version), ES_OBJ_FROM_CONST(sys_version_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_platform), ES_OBJ_FROM_CONST(sys_platform_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ps1), ES_OBJ_FROM_CONST(sys_ps1_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ps2), ES_OBJ_FROM_CONST(sys_ps2_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_sys, sys_globals_table);
ES_REGISTER_MODULE(ES_Q_sys, es_module_sys);

/* The entries of the RAM copy that are made at start-up rather than taken from the table. */
#define SYS_N_RUNTIME_ENTRIES (4) /* argv, path, modules, maxsize */

/*
** sys must be writable (sys.stdout = ..., sys.path = ...), so es_init installs a RAM copy in
** sys.modules. Its dict is made just big enough for its entries and is searched in order,
** without a hash index, as every built-in module's table is: a hashed dict for these 21 names
** took 512 bytes of heap on the ESP8266 (a 32-entry table and its 64-slot index) against 176.
** The names looked up while a program runs come first, where a search is no slower than
** hashing; path, argv, modules and maxsize are read once at start-up and come last. The
** first attribute added from Python makes it a hashed dict again.
*/
es_obj_t es_sys_module_new(void) {
    es_obj_module_t *module = es_new(es_obj_module_t);
    module->base.type = &es_type_module;
    es_obj_t globals = es_obj_new_dict(ES_ARRAY_SIZE(sys_globals_table) + SYS_N_RUNTIME_ENTRIES);
    module->globals = es_obj_to_ptr(globals);
    for (size_t i = 0; i < ES_ARRAY_SIZE(sys_globals_table); i++) {
        es_obj_dict_store(globals, sys_globals_table[i].key, sys_globals_table[i].value);
    }
    es_obj_dict_store(globals, ES_OBJ_NEW_QSTR(ES_Q_argv), es_state.roots.sys_argv);
    es_obj_dict_store(globals, ES_OBJ_NEW_QSTR(ES_Q_path), es_state.roots.sys_path);
    es_obj_dict_store(globals, ES_OBJ_NEW_QSTR(ES_Q_modules), es_obj_from_ptr(es_state.roots.loaded_modules));
    es_obj_dict_store(globals, ES_OBJ_NEW_QSTR(ES_Q_maxsize), es_obj_new_int(INTPTR_MAX));
    return es_obj_from_ptr(module);
}
