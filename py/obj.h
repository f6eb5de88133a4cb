/* obj.h: the object word, the object header, type slots and the core object API. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "py/config.h"
#include "py/qstr.h"

/*
** An object is one machine word (es_obj_t). The low bits say what it holds:
**   ...xxxx1  small int, value = word >> 1 (arithmetic shift)      [32-bit builds]
**   ...xxx01  small int, value = word >> 2                         [64-bit builds]
**   ...xxx11  float, the IEEE double re-encoded (see below)        [64-bit builds]
**   ...xx010  interned string (qstr), index = word >> 3
**   ...xx110  immediate constant: None, False, True (words 0x06, 0x0e, 0x16);
**             any other word with this tag is a single-precision float      [ESP8266 builds]
**   ...xxx00  pointer to a struct whose first member is es_obj_base_t
** Code outside this header uses only the functions below, so a build can change
** the representation.
**
** Floats on 64-bit builds need no heap: a double whose exponent lies in [-255, 256]
** (magnitude 2**-255 up to 2**257, i.e. every float a program normally meets) has the
** top three exponent bits 011 or 100, so two of them follow from the third. Dropping
** those two bits leaves 62 bits, stored above the tag 11 with the sign kept in bit 63.
** Zero takes the code of 2**-255, which is boxed instead; everything else outside the
** range (inf, nan, subnormals, huge values) is boxed as es_obj_float_t in the heap.
**
** Single-precision floats (the ESP8266 builds) need no heap either when their exponent
** lies in [-15, 16] (magnitude 2**-15 ~ 3.05e-5 up to 2**17 = 131072): the tag 110 leaves
** 29 bits, the sign and the 23 mantissa bits take 24, and the exponent, counted from -15,
** takes the other 5. The word is sign (bit 31) | code << 3 | 110, where the 28-bit code is
** (IEEE bits without the sign - those of 2**-15) ^ 0x07ffffff: a subtraction, an xor and a
** shift each way, and nothing is lost. The xor moves two kinds of words to floats nobody
** meets: codes 0-3 (None, False and True with a clear sign bit, unused with it set, and
** zero of either sign) are the four floats just below 2.0, 1.9999995 to 1.9999999, which are
** boxed instead; and the words that look like pointers into the ESP8266's DRAM heap
** (0x3ffe8000-0x3fffc000) are floats within 0.15% above 2**-15, so a float's word hardly
** ever keeps a dead heap block alive in the conservative scan. inf, nan, subnormals and
** magnitudes outside the range are boxed. The encoding works on the low 32 bits, so
** build/esp8266-sim (64-bit words, single floats) boxes exactly the floats the chip boxes.
*/
typedef uintptr_t es_obj_t;
typedef intptr_t es_int_t;
typedef uintptr_t es_uint_t;

/* Not a Python value: "no object", "end of iteration", "not found". */
#define ES_OBJ_NULL ((es_obj_t)0)
/* Not a Python value: a marker distinct from NULL (e.g. "load" in subscr). */
#define ES_OBJ_SENTINEL ((es_obj_t)4)
/* Returned by iternext when an iterator is exhausted. */
#define ES_OBJ_STOP_ITERATION ES_OBJ_NULL

#define ES_OBJ_NONE ((es_obj_t)0x06)
#define ES_OBJ_FALSE ((es_obj_t)0x0e)
#define ES_OBJ_TRUE ((es_obj_t)0x16)

/* How floats are represented; ES_OBJ_SINGLE_FLOATS_IMMEDIATE (0) boxes every single float. */
#define ES_OBJ_FLOATS_BOXED (0)
#define ES_OBJ_FLOATS_IMMEDIATE_DOUBLE (1) /* 64-bit words, double precision (the host) */
#define ES_OBJ_FLOATS_IMMEDIATE_SINGLE (2) /* single precision in 32 bits (the ESP8266 builds) */
#ifndef ES_OBJ_SINGLE_FLOATS_IMMEDIATE
#define ES_OBJ_SINGLE_FLOATS_IMMEDIATE (1)
#endif

#if UINTPTR_MAX > 0xffffffffu && !ES_FLOAT_IS_SINGLE
#define ES_OBJ_FLOAT_REPR ES_OBJ_FLOATS_IMMEDIATE_DOUBLE
#define ES_SMALL_INT_SHIFT (2)
#else
#if ES_FLOAT_IS_SINGLE && ES_OBJ_SINGLE_FLOATS_IMMEDIATE
#define ES_OBJ_FLOAT_REPR ES_OBJ_FLOATS_IMMEDIATE_SINGLE
#else
#define ES_OBJ_FLOAT_REPR ES_OBJ_FLOATS_BOXED
#endif
#define ES_SMALL_INT_SHIFT (1)
#endif
#define ES_OBJ_IMMEDIATE_FLOATS (ES_OBJ_FLOAT_REPR != ES_OBJ_FLOATS_BOXED)

