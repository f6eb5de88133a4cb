/* containers_test.c: white-box checks of lists, tuples, dicts, sets, ranges and sorting through the C API. */
/* Build: tests/unit/containers_build.sh. With the argument "setops" it replays set operations from stdin
** (tests/unit/containers_setorder compares them with CPython). */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/runtime.h"
#include "py/sequence.h"
#include "py/sort.h"

static int failures, checks;

static const char *repr_of(es_obj_t o) {
    es_vstr_t vstr;
    es_print_t print;
    es_vstr_init_print(&vstr, 32, &print);
    es_obj_print_helper(&print, o, ES_PRINT_REPR);
    return es_vstr_null_terminated_str(&vstr);
}

static void expect(int line, es_obj_t o, const char *want) {
    checks++;
    const char *got = repr_of(o);
    if (strcmp(got, want) != 0) {
        failures++;
        printf("line %d: got %s, want %s\n", line, got, want);
    }
}
#define EXPECT(o, want) expect(__LINE__, (o), (want))

static es_obj_t I(es_int_t v) { return es_obj_new_small_int(v); }
static es_obj_t S(const char *s) { return es_obj_new_str(s, strlen(s)); }

static es_obj_t ints(size_t n, ...) {
    va_list ap;
    va_start(ap, n);
    es_obj_t l = es_obj_new_list(0, NULL);
    for (size_t i = 0; i < n; i++) {
        es_obj_list_append(l, I(va_arg(ap, int)));
    }
    va_end(ap);
    return l;
}

static es_obj_t tup(size_t n, ...) {
    va_list ap;
    va_start(ap, n);
    es_obj_t items[16];
    for (size_t i = 0; i < n; i++) {
        items[i] = va_arg(ap, es_obj_t);
    }
    va_end(ap);
    return es_obj_new_tuple(n, items);
}

/* obj.name(args...) with n positional arguments, then n_kw (name, value) pairs. */
static es_obj_t callm(es_obj_t obj, const char *name, size_t n, size_t n_kw, ...) {
    es_obj_t args[2 + 16];
    es_load_method(obj, es_qstr_from_str(name), args);
    va_list ap;
    va_start(ap, n_kw);
    for (size_t i = 0; i < n + 2 * n_kw; i++) {
        args[2 + i] = va_arg(ap, es_obj_t);
    }
    va_end(ap);
    return es_call_method_n_kw(n, n_kw, args);
}

static es_obj_t make(const es_type_t *type, size_t n, es_obj_t *args) {
    return es_call_function_n_kw(es_obj_from_ptr(type), n, 0, args);
}

static es_obj_t slice(es_obj_t a, es_obj_t b, es_obj_t c) { return es_obj_new_slice(a, b, c); }
#define N ES_OBJ_NONE

/* Runs f and returns the exception's type name and message, or "no exception". */
static const char *raises(void (*f)(void)) {
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        f();
        es_nlr_pop();
        return "no exception";
    }
    es_vstr_t vstr;
    es_print_t print;
    es_vstr_init_print(&vstr, 32, &print);
    es_printf(&print, "%s: ", es_obj_type_name(nlr.ret_val));
    es_obj_print_helper(&print, nlr.ret_val, ES_PRINT_STR);
    return es_vstr_null_terminated_str(&vstr);
}
#define EXPECT_RAISES(f, want)                                                                     \
    do {                                                                                           \
        checks++;                                                                                  \
        const char *got_ = raises(f);                                                              \
        if (strcmp(got_, want) != 0) {                                                             \
            failures++;                                                                            \
            printf("line %d: raised %s, want %s\n", __LINE__, got_, want);                         \
        }                                                                                          \
    } while (0)

static es_obj_t g_list;
static void pop_empty(void) { callm(es_obj_new_list(0, NULL), "pop", 0, 0); }
static void bad_extended(void) { es_obj_subscr(g_list, slice(N, N, I(2)), ints(1, 1)); }
static void remove_missing(void) { callm(g_list, "remove", 1, 0, I(99)); }
static void index_oor(void) { es_obj_subscr(g_list, I(10), ES_OBJ_SENTINEL); }
static void sort_mixed(void) { callm(tup(0), "count", 1, 0, I(1)); es_obj_list_sort(g_list, N, false); }
static void key_missing(void) { es_obj_subscr(es_obj_new_dict(0), S("k"), ES_OBJ_SENTINEL); }
static void zero_step(void) { es_obj_subscr(g_list, slice(N, N, I(0)), ES_OBJ_SENTINEL); }
static void dict_changed(void) {
    es_obj_t d = es_obj_new_dict(0);
    es_obj_dict_store(d, I(1), I(1));
    es_obj_t it = es_getiter(d, NULL);
    es_iternext(it);
    es_obj_dict_store(d, I(2), I(2));
    es_iternext(it);
}

