/* compile.c: scope analysis and bytecode generation from the abstract syntax tree. */

#include <string.h>

#include "py/compile.h"
#include "py/runtime.h"
#if __has_include("py/parsenum.h")
#include "py/parsenum.h"
#else
es_obj_t es_parse_num_integer(const char *s, size_t len, int base);
es_obj_t es_parse_num_float(const char *s, size_t len, bool allow_imag);
#endif

/* ======================================================================================
** Scopes
** ==================================================================================== */

typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS, SCOPE_COMP } scope_kind_t;

/* What a name means inside one scope, decided once the whole module has been seen. */
typedef enum {
    NAME_UNRESOLVED,
    NAME_FAST,            /* slot in the frame */
    NAME_CELL,            /* slot holding a cell, shared with inner functions */
    NAME_FREE,            /* slot holding a cell taken from the closure */
    NAME_GLOBAL_EXPLICIT, /* `global x` */
    NAME_GLOBAL_IMPLICIT, /* not bound anywhere enclosing: globals then builtins */
    NAME_DICT,            /* module and class bodies: the locals dict */
} name_kind_t;

#define SYM_BOUND (0x01)
#define SYM_USED (0x02)
#define SYM_PARAM (0x04)
#define SYM_GLOBAL (0x08)
#define SYM_NONLOCAL (0x10)
#define SYM_PASS_FREE (0x20) /* class scope: also a free variable passed to inner functions */

typedef struct sym_t {
    es_qstr_t name;
    uint8_t flags;
    uint8_t kind;
    uint16_t slot;
    uint16_t free_slot; /* with SYM_PASS_FREE */
} sym_t;

typedef struct scope_t {
    uint8_t kind;
    bool is_generator;
    bool is_coroutine;
    bool needs_class_cell; /* class whose methods use super() or __class__ */
    const es_ast_node_t *node;
    struct scope_t *parent;
    struct scope_t **children;
    size_t n_children, alloc_children;
    sym_t *syms;
    size_t n_syms, alloc_syms;
    es_qstr_t name;
    es_qstr_t qualname;
    uint16_t n_slots, n_cells, n_free;
    uint16_t class_cell_slot;
} scope_t;

/* ======================================================================================
** Compiler state
** ==================================================================================== */

/* Control blocks that return/break/continue must unwind. */
typedef enum {
    FB_WHILE,
    FB_FOR,
    FB_ASYNC_FOR,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_HANDLER,
    FB_WITH,
    FB_ASYNC_WITH,
} fblock_kind_t;

typedef struct fblock_t {
    uint8_t kind;
    int continue_label;
    int break_label;
    int outer_handler;            /* handler in force around the block */
    const es_ast_seq_t *finalbody; /* FB_FINALLY_TRY */
    es_qstr_t name;               /* FB_HANDLER: `except E as name` */
} fblock_t;

typedef struct handler_t {
    int label;
    int depth;
} handler_t;

typedef struct run_t {
    uint32_t start, end;
    int handler;
} run_t;

typedef struct fixup_t {
    uint32_t pos;
    int label;
} fixup_t;

#define MAX_FBLOCKS (20)

typedef struct unit_t {
    scope_t *scope;
    uint8_t *code;
    size_t code_len, code_alloc;
    uint8_t *lines;
    size_t lines_len, lines_alloc;
    es_obj_t *consts;
    size_t n_consts, alloc_consts;
    int32_t *labels;
    size_t n_labels, alloc_labels;
    fixup_t *fixups;
    size_t n_fixups, alloc_fixups;
    handler_t *handlers;
    size_t n_handlers, alloc_handlers;
    run_t *runs;
    size_t n_runs, alloc_runs;
    int cur_handler;
    uint32_t run_start;
    int depth, max_depth;
    uint32_t cur_line, last_line;
    size_t last_line_offset;
    uint32_t n_cache;
    fblock_t *fblocks; /* MAX_FBLOCKS of them, on the C stack of whoever compiles into the unit */
    int n_fblocks;
    bool in_async_comp;
} unit_t;

typedef struct compiler_t {
    unsigned opts; /* ES_COMPILE_* */
    es_qstr_t filename;
    es_source_t *src; /* for SyntaxError's text, may be NULL */
    unit_t *u;
    const es_ast_module_t *mod;
} compiler_t;

/* ======================================================================================
** Errors
** ==================================================================================== */

_Noreturn void es_raise_syntax_error(const es_type_t *type, const char *msg, es_qstr_t filename, size_t line,
                                     size_t col, es_source_t *src) {
    es_obj_t text = src != NULL ? es_source_line_text(src, line) : ES_OBJ_NONE;
    es_obj_t loc[4] = {es_obj_new_qstr(filename), es_obj_new_small_int((es_int_t)line),
                       es_obj_new_small_int((es_int_t)col), text};
    es_obj_t args[2] = {es_obj_new_str_from_cstr(msg), es_obj_new_tuple(4, loc)};
    es_raise(es_obj_new_exception_args(type, 2, args));
}

_Noreturn static void syntax_error(compiler_t *c, const es_ast_node_t *node, const char *msg) {
    es_raise_syntax_error(&es_type_SyntaxError, msg, c->filename, node ? node->line : 1, node ? node->col + 1u : 1u,
                          c->src);
}

_Noreturn static void syntax_error_name(compiler_t *c, const es_ast_node_t *node, const char *fmt, es_qstr_t name) {
    es_vstr_t v;
    es_vstr_init(&v, 48);
    es_vstr_printf(&v, fmt, name);
    syntax_error(c, node, es_vstr_null_terminated_str(&v));
}

/* ======================================================================================
** Growable arrays
** ==================================================================================== */

/*
** The compiler's working arrays are scratch memory (py/gc.h), apart from what it keeps. Growing
** doubles; when there is no free run that long, it asks for only a quarter more.
*/
static void *grow(void *items, size_t *alloc, size_t used, size_t extra, size_t item_size) {
    size_t need = used + extra;
    if (need <= *alloc) {
        return items;
    }
    size_t n = *alloc ? *alloc * 2 : 8;
    while (n < need) {
        n *= 2;
    }
    void *grown = es_gc_realloc_scratch(items, n * item_size);
    if (grown == NULL) {
        size_t modest = *alloc + *alloc / 4;
        n = modest > need ? modest : need;
        grown = es_gc_realloc_scratch(items, n * item_size);
        if (grown == NULL) {
            es_raise_memory_error();
        }
    }
    size_t usable = es_gc_nbytes(grown) / item_size;
    *alloc = usable > n ? usable : n;
    return grown;
}
#define GROW(arr, n, alloc, extra) ((arr) = grow((arr), &(alloc), (n), (extra), sizeof(*(arr))))

/* ======================================================================================
** Scope analysis
** ==================================================================================== */

static sym_t *scope_find(scope_t *s, es_qstr_t name) {
    for (size_t i = 0; i < s->n_syms; i++) {
        if (s->syms[i].name == name) {
            return &s->syms[i];
        }
    }
    return NULL;
}

static sym_t *scope_add(scope_t *s, es_qstr_t name) {
    sym_t *sym = scope_find(s, name);
    if (sym == NULL) {
        GROW(s->syms, s->n_syms, s->alloc_syms, 1);
        sym = &s->syms[s->n_syms++];
        memset(sym, 0, sizeof(*sym));
        sym->name = name;
    }
    return sym;
}

static es_qstr_t make_qualname(scope_t *parent, es_qstr_t name) {
    if (parent == NULL || parent->kind == SCOPE_MODULE) {
        return name;
    }
    es_vstr_t v;
    es_vstr_init(&v, 32);
    es_vstr_add_str(&v, es_qstr_str(parent->qualname));
    if (parent->kind != SCOPE_CLASS) {
        es_vstr_add_str(&v, ".<locals>");
    }
    es_vstr_add_byte(&v, '.');
    es_vstr_add_str(&v, es_qstr_str(name));
    es_qstr_t q = es_qstr_from_strn(v.buf, v.len);
    es_vstr_clear(&v);
    return q;
}

static scope_t *scope_new(scope_t *parent, scope_kind_t kind, const es_ast_node_t *node, es_qstr_t name) {
    scope_t *s = es_alloc_scratch(sizeof(scope_t));
    s->kind = kind;
    s->node = node;
    s->parent = parent;
    s->name = name;
    s->qualname = make_qualname(parent, name);
    if (parent != NULL) {
        GROW(parent->children, parent->n_children, parent->alloc_children, 1);
        parent->children[parent->n_children++] = s;
    }
    return s;
}

/* Scopes live until the whole module is compiled: a finally body is compiled more than once. */
static void scope_free(scope_t *s) {
    for (size_t i = 0; i < s->n_children; i++) {
        scope_free(s->children[i]);
    }
    es_free(s->syms);
    es_free(s->children);
    es_free(s);
}

static scope_t *scope_child(scope_t *s, const es_ast_node_t *node) {
    for (size_t i = 0; i < s->n_children; i++) {
        if (s->children[i]->node == node) {
            return s->children[i];
        }
    }
    es_fatal_error("compiler: scope not found");
}

static void st_expr(compiler_t *c, scope_t *s, const es_ast_node_t *e);
static void st_stmts(compiler_t *c, scope_t *s, const es_ast_seq_t *body);

static void st_exprs(compiler_t *c, scope_t *s, const es_ast_seq_t *seq) {
    for (size_t i = 0; i < seq->len; i++) {
        if (seq->items[i] != NULL) {
            st_expr(c, s, seq->items[i]);
        }
    }
}

static void st_bind(compiler_t *c, scope_t *s, const es_ast_node_t *node, es_qstr_t name) {
    sym_t *sym = scope_add(s, name);
    if ((sym->flags & SYM_PARAM) && node != NULL && node->kind == ES_AST_ARG) {
        syntax_error_name(c, node, "duplicate argument '%q' in function definition", name);
    }
    sym->flags |= SYM_BOUND;
}

static void st_use(scope_t *s, es_qstr_t name) { scope_add(s, name)->flags |= SYM_USED; }

static void st_params(compiler_t *c, scope_t *s, const es_ast_node_t *args) {
    const es_ast_seq_t *lists[3] = {&args->u.arguments.posonlyargs, &args->u.arguments.args,
                                    &args->u.arguments.kwonlyargs};
    const es_ast_node_t *extra[2] = {args->u.arguments.vararg, args->u.arguments.kwarg};
    for (int k = 0; k < 3; k++) {
        for (size_t i = 0; i < lists[k]->len; i++) {
            st_bind(c, s, lists[k]->items[i], lists[k]->items[i]->u.arg.arg);
            scope_find(s, lists[k]->items[i]->u.arg.arg)->flags |= SYM_PARAM;
        }
    }
    for (int k = 0; k < 2; k++) {
        if (extra[k] != NULL) {
            st_bind(c, s, extra[k], extra[k]->u.arg.arg);
            scope_find(s, extra[k]->u.arg.arg)->flags |= SYM_PARAM;
        }
    }
}

/* Defaults are evaluated in the enclosing scope, the body in a new one. */
static void st_function(compiler_t *c, scope_t *s, const es_ast_node_t *node, const es_ast_node_t *args,
                        es_qstr_t name, bool is_async) {
    st_exprs(c, s, &args->u.arguments.defaults);
    st_exprs(c, s, &args->u.arguments.kw_defaults);
    scope_t *f = scope_new(s, SCOPE_FUNCTION, node, name);
    f->is_coroutine = is_async;
    st_params(c, f, args);
    if (node->kind == ES_AST_LAMBDA) {
        st_expr(c, f, node->u.lambda.body);
    } else {
        st_stmts(c, f, &node->u.function_def.body);
    }
}

static void st_comprehension(compiler_t *c, scope_t *s, const es_ast_node_t *e) {
    const es_ast_seq_t *gens = &e->u.comp.generators;
    st_expr(c, s, gens->items[0]->u.comprehension.iter);
    es_qstr_t name = e->kind == ES_AST_LISTCOMP  ? ES_Q__S_listcomp
                     : e->kind == ES_AST_SETCOMP ? ES_Q__S_setcomp
                     : e->kind == ES_AST_DICTCOMP ? ES_Q__S_dictcomp
                                                  : ES_Q__S_genexpr;
    scope_t *f = scope_new(s, SCOPE_COMP, e, name);
    f->is_generator = e->kind == ES_AST_GENERATOREXP;
    st_bind(c, f, NULL, es_qstr_from_str(".0"));
    scope_find(f, es_qstr_from_str(".0"))->flags |= SYM_PARAM;
    for (size_t i = 0; i < gens->len; i++) {
        const es_ast_node_t *g = gens->items[i];
        if (g->sub) {
            syntax_error(c, g, "asynchronous comprehensions are not supported");
        }
        if (i > 0) {
            st_expr(c, f, g->u.comprehension.iter);
        }
        st_expr(c, f, g->u.comprehension.target);
        st_exprs(c, f, &g->u.comprehension.ifs);
    }
    st_expr(c, f, e->u.comp.elt);
    if (e->u.comp.value != NULL) {
        st_expr(c, f, e->u.comp.value);
    }
}

