/* bc.h: the bytecode: opcodes, operand encoding, code objects, frames and function objects. */
#pragma once

#include "py/map.h"
#include "py/obj.h"

/*
** +--------------------------------------------------------------------------------------+
** | Encoding                                                                             |
** |                                                                                      |
** | An instruction is one opcode byte followed by its operands:                          |
** |   U  unsigned varint: 7 bits a byte, least significant group first, high bit = more. |
** |      Values below 128 (most local slots, names, counts) take one byte.               |
** |   S  signed varint: zigzag-mapped then encoded as U (LOAD_SMALL_INT).                |
** |   J  jump: 2 bytes, little endian, signed, relative to the end of the instruction.   |
** |      Fixed width so forward jumps are patched in place; functions are limited to     |
** |      32 KB of bytecode (SyntaxError beyond).                                         |
** |   B  one raw byte (operator number, flags).                                          |
** |                                                                                      |
** | Exceptions cost nothing until raised: the compiler writes a table of runs            |
** | (start, end, handler, depth) as U values after the line table. On an exception the   |
** | VM finds the run holding the faulting instruction, cuts the value stack back to      |
** | `depth`, pushes the exception and jumps to `handler`. try/finally and with bodies    |
** | that are left by return/break/continue get their cleanup inlined by the compiler.    |
** |                                                                                      |
** | Line table: the first line (U), then pairs (U bytecode-offset delta, S line delta)   |
** | from (0, first line).                                                                |
** |                                                                                      |
** | Lookup caches: LOAD_GLOBAL and LOAD_NAME carry a cache slot number (U) into the      |
** | code object's cache array in RAM. A slot holds the position of the name in the map   |
** | that answered last time; it is only a hint, checked before use. Attributes are       |
** | cached by type and name instead (py/attrcache.c), so they carry no slot.             |
** +--------------------------------------------------------------------------------------+
*/

