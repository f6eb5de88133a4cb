/* vm.c: the bytecode interpreter: dispatch loop, exception unwinding, line numbers. */

#include <string.h>

#include "py/attrcache.h"
#include "py/bc.h"
#include "py/objtype.h"
#include "py/runtime.h"
#if __has_include("py/objstr.h")
#include "py/objstr.h"
#else
es_obj_t es_obj_format(es_obj_t value, es_obj_t spec);
#endif

/*
** +--------------------------------------------------------------------------------------+
** | Calls and exceptions                                                                 |
** |                                                                                      |
** | A call of a Python function (es_fun_call) puts the frame -- slots and value stack -- |
** | on the C stack, binds the arguments and runs es_vm_execute, which pushes one nlr     |
** | handler and enters `dispatch`. Nothing is allocated in the heap for a plain call.    |
** | Generators keep the same frame inside the generator object instead.                  |
** |                                                                                      |
** | Before each instruction frame->ip is set to its start, so when a C function raises   |
** | (longjmp to the frame's handler) the VM knows where it was: it adds the traceback    |
** | entry (file, line from the line table, function name), sets __context__ from the     |
** | exception being handled, and looks the offset up in the exception table. A match     |
** | cuts the value stack to the recorded depth, pushes the exception and resumes at the  |
** | handler; otherwise the exception goes back to the caller, which re-raises it.        |
** | `raise` and the re-raise instructions return from `dispatch` instead of longjmp.     |
** +--------------------------------------------------------------------------------------+
*/

/* What the dispatch loop hands back to es_vm_execute. */
typedef enum {
    DISPATCH_RETURN,
    DISPATCH_YIELD,
    DISPATCH_RAISE,   /* a new raise: this frame gets a traceback entry */
    DISPATCH_RERAISE, /* re-raise of an exception already recorded here */
} dispatch_result_t;

size_t es_code_first_line(const es_code_t *code) {
    const uint8_t *p = es_code_line_table(code);
    return es_bc_read_uint(&p);
}

size_t es_code_line_for_offset(const es_code_t *code, size_t offset) {
    const uint8_t *p = es_code_line_table(code);
    const uint8_t *end = p + code->line_len;
    size_t pos = 0;
    es_int_t line = (es_int_t)es_bc_read_uint(&p);
    while (p < end) {
        pos += es_bc_read_uint(&p);
        es_int_t delta = es_bc_read_sint(&p);
        if (pos > offset) {
            break;
        }
        line += delta;
    }
    return (size_t)line;
}

/* ---- helpers kept out of the loop so that it stays small ------------------------------ */

_Noreturn static void raise_unbound_local(const es_code_t *code, size_t slot) {
    es_raise_msg_varg(&es_type_UnboundLocalError, "cannot access local variable '%q' where it is not associated with a value",
                      (es_qstr_t)es_code_slot_names(code)[slot]);
}

_Noreturn static void raise_unbound_deref(const es_code_t *code, size_t slot) {
    if (slot < (size_t)(code->n_slots - code->n_free)) {
        raise_unbound_local(code, slot);
    }
    es_raise_msg_varg(&es_type_NameError,
                      "cannot access free variable '%q' where it is not associated with a value in enclosing scope",
                      (es_qstr_t)es_code_slot_names(code)[slot]);
}

/* The slot's hint is the name's position in globals, or BUILTIN_HINT when builtins answered. */
#define BUILTIN_HINT (0xffff)

static es_obj_t load_global(es_frame_t *frame, es_qstr_t name, size_t cache_slot) {
    es_obj_dict_t *globals = frame->globals;
    es_map_t *map = &globals->map;
    es_obj_t key = es_obj_new_qstr(name);
    uint16_t *cache = es_code_cache(frame->code);
    if (cache != NULL) {
        size_t pos = cache[cache_slot];
        if (pos < map->used && map->table[pos].key == key) {
            return map->table[pos].value;
        }
        if (pos == BUILTIN_HINT) {
            es_obj_t v = es_attr_builtin_cached(globals, name);
            if (v != ES_OBJ_NULL) {
                return v;
            }
        }
    }
    es_map_elem_t *elem = es_map_lookup(map, key, ES_MAP_LOOKUP);
    if (elem != NULL) {
        size_t pos = (size_t)(elem - map->table);
        if (cache != NULL && pos < BUILTIN_HINT) {
            cache[cache_slot] = (uint16_t)pos;
        }
        return elem->value;
    }
    es_obj_t v = es_attr_builtin_fill(globals, name);
    if (v == ES_OBJ_NULL) {
        es_raise_name_error(name);
    }
    if (cache != NULL) {
        cache[cache_slot] = BUILTIN_HINT;
    }
    return v;
}

static es_obj_t make_exception(es_obj_t o) {
    if (es_obj_is_exception_type(o)) {
        o = es_call_function_0(o);
    }
    if (!es_obj_is_exception_instance(o)) {
        es_raise_msg(&es_type_TypeError, "exceptions must derive from BaseException");
    }
    return o;
}

static void set_cause(es_obj_t exc, es_obj_t cause) {
    if (cause != ES_OBJ_NONE) {
        if (es_obj_is_exception_type(cause)) {
            cause = es_call_function_0(cause);
        }
        if (!es_obj_is_exception_instance(cause)) {
            es_raise_msg(&es_type_TypeError, "exception causes must derive from BaseException");
        }
    }
    /* An instance of a user exception class keeps its exception fields in the built-in part. */
    es_obj_t native = es_instance_native(exc);
    ((es_obj_exception_t *)es_obj_to_ptr(native != ES_OBJ_NULL ? native : exc))->cause = cause;
}