static void st_expr(compiler_t *c, scope_t *s, const es_ast_node_t *e) {
    es_stack_check(); /* a flat chain such as 1+1+...+1 parses to a tree as deep as it is long */
    switch (e->kind) {
        case ES_AST_NAME:
            if (e->sub == ES_AST_LOAD) {
                st_use(s, e->u.name.id);
                if (e->u.name.id == ES_Q_super && s->kind != SCOPE_MODULE) {
                    st_use(s, ES_Q___class__);
                }
            } else {
                st_bind(c, s, e, e->u.name.id);
            }
            break;
        case ES_AST_BOOLOP:
            st_exprs(c, s, &e->u.bool_op.values);
            break;
        case ES_AST_NAMEDEXPR: {
            /* the target belongs to the nearest scope that is not a comprehension */
            scope_t *t = s;
            while (t->kind == SCOPE_COMP) {
                st_use(t, e->u.named_expr.target->u.name.id);
                t = t->parent;
            }
            if (t != s && t->kind == SCOPE_CLASS) {
                syntax_error(c, e, "assignment expression within a comprehension cannot be used in a class body");
            }
            st_expr(c, s, e->u.named_expr.value);
            st_bind(c, t, e, e->u.named_expr.target->u.name.id);
            break;
        }
        case ES_AST_BINOP:
            st_expr(c, s, e->u.bin_op.left);
            st_expr(c, s, e->u.bin_op.right);
            break;
        case ES_AST_UNARYOP:
            st_expr(c, s, e->u.unary_op.operand);
            break;
        case ES_AST_LAMBDA:
            st_function(c, s, e, e->u.lambda.args, ES_Q__S_lambda, false);
            break;
        case ES_AST_IFEXP:
            st_expr(c, s, e->u.if_exp.test);
            st_expr(c, s, e->u.if_exp.body);
            st_expr(c, s, e->u.if_exp.orelse);
            break;
        case ES_AST_DICT:
            st_exprs(c, s, &e->u.dict.keys);
            st_exprs(c, s, &e->u.dict.values);
            break;
        case ES_AST_SET:
        case ES_AST_LIST:
        case ES_AST_TUPLE:
        case ES_AST_JOINEDSTR:
            st_exprs(c, s, &e->u.seq.elts);
            break;
        case ES_AST_LISTCOMP:
        case ES_AST_SETCOMP:
        case ES_AST_DICTCOMP:
        case ES_AST_GENERATOREXP:
            st_comprehension(c, s, e);
            break;
        case ES_AST_AWAIT:
            if (s->kind == SCOPE_COMP && s->parent->is_coroutine) {
                syntax_error(c, e, "asynchronous comprehensions are not supported");
            }
            if (s->kind != SCOPE_FUNCTION || !s->is_coroutine) {
                syntax_error(c, e, s->kind == SCOPE_FUNCTION ? "'await' outside async function" : "'await' outside function");
            }
            st_expr(c, s, e->u.value.value);
            break;
        case ES_AST_YIELD:
        case ES_AST_YIELDFROM:
            if (s->kind == SCOPE_COMP) {
                const uint8_t k = s->node->kind;
                syntax_error(c, e, k == ES_AST_LISTCOMP  ? "'yield' inside list comprehension"
                                   : k == ES_AST_SETCOMP ? "'yield' inside set comprehension"
                                   : k == ES_AST_DICTCOMP ? "'yield' inside dict comprehension"
                                                          : "'yield' inside generator expression");
            }
            if (s->kind != SCOPE_FUNCTION) {
                syntax_error(c, e, "'yield' outside function");
            }
            if (e->kind == ES_AST_YIELDFROM && s->is_coroutine) {
                syntax_error(c, e, "'yield from' inside async function");
            }
            if (s->is_coroutine) {
                syntax_error(c, e, "asynchronous generators are not supported");
            }
            s->is_generator = true;
            if (e->u.value.value != NULL) {
                st_expr(c, s, e->u.value.value);
            }
            break;
        case ES_AST_COMPARE:
            st_expr(c, s, e->u.compare.left);
            st_exprs(c, s, &e->u.compare.comparators);
            break;
        case ES_AST_CALL:
            st_expr(c, s, e->u.call.func);
            st_exprs(c, s, &e->u.call.args);
            st_exprs(c, s, &e->u.call.keywords);
            break;
        case ES_AST_KEYWORD:
            st_expr(c, s, e->u.keyword.value);
            break;
        case ES_AST_FORMATTEDVALUE:
            st_expr(c, s, e->u.formatted_value.value);
            if (e->u.formatted_value.format_spec != NULL) {
                st_expr(c, s, e->u.formatted_value.format_spec);
            }
            break;
        case ES_AST_ATTRIBUTE:
            st_expr(c, s, e->u.attribute.value);
            break;
        case ES_AST_SUBSCRIPT:
            st_expr(c, s, e->u.subscript.value);
            st_expr(c, s, e->u.subscript.slice);
            break;
        case ES_AST_STARRED:
            st_expr(c, s, e->u.starred.value);
            break;
        case ES_AST_SLICE:
            if (e->u.slice.lower) st_expr(c, s, e->u.slice.lower);
            if (e->u.slice.upper) st_expr(c, s, e->u.slice.upper);
            if (e->u.slice.step) st_expr(c, s, e->u.slice.step);
            break;
        default:
            break;
    }
}

static void st_declare(compiler_t *c, scope_t *s, const es_ast_node_t *st, bool is_global) {
    for (size_t i = 0; i < st->u.global.names.len; i++) {
        es_qstr_t name = st->u.global.names.items[i];
        sym_t *sym = scope_find(s, name);
        const char *what = is_global ? "global" : "nonlocal";
        if (sym != NULL) {
            if (sym->flags & SYM_PARAM) {
                syntax_error_name(c, st, is_global ? "name '%q' is parameter and global" : "name '%q' is parameter and nonlocal", name);
            }
            if ((sym->flags & (SYM_GLOBAL | SYM_NONLOCAL)) && !(sym->flags & (is_global ? SYM_GLOBAL : SYM_NONLOCAL))) {
                syntax_error_name(c, st, "name '%q' is nonlocal and global", name);
            }
            if (sym->flags & SYM_USED && !(sym->flags & (SYM_GLOBAL | SYM_NONLOCAL))) {
                es_vstr_t v;
                es_vstr_init(&v, 48);
                es_vstr_printf(&v, "name '%q' is used prior to %s declaration", name, what);
                syntax_error(c, st, es_vstr_null_terminated_str(&v));
            }
            if (sym->flags & SYM_BOUND && !(sym->flags & (SYM_GLOBAL | SYM_NONLOCAL))) {
                es_vstr_t v;
                es_vstr_init(&v, 48);
                es_vstr_printf(&v, "name '%q' is assigned to before %s declaration", name, what);
                syntax_error(c, st, es_vstr_null_terminated_str(&v));
            }
        }
        scope_add(s, name)->flags |= is_global ? SYM_GLOBAL : SYM_NONLOCAL;
    }
}

static void st_stmt(compiler_t *c, scope_t *s, const es_ast_node_t *st) {
    switch (st->kind) {
        case ES_AST_FUNCTIONDEF:
        case ES_AST_ASYNCFUNCTIONDEF:
            st_exprs(c, s, &st->u.function_def.decorator_list);
            st_function(c, s, st, st->u.function_def.args, st->u.function_def.name, st->kind == ES_AST_ASYNCFUNCTIONDEF);
            st_bind(c, s, st, st->u.function_def.name);
            break;
        case ES_AST_CLASSDEF: {
            st_exprs(c, s, &st->u.class_def.decorator_list);
            st_exprs(c, s, &st->u.class_def.bases);
            st_exprs(c, s, &st->u.class_def.keywords);
            scope_t *k = scope_new(s, SCOPE_CLASS, st, st->u.class_def.name);
            st_stmts(c, k, &st->u.class_def.body);
            st_bind(c, s, st, st->u.class_def.name);
            break;
        }
        case ES_AST_RETURN:
            if (s->kind != SCOPE_FUNCTION) {
                syntax_error(c, st, "'return' outside function");
            }
            if (st->u.value.value != NULL) {
                st_expr(c, s, st->u.value.value);
            }
            break;
        case ES_AST_DELETE:
            st_exprs(c, s, &st->u.delete_.targets);
            break;
        case ES_AST_ASSIGN:
            st_expr(c, s, st->u.assign.value);
            st_exprs(c, s, &st->u.assign.targets);
            break;
        case ES_AST_AUGASSIGN:
            st_expr(c, s, st->u.aug_assign.value);
            if (st->u.aug_assign.target->kind == ES_AST_NAME) {
                st_use(s, st->u.aug_assign.target->u.name.id);
            }
            st_expr(c, s, st->u.aug_assign.target);
            break;
        case ES_AST_ANNASSIGN:
            if (st->u.ann_assign.value != NULL) {
                st_expr(c, s, st->u.ann_assign.value);
            }
            if (st->u.ann_assign.target->kind == ES_AST_NAME) {
                if (st->sub) {
                    st_bind(c, s, st, st->u.ann_assign.target->u.name.id);
                }
            } else {
                st_expr(c, s, st->u.ann_assign.target);
            }
            break;
        case ES_AST_FOR:
        case ES_AST_ASYNCFOR:
            if (st->kind == ES_AST_ASYNCFOR && !s->is_coroutine) {
                syntax_error(c, st, "'async for' outside async function");
            }
            st_expr(c, s, st->u.for_.iter);
            st_expr(c, s, st->u.for_.target);
            st_stmts(c, s, &st->u.for_.body);
            st_stmts(c, s, &st->u.for_.orelse);
            break;
        case ES_AST_WHILE:
        case ES_AST_IF:
            st_expr(c, s, st->u.if_.test);
            st_stmts(c, s, &st->u.if_.body);
            st_stmts(c, s, &st->u.if_.orelse);
            break;
        case ES_AST_WITH:
        case ES_AST_ASYNCWITH:
            if (st->kind == ES_AST_ASYNCWITH && !s->is_coroutine) {
                syntax_error(c, st, "'async with' outside async function");
            }
            for (size_t i = 0; i < st->u.with.items.len; i++) {
                const es_ast_node_t *item = st->u.with.items.items[i];
                st_expr(c, s, item->u.withitem.context_expr);
                if (item->u.withitem.optional_vars != NULL) {
                    st_expr(c, s, item->u.withitem.optional_vars);
                }
            }
            st_stmts(c, s, &st->u.with.body);
            break;
        case ES_AST_RAISE:
            if (st->u.raise.exc) st_expr(c, s, st->u.raise.exc);
            if (st->u.raise.cause) st_expr(c, s, st->u.raise.cause);
            break;
        case ES_AST_TRY:
            st_stmts(c, s, &st->u.try_.body);
            for (size_t i = 0; i < st->u.try_.handlers.len; i++) {
                const es_ast_node_t *h = st->u.try_.handlers.items[i];
                if (h->u.except_handler.type != NULL) {
                    st_expr(c, s, h->u.except_handler.type);
                }
                if (h->u.except_handler.name != ES_AST_NO_NAME) {
                    st_bind(c, s, h, h->u.except_handler.name);
                }
                st_stmts(c, s, &h->u.except_handler.body);
            }
            st_stmts(c, s, &st->u.try_.orelse);
            st_stmts(c, s, &st->u.try_.finalbody);
            break;
        case ES_AST_ASSERT:
            st_expr(c, s, st->u.assert_.test);
            if (st->u.assert_.msg) st_expr(c, s, st->u.assert_.msg);
            break;
        case ES_AST_IMPORT:
            for (size_t i = 0; i < st->u.import.names.len; i++) {
                const es_ast_node_t *a = st->u.import.names.items[i];
                if (a->u.alias.asname != ES_AST_NO_NAME) {
                    st_bind(c, s, a, a->u.alias.asname);
                } else {
                    const char *full = es_qstr_str(a->u.alias.name);
                    const char *dot = strchr(full, '.');
                    st_bind(c, s, a, dot ? es_qstr_from_strn(full, (size_t)(dot - full)) : a->u.alias.name);
                }
            }
            break;
        case ES_AST_IMPORTFROM:
            for (size_t i = 0; i < st->u.import_from.names.len; i++) {
                const es_ast_node_t *a = st->u.import_from.names.items[i];
                if (a->u.alias.name == ES_Q__S_star) {
                    if (s->kind != SCOPE_MODULE) {
                        syntax_error(c, st, "import * only allowed at module level");
                    }
                    continue;
                }
                st_bind(c, s, a, a->u.alias.asname != ES_AST_NO_NAME ? a->u.alias.asname : a->u.alias.name);
            }
            break;
        case ES_AST_GLOBAL:
            st_declare(c, s, st, true);
            break;
        case ES_AST_NONLOCAL:
            if (s->kind == SCOPE_MODULE) {
                syntax_error(c, st, "nonlocal declaration not allowed at module level");
            }
            st_declare(c, s, st, false);
            break;
        case ES_AST_EXPR:
            st_expr(c, s, st->u.value.value);
            break;
        default:
            break;
    }
}

static void st_stmts(compiler_t *c, scope_t *s, const es_ast_seq_t *body) {
    for (size_t i = 0; i < body->len; i++) {
        st_stmt(c, s, body->items[i]);
    }
}

/* Marks `name` free in every scope from `from` up to (not including) `to`. */
static void mark_free_path(scope_t *from, scope_t *to, es_qstr_t name) {
    for (scope_t *t = from; t != to; t = t->parent) {
        sym_t *sym = scope_add(t, name);
        if (t->kind == SCOPE_CLASS && sym->kind == NAME_DICT) {
            sym->flags |= SYM_PASS_FREE;
        } else if (sym->kind != NAME_FREE) {
            sym->kind = NAME_FREE;
        }
    }
}