#define ES_SMALL_INT_MIN ((es_int_t)(INTPTR_MIN >> ES_SMALL_INT_SHIFT))
#define ES_SMALL_INT_MAX ((es_int_t)(INTPTR_MAX >> ES_SMALL_INT_SHIFT))

/* Tagged small ints add, subtract and compare as words: (a<<s|1) + (b<<s|1) - 1 == (a+b)<<s|1. */
static inline bool es_obj_is_small_int(es_obj_t o) { return (o & ((1u << ES_SMALL_INT_SHIFT) - 1)) == 1; }
static inline es_int_t es_small_int_value(es_obj_t o) { return ((es_int_t)o) >> ES_SMALL_INT_SHIFT; }
static inline es_obj_t es_obj_new_small_int(es_int_t v) { return (es_obj_t)(((es_uint_t)v << ES_SMALL_INT_SHIFT) | 1); }
static inline bool es_small_int_fits(es_int_t v) { return v >= ES_SMALL_INT_MIN && v <= ES_SMALL_INT_MAX; }

static inline bool es_obj_is_qstr(es_obj_t o) { return (o & 7) == 2; }
static inline es_qstr_t es_obj_qstr_value(es_obj_t o) { return (es_qstr_t)(o >> 3); }
static inline es_obj_t es_obj_new_qstr(es_qstr_t q) { return ((es_obj_t)q << 3) | 2; }

/* Constant-expression forms, for initialisers of const tables. */
#define ES_OBJ_NEW_QSTR(q) ((es_obj_t)(((es_obj_t)(q) << 3) | 2))
#define ES_OBJ_NEW_SMALL_INT(v) ((es_obj_t)((((es_uint_t)(v)) << ES_SMALL_INT_SHIFT) | 1))

/* None, False or True (on ESP8266 builds the other words tagged 110 are floats). */
static inline bool es_obj_is_immediate(es_obj_t o) {
    return (o & 7) == 6 && (ES_OBJ_FLOAT_REPR != ES_OBJ_FLOATS_IMMEDIATE_SINGLE || o <= ES_OBJ_TRUE);
}
static inline bool es_obj_is_ptr(es_obj_t o) { return (o & 3) == 0 && o > ES_OBJ_SENTINEL; }
static inline es_obj_t es_obj_from_ptr(const void *p) { return (es_obj_t)p; }
static inline void *es_obj_to_ptr(es_obj_t o) { return (void *)o; }
static inline es_obj_t es_obj_new_bool(bool b) { return b ? ES_OBJ_TRUE : ES_OBJ_FALSE; }

/* Every heap or const object starts with this header. */
struct es_type_t;
typedef struct es_obj_base_t {
    const struct es_type_t *type;
} es_obj_base_t;

/* Statically defined objects are declared const so they stay in flash. */
#define ES_OBJ_FROM_CONST(x) ((es_obj_t)(const void *)&(x))

/* ---- printing -------------------------------------------------------------- */

/* Where text goes: a stream (stdout, a file) or a growing buffer. */
typedef struct es_print_t {
    void *data;
    void (*write)(void *data, const char *str, size_t len);
} es_print_t;

typedef enum {
    ES_PRINT_STR = 0,  /* str(): what print() shows */
    ES_PRINT_REPR = 1, /* repr() */
} es_print_kind_t;

/* ---- operators ---------------------------------------------------------------- */

typedef enum {
    ES_UNARY_OP_BOOL, /* __bool__: must return ES_OBJ_TRUE/FALSE */
    ES_UNARY_OP_LEN,  /* __len__: must return a small int */
    ES_UNARY_OP_HASH, /* __hash__: must return a small int */
    ES_UNARY_OP_POSITIVE,
    ES_UNARY_OP_NEGATIVE,
    ES_UNARY_OP_INVERT,
    ES_UNARY_OP_NOT,
    ES_UNARY_OP_ABS,
    ES_UNARY_OP_INT,   /* __int__ */
    ES_UNARY_OP_FLOAT, /* __float__ */
    ES_UNARY_OP_INDEX, /* __index__ */
    ES_UNARY_OP_SIZEOF,
    ES_UNARY_OP_NUM_OPS
} es_unary_op_t;

