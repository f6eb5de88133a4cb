/* objexcept.c: the built-in exception hierarchy, raising from C, and tracebacks. */

#include <errno.h>
#include <string.h>

#include "py/runtime.h"

/*
** A traceback is a heap array of entries appended as the exception leaves each frame,
** innermost first. It is stored in the exception's `traceback` word as a plain heap
** pointer (the collector keeps it alive) rather than as a Python object.
*/
typedef struct traceback_entry_t {
    es_qstr_t file;
    size_t line;
    es_qstr_t block;
} traceback_entry_t;

typedef struct traceback_t {
    size_t len;
    size_t alloc;
    traceback_entry_t entries[];
} traceback_t;

/* Tracebacks stop growing here, so a runaway recursion cannot eat the heap while unwinding. */
#define TRACEBACK_MAX_ENTRIES (1000)

/* ---- native part of an exception (user subclasses wrap it) ------------------------ */

static es_obj_t exception_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args);

static bool type_is_native_exception(const es_type_t *type) { return type->make_new == exception_make_new; }

/* True when `type` is `base` or derives from it. */
static bool type_is(const es_type_t *type, const es_type_t *base) {
    return es_obj_is_subclass(es_obj_from_ptr(type), es_obj_from_ptr(base));
}

static es_obj_exception_t *get_native(es_obj_t exc) {
    if (!es_obj_is_ptr(exc)) {
        return NULL;
    }
    const es_type_t *type = es_obj_get_type(exc);
    if (type_is_native_exception(type)) {
        return (es_obj_exception_t *)es_obj_to_ptr(exc);
    }
    if ((type->flags & ES_TYPE_FLAG_IS_USER_CLASS) && type_is(type, &es_type_BaseException)) {
        es_obj_t sub = ((es_obj_instance_t *)es_obj_to_ptr(exc))->subobj[0];
        if (es_obj_is_ptr(sub) && type_is_native_exception(es_obj_get_type(sub))) {
            return (es_obj_exception_t *)es_obj_to_ptr(sub);
        }
    }
    return NULL;
}

bool es_obj_is_exception_type(es_obj_t o) {
    if (!es_obj_is_type(o, &es_type_type)) {
        return false;
    }
    const es_type_t *type = es_obj_to_ptr(o);
    return type_is_native_exception(type) || es_obj_is_subclass(o, ES_OBJ_FROM_CONST(es_type_BaseException));
}

bool es_obj_is_exception_instance(es_obj_t o) { return get_native(o) != NULL; }

const es_type_t *es_obj_exception_get_type(es_obj_t exc) { return es_obj_get_type(exc); }

bool es_obj_exception_match(es_obj_t exc, const es_type_t *type) {
    es_obj_t exc_type = es_obj_is_exception_type(exc) ? exc : es_obj_from_ptr(es_obj_get_type(exc));
    return es_obj_is_subclass(exc_type, es_obj_from_ptr(type));
}

/* ---- construction ---------------------------------------------------------------- */

static es_obj_t exception_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    if (n_kw != 0) {
        es_raise_msg_varg(&es_type_TypeError, "%q() takes no keyword arguments", (es_qstr_t)type->name);
    }
    es_obj_exception_t *exc = es_new(es_obj_exception_t);
    exc->base.type = type;
    exc->args = n_args == 0 ? ES_OBJ_EMPTY_TUPLE : es_obj_new_tuple(n_args, args);
    exc->traceback = ES_OBJ_NULL;
    exc->cause = ES_OBJ_NULL;
    exc->context = ES_OBJ_NULL;
    exc->value = ES_OBJ_NULL;
    return es_obj_from_ptr(exc);
}

es_obj_t es_obj_new_exception_args(const es_type_t *type, size_t n_args, const es_obj_t *args) {
    return es_call_function_n_kw(es_obj_from_ptr(type), n_args, 0, args);
}

es_obj_t es_obj_new_exception(const es_type_t *type) { return es_obj_new_exception_args(type, 0, NULL); }

es_obj_t es_obj_new_exception_arg1(const es_type_t *type, es_obj_t arg) {
    return es_obj_new_exception_args(type, 1, &arg);
}