/* Finds the binding an unbound or nonlocal name refers to; true when it is a closure variable. */
static bool resolve_free(scope_t *s, es_qstr_t name, bool *is_global) {
    *is_global = false;
    for (scope_t *p = s->parent; p != NULL; p = p->parent) {
        if (p->kind == SCOPE_MODULE) {
            return false;
        }
        if (p->kind == SCOPE_CLASS) {
            if (name == ES_Q___class__) {
                p->needs_class_cell = true;
                mark_free_path(s, p, name);
                return true;
            }
            continue;
        }
        sym_t *sym = scope_find(p, name);
        if (sym == NULL) {
            continue;
        }
        if (sym->kind == NAME_GLOBAL_EXPLICIT) {
            *is_global = true;
            return false;
        }
        if (sym->kind == NAME_FAST || sym->kind == NAME_CELL || sym->kind == NAME_FREE) {
            if (sym->kind == NAME_FAST) {
                sym->kind = NAME_CELL;
            }
            mark_free_path(s, p, name);
            return true;
        }
    }
    return false;
}

static void resolve_scope(compiler_t *c, scope_t *s) {
    for (size_t i = 0; i < s->n_syms; i++) {
        sym_t *sym = &s->syms[i];
        if (sym->kind != NAME_UNRESOLVED) {
            continue; /* made free by an inner scope's lookup */
        }
        if (s->kind == SCOPE_MODULE) {
            sym->kind = NAME_DICT;
        } else if (sym->flags & SYM_GLOBAL) {
            sym->kind = NAME_GLOBAL_EXPLICIT;
        } else if (sym->flags & SYM_NONLOCAL) {
            bool is_global;
            es_qstr_t name = sym->name;
            if (!resolve_free(s, name, &is_global)) {
                syntax_error_name(c, s->node, "no binding for nonlocal '%q' found", name);
            }
        } else if (sym->flags & SYM_BOUND) {
            sym->kind = s->kind == SCOPE_CLASS ? NAME_DICT : NAME_FAST;
        } else {
            bool is_global;
            es_qstr_t name = sym->name;
            if (!resolve_free(s, name, &is_global)) {
                sym = scope_find(s, name);
                sym->kind = is_global ? NAME_GLOBAL_IMPLICIT : s->kind == SCOPE_CLASS ? NAME_DICT : NAME_GLOBAL_IMPLICIT;
            }
        }
    }
    for (size_t i = 0; i < s->n_children; i++) {
        resolve_scope(c, s->children[i]);
    }
}

/* Slots: parameters in call order, other locals, cells that are not parameters, free variables. */
static void assign_slots(scope_t *s) {
    uint16_t n = 0;
    if (s->kind == SCOPE_FUNCTION || s->kind == SCOPE_COMP) {
        const es_ast_node_t *args = NULL;
        if (s->node->kind == ES_AST_LAMBDA) {
            args = s->node->u.lambda.args;
        } else if (s->kind == SCOPE_FUNCTION) {
            args = s->node->u.function_def.args;
        }
        if (args != NULL) {
            const es_ast_seq_t *lists[3] = {&args->u.arguments.posonlyargs, &args->u.arguments.args,
                                            &args->u.arguments.kwonlyargs};
            for (int k = 0; k < 3; k++) {
                for (size_t i = 0; i < lists[k]->len; i++) {
                    scope_find(s, lists[k]->items[i]->u.arg.arg)->slot = n++;
                }
            }
            if (args->u.arguments.vararg) scope_find(s, args->u.arguments.vararg->u.arg.arg)->slot = n++;
            if (args->u.arguments.kwarg) scope_find(s, args->u.arguments.kwarg->u.arg.arg)->slot = n++;
        } else {
            scope_find(s, es_qstr_from_str(".0"))->slot = n++;
        }
    }
    for (size_t i = 0; i < s->n_syms; i++) {
        if (s->syms[i].kind == NAME_FAST && !(s->syms[i].flags & SYM_PARAM)) {
            s->syms[i].slot = n++;
        }
    }
    s->n_cells = 0;
    for (size_t i = 0; i < s->n_syms; i++) {
        if (s->syms[i].kind == NAME_CELL) {
            if (!(s->syms[i].flags & SYM_PARAM)) {
                s->syms[i].slot = n++;
            }
            s->n_cells++;
        }
    }
    if (s->needs_class_cell) {
        s->class_cell_slot = n++;
        s->n_cells++;
    }
    s->n_free = 0;
    for (size_t i = 0; i < s->n_syms; i++) {
        if (s->syms[i].kind == NAME_FREE) {
            s->syms[i].slot = n++;
            s->n_free++;
        } else if (s->syms[i].flags & SYM_PASS_FREE) {
            s->syms[i].free_slot = n++;
            s->n_free++;
        }
    }
    s->n_slots = n;
}

/* ======================================================================================
** Emitting bytecode
** ==================================================================================== */

static void emit_byte(unit_t *u, uint8_t b) {
    GROW(u->code, u->code_len, u->code_alloc, 1);
    u->code[u->code_len++] = b;
}

static void emit_uint_to(uint8_t **buf, size_t *len, size_t *alloc, size_t v) {
    do {
        GROW(*buf, *len, *alloc, 1);
        uint8_t b = v & 0x7f;
        v >>= 7;
        (*buf)[(*len)++] = b | (v ? 0x80 : 0);
    } while (v);
}

static void emit_uint(unit_t *u, size_t v) { emit_uint_to(&u->code, &u->code_len, &u->code_alloc, v); }

static void adjust_depth(unit_t *u, int effect) {
    u->depth += effect;
    if (u->depth > u->max_depth) {
        u->max_depth = u->depth;
    }
}

/* Starts an instruction: records a line change, then writes the opcode. */
static void op(compiler_t *c, es_bc_opcode_t opcode, int effect) {
    unit_t *u = c->u;
    if (u->cur_line != u->last_line) {
        emit_uint_to(&u->lines, &u->lines_len, &u->lines_alloc, u->code_len - u->last_line_offset);
        es_int_t d = (es_int_t)u->cur_line - (es_int_t)u->last_line;
        emit_uint_to(&u->lines, &u->lines_len, &u->lines_alloc, ((size_t)d << 1) ^ (size_t)(d >> (sizeof(es_int_t) * 8 - 1)));
        u->last_line = u->cur_line;
        u->last_line_offset = u->code_len;
    }
    emit_byte(u, (uint8_t)opcode);
    adjust_depth(u, effect);
}

static void op_u(compiler_t *c, es_bc_opcode_t opcode, size_t arg, int effect) {
    op(c, opcode, effect);
    emit_uint(c->u, arg);
}

static void op_uu(compiler_t *c, es_bc_opcode_t opcode, size_t a, size_t b, int effect) {
    op(c, opcode, effect);
    emit_uint(c->u, a);
    emit_uint(c->u, b);
}

/* A qstr operand. Code to be frozen spells every one in two bytes (a varint with a redundant
** continuation), so the freezer can put the target build's number in place without moving code. */
static void emit_qstr(compiler_t *c, es_qstr_t q) {
    if (c->opts & ES_COMPILE_PORTABLE) {
        if (q >= (1u << 14)) {
            es_raise_msg(&es_type_RuntimeError, "too many names to freeze");
        }
        emit_byte(c->u, (uint8_t)(0x80 | (q & 0x7f)));
        emit_byte(c->u, (uint8_t)(q >> 7));
    } else {
        emit_uint(c->u, q);
    }
}

static void op_q(compiler_t *c, es_bc_opcode_t opcode, es_qstr_t q, int effect) {
    op(c, opcode, effect);
    emit_qstr(c, q);
}

static void op_qu(compiler_t *c, es_bc_opcode_t opcode, es_qstr_t q, size_t arg, int effect) {
    op(c, opcode, effect);
    emit_qstr(c, q);
    emit_uint(c->u, arg);
}

static void op_b(compiler_t *c, es_bc_opcode_t opcode, uint8_t arg, int effect) {
    op(c, opcode, effect);
    emit_byte(c->u, arg);
}

static int new_label(unit_t *u) {
    GROW(u->labels, u->n_labels, u->alloc_labels, 1);
    u->labels[u->n_labels] = -1;
    return (int)u->n_labels++;
}

static void place_label(unit_t *u, int label) { u->labels[label] = (int32_t)u->code_len; }

static void op_jump(compiler_t *c, es_bc_opcode_t opcode, int label, int effect) {
    unit_t *u = c->u;
    op(c, opcode, effect);
    GROW(u->fixups, u->n_fixups, u->alloc_fixups, 1);
    u->fixups[u->n_fixups].pos = (uint32_t)u->code_len;
    u->fixups[u->n_fixups++].label = label;
    emit_byte(u, 0);
    emit_byte(u, 0);
}

static int new_handler(unit_t *u, int label, int depth) {
    GROW(u->handlers, u->n_handlers, u->alloc_handlers, 1);
    u->handlers[u->n_handlers].label = label;
    u->handlers[u->n_handlers].depth = depth;
    return (int)u->n_handlers++;
}

/* Closes the current run of instructions protected by one handler and opens the next. */
static void set_handler(unit_t *u, int handler) {
    if (handler == u->cur_handler) {
        return;
    }
    if (u->cur_handler >= 0 && u->code_len > u->run_start) {
        GROW(u->runs, u->n_runs, u->alloc_runs, 1);
        u->runs[u->n_runs].start = u->run_start;
        u->runs[u->n_runs].end = (uint32_t)u->code_len;
        u->runs[u->n_runs++].handler = u->cur_handler;
    }
    u->run_start = (uint32_t)u->code_len;
    u->cur_handler = handler;
}

static size_t add_const(unit_t *u, es_obj_t o) {
    for (size_t i = 0; i < u->n_consts; i++) {
        if (u->consts[i] == o) {
            return i;
        }
    }
    GROW(u->consts, u->n_consts, u->alloc_consts, 1);
    u->consts[u->n_consts] = o;
    return u->n_consts++;
}

/* Frozen code may run where small ints have 31 bits: larger ones become constants there. */
static bool fits_portable_small_int(es_obj_t o) {
    es_int_t v = es_small_int_value(o);
    return v >= -((es_int_t)1 << 29) && v < ((es_int_t)1 << 29);
}

static void load_obj(compiler_t *c, es_obj_t o) {
    if (o == ES_OBJ_NONE) {
        op(c, ES_BC_LOAD_NONE, 1);
    } else if (o == ES_OBJ_TRUE) {
        op(c, ES_BC_LOAD_TRUE, 1);
    } else if (o == ES_OBJ_FALSE) {
        op(c, ES_BC_LOAD_FALSE, 1);
    } else if (es_obj_is_small_int(o) && (!(c->opts & ES_COMPILE_PORTABLE) || fits_portable_small_int(o))) {
        es_int_t v = es_small_int_value(o);
        op_u(c, ES_BC_LOAD_SMALL_INT, ((size_t)v << 1) ^ (size_t)(v >> (sizeof(es_int_t) * 8 - 1)), 1);
    } else if (es_obj_is_qstr(o)) {
        op_q(c, ES_BC_LOAD_QSTR, es_obj_qstr_value(o), 1);
    } else {
        op_u(c, ES_BC_LOAD_CONST, add_const(c->u, o), 1);
    }
}

static void load_qstr(compiler_t *c, es_qstr_t q) { op_q(c, ES_BC_LOAD_QSTR, q, 1); }

/* ======================================================================================
** Names
** ==================================================================================== */

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ctx_t;

static void emit_name(compiler_t *c, es_qstr_t name, ctx_t ctx) {
    scope_t *s = c->u->scope;
    sym_t *sym = scope_find(s, name);
    name_kind_t kind = sym ? (name_kind_t)sym->kind
                           : (s->kind == SCOPE_MODULE || s->kind == SCOPE_CLASS ? NAME_DICT : NAME_GLOBAL_IMPLICIT);
    static const uint8_t ops[][3] = {
        [NAME_FAST] = {ES_BC_LOAD_FAST, ES_BC_STORE_FAST, ES_BC_DELETE_FAST},
        [NAME_CELL] = {ES_BC_LOAD_DEREF, ES_BC_STORE_DEREF, ES_BC_DELETE_DEREF},
        [NAME_FREE] = {ES_BC_LOAD_DEREF, ES_BC_STORE_DEREF, ES_BC_DELETE_DEREF},
        [NAME_GLOBAL_EXPLICIT] = {ES_BC_LOAD_GLOBAL, ES_BC_STORE_GLOBAL, ES_BC_DELETE_GLOBAL},
        [NAME_GLOBAL_IMPLICIT] = {ES_BC_LOAD_GLOBAL, ES_BC_STORE_GLOBAL, ES_BC_DELETE_GLOBAL},
        [NAME_DICT] = {ES_BC_LOAD_NAME, ES_BC_STORE_NAME, ES_BC_DELETE_NAME},
    };
    int effect = ctx == CTX_LOAD ? 1 : ctx == CTX_STORE ? -1 : 0;
    if (kind == NAME_UNRESOLVED) {
        kind = NAME_GLOBAL_IMPLICIT;
    }
    if (s->kind == SCOPE_CLASS && ctx == CTX_LOAD) {
        if (kind == NAME_FREE) {
            op_qu(c, ES_BC_LOAD_CLASSDEREF, name, sym->slot, 1);
            return;
        }
        if (kind == NAME_GLOBAL_IMPLICIT) {
            kind = NAME_DICT;
        }
    }
    es_bc_opcode_t opcode = ops[kind][ctx];
    if (opcode == ES_BC_LOAD_GLOBAL || opcode == ES_BC_LOAD_NAME) {
        op_qu(c, opcode, name, c->u->n_cache++, effect);
    } else if (kind == NAME_FAST || kind == NAME_CELL || kind == NAME_FREE) {
        op_u(c, opcode, sym->slot, effect);
    } else {
        op_q(c, opcode, name, effect);
    }
}

