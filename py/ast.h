/* ast.h: the abstract syntax tree produced by the parser, shaped like CPython 3.11's ast module. */
#ifndef ES_AST_H
#define ES_AST_H

#include <stddef.h>
#include <stdint.h>
#include "py/qstr.h"

/*
 * Every node lives in the GC heap (scratch memory, py/gc.h) and starts with the same 8-byte header:
 * kind, one byte of per-kind data ("sub"), column and line.  Only the variant of the
 * union that the kind uses is allocated, so small nodes stay small.
 *
 * A qstr of ES_AST_NO_NAME (0) means "absent" wherever a name is optional
 * (keyword.arg for **kw, alias.asname, ExceptHandler.name, ImportFrom.module).
 * A NULL node pointer means an optional child is absent.
 */
#define ES_AST_NO_NAME ((es_qstr_t)0)

typedef enum {
    /* statements */
    ES_AST_FUNCTIONDEF = 1,
    ES_AST_ASYNCFUNCTIONDEF,
    ES_AST_CLASSDEF,
    ES_AST_RETURN,
    ES_AST_DELETE,
    ES_AST_ASSIGN,
    ES_AST_AUGASSIGN,
    ES_AST_ANNASSIGN,
    ES_AST_FOR,
    ES_AST_ASYNCFOR,
    ES_AST_WHILE,
    ES_AST_IF,
    ES_AST_WITH,
    ES_AST_ASYNCWITH,
    ES_AST_RAISE,
    ES_AST_TRY,
    ES_AST_ASSERT,
    ES_AST_IMPORT,
    ES_AST_IMPORTFROM,
    ES_AST_GLOBAL,
    ES_AST_NONLOCAL,
    ES_AST_EXPR,
    ES_AST_PASS,
    ES_AST_BREAK,
    ES_AST_CONTINUE,
    /* expressions */
    ES_AST_BOOLOP,
    ES_AST_NAMEDEXPR,
    ES_AST_BINOP,
    ES_AST_UNARYOP,
    ES_AST_LAMBDA,
    ES_AST_IFEXP,
    ES_AST_DICT,
    ES_AST_SET,
    ES_AST_LISTCOMP,
    ES_AST_SETCOMP,
    ES_AST_DICTCOMP,
    ES_AST_GENERATOREXP,
    ES_AST_AWAIT,
    ES_AST_YIELD,
    ES_AST_YIELDFROM,
    ES_AST_COMPARE,
    ES_AST_CALL,
    ES_AST_FORMATTEDVALUE,
    ES_AST_JOINEDSTR,
    ES_AST_CONSTANT,
    ES_AST_ATTRIBUTE,
    ES_AST_SUBSCRIPT,
    ES_AST_STARRED,
    ES_AST_NAME,
    ES_AST_LIST,
    ES_AST_TUPLE,
    ES_AST_SLICE,
    /* helper nodes */
    ES_AST_COMPREHENSION,
    ES_AST_EXCEPTHANDLER,
    ES_AST_ARGUMENTS,
    ES_AST_ARG,
    ES_AST_KEYWORD,
    ES_AST_ALIAS,
    ES_AST_WITHITEM,
    ES_AST_KIND_COUNT
} es_ast_kind_t;

/* sub for Name/Attribute/Subscript/Starred/List/Tuple */
typedef enum { ES_AST_LOAD = 0, ES_AST_STORE, ES_AST_DEL } es_ast_ctx_t;

/* sub for BoolOp */
typedef enum { ES_AST_AND = 0, ES_AST_OR } es_ast_boolop_t;

/* sub for BinOp and AugAssign; same order as CPython's operator type */
typedef enum {
    ES_AST_ADD = 0,
    ES_AST_SUB,
    ES_AST_MULT,
    ES_AST_MATMULT,
    ES_AST_DIV,
    ES_AST_MOD,
    ES_AST_POW,
    ES_AST_LSHIFT,
    ES_AST_RSHIFT,
    ES_AST_BITOR,
    ES_AST_BITXOR,
    ES_AST_BITAND,
    ES_AST_FLOORDIV
} es_ast_binop_t;

/* sub for UnaryOp */
typedef enum { ES_AST_INVERT = 0, ES_AST_NOT, ES_AST_UADD, ES_AST_USUB } es_ast_unaryop_t;

/* entries of Compare.ops */
typedef enum {
    ES_AST_EQ = 0,
    ES_AST_NOTEQ,
    ES_AST_LT,
    ES_AST_LTE,
    ES_AST_GT,
    ES_AST_GTE,
    ES_AST_IS,
    ES_AST_ISNOT,
    ES_AST_IN,
    ES_AST_NOTIN
} es_ast_cmpop_t;