es_obj_t es_obj_new_exception_msg(const es_type_t *type, const char *msg) {
    return es_obj_new_exception_arg1(type, es_obj_new_str_from_cstr(msg));
}

static es_obj_t new_exception_vmsg(const es_type_t *type, const char *fmt, va_list args) {
    es_vstr_t vstr;
    es_print_t print;
    es_vstr_init_print(&vstr, 32, &print);
    es_vprintf(&print, fmt, args);
    return es_obj_new_exception_arg1(type, es_obj_new_str_from_vstr(&es_type_str, &vstr));
}

es_obj_t es_obj_new_exception_msg_varg(const es_type_t *type, const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    es_obj_t exc = new_exception_vmsg(type, fmt, args);
    va_end(args);
    return exc;
}

/* ---- raising ---------------------------------------------------------------- */

_Noreturn void es_raise(es_obj_t exc) {
    if (es_obj_is_exception_type(exc)) {
        exc = es_call_function_0(exc);
    }
    if (!es_obj_is_exception_instance(exc)) {
        exc = es_obj_new_exception_msg(&es_type_TypeError, "exceptions must derive from BaseException");
    }
    es_nlr_jump(exc);
}

_Noreturn void es_raise_msg(const es_type_t *exc_type, const char *msg) {
    es_raise(es_obj_new_exception_msg(exc_type, msg));
}

_Noreturn void es_raise_msg_varg(const es_type_t *exc_type, const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    es_obj_t exc = new_exception_vmsg(exc_type, fmt, args);
    va_end(args);
    es_raise(exc);
}

_Noreturn void es_raise_type_error_unsupported_operands(const char *op, es_obj_t lhs, es_obj_t rhs) {
    es_raise_msg_varg(&es_type_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", op,
                      es_obj_type_name(lhs), es_obj_type_name(rhs));
}

_Noreturn void es_raise_os_error(int errno_value) {
    es_raise(es_obj_new_exception_arg1(&es_type_OSError, es_obj_new_small_int(errno_value)));
}

_Noreturn void es_raise_memory_error(void) {
    /* Preallocated: raising must not need the memory that just ran out. */
    es_obj_t exc = es_state.roots.memory_error;
    if (exc == ES_OBJ_NULL) {
        es_fatal_error("out of memory during start-up");
    }
    es_obj_exception_clear_traceback(exc);
    es_nlr_jump(exc);
}

_Noreturn void es_raise_stop_iteration(es_obj_t value) {
    if (value == ES_OBJ_NULL) {
        es_raise(es_obj_new_exception(&es_type_StopIteration));
    }
    es_raise(es_obj_new_exception_arg1(&es_type_StopIteration, value));
}

_Noreturn void es_raise_attribute_error(es_obj_t base, es_qstr_t attr) {
    if (es_obj_is_type(base, &es_type_type)) {
        es_raise_msg_varg(&es_type_AttributeError, "type object '%q' has no attribute '%q'",
                          (es_qstr_t)((const es_type_t *)es_obj_to_ptr(base))->name, attr);
    }
    if (es_obj_is_type(base, &es_type_module)) {
        es_raise_msg_varg(&es_type_AttributeError, "module has no attribute '%q'", attr);
    }
    es_raise_msg_varg(&es_type_AttributeError, "'%s' object has no attribute '%q'", es_obj_type_name(base), attr);
}

_Noreturn void es_raise_name_error(es_qstr_t name) {
    es_raise_msg_varg(&es_type_NameError, "name '%q' is not defined", name);
}

_Noreturn void es_raise_key_error(es_obj_t key) { es_raise(es_obj_new_exception_arg1(&es_type_KeyError, key)); }

/* ---- attributes ---------------------------------------------------------------- */

static es_obj_t first_arg_or_none(const es_obj_exception_t *exc) {
    const es_obj_tuple_t *args = es_obj_to_ptr(exc->args);
    return args->len > 0 ? args->items[0] : ES_OBJ_NONE;
}

