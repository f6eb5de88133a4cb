/* runtime.h: the operations the VM and C modules build on: raise, call, attributes, operators, import. */
#pragma once

#include <stdarg.h>

#include "py/gc.h"
#include "py/map.h"
#include "py/nlr.h"
#include "py/obj.h"
#include "py/print.h"
#include "py/state.h"

/* ---- exceptions (py/objexcept.c) ---------------------------------------------------- */

extern const es_type_t es_type_BaseException;
extern const es_type_t es_type_SystemExit;
extern const es_type_t es_type_KeyboardInterrupt;
extern const es_type_t es_type_GeneratorExit;
extern const es_type_t es_type_Exception;
extern const es_type_t es_type_StopIteration;
extern const es_type_t es_type_StopAsyncIteration;
extern const es_type_t es_type_ArithmeticError;
extern const es_type_t es_type_OverflowError;
extern const es_type_t es_type_ZeroDivisionError;
extern const es_type_t es_type_AssertionError;
extern const es_type_t es_type_AttributeError;
extern const es_type_t es_type_EOFError;
extern const es_type_t es_type_ImportError;
extern const es_type_t es_type_ModuleNotFoundError;
extern const es_type_t es_type_LookupError;
extern const es_type_t es_type_IndexError;
extern const es_type_t es_type_KeyError;
extern const es_type_t es_type_MemoryError;
extern const es_type_t es_type_NameError;
extern const es_type_t es_type_UnboundLocalError;
extern const es_type_t es_type_OSError;
extern const es_type_t es_type_TimeoutError;
extern const es_type_t es_type_FileNotFoundError;
extern const es_type_t es_type_FileExistsError;
extern const es_type_t es_type_RuntimeError;
extern const es_type_t es_type_NotImplementedError;
extern const es_type_t es_type_RecursionError;
extern const es_type_t es_type_SyntaxError;
extern const es_type_t es_type_IndentationError;
extern const es_type_t es_type_TypeError;
extern const es_type_t es_type_ValueError;
extern const es_type_t es_type_UnicodeError;
extern const es_type_t es_type_UnicodeDecodeError;
extern const es_type_t es_type_UnicodeEncodeError;

/* Exception objects: args tuple, traceback, __cause__ and __context__ */
typedef struct es_obj_exception_t {
    es_obj_base_t base;
    es_obj_t args;      /* tuple */
    es_obj_t traceback; /* opaque record of (file, line, block) entries, or NULL */
    es_obj_t cause;     /* __cause__ or NULL */
    es_obj_t context;   /* __context__ or NULL */
    es_obj_t value;     /* StopIteration.value, SystemExit.code, OSError.errno: or NULL */
} es_obj_exception_t;

_Noreturn void es_raise(es_obj_t exc); /* an exception instance or class */
_Noreturn void es_raise_msg(const es_type_t *exc_type, const char *msg);
/* fmt as es_printf: %d %u %x %s %c %q (qstr) %p %.*s, and l/z length modifiers */
_Noreturn void es_raise_msg_varg(const es_type_t *exc_type, const char *fmt, ...);
_Noreturn void es_raise_type_error_unsupported_operands(const char *op, es_obj_t lhs, es_obj_t rhs);
_Noreturn void es_raise_os_error(int errno_value);
const char *es_errno_name(int errno_value); /* "ENOENT", or NULL when unknown */
_Noreturn void es_raise_memory_error(void);
_Noreturn void es_raise_stop_iteration(es_obj_t value); /* value may be ES_OBJ_NULL */
_Noreturn void es_raise_attribute_error(es_obj_t base, es_qstr_t attr);
_Noreturn void es_raise_name_error(es_qstr_t name);
_Noreturn void es_raise_key_error(es_obj_t key);