static void test_lists(void) {
    es_obj_t l = ints(5, 0, 1, 2, 3, 4);
    EXPECT(l, "[0, 1, 2, 3, 4]");
    EXPECT(es_obj_subscr(l, slice(N, N, I(-1)), ES_OBJ_SENTINEL), "[4, 3, 2, 1, 0]");
    EXPECT(es_obj_subscr(l, slice(I(1), I(-1), I(2)), ES_OBJ_SENTINEL), "[1, 3]");
    EXPECT(es_obj_subscr(l, slice(I(-100), I(100), N), ES_OBJ_SENTINEL), "[0, 1, 2, 3, 4]");
    EXPECT(es_obj_subscr(l, slice(I(3), I(1), N), ES_OBJ_SENTINEL), "[]");
    EXPECT(es_obj_subscr(l, I(-1), ES_OBJ_SENTINEL), "4");
    es_obj_subscr(l, slice(I(1), I(3), N), ints(3, 7, 8, 9));
    EXPECT(l, "[0, 7, 8, 9, 3, 4]");
    es_obj_subscr(l, slice(N, N, I(2)), ints(3, -1, -2, -3));
    EXPECT(l, "[-1, 7, -2, 9, -3, 4]");
    es_obj_subscr(l, slice(N, N, I(-2)), ES_OBJ_NULL);
    EXPECT(l, "[-1, -2, -3]");
    es_obj_subscr(l, slice(I(1), I(1), N), l);
    EXPECT(l, "[-1, -1, -2, -3, -2, -3]");
    es_obj_subscr(l, slice(I(2), N, N), ES_OBJ_NULL);
    EXPECT(l, "[-1, -1]");
    callm(l, "insert", 2, 0, I(-100), I(5));
    callm(l, "insert", 2, 0, I(100), I(6));
    callm(l, "insert", 2, 0, I(1), I(7));
    EXPECT(l, "[5, 7, -1, -1, 6]");
    EXPECT(callm(l, "pop", 0, 0), "6");
    EXPECT(callm(l, "pop", 1, 0, I(0)), "5");
    EXPECT(callm(l, "index", 1, 0, I(-1)), "1");
    EXPECT(callm(l, "count", 1, 0, I(-1)), "2");
    callm(l, "remove", 1, 0, I(-1));
    EXPECT(l, "[7, -1]");
    callm(l, "reverse", 0, 0);
    EXPECT(l, "[-1, 7]");
    callm(l, "extend", 1, 0, tup(2, I(1), I(2)));
    callm(l, "extend", 1, 0, l);
    EXPECT(l, "[-1, 7, 1, 2, -1, 7, 1, 2]");
    callm(l, "sort", 0, 0);
    EXPECT(l, "[-1, -1, 1, 1, 2, 2, 7, 7]");
    callm(l, "sort", 0, 1, S("reverse"), ES_OBJ_TRUE);
    EXPECT(l, "[7, 7, 2, 2, 1, 1, -1, -1]");
    EXPECT(es_binary_op(ES_BINARY_OP_MULTIPLY, ints(2, 1, 2), I(3)), "[1, 2, 1, 2, 1, 2]");
    EXPECT(es_binary_op(ES_BINARY_OP_MULTIPLY, I(2), ints(1, 5)), "[5, 5]");
    EXPECT(es_binary_op(ES_BINARY_OP_MULTIPLY, ints(1, 5), I(-2)), "[]");
    EXPECT(es_binary_op(ES_BINARY_OP_ADD, ints(1, 5), ints(1, 6)), "[5, 6]");
    EXPECT(es_binary_op(ES_BINARY_OP_LESS, ints(2, 1, 2), ints(3, 1, 2, 0)), "True");
    EXPECT(es_binary_op(ES_BINARY_OP_MORE, ints(2, 1, 3), ints(3, 1, 2, 0)), "True");
    EXPECT(es_binary_op(ES_BINARY_OP_EQUAL, ints(2, 1, 3), ints(2, 1, 3)), "True");
    EXPECT(es_binary_op(ES_BINARY_OP_IN, ints(2, 1, 3), I(3)), "True");
    es_obj_t m = ints(2, 1, 2);
    es_binary_op(ES_BINARY_OP_INPLACE_MULTIPLY, m, I(2));
    EXPECT(m, "[1, 2, 1, 2]");
    es_obj_t self = ints(1, 1);
    es_obj_list_append(self, self);
    EXPECT(self, "[1, [...]]");
    es_obj_t d = es_obj_new_dict(0);
    es_obj_dict_store(d, I(1), d);
    es_obj_list_append(self, d);
    EXPECT(self, "[1, [...], {1: {...}}]");
    g_list = ints(3, 1, 2, 3);
    EXPECT_RAISES(pop_empty, "IndexError: pop from empty list");
    EXPECT_RAISES(bad_extended, "ValueError: attempt to assign sequence of size 1 to extended slice of size 2");
    EXPECT_RAISES(remove_missing, "ValueError: list.remove(x): x not in list");
    EXPECT_RAISES(index_oor, "IndexError: list index out of range");
    EXPECT_RAISES(zero_step, "ValueError: slice step cannot be zero");
    g_list = es_obj_new_list(0, NULL);
    es_obj_list_append(g_list, I(1));
    es_obj_list_append(g_list, S("a"));
    EXPECT_RAISES(sort_mixed, "TypeError: '<' not supported between instances of 'str' and 'int'");
    EXPECT(g_list, "[1, 'a']");
}