/*
 * sub for Constant.  Numbers keep their source text with underscores removed and,
 * for IMAG, without the trailing j/J (prefixes 0x/0o/0b are kept); the compiler
 * converts them.  STR holds UTF-8 bytes after escape processing, BYTES raw bytes.
 */
typedef enum {
    ES_AST_CONST_NONE = 0,
    ES_AST_CONST_TRUE,
    ES_AST_CONST_FALSE,
    ES_AST_CONST_ELLIPSIS,
    ES_AST_CONST_INT,
    ES_AST_CONST_FLOAT,
    ES_AST_CONST_IMAG,
    ES_AST_CONST_STR,
    ES_AST_CONST_BYTES
} es_ast_const_kind_t;

typedef struct es_ast_node es_ast_node_t;

/* A sequence of nodes; items may be NULL only where noted (Dict.keys, arguments.kw_defaults). */
typedef struct {
    size_t len;
    es_ast_node_t **items;
} es_ast_seq_t;

/* A sequence of names (Global, Nonlocal). */
typedef struct {
    size_t len;
    es_qstr_t *items;
} es_ast_names_t;

struct es_ast_node {
    uint8_t kind;  /* es_ast_kind_t */
    uint8_t sub;   /* per-kind extra: ctx, op, constant kind, flags; see the union comments */
    uint16_t col;  /* 0-based column in bytes, saturating at 65535 */
    uint32_t line; /* 1-based */
    union {
        /* FunctionDef, AsyncFunctionDef */
        struct {
            es_qstr_t name;
            es_ast_node_t *args; /* ARGUMENTS */
            es_ast_seq_t body;
            es_ast_seq_t decorator_list;
            es_ast_node_t *returns;
        } function_def;
        /* ClassDef */
        struct {
            es_qstr_t name;
            es_ast_seq_t bases;
            es_ast_seq_t keywords; /* KEYWORD */
            es_ast_seq_t body;
            es_ast_seq_t decorator_list;
        } class_def;
        /* Return, Expr, Await, Yield, YieldFrom: value may be NULL for Return and Yield.
           Expr: sub=1 when parsed in single mode, meaning the REPL prints the value. */
        struct {
            es_ast_node_t *value;
        } value;
        /* Delete */
        struct {
            es_ast_seq_t targets;
        } delete_;
        /* Assign: a = b = value has targets [a, b] */
        struct {
            es_ast_seq_t targets;
            es_ast_node_t *value;
        } assign;
        /* AugAssign: sub = es_ast_binop_t */
        struct {
            es_ast_node_t *target;
            es_ast_node_t *value;
        } aug_assign;
        /* AnnAssign: sub = simple (1 when the target is a bare, unparenthesised name) */
        struct {
            es_ast_node_t *target;
            es_ast_node_t *annotation;
            es_ast_node_t *value; /* may be NULL */
        } ann_assign;
        /* For, AsyncFor */
        struct {
            es_ast_node_t *target;
            es_ast_node_t *iter;
            es_ast_seq_t body;
            es_ast_seq_t orelse;
        } for_;
        /* While, If */
        struct {
            es_ast_node_t *test;
            es_ast_seq_t body;
            es_ast_seq_t orelse; /* elif is a single If inside orelse, as in CPython */
        } if_;
        /* With, AsyncWith */
        struct {
            es_ast_seq_t items; /* WITHITEM */
            es_ast_seq_t body;
        } with;
        /* Raise */
        struct {
            es_ast_node_t *exc;   /* may be NULL */
            es_ast_node_t *cause; /* may be NULL */
        } raise;
        /* Try */
        struct {
            es_ast_seq_t body;
            es_ast_seq_t handlers; /* EXCEPTHANDLER */
            es_ast_seq_t orelse;
            es_ast_seq_t finalbody;
        } try_;
        /* Assert */
        struct {
            es_ast_node_t *test;
            es_ast_node_t *msg; /* may be NULL */
        } assert_;
        /* Import */
        struct {
            es_ast_seq_t names; /* ALIAS */
        } import;
        /* ImportFrom: module is ES_AST_NO_NAME for "from . import x"; names is a single
           alias "*" for a star import */
        struct {
            es_qstr_t module; /* dotted name as one qstr, e.g. "os.path" */
            es_ast_seq_t names;
            uint32_t level;
        } import_from;
        /* Global, Nonlocal */
        struct {
            es_ast_names_t names;
        } global;
        /* BoolOp: sub = es_ast_boolop_t; two or more values */
        struct {
            es_ast_seq_t values;
        } bool_op;
        /* NamedExpr */
        struct {
            es_ast_node_t *target; /* NAME */
            es_ast_node_t *value;
        } named_expr;
        /* BinOp: sub = es_ast_binop_t */
        struct {
            es_ast_node_t *left;
            es_ast_node_t *right;
        } bin_op;
        /* UnaryOp: sub = es_ast_unaryop_t */
        struct {
            es_ast_node_t *operand;
        } unary_op;
        /* Lambda */
        struct {
            es_ast_node_t *args; /* ARGUMENTS */
            es_ast_node_t *body;
        } lambda;
        /* IfExp: body if test else orelse */
        struct {
            es_ast_node_t *test;
            es_ast_node_t *body;
            es_ast_node_t *orelse;
        } if_exp;
        /* Dict: keys[i] is NULL for a **values[i] entry */
        struct {
            es_ast_seq_t keys;
            es_ast_seq_t values;
        } dict;
        /* Set, List, Tuple (sub = ctx for List and Tuple), JoinedStr (CONSTANT str and
           FORMATTEDVALUE parts) */
        struct {
            es_ast_seq_t elts;
        } seq;
        /* ListComp, SetComp, GeneratorExp (elt) and DictComp (elt = key, value) */
        struct {
            es_ast_node_t *elt;
            es_ast_node_t *value;    /* DictComp only */
            es_ast_seq_t generators; /* COMPREHENSION */
        } comp;
        /* Compare: ops has comparators.len entries (es_ast_cmpop_t) */
        struct {
            es_ast_node_t *left;
            uint8_t *ops;
            es_ast_seq_t comparators;
        } compare;
        /* Call */
        struct {
            es_ast_node_t *func;
            es_ast_seq_t args;     /* may contain STARRED for *a */
            es_ast_seq_t keywords; /* KEYWORD; arg == ES_AST_NO_NAME for **d */
        } call;
        /* FormattedValue: sub = conversion: 0 none, else 's', 'r' or 'a' */
        struct {
            es_ast_node_t *value;
            es_ast_node_t *format_spec; /* JOINEDSTR or NULL */
        } formatted_value;
        /* Constant: sub = es_ast_const_kind_t; data/len used for INT..BYTES.
           data is NUL-terminated for convenience (len excludes the NUL). */
        struct {
            const char *data;
            size_t len;
        } constant;
        /* Attribute: sub = ctx */
        struct {
            es_ast_node_t *value;
            es_qstr_t attr;
        } attribute;
        /* Subscript: sub = ctx; slice is a SLICE, a TUPLE possibly holding SLICEs, or any
           expression */
        struct {
            es_ast_node_t *value;
            es_ast_node_t *slice;
        } subscript;
        /* Starred: sub = ctx */
        struct {
            es_ast_node_t *value;
        } starred;
        /* Name: sub = ctx */
        struct {
            es_qstr_t id;
        } name;
        /* Slice: each part may be NULL */
        struct {
            es_ast_node_t *lower;
            es_ast_node_t *upper;
            es_ast_node_t *step;
        } slice;
        /* comprehension: sub = is_async */
        struct {
            es_ast_node_t *target;
            es_ast_node_t *iter;
            es_ast_seq_t ifs;
        } comprehension;
        /* ExceptHandler: type NULL for a bare except */
        struct {
            es_ast_node_t *type;
            es_qstr_t name;
            es_ast_seq_t body;
        } except_handler;
        /* arguments: kw_defaults has one entry per kwonlyargs, NULL where there is no
           default; defaults apply to the last len(defaults) of posonlyargs + args */
        struct {
            es_ast_seq_t posonlyargs; /* ARG */
            es_ast_seq_t args;        /* ARG */
            es_ast_node_t *vararg;    /* ARG or NULL */
            es_ast_seq_t kwonlyargs;  /* ARG */
            es_ast_seq_t kw_defaults;
            es_ast_node_t *kwarg; /* ARG or NULL */
            es_ast_seq_t defaults;
        } arguments;
        /* arg */
        struct {
            es_qstr_t arg;
            es_ast_node_t *annotation; /* may be NULL */
        } arg;
        /* keyword */
        struct {
            es_qstr_t arg;
            es_ast_node_t *value;
        } keyword;
        /* alias: name may be dotted ("os.path") or "*" */
        struct {
            es_qstr_t name;
            es_qstr_t asname;
        } alias;
        /* withitem */
        struct {
            es_ast_node_t *context_expr;
            es_ast_node_t *optional_vars; /* may be NULL */
        } withitem;
    } u;
};

/* The parse modes, as compile()'s "exec", "single" and "eval". */
typedef enum { ES_PARSE_EXEC = 0, ES_PARSE_SINGLE, ES_PARSE_EVAL } es_parse_mode_t;

/* The root: Module (exec), Interactive (single) or Expression (eval). */
typedef struct es_ast_module {
    uint8_t mode; /* es_parse_mode_t */
    es_qstr_t filename;
    es_ast_seq_t body;   /* exec and single: the statements */
    es_ast_node_t *expr; /* eval: the expression */
} es_ast_module_t;

#endif