/* The slot that holds, in the current scope, the cell for `name` that an inner function captures. */
static uint16_t closure_slot(compiler_t *c, es_qstr_t name) {
    scope_t *s = c->u->scope;
    if (s->kind == SCOPE_CLASS && name == ES_Q___class__ && s->needs_class_cell) {
        return s->class_cell_slot;
    }
    sym_t *sym = scope_find(s, name);
    if (sym == NULL) {
        es_fatal_error("compiler: closure variable not found");
    }
    return (sym->flags & SYM_PASS_FREE) ? sym->free_slot : sym->slot;
}

/* ======================================================================================
** Expressions
** ==================================================================================== */

static void compile_expr(compiler_t *c, const es_ast_node_t *e);
static void compile_stmts(compiler_t *c, const es_ast_seq_t *body);
static void compile_store(compiler_t *c, const es_ast_node_t *target);
static const es_code_t *compile_scope(compiler_t *c, scope_t *s);

static void compile_exprs(compiler_t *c, const es_ast_seq_t *seq) {
    for (size_t i = 0; i < seq->len; i++) {
        compile_expr(c, seq->items[i]);
    }
}

/* String constants this short are interned, as in MicroPython: a qstr word instead of a str object,
** shared by every function using the text, and a dict key that meets attribute names unhashed.
** Longer ones stay objects, since interned text is never freed. */
#define INTERN_CONST_STR_MAX (10)

static es_obj_t constant_value(compiler_t *c, const es_ast_node_t *e) {
    const char *data = e->u.constant.data;
    size_t len = e->u.constant.len;
    switch (e->sub) {
        case ES_AST_CONST_NONE:
            return ES_OBJ_NONE;
        case ES_AST_CONST_TRUE:
            return ES_OBJ_TRUE;
        case ES_AST_CONST_FALSE:
            return ES_OBJ_FALSE;
        case ES_AST_CONST_ELLIPSIS:
            return ES_OBJ_ELLIPSIS;
        case ES_AST_CONST_INT:
            return es_parse_num_integer(data, len, 0);
        case ES_AST_CONST_FLOAT:
            return es_parse_num_float(data, len, false);
        case ES_AST_CONST_IMAG: {
            es_vstr_t v;
            es_vstr_init(&v, len + 2);
            es_vstr_add_strn(&v, data, len);
            es_vstr_add_byte(&v, 'j');
            es_obj_t o = es_parse_num_float(v.buf, v.len, true);
            es_vstr_clear(&v);
            return o;
        }
        case ES_AST_CONST_STR:
            if (len <= INTERN_CONST_STR_MAX) {
                return es_obj_new_qstr(es_qstr_from_strn(data, len));
            }
            return es_obj_new_str(data, len);
        case ES_AST_CONST_BYTES:
            return es_obj_new_bytes((const uint8_t *)data, len);
        default:
            syntax_error(c, e, "bad constant");
    }
}

static bool is_constant_tuple(const es_ast_node_t *e) {
    if (e->kind != ES_AST_TUPLE || e->u.seq.elts.len == 0) {
        return false;
    }
    for (size_t i = 0; i < e->u.seq.elts.len; i++) {
        const es_ast_node_t *x = e->u.seq.elts.items[i];
        if (x->kind != ES_AST_CONSTANT && !is_constant_tuple(x)) {
            return false;
        }
    }
    return true;
}

static es_obj_t constant_tuple(compiler_t *c, const es_ast_node_t *e) {
    size_t n = e->u.seq.elts.len;
    es_obj_t t = es_obj_new_tuple(n, NULL);
    es_obj_tuple_t *tuple = es_obj_to_ptr(t);
    for (size_t i = 0; i < n; i++) {
        const es_ast_node_t *x = e->u.seq.elts.items[i];
        tuple->items[i] = x->kind == ES_AST_CONSTANT ? constant_value(c, x) : constant_tuple(c, x);
    }
    return t;
}

static bool has_starred(const es_ast_seq_t *seq) {
    for (size_t i = 0; i < seq->len; i++) {
        if (seq->items[i]->kind == ES_AST_STARRED) {
            return true;
        }
    }
    return false;
}

#define MAX_DIRECT_BUILD (16)

/* list, tuple and set displays */
static void compile_display(compiler_t *c, const es_ast_node_t *e) {
    const es_ast_seq_t *elts = &e->u.seq.elts;
    bool is_set = e->kind == ES_AST_SET;
    if (e->kind == ES_AST_TUPLE && is_constant_tuple(e)) {
        load_obj(c, constant_tuple(c, e));
        return;
    }
    if (!has_starred(elts) && elts->len <= MAX_DIRECT_BUILD) {
        compile_exprs(c, elts);
        int n = (int)elts->len;
        op_u(c, is_set ? ES_BC_BUILD_SET : e->kind == ES_AST_LIST ? ES_BC_BUILD_LIST : ES_BC_BUILD_TUPLE, elts->len, 1 - n);
        return;
    }
    op_u(c, is_set ? ES_BC_BUILD_SET : ES_BC_BUILD_LIST, 0, 1);
    for (size_t i = 0; i < elts->len; i++) {
        const es_ast_node_t *x = elts->items[i];
        if (x->kind == ES_AST_STARRED) {
            compile_expr(c, x->u.starred.value);
            op_u(c, is_set ? ES_BC_SET_UPDATE : ES_BC_LIST_EXTEND, 1, -1);
        } else {
            compile_expr(c, x);
            op_u(c, is_set ? ES_BC_SET_ADD : ES_BC_LIST_APPEND, 1, -1);
        }
    }
    if (e->kind == ES_AST_TUPLE) {
        op(c, ES_BC_LIST_TO_TUPLE, 0);
    }
}

static void compile_dict(compiler_t *c, const es_ast_node_t *e) {
    size_t n = e->u.dict.values.len;
    op_u(c, ES_BC_BUILD_MAP, n, 1);
    for (size_t i = 0; i < n; i++) {
        if (e->u.dict.keys.items[i] == NULL) {
            compile_expr(c, e->u.dict.values.items[i]);
            op_u(c, ES_BC_DICT_UPDATE, 1, -1);
        } else {
            compile_expr(c, e->u.dict.keys.items[i]);
            compile_expr(c, e->u.dict.values.items[i]);
            op_u(c, ES_BC_MAP_ADD, 1, -2);
        }
    }
}

/* Arguments after `n_pre` positionals already on the stack (above fun and self|NULL). */
static void compile_call_tail(compiler_t *c, size_t n_pre, const es_ast_seq_t *args, const es_ast_seq_t *kws) {
    bool star = has_starred(args);
    for (size_t i = 0; i < kws->len; i++) {
        es_qstr_t name = kws->items[i]->u.keyword.arg;
        if (name == ES_AST_NO_NAME) {
            star = true;
            continue;
        }
        for (size_t j = 0; j < i; j++) {
            if (kws->items[j]->u.keyword.arg == name) {
                syntax_error_name(c, kws->items[i], "keyword argument repeated: %q", name);
            }
        }
    }
    if (!star) {
        compile_exprs(c, args);
        for (size_t i = 0; i < kws->len; i++) {
            load_qstr(c, kws->items[i]->u.keyword.arg);
            compile_expr(c, kws->items[i]->u.keyword.value);
        }
        size_t n_pos = n_pre + args->len;
        op_uu(c, ES_BC_CALL, n_pos, kws->len, -(int)(1 + n_pos + 2 * kws->len));
        return;
    }
    op_u(c, ES_BC_BUILD_LIST, n_pre, 1 - (int)n_pre);
    for (size_t i = 0; i < args->len; i++) {
        const es_ast_node_t *x = args->items[i];
        if (x->kind == ES_AST_STARRED) {
            compile_expr(c, x->u.starred.value);
            op_u(c, ES_BC_LIST_EXTEND, 1, -1);
        } else {
            compile_expr(c, x);
            op_u(c, ES_BC_LIST_APPEND, 1, -1);
        }
    }
    op(c, ES_BC_LIST_TO_TUPLE, 0);
    if (kws->len > 0) {
        op_u(c, ES_BC_BUILD_MAP, 0, 1);
        for (size_t i = 0; i < kws->len; i++) {
            const es_ast_node_t *k = kws->items[i];
            if (k->u.keyword.arg != ES_AST_NO_NAME) {
                op_u(c, ES_BC_BUILD_MAP, 1, 1);
                load_qstr(c, k->u.keyword.arg);
                compile_expr(c, k->u.keyword.value);
                op_u(c, ES_BC_MAP_ADD, 1, -2);
            } else {
                compile_expr(c, k->u.keyword.value);
            }
            op_u(c, ES_BC_DICT_MERGE, 1, -1);
        }
    }
    op_b(c, ES_BC_CALL_EX, kws->len > 0, kws->len > 0 ? -3 : -2);
}

/* super() inside a method becomes super(__class__, <first argument>). */
static bool compile_zero_arg_super(compiler_t *c, const es_ast_node_t *e) {
    const es_ast_node_t *f = e->u.call.func;
    scope_t *s = c->u->scope;
    if (f->kind != ES_AST_NAME || f->u.name.id != ES_Q_super || e->u.call.args.len || e->u.call.keywords.len ||
        s->kind != SCOPE_FUNCTION || s->node->kind == ES_AST_LAMBDA) {
        return false;
    }
    sym_t *cls = scope_find(s, ES_Q___class__);
    const es_ast_node_t *args = s->node->u.function_def.args;
    const es_ast_seq_t *pos = args->u.arguments.posonlyargs.len ? &args->u.arguments.posonlyargs : &args->u.arguments.args;
    if (cls == NULL || cls->kind != NAME_FREE || pos->len == 0) {
        return false;
    }
    emit_name(c, ES_Q_super, CTX_LOAD);
    op(c, ES_BC_LOAD_NULL, 1);
    op_u(c, ES_BC_LOAD_DEREF, cls->slot, 1);
    emit_name(c, pos->items[0]->u.arg.arg, CTX_LOAD);
    op_uu(c, ES_BC_CALL, 2, 0, -3);
    return true;
}

static void compile_call(compiler_t *c, const es_ast_node_t *e) {
    const es_ast_node_t *f = e->u.call.func;
    if (compile_zero_arg_super(c, e)) {
        return;
    }
    if (f->kind == ES_AST_ATTRIBUTE) {
        compile_expr(c, f->u.attribute.value);
        op_q(c, ES_BC_LOAD_METHOD, f->u.attribute.attr, 1);
    } else {
        compile_expr(c, f);
        op(c, ES_BC_LOAD_NULL, 1);
    }
    compile_call_tail(c, 0, &e->u.call.args, &e->u.call.keywords);
}

static void compile_slice_part(compiler_t *c, const es_ast_node_t *e) {
    if (e == NULL) {
        op(c, ES_BC_LOAD_NONE, 1);
    } else {
        compile_expr(c, e);
    }
}

static void compile_cond_jump(compiler_t *c, const es_ast_node_t *e, bool jump_if, int label) {
    if (e->kind == ES_AST_UNARYOP && e->sub == ES_AST_NOT) {
        compile_cond_jump(c, e->u.unary_op.operand, !jump_if, label);
        return;
    }
    if (e->kind == ES_AST_BOOLOP) {
        bool is_or = e->sub == ES_AST_OR;
        const es_ast_seq_t *vals = &e->u.bool_op.values;
        if (is_or == jump_if) {
            /* any value deciding the outcome jumps straight to the label */
            for (size_t i = 0; i < vals->len; i++) {
                compile_cond_jump(c, vals->items[i], jump_if, label);
            }
        } else {
            int skip = new_label(c->u);
            for (size_t i = 0; i + 1 < vals->len; i++) {
                compile_cond_jump(c, vals->items[i], !jump_if, skip);
            }
            compile_cond_jump(c, vals->items[vals->len - 1], jump_if, label);
            place_label(c->u, skip);
        }
        return;
    }
    compile_expr(c, e);
    op_jump(c, jump_if ? ES_BC_POP_JUMP_IF_TRUE : ES_BC_POP_JUMP_IF_FALSE, label, -1);
}

static void compile_compare_op(compiler_t *c, uint8_t cmp) {
    switch (cmp) {
        case ES_AST_EQ: op(c, ES_BC_EQ, -1); break;
        case ES_AST_NOTEQ: op(c, ES_BC_NE, -1); break;
        case ES_AST_LT: op(c, ES_BC_LT, -1); break;
        case ES_AST_LTE: op(c, ES_BC_LE, -1); break;
        case ES_AST_GT: op(c, ES_BC_GT, -1); break;
        case ES_AST_GTE: op(c, ES_BC_GE, -1); break;
        case ES_AST_IS: op_b(c, ES_BC_IS_OP, 0, -1); break;
        case ES_AST_ISNOT: op_b(c, ES_BC_IS_OP, 1, -1); break;
        case ES_AST_IN: op_b(c, ES_BC_CONTAINS_OP, 0, -1); break;
        default: op_b(c, ES_BC_CONTAINS_OP, 1, -1); break;
    }
}