es_obj_t es_obj_exception_get_value(es_obj_t exc_in) {
    es_obj_exception_t *exc = get_native(exc_in);
    if (exc == NULL) {
        return ES_OBJ_NONE;
    }
    return exc->value != ES_OBJ_NULL ? exc->value : first_arg_or_none(exc);
}

static void exception_attr(es_obj_t self_in, es_qstr_t attr, es_obj_t *dest) {
    es_obj_exception_t *self = get_native(self_in);
    if (dest[0] != ES_OBJ_NULL) {
        /* store or delete */
        if (attr == ES_Q___cause__ || attr == ES_Q___context__) {
            es_obj_t value = dest[1] == ES_OBJ_NULL || dest[1] == ES_OBJ_NONE ? ES_OBJ_NULL : dest[1];
            if (value != ES_OBJ_NULL && !es_obj_is_exception_instance(value)) {
                es_raise_msg(&es_type_TypeError, "exception cause must be None or derive from BaseException");
            }
            *(attr == ES_Q___cause__ ? &self->cause : &self->context) = value;
            dest[0] = ES_OBJ_NULL;
        } else if (attr == ES_Q___traceback__) {
            dest[0] = ES_OBJ_NULL;
        }
        return;
    }
    const es_type_t *type = self->base.type;
    if (attr == ES_Q_args) {
        dest[0] = self->args;
    } else if (attr == ES_Q___cause__) {
        dest[0] = self->cause == ES_OBJ_NULL ? ES_OBJ_NONE : self->cause;
    } else if (attr == ES_Q___context__) {
        dest[0] = self->context == ES_OBJ_NULL ? ES_OBJ_NONE : self->context;
    } else if (attr == ES_Q___traceback__) {
        dest[0] = ES_OBJ_NONE;
    } else if (attr == ES_Q_value && type_is(type, &es_type_StopIteration)) {
        dest[0] = es_obj_exception_get_value(self_in);
    } else if (attr == ES_Q_code && type_is(type, &es_type_SystemExit)) {
        dest[0] = first_arg_or_none(self);
    } else if ((attr == ES_Q_errno || attr == ES_Q_strerror) &&
               type_is(type, &es_type_OSError)) {
        const es_obj_tuple_t *args = es_obj_to_ptr(self->args);
        size_t index = attr == ES_Q_errno ? 0 : 1;
        dest[0] = args->len >= 2 || (args->len == 1 && index == 0 && es_obj_is_small_int(args->items[0]))
                      ? args->items[index]
                      : ES_OBJ_NONE;
    } else if (attr == ES_Q_msg && type_is(type, &es_type_SyntaxError)) {
        dest[0] = first_arg_or_none(self);
    } else if (attr == ES_Q_filename || attr == ES_Q_lineno) {
        /* SyntaxError args are (msg, (filename, lineno, offset, text)). */
        const es_obj_tuple_t *args = es_obj_to_ptr(self->args);
        if (args->len == 2 && es_obj_is_type(args->items[1], &es_type_tuple)) {
            const es_obj_tuple_t *details = es_obj_to_ptr(args->items[1]);
            size_t index = attr == ES_Q_filename ? 0 : 1;
            if (details->len > index) {
                dest[0] = details->items[index];
            }
        } else if (type_is(type, &es_type_SyntaxError)) {
            dest[0] = ES_OBJ_NONE;
        }
    }
}

/* ---- printing ---------------------------------------------------------------- */

/* Names for the errno values C code raises, so OSError prints as "[Errno 2] ENOENT". */
typedef struct errno_name_t {
    uint8_t value;
    char name[14];
} errno_name_t;