es_obj_t es_obj_new_exception(const es_type_t *type);
es_obj_t es_obj_new_exception_arg1(const es_type_t *type, es_obj_t arg);
es_obj_t es_obj_new_exception_args(const es_type_t *type, size_t n_args, const es_obj_t *args);
es_obj_t es_obj_new_exception_msg(const es_type_t *type, const char *msg);
es_obj_t es_obj_new_exception_msg_varg(const es_type_t *type, const char *fmt, ...);
bool es_obj_is_exception_type(es_obj_t o);
bool es_obj_is_exception_instance(es_obj_t o);
/* isinstance(exc, type) for exception instances; exc may also be a class. */
bool es_obj_exception_match(es_obj_t exc, const es_type_t *type);
const es_type_t *es_obj_exception_get_type(es_obj_t exc);
/* Appends one traceback entry; never raises (silently drops entries when memory is short). */
void es_obj_exception_add_traceback(es_obj_t exc, es_qstr_t file, size_t line, es_qstr_t block);
void es_obj_exception_clear_traceback(es_obj_t exc);
/* Prints "Traceback (most recent call last):" lines then "Type: message", as CPython. */
void es_obj_exception_print_traceback(const es_print_t *print, es_obj_t exc);
es_obj_t es_obj_exception_get_value(es_obj_t exc); /* StopIteration.value etc., None if unset */

/* ---- calls (py/runtime.c) ------------------------------------------------------------ */

es_obj_t es_call_function_0(es_obj_t fun);
es_obj_t es_call_function_1(es_obj_t fun, es_obj_t arg);
es_obj_t es_call_function_2(es_obj_t fun, es_obj_t arg1, es_obj_t arg2);
es_obj_t es_call_function_n_kw(es_obj_t fun, size_t n_args, size_t n_kw, const es_obj_t *args);
/* args[0] = function, args[1] = self or ES_OBJ_NULL (as left by es_load_method), then arguments. */
es_obj_t es_call_method_n_kw(size_t n_args, size_t n_kw, const es_obj_t *args);
/* f(*seq, **map) forms: star_args may be NULL, kw_dict may be NULL. */
es_obj_t es_call_function_star(es_obj_t fun, size_t n_args, size_t n_kw, const es_obj_t *args,
                               es_obj_t star_args, es_obj_t kw_dict);

/* Argument checking for C functions that take (n_args, n_kw, args). */
void es_arg_check_num(size_t n_args, size_t n_kw, size_t n_args_min, size_t n_args_max, bool takes_kw);

/* Keyword-aware argument parsing for C functions. */
#define ES_ARG_REQUIRED (0x100)
#define ES_ARG_KW_ONLY (0x200)
#define ES_ARG_KIND_MASK (0x0ff)
#define ES_ARG_BOOL (0x001)
#define ES_ARG_INT (0x002)
#define ES_ARG_OBJ (0x003)
typedef union es_arg_val_t {
    bool u_bool;
    es_int_t u_int;
    es_obj_t u_obj;
} es_arg_val_t;
typedef struct es_arg_t {
    uint16_t qst;   /* argument name as a qstr */
    uint16_t flags; /* kind | ES_ARG_REQUIRED | ES_ARG_KW_ONLY */
    es_arg_val_t defval;
} es_arg_t;
void es_arg_parse_all(size_t n_pos, const es_obj_t *pos, es_map_t *kws, size_t n_allowed,
                      const es_arg_t *allowed, es_arg_val_t *out_vals);
void es_arg_parse_all_kw_array(size_t n_pos, size_t n_kw, const es_obj_t *args, size_t n_allowed,
                               const es_arg_t *allowed, es_arg_val_t *out_vals);

/* ---- attributes and names ------------------------------------------------------------- */

es_obj_t es_load_attr(es_obj_t base, es_qstr_t attr); /* AttributeError when absent */
es_obj_t es_load_attr_maybe(es_obj_t base, es_qstr_t attr); /* ES_OBJ_NULL when absent */
/* dest[0] = function, dest[1] = self (or ES_OBJ_NULL for a plain attribute): call with es_call_method_n_kw. */
void es_load_method(es_obj_t base, es_qstr_t attr, es_obj_t *dest);
void es_load_method_maybe(es_obj_t base, es_qstr_t attr, es_obj_t *dest); /* dest[0] NULL if absent */
void es_store_attr(es_obj_t base, es_qstr_t attr, es_obj_t value);
void es_delete_attr(es_obj_t base, es_qstr_t attr);
/* Finds attr in a type's locals_dict and its bases (C3 order for user classes); ES_OBJ_NULL if absent. */
es_obj_t es_type_lookup(const es_type_t *type, es_qstr_t attr);
bool es_obj_is_subclass(es_obj_t object_type, es_obj_t class_or_tuple);
bool es_obj_isinstance(es_obj_t obj, es_obj_t class_or_tuple);