/*
** Binary operators. The in-place forms come first, in the same order as the plain
** forms, so that ES_BINARY_OP_ADD == ES_BINARY_OP_INPLACE_ADD + ES_BINARY_OP_INPLACE_OFFSET.
** A type's binary_op returns ES_OBJ_NULL when it does not support the operation with
** that right operand, so that the runtime can try the reflected form.
*/
typedef enum {
    /* comparisons: return ES_OBJ_TRUE/FALSE or NULL if unsupported */
    ES_BINARY_OP_LESS,
    ES_BINARY_OP_MORE,
    ES_BINARY_OP_EQUAL,
    ES_BINARY_OP_LESS_EQUAL,
    ES_BINARY_OP_MORE_EQUAL,
    ES_BINARY_OP_NOT_EQUAL,
    ES_BINARY_OP_IN, /* lhs.__contains__(rhs) */
    ES_BINARY_OP_IS,
    ES_BINARY_OP_EXCEPTION_MATCH,

    ES_BINARY_OP_INPLACE_OR,
    ES_BINARY_OP_INPLACE_XOR,
    ES_BINARY_OP_INPLACE_AND,
    ES_BINARY_OP_INPLACE_LSHIFT,
    ES_BINARY_OP_INPLACE_RSHIFT,
    ES_BINARY_OP_INPLACE_ADD,
    ES_BINARY_OP_INPLACE_SUBTRACT,
    ES_BINARY_OP_INPLACE_MULTIPLY,
    ES_BINARY_OP_INPLACE_MAT_MULTIPLY,
    ES_BINARY_OP_INPLACE_FLOOR_DIVIDE,
    ES_BINARY_OP_INPLACE_TRUE_DIVIDE,
    ES_BINARY_OP_INPLACE_MODULO,
    ES_BINARY_OP_INPLACE_POWER,

    ES_BINARY_OP_OR,
    ES_BINARY_OP_XOR,
    ES_BINARY_OP_AND,
    ES_BINARY_OP_LSHIFT,
    ES_BINARY_OP_RSHIFT,
    ES_BINARY_OP_ADD,
    ES_BINARY_OP_SUBTRACT,
    ES_BINARY_OP_MULTIPLY,
    ES_BINARY_OP_MAT_MULTIPLY,
    ES_BINARY_OP_FLOOR_DIVIDE,
    ES_BINARY_OP_TRUE_DIVIDE,
    ES_BINARY_OP_MODULO,
    ES_BINARY_OP_POWER,

    /* reflected forms (__radd__ ...), used when dispatching to user classes */
    ES_BINARY_OP_REVERSE_OR,
    ES_BINARY_OP_REVERSE_XOR,
    ES_BINARY_OP_REVERSE_AND,
    ES_BINARY_OP_REVERSE_LSHIFT,
    ES_BINARY_OP_REVERSE_RSHIFT,
    ES_BINARY_OP_REVERSE_ADD,
    ES_BINARY_OP_REVERSE_SUBTRACT,
    ES_BINARY_OP_REVERSE_MULTIPLY,
    ES_BINARY_OP_REVERSE_MAT_MULTIPLY,
    ES_BINARY_OP_REVERSE_FLOOR_DIVIDE,
    ES_BINARY_OP_REVERSE_TRUE_DIVIDE,
    ES_BINARY_OP_REVERSE_MODULO,
    ES_BINARY_OP_REVERSE_POWER,

    ES_BINARY_OP_DIVMOD, /* divmod(): not reachable from syntax */
    ES_BINARY_OP_NUM_OPS,

    ES_BINARY_OP_INPLACE_OFFSET = ES_BINARY_OP_OR - ES_BINARY_OP_INPLACE_OR,
    ES_BINARY_OP_REVERSE_OFFSET = ES_BINARY_OP_REVERSE_OR - ES_BINARY_OP_OR,
} es_binary_op_t;

/* ---- buffer protocol ---------------------------------------------------------- */

typedef struct es_buffer_info_t {
    void *buf;
    size_t len;   /* in bytes */
    int typecode; /* struct/array typecode of items, 'B' for bytes */
} es_buffer_info_t;

#define ES_BUFFER_READ (1)
#define ES_BUFFER_WRITE (2)
#define ES_BUFFER_RW (ES_BUFFER_READ | ES_BUFFER_WRITE)

/* ---- types ---------------------------------------------------------------- */

/* Scratch space a getiter slot may use to avoid a heap allocation (for loops). */
typedef struct es_obj_iter_buf_t {
    es_obj_base_t base;
    es_obj_t buf[3];
} es_obj_iter_buf_t;

struct es_map_t;
struct es_obj_dict_t;

/*
** Calling convention shared by every callable: n_args positional arguments, then
** n_kw (key, value) pairs where each key is a str object (normally a qstr).
** args holds n_args + 2 * n_kw words.
*/
typedef es_obj_t (*es_call_fun_t)(es_obj_t self, size_t n_args, size_t n_kw, const es_obj_t *args);
typedef es_obj_t (*es_make_new_fun_t)(const struct es_type_t *type, size_t n_args, size_t n_kw,
                                      const es_obj_t *args);