static const errno_name_t errno_names[] = {
    {EPERM, "EPERM"},   {ENOENT, "ENOENT"}, {EIO, "EIO"},       {EBADF, "EBADF"},
    {EAGAIN, "EAGAIN"}, {ENOMEM, "ENOMEM"}, {EACCES, "EACCES"}, {EEXIST, "EEXIST"},
    {ENODEV, "ENODEV"}, {EISDIR, "EISDIR"}, {EINVAL, "EINVAL"}, {ENOSPC, "ENOSPC"},
    {ENOTDIR, "ENOTDIR"}, {EMFILE, "EMFILE"}, {EROFS, "EROFS"}, {ENOTEMPTY, "ENOTEMPTY"},
    {EOPNOTSUPP, "EOPNOTSUPP"}, {EADDRINUSE, "EADDRINUSE"}, {ECONNABORTED, "ECONNABORTED"},
    {ECONNRESET, "ECONNRESET"}, {ENOBUFS, "ENOBUFS"}, {ENOTCONN, "ENOTCONN"},
    {ETIMEDOUT, "ETIMEDOUT"}, {ECONNREFUSED, "ECONNREFUSED"}, {EHOSTUNREACH, "EHOSTUNREACH"},
    {EALREADY, "EALREADY"}, {EINPROGRESS, "EINPROGRESS"},
};

const char *es_errno_name(int value) {
    for (size_t i = 0; i < ES_ARRAY_SIZE(errno_names); i++) {
        if (errno_names[i].value == value) {
            return errno_names[i].name;
        }
    }
    return NULL;
}

static void exception_print(const es_print_t *print, es_obj_t self_in, es_print_kind_t kind) {
    es_obj_exception_t *self = get_native(self_in);
    const es_obj_tuple_t *args = es_obj_to_ptr(self->args);
    const es_type_t *type = es_obj_get_type(self_in);
    if (kind == ES_PRINT_REPR) {
        es_printf(print, "%q", (es_qstr_t)type->name);
        if (args->len == 1) {
            es_printf(print, "(%R)", args->items[0]);
        } else {
            es_obj_print_helper(print, self->args, ES_PRINT_REPR);
        }
        return;
    }
    if (args->len == 0) {
        return;
    }
    if (args->len == 1) {
        es_obj_t arg = args->items[0];
        bool is_os_error = type_is(type, &es_type_OSError);
        if (is_os_error && es_obj_is_small_int(arg)) {
            const char *name = es_errno_name((int)es_small_int_value(arg));
            if (name != NULL) {
                es_printf(print, "[Errno %d] %s", (int)es_small_int_value(arg), name);
                return;
            }
        }
        /* KeyError shows its key as repr, like a dict look-up would. */
        bool is_key_error = type_is(type, &es_type_KeyError);
        es_obj_print_helper(print, arg, is_key_error ? ES_PRINT_REPR : ES_PRINT_STR);
        return;
    }
    if (args->len == 2 && type_is(type, &es_type_OSError) &&
        es_obj_is_small_int(args->items[0])) {
        es_printf(print, "[Errno %d] %O", (int)es_small_int_value(args->items[0]), args->items[1]);
        return;
    }
    if (args->len == 2 && type_is(type, &es_type_SyntaxError)) {
        es_obj_print_helper(print, args->items[0], ES_PRINT_STR);
        return;
    }
    es_obj_print_helper(print, self->args, ES_PRINT_REPR);
}

/* ---- tracebacks ---------------------------------------------------------------- */

void es_obj_exception_clear_traceback(es_obj_t exc_in) {
    es_obj_exception_t *exc = get_native(exc_in);
    if (exc != NULL) {
        exc->traceback = ES_OBJ_NULL;
    }
}

void es_obj_exception_add_traceback(es_obj_t exc_in, es_qstr_t file, size_t line, es_qstr_t block) {
    es_obj_exception_t *exc = get_native(exc_in);
    if (exc == NULL) {
        return;
    }
    traceback_t *tb = (traceback_t *)exc->traceback;
    if (tb == NULL || tb->len == tb->alloc) {
        size_t alloc = tb == NULL ? 4 : tb->alloc * 2;
        if (alloc > TRACEBACK_MAX_ENTRIES || es_gc_is_locked()) {
            return;
        }
        traceback_t *grown = es_gc_realloc(tb, sizeof(traceback_t) + alloc * sizeof(traceback_entry_t), true);
        if (grown == NULL) {
            return; /* losing a traceback line beats failing to raise */
        }
        if (tb == NULL) {
            grown->len = 0;
        }
        grown->alloc = alloc;
        tb = grown;
        exc->traceback = (es_obj_t)tb;
    }
    tb->entries[tb->len++] = (traceback_entry_t){file, line, block};
}