static void test_sort(void) {
    /* stability with reverse: sort pairs by their first item */
    es_obj_t l = es_obj_new_list(0, NULL);
    for (int i = 0; i < 200; i++) {
        es_obj_list_append(l, tup(2, I((i * 7919) % 13), I(i)));
    }
    es_obj_t copy = callm(l, "copy", 0, 0);
    es_obj_list_sort(copy, N, false);
    size_t n;
    es_obj_t *items;
    es_obj_list_get(copy, &n, &items);
    bool ok = n == 200;
    for (size_t i = 1; i < n; i++) {
        if (es_obj_is_true(es_binary_op(ES_BINARY_OP_LESS, items[i], items[i - 1]))) {
            ok = false;
        }
    }
    EXPECT(es_obj_new_bool(ok), "True");
    /* big pseudo-random list of ints, reverse */
    es_obj_t big = es_obj_new_list(0, NULL);
    unsigned x = 12345;
    for (int i = 0; i < 5000; i++) {
        x = x * 1103515245u + 12345u;
        es_obj_list_append(big, I((x >> 8) % 1000));
    }
    es_obj_list_sort(big, N, true);
    es_obj_list_get(big, &n, &items);
    ok = n == 5000;
    for (size_t i = 1; i < n; i++) {
        if (es_small_int_value(items[i]) > es_small_int_value(items[i - 1])) {
            ok = false;
        }
    }
    EXPECT(es_obj_new_bool(ok), "True");
    /* key=len over strings keeps equal lengths in order, also reversed */
    es_obj_t words = es_obj_new_list(0, NULL);
    const char *w[] = {"bb", "a", "ccc", "dd", "e", "fff", "g", "hh"};
    for (size_t i = 0; i < 8; i++) {
        es_obj_list_append(words, S(w[i]));
    }
    es_obj_t len_fn = es_builtin_lookup(ES_Q_len);
    if (len_fn != ES_OBJ_NULL) {
        es_obj_t w2 = callm(words, "copy", 0, 0);
        es_obj_list_sort(w2, len_fn, false);
        EXPECT(w2, "['a', 'e', 'g', 'bb', 'dd', 'hh', 'ccc', 'fff']");
        es_obj_list_sort(words, len_fn, true);
        EXPECT(words, "['ccc', 'fff', 'bb', 'dd', 'hh', 'a', 'e', 'g']");
    }
}