static void compile_compare(compiler_t *c, const es_ast_node_t *e) {
    size_t n = e->u.compare.comparators.len;
    compile_expr(c, e->u.compare.left);
    if (n == 1) {
        compile_expr(c, e->u.compare.comparators.items[0]);
        compile_compare_op(c, e->u.compare.ops[0]);
        return;
    }
    int cleanup = new_label(c->u), end = new_label(c->u);
    for (size_t i = 0; i + 1 < n; i++) {
        compile_expr(c, e->u.compare.comparators.items[i]);
        op_u(c, ES_BC_SWAP, 2, 0);
        op_u(c, ES_BC_COPY, 2, 1);
        compile_compare_op(c, e->u.compare.ops[i]);
        op_jump(c, ES_BC_JUMP_IF_FALSE_OR_POP, cleanup, -1);
    }
    compile_expr(c, e->u.compare.comparators.items[n - 1]);
    compile_compare_op(c, e->u.compare.ops[n - 1]);
    op_jump(c, ES_BC_JUMP, end, 0);
    place_label(c->u, cleanup);
    c->u->depth++; /* the comparison result sits above the last operand */
    op_u(c, ES_BC_SWAP, 2, 0);
    op(c, ES_BC_POP_TOP, -1);
    place_label(c->u, end);
}

static void compile_binop(compiler_t *c, uint8_t astop, bool inplace) {
    static const uint8_t map[] = {
        [ES_AST_ADD] = ES_BINARY_OP_ADD,           [ES_AST_SUB] = ES_BINARY_OP_SUBTRACT,
        [ES_AST_MULT] = ES_BINARY_OP_MULTIPLY,     [ES_AST_MATMULT] = ES_BINARY_OP_MAT_MULTIPLY,
        [ES_AST_DIV] = ES_BINARY_OP_TRUE_DIVIDE,   [ES_AST_MOD] = ES_BINARY_OP_MODULO,
        [ES_AST_POW] = ES_BINARY_OP_POWER,         [ES_AST_LSHIFT] = ES_BINARY_OP_LSHIFT,
        [ES_AST_RSHIFT] = ES_BINARY_OP_RSHIFT,     [ES_AST_BITOR] = ES_BINARY_OP_OR,
        [ES_AST_BITXOR] = ES_BINARY_OP_XOR,        [ES_AST_BITAND] = ES_BINARY_OP_AND,
        [ES_AST_FLOORDIV] = ES_BINARY_OP_FLOOR_DIVIDE,
    };
    if (!inplace) {
        switch (astop) {
            case ES_AST_ADD: op(c, ES_BC_ADD, -1); return;
            case ES_AST_SUB: op(c, ES_BC_SUB, -1); return;
            case ES_AST_MULT: op(c, ES_BC_MUL, -1); return;
            case ES_AST_FLOORDIV: op(c, ES_BC_FLOORDIV, -1); return;
            case ES_AST_MOD: op(c, ES_BC_MOD, -1); return;
            default: break;
        }
    }
    uint8_t bop = map[astop];
    if (inplace) {
        bop -= ES_BINARY_OP_INPLACE_OFFSET;
    }
    op_b(c, ES_BC_BINARY_OP, bop, -1);
}

static void compile_make_function(compiler_t *c, scope_t *child, const es_code_t *code, uint8_t flags) {
    if (child->n_free > 0) {
        size_t n = 0;
        for (size_t i = 0; i < child->n_syms; i++) {
            const sym_t *sym = &child->syms[i];
            if (sym->kind == NAME_FREE || (sym->flags & SYM_PASS_FREE)) {
                op_u(c, ES_BC_LOAD_CLOSURE, closure_slot(c, sym->name), 1);
                n++;
            }
        }
        op_u(c, ES_BC_BUILD_TUPLE, n, 1 - (int)n);
        flags |= 4;
    }
    int pops = (flags & 1) + ((flags >> 1) & 1) + ((flags >> 2) & 1);
    op(c, ES_BC_MAKE_FUNCTION, 1 - pops);
    emit_uint(c->u, add_const(c->u, es_obj_from_ptr(code)));
    emit_byte(c->u, flags);
}

/* Pushes the function object for a def or lambda: defaults, keyword defaults, closure. */
static void compile_function_object(compiler_t *c, const es_ast_node_t *node, const es_ast_node_t *args) {
    uint8_t flags = 0;
    if (args->u.arguments.defaults.len > 0) {
        compile_exprs(c, &args->u.arguments.defaults);
        op_u(c, ES_BC_BUILD_TUPLE, args->u.arguments.defaults.len, 1 - (int)args->u.arguments.defaults.len);
        flags |= 1;
    }
    bool any_kw = false;
    for (size_t i = 0; i < args->u.arguments.kw_defaults.len; i++) {
        const es_ast_node_t *d = args->u.arguments.kw_defaults.items[i];
        if (d != NULL) {
            if (!any_kw) {
                op_u(c, ES_BC_BUILD_MAP, 0, 1);
                any_kw = true;
            }
            load_qstr(c, args->u.arguments.kwonlyargs.items[i]->u.arg.arg);
            compile_expr(c, d);
            op_u(c, ES_BC_MAP_ADD, 1, -2);
        }
    }
    if (any_kw) {
        flags |= 2;
    }
    scope_t *child = scope_child(c->u->scope, node);
    const es_code_t *code = compile_scope(c, child);
    compile_make_function(c, child, code, flags);
}

static void compile_comprehension(compiler_t *c, const es_ast_node_t *e) {
    scope_t *child = scope_child(c->u->scope, e);
    const es_code_t *code = compile_scope(c, child);
    compile_make_function(c, child, code, 0);
    op(c, ES_BC_LOAD_NULL, 1);
    compile_expr(c, e->u.comp.generators.items[0]->u.comprehension.iter);
    op(c, ES_BC_GET_ITER, 0);
    op_uu(c, ES_BC_CALL, 1, 0, -2);
}

static void compile_comp_loop(compiler_t *c, const es_ast_node_t *e, size_t i) {
    unit_t *u = c->u;
    const es_ast_seq_t *gens = &e->u.comp.generators;
    const es_ast_node_t *g = gens->items[i];
    if (i == 0) {
        op_u(c, ES_BC_LOAD_FAST, 0, 1);
    } else {
        compile_expr(c, g->u.comprehension.iter);
        op(c, ES_BC_GET_ITER, 0);
    }
    int top = new_label(u), end = new_label(u);
    place_label(u, top);
    op_jump(c, ES_BC_FOR_ITER, end, 1);
    compile_store(c, g->u.comprehension.target);
    for (size_t k = 0; k < g->u.comprehension.ifs.len; k++) {
        compile_cond_jump(c, g->u.comprehension.ifs.items[k], false, top);
    }
    if (i + 1 < gens->len) {
        compile_comp_loop(c, e, i + 1);
    } else {
        size_t n = gens->len + 1;
        switch (e->kind) {
            case ES_AST_LISTCOMP:
                compile_expr(c, e->u.comp.elt);
                op_u(c, ES_BC_LIST_APPEND, n, -1);
                break;
            case ES_AST_SETCOMP:
                compile_expr(c, e->u.comp.elt);
                op_u(c, ES_BC_SET_ADD, n, -1);
                break;
            case ES_AST_DICTCOMP:
                compile_expr(c, e->u.comp.elt);
                compile_expr(c, e->u.comp.value);
                op_u(c, ES_BC_MAP_ADD, n, -2);
                break;
            default:
                compile_expr(c, e->u.comp.elt);
                op(c, ES_BC_YIELD_VALUE, 0);
                op(c, ES_BC_POP_TOP, -1);
                break;
        }
    }
    op_jump(c, ES_BC_JUMP, top, 0);
    place_label(u, end);
    u->depth--; /* FOR_ITER popped the iterator */
}

static void compile_format(compiler_t *c, const es_ast_node_t *e) {
    compile_expr(c, e->u.formatted_value.value);
    uint8_t flags = e->sub == 's' ? 1 : e->sub == 'r' ? 2 : e->sub == 'a' ? 3 : 0;
    if (e->u.formatted_value.format_spec != NULL) {
        compile_expr(c, e->u.formatted_value.format_spec);
        flags |= 4;
    }
    op_b(c, ES_BC_FORMAT_VALUE, flags, (flags & 4) ? -1 : 0);
}

static void compile_expr(compiler_t *c, const es_ast_node_t *e) {
    es_stack_check(); /* see st_expr */
    unit_t *u = c->u;
    uint32_t saved_line = u->cur_line;
    u->cur_line = e->line;
    switch (e->kind) {
        case ES_AST_CONSTANT:
            load_obj(c, constant_value(c, e));
            break;
        case ES_AST_NAME:
            emit_name(c, e->u.name.id, CTX_LOAD);
            break;
        case ES_AST_BOOLOP: {
            int end = new_label(u);
            const es_ast_seq_t *vals = &e->u.bool_op.values;
            for (size_t i = 0; i + 1 < vals->len; i++) {
                compile_expr(c, vals->items[i]);
                op_jump(c, e->sub == ES_AST_AND ? ES_BC_JUMP_IF_FALSE_OR_POP : ES_BC_JUMP_IF_TRUE_OR_POP, end, -1);
            }
            compile_expr(c, vals->items[vals->len - 1]);
            place_label(u, end);
            break;
        }
        case ES_AST_NAMEDEXPR:
            compile_expr(c, e->u.named_expr.value);
            op_u(c, ES_BC_COPY, 1, 1);
            compile_store(c, e->u.named_expr.target);
            break;
        case ES_AST_BINOP:
            compile_expr(c, e->u.bin_op.left);
            compile_expr(c, e->u.bin_op.right);
            compile_binop(c, e->sub, false);
            break;
        case ES_AST_UNARYOP: {
            const es_ast_node_t *x = e->u.unary_op.operand;
            if (e->sub == ES_AST_USUB && x->kind == ES_AST_CONSTANT && x->sub == ES_AST_CONST_INT) {
                es_obj_t v = constant_value(c, x);
                if (es_obj_is_small_int(v) && es_small_int_value(v) != ES_SMALL_INT_MIN) {
                    load_obj(c, es_obj_new_small_int(-es_small_int_value(v)));
                    break;
                }
            }
            compile_expr(c, x);
            switch (e->sub) {
                case ES_AST_NOT: op(c, ES_BC_NOT, 0); break;
                case ES_AST_INVERT: op_b(c, ES_BC_UNARY_OP, ES_UNARY_OP_INVERT, 0); break;
                case ES_AST_UADD: op_b(c, ES_BC_UNARY_OP, ES_UNARY_OP_POSITIVE, 0); break;
                default: op_b(c, ES_BC_UNARY_OP, ES_UNARY_OP_NEGATIVE, 0); break;
            }
            break;
        }
        case ES_AST_LAMBDA:
            compile_function_object(c, e, e->u.lambda.args);
            break;
        case ES_AST_IFEXP: {
            int other = new_label(u), end = new_label(u);
            compile_cond_jump(c, e->u.if_exp.test, false, other);
            compile_expr(c, e->u.if_exp.body);
            op_jump(c, ES_BC_JUMP, end, 0);
            place_label(u, other);
            u->depth--;
            compile_expr(c, e->u.if_exp.orelse);
            place_label(u, end);
            break;
        }
        case ES_AST_DICT:
            compile_dict(c, e);
            break;
        case ES_AST_SET:
        case ES_AST_LIST:
        case ES_AST_TUPLE:
            compile_display(c, e);
            break;
        case ES_AST_LISTCOMP:
        case ES_AST_SETCOMP:
        case ES_AST_DICTCOMP:
        case ES_AST_GENERATOREXP:
            compile_comprehension(c, e);
            break;
        case ES_AST_AWAIT:
            compile_expr(c, e->u.value.value);
            op(c, ES_BC_GET_AWAITABLE, 0);
            op(c, ES_BC_LOAD_NONE, 1);
            op(c, ES_BC_YIELD_FROM, -1);
            break;
        case ES_AST_YIELD:
            compile_slice_part(c, e->u.value.value);
            op(c, ES_BC_YIELD_VALUE, 0);
            break;
        case ES_AST_YIELDFROM:
            compile_expr(c, e->u.value.value);
            op(c, ES_BC_GET_YIELD_FROM_ITER, 0);
            op(c, ES_BC_LOAD_NONE, 1);
            op(c, ES_BC_YIELD_FROM, -1);
            break;
        case ES_AST_COMPARE:
            compile_compare(c, e);
            break;
        case ES_AST_CALL:
            compile_call(c, e);
            break;
        case ES_AST_FORMATTEDVALUE:
            compile_format(c, e);
            break;
        case ES_AST_JOINEDSTR: {
            size_t n = e->u.seq.elts.len;
            if (n == 0) {
                load_qstr(c, ES_Q__S_empty);
                break;
            }
            compile_exprs(c, &e->u.seq.elts);
            if (n > 1 || e->u.seq.elts.items[0]->kind != ES_AST_FORMATTEDVALUE) {
                op_u(c, ES_BC_BUILD_STRING, n, 1 - (int)n);
            }
            break;
        }
        case ES_AST_ATTRIBUTE:
            compile_expr(c, e->u.attribute.value);
            op_q(c, ES_BC_LOAD_ATTR, e->u.attribute.attr, 0);
            break;
        case ES_AST_SUBSCRIPT:
            compile_expr(c, e->u.subscript.value);
            compile_expr(c, e->u.subscript.slice);
            op(c, ES_BC_BINARY_SUBSCR, -1);
            break;
        case ES_AST_SLICE:
            compile_slice_part(c, e->u.slice.lower);
            compile_slice_part(c, e->u.slice.upper);
            if (e->u.slice.step != NULL) {
                compile_expr(c, e->u.slice.step);
                op_u(c, ES_BC_BUILD_SLICE, 3, -2);
            } else {
                op_u(c, ES_BC_BUILD_SLICE, 2, -1);
            }
            break;
        case ES_AST_STARRED:
            syntax_error(c, e, "can't use starred expression here");
        default:
            syntax_error(c, e, "invalid syntax");
    }
    u->cur_line = saved_line;
}