static void print_one_traceback(const es_print_t *print, es_obj_t exc_in) {
    es_obj_exception_t *exc = get_native(exc_in);
    traceback_t *tb = exc == NULL ? NULL : (traceback_t *)exc->traceback;
    if (tb != NULL && tb->len > 0) {
        es_print_str(print, "Traceback (most recent call last):\n");
        for (size_t i = tb->len; i-- > 0;) {
            const traceback_entry_t *e = &tb->entries[i];
            es_printf(print, "  File \"%q\", line %u, in %q\n", e->file, (unsigned)e->line, e->block);
        }
    }
    es_printf(print, "%q", (es_qstr_t)es_obj_get_type(exc_in)->name);
    es_vstr_t vstr;
    es_print_t to_vstr;
    es_vstr_init_print(&vstr, 32, &to_vstr);
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_print_helper(&to_vstr, exc_in, ES_PRINT_STR);
        es_nlr_pop();
    } else {
        /* a __str__ that raises must not take the traceback (or the process) with it */
        vstr.len = 0;
        es_vstr_add_str(&vstr, "<exception str() failed>");
    }
    if (vstr.len > 0 || (exc != NULL && ((es_obj_tuple_t *)es_obj_to_ptr(exc->args))->len > 0)) {
        es_print_str(print, ": ");
        es_print_strn(print, vstr.buf, vstr.len);
    }
    es_vstr_clear(&vstr);
    es_print_str(print, "\n");
}

/* At most this many links of a __cause__ chain are printed (the newest), so a long chain
   costs neither C stack nor time. */
#define CAUSE_CHAIN_MAX 32

static es_obj_t cause_of(es_obj_t exc_in) {
    es_obj_exception_t *exc = get_native(exc_in);
    return exc == NULL ? ES_OBJ_NULL : exc->cause;
}

static es_obj_t chain_link(es_obj_t exc, size_t k) {
    while (k-- > 0) {
        exc = cause_of(exc);
    }
    return exc;
}

/* Causes print oldest first, each once: the chain may be long or loop back on itself. */
void es_obj_exception_print_traceback(const es_print_t *print, es_obj_t exc_in) {
    size_t len = 1;
    for (es_obj_t next = cause_of(exc_in); next != ES_OBJ_NULL && len < CAUSE_CHAIN_MAX; next = cause_of(next)) {
        bool seen = false;
        es_obj_t link = exc_in;
        for (size_t k = 0; k < len && !seen; k++, link = cause_of(link)) {
            seen = link == next;
        }
        if (seen) {
            break;
        }
        len++;
    }
    for (size_t k = len; k-- > 0;) {
        print_one_traceback(print, chain_link(exc_in, k));
        if (k > 0) {
            es_print_str(print, "\nThe above exception was the direct cause of the following exception:\n\n");
        }
    }
}

/* ---- the hierarchy ---------------------------------------------------------------- */

#define DEFINE_EXCEPTION(exc_name, qname, base_name)                                              \
    const es_type_t es_type_##exc_name = {                                                         \
        .base = {&es_type_type},                                                                   \
        .name = qname,                                                                             \
        .print = exception_print,                                                                  \
        .make_new = exception_make_new,                                                            \
        .attr = exception_attr,                                                                    \
        .parent = &es_type_##base_name,                                                            \
    }

/* BaseException.__init__(self, *args): subclasses call it (ValueError.__init__(self, msg)) to set args. */
static es_obj_t exception___init__(size_t n_args, const es_obj_t *args) {
    es_obj_exception_t *exc = get_native(args[0]);
    if (exc == NULL) {
        es_raise_msg(&es_type_TypeError, "descriptor '__init__' requires a 'BaseException' object");
    }
    exc->args = n_args == 1 ? ES_OBJ_EMPTY_TUPLE : es_obj_new_tuple(n_args - 1, args + 1);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(exception___init___obj, ES_Q___init__, 1, ES_FUN_ARGS_MAX, exception___init__);

static const es_map_elem_t exception_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___init__), ES_OBJ_FROM_CONST(exception___init___obj)},
};
static ES_DEFINE_CONST_DICT(exception_locals_dict, exception_locals_table);