static void check_exc_type(es_obj_t t) {
    if (es_obj_is_type(t, &es_type_tuple)) {
        es_obj_tuple_t *tuple = es_obj_to_ptr(t);
        for (size_t i = 0; i < tuple->len; i++) {
            check_exc_type(tuple->items[i]);
        }
    } else if (!es_obj_is_exception_type(t)) {
        es_raise_msg(&es_type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    }
}

static bool exc_matches(es_obj_t exc, es_obj_t t) {
    if (es_obj_is_type(t, &es_type_tuple)) {
        es_obj_tuple_t *tuple = es_obj_to_ptr(t);
        for (size_t i = 0; i < tuple->len; i++) {
            if (exc_matches(exc, tuple->items[i])) {
                return true;
            }
        }
        return false;
    }
    return es_obj_exception_match(exc, es_obj_to_ptr(t));
}

static void extend_list(es_obj_t list, es_obj_t seq) {
    es_obj_t iter = es_getiter(seq, NULL);
    es_obj_t item;
    while ((item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        es_obj_list_append(list, item);
    }
}

static void update_set(es_obj_t set, es_obj_t seq) {
    es_obj_t iter = es_getiter(seq, NULL);
    es_obj_t item;
    while ((item = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        es_obj_set_store(set, item);
    }
}

/* d.update(other) for {**other} and f(**other); merging rejects repeated keys as calls do. */
static void update_dict(es_obj_t dict, es_obj_t other, bool merge) {
    if (es_obj_is_type(other, &es_type_dict)) {
        es_map_t *map = es_obj_dict_get_map(other);
        for (size_t i = 0; i < map->used; i++) {
            if (es_map_slot_is_filled(map, i)) {
                es_obj_t k = map->table[i].key;
                if (merge) {
                    if (!es_obj_is_str(k)) {
                        es_raise_msg(&es_type_TypeError, "keywords must be strings");
                    }
                    if (es_obj_dict_get(dict, k) != ES_OBJ_NULL) {
                        es_raise_msg_varg(&es_type_TypeError, "got multiple values for keyword argument '%s'",
                                          es_obj_str_get_str(k));
                    }
                }
                es_obj_dict_store(dict, k, map->table[i].value);
            }
        }
        return;
    }
    es_obj_t dest[2];
    es_load_method_maybe(other, ES_Q_keys, dest);
    if (dest[0] == ES_OBJ_NULL) {
        es_raise_msg_varg(&es_type_TypeError, merge ? "argument after ** must be a mapping, not %s" : "'%s' object is not a mapping",
                          es_obj_type_name(other));
    }
    es_obj_t keys = es_call_method_n_kw(0, 0, dest);
    es_obj_t iter = es_getiter(keys, NULL);
    es_obj_t k;
    while ((k = es_iternext(iter)) != ES_OBJ_STOP_ITERATION) {
        if (merge && es_obj_dict_get(dict, k) != ES_OBJ_NULL) {
            es_raise_msg_varg(&es_type_TypeError, "got multiple values for keyword argument '%s'", es_obj_str_get_str(k));
        }
        es_obj_dict_store(dict, k, es_obj_subscr(other, k, ES_OBJ_SENTINEL));
    }
}

static es_obj_t format_value(es_obj_t v, uint8_t flags, es_obj_t spec) {
    uint8_t conv = flags & 3;
    if (conv == 0 && spec == ES_OBJ_NULL && !es_obj_is_str(v) &&
        !(es_obj_get_type(v)->flags & ES_TYPE_FLAG_IS_USER_CLASS)) {
        conv = 1; /* format(x, '') of a built-in type is str(x); only classes may define __format__ */
    }
    if (conv != 0) {
        es_vstr_t vstr;
        es_print_t print;
        es_vstr_init_print(&vstr, 16, &print);
        es_obj_print_helper(&print, v, conv == 1 ? ES_PRINT_STR : ES_PRINT_REPR);
        v = es_obj_new_str_from_vstr(&es_type_str, &vstr);
    }
    if (spec == ES_OBJ_NULL && es_obj_is_str(v)) {
        return v;
    }
    return es_obj_format(v, spec == ES_OBJ_NULL ? es_obj_new_qstr(ES_Q__S_empty) : spec);
}

static es_obj_t build_string(size_t n, const es_obj_t *parts) {
    es_vstr_t vstr;
    es_vstr_init(&vstr, 32);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = es_obj_str_get_data(parts[i], &len);
        es_vstr_add_strn(&vstr, s, len);
    }
    return es_obj_new_str_from_vstr(&es_type_str, &vstr);
}

/* Loads a special method or raises TypeError with `msg` (which takes the type name). */
static void load_special(es_obj_t o, es_qstr_t name, es_obj_t *dest, const char *msg) {
    es_load_method_maybe(o, name, dest);
    if (dest[0] == ES_OBJ_NULL) {
        es_raise_msg_varg(&es_type_TypeError, msg, es_obj_type_name(o));
    }
}

/* Clears a method pair held in dispatch's frame, where it would outlive its use (the
** collector scans that frame whole); the stores must not be optimised away. */
static inline void forget(es_obj_t *pair) {
    ((volatile es_obj_t *)pair)[0] = ES_OBJ_NULL;
    ((volatile es_obj_t *)pair)[1] = ES_OBJ_NULL;
}

static es_obj_t bound(es_obj_t *dest) {
    return dest[1] == ES_OBJ_NULL ? dest[0] : es_obj_new_bound_meth(dest[0], dest[1]);
}

static es_obj_t get_awaitable(es_obj_t o) {
    if (es_obj_is_generator(o)) {
        return o;
    }
    es_obj_t dest[2];
    load_special(o, ES_Q___await__, dest, "object %s can't be used in 'await' expression");
    return es_call_method_n_kw(0, 0, dest);
}

/*
** One step of `yield from` / `await`: sends `value` into `iter`. Returns ES_VM_YIELD with
** the value to pass up, or ES_VM_RETURN with the iterator's final value. Exceptions from
** the iterator propagate.
*/
static es_vm_return_t yield_from_send(es_obj_t iter, es_obj_t value, es_obj_t *result) {
    if (es_obj_is_generator(iter)) {
        es_vm_return_t r = es_gen_resume(iter, value, ES_OBJ_NULL, result);
        if (r == ES_VM_EXCEPTION) {
            es_nlr_jump(*result);
        }
        return r;
    }
    if (value == ES_OBJ_NONE) {
        es_obj_t v = es_iternext(iter);
        if (v == ES_OBJ_STOP_ITERATION) {
            *result = ES_OBJ_NONE;
            return ES_VM_RETURN;
        }
        *result = v;
        return ES_VM_YIELD;
    }
    es_obj_t dest[3];
    load_special(iter, ES_Q_send, dest, "'%s' object has no attribute 'send'");
    dest[2] = value;
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        *result = es_call_method_n_kw(1, 0, dest);
        es_nlr_pop();
        return ES_VM_YIELD;
    }
    if (es_obj_exception_match(nlr.ret_val, &es_type_StopIteration)) {
        *result = es_obj_exception_get_value(nlr.ret_val);
        return ES_VM_RETURN;
    }
    es_nlr_jump(nlr.ret_val);
}

static void print_expr(es_obj_t v) {
    if (v != ES_OBJ_NONE) {
        es_obj_print(v, ES_PRINT_REPR);
        es_obj_print(es_obj_new_qstr(ES_Q__S_newline), ES_PRINT_STR);
        /* As at CPython's and MicroPython's prompt, builtins._ holds the last value shown. */
        es_store_attr(es_module_get_builtin(ES_Q_builtins), ES_Q__, v);
    }
}

static es_obj_t fast_floor_divide(es_obj_t a, es_obj_t b) {
    es_int_t x = es_small_int_value(a), y = es_small_int_value(b);
    es_int_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) {
        q--;
    }
    return es_obj_new_int(q);
}

static es_obj_t fast_modulo(es_obj_t a, es_obj_t b) {
    es_int_t x = es_small_int_value(a), y = es_small_int_value(b);
    es_int_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
        r += y;
    }
    return es_obj_new_small_int(r);
}

/* Float fast path: true when at least one operand is a float and the other a float or small int. */
static inline bool float_operands(es_obj_t a, es_obj_t b, es_float_t *x, es_float_t *y) {
    bool fa = es_obj_is_float(a), fb = es_obj_is_float(b);
    if (!(fa || fb) || !(fa || es_obj_is_small_int(a)) || !(fb || es_obj_is_small_int(b))) {
        return false;
    }
    *x = fa ? es_obj_float_get(a) : (es_float_t)es_small_int_value(a);
    *y = fb ? es_obj_float_get(b) : (es_float_t)es_small_int_value(b);
    return true;
}

/* ---- calls that stay in the loop ------------------------------------------------------- */

/*
** A call of a Python function from bytecode does not recurse in C: the new frame comes from
** the call arena, a heap block that the outermost es_vm_execute allocates and frees (its C
** frame keeps it reachable), used strictly last-in first-out. When the arena is full, or
** the heap had no room for it, the call recurses in C through es_fun_call as before. Arena
** frames count with the C stack against the recursion limit, so runaway recursion still
** ends in RecursionError.
*/
#ifndef ES_CALL_ARENA_BYTES
#if UINTPTR_MAX > 0xffffffffu && !ES_FLOAT_IS_SINGLE /* the host interpreter, not ESP8266 heaps */
#define ES_CALL_ARENA_BYTES (64 * 1024)
#else
#define ES_CALL_ARENA_BYTES (2048) /* some 40 calls of small functions on the ESP8266 */
#endif
#endif
#define ARENA_WORDS (ES_CALL_ARENA_BYTES / sizeof(es_obj_t))