typedef void (*es_print_fun_t)(const es_print_t *print, es_obj_t self, es_print_kind_t kind);
typedef es_obj_t (*es_unary_op_fun_t)(es_unary_op_t op, es_obj_t self);
typedef es_obj_t (*es_binary_op_fun_t)(es_binary_op_t op, es_obj_t lhs, es_obj_t rhs);
/*
** attr slot, one function for load, store and delete:
**   load:   dest[0] == ES_OBJ_NULL on entry. Set dest[0] to the value, or for a method
**           set dest[0] = function and dest[1] = self (the caller binds). Leave NULL if absent.
**   store:  dest[0] == ES_OBJ_SENTINEL, dest[1] = value. Set dest[0] = ES_OBJ_NULL on success.
**   delete: dest[0] == ES_OBJ_SENTINEL, dest[1] = ES_OBJ_NULL. Set dest[0] = ES_OBJ_NULL on success.
*/
typedef void (*es_attr_fun_t)(es_obj_t self, es_qstr_t attr, es_obj_t *dest);
/* subscr slot: value == ES_OBJ_SENTINEL loads, ES_OBJ_NULL deletes, else stores.
** Returns the loaded value, ES_OBJ_NONE after store/delete, ES_OBJ_NULL if unsupported. */
typedef es_obj_t (*es_subscr_fun_t)(es_obj_t self, es_obj_t index, es_obj_t value);
typedef es_obj_t (*es_getiter_fun_t)(es_obj_t self, es_obj_iter_buf_t *iter_buf);
/* Returns the next item, or ES_OBJ_STOP_ITERATION when exhausted (without raising). */
typedef es_obj_t (*es_iternext_fun_t)(es_obj_t self);
/* Returns 0 on success, non-zero if the object has no buffer. */
typedef int (*es_buffer_fun_t)(es_obj_t self, es_buffer_info_t *info, int flags);

/* Type flags */
#define ES_TYPE_FLAG_NONE (0x0000)
/* Heap type created by a class statement (instances are es_obj_instance_t). */
#define ES_TYPE_FLAG_IS_USER_CLASS (0x0001)
/* parent is a tuple of base types (multiple inheritance) rather than one type. */
#define ES_TYPE_FLAG_MULTIPLE_BASES (0x0002)
/* Equality for this type may need the other operand's type (e.g. int vs float). */
#define ES_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE (0x0004)
/* Equality is identity: == never calls binary_op (e.g. object, functions). */
#define ES_TYPE_FLAG_EQ_IS_IDENTITY (0x0008)
/* The type is its own iterator: getiter returns self. */
#define ES_TYPE_FLAG_ITER_IS_SELF (0x0010)
/* Instances may not be subclassed (bool, NoneType, ...). */
#define ES_TYPE_FLAG_FINAL (0x0020)
/* A user class (or a base of it) defines __getattr__/__setattr__/__delattr__/__getattribute__. */
#define ES_TYPE_FLAG_HAS_SPECIAL_ACCESSORS (0x0040)
/* Instances have a finaliser (__del__ or a C close) the GC must run. */
#define ES_TYPE_FLAG_HAS_FINALISER (0x0080)
/* A C base with no instance state (io.IOBase): a subclass's instances carry no native part,
** so the base's C methods receive the Python instance itself. */
#define ES_TYPE_FLAG_STATELESS_BASE (0x0100)
/* A C base whose subclasses set up the native part in __init__ through super().__init__(...)
** (framebuf.FrameBuffer): the instance first gets the result of make_new with no arguments. */
#define ES_TYPE_FLAG_INIT_BUILDS_NATIVE (0x0200)

typedef struct es_type_t {
    es_obj_base_t base; /* always &es_type_type */
    uint16_t flags;
    uint16_t name; /* qstr of the type's name */
    es_print_fun_t print;
    es_make_new_fun_t make_new; /* called for Type(...) */
    es_call_fun_t call;         /* called for instance(...) */
    es_unary_op_fun_t unary_op;
    es_binary_op_fun_t binary_op;
    es_attr_fun_t attr; /* NULL: look up methods in locals_dict only */
    es_subscr_fun_t subscr;
    es_getiter_fun_t getiter;
    es_iternext_fun_t iternext;
    es_buffer_fun_t buffer;
    const void *protocol; /* type-specific extras (stream ops for files and sockets) */
    const void *parent;   /* one base type, a tuple of bases, or NULL (object) */
    struct es_obj_dict_t *locals_dict; /* methods and class attributes */
} es_type_t;

/* ---- built-in types (each defined in its own obj*.c file) ----------------------- */