const es_type_t es_type_BaseException = {
    .base = {&es_type_type},
    .name = ES_Q_BaseException,
    .print = exception_print,
    .make_new = exception_make_new,
    .attr = exception_attr,
    .locals_dict = (es_obj_dict_t *)&exception_locals_dict,
};

DEFINE_EXCEPTION(SystemExit, ES_Q_SystemExit, BaseException);
DEFINE_EXCEPTION(KeyboardInterrupt, ES_Q_KeyboardInterrupt, BaseException);
DEFINE_EXCEPTION(GeneratorExit, ES_Q_GeneratorExit, BaseException);
DEFINE_EXCEPTION(Exception, ES_Q_Exception, BaseException);
DEFINE_EXCEPTION(StopIteration, ES_Q_StopIteration, Exception);
DEFINE_EXCEPTION(StopAsyncIteration, ES_Q_StopAsyncIteration, Exception);
DEFINE_EXCEPTION(ArithmeticError, ES_Q_ArithmeticError, Exception);
DEFINE_EXCEPTION(OverflowError, ES_Q_OverflowError, ArithmeticError);
DEFINE_EXCEPTION(ZeroDivisionError, ES_Q_ZeroDivisionError, ArithmeticError);
DEFINE_EXCEPTION(AssertionError, ES_Q_AssertionError, Exception);
DEFINE_EXCEPTION(AttributeError, ES_Q_AttributeError, Exception);
DEFINE_EXCEPTION(EOFError, ES_Q_EOFError, Exception);
DEFINE_EXCEPTION(ImportError, ES_Q_ImportError, Exception);
DEFINE_EXCEPTION(ModuleNotFoundError, ES_Q_ModuleNotFoundError, ImportError);
DEFINE_EXCEPTION(LookupError, ES_Q_LookupError, Exception);
DEFINE_EXCEPTION(IndexError, ES_Q_IndexError, LookupError);
DEFINE_EXCEPTION(KeyError, ES_Q_KeyError, LookupError);
DEFINE_EXCEPTION(MemoryError, ES_Q_MemoryError, Exception);
DEFINE_EXCEPTION(NameError, ES_Q_NameError, Exception);
DEFINE_EXCEPTION(UnboundLocalError, ES_Q_UnboundLocalError, NameError);
DEFINE_EXCEPTION(OSError, ES_Q_OSError, Exception);
DEFINE_EXCEPTION(TimeoutError, ES_Q_TimeoutError, OSError);
DEFINE_EXCEPTION(FileNotFoundError, ES_Q_FileNotFoundError, OSError);
DEFINE_EXCEPTION(FileExistsError, ES_Q_FileExistsError, OSError);
DEFINE_EXCEPTION(RuntimeError, ES_Q_RuntimeError, Exception);
DEFINE_EXCEPTION(NotImplementedError, ES_Q_NotImplementedError, RuntimeError);
DEFINE_EXCEPTION(RecursionError, ES_Q_RecursionError, RuntimeError);
DEFINE_EXCEPTION(SyntaxError, ES_Q_SyntaxError, Exception);
DEFINE_EXCEPTION(IndentationError, ES_Q_IndentationError, SyntaxError);
DEFINE_EXCEPTION(TypeError, ES_Q_TypeError, Exception);
DEFINE_EXCEPTION(ValueError, ES_Q_ValueError, Exception);
DEFINE_EXCEPTION(UnicodeError, ES_Q_UnicodeError, ValueError);
DEFINE_EXCEPTION(UnicodeDecodeError, ES_Q_UnicodeDecodeError, UnicodeError);
DEFINE_EXCEPTION(UnicodeEncodeError, ES_Q_UnicodeEncodeError, UnicodeError);

_Noreturn void es_raise_recursion_error(void) {
    /* Building the exception calls functions that check the stack too: lend them some headroom. */
    size_t limit = es_state.stack_limit;
    es_state.stack_limit = limit + limit / 8 + 1024;
    es_obj_t exc = es_obj_new_exception_msg(&es_type_RecursionError, "maximum recursion depth exceeded");
    es_state.stack_limit = limit;
    es_nlr_jump(exc);
}