static bool vm_running;         /* an es_vm_execute is on the C stack */
static es_obj_t *arena;         /* NULL when the outermost run could not get one */
static size_t arena_top;        /* words of the arena in use */
static size_t arena_dirty;      /* words above arena_top may hold old values up to here */
static size_t call_frame_bytes; /* held by frames of calls made inside dispatch loops */
static es_obj_t *live_sp;       /* sp of the running frame (see "Live slots") */

static inline size_t frame_words(const es_code_t *code) {
    return (sizeof(es_frame_t) + sizeof(es_obj_t) - 1) / sizeof(es_obj_t) + es_frame_words(code);
}

/*
** Calls whose argument binding can neither fail nor allocate: positional arguments only, no
** varargs, varkw, keyword-only parameters or cells, and enough of them with the defaults. Only
** these run in the loop, so a frame is never left half made in the arena; the rest (and every
** binding error) go through es_fun_call.
*/
static inline bool binding_cannot_fail(const es_obj_fun_t *fun, size_t n_args, size_t n_kw) {
    const es_code_t *code = fun->code;
    if (n_kw != 0 || n_args > code->n_pos || code->n_kwonly != 0 || code->n_cells != 0 ||
        (code->flags & (ES_CODE_FLAG_VARARGS | ES_CODE_FLAG_VARKW | ES_CODE_FLAG_GENERATOR | ES_CODE_FLAG_COROUTINE))) {
        return false;
    }
    if (n_args == code->n_pos) {
        return true;
    }
    es_obj_t defaults = es_fun_defaults(fun);
    return defaults != ES_OBJ_NULL && n_args + ((const es_obj_tuple_t *)es_obj_to_ptr(defaults))->len >= code->n_pos;
}

/* The callee's frame with its arguments bound, or NULL when the call must go through es_fun_call.
** Kept inside the dispatch loop (GCC would call it out of line), which makes calls measurably cheaper. */
static inline __attribute__((always_inline)) es_frame_t *enter_call(const es_obj_fun_t *fun, size_t n_args,
                                                                    size_t n_kw, const es_obj_t *args) {
    if (!binding_cannot_fail(fun, n_args, n_kw)) {
        return NULL;
    }
    const es_code_t *code = fun->code;
    size_t words = frame_words(code);
    char here;
    if ((size_t)(es_state.stack_top - &here) + call_frame_bytes + words * sizeof(es_obj_t) > es_state.stack_limit) {
        es_raise_recursion_error();
    }
    if (arena == NULL || arena_top + words > ARENA_WORDS) {
        return NULL;
    }
    es_frame_t *frame = (es_frame_t *)(arena + arena_top);
    arena_top += words;
    if (arena_top > arena_dirty) {
        arena_dirty = arena_top;
    }
    frame->code = code;
    frame->globals = fun->globals;
    frame->ip = es_code_bytecode(code);
    frame->sp = frame->slots + code->n_slots - 1;
    call_frame_bytes += words * sizeof(es_obj_t);
    es_fun_bind_args(fun, frame, n_args, n_kw, args); /* cannot raise: see binding_cannot_fail */
    es_globals_set(frame->globals);
    return frame;
}

/* Releases a frame made by enter_call and gives its caller, whose globals are running again. */
static es_frame_t *leave_call(es_frame_t *frame) {
    es_frame_t *caller = frame->caller;
    call_frame_bytes -= frame_words(frame->code) * sizeof(es_obj_t);
    /* What the finished call held stays in the arena until es_vm_clear_dead_slots clears it. */
    arena_top = (size_t)((es_obj_t *)frame - arena);
    live_sp = caller->sp;
    es_globals_set(caller->globals);
    return caller;
}

/* ---- the dispatch loop --------------------------------------------------------------- */

#define READ_UINT(v)                                                                               \
    do {                                                                                           \
        v = *ip++;                                                                                 \
        if (v & 0x80) {                                                                            \
            ip--;                                                                                  \
            v = es_bc_read_uint(&ip);                                                              \
        }                                                                                          \
    } while (0)
#define READ_JUMP(v)                                                                               \
    do {                                                                                           \
        v = (int16_t)(ip[0] | (ip[1] << 8));                                                       \
        ip += 2;                                                                                   \
    } while (0)
#define PUSH(v) (*++sp = (v))
#define POP() (*sp--)
#define TOP() (*sp)
#define SET_TOP(v) (*sp = (v))
#define POLL()                                                                                     \
    do {                                                                                           \
        if (es_state.sched_state) {                                                                \
            es_handle_pending();                                                                   \
        }                                                                                          \
    } while (0)

/*
** +--------------------------------------------------------------------------------------+
** | Live slots                                                                           |
** |                                                                                      |
** | Each instruction starts by publishing its sp in live_sp. Slots above the published   |
** | sp hold values popped earlier: es_vm_clear_dead_slots clears them before the         |
** | collector marks, so a popped object is not kept alive by its old stack slot.         |
** | Rule: whenever something may allocate (and so collect), the published sp must be at  |
** | or above every slot that holds a value still needed. An instruction that pops and    |
** | then allocates is covered by the sp published at its start; one that writes above    |
** | that sp before it may allocate (LOAD_METHOD, UNPACK_*) publishes the higher sp first. |
** | Frames that are not running keep their sp in the frame: callers in the arena (set by |
** | CALL), suspended generators (set by the yield), and the running frame of each outer  |
** | run (saved in the inner run as it starts).                                           |
** | live_sp is a variable of its own, not frame->sp: a store into the frame at every     |
** | instruction measured some 10% slower on call-heavy code.                              |
** +--------------------------------------------------------------------------------------+
*/
#define PUBLISH_SP() (live_sp = sp)

#if ES_ENABLE_COMPUTED_GOTO && defined(__GNUC__)
#define USE_COMPUTED_GOTO (1)
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        frame->ip = ip;                                                                            \
        PUBLISH_SP();                                                                              \
        goto *dispatch_table[*ip++];                                                               \
    } while (0)
#define CASE(name) op_##name:
#else
#define USE_COMPUTED_GOTO (0)
#define DISPATCH() goto dispatch
#define CASE(name) case ES_BC_##name:
#endif

/* Small-int fast path for a comparison: tagged words order as their values do. */
#define COMPARE(name, cop, binop)                                                                  \
    CASE(name) {                                                                                   \
        es_obj_t rhs = POP();                                                                      \
        es_obj_t lhs = TOP();                                                                      \
        if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs)) {                                \
            SET_TOP(es_obj_new_bool((es_int_t)lhs cop (es_int_t)rhs));                             \
        } else if (float_operands(lhs, rhs, &fx, &fy)) {                                           \
            SET_TOP(es_obj_new_bool(fx cop fy));                                                   \
        } else {                                                                                   \
            SET_TOP(es_binary_op(binop, lhs, rhs));                                                \
        }                                                                                          \
        DISPATCH();                                                                                \
    }