/* X(name, operands) where operands spell the encoding above. */
#define ES_BC_OPCODES(X)                                                                           \
    X(NOP, "")                                                                                     \
    X(POP_TOP, "")                                                                                 \
    X(COPY, "U")             /* push stack[-n] (n >= 1) */                                         \
    X(SWAP, "U")             /* swap top with stack[-n] */                                         \
    X(ROT_THREE, "")         /* a b c -> c a b */                                                  \
    X(LOAD_CONST, "U")                                                                             \
    X(LOAD_QSTR, "U")        /* an interned string */                                              \
    X(LOAD_SMALL_INT, "S")                                                                         \
    X(LOAD_NONE, "")                                                                               \
    X(LOAD_TRUE, "")                                                                               \
    X(LOAD_FALSE, "")                                                                              \
    X(LOAD_NULL, "")         /* not a value: "no self" before a call, "no exception" marker */    \
    X(LOAD_FAST, "U")                                                                              \
    X(STORE_FAST, "U")                                                                             \
    X(DELETE_FAST, "U")                                                                            \
    X(LOAD_DEREF, "U")       /* slot holds a cell */                                               \
    X(STORE_DEREF, "U")                                                                            \
    X(DELETE_DEREF, "U")                                                                           \
    X(LOAD_CLOSURE, "U")     /* push the cell itself */                                            \
    X(LOAD_CLASSDEREF, "UU") /* qstr, slot: class body reading a free variable */                 \
    X(LOAD_NAME, "UU")       /* qstr, cache slot (used when locals are the globals) */            \
    X(STORE_NAME, "U")                                                                             \
    X(DELETE_NAME, "U")                                                                            \
    X(LOAD_GLOBAL, "UU")     /* qstr, cache slot */                                                \
    X(STORE_GLOBAL, "U")                                                                           \
    X(DELETE_GLOBAL, "U")                                                                          \
    X(LOAD_ATTR, "U")                                                                              \
    X(STORE_ATTR, "U")                                                                             \
    X(DELETE_ATTR, "U")                                                                            \
    X(LOAD_METHOD, "U")      /* obj -> fun self|NULL */                                            \
    X(BINARY_SUBSCR, "")                                                                           \
    X(STORE_SUBSCR, "")      /* value obj index */                                                 \
    X(DELETE_SUBSCR, "")                                                                           \
    X(BUILD_SLICE, "U")                                                                            \
    X(UNARY_OP, "B")         /* es_unary_op_t */                                                   \
    X(NOT, "")                                                                                     \
    X(BINARY_OP, "B")        /* es_binary_op_t */                                                  \
    X(ADD, "")                                                                                     \
    X(SUB, "")                                                                                     \
    X(MUL, "")                                                                                     \
    X(FLOORDIV, "")                                                                                \
    X(MOD, "")                                                                                     \
    X(LT, "")                                                                                      \
    X(LE, "")                                                                                      \
    X(GT, "")                                                                                      \
    X(GE, "")                                                                                      \
    X(EQ, "")                                                                                      \
    X(NE, "")                                                                                      \
    X(IS_OP, "B")            /* 1 = is not */                                                      \
    X(CONTAINS_OP, "B")      /* 1 = not in */                                                      \
    X(BUILD_TUPLE, "U")                                                                            \
    X(BUILD_LIST, "U")                                                                             \
    X(BUILD_SET, "U")                                                                              \
    X(BUILD_MAP, "U")        /* n key/value pairs */                                               \
    X(BUILD_STRING, "U")                                                                           \
    X(LIST_APPEND, "U")      /* list at stack[-n] after popping the item */                       \
    X(SET_ADD, "U")                                                                                \
    X(MAP_ADD, "U")          /* key value */                                                       \
    X(LIST_EXTEND, "U")                                                                            \
    X(SET_UPDATE, "U")                                                                             \
    X(DICT_UPDATE, "U")                                                                            \
    X(DICT_MERGE, "U")       /* as DICT_UPDATE, TypeError on repeated keys (calls) */             \
    X(LIST_TO_TUPLE, "")                                                                           \
    X(UNPACK_SEQUENCE, "U")                                                                        \
    X(UNPACK_EX, "UU")       /* before, after */                                                   \
    X(FORMAT_VALUE, "B")     /* bits 0-1: none/str/repr/ascii, bit 2: spec on stack */            \
    X(JUMP, "J")                                                                                   \
    X(POP_JUMP_IF_FALSE, "J")                                                                      \
    X(POP_JUMP_IF_TRUE, "J")                                                                       \
    X(JUMP_IF_FALSE_OR_POP, "J")                                                                   \
    X(JUMP_IF_TRUE_OR_POP, "J")                                                                    \
    X(POP_JUMP_IF_NOT_NONE, "J")                                                                   \
    X(GET_ITER, "")          /* obj -> iter */                                                     \
    X(FOR_ITER, "J")         /* iter -> iter item, or pop iter and jump */                        \
    X(CALL, "UU")            /* fun self|NULL args... (key value)... */                            \
    X(CALL_EX, "B")          /* fun self|NULL argtuple [kwdict if B] */                           \
    X(RETURN_VALUE, "")                                                                            \
    X(MAKE_FUNCTION, "UB")   /* const code; B: 1 defaults, 2 kwdefaults, 4 closure */             \
    X(LOAD_BUILD_CLASS, "")                                                                        \
    X(IMPORT_NAME, "U")      /* level fromlist -> module */                                        \
    X(IMPORT_FROM, "U")                                                                            \
    X(IMPORT_STAR, "")                                                                             \
    X(RAISE, "U")            /* 0 bare, 1 exc, 2 exc cause */                                      \
    X(RERAISE, "")           /* exc: raise again keeping its traceback */                          \
    X(PUSH_EXC_INFO, "")     /* exc -> prev_active exc; active = exc */                            \
    X(POP_EXCEPT, "")        /* prev_active -> ; active = prev_active */                           \
    X(POP_EXCEPT_RERAISE, "") /* prev_active exc -> raise exc with active = prev_active */         \
    X(CHECK_EXC_MATCH, "")   /* exc type -> exc bool */                                            \
    X(LOAD_ASSERTION_ERROR, "")                                                                    \
    X(BEFORE_WITH, "")       /* mgr -> exit enter_result */                                        \
    X(BEFORE_ASYNC_WITH, "") /* mgr -> exit awaitable */                                           \
    X(WITH_EXCEPT_START, "") /* exit prev exc -> exit prev exc result */                           \
    X(YIELD_VALUE, "")                                                                             \
    X(YIELD_FROM, "")        /* iter value -> result (resumes until the iterator finishes) */     \
    X(GET_YIELD_FROM_ITER, "")                                                                     \
    X(GET_AWAITABLE, "")                                                                           \
    X(GET_AITER, "")                                                                               \
    X(GET_ANEXT, "")         /* aiter -> aiter awaitable */                                        \
    X(END_ASYNC_FOR, "")     /* aiter exc -> (StopAsyncIteration) or reraise */                    \
    X(PRINT_EXPR, "")