static void test_tuples_ranges(void) {
    EXPECT(tup(1, I(1)), "(1,)");
    EXPECT(tup(0), "()");
    EXPECT(es_binary_op(ES_BINARY_OP_ADD, tup(1, I(1)), tup(2, I(2), I(3))), "(1, 2, 3)");
    EXPECT(es_obj_subscr(tup(3, I(1), I(2), I(3)), slice(N, N, I(-2)), ES_OBJ_SENTINEL), "(3, 1)");
    EXPECT(es_obj_equal(es_obj_hash(tup(2, I(1), I(2))), es_obj_hash(tup(2, I(1), I(2)))) ? ES_OBJ_TRUE : ES_OBJ_FALSE,
           "True");
    es_obj_t r_args[3] = {I(10), I(-5), I(-3)};
    es_obj_t r = make(&es_type_range, 3, r_args);
    EXPECT(r, "range(10, -5, -3)");
    EXPECT(es_obj_len(r), "5");
    EXPECT(es_obj_new_list_from_iter(r), "[10, 7, 4, 1, -2]");
    EXPECT(es_obj_subscr(r, slice(N, N, I(-1)), ES_OBJ_SENTINEL), "range(-2, 13, 3)");
    EXPECT(es_obj_subscr(r, slice(I(1), I(3), N), ES_OBJ_SENTINEL), "range(7, 1, -3)");
    EXPECT(es_obj_subscr(r, I(-1), ES_OBJ_SENTINEL), "-2");
    EXPECT(es_binary_op(ES_BINARY_OP_IN, r, I(4)), "True");
    EXPECT(es_binary_op(ES_BINARY_OP_IN, r, I(5)), "False");
    EXPECT(callm(r, "index", 1, 0, I(1)), "3");
    es_obj_t rev_args[1] = {r};
    EXPECT(es_obj_new_list_from_iter(make(&es_type_reversed, 1, rev_args)), "[-2, 1, 4, 7, 10]");
    es_obj_t r0[2] = {I(0), I(0)};
    es_obj_t r1[3] = {I(5), I(1), I(1)};
    EXPECT(es_binary_op(ES_BINARY_OP_EQUAL, make(&es_type_range, 2, r0), make(&es_type_range, 3, r1)), "True");
}

static void test_dicts(void) {
    es_obj_t d = es_obj_new_dict(0);
    for (int i = 0; i < 20; i++) {
        es_obj_dict_store(d, I(i), I(i * i));
    }
    for (int i = 0; i < 20; i += 2) {
        es_obj_dict_delete(d, I(i));
    }
    es_obj_dict_store(d, I(0), S("zero"));
    EXPECT(d, "{1: 1, 3: 9, 5: 25, 7: 49, 9: 81, 11: 121, 13: 169, 15: 225, 17: 289, 19: 361, 0: 'zero'}");
    EXPECT(callm(d, "pop", 1, 0, I(3)), "9");
    EXPECT(callm(d, "popitem", 0, 0), "(0, 'zero')");
    EXPECT(callm(d, "get", 2, 0, I(100), S("none")), "'none'");
    EXPECT(callm(d, "setdefault", 2, 0, I(1), I(5)), "1");
    es_obj_t small = es_obj_new_dict(0);
    es_obj_dict_store(small, S("a"), I(1));
    es_obj_dict_store(small, ES_OBJ_TRUE, I(2));
    es_obj_dict_store(small, I(1), I(3));
    EXPECT(small, "{'a': 1, True: 3}");
    EXPECT(callm(small, "keys", 0, 0), "dict_keys(['a', True])");
    EXPECT(callm(small, "items", 0, 0), "dict_items([('a', 1), (True, 3)])");
    EXPECT(es_binary_op(ES_BINARY_OP_AND, callm(small, "keys", 0, 0), ints(2, 1, 7)), "{1}");
    es_obj_t other = es_obj_new_dict(0);
    es_obj_dict_store(other, S("b"), I(9));
    EXPECT(es_binary_op(ES_BINARY_OP_OR, small, other), "{'a': 1, True: 3, 'b': 9}");
    callm(small, "update", 1, 1, ES_OBJ_EMPTY_TUPLE, S("z"), I(26));
    EXPECT(small, "{'a': 1, True: 3, 'z': 26}");
    es_obj_t pairs = es_obj_new_list(0, NULL);
    es_obj_list_append(pairs, tup(2, I(1), I(2)));
    es_obj_list_append(pairs, ints(2, 3, 4));
    EXPECT(make(&es_type_dict, 1, &pairs), "{1: 2, 3: 4}");
    EXPECT(es_obj_dict_copy(small), "{'a': 1, True: 3, 'z': 26}");
    EXPECT(es_binary_op(ES_BINARY_OP_EQUAL, es_obj_dict_copy(small), small), "True");
    EXPECT_RAISES(key_missing, "KeyError: 'k'");
    EXPECT_RAISES(dict_changed, "RuntimeError: dictionary changed size during iteration");
    es_obj_t fk_args[2] = {ints(3, 3, 1, 2), I(0)};
    es_obj_t fromkeys = es_load_attr(es_obj_from_ptr(&es_type_dict), ES_Q_fromkeys);
    EXPECT(es_call_function_n_kw(fromkeys, 2, 0, fk_args), "{3: 0, 1: 0, 2: 0}");
}