extern const es_type_t es_type_type;
extern const es_type_t es_type_object;
extern const es_type_t es_type_NoneType;
extern const es_type_t es_type_bool;
extern const es_type_t es_type_int;
extern const es_type_t es_type_float;
extern const es_type_t es_type_complex;
extern const es_type_t es_type_str;
extern const es_type_t es_type_bytes;
extern const es_type_t es_type_bytearray;
extern const es_type_t es_type_memoryview;
extern const es_type_t es_type_tuple;
extern const es_type_t es_type_list;
extern const es_type_t es_type_dict;
extern const es_type_t es_type_set;
extern const es_type_t es_type_frozenset;
extern const es_type_t es_type_range;
extern const es_type_t es_type_slice;
extern const es_type_t es_type_module;
extern const es_type_t es_type_function;   /* Python functions (bytecode) */
extern const es_type_t es_type_closure;    /* functions with free variables */
extern const es_type_t es_type_generator;  /* generator function: calling it makes a generator */
extern const es_type_t es_type_gen_instance; /* a running generator / coroutine */
extern const es_type_t es_type_cell;
extern const es_type_t es_type_bound_meth;
extern const es_type_t es_type_builtin_function; /* C functions, see es_obj_fun_builtin_t */
extern const es_type_t es_type_staticmethod;
extern const es_type_t es_type_classmethod;
extern const es_type_t es_type_property;
extern const es_type_t es_type_super;
extern const es_type_t es_type_code;
extern const es_type_t es_type_ellipsis;
extern const es_type_t es_type_NotImplementedType;
extern const es_type_t es_type_enumerate;
extern const es_type_t es_type_zip;
extern const es_type_t es_type_map;
extern const es_type_t es_type_filter;
extern const es_type_t es_type_reversed;

/* Singletons that are objects in flash rather than immediates. */
typedef struct es_obj_singleton_t {
    es_obj_base_t base;
} es_obj_singleton_t;
extern const es_obj_singleton_t es_const_ellipsis_obj;
extern const es_obj_singleton_t es_const_notimplemented_obj;
#define ES_OBJ_ELLIPSIS ES_OBJ_FROM_CONST(es_const_ellipsis_obj)
#define ES_OBJ_NOT_IMPLEMENTED ES_OBJ_FROM_CONST(es_const_notimplemented_obj)

/* ---- type of an object -------------------------------------------------------- */

const es_type_t *es_obj_get_type_slow(es_obj_t o);

/* The single-precision encoding alone (IEEE bits <-> word), see the top of this file. */
#define ES_FLOAT32_SIGN_BIT (0x80000000u)
#define ES_FLOAT32_LOWEST_BITS (0x38000000u) /* IEEE bits of 2**-15, the least in the word */
#define ES_FLOAT32_CODES (0x10000000u)       /* 2**28 codes: 32 exponents times 2**23 mantissas */
#define ES_FLOAT32_CODE_FLIP (0x07ffffffu)   /* where codes 0-3 and DRAM-like words land */
#define ES_FLOAT32_RESERVED_CODES (4u)       /* None, False, True and zero */
#define ES_FLOAT32_ZERO_CODE (3u)

/* The word for a float's bits, or 0 when the float has to be boxed (0 is never a float word). */
static inline uint32_t es_float32_to_word(uint32_t bits) {
    uint32_t sign = bits & ES_FLOAT32_SIGN_BIT;
    uint32_t offset = (bits & ~ES_FLOAT32_SIGN_BIT) - ES_FLOAT32_LOWEST_BITS;
    uint32_t code = offset ^ ES_FLOAT32_CODE_FLIP;
    if (offset < ES_FLOAT32_CODES && code >= ES_FLOAT32_RESERVED_CODES) {
        return sign | code << 3 | 6;
    }
    if ((bits & ~ES_FLOAT32_SIGN_BIT) == 0) {
        return sign | ES_FLOAT32_ZERO_CODE << 3 | 6;
    }
    return 0;
}

/* The float bits of a word es_float32_to_word made. */
static inline uint32_t es_float32_from_word(uint32_t word) {
    uint32_t sign = word & ES_FLOAT32_SIGN_BIT;
    uint32_t code = (word & ~ES_FLOAT32_SIGN_BIT) >> 3;
    if (code == ES_FLOAT32_ZERO_CODE) {
        return sign;
    }
    return sign | ((code ^ ES_FLOAT32_CODE_FLIP) + ES_FLOAT32_LOWEST_BITS);
}

static inline bool es_obj_is_immediate_float(es_obj_t o) {
#if ES_OBJ_FLOAT_REPR == ES_OBJ_FLOATS_IMMEDIATE_DOUBLE
    return (o & 3) == 3;
#elif ES_OBJ_FLOAT_REPR == ES_OBJ_FLOATS_IMMEDIATE_SINGLE
    /* above True, the sign bit aside: None, False and True with the sign bit set are nothing */
    return (o & 7) == 6 && ((uint32_t)o & ~ES_FLOAT32_SIGN_BIT) > ES_OBJ_TRUE;
#else
    ES_UNUSED(o);
    return false;
#endif
}

static inline const es_type_t *es_obj_get_type(es_obj_t o) {
    if (es_obj_is_ptr(o)) {
        return ((const es_obj_base_t *)o)->type;
    }
    if (es_obj_is_immediate_float(o)) {
        return &es_type_float;
    }
    return es_obj_get_type_slow(o);
}

static inline bool es_obj_is_type(es_obj_t o, const es_type_t *t) {
    return es_obj_is_ptr(o) && ((const es_obj_base_t *)o)->type == t;
}