typedef enum {
#define ES_BC_ENUM(name, ops) ES_BC_##name,
    ES_BC_OPCODES(ES_BC_ENUM)
#undef ES_BC_ENUM
    ES_BC_NUM_OPCODES
} es_bc_opcode_t;

/* Code flags */
#define ES_CODE_FLAG_VARARGS (0x01)
#define ES_CODE_FLAG_VARKW (0x02)
#define ES_CODE_FLAG_GENERATOR (0x04)
#define ES_CODE_FLAG_COROUTINE (0x08)
#define ES_CODE_FLAG_ASYNC_GENERATOR (0x10)

/* Names in a code object: 16 bits where pointers are (the compiler checks that they fit). */
#if UINTPTR_MAX > 0xffffffffu
typedef uint32_t es_code_qstr_t;
#else
typedef uint16_t es_code_qstr_t;
#endif

/*
** A compiled function body. The slot array of a frame holds, in order: parameters and
** locals, cells made by this function (n_cells, some may be parameter slots listed in
** the cell slots), then the free variables taken from the closure (last n_free slots).
**
** One block holds the header and, after it, laid out as the accessors below compute:
**   es_obj_t        consts[n_consts]
**   uint16_t        cache[n_cache]       lookup hints (RAM only: code in flash has none)
**   uint8_t         bytecode[bc_len], line table[line_len], exception table[exc_len]
**   es_code_qstr_t  slot_names[n_slots]  (aligned) names for keywords and error messages
**   uint16_t        cell_slots[n_cells]  slots to turn into cells on entry
** What every call needs (constants, bytecode) sits at offsets cheap to compute.
** The compiler makes it with one allocation; frozen code is one const struct of that shape.
*/
typedef struct es_code_t {
    es_obj_base_t base;
    uint16_t bc_len;
    uint16_t line_len; /* the first line (U), then the pairs (see the encoding above) */
    uint16_t exc_len;
    uint16_t n_consts;
    uint16_t n_slots;
    uint16_t n_cells;
    uint16_t n_free;
    uint16_t stack_size;
    uint16_t n_pos; /* positional parameters, positional-only included */
    uint16_t n_posonly;
    uint16_t n_kwonly;
    uint16_t n_cache;
    es_code_qstr_t name;
    es_code_qstr_t qualname;
    es_code_qstr_t filename;
    uint8_t flags;
} es_code_t;

_Static_assert(sizeof(es_code_t) % sizeof(es_obj_t) == 0, "the constants follow the header without padding");
_Static_assert(UINTPTR_MAX > 0xffffffffu || sizeof(es_code_t) <= 36, "the code header stays small on 32-bit builds");