static __attribute__((noinline)) dispatch_result_t dispatch(es_frame_t *volatile *current, es_obj_t *result) {
#if USE_COMPUTED_GOTO
    static const void *const dispatch_table[ES_BC_NUM_OPCODES] = {
#define ES_BC_LABEL(name, ops) [ES_BC_##name] = &&op_##name,
        ES_BC_OPCODES(ES_BC_LABEL)
#undef ES_BC_LABEL
    };
#endif
    es_frame_t *frame = *current;
    const es_code_t *code = frame->code;
    es_obj_t *slots = frame->slots;
    const es_obj_t *consts = es_code_consts(code);
    const uint8_t *ip = frame->ip;
    es_obj_t *sp = frame->sp;
    es_float_t fx, fy;

/* After switching frames: the loop's copies of the frame's fields. */
#define LOAD_FRAME()                                                                               \
    do {                                                                                           \
        *current = frame;                                                                          \
        code = frame->code;                                                                        \
        slots = frame->slots;                                                                      \
        consts = es_code_consts(code);                                                                     \
    } while (0)

#if USE_COMPUTED_GOTO
    DISPATCH();
#else
dispatch:
    frame->ip = ip;
    PUBLISH_SP();
    switch (*ip++) {
#endif

    CASE(NOP) { DISPATCH(); }
    CASE(POP_TOP) {
        sp--;
        DISPATCH();
    }
    CASE(COPY) {
        size_t n;
        READ_UINT(n);
        es_obj_t v = sp[1 - (es_int_t)n];
        PUSH(v);
        DISPATCH();
    }
    CASE(SWAP) {
        size_t n;
        READ_UINT(n);
        es_obj_t v = sp[1 - (es_int_t)n];
        sp[1 - (es_int_t)n] = sp[0];
        sp[0] = v;
        DISPATCH();
    }
    CASE(ROT_THREE) {
        es_obj_t top = sp[0];
        sp[0] = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = top;
        DISPATCH();
    }
    CASE(LOAD_CONST) {
        size_t i;
        READ_UINT(i);
        PUSH(consts[i]);
        DISPATCH();
    }
    CASE(LOAD_QSTR) {
        size_t q;
        READ_UINT(q);
        PUSH(es_obj_new_qstr(q));
        DISPATCH();
    }
    CASE(LOAD_SMALL_INT) {
        es_int_t v = es_bc_read_sint(&ip);
        PUSH(es_obj_new_small_int(v));
        DISPATCH();
    }
    CASE(LOAD_NONE) {
        PUSH(ES_OBJ_NONE);
        DISPATCH();
    }
    CASE(LOAD_TRUE) {
        PUSH(ES_OBJ_TRUE);
        DISPATCH();
    }
    CASE(LOAD_FALSE) {
        PUSH(ES_OBJ_FALSE);
        DISPATCH();
    }
    CASE(LOAD_NULL) {
        PUSH(ES_OBJ_NULL);
        DISPATCH();
    }
    CASE(LOAD_FAST) {
        size_t i;
        READ_UINT(i);
        es_obj_t v = slots[i];
        if (v == ES_OBJ_NULL) {
            raise_unbound_local(code, i);
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_FAST) {
        size_t i;
        READ_UINT(i);
        slots[i] = POP();
        DISPATCH();
    }
    CASE(DELETE_FAST) {
        size_t i;
        READ_UINT(i);
        if (slots[i] == ES_OBJ_NULL) {
            raise_unbound_local(code, i);
        }
        slots[i] = ES_OBJ_NULL;
        DISPATCH();
    }
    CASE(LOAD_DEREF) {
        size_t i;
        READ_UINT(i);
        es_obj_t v = ((es_obj_cell_t *)es_obj_to_ptr(slots[i]))->value;
        if (v == ES_OBJ_NULL) {
            raise_unbound_deref(code, i);
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_DEREF) {
        size_t i;
        READ_UINT(i);
        ((es_obj_cell_t *)es_obj_to_ptr(slots[i]))->value = POP();
        DISPATCH();
    }
    CASE(DELETE_DEREF) {
        size_t i;
        READ_UINT(i);
        es_obj_cell_t *cell = es_obj_to_ptr(slots[i]);
        if (cell->value == ES_OBJ_NULL) {
            raise_unbound_deref(code, i);
        }
        cell->value = ES_OBJ_NULL;
        DISPATCH();
    }
    CASE(LOAD_CLOSURE) {
        size_t i;
        READ_UINT(i);
        PUSH(slots[i]);
        DISPATCH();
    }
    CASE(LOAD_CLASSDEREF) {
        size_t q, i;
        READ_UINT(q);
        READ_UINT(i);
        es_obj_t v = ES_OBJ_NULL;
        if (es_locals_get() != NULL) {
            es_map_elem_t *elem = es_map_lookup(&es_locals_get()->map, es_obj_new_qstr(q), ES_MAP_LOOKUP);
            if (elem != NULL) {
                v = elem->value;
            }
        }
        if (v == ES_OBJ_NULL) {
            v = ((es_obj_cell_t *)es_obj_to_ptr(slots[i]))->value;
            if (v == ES_OBJ_NULL) {
                raise_unbound_deref(code, i);
            }
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(LOAD_NAME) {
        size_t q, c;
        READ_UINT(q);
        READ_UINT(c);
        if (es_locals_get() == frame->globals) {
            PUSH(load_global(frame, q, c)); /* module code: the cached lookup gives the same answer */
        } else {
            PUSH(es_load_name(q));
        }
        DISPATCH();
    }
    CASE(STORE_NAME) {
        size_t q;
        READ_UINT(q);
        es_store_name(q, POP());
        DISPATCH();
    }
    CASE(DELETE_NAME) {
        size_t q;
        READ_UINT(q);
        es_delete_name(q);
        DISPATCH();
    }
    CASE(LOAD_GLOBAL) {
        size_t q, c;
        READ_UINT(q);
        READ_UINT(c);
        PUSH(load_global(frame, q, c));
        DISPATCH();
    }
    CASE(STORE_GLOBAL) {
        size_t q;
        READ_UINT(q);
        es_obj_dict_store(es_obj_from_ptr(frame->globals), es_obj_new_qstr(q), POP());
        DISPATCH();
    }
    CASE(DELETE_GLOBAL) {
        size_t q;
        READ_UINT(q);
        if (es_map_lookup(&frame->globals->map, es_obj_new_qstr(q), ES_MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
            es_raise_name_error(q);
        }
        DISPATCH();
    }
    CASE(LOAD_ATTR) {
        size_t q;
        READ_UINT(q);
        es_obj_t base = TOP();
        /* The result goes to the stack, not a C array: a word of dispatch's own frame would
        ** keep the last attribute read alive until the next one (see "Live slots"). The
        ** compiler leaves one word spare above the deepest stack (py/compile.c), so sp + 1
        ** is always inside the frame. */
        live_sp = sp + 1;
        es_attr_load_method_maybe(base, q, sp);
        if (sp[0] == ES_OBJ_NULL) {
            es_raise_attribute_error(base, q);
        }
        if (sp[1] != ES_OBJ_NULL) {
            sp[0] = es_obj_new_bound_meth(sp[0], sp[1]);
        }
        DISPATCH();
    }
    CASE(STORE_ATTR) {
        size_t q;
        READ_UINT(q);
        es_obj_t obj = POP();
        es_obj_t value = POP();
        es_attr_store(obj, q, value);
        DISPATCH();
    }
    CASE(DELETE_ATTR) {
        size_t q;
        READ_UINT(q);
        es_delete_attr(POP(), q);
        DISPATCH();
    }
    CASE(LOAD_METHOD) {
        size_t q;
        READ_UINT(q);
        es_obj_t base = TOP();
        live_sp = sp + 1; /* the lookup writes the method and self there */
        es_attr_load_method_maybe(base, q, sp);
        if (sp[0] == ES_OBJ_NULL) {
            es_raise_attribute_error(base, q);
        }
        sp++;
        DISPATCH();
    }
    CASE(BINARY_SUBSCR) {
        es_obj_t index = POP();
        es_obj_t base = TOP();
        if (es_obj_is_small_int(index) && es_obj_is_ptr(base)) {
            const es_type_t *t = ((es_obj_base_t *)es_obj_to_ptr(base))->type;
            es_int_t i = es_small_int_value(index);
            if (t == &es_type_list) {
                es_obj_list_t *list = es_obj_to_ptr(base);
                if (i < 0) {
                    i += (es_int_t)list->len;
                }
                if (i >= 0 && (size_t)i < list->len) {
                    SET_TOP(list->items[i]);
                    DISPATCH();
                }
            } else if (t == &es_type_tuple) {
                es_obj_tuple_t *tuple = es_obj_to_ptr(base);
                if (i < 0) {
                    i += (es_int_t)tuple->len;
                }
                if (i >= 0 && (size_t)i < tuple->len) {
                    SET_TOP(tuple->items[i]);
                    DISPATCH();
                }
            }
        }
        SET_TOP(es_obj_subscr(base, index, ES_OBJ_SENTINEL));
        DISPATCH();
    }
    CASE(STORE_SUBSCR) {
        es_obj_t index = sp[0];
        es_obj_t base = sp[-1];
        es_obj_t value = sp[-2];
        sp -= 3;
        if (es_obj_is_small_int(index) && es_obj_is_type(base, &es_type_list)) {
            es_obj_list_t *list = es_obj_to_ptr(base);
            es_int_t i = es_small_int_value(index);
            if (i < 0) {
                i += (es_int_t)list->len;
            }
            if (i >= 0 && (size_t)i < list->len) {
                list->items[i] = value;
                DISPATCH();
            }
        }
        es_obj_subscr(base, index, value);
        DISPATCH();
    }
    CASE(DELETE_SUBSCR) {
        es_obj_t index = POP();
        es_obj_t base = POP();
        es_obj_subscr(base, index, ES_OBJ_NULL);
        DISPATCH();
    }
    CASE(BUILD_SLICE) {
        size_t n;
        READ_UINT(n);
        es_obj_t step = n == 3 ? POP() : ES_OBJ_NONE;
        es_obj_t stop = POP();
        SET_TOP(es_obj_new_slice(TOP(), stop, step));
        DISPATCH();
    }
    CASE(UNARY_OP) {
        uint8_t o = *ip++;
        es_obj_t v = TOP();
        if (o == ES_UNARY_OP_NEGATIVE && es_obj_is_small_int(v) && es_small_int_value(v) != ES_SMALL_INT_MIN) {
            SET_TOP(es_obj_new_small_int(-es_small_int_value(v)));
        } else {
            SET_TOP(es_unary_op(o, v));
        }
        DISPATCH();
    }
    CASE(NOT) {
        es_obj_t v = TOP();
        SET_TOP(v == ES_OBJ_FALSE ? ES_OBJ_TRUE : v == ES_OBJ_TRUE ? ES_OBJ_FALSE : es_obj_new_bool(!es_obj_is_true(v)));
        DISPATCH();
    }
    CASE(BINARY_OP) {
        uint8_t o = *ip++;
        es_obj_t rhs = POP();
        es_obj_t lhs = TOP();
        es_int_t r;
        if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs)) {
            /* x += n and x -= n on small ints: the common loop counter case */
            if (o == ES_BINARY_OP_INPLACE_ADD && !__builtin_add_overflow((es_int_t)lhs, (es_int_t)rhs - 1, &r)) {
                SET_TOP((es_obj_t)r);
                DISPATCH();
            }
            if (o == ES_BINARY_OP_INPLACE_SUBTRACT && !__builtin_sub_overflow((es_int_t)lhs, (es_int_t)rhs - 1, &r)) {
                SET_TOP((es_obj_t)r);
                DISPATCH();
            }
        }
        if (float_operands(lhs, rhs, &fx, &fy)) {
            switch (o) {
                case ES_BINARY_OP_INPLACE_ADD:
                    SET_TOP(es_obj_new_float(fx + fy));
                    DISPATCH();
                case ES_BINARY_OP_INPLACE_SUBTRACT:
                    SET_TOP(es_obj_new_float(fx - fy));
                    DISPATCH();
                case ES_BINARY_OP_INPLACE_MULTIPLY:
                    SET_TOP(es_obj_new_float(fx * fy));
                    DISPATCH();
                case ES_BINARY_OP_TRUE_DIVIDE:
                case ES_BINARY_OP_INPLACE_TRUE_DIVIDE:
                    if (fy != 0) {
                        SET_TOP(es_obj_new_float(fx / fy));
                        DISPATCH();
                    }
                    break;
                default:
                    break;
            }
        }
        SET_TOP(es_binary_op(o, lhs, rhs));
        DISPATCH();
    }
    CASE(ADD) {
        es_obj_t rhs = POP();
        es_obj_t lhs = TOP();
        es_int_t r;
        if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs) &&
            !__builtin_add_overflow((es_int_t)lhs, (es_int_t)rhs - 1, &r)) {
            SET_TOP((es_obj_t)r);
        } else if (float_operands(lhs, rhs, &fx, &fy)) {
            SET_TOP(es_obj_new_float(fx + fy));
        } else {
            SET_TOP(es_binary_op(ES_BINARY_OP_ADD, lhs, rhs));
        }
        DISPATCH();
    }
    CASE(SUB) {
        es_obj_t rhs = POP();
        es_obj_t lhs = TOP();
        es_int_t r;
        if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs) &&
            !__builtin_sub_overflow((es_int_t)lhs, (es_int_t)rhs - 1, &r)) {
            SET_TOP((es_obj_t)r);
        } else if (float_operands(lhs, rhs, &fx, &fy)) {
            SET_TOP(es_obj_new_float(fx - fy));
        } else {
            SET_TOP(es_binary_op(ES_BINARY_OP_SUBTRACT, lhs, rhs));
        }
        DISPATCH();
    }
    CASE(MUL) {
        es_obj_t rhs = POP();
        es_obj_t lhs = TOP();
        es_int_t r;
        if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs) &&
            !__builtin_mul_overflow(es_small_int_value(lhs), es_small_int_value(rhs), &r) && es_small_int_fits(r)) {
            SET_TOP(es_obj_new_small_int(r));
        } else if (float_operands(lhs, rhs, &fx, &fy)) {
            SET_TOP(es_obj_new_float(fx * fy));
        } else {
            SET_TOP(es_binary_op(ES_BINARY_OP_MULTIPLY, lhs, rhs));
        }
        DISPATCH();
    }
    CASE(FLOORDIV) {
        es_obj_t rhs = POP();
        es_obj_t lhs = TOP();
        if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs) && rhs != es_obj_new_small_int(0)) {
            SET_TOP(fast_floor_divide(lhs, rhs));
        } else {
            SET_TOP(es_binary_op(ES_BINARY_OP_FLOOR_DIVIDE, lhs, rhs));
        }
        DISPATCH();
    }
    CASE(MOD) {
        es_obj_t rhs = POP();
        es_obj_t lhs = TOP();
        if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs) && rhs != es_obj_new_small_int(0)) {
            SET_TOP(fast_modulo(lhs, rhs));
        } else {
            SET_TOP(es_binary_op(ES_BINARY_OP_MODULO, lhs, rhs));
        }
        DISPATCH();
    }
    COMPARE(LT, <, ES_BINARY_OP_LESS)
    COMPARE(LE, <=, ES_BINARY_OP_LESS_EQUAL)
    COMPARE(GT, >, ES_BINARY_OP_MORE)
    COMPARE(GE, >=, ES_BINARY_OP_MORE_EQUAL)
    CASE(EQ) {
        es_obj_t rhs = POP();
        es_obj_t lhs = TOP();
        if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs)) {
            SET_TOP(es_obj_new_bool(lhs == rhs));
        } else {
            SET_TOP(es_binary_op(ES_BINARY_OP_EQUAL, lhs, rhs));
        }
        DISPATCH();
    }
    CASE(NE) {
        es_obj_t rhs = POP();
        es_obj_t lhs = TOP();
        if (es_obj_is_small_int(lhs) && es_obj_is_small_int(rhs)) {
            SET_TOP(es_obj_new_bool(lhs != rhs));
        } else {
            SET_TOP(es_binary_op(ES_BINARY_OP_NOT_EQUAL, lhs, rhs));
        }
        DISPATCH();
    }
    CASE(IS_OP) {
        uint8_t invert = *ip++;
        es_obj_t rhs = POP();
        SET_TOP(es_obj_new_bool((TOP() == rhs) != invert));
        DISPATCH();
    }
    CASE(CONTAINS_OP) {
        uint8_t invert = *ip++;
        es_obj_t container = POP();
        es_obj_t r = es_binary_op(ES_BINARY_OP_IN, container, TOP());
        SET_TOP(es_obj_new_bool((r == ES_OBJ_TRUE) != invert));
        DISPATCH();
    }
    CASE(BUILD_TUPLE) {
        size_t n;
        READ_UINT(n);
        sp -= n;
        es_obj_t t = es_obj_new_tuple(n, sp + 1);
        PUSH(t);
        DISPATCH();
    }
    CASE(BUILD_LIST) {
        size_t n;
        READ_UINT(n);
        sp -= n;
        es_obj_t l = es_obj_new_list(n, sp + 1);
        PUSH(l);
        DISPATCH();
    }
    CASE(BUILD_SET) {
        size_t n;
        READ_UINT(n);
        sp -= n;
        es_obj_t s = es_obj_new_set(n, sp + 1);
        PUSH(s);
        DISPATCH();
    }
    CASE(BUILD_MAP) {
        size_t n;
        READ_UINT(n);
        PUSH(es_obj_new_dict(n));
        DISPATCH();
    }
    CASE(BUILD_STRING) {
        size_t n;
        READ_UINT(n);
        sp -= n;
        es_obj_t s = build_string(n, sp + 1);
        PUSH(s);
        DISPATCH();
    }
    CASE(LIST_APPEND) {
        size_t n;
        READ_UINT(n);
        es_obj_t v = POP();
        es_obj_list_append(sp[1 - (es_int_t)n], v);
        DISPATCH();
    }
    CASE(SET_ADD) {
        size_t n;
        READ_UINT(n);
        es_obj_t v = POP();
        es_obj_set_store(sp[1 - (es_int_t)n], v);
        DISPATCH();
    }
    CASE(MAP_ADD) {
        size_t n;
        READ_UINT(n);
        es_obj_t v = POP();
        es_obj_t k = POP();
        es_obj_dict_store(sp[1 - (es_int_t)n], k, v);
        DISPATCH();
    }
    CASE(LIST_EXTEND) {
        size_t n;
        READ_UINT(n);
        es_obj_t v = POP();
        extend_list(sp[1 - (es_int_t)n], v);
        DISPATCH();
    }
    CASE(SET_UPDATE) {
        size_t n;
        READ_UINT(n);
        es_obj_t v = POP();
        update_set(sp[1 - (es_int_t)n], v);
        DISPATCH();
    }
    CASE(DICT_UPDATE) {
        size_t n;
        READ_UINT(n);
        es_obj_t v = POP();
        update_dict(sp[1 - (es_int_t)n], v, false);
        DISPATCH();
    }
    CASE(DICT_MERGE) {
        size_t n;
        READ_UINT(n);
        es_obj_t v = POP();
        update_dict(sp[1 - (es_int_t)n], v, true);
        DISPATCH();
    }
    CASE(LIST_TO_TUPLE) {
        es_obj_list_t *list = es_obj_to_ptr(TOP());
        SET_TOP(es_obj_new_tuple(list->len, list->items));
        DISPATCH();
    }
    CASE(UNPACK_SEQUENCE) {
        size_t n;
        READ_UINT(n);
        es_obj_t seq = TOP();
        if (es_obj_is_type(seq, &es_type_tuple) && ((es_obj_tuple_t *)es_obj_to_ptr(seq))->len == n) {
            const es_obj_t *items = ((es_obj_tuple_t *)es_obj_to_ptr(seq))->items;
            sp--;
            for (size_t i = n; i-- > 0;) {
                PUSH(items[i]);
            }
            DISPATCH();
        }
        if (n > 0) {
            live_sp = sp + n - 1; /* the items are stored as they come from the iterator */
        }
        es_unpack_sequence(seq, n, sp);
        for (size_t i = 0; i < n / 2; i++) {
            es_obj_t t = sp[i];
            sp[i] = sp[n - 1 - i];
            sp[n - 1 - i] = t;
        }
        sp += (es_int_t)n - 1;
        DISPATCH();
    }
    CASE(UNPACK_EX) {
        size_t before, after;
        READ_UINT(before);
        READ_UINT(after);
        size_t n = before + 1 + after;
        live_sp = sp + n - 1;
        es_unpack_ex(TOP(), before, after, sp);
        for (size_t i = 0; i < n / 2; i++) {
            es_obj_t t = sp[i];
            sp[i] = sp[n - 1 - i];
            sp[n - 1 - i] = t;
        }
        sp += (es_int_t)n - 1;
        DISPATCH();
    }
    CASE(FORMAT_VALUE) {
        uint8_t flags = *ip++;
        es_obj_t spec = (flags & 4) ? POP() : ES_OBJ_NULL;
        SET_TOP(format_value(TOP(), flags, spec));
        DISPATCH();
    }
    CASE(JUMP) {
        int16_t off;
        READ_JUMP(off);
        ip += off;
        if (off < 0) {
            POLL();
        }
        DISPATCH();
    }
    CASE(POP_JUMP_IF_FALSE) {
        int16_t off;
        READ_JUMP(off);
        es_obj_t v = POP();
        if (v == ES_OBJ_FALSE || (v != ES_OBJ_TRUE && !es_obj_is_true(v))) {
            ip += off;
            if (off < 0) {
                POLL();
            }
        }
        DISPATCH();
    }
    CASE(POP_JUMP_IF_TRUE) {
        int16_t off;
        READ_JUMP(off);
        es_obj_t v = POP();
        if (v == ES_OBJ_TRUE || (v != ES_OBJ_FALSE && es_obj_is_true(v))) {
            ip += off;
            if (off < 0) {
                POLL();
            }
        }
        DISPATCH();
    }
    CASE(JUMP_IF_FALSE_OR_POP) {
        int16_t off;
        READ_JUMP(off);
        if (!es_obj_is_true(TOP())) {
            ip += off;
        } else {
            sp--;
        }
        DISPATCH();
    }
    CASE(JUMP_IF_TRUE_OR_POP) {
        int16_t off;
        READ_JUMP(off);
        if (es_obj_is_true(TOP())) {
            ip += off;
        } else {
            sp--;
        }
        DISPATCH();
    }
    CASE(POP_JUMP_IF_NOT_NONE) {
        int16_t off;
        READ_JUMP(off);
        if (POP() != ES_OBJ_NONE) {
            ip += off;
        }
        DISPATCH();
    }
    CASE(GET_ITER) {
        SET_TOP(es_getiter(TOP(), NULL));
        DISPATCH();
    }
    CASE(FOR_ITER) {
        int16_t off;
        READ_JUMP(off);
        es_obj_t v;
        if (es_obj_is_generator(TOP())) {
            es_vm_return_t r = es_gen_resume(TOP(), ES_OBJ_NONE, ES_OBJ_NULL, &v);
            if (r == ES_VM_EXCEPTION) {
                es_nlr_jump(v);
            }
            if (r == ES_VM_RETURN) {
                v = ES_OBJ_STOP_ITERATION;
            }
        } else {
            v = es_iternext(TOP());
        }
        if (v == ES_OBJ_STOP_ITERATION) {
            sp--;
            ip += off;
        } else {
            PUSH(v);
        }
        DISPATCH();
    }
    CASE(CALL) {
        size_t n_args, n_kw;
        READ_UINT(n_args);
        READ_UINT(n_kw);
        sp -= n_args + 2 * n_kw + 1;
        es_obj_t fun = sp[0];
        const es_obj_t *args = sp + 2;
        if (sp[1] != ES_OBJ_NULL) {
            args = sp + 1;
            n_args++;
        }
        POLL();
        if (es_obj_is_type(fun, &es_type_function)) {
            const es_obj_fun_t *f = es_obj_to_ptr(fun);
            {
                /* A Python function runs in this loop: its frame goes to the heap, not the C stack. */
                es_frame_t *callee = enter_call(f, n_args, n_kw, args);
                if (callee != NULL) {
                    frame->sp = sp; /* the result goes where the function was */
                    callee->caller = frame;
                    frame = callee;
                    LOAD_FRAME();
                    ip = frame->ip;
                    sp = frame->sp;
                    DISPATCH();
                }
            }
            SET_TOP(es_fun_call(fun, n_args, n_kw, args));
        } else {
            SET_TOP(es_call_function_n_kw(fun, n_args, n_kw, args));
        }
        DISPATCH();
    }
    CASE(CALL_EX) {
        uint8_t has_kw = *ip++;
        es_obj_t kw = has_kw ? POP() : ES_OBJ_NULL;
        es_obj_t star = POP();
        sp -= 1;
        POLL();
        SET_TOP(es_call_function_star(sp[0], sp[1] != ES_OBJ_NULL, 0, sp + 1, star, kw));
        DISPATCH();
    }
    CASE(RETURN_VALUE) {
        es_obj_t value = POP();
        if (frame->caller != NULL) {
            frame = leave_call(frame);
            LOAD_FRAME();
            ip = frame->ip + 1; /* past the CALL that made the returning frame */
            size_t n;
            READ_UINT(n);
            READ_UINT(n);
            sp = frame->sp;
            SET_TOP(value);
            DISPATCH();
        }
        *result = value;
        frame->sp = sp;
        return DISPATCH_RETURN;
    }
    CASE(MAKE_FUNCTION) {
        size_t i;
        READ_UINT(i);
        uint8_t flags = *ip++;
        es_obj_t closure = (flags & 4) ? POP() : ES_OBJ_NULL;
        es_obj_t kwdefaults = (flags & 2) ? POP() : ES_OBJ_NULL;
        es_obj_t defaults = (flags & 1) ? POP() : ES_OBJ_NULL;
        PUSH(es_obj_new_function(es_obj_to_ptr(consts[i]), frame->globals, defaults, kwdefaults, closure));
        DISPATCH();
    }
    CASE(LOAD_BUILD_CLASS) {
        PUSH(es_load_build_class());
        DISPATCH();
    }
    CASE(IMPORT_NAME) {
        size_t q;
        READ_UINT(q);
        es_obj_t fromlist = POP();
        SET_TOP(es_import_name(q, fromlist, TOP()));
        DISPATCH();
    }
    CASE(IMPORT_FROM) {
        size_t q;
        READ_UINT(q);
        es_obj_t v = es_import_from(TOP(), q);
        PUSH(v);
        DISPATCH();
    }
    CASE(IMPORT_STAR) {
        es_import_all(POP());
        DISPATCH();
    }
    CASE(RAISE) {
        size_t n;
        READ_UINT(n);
        if (n == 0) {
            es_obj_t active = es_state.roots.active_exception;
            if (active == ES_OBJ_NULL) {
                es_raise_msg(&es_type_RuntimeError, "No active exception to reraise");
            }
            *result = active;
            return DISPATCH_RERAISE;
        }
        es_obj_t cause = n == 2 ? POP() : ES_OBJ_NULL;
        es_obj_t exc = make_exception(POP());
        if (n == 2) {
            set_cause(exc, cause);
        }
        *result = exc;
        return DISPATCH_RAISE;
    }
    CASE(RERAISE) {
        *result = POP();
        return DISPATCH_RERAISE;
    }
    CASE(PUSH_EXC_INFO) {
        es_obj_t exc = TOP();
        SET_TOP(es_state.roots.active_exception);
        PUSH(exc);
        es_state.roots.active_exception = exc;
        DISPATCH();
    }
    CASE(POP_EXCEPT) {
        es_state.roots.active_exception = POP();
        DISPATCH();
    }
    CASE(POP_EXCEPT_RERAISE) {
        *result = POP();
        es_state.roots.active_exception = POP();
        return DISPATCH_RERAISE;
    }
    CASE(CHECK_EXC_MATCH) {
        es_obj_t t = POP();
        check_exc_type(t);
        bool match = exc_matches(TOP(), t);
        PUSH(es_obj_new_bool(match));
        DISPATCH();
    }
    CASE(LOAD_ASSERTION_ERROR) {
        PUSH(es_obj_from_ptr(&es_type_AssertionError));
        DISPATCH();
    }
    CASE(BEFORE_WITH) {
        es_obj_t mgr = TOP();
        es_obj_t enter[2], exit[2];
        load_special(mgr, ES_Q___enter__, enter, "'%s' object does not support the context manager protocol");
        load_special(mgr, ES_Q___exit__, exit, "'%s' object does not support the context manager protocol");
        SET_TOP(bound(exit));
        es_obj_t r = es_call_method_n_kw(0, 0, enter);
        forget(enter);
        forget(exit);
        PUSH(r);
        DISPATCH();
    }
    CASE(BEFORE_ASYNC_WITH) {
        es_obj_t mgr = TOP();
        es_obj_t enter[2], exit[2];
        load_special(mgr, ES_Q___aenter__, enter, "'%s' object does not support the asynchronous context manager protocol");
        load_special(mgr, ES_Q___aexit__, exit, "'%s' object does not support the asynchronous context manager protocol");
        SET_TOP(bound(exit));
        es_obj_t r = es_call_method_n_kw(0, 0, enter);
        forget(enter);
        forget(exit);
        PUSH(r);
        DISPATCH();
    }
    CASE(WITH_EXCEPT_START) {
        es_obj_t exc = sp[0];
        es_obj_t args[3] = {es_obj_from_ptr(es_obj_exception_get_type(exc)), exc, ES_OBJ_NONE};
        es_obj_t r = es_call_function_n_kw(sp[-2], 3, 0, args);
        PUSH(r);
        DISPATCH();
    }
    CASE(YIELD_VALUE) {
        *result = POP();
        frame->sp = sp;
        return DISPATCH_YIELD;
    }
    CASE(YIELD_FROM) {
        es_obj_t value = POP();
        es_obj_t v;
        if (yield_from_send(TOP(), value, &v) == ES_VM_YIELD) {
            *result = v;
            frame->sp = sp;
            return DISPATCH_YIELD;
        }
        SET_TOP(v);
        DISPATCH();
    }
    CASE(GET_YIELD_FROM_ITER) {
        if (!es_obj_is_generator(TOP())) {
            SET_TOP(es_getiter(TOP(), NULL));
        }
        DISPATCH();
    }
    CASE(GET_AWAITABLE) {
        SET_TOP(get_awaitable(TOP()));
        DISPATCH();
    }
    CASE(GET_AITER) {
        es_obj_t dest[2];
        load_special(TOP(), ES_Q___aiter__, dest, "'async for' requires an object with __aiter__ method, got %s");
        SET_TOP(es_call_method_n_kw(0, 0, dest));
        DISPATCH();
    }
    CASE(GET_ANEXT) {
        es_obj_t dest[2];
        load_special(TOP(), ES_Q___anext__, dest, "'async for' requires an iterator with __anext__ method, got %s");
        es_obj_t awaitable = get_awaitable(es_call_method_n_kw(0, 0, dest));
        PUSH(awaitable);
        DISPATCH();
    }
    CASE(END_ASYNC_FOR) {
        es_obj_t exc = POP();
        if (!es_obj_exception_match(exc, &es_type_StopAsyncIteration)) {
            *result = exc;
            return DISPATCH_RERAISE;
        }
        sp--;
        DISPATCH();
    }
    CASE(PRINT_EXPR) {
        print_expr(POP());
        DISPATCH();
    }