/* ---- common object layouts ---------------------------------------------------- */

/* Heap string (str or bytes); interned strings are qstr-tagged words instead. */
typedef struct es_obj_str_t {
    es_obj_base_t base;
    size_t hash; /* 0 means not yet computed */
    size_t len;  /* bytes, not code points */
    const uint8_t *data; /* NUL-terminated for convenience; may point into flash */
} es_obj_str_t;

typedef struct es_obj_tuple_t {
    es_obj_base_t base;
    size_t len;
    es_obj_t items[];
} es_obj_tuple_t;

typedef struct es_obj_list_t {
    es_obj_base_t base;
    size_t alloc;
    size_t len;
    es_obj_t *items;
} es_obj_list_t;

typedef struct es_obj_float_t {
    es_obj_base_t base;
    es_float_t value;
} es_obj_float_t;

typedef struct es_obj_module_t {
    es_obj_base_t base;
    struct es_obj_dict_t *globals;
} es_obj_module_t;

typedef struct es_obj_bound_meth_t {
    es_obj_base_t base;
    es_obj_t meth;
    es_obj_t self;
} es_obj_bound_meth_t;

/* Static and class methods, and property, wrap other callables. */
typedef struct es_obj_static_class_method_t {
    es_obj_base_t base;
    es_obj_t fun;
} es_obj_static_class_method_t;

typedef struct es_obj_property_t {
    es_obj_base_t base;
    es_obj_t proxy[3]; /* getter, setter, deleter; ES_OBJ_NONE when absent */
    es_obj_t doc;
} es_obj_property_t;

/* Instance of a user class: its attribute dict plus, for subclasses of built-in
** types, the built-in part (e.g. the list a list subclass wraps). */
typedef struct es_obj_instance_t {
    es_obj_base_t base;
    struct es_obj_dict_t *members;
    es_obj_t subobj[]; /* zero or one native base object */
} es_obj_instance_t;

/* ---- C functions exposed to Python ---------------------------------------------- */

/*
** One object type serves every C function. `kind` says which pointer is valid:
**   ES_FUN_0/1/2/3: fixed positional count, no keywords.
**   ES_FUN_VAR: n_args_min..n_args_max positionals, no keywords.
**   ES_FUN_KW: any positionals >= n_args_min, and keywords passed as a map.
*/
struct es_map_t;
typedef es_obj_t (*es_fun_0_t)(void);
typedef es_obj_t (*es_fun_1_t)(es_obj_t);
typedef es_obj_t (*es_fun_2_t)(es_obj_t, es_obj_t);
typedef es_obj_t (*es_fun_3_t)(es_obj_t, es_obj_t, es_obj_t);
typedef es_obj_t (*es_fun_var_t)(size_t n_args, const es_obj_t *args);
typedef es_obj_t (*es_fun_kw_t)(size_t n_args, const es_obj_t *args, struct es_map_t *kw_args);

typedef enum { ES_FUN_0, ES_FUN_1, ES_FUN_2, ES_FUN_3, ES_FUN_VAR, ES_FUN_KW } es_fun_kind_t;

typedef struct es_obj_fun_builtin_t {
    es_obj_base_t base;
    uint8_t kind;
    uint8_t n_args_min;
    uint16_t n_args_max;
    uint16_t name; /* qstr, for repr and error messages */
    union {
        es_fun_0_t f0;
        es_fun_1_t f1;
        es_fun_2_t f2;
        es_fun_3_t f3;
        es_fun_var_t var;
        es_fun_kw_t kw;
    } fun;
} es_obj_fun_builtin_t;

#define ES_FUN_ARGS_MAX (0xffff)

/* Define a const C-function object `obj_name` in flash wrapping `c_fun`; `qname` is the
** Python-visible name written out as ES_Q_name (the build scans for ES_Q_ names). */
#define ES_DEFINE_FUN_0(obj_name, qname, c_fun)                                                    \
    const es_obj_fun_builtin_t obj_name = {{&es_type_builtin_function}, ES_FUN_0, 0, 0, qname, {.f0 = c_fun}}
#define ES_DEFINE_FUN_1(obj_name, qname, c_fun)                                                    \
    const es_obj_fun_builtin_t obj_name = {{&es_type_builtin_function}, ES_FUN_1, 1, 1, qname, {.f1 = c_fun}}
#define ES_DEFINE_FUN_2(obj_name, qname, c_fun)                                                    \
    const es_obj_fun_builtin_t obj_name = {{&es_type_builtin_function}, ES_FUN_2, 2, 2, qname, {.f2 = c_fun}}
#define ES_DEFINE_FUN_3(obj_name, qname, c_fun)                                                    \
    const es_obj_fun_builtin_t obj_name = {{&es_type_builtin_function}, ES_FUN_3, 3, 3, qname, {.f3 = c_fun}}