static inline const es_obj_t *es_code_consts(const es_code_t *c) { return (const es_obj_t *)(c + 1); }
/* NULL for code in flash (n_cache is 0): the hints are written, so only RAM code has them. */
static inline uint16_t *es_code_cache(const es_code_t *c) {
    return c->n_cache ? (uint16_t *)(es_code_consts(c) + c->n_consts) : NULL;
}
static inline const uint8_t *es_code_bytecode(const es_code_t *c) {
    return (const uint8_t *)((const uint16_t *)(es_code_consts(c) + c->n_consts) + c->n_cache);
}
static inline const uint8_t *es_code_line_table(const es_code_t *c) { return es_code_bytecode(c) + c->bc_len; }
static inline const uint8_t *es_code_exc_table(const es_code_t *c) { return es_code_line_table(c) + c->line_len; }
/* Where the names start: `offset` (from the header) rounded up to their alignment. */
static inline size_t es_code_names_offset(size_t offset) {
    return (offset + sizeof(es_code_qstr_t) - 1) & ~(sizeof(es_code_qstr_t) - 1);
}
static inline const es_code_qstr_t *es_code_slot_names(const es_code_t *c) {
    size_t end = (size_t)(es_code_exc_table(c) + c->exc_len - (const uint8_t *)c);
    return (const es_code_qstr_t *)((const uint8_t *)c + es_code_names_offset(end));
}
static inline const uint16_t *es_code_cell_slots(const es_code_t *c) {
    return (const uint16_t *)(es_code_slot_names(c) + c->n_slots);
}
/* Bytes of a code object with these counts and this many bytes of bytecode and tables. */
static inline size_t es_code_size(size_t n_consts, size_t n_cache, size_t n_bytes, size_t n_slots, size_t n_cells) {
    size_t end = sizeof(es_code_t) + sizeof(es_obj_t) * n_consts + sizeof(uint16_t) * n_cache + n_bytes;
    return es_code_names_offset(end) + sizeof(es_code_qstr_t) * n_slots + sizeof(uint16_t) * n_cells;
}
size_t es_code_first_line(const es_code_t *code);
size_t es_code_line_for_offset(const es_code_t *code, size_t offset);

/* What few functions have, so that the common function is four words: it follows the function in
** the same allocation when the function is made with any of it, else it is made on first need. */
typedef struct es_fun_extra_t {
    es_obj_t defaults;   /* tuple or ES_OBJ_NULL */
    es_obj_t kwdefaults; /* dict or ES_OBJ_NULL */
    es_obj_t closure;    /* tuple of cells or ES_OBJ_NULL */
    es_obj_t attrs;      /* dict of attributes set from Python, made on first store */
} es_fun_extra_t;

/* A Python function. Generator and coroutine functions share the type; the code flags differ. */
typedef struct es_obj_fun_t {
    es_obj_base_t base;
    const es_code_t *code;
    es_obj_dict_t *globals;
    es_fun_extra_t *extra; /* NULL while the function has no defaults, closure or attributes */
} es_obj_fun_t;

_Static_assert(sizeof(es_obj_fun_t) == 4 * sizeof(void *), "a plain function is one GC block on 32-bit builds");

static inline es_obj_t es_fun_defaults(const es_obj_fun_t *f) { return f->extra ? f->extra->defaults : ES_OBJ_NULL; }
static inline es_obj_t es_fun_kwdefaults(const es_obj_fun_t *f) { return f->extra ? f->extra->kwdefaults : ES_OBJ_NULL; }
static inline es_obj_t es_fun_closure(const es_obj_fun_t *f) { return f->extra ? f->extra->closure : ES_OBJ_NULL; }

/*
** An activation of a code object: on the C stack for calls from C, inside the generator
** for generators, in the heap for Python-to-Python calls the VM makes without recursing
** in C (those have `caller`, the frame to return to; see py/vm.c).
*/
typedef struct es_frame_t {
    const es_code_t *code;
    /* ip and sp are stored by every instruction; kept apart so that GCC does not merge the two
    ** stores into one vector store, which makes the dispatch tail too long to be copied into
    ** each instruction (all would then share one indirect jump, which predicts badly). */
    const uint8_t *ip; /* start of the current instruction; the resume point when suspended */
    es_obj_dict_t *globals;
    struct es_frame_t *caller; /* NULL unless run inside the caller's dispatch loop */
    es_obj_t *sp;      /* top of the value stack, as of the current instruction's start (py/vm.c) */
    es_obj_t slots[];  /* n_slots, then stack_size words of value stack */
} es_frame_t;