static void test_sets(void) {
    es_obj_t s = es_obj_new_set(0, NULL);
    int vals[] = {10, 3, 8, 1, 100, 5};
    for (size_t i = 0; i < 6; i++) {
        es_obj_set_store(s, I(vals[i]));
    }
    EXPECT(s, "{1, 3, 100, 5, 8, 10}");
    EXPECT(es_obj_new_set(0, NULL), "set()");
    es_obj_t fs = es_obj_new_frozenset(2, (es_obj_t[]){I(2), I(1)});
    EXPECT(fs, "frozenset({1, 2})");
    EXPECT(es_binary_op(ES_BINARY_OP_OR, fs, s), "frozenset({1, 2, 3, 100, 5, 8, 10})");
    EXPECT(es_binary_op(ES_BINARY_OP_AND, s, fs), "{1}");
    EXPECT(es_binary_op(ES_BINARY_OP_SUBTRACT, s, fs), "{3, 100, 5, 8, 10}");
    EXPECT(es_binary_op(ES_BINARY_OP_XOR, s, fs), "{2, 3, 100, 5, 8, 10}");
    EXPECT(es_binary_op(ES_BINARY_OP_LESS_EQUAL, es_obj_new_set(1, (es_obj_t[]){I(1)}), fs), "True");
    EXPECT(es_binary_op(ES_BINARY_OP_EQUAL, es_obj_new_set(2, (es_obj_t[]){I(1), I(2)}), fs), "True");
    es_obj_t ss = es_obj_new_set(0, NULL);
    es_obj_set_store(ss, fs);
    EXPECT(es_binary_op(ES_BINARY_OP_IN, ss, es_obj_new_set(2, (es_obj_t[]){I(2), I(1)})), "True");
    EXPECT(callm(s, "pop", 0, 0), "1");
    EXPECT(callm(s, "issuperset", 1, 0, ints(2, 3, 5)), "True");
}

/* Replays "add N", "discard N", "pop", "print", "union/inter/diff/xor a b c" lines on one set. */
static void replay_set_ops(void) {
    es_obj_t s = es_obj_new_set(0, NULL);
    char line[256];
    while (fgets(line, sizeof(line), stdin) != NULL) {
        int v;
        if (sscanf(line, "add %d", &v) == 1) {
            es_obj_set_store(s, I(v));
        } else if (sscanf(line, "discard %d", &v) == 1) {
            callm(s, "discard", 1, 0, I(v));
        } else if (strncmp(line, "pop", 3) == 0) {
            printf("%s\n", repr_of(callm(s, "pop", 0, 0)));
        } else if (strncmp(line, "print", 5) == 0) {
            printf("%s\n", repr_of(s));
        } else {
            char op[16];
            int n = 0, a[8];
            if (sscanf(line, "%15s %d %d %d %d %d%n", op, &a[0], &a[1], &a[2], &a[3], &a[4], &n) >= 6) {
                es_obj_t other = es_obj_new_set(0, NULL);
                for (int i = 0; i < 5; i++) {
                    es_obj_set_store(other, I(a[i]));
                }
                es_binary_op_t bop = strcmp(op, "union") == 0   ? ES_BINARY_OP_OR
                                     : strcmp(op, "inter") == 0 ? ES_BINARY_OP_AND
                                     : strcmp(op, "diff") == 0  ? ES_BINARY_OP_SUBTRACT
                                                                : ES_BINARY_OP_XOR;
                printf("%s\n", repr_of(es_binary_op(bop, s, other)));
                printf("%s\n", repr_of(es_binary_op(bop, other, s)));
            }
        }
    }
}

int main(int argc, char **argv) {
    int stack_top;
    es_stack_set_top(&stack_top);
    static char heap[16 * 1024 * 1024];
    es_gc_init(heap, heap + sizeof(heap));
    es_qstr_init();
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        if (argc > 1 && strcmp(argv[1], "setops") == 0) {
            replay_set_ops();
        } else {
            test_lists();
            test_sort();
            test_tuples_ranges();
            test_dicts();
            test_sets();
            printf("%d checks, %d failures\n", checks, failures);
        }
        es_nlr_pop();
    } else {
        printf("uncaught: %s\n", repr_of(nlr.ret_val));
        return 2;
    }
    return failures != 0;
}