#if !USE_COMPUTED_GOTO
    default:
        es_fatal_error("bad opcode");
    }
#endif
}

/* ---- exceptions --------------------------------------------------------------------- */

/* Records the exception in this frame and moves to its handler; false when none applies. */
static bool unwind(es_frame_t *frame, es_obj_t exc, bool fresh) {
    const es_code_t *code = frame->code;
    size_t offset = (size_t)(frame->ip - es_code_bytecode(code));
    if (fresh && es_obj_is_exception_instance(exc)) {
        /* an instance of a user exception class keeps the exception fields in its built-in part */
        es_obj_t native = es_instance_native(exc);
        es_obj_exception_t *e = es_obj_to_ptr(native != ES_OBJ_NULL ? native : exc);
        es_obj_t active = es_state.roots.active_exception;
        if (active != ES_OBJ_NULL && active != exc && e->context == ES_OBJ_NULL) {
            e->context = active;
        }
        es_obj_exception_add_traceback(exc, code->filename, es_code_line_for_offset(code, offset), code->name);
    }
    const uint8_t *p = es_code_exc_table(code);
    const uint8_t *end = p + code->exc_len;
    while (p < end) {
        size_t start = es_bc_read_uint(&p);
        size_t len = es_bc_read_uint(&p);
        size_t handler = es_bc_read_uint(&p);
        size_t depth = es_bc_read_uint(&p);
        if (offset >= start && offset < start + len) {
            es_obj_t *sp = frame->slots + code->n_slots + depth;
            *sp = exc;
            frame->sp = sp;
            frame->ip = es_code_bytecode(code) + handler;
            return true;
        }
    }
    return false;
}