#define ES_DEFINE_FUN_VAR(obj_name, qname, min, max, c_fun)                                        \
    const es_obj_fun_builtin_t obj_name = {{&es_type_builtin_function}, ES_FUN_VAR, min, max, qname, {.var = c_fun}}
#define ES_DEFINE_FUN_KW(obj_name, qname, min, c_fun)                                              \
    const es_obj_fun_builtin_t obj_name = {{&es_type_builtin_function}, ES_FUN_KW, min, ES_FUN_ARGS_MAX, qname, {.kw = c_fun}}

/* ---- core object API (py/obj.c and the obj*.c files) ------------------------------ */

/* Printing */
void es_obj_print_helper(const es_print_t *print, es_obj_t o, es_print_kind_t kind);
void es_obj_print(es_obj_t o, es_print_kind_t kind); /* to sys.stdout */

/* Truth, equality, hashing, length */
bool es_obj_is_true(es_obj_t o);
bool es_obj_is_callable(es_obj_t o);
bool es_obj_equal(es_obj_t a, es_obj_t b);
es_obj_t es_obj_hash(es_obj_t o); /* small int; TypeError if unhashable */
es_obj_t es_obj_len(es_obj_t o);  /* small int; TypeError if no len */
es_obj_t es_obj_len_maybe(es_obj_t o); /* ES_OBJ_NULL if no len */
es_obj_t es_obj_subscr(es_obj_t base, es_obj_t index, es_obj_t value); /* value as in the slot */

/* Conversions that raise TypeError/OverflowError when impossible */
es_int_t es_obj_get_int(es_obj_t o);       /* int or bool (or __index__) to C integer */
bool es_obj_get_int_maybe(es_obj_t o, es_int_t *value);
es_float_t es_obj_get_float(es_obj_t o);   /* int, bool or float */
bool es_obj_get_float_maybe(es_obj_t o, es_float_t *value);
void es_obj_get_array(es_obj_t o, size_t *len, es_obj_t **items); /* tuple or list */
void es_obj_get_array_fixed_n(es_obj_t o, size_t len, es_obj_t **items); /* ValueError if other length */
size_t es_get_index(const es_type_t *type, size_t len, es_obj_t index, bool is_slice); /* IndexError */
const char *es_obj_type_name(es_obj_t o); /* "int", "list", ... */

/* Ellipsis / NotImplemented types and None/bool printing live in py/objsingleton.c */

/* Floats: representation is private to these functions (and py/objfloat.c) */
es_obj_t es_obj_new_float_boxed(es_float_t value);
es_float_t es_obj_float_get_boxed(es_obj_t o);
static inline bool es_obj_is_float(es_obj_t o) { return es_obj_is_immediate_float(o) || es_obj_is_type(o, &es_type_float); }

#if ES_OBJ_FLOAT_REPR == ES_OBJ_FLOATS_IMMEDIATE_DOUBLE
#define ES_FLOAT_SIGN_BIT ((uint64_t)1 << 63)
#define ES_FLOAT_LOW61 (((uint64_t)1 << 61) - 1)
#define ES_FLOAT_ZERO_CODE ((uint64_t)1 << 60) /* low 61 bits of 2**-255, which zero borrows */

static inline es_obj_t es_obj_new_float(es_float_t value) {
    uint64_t d;
    __builtin_memcpy(&d, &value, sizeof(d));
    uint64_t magnitude = d & ~ES_FLOAT_SIGN_BIT;
    if (((magnitude >> 60) - 3) <= 1 && magnitude != ((uint64_t)3 << 60)) {
        return (es_obj_t)((d & ES_FLOAT_SIGN_BIT) | ((d & ES_FLOAT_LOW61) << 2) | 3);
    }
    if (magnitude == 0) {
        return (es_obj_t)((d & ES_FLOAT_SIGN_BIT) | (ES_FLOAT_ZERO_CODE << 2) | 3);
    }
    return es_obj_new_float_boxed(value);
}

/* o must be a float. */
static inline es_float_t es_obj_float_get(es_obj_t o) {
    if (!es_obj_is_immediate_float(o)) {
        return es_obj_float_get_boxed(o);
    }
    uint64_t w = (uint64_t)o;
    uint64_t low = (w >> 2) & ES_FLOAT_LOW61;
    uint64_t d = w & ES_FLOAT_SIGN_BIT;
    if (low != ES_FLOAT_ZERO_CODE) {
        /* exponent bits 62 and 61 are 10 or 01: the opposite of bit 60, then a copy of it */
        d |= low | ((low >> 60) != 0 ? (uint64_t)1 << 61 : (uint64_t)1 << 62);
    }
    es_float_t value;
    __builtin_memcpy(&value, &d, sizeof(value));
    return value;
}
#elif ES_OBJ_FLOAT_REPR == ES_OBJ_FLOATS_IMMEDIATE_SINGLE
static inline es_obj_t es_obj_new_float(es_float_t value) {
    uint32_t bits;
    __builtin_memcpy(&bits, &value, sizeof(bits));
    uint32_t word = es_float32_to_word(bits);
    return word != 0 ? (es_obj_t)word : es_obj_new_float_boxed(value);
}