/* ======================================================================================
** Assignment targets
** ==================================================================================== */

static void compile_store(compiler_t *c, const es_ast_node_t *t) {
    switch (t->kind) {
        case ES_AST_NAME:
            emit_name(c, t->u.name.id, CTX_STORE);
            break;
        case ES_AST_ATTRIBUTE:
            compile_expr(c, t->u.attribute.value);
            op_q(c, ES_BC_STORE_ATTR, t->u.attribute.attr, -2);
            break;
        case ES_AST_SUBSCRIPT:
            compile_expr(c, t->u.subscript.value);
            compile_expr(c, t->u.subscript.slice);
            op(c, ES_BC_STORE_SUBSCR, -3);
            break;
        case ES_AST_TUPLE:
        case ES_AST_LIST: {
            const es_ast_seq_t *elts = &t->u.seq.elts;
            size_t star = elts->len;
            for (size_t i = 0; i < elts->len; i++) {
                if (elts->items[i]->kind == ES_AST_STARRED) {
                    if (star != elts->len) {
                        syntax_error(c, elts->items[i], "multiple starred expressions in assignment");
                    }
                    star = i;
                }
            }
            if (star == elts->len) {
                op_u(c, ES_BC_UNPACK_SEQUENCE, elts->len, (int)elts->len - 1);
            } else {
                op_uu(c, ES_BC_UNPACK_EX, star, elts->len - star - 1, (int)elts->len - 1);
            }
            for (size_t i = 0; i < elts->len; i++) {
                const es_ast_node_t *x = elts->items[i];
                compile_store(c, x->kind == ES_AST_STARRED ? x->u.starred.value : x);
            }
            break;
        }
        case ES_AST_STARRED:
            syntax_error(c, t, "starred assignment target must be in a list or tuple");
        default:
            syntax_error(c, t, "cannot assign to expression");
    }
}

static void compile_delete(compiler_t *c, const es_ast_node_t *t) {
    switch (t->kind) {
        case ES_AST_NAME:
            emit_name(c, t->u.name.id, CTX_DEL);
            break;
        case ES_AST_ATTRIBUTE:
            compile_expr(c, t->u.attribute.value);
            op_q(c, ES_BC_DELETE_ATTR, t->u.attribute.attr, -1);
            break;
        case ES_AST_SUBSCRIPT:
            compile_expr(c, t->u.subscript.value);
            compile_expr(c, t->u.subscript.slice);
            op(c, ES_BC_DELETE_SUBSCR, -2);
            break;
        case ES_AST_TUPLE:
        case ES_AST_LIST:
            for (size_t i = 0; i < t->u.seq.elts.len; i++) {
                compile_delete(c, t->u.seq.elts.items[i]);
            }
            break;
        default:
            syntax_error(c, t, "cannot delete expression");
    }
}

/* ======================================================================================
** Statements
** ==================================================================================== */

static fblock_t *push_fblock(compiler_t *c, const es_ast_node_t *node, fblock_kind_t kind, int outer_handler) {
    unit_t *u = c->u;
    if (u->n_fblocks >= MAX_FBLOCKS) {
        syntax_error(c, node, "too many statically nested blocks");
    }
    fblock_t *fb = &u->fblocks[u->n_fblocks++];
    memset(fb, 0, sizeof(*fb));
    fb->kind = kind;
    fb->outer_handler = outer_handler;
    fb->continue_label = fb->break_label = -1;
    return fb;
}

static void emit_with_exit_call(compiler_t *c, bool is_async) {
    op(c, ES_BC_LOAD_NULL, 1);
    op(c, ES_BC_LOAD_NONE, 1);
    op(c, ES_BC_LOAD_NONE, 1);
    op(c, ES_BC_LOAD_NONE, 1);
    op_uu(c, ES_BC_CALL, 3, 0, -4);
    if (is_async) {
        op(c, ES_BC_GET_AWAITABLE, 0);
        op(c, ES_BC_LOAD_NONE, 1);
        op(c, ES_BC_YIELD_FROM, -1);
    }
    op(c, ES_BC_POP_TOP, -1);
}

static void clear_handler_name(compiler_t *c, es_qstr_t name) {
    if (name != ES_AST_NO_NAME) {
        op(c, ES_BC_LOAD_NONE, 1);
        emit_name(c, name, CTX_STORE);
        emit_name(c, name, CTX_DEL);
    }
}

/* Emits what leaving one block early needs; preserve_tos keeps a return value on top. */
static void unwind_fblock(compiler_t *c, const fblock_t *fb, bool preserve_tos) {
    unit_t *u = c->u;
    switch (fb->kind) {
        case FB_WHILE:
            break;
        case FB_FOR:
        case FB_ASYNC_FOR:
            if (preserve_tos) {
                op_u(c, ES_BC_SWAP, 2, 0);
            }
            op(c, ES_BC_POP_TOP, -1);
            break;
        case FB_TRY_EXCEPT:
            set_handler(u, fb->outer_handler);
            break;
        case FB_FINALLY_TRY:
            set_handler(u, fb->outer_handler);
            compile_stmts(c, fb->finalbody);
            break;
        case FB_FINALLY_END:
            set_handler(u, fb->outer_handler);
            if (preserve_tos) {
                op_u(c, ES_BC_SWAP, 2, 0);
            }
            op(c, ES_BC_POP_TOP, -1);
            if (preserve_tos) {
                op_u(c, ES_BC_SWAP, 2, 0);
            }
            op(c, ES_BC_POP_EXCEPT, -1);
            break;
        case FB_HANDLER:
            set_handler(u, fb->outer_handler);
            if (preserve_tos) {
                op_u(c, ES_BC_SWAP, 2, 0);
            }
            op(c, ES_BC_POP_EXCEPT, -1);
            clear_handler_name(c, fb->name);
            break;
        case FB_WITH:
        case FB_ASYNC_WITH:
            set_handler(u, fb->outer_handler);
            if (preserve_tos) {
                op_u(c, ES_BC_SWAP, 2, 0);
            }
            emit_with_exit_call(c, fb->kind == FB_ASYNC_WITH);
            break;
    }
}

/* Unwinds blocks from the innermost down to (not including) index `stop`. The blocks are
** popped while their cleanup is compiled so that a return inside a finally body does not
** run that finally body again. */
static void unwind_to(compiler_t *c, int stop, bool preserve_tos) {
    unit_t *u = c->u;
    int saved = u->n_fblocks;
    for (int i = saved - 1; i >= stop; i--) {
        fblock_t fb = u->fblocks[i];
        u->n_fblocks = i;
        unwind_fblock(c, &fb, preserve_tos);
    }
    u->n_fblocks = saved;
}

static void compile_return(compiler_t *c, const es_ast_node_t *st) {
    unit_t *u = c->u;
    int handler = u->cur_handler, depth = u->depth;
    compile_slice_part(c, st->u.value.value);
    unwind_to(c, 0, true);
    op(c, ES_BC_RETURN_VALUE, -1);
    set_handler(u, handler);
    u->depth = depth;
}