/*
** One dispatch loop on the C stack. Runs form a chain from the innermost out, so the
** collector finds every frame in use: each run's innermost frame, and through `caller`
** the arena frames below it. run_frames never lets an exception escape (unwind cannot
** raise), so a run always unlinks itself.
*/
typedef struct vm_run_t {
    es_frame_t *volatile current; /* the innermost frame: dispatch moves it on calls and returns */
    struct vm_run_t *outer;
    es_obj_t *outer_sp; /* live_sp of the outer run's running frame, while this run goes on */
} vm_run_t;

static vm_run_t *innermost_run;

/*
** The conservative scan of the C stack sees every word of the live C frames, including
** words they have not written yet, which still hold what deeper calls left there. Before
** the dispatch loop is entered afresh (at the outermost run, after an exception was
** handled) the stack just below is cleared, so those leftovers -- the handled exception,
** the compiler's trees -- are not mistaken for live references.
*/
#ifndef ES_STACK_SCRUB_BYTES
#define ES_STACK_SCRUB_BYTES (UINTPTR_MAX > 0xffffffffu ? 1024 : 256)
#endif

static __attribute__((noinline)) void scrub_stack_below(void) {
    char words[ES_STACK_SCRUB_BYTES];
    memset(words, 0, sizeof(words));
    __asm__ volatile("" : : "r"(words) : "memory"); /* the stores must happen */
}

