/* parser_dump.c: parses a file and prints the tree as Python code that rebuilds it with the ast
 * module. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "py/gc.h"
#include "py/qstr.h"
#include "py/parse.h"

static const char *const binop_names[] = {"Add",    "Sub",    "Mult",    "MatMult", "Div",
                                          "Mod",    "Pow",    "LShift",  "RShift",  "BitOr",
                                          "BitXor", "BitAnd", "FloorDiv"};
static const char *const unaryop_names[] = {"Invert", "Not", "UAdd", "USub"};
static const char *const cmpop_names[] = {"Eq",  "NotEq", "Lt",    "LtE", "Gt",
                                          "GtE", "Is",    "IsNot", "In",  "NotIn"};
static const char *const ctx_names[] = {"Load()", "Store()", "Del()"};

static int with_positions;
static int mode_mem;
static int mode_stream;
extern size_t shim_live_bytes, shim_peak_bytes;

static void dump(const es_ast_node_t *n);

static void put_bytes_literal(const char *s, size_t len) {
    putchar('b');
    putchar('\'');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') {
            putchar(c);
        } else {
            printf("\\x%02x", c);
        }
    }
    putchar('\'');
}

static void put_str(const char *s, size_t len) {
    put_bytes_literal(s, len);
    printf(".decode('utf-8','surrogatepass')");
}

static void put_name(es_qstr_t q) {
    if (q == ES_AST_NO_NAME) {
        printf("None");
    } else {
        put_str(es_qstr_str(q), es_qstr_len(q));
    }
}

static void dump_seq(es_ast_seq_t s) {
    putchar('[');
    for (size_t i = 0; i < s.len; i++) {
        if (i) {
            printf(", ");
        }
        dump(s.items[i]);
    }
    putchar(']');
}

static void field(const char *name) {
    printf(", %s=", name);
}

static void dump_opt(const es_ast_node_t *n) {
    if (n) {
        dump(n);
    } else {
        printf("None");
    }
}

static void dump(const es_ast_node_t *n) {
    if (n == NULL) {
        printf("None");
        return;
    }
    const char *ctx = ctx_names[n->sub < 3 ? n->sub : 0];
    bool positioned = true;
    bool empty = false;
    switch (n->kind) {
    case ES_AST_FUNCTIONDEF:
    case ES_AST_ASYNCFUNCTIONDEF:
        printf("%s(name=", n->kind == ES_AST_FUNCTIONDEF ? "FunctionDef" : "AsyncFunctionDef");
        put_name(n->u.function_def.name);
        field("args");
        dump(n->u.function_def.args);
        field("body");
        dump_seq(n->u.function_def.body);
        field("decorator_list");
        dump_seq(n->u.function_def.decorator_list);
        field("returns");
        dump_opt(n->u.function_def.returns);
        printf(", type_comment=None");
        break;
    case ES_AST_CLASSDEF:
        printf("ClassDef(name=");
        put_name(n->u.class_def.name);
        field("bases");
        dump_seq(n->u.class_def.bases);
        field("keywords");
        dump_seq(n->u.class_def.keywords);
        field("body");
        dump_seq(n->u.class_def.body);
        field("decorator_list");
        dump_seq(n->u.class_def.decorator_list);
        break;
    case ES_AST_RETURN:
        printf("Return(value=");
        dump_opt(n->u.value.value);
        break;
    case ES_AST_EXPR:
        printf("Expr(value=");
        dump(n->u.value.value);
        break;
    case ES_AST_AWAIT:
        printf("Await(value=");
        dump(n->u.value.value);
        break;
    case ES_AST_YIELD:
        printf("Yield(value=");
        dump_opt(n->u.value.value);
        break;
    case ES_AST_YIELDFROM:
        printf("YieldFrom(value=");
        dump(n->u.value.value);
        break;
    case ES_AST_DELETE:
        printf("Delete(targets=");
        dump_seq(n->u.delete_.targets);
        break;
    case ES_AST_ASSIGN:
        printf("Assign(targets=");
        dump_seq(n->u.assign.targets);
        field("value");
        dump(n->u.assign.value);
        printf(", type_comment=None");
        break;
    case ES_AST_AUGASSIGN:
        printf("AugAssign(target=");
        dump(n->u.aug_assign.target);
        printf(", op=%s()", binop_names[n->sub]);
        field("value");
        dump(n->u.aug_assign.value);
        break;
    case ES_AST_ANNASSIGN:
        printf("AnnAssign(target=");
        dump(n->u.ann_assign.target);
        field("annotation");
        dump(n->u.ann_assign.annotation);
        field("value");
        dump_opt(n->u.ann_assign.value);
        printf(", simple=%d", n->sub);
        break;
    case ES_AST_FOR:
    case ES_AST_ASYNCFOR:
        printf("%s(target=", n->kind == ES_AST_FOR ? "For" : "AsyncFor");
        dump(n->u.for_.target);
        field("iter");
        dump(n->u.for_.iter);
        field("body");
        dump_seq(n->u.for_.body);
        field("orelse");
        dump_seq(n->u.for_.orelse);
        printf(", type_comment=None");
        break;
    case ES_AST_WHILE:
    case ES_AST_IF:
        printf("%s(test=", n->kind == ES_AST_IF ? "If" : "While");
        dump(n->u.if_.test);
        field("body");
        dump_seq(n->u.if_.body);
        field("orelse");
        dump_seq(n->u.if_.orelse);
        break;
    case ES_AST_WITH:
    case ES_AST_ASYNCWITH:
        printf("%s(items=", n->kind == ES_AST_WITH ? "With" : "AsyncWith");
        dump_seq(n->u.with.items);
        field("body");
        dump_seq(n->u.with.body);
        printf(", type_comment=None");
        break;
    case ES_AST_RAISE:
        printf("Raise(exc=");
        dump_opt(n->u.raise.exc);
        field("cause");
        dump_opt(n->u.raise.cause);
        break;
    case ES_AST_TRY:
        printf("Try(body=");
        dump_seq(n->u.try_.body);
        field("handlers");
        dump_seq(n->u.try_.handlers);
        field("orelse");
        dump_seq(n->u.try_.orelse);
        field("finalbody");
        dump_seq(n->u.try_.finalbody);
        break;
    case ES_AST_ASSERT:
        printf("Assert(test=");
        dump(n->u.assert_.test);
        field("msg");
        dump_opt(n->u.assert_.msg);
        break;
    case ES_AST_IMPORT:
        printf("Import(names=");
        dump_seq(n->u.import.names);
        break;
    case ES_AST_IMPORTFROM:
        printf("ImportFrom(module=");
        put_name(n->u.import_from.module);
        field("names");
        dump_seq(n->u.import_from.names);
        printf(", level=%u", (unsigned)n->u.import_from.level);
        break;
    case ES_AST_GLOBAL:
    case ES_AST_NONLOCAL:
        printf("%s(names=[", n->kind == ES_AST_GLOBAL ? "Global" : "Nonlocal");
        for (size_t i = 0; i < n->u.global.names.len; i++) {
            if (i) {
                printf(", ");
            }
            put_name(n->u.global.names.items[i]);
        }
        putchar(']');
        break;
    case ES_AST_PASS:
        printf("Pass(");
        empty = true;
        break;
    case ES_AST_BREAK:
        printf("Break(");
        empty = true;
        break;
    case ES_AST_CONTINUE:
        printf("Continue(");
        empty = true;
        break;
    case ES_AST_BOOLOP:
        printf("BoolOp(op=%s(), values=", n->sub == ES_AST_AND ? "And" : "Or");
        dump_seq(n->u.bool_op.values);
        break;
    case ES_AST_NAMEDEXPR:
        printf("NamedExpr(target=");
        dump(n->u.named_expr.target);
        field("value");
        dump(n->u.named_expr.value);
        break;
    case ES_AST_BINOP:
        printf("BinOp(left=");
        dump(n->u.bin_op.left);
        printf(", op=%s()", binop_names[n->sub]);
        field("right");
        dump(n->u.bin_op.right);
        break;
    case ES_AST_UNARYOP:
        printf("UnaryOp(op=%s(), operand=", unaryop_names[n->sub]);
        dump(n->u.unary_op.operand);
        break;
    case ES_AST_LAMBDA:
        printf("Lambda(args=");
        dump(n->u.lambda.args);
        field("body");
        dump(n->u.lambda.body);
        break;
    case ES_AST_IFEXP:
        printf("IfExp(test=");
        dump(n->u.if_exp.test);
        field("body");
        dump(n->u.if_exp.body);
        field("orelse");
        dump(n->u.if_exp.orelse);
        break;
    case ES_AST_DICT:
        printf("Dict(keys=");
        dump_seq(n->u.dict.keys);
        field("values");
        dump_seq(n->u.dict.values);
        break;
    case ES_AST_SET:
        printf("Set(elts=");
        dump_seq(n->u.seq.elts);
        break;
    case ES_AST_JOINEDSTR:
        printf("JoinedStr(values=");
        dump_seq(n->u.seq.elts);
        break;
    case ES_AST_LIST:
    case ES_AST_TUPLE:
        printf("%s(elts=", n->kind == ES_AST_LIST ? "List" : "Tuple");
        dump_seq(n->u.seq.elts);
        printf(", ctx=%s", ctx);
        break;
    case ES_AST_LISTCOMP:
    case ES_AST_SETCOMP:
    case ES_AST_GENERATOREXP:
        printf("%s(elt=", n->kind == ES_AST_LISTCOMP  ? "ListComp"
                          : n->kind == ES_AST_SETCOMP ? "SetComp"
                                                      : "GeneratorExp");
        dump(n->u.comp.elt);
        field("generators");
        dump_seq(n->u.comp.generators);
        break;
    case ES_AST_DICTCOMP:
        printf("DictComp(key=");
        dump(n->u.comp.elt);
        field("value");
        dump(n->u.comp.value);
        field("generators");
        dump_seq(n->u.comp.generators);
        break;
    case ES_AST_COMPARE:
        printf("Compare(left=");
        dump(n->u.compare.left);
        printf(", ops=[");
        for (size_t i = 0; i < n->u.compare.comparators.len; i++) {
            printf("%s%s()", i ? ", " : "", cmpop_names[n->u.compare.ops[i]]);
        }
        printf("], comparators=");
        dump_seq(n->u.compare.comparators);
        break;
    case ES_AST_CALL:
        printf("Call(func=");
        dump(n->u.call.func);
        field("args");
        dump_seq(n->u.call.args);
        field("keywords");
        dump_seq(n->u.call.keywords);
        break;
    case ES_AST_FORMATTEDVALUE:
        printf("FormattedValue(value=");
        dump(n->u.formatted_value.value);
        printf(", conversion=%d", n->sub ? n->sub : -1);
        field("format_spec");
        dump_opt(n->u.formatted_value.format_spec);
        break;
    case ES_AST_CONSTANT:
        printf("Constant(value=");
        switch (n->sub) {
        case ES_AST_CONST_NONE: printf("None"); break;
        case ES_AST_CONST_TRUE: printf("True"); break;
        case ES_AST_CONST_FALSE: printf("False"); break;
        case ES_AST_CONST_ELLIPSIS: printf("..."); break;
        case ES_AST_CONST_INT:
        case ES_AST_CONST_FLOAT: printf("%s", n->u.constant.data); break;
        case ES_AST_CONST_IMAG: printf("%sj", n->u.constant.data); break;
        case ES_AST_CONST_STR: put_str(n->u.constant.data, n->u.constant.len); break;
        case ES_AST_CONST_BYTES: put_bytes_literal(n->u.constant.data, n->u.constant.len); break;
        }
        if (n->u.constant.data && n->u.constant.data[n->u.constant.len] != 0) {
            printf("<<missing NUL>>");
        }
        break;
    case ES_AST_ATTRIBUTE:
        printf("Attribute(value=");
        dump(n->u.attribute.value);
        printf(", attr=");
        put_name(n->u.attribute.attr);
        printf(", ctx=%s", ctx);
        break;
    case ES_AST_SUBSCRIPT:
        printf("Subscript(value=");
        dump(n->u.subscript.value);
        field("slice");
        dump(n->u.subscript.slice);
        printf(", ctx=%s", ctx);
        break;
    case ES_AST_STARRED:
        printf("Starred(value=");
        dump(n->u.starred.value);
        printf(", ctx=%s", ctx);
        break;
    case ES_AST_NAME:
        printf("Name(id=");
        put_name(n->u.name.id);
        printf(", ctx=%s", ctx);
        break;
    case ES_AST_SLICE:
        printf("Slice(lower=");
        dump_opt(n->u.slice.lower);
        field("upper");
        dump_opt(n->u.slice.upper);
        field("step");
        dump_opt(n->u.slice.step);
        break;
    case ES_AST_COMPREHENSION:
        printf("comprehension(target=");
        dump(n->u.comprehension.target);
        field("iter");
        dump(n->u.comprehension.iter);
        field("ifs");
        dump_seq(n->u.comprehension.ifs);
        printf(", is_async=%d", n->sub);
        positioned = false;
        break;
    case ES_AST_EXCEPTHANDLER:
        printf("ExceptHandler(type=");
        dump_opt(n->u.except_handler.type);
        printf(", name=");
        put_name(n->u.except_handler.name);
        field("body");
        dump_seq(n->u.except_handler.body);
        break;
    case ES_AST_ARGUMENTS:
        printf("arguments(posonlyargs=");
        dump_seq(n->u.arguments.posonlyargs);
        field("args");
        dump_seq(n->u.arguments.args);
        field("vararg");
        dump_opt(n->u.arguments.vararg);
        field("kwonlyargs");
        dump_seq(n->u.arguments.kwonlyargs);
        field("kw_defaults");
        dump_seq(n->u.arguments.kw_defaults);
        field("kwarg");
        dump_opt(n->u.arguments.kwarg);
        field("defaults");
        dump_seq(n->u.arguments.defaults);
        positioned = false;
        break;
    case ES_AST_ARG:
        printf("arg(arg=");
        put_name(n->u.arg.arg);
        field("annotation");
        dump_opt(n->u.arg.annotation);
        printf(", type_comment=None");
        break;
    case ES_AST_KEYWORD:
        printf("keyword(arg=");
        put_name(n->u.keyword.arg);
        field("value");
        dump(n->u.keyword.value);
        break;
    case ES_AST_ALIAS:
        printf("alias(name=");
        put_name(n->u.alias.name);
        printf(", asname=");
        put_name(n->u.alias.asname);
        break;
    case ES_AST_WITHITEM:
        printf("withitem(context_expr=");
        dump(n->u.withitem.context_expr);
        field("optional_vars");
        dump_opt(n->u.withitem.optional_vars);
        positioned = false;
        break;
    default: printf("Unknown%d(", n->kind); break;
    }
    if (positioned && with_positions) {
        printf("%slineno=%u, col_offset=%u", empty ? "" : ", ", (unsigned)n->line,
               (unsigned)n->col);
    }
    putchar(')');
}

int main(int argc, char **argv) {
    int mode = ES_PARSE_EXEC;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-eval") == 0) {
            mode = ES_PARSE_EVAL;
        } else if (strcmp(argv[i], "-single") == 0) {
            mode = ES_PARSE_SINGLE;
        } else if (strcmp(argv[i], "-pos") == 0) {
            with_positions = 1;
        } else if (strcmp(argv[i], "-stream") == 0) {
            mode_stream = 1;
        } else if (strcmp(argv[i], "-mem") == 0) {
            mode_mem = 1;
        } else if (strcmp(argv[i], "-incomplete") == 0) {
            mode = -1;
        } else {
            path = argv[i];
        }
    }
    if (path == NULL) {
        fprintf(stderr, "usage: parser_dump [-eval|-single|-pos|-incomplete] file\n");
        return 2;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return 2;
    }
    size_t cap = 1 << 16, len = 0;
    char *src = malloc(cap);
    size_t got;
    while ((got = fread(src + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            src = realloc(src, cap);
        }
    }
    fclose(f);
    if (mode == -1) {
        printf("%s\n", es_parse_is_incomplete(src, len) ? "incomplete" : "complete");
        return 0;
    }
    es_parse_error_t err;
    if (mode_stream) {
        /* the same dump, built from es_parser_next one statement at a time */
        es_parser_t *ps = es_parser_new(src, len, mode, &err);
        es_ast_node_t *stmt;
        int n = 0;
        printf("%s(body=[", mode == ES_PARSE_EXEC ? "Module" : "Interactive");
        while ((stmt = es_parser_next(ps)) != NULL) {
            printf("%s", n++ ? ", " : "");
            dump(stmt);
        }
        es_parser_free(ps);
        if (err.kind != ES_PARSE_OK) {
            printf("\n%s: %s (line %u, col %u)\n",
                   err.kind == ES_PARSE_INDENTATION_ERROR ? "IndentationError" : "SyntaxError",
                   err.message, (unsigned)err.line, (unsigned)err.col);
            return 1;
        }
        printf("]%s)\n", mode == ES_PARSE_EXEC ? ", type_ignores=[]" : "");
        return 0;
    }
    es_ast_module_t *m = es_parse(src, len, es_qstr_from_strn(path, strlen(path)), mode, &err);
#ifdef ES_PARSE_STACK_STATS
    extern size_t es_parse_stack_peak;
    fprintf(stderr, "parser stack peak: %zu bytes\n", es_parse_stack_peak);
#endif
    if (m == NULL) {
        printf("%s: %s (line %u, col %u)%s\n",
               err.kind == ES_PARSE_INDENTATION_ERROR ? "IndentationError" : "SyntaxError",
               err.message, (unsigned)err.line, (unsigned)err.col,
               err.incomplete ? " [incomplete]" : "");
        return 1;
    }
    if (mode_mem) {
        printf("source %zu bytes, tree %zu bytes live, peak %zu\n", len, shim_live_bytes,
               shim_peak_bytes);
        return 0;
    }
    if (mode == ES_PARSE_EVAL) {
        printf("Expression(body=");
        dump(m->expr);
        printf(")\n");
    } else {
        printf("%s(body=", mode == ES_PARSE_EXEC ? "Module" : "Interactive");
        dump_seq(m->body);
        printf("%s)\n", mode == ES_PARSE_EXEC ? ", type_ignores=[]" : "");
    }
    return 0;
}