static void compile_break_continue(compiler_t *c, const es_ast_node_t *st, bool is_break) {
    unit_t *u = c->u;
    int loop = u->n_fblocks - 1;
    while (loop >= 0 && u->fblocks[loop].kind != FB_WHILE && u->fblocks[loop].kind != FB_FOR &&
           u->fblocks[loop].kind != FB_ASYNC_FOR) {
        loop--;
    }
    if (loop < 0) {
        syntax_error(c, st, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
    int handler = u->cur_handler, depth = u->depth;
    unwind_to(c, loop + 1, false);
    fblock_t *fb = &u->fblocks[loop];
    if (is_break) {
        if (fb->kind != FB_WHILE) {
            op(c, ES_BC_POP_TOP, -1);
        }
        op_jump(c, ES_BC_JUMP, fb->break_label, 0);
    } else {
        op_jump(c, ES_BC_JUMP, fb->continue_label, 0);
    }
    set_handler(u, handler);
    u->depth = depth;
}

static bool is_true_constant(const es_ast_node_t *e) {
    return e->kind == ES_AST_CONSTANT && (e->sub == ES_AST_CONST_TRUE ||
                                          (e->sub == ES_AST_CONST_INT && !(e->u.constant.len == 1 && e->u.constant.data[0] == '0')));
}

static void compile_while(compiler_t *c, const es_ast_node_t *st) {
    unit_t *u = c->u;
    int top = new_label(u), other = new_label(u), brk = new_label(u);
    place_label(u, top);
    if (!is_true_constant(st->u.if_.test)) {
        compile_cond_jump(c, st->u.if_.test, false, other);
    }
    fblock_t *fb = push_fblock(c, st, FB_WHILE, u->cur_handler);
    fb->continue_label = top;
    fb->break_label = brk;
    compile_stmts(c, &st->u.if_.body);
    u->n_fblocks--;
    op_jump(c, ES_BC_JUMP, top, 0);
    place_label(u, other);
    compile_stmts(c, &st->u.if_.orelse);
    place_label(u, brk);
}

static void compile_for(compiler_t *c, const es_ast_node_t *st) {
    unit_t *u = c->u;
    int top = new_label(u), end = new_label(u), brk = new_label(u);
    compile_expr(c, st->u.for_.iter);
    op(c, ES_BC_GET_ITER, 0);
    place_label(u, top);
    op_jump(c, ES_BC_FOR_ITER, end, 1);
    compile_store(c, st->u.for_.target);
    fblock_t *fb = push_fblock(c, st, FB_FOR, u->cur_handler);
    fb->continue_label = top;
    fb->break_label = brk;
    compile_stmts(c, &st->u.for_.body);
    u->n_fblocks--;
    op_jump(c, ES_BC_JUMP, top, 0);
    place_label(u, end);
    u->depth--;
    compile_stmts(c, &st->u.for_.orelse);
    place_label(u, brk);
}

static void compile_async_for(compiler_t *c, const es_ast_node_t *st) {
    unit_t *u = c->u;
    int top = new_label(u), exc = new_label(u), brk = new_label(u);
    int outer = u->cur_handler;
    compile_expr(c, st->u.for_.iter);
    op(c, ES_BC_GET_AITER, 0);
    int base = u->depth;
    place_label(u, top);
    set_handler(u, new_handler(u, exc, base));
    op(c, ES_BC_GET_ANEXT, 1);
    op(c, ES_BC_LOAD_NONE, 1);
    op(c, ES_BC_YIELD_FROM, -1);
    set_handler(u, outer);
    compile_store(c, st->u.for_.target);
    fblock_t *fb = push_fblock(c, st, FB_ASYNC_FOR, outer);
    fb->continue_label = top;
    fb->break_label = brk;
    compile_stmts(c, &st->u.for_.body);
    u->n_fblocks--;
    op_jump(c, ES_BC_JUMP, top, 0);
    place_label(u, exc);
    u->depth = base + 1;
    op(c, ES_BC_END_ASYNC_FOR, -2);
    compile_stmts(c, &st->u.for_.orelse);
    place_label(u, brk);
}

static void compile_if(compiler_t *c, const es_ast_node_t *st) {
    unit_t *u = c->u;
    int other = new_label(u), end = new_label(u);
    compile_cond_jump(c, st->u.if_.test, false, other);
    compile_stmts(c, &st->u.if_.body);
    if (st->u.if_.orelse.len > 0) {
        op_jump(c, ES_BC_JUMP, end, 0);
    }
    place_label(u, other);
    compile_stmts(c, &st->u.if_.orelse);
    place_label(u, end);
}

static void compile_with(compiler_t *c, const es_ast_node_t *st, size_t index) {
    unit_t *u = c->u;
    bool is_async = st->kind == ES_AST_ASYNCWITH;
    const es_ast_node_t *item = st->u.with.items.items[index];
    int outer = u->cur_handler;
    int base = u->depth;
    int exc = new_label(u), cleanup = new_label(u), suppress = new_label(u), end = new_label(u);
    compile_expr(c, item->u.withitem.context_expr);
    if (is_async) {
        op(c, ES_BC_BEFORE_ASYNC_WITH, 1);
        op(c, ES_BC_GET_AWAITABLE, 0);
        op(c, ES_BC_LOAD_NONE, 1);
        op(c, ES_BC_YIELD_FROM, -1);
    } else {
        op(c, ES_BC_BEFORE_WITH, 1);
    }
    set_handler(u, new_handler(u, exc, base + 1));
    if (item->u.withitem.optional_vars != NULL) {
        compile_store(c, item->u.withitem.optional_vars);
    } else {
        op(c, ES_BC_POP_TOP, -1);
    }
    push_fblock(c, st, is_async ? FB_ASYNC_WITH : FB_WITH, outer);
    if (index + 1 < st->u.with.items.len) {
        compile_with(c, st, index + 1);
    } else {
        compile_stmts(c, &st->u.with.body);
    }
    u->n_fblocks--;
    set_handler(u, outer);
    emit_with_exit_call(c, is_async);
    op_jump(c, ES_BC_JUMP, end, 0);

    place_label(u, exc);
    u->depth = base + 2;
    set_handler(u, new_handler(u, cleanup, base + 2));
    op(c, ES_BC_PUSH_EXC_INFO, 1);
    op(c, ES_BC_WITH_EXCEPT_START, 1);
    if (is_async) {
        op(c, ES_BC_GET_AWAITABLE, 0);
        op(c, ES_BC_LOAD_NONE, 1);
        op(c, ES_BC_YIELD_FROM, -1);
    }
    op_jump(c, ES_BC_POP_JUMP_IF_TRUE, suppress, -1);
    op(c, ES_BC_RERAISE, -1);
    place_label(u, suppress);
    u->depth = base + 3;
    op(c, ES_BC_POP_TOP, -1);
    op(c, ES_BC_POP_EXCEPT, -1);
    op(c, ES_BC_POP_TOP, -1);
    op_jump(c, ES_BC_JUMP, end, 0);
    set_handler(u, outer);
    place_label(u, cleanup);
    u->depth = base + 3;
    op(c, ES_BC_POP_EXCEPT_RERAISE, -2);
    place_label(u, end);
    u->depth = base;
}

static void compile_try_except(compiler_t *c, const es_ast_node_t *st) {
    unit_t *u = c->u;
    int outer = u->cur_handler;
    int base = u->depth;
    int handlers = new_label(u), cleanup = new_label(u), end = new_label(u);
    push_fblock(c, st, FB_TRY_EXCEPT, outer);
    set_handler(u, new_handler(u, handlers, base));
    compile_stmts(c, &st->u.try_.body);
    set_handler(u, outer);
    u->n_fblocks--;
    compile_stmts(c, &st->u.try_.orelse);
    op_jump(c, ES_BC_JUMP, end, 0);

    place_label(u, handlers);
    u->depth = base + 1;
    int h_cleanup = new_handler(u, cleanup, base + 1);
    set_handler(u, h_cleanup);
    op(c, ES_BC_PUSH_EXC_INFO, 1);
    for (size_t i = 0; i < st->u.try_.handlers.len; i++) {
        const es_ast_node_t *h = st->u.try_.handlers.items[i];
        es_qstr_t name = h->u.except_handler.name;
        int next = new_label(u);
        if (h->u.except_handler.type != NULL) {
            compile_expr(c, h->u.except_handler.type);
            op(c, ES_BC_CHECK_EXC_MATCH, 0);
            op_jump(c, ES_BC_POP_JUMP_IF_FALSE, next, -1);
        } else if (i + 1 < st->u.try_.handlers.len) {
            syntax_error(c, h, "default 'except:' must be last");
        }
        int name_cleanup = -1;
        if (name != ES_AST_NO_NAME) {
            emit_name(c, name, CTX_STORE);
            name_cleanup = new_label(u);
            set_handler(u, new_handler(u, name_cleanup, base + 1));
        } else {
            op(c, ES_BC_POP_TOP, -1);
        }
        fblock_t *fb = push_fblock(c, h, FB_HANDLER, outer);
        fb->name = name;
        u->cur_line = h->line;
        compile_stmts(c, &h->u.except_handler.body);
        u->n_fblocks--;
        set_handler(u, h_cleanup);
        op(c, ES_BC_POP_EXCEPT, -1);
        clear_handler_name(c, name);
        op_jump(c, ES_BC_JUMP, end, 0);
        if (name != ES_AST_NO_NAME) {
            place_label(u, name_cleanup);
            u->depth = base + 2;
            clear_handler_name(c, name);
            op(c, ES_BC_RERAISE, -1);
        }
        place_label(u, next);
        u->depth = base + 2;
    }
    op(c, ES_BC_RERAISE, -1);
    set_handler(u, outer);
    place_label(u, cleanup);
    u->depth = base + 2;
    op(c, ES_BC_POP_EXCEPT_RERAISE, -2);
    place_label(u, end);
    u->depth = base;
}

static void compile_try(compiler_t *c, const es_ast_node_t *st) {
    unit_t *u = c->u;
    if (st->u.try_.finalbody.len == 0) {
        compile_try_except(c, st);
        return;
    }
    int outer = u->cur_handler;
    int base = u->depth;
    int exc = new_label(u), cleanup = new_label(u), end = new_label(u);
    fblock_t *fb = push_fblock(c, st, FB_FINALLY_TRY, outer);
    fb->finalbody = &st->u.try_.finalbody;
    set_handler(u, new_handler(u, exc, base));
    if (st->u.try_.handlers.len > 0) {
        compile_try_except(c, st);
    } else {
        compile_stmts(c, &st->u.try_.body);
    }
    set_handler(u, outer);
    u->n_fblocks--;
    compile_stmts(c, &st->u.try_.finalbody);
    op_jump(c, ES_BC_JUMP, end, 0);

    place_label(u, exc);
    u->depth = base + 1;
    set_handler(u, new_handler(u, cleanup, base + 1));
    op(c, ES_BC_PUSH_EXC_INFO, 1);
    push_fblock(c, st, FB_FINALLY_END, outer);
    compile_stmts(c, &st->u.try_.finalbody);
    u->n_fblocks--;
    op(c, ES_BC_RERAISE, -1);
    set_handler(u, outer);
    place_label(u, cleanup);
    u->depth = base + 2;
    op(c, ES_BC_POP_EXCEPT_RERAISE, -2);
    place_label(u, end);
    u->depth = base;
}

static void compile_import(compiler_t *c, const es_ast_node_t *st) {
    for (size_t i = 0; i < st->u.import.names.len; i++) {
        const es_ast_node_t *a = st->u.import.names.items[i];
        const char *full = es_qstr_str(a->u.alias.name);
        load_obj(c, es_obj_new_small_int(0));
        op(c, ES_BC_LOAD_NONE, 1);
        op_q(c, ES_BC_IMPORT_NAME, a->u.alias.name, -1);
        const char *dot = strchr(full, '.');
        if (a->u.alias.asname == ES_AST_NO_NAME) {
            emit_name(c, dot ? es_qstr_from_strn(full, (size_t)(dot - full)) : a->u.alias.name, CTX_STORE);
            continue;
        }
        while (dot != NULL) {
            const char *part = dot + 1;
            dot = strchr(part, '.');
            size_t len = dot ? (size_t)(dot - part) : strlen(part);
            op_q(c, ES_BC_IMPORT_FROM, es_qstr_from_strn(part, len), 1);
            op_u(c, ES_BC_SWAP, 2, 0);
            op(c, ES_BC_POP_TOP, -1);
        }
        emit_name(c, a->u.alias.asname, CTX_STORE);
    }
}

static void compile_import_from(compiler_t *c, const es_ast_node_t *st) {
    const es_ast_seq_t *names = &st->u.import_from.names;
    if (st->u.import_from.module == ES_Q___future__) {
        return;
    }
    load_obj(c, es_obj_new_small_int((es_int_t)st->u.import_from.level));
    es_obj_t fromlist = es_obj_new_tuple(names->len, NULL);
    for (size_t i = 0; i < names->len; i++) {
        ((es_obj_tuple_t *)es_obj_to_ptr(fromlist))->items[i] = es_obj_new_qstr(names->items[i]->u.alias.name);
    }
    load_obj(c, fromlist);
    es_qstr_t module = st->u.import_from.module == ES_AST_NO_NAME ? ES_Q__S_empty : st->u.import_from.module;
    op_q(c, ES_BC_IMPORT_NAME, module, -1);
    if (names->len == 1 && names->items[0]->u.alias.name == ES_Q__S_star) {
        op(c, ES_BC_IMPORT_STAR, -1);
        return;
    }
    for (size_t i = 0; i < names->len; i++) {
        const es_ast_node_t *a = names->items[i];
        op_q(c, ES_BC_IMPORT_FROM, a->u.alias.name, 1);
        emit_name(c, a->u.alias.asname != ES_AST_NO_NAME ? a->u.alias.asname : a->u.alias.name, CTX_STORE);
    }
    op(c, ES_BC_POP_TOP, -1);
}

static void compile_decorated(compiler_t *c, const es_ast_node_t *st, const es_ast_seq_t *decorators, es_qstr_t name) {
    for (size_t i = 0; i < decorators->len; i++) {
        compile_expr(c, decorators->items[i]);
        op(c, ES_BC_LOAD_NULL, 1);
    }
    if (st->kind == ES_AST_CLASSDEF) {
        op(c, ES_BC_LOAD_BUILD_CLASS, 1);
        op(c, ES_BC_LOAD_NULL, 1);
        scope_t *child = scope_child(c->u->scope, st);
        const es_code_t *code = compile_scope(c, child);
        compile_make_function(c, child, code, 0);
        load_qstr(c, name);
        compile_call_tail(c, 2, &st->u.class_def.bases, &st->u.class_def.keywords);
    } else {
        compile_function_object(c, st, st->u.function_def.args);
    }
    for (size_t i = 0; i < decorators->len; i++) {
        op_uu(c, ES_BC_CALL, 1, 0, -2);
    }
    emit_name(c, name, CTX_STORE);
}

static void compile_stmt(compiler_t *c, const es_ast_node_t *st) {
    unit_t *u = c->u;
    u->cur_line = st->line;
    switch (st->kind) {
        case ES_AST_FUNCTIONDEF:
        case ES_AST_ASYNCFUNCTIONDEF:
            compile_decorated(c, st, &st->u.function_def.decorator_list, st->u.function_def.name);
            break;
        case ES_AST_CLASSDEF:
            compile_decorated(c, st, &st->u.class_def.decorator_list, st->u.class_def.name);
            break;
        case ES_AST_RETURN:
            compile_return(c, st);
            break;
        case ES_AST_DELETE:
            for (size_t i = 0; i < st->u.delete_.targets.len; i++) {
                compile_delete(c, st->u.delete_.targets.items[i]);
            }
            break;
        case ES_AST_ASSIGN: {
            size_t n = st->u.assign.targets.len;
            const es_ast_node_t *t = st->u.assign.targets.items[0];
            const es_ast_node_t *v = st->u.assign.value;
            if (n == 1 && (t->kind == ES_AST_TUPLE || t->kind == ES_AST_LIST) && v->kind == ES_AST_TUPLE &&
                t->u.seq.elts.len == v->u.seq.elts.len && (v->u.seq.elts.len == 2 || v->u.seq.elts.len == 3) &&
                !has_starred(&t->u.seq.elts) && !has_starred(&v->u.seq.elts)) {
                /* a, b = b, a: no tuple is built, the values are stored from the stack */
                compile_exprs(c, &v->u.seq.elts);
                op_u(c, ES_BC_SWAP, v->u.seq.elts.len, 0);
                for (size_t i = 0; i < t->u.seq.elts.len; i++) {
                    compile_store(c, t->u.seq.elts.items[i]);
                }
                break;
            }
            compile_expr(c, st->u.assign.value);
            for (size_t i = 0; i < n; i++) {
                if (i + 1 < n) {
                    op_u(c, ES_BC_COPY, 1, 1);
                }
                compile_store(c, st->u.assign.targets.items[i]);
            }
            break;
        }
        case ES_AST_AUGASSIGN: {
            const es_ast_node_t *t = st->u.aug_assign.target;
            if (t->kind == ES_AST_NAME) {
                emit_name(c, t->u.name.id, CTX_LOAD);
                compile_expr(c, st->u.aug_assign.value);
                compile_binop(c, st->sub, true);
                emit_name(c, t->u.name.id, CTX_STORE);
            } else if (t->kind == ES_AST_ATTRIBUTE) {
                compile_expr(c, t->u.attribute.value);
                op_u(c, ES_BC_COPY, 1, 1);
                op_q(c, ES_BC_LOAD_ATTR, t->u.attribute.attr, 0);
                compile_expr(c, st->u.aug_assign.value);
                compile_binop(c, st->sub, true);
                op_u(c, ES_BC_SWAP, 2, 0);
                op_q(c, ES_BC_STORE_ATTR, t->u.attribute.attr, -2);
            } else if (t->kind == ES_AST_SUBSCRIPT) {
                compile_expr(c, t->u.subscript.value);
                compile_expr(c, t->u.subscript.slice);
                op_u(c, ES_BC_COPY, 2, 1);
                op_u(c, ES_BC_COPY, 2, 1);
                op(c, ES_BC_BINARY_SUBSCR, -1);
                compile_expr(c, st->u.aug_assign.value);
                compile_binop(c, st->sub, true);
                op(c, ES_BC_ROT_THREE, 0);
                op(c, ES_BC_STORE_SUBSCR, -3);
            } else {
                syntax_error(c, t, "'expression' is an illegal expression for augmented assignment");
            }
            break;
        }
        case ES_AST_ANNASSIGN:
            if (st->u.ann_assign.value != NULL) {
                compile_expr(c, st->u.ann_assign.value);
                compile_store(c, st->u.ann_assign.target);
            }
            break;
        case ES_AST_FOR:
            compile_for(c, st);
            break;
        case ES_AST_ASYNCFOR:
            compile_async_for(c, st);
            break;
        case ES_AST_WHILE:
            compile_while(c, st);
            break;
        case ES_AST_IF:
            compile_if(c, st);
            break;
        case ES_AST_WITH:
        case ES_AST_ASYNCWITH:
            compile_with(c, st, 0);
            break;
        case ES_AST_RAISE:
            if (st->u.raise.exc != NULL) {
                compile_expr(c, st->u.raise.exc);
                if (st->u.raise.cause != NULL) {
                    compile_expr(c, st->u.raise.cause);
                    op_u(c, ES_BC_RAISE, 2, -2);
                } else {
                    op_u(c, ES_BC_RAISE, 1, -1);
                }
            } else {
                op_u(c, ES_BC_RAISE, 0, 0);
            }
            break;
        case ES_AST_TRY:
            compile_try(c, st);
            break;
        case ES_AST_ASSERT: {
            int ok = new_label(u);
            compile_cond_jump(c, st->u.assert_.test, true, ok);
            op(c, ES_BC_LOAD_ASSERTION_ERROR, 1);
            if (st->u.assert_.msg != NULL) {
                op(c, ES_BC_LOAD_NULL, 1);
                compile_expr(c, st->u.assert_.msg);
                op_uu(c, ES_BC_CALL, 1, 0, -2);
            }
            op_u(c, ES_BC_RAISE, 1, -1);
            place_label(u, ok);
            break;
        }
        case ES_AST_IMPORT:
            compile_import(c, st);
            break;
        case ES_AST_IMPORTFROM:
            compile_import_from(c, st);
            break;
        case ES_AST_EXPR: {
            const es_ast_node_t *v = st->u.value.value;
            if (st->sub) {
                compile_expr(c, v);
                op(c, ES_BC_PRINT_EXPR, -1);
            } else if (v->kind != ES_AST_CONSTANT) {
                compile_expr(c, v);
                op(c, ES_BC_POP_TOP, -1);
            }
            break;
        }
        case ES_AST_BREAK:
            compile_break_continue(c, st, true);
            break;
        case ES_AST_CONTINUE:
            compile_break_continue(c, st, false);
            break;
        default: /* pass, global, nonlocal */
            break;
    }
}

static void compile_stmts(compiler_t *c, const es_ast_seq_t *body) {
    for (size_t i = 0; i < body->len; i++) {
        compile_stmt(c, body->items[i]);
    }
}

/* ======================================================================================
** Code objects
** ==================================================================================== */

static bool is_docstring(const es_ast_seq_t *body) {
    return body->len > 0 && body->items[0]->kind == ES_AST_EXPR &&
           body->items[0]->u.value.value->kind == ES_AST_CONSTANT && body->items[0]->u.value.value->sub == ES_AST_CONST_STR;
}

static const es_code_t *finish_unit(compiler_t *c, unit_t *u, uint32_t first_line) {
    scope_t *s = u->scope;
    set_handler(u, -1);
    if (u->code_len > 0x7fff) {
        syntax_error(c, s->node, "function too big");
    }
    for (size_t i = 0; i < u->n_fixups; i++) {
        int32_t rel = u->labels[u->fixups[i].label] - (int32_t)(u->fixups[i].pos + 2);
        u->code[u->fixups[i].pos] = (uint8_t)(rel & 0xff);
        u->code[u->fixups[i].pos + 1] = (uint8_t)((rel >> 8) & 0xff);
    }
    size_t exc_len = 0;
    for (size_t i = 0; i < u->n_runs; i++) {
        const run_t *r = &u->runs[i];
        exc_len += es_bc_uint_len(r->start) + es_bc_uint_len(r->end - r->start) +
                   es_bc_uint_len((size_t)u->labels[u->handlers[r->handler].label]) +
                   es_bc_uint_len((size_t)u->handlers[r->handler].depth);
    }
    size_t line_len = es_bc_uint_len(first_line) + u->lines_len;
    if (line_len > 0xffff || exc_len > 0xffff || u->n_consts > 0xffff || s->n_slots > 0xfff0 ||
        u->max_depth > 0xfff0 || u->n_cache > 0xffff) {
        syntax_error(c, s->node, "function too big");
    }
    /* Names are narrower than qstr numbers on 32-bit builds, whose heap never holds that many. */
    bool names_fit = (es_code_qstr_t)s->name == s->name && (es_code_qstr_t)s->qualname == s->qualname &&
                     (es_code_qstr_t)c->filename == c->filename;
    for (size_t i = 0; i < s->n_syms; i++) {
        names_fit = names_fit && (es_code_qstr_t)s->syms[i].name == s->syms[i].name;
    }
    if (!names_fit) {
        syntax_error(c, s->node, "too many names");
    }
    /* One fresh allocation takes the header, its tables and the bytes (py/bc.h); the working
    ** buffers are copied in and freed, so they may live anywhere in the heap meanwhile. */
    size_t n_cells = s->n_cells, n_cache = u->n_cache, bc_len = u->code_len;
    size_t n_bytes = bc_len + line_len + exc_len;
    es_code_t *code = es_alloc(es_code_size(u->n_consts, n_cache, n_bytes, s->n_slots, n_cells));
    code->base.type = &es_type_code;
    code->bc_len = (uint16_t)bc_len;
    code->line_len = (uint16_t)line_len;
    code->exc_len = (uint16_t)exc_len;
    code->n_consts = (uint16_t)u->n_consts;
    code->n_slots = s->n_slots;
    code->n_cells = s->n_cells;
    code->n_free = s->n_free;
    code->stack_size = (uint16_t)(u->max_depth + 1);
    code->n_cache = (uint16_t)n_cache;
    code->name = (es_code_qstr_t)s->name;
    code->qualname = (es_code_qstr_t)s->qualname;
    code->filename = (es_code_qstr_t)c->filename;
    code->flags = (s->is_generator ? ES_CODE_FLAG_GENERATOR : 0) | (s->is_coroutine ? ES_CODE_FLAG_COROUTINE : 0);
    if (s->kind == SCOPE_FUNCTION) {
        const es_ast_node_t *args = s->node->kind == ES_AST_LAMBDA ? s->node->u.lambda.args : s->node->u.function_def.args;
        code->n_posonly = (uint16_t)args->u.arguments.posonlyargs.len;
        code->n_pos = (uint16_t)(args->u.arguments.posonlyargs.len + args->u.arguments.args.len);
        code->n_kwonly = (uint16_t)args->u.arguments.kwonlyargs.len;
        code->flags |= (args->u.arguments.vararg ? ES_CODE_FLAG_VARARGS : 0) | (args->u.arguments.kwarg ? ES_CODE_FLAG_VARKW : 0);
    } else if (s->kind == SCOPE_COMP) {
        code->n_pos = 1;
    }
    if (u->n_consts) memcpy((es_obj_t *)es_code_consts(code), u->consts, sizeof(es_obj_t) * u->n_consts);
    es_code_qstr_t *names = (es_code_qstr_t *)es_code_slot_names(code);
    uint16_t *cells = (uint16_t *)es_code_cell_slots(code);
    size_t nc = 0;
    for (size_t i = 0; i < s->n_syms; i++) {
        const sym_t *sym = &s->syms[i];
        if (sym->kind == NAME_FAST || sym->kind == NAME_CELL || sym->kind == NAME_FREE) {
            names[sym->slot] = (es_code_qstr_t)sym->name;
        }
        if (sym->flags & SYM_PASS_FREE) {
            names[sym->free_slot] = (es_code_qstr_t)sym->name;
        }
        if (sym->kind == NAME_CELL) {
            cells[nc++] = sym->slot;
        }
    }
    if (s->needs_class_cell) {
        names[s->class_cell_slot] = ES_Q___class__;
        cells[nc++] = s->class_cell_slot;
    }
    uint8_t *p = (uint8_t *)es_code_bytecode(code);
    memcpy(p, u->code, bc_len);
    p = es_bc_write_uint(p + bc_len, first_line);
    if (u->lines_len) memcpy(p, u->lines, u->lines_len);
    p += u->lines_len;
    for (size_t i = 0; i < u->n_runs; i++) {
        const run_t *r = &u->runs[i];
        p = es_bc_write_uint(p, r->start);
        p = es_bc_write_uint(p, r->end - r->start);
        p = es_bc_write_uint(p, (size_t)u->labels[u->handlers[r->handler].label]);
        p = es_bc_write_uint(p, (size_t)u->handlers[r->handler].depth);
    }
    es_free(u->code);
    es_free(u->lines);
    es_free(u->labels);
    es_free(u->fixups);
    es_free(u->handlers);
    es_free(u->runs);
    es_free(u->consts);
    u->code = u->lines = NULL;
    return code;
}

static const es_code_t *compile_scope(compiler_t *c, scope_t *s) {
    unit_t unit;
    fblock_t fblocks[MAX_FBLOCKS];
    memset(&unit, 0, sizeof(unit));
    unit.fblocks = fblocks;
    unit_t *prev = c->u;
    unit.scope = s;
    unit.cur_handler = -1;
    uint32_t first_line = s->node != NULL ? s->node->line : 1;
    unit.cur_line = unit.last_line = first_line;
    c->u = &unit;
    assign_slots(s);
    const es_ast_node_t *n = s->node;
    switch (s->kind) {
        case SCOPE_MODULE: {
            const es_ast_module_t *mod = c->mod;
            if (mod->mode == ES_PARSE_EVAL) {
                unit.cur_line = unit.last_line = first_line = mod->expr->line;
                compile_expr(c, mod->expr);
                op(c, ES_BC_RETURN_VALUE, -1);
            } else {
                if (mod->body.len > 0) {
                    unit.cur_line = unit.last_line = first_line = mod->body.items[0]->line;
                }
                compile_stmts(c, &mod->body);
                op(c, ES_BC_LOAD_NONE, 1);
                op(c, ES_BC_RETURN_VALUE, -1);
            }
            break;
        }
        case SCOPE_FUNCTION:
            if (n->kind == ES_AST_LAMBDA) {
                compile_expr(c, n->u.lambda.body);
                if (s->is_generator) {
                    op(c, ES_BC_POP_TOP, -1);
                    op(c, ES_BC_LOAD_NONE, 1);
                }
                op(c, ES_BC_RETURN_VALUE, -1);
            } else {
                compile_stmts(c, &n->u.function_def.body);
                op(c, ES_BC_LOAD_NONE, 1);
                op(c, ES_BC_RETURN_VALUE, -1);
            }
            break;
        case SCOPE_CLASS:
            load_qstr(c, s->qualname);
            op_q(c, ES_BC_STORE_NAME, ES_Q___qualname__, -1);
            if (ES_CLASS_DOCSTRINGS && is_docstring(&n->u.class_def.body)) {
                compile_expr(c, n->u.class_def.body.items[0]->u.value.value);
                op_q(c, ES_BC_STORE_NAME, ES_Q___doc__, -1);
            }
            compile_stmts(c, &n->u.class_def.body);
            if (s->needs_class_cell) {
                op_u(c, ES_BC_LOAD_CLOSURE, s->class_cell_slot, 1);
            } else {
                op(c, ES_BC_LOAD_NONE, 1);
            }
            op(c, ES_BC_RETURN_VALUE, -1);
            break;
        default:
            if (n->kind != ES_AST_GENERATOREXP) {
                op_u(c, n->kind == ES_AST_LISTCOMP ? ES_BC_BUILD_LIST : n->kind == ES_AST_SETCOMP ? ES_BC_BUILD_SET : ES_BC_BUILD_MAP, 0, 1);
            }
            compile_comp_loop(c, n, 0);
            if (n->kind == ES_AST_GENERATOREXP) {
                op(c, ES_BC_LOAD_NONE, 1);
            }
            op(c, ES_BC_RETURN_VALUE, -1);
            break;
    }
    const es_code_t *code = finish_unit(c, &unit, first_line);
    c->u = prev;
    return code;
}

const es_code_t *es_compile(const es_ast_module_t *mod, es_source_t *src, unsigned opts) {
    compiler_t comp;
    memset(&comp, 0, sizeof(comp));
    compiler_t *c = &comp;
    c->opts = opts;
    c->filename = mod->filename;
    c->src = src;
    c->mod = mod;
    scope_t *top = scope_new(NULL, SCOPE_MODULE, NULL, ES_Q__S_module);
    if (mod->mode == ES_PARSE_EVAL) {
        st_expr(c, top, mod->expr);
    } else {
        st_stmts(c, top, &mod->body);
    }
    resolve_scope(c, top);
    const es_code_t *code = compile_scope(c, top);
    scope_free(top);
    return code;
}

/* ======================================================================================
** A module one statement at a time
** ==================================================================================== */

/*
** Module-level names all live in the module's dict and inner scopes never resolve a name
** to the module scope, so each top-level statement gets its own scope tree, compiled at
** once into the module's unit and freed: only the statement being compiled has a tree.
*/
struct es_compiler {
    compiler_t c;
    unit_t unit;
    uint32_t first_line;
};

es_compiler_t *es_compiler_new(es_qstr_t filename, es_source_t *src, unsigned opts) {
    es_compiler_t *ic = es_alloc_scratch(sizeof(es_compiler_t));
    ic->c.opts = opts;
    ic->c.filename = filename;
    ic->c.src = src;
    ic->unit.scope = scope_new(NULL, SCOPE_MODULE, NULL, ES_Q__S_module);
    ic->unit.cur_handler = -1;
    assign_slots(ic->unit.scope);
    return ic;
}

void es_compiler_add(es_compiler_t *ic, const es_ast_node_t *stmt) {
    compiler_t *c = &ic->c;
    unit_t *u = &ic->unit;
    if (ic->first_line == 0) {
        ic->first_line = u->cur_line = u->last_line = stmt->line;
    }
    scope_t *module_scope = u->scope;
    scope_t *top = scope_new(NULL, SCOPE_MODULE, NULL, ES_Q__S_module);
    st_stmt(c, top, stmt);
    resolve_scope(c, top);
    u->scope = top;
    c->u = u;
    fblock_t fblocks[MAX_FBLOCKS]; /* not kept in the heap between statements */
    u->fblocks = fblocks;
    compile_stmt(c, stmt);
    u->fblocks = NULL;
    c->u = NULL;
    u->scope = module_scope;
    scope_free(top);
}

const es_code_t *es_compiler_finish(es_compiler_t *ic) {
    compiler_t *c = &ic->c;
    unit_t *u = &ic->unit;
    if (ic->first_line == 0) {
        ic->first_line = u->cur_line = u->last_line = 1;
    }
    c->u = u;
    op(c, ES_BC_LOAD_NONE, 1);
    op(c, ES_BC_RETURN_VALUE, -1);
    const es_code_t *code = finish_unit(c, u, ic->first_line);
    scope_free(u->scope);
    es_free(ic);
    return code;
}