/*
** After an exception (in *result) left `dispatch`: unwinds to a handler in this run's frames,
** or gives false when none has one, *result being the exception. Kept out of run_frames so
** the exception is never in a register that its next setjmp saves.
*/
static __attribute__((noinline)) bool handle_exception(vm_run_t *run, bool fresh, es_obj_t *result) {
    es_obj_t exc = *result;
    es_globals_set(run->current->globals);
    /* Frames called from this loop that cannot handle the exception pass it to their callers. */
    while (!unwind(run->current, exc, fresh)) {
        if (run->current->caller == NULL) {
            return false;
        }
        run->current = leave_call(run->current);
        fresh = true;
    }
    *result = ES_OBJ_NULL; /* only the handler's stack slot holds the exception now */
    return true;
}

static es_vm_return_t run_frames(vm_run_t *run, es_obj_t throw_exc, es_obj_t *result) {
    es_frame_t *frame = run->current;
    es_globals_set(frame->globals);
    if (throw_exc != ES_OBJ_NULL && !unwind(frame, throw_exc, true)) {
        *result = throw_exc;
        return ES_VM_EXCEPTION;
    }
    for (;;) {
        es_nlr_buf_t nlr;
        bool fresh = true;
        if (es_nlr_push(&nlr) == 0) {
            dispatch_result_t r = dispatch(&run->current, result);
            es_nlr_pop();
            if (r == DISPATCH_RETURN) {
                return ES_VM_RETURN;
            }
            if (r == DISPATCH_YIELD) {
                return ES_VM_YIELD;
            }
            fresh = r == DISPATCH_RAISE;
        } else {
            *result = nlr.ret_val;
            nlr.ret_val = ES_OBJ_NULL;
        }
        if (!handle_exception(run, fresh, result)) {
            return ES_VM_EXCEPTION;
        }
        scrub_stack_below();
    }
}