/* o must be a float. */
static inline es_float_t es_obj_float_get(es_obj_t o) {
    if (!es_obj_is_immediate_float(o)) {
        return es_obj_float_get_boxed(o);
    }
    uint32_t bits = es_float32_from_word((uint32_t)o);
    es_float_t value;
    __builtin_memcpy(&value, &bits, sizeof(value));
    return value;
}
#else
static inline es_obj_t es_obj_new_float(es_float_t value) { return es_obj_new_float_boxed(value); }
static inline es_float_t es_obj_float_get(es_obj_t o) { return es_obj_float_get_boxed(o); }
#endif

/* Ints: small when they fit, arbitrary precision otherwise (py/objint.c) */
es_obj_t es_obj_new_int(es_int_t value);
es_obj_t es_obj_new_int_from_uint(es_uint_t value);
es_obj_t es_obj_new_int_from_ll(long long value);
es_obj_t es_obj_new_int_from_ull(unsigned long long value);
es_obj_t es_obj_new_int_from_float(es_float_t value); /* truncates; OverflowError for inf, ValueError for nan */
es_obj_t es_obj_new_int_from_str_len(const char **str, size_t len, bool neg, unsigned int base);
bool es_obj_is_int(es_obj_t o); /* small or big int, not bool */
bool es_obj_int_fits_int_t(es_obj_t o, es_int_t *value); /* false if too big */
es_float_t es_obj_int_as_float(es_obj_t o);

/* Strings (py/objstr.c). Interned qstrs are str objects too. */
es_obj_t es_obj_new_str(const char *data, size_t len);   /* copies; interns short ones as qstrs */
es_obj_t es_obj_new_str_copy(const es_type_t *type, const uint8_t *data, size_t len); /* str or bytes */
es_obj_t es_obj_new_bytes(const uint8_t *data, size_t len);
es_obj_t es_obj_new_str_from_cstr(const char *s);
bool es_obj_is_str(es_obj_t o);        /* str or qstr */
bool es_obj_is_str_or_bytes(es_obj_t o);
const char *es_obj_str_get_data(es_obj_t o, size_t *len); /* str, qstr or bytes */
const char *es_obj_str_get_str(es_obj_t o); /* NUL-terminated; TypeError if not str */
es_qstr_t es_obj_str_get_qstr(es_obj_t o);  /* interns when needed */
size_t es_obj_str_hash(es_obj_t o);

/* Tuples and lists (py/objtuple.c, py/objlist.c) */
es_obj_t es_obj_new_tuple(size_t n, const es_obj_t *items); /* items may be NULL: filled with NULL */
es_obj_t es_obj_new_list(size_t n, const es_obj_t *items);  /* items may be NULL: filled with None */
es_obj_t es_obj_list_append(es_obj_t list, es_obj_t item);
extern const es_obj_tuple_t es_const_empty_tuple_obj;
#define ES_OBJ_EMPTY_TUPLE ES_OBJ_FROM_CONST(es_const_empty_tuple_obj)

/* Dicts and sets (py/objdict.c, py/objset.c) */
es_obj_t es_obj_new_dict(size_t n_hint);
es_obj_t es_obj_dict_store(es_obj_t dict, es_obj_t key, es_obj_t value);
es_obj_t es_obj_dict_get(es_obj_t dict, es_obj_t key); /* ES_OBJ_NULL if absent */
es_obj_t es_obj_dict_delete(es_obj_t dict, es_obj_t key);
struct es_map_t *es_obj_dict_get_map(es_obj_t dict);
es_obj_t es_obj_new_set(size_t n, const es_obj_t *items);
void es_obj_set_store(es_obj_t set, es_obj_t item);

/* Slices and ranges */
es_obj_t es_obj_new_slice(es_obj_t start, es_obj_t stop, es_obj_t step);
void es_obj_slice_get(es_obj_t slice, es_obj_t *start, es_obj_t *stop, es_obj_t *step); /* its bounds as given */
typedef struct es_bound_slice_t {
    es_int_t start, stop, step;
} es_bound_slice_t;
/* Normalises a slice against a sequence length as slice.indices() does. */
void es_obj_slice_indices(es_obj_t slice, es_int_t len, es_bound_slice_t *result);

/* Functions and methods */
es_obj_t es_obj_new_bound_meth(es_obj_t meth, es_obj_t self);
es_obj_t es_obj_new_cell(es_obj_t value);
es_obj_t es_obj_cell_get(es_obj_t cell);
void es_obj_cell_set(es_obj_t cell, es_obj_t value);
es_obj_t es_obj_new_module(es_qstr_t name);