typedef enum {
    ES_VM_RETURN,    /* *result is the return value */
    ES_VM_YIELD,     /* *result is the yielded value; the frame can be resumed */
    ES_VM_EXCEPTION, /* *result is the exception (generators only; calls re-raise) */
} es_vm_return_t;

static inline size_t es_frame_words(const es_code_t *code) { return code->n_slots + code->stack_size; }

/* Fills the frame's slots from call arguments (TypeError on mismatch) and makes cells. */
void es_fun_bind_args(const es_obj_fun_t *fun, es_frame_t *frame, size_t n_args, size_t n_kw, const es_obj_t *args);
es_obj_t es_obj_new_function(const es_code_t *code, es_obj_dict_t *globals, es_obj_t defaults,
                             es_obj_t kwdefaults, es_obj_t closure);
es_obj_t es_obj_new_generator(const es_obj_fun_t *fun, size_t n_args, size_t n_kw, const es_obj_t *args);

/*
** Runs (or resumes) a frame from frame->ip with frame->sp. throw_exc, when not NULL, is
** raised at the current instruction first. An exception that leaves the frame is returned
** as ES_VM_EXCEPTION (with this frame's traceback entry added); the caller re-raises it.
** Sets the running globals to the frame's; the caller restores its own.
*/
es_vm_return_t es_vm_execute(es_frame_t *frame, es_obj_t throw_exc, es_obj_t *result);

/* Called by the collector before it marks: clears the value-stack slots above each running
** frame's sp and the call arena above its top, so values popped earlier are not kept alive.
** Generators that ran since the last collection get the same (es_gen_clear_dead_slots). */
void es_vm_clear_dead_slots(void);
void es_gen_clear_dead_slots(void);
/* Called when a new heap starts: nothing may point into the old one any more. */
void es_vm_heap_reset(void);
void es_gen_forget_dirty(void);

/* Calls a Python function (the call slot of es_type_function). */
es_obj_t es_fun_call(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args);

/* A cell: one variable shared between a function and the functions nested in it. */
typedef struct es_obj_cell_t {
    es_obj_base_t base;
    es_obj_t value; /* ES_OBJ_NULL while unbound */
} es_obj_cell_t;

/* Generators: resume with a sent value or a thrown exception. */
es_vm_return_t es_gen_resume(es_obj_t gen, es_obj_t send_value, es_obj_t throw_value, es_obj_t *result);
bool es_obj_is_generator(es_obj_t o);
/* After a generator's iternext reported exhaustion: the value its `return` gave (for
** StopIteration.value in next()), once; ES_OBJ_NULL for None, or for other objects. */
es_obj_t es_gen_take_return_value(es_obj_t gen);

/* Varint coding shared by the VM, the compiler and the line table. */
static inline size_t es_bc_uint_len(size_t v) {
    size_t n = 1;
    while (v >>= 7) {
        n++;
    }
    return n;
}
static inline uint8_t *es_bc_write_uint(uint8_t *p, size_t v) {
    do {
        uint8_t b = v & 0x7f;
        v >>= 7;
        *p++ = b | (v ? 0x80 : 0);
    } while (v);
    return p;
}
static inline size_t es_bc_read_uint(const uint8_t **p) {
    size_t v = 0;
    unsigned shift = 0;
    uint8_t b;
    do {
        b = *(*p)++;
        v |= (size_t)(b & 0x7f) << shift;
        shift += 7;
    } while (b & 0x80);
    return v;
}
static inline es_int_t es_bc_read_sint(const uint8_t **p) {
    size_t u = es_bc_read_uint(p);
    return (es_int_t)(u >> 1) ^ -(es_int_t)(u & 1);
}