es_obj_t es_load_name(es_qstr_t name);   /* locals, globals, builtins */
es_obj_t es_load_global(es_qstr_t name); /* globals, builtins */
void es_store_name(es_qstr_t name, es_obj_t value);
void es_store_global(es_qstr_t name, es_obj_t value);
void es_delete_name(es_qstr_t name);
void es_delete_global(es_qstr_t name);
es_obj_t es_load_build_class(void);
es_obj_t es_builtin_lookup(es_qstr_t name); /* ES_OBJ_NULL if absent */

static inline struct es_obj_dict_t *es_globals_get(void) { return es_state.roots.globals; }
static inline void es_globals_set(struct es_obj_dict_t *d) { es_state.roots.globals = d; }
static inline struct es_obj_dict_t *es_locals_get(void) { return es_state.roots.locals; }
static inline void es_locals_set(struct es_obj_dict_t *d) { es_state.roots.locals = d; }

/* ---- operators and iteration ------------------------------------------------------------ */

es_obj_t es_unary_op(es_unary_op_t op, es_obj_t arg);
es_obj_t es_binary_op(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs);

es_obj_t es_getiter(es_obj_t o, es_obj_iter_buf_t *iter_buf); /* iter_buf may be NULL */
es_obj_t es_iternext(es_obj_t iter); /* ES_OBJ_STOP_ITERATION when exhausted */
/* Unpacks exactly num items into items[0..num-1] in order; ValueError otherwise. */
void es_unpack_sequence(es_obj_t seq, size_t num, es_obj_t *items);
/* a, *b, c = seq: items gets num_left items, then a list, then num_right items. */
void es_unpack_ex(es_obj_t seq, size_t num_left, size_t num_right, es_obj_t *items);

/* ---- modules and import (py/builtinimport.c, py/modules.c) ------------------------------- */

/*
** A C module registers itself with one line in its own file:
**     ES_REGISTER_MODULE(ES_Q_math, es_module_math);
** where es_module_math is a const es_obj_module_t. The build collects these lines into the
** table of built-in modules; `import umath` finds `math` as well.
*/
#define ES_REGISTER_MODULE(qname, module_obj)
es_obj_t es_module_get_builtin(es_qstr_t name); /* ES_OBJ_NULL if no such built-in module */
es_obj_t es_import_name(es_qstr_t name, es_obj_t fromlist, es_obj_t level);
es_obj_t es_import_from(es_obj_t module, es_qstr_t name);
void es_import_all(es_obj_t module);

/* ---- start-up ---------------------------------------------------------------------------- */

/* Initialises qstrs, builtins, sys and the module table; the heap and stack top must be set. */
void es_init(void);
void es_deinit(void);

/* Delivers a pending KeyboardInterrupt or runs scheduled callbacks; called by the VM at safe points. */
void es_handle_pending(void);
/* Requests a KeyboardInterrupt at the next safe point (from a signal handler or UART ISR). */
void es_sched_keyboard_interrupt(void);
/* Queues fun(arg) to run at the next safe point (micropython.schedule, pin and timer IRQs);
** false when the queue is full. Never allocates, so interrupt handlers may call it. */
bool es_sched_schedule(es_obj_t fun, es_obj_t arg);
/* Asks the port to look for events (ES_PORT_POLL_EVENTS) at the next safe point. */
void es_sched_poll_events(void);

/* Fatal internal error: prints the message and stops this process / resets the board. */
_Noreturn void es_fatal_error(const char *msg);