static es_vm_return_t execute(es_frame_t *frame, es_obj_t throw_exc, es_obj_t *result) {
    vm_run_t run = {.current = frame, .outer = innermost_run, .outer_sp = live_sp};
    innermost_run = &run;
    live_sp = frame->sp;
    es_vm_return_t r = run_frames(&run, throw_exc, result);
    innermost_run = run.outer;
    live_sp = run.outer_sp;
    return r;
}

static void clear_above(es_frame_t *frame, es_obj_t *sp) {
    es_obj_t *end = frame->slots + es_frame_words(frame->code);
    for (es_obj_t *p = sp + 1; p < end; p++) {
        *p = ES_OBJ_NULL;
    }
}

void es_vm_clear_dead_slots(void) {
    es_obj_t *running_sp = live_sp;
    for (vm_run_t *run = innermost_run; run != NULL; run = run->outer) {
        clear_above(run->current, running_sp);
        for (es_frame_t *f = run->current->caller; f != NULL; f = f->caller) {
            clear_above(f, f->sp);
        }
        running_sp = run->outer_sp;
    }
    if (arena != NULL && arena_dirty > arena_top) {
        memset(arena + arena_top, 0, (arena_dirty - arena_top) * sizeof(es_obj_t));
    }
    arena_dirty = arena_top;
    es_gen_clear_dead_slots();
}

void es_vm_heap_reset(void) {
    vm_running = false;
    innermost_run = NULL;
    live_sp = NULL;
    arena = NULL;
    arena_top = arena_dirty = call_frame_bytes = 0;
    es_gen_forget_dirty();
}

/* The outermost run owns the call arena: allocated here, reachable from this C frame, freed on the way out. */
static es_vm_return_t execute_outermost(es_frame_t *frame, es_obj_t throw_exc, es_obj_t *result) {
    es_obj_t *volatile own = es_gc_alloc(ES_CALL_ARENA_BYTES, false);
    arena = own;
    arena_top = 0;
    arena_dirty = 0;
    call_frame_bytes = 0;
    vm_running = true;
    scrub_stack_below();
    es_nlr_buf_t nlr;
    es_vm_return_t r = ES_VM_RETURN;
    bool raised = es_nlr_push(&nlr) != 0;
    if (!raised) {
        r = execute(frame, throw_exc, result);
        es_nlr_pop();
    }
    vm_running = false;
    innermost_run = NULL; /* runs end themselves; this only matters when something escaped one */
    arena = NULL;
    if (own != NULL) {
        es_gc_free(own);
    }
    if (raised) {
        es_nlr_jump(nlr.ret_val);
    }
    return r;
}

es_vm_return_t es_vm_execute(es_frame_t *frame, es_obj_t throw_exc, es_obj_t *result) {
    if (!vm_running) {
        return execute_outermost(frame, throw_exc, result);
    }
    return execute(frame, throw_exc, result);
}
