/* numbers_mpz.c: white-box driver for py/mpz.c; reads "op a b [c]" lines (decimal), prints results.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/mpz.h"
#include "py/runtime.h"

/* The driver runs without the interpreter: plain malloc stands in for the heap. */
void *es_alloc(size_t n) {
    return calloc(1, n);
}
void es_free(void *p) {
    free(p);
}
void es_raise_memory_error(void) {
    fprintf(stderr, "MemoryError\n");
    exit(1);
}

static void parse(es_mpz_t *z, const char *s) {
    bool neg = *s == '-';
    if (neg) {
        s++;
    }
    es_mpz_init_zero(z);
    es_mpz_set_str(z, s, strlen(s), 10);
    z->neg = neg && z->len != 0;
}

static void show(const es_mpz_t *z) {
    char *buf = malloc(es_mpz_str_size(z, 10) + 2);
    size_t n = es_mpz_as_str(z, buf, 10, false);
    printf("%s%.*s\n", z->neg ? "-" : "", (int)n, buf);
    free(buf);
}

int main(void) {
    static char line[1 << 22];
    char op[32];
    while (fgets(line, sizeof line, stdin)) {
        char *args[3] = {0};
        char *save;
        char *tok = strtok_r(line, " \n", &save);
        if (!tok) continue;
        snprintf(op, sizeof op, "%s", tok);
        for (int i = 0; i < 3; i++)
            args[i] = strtok_r(NULL, " \n", &save);
        es_mpz_t a, b, c, r, r2;
        es_mpz_init_zero(&r);
        es_mpz_init_zero(&r2);
        parse(&a, args[0]);
        if (args[1])
            parse(&b, args[1]);
        else
            es_mpz_init_zero(&b);
        if (args[2])
            parse(&c, args[2]);
        else
            es_mpz_init_zero(&c);
        if (!strcmp(op, "add")) {
            es_mpz_add(&r, &a, &b);
            show(&r);
        } else if (!strcmp(op, "sub")) {
            es_mpz_sub(&r, &a, &b);
            show(&r);
        } else if (!strcmp(op, "mul")) {
            es_mpz_mul(&r, &a, &b);
            show(&r);
        } else if (!strcmp(op, "divmod")) {
            es_mpz_divmod_floor(&r, &r2, &a, &b);
            show(&r);
            show(&r2);
        } else if (!strcmp(op, "and")) {
            es_mpz_and(&r, &a, &b);
            show(&r);
        } else if (!strcmp(op, "or")) {
            es_mpz_or(&r, &a, &b);
            show(&r);
        } else if (!strcmp(op, "xor")) {
            es_mpz_xor(&r, &a, &b);
            show(&r);
        } else if (!strcmp(op, "not")) {
            es_mpz_not(&r, &a);
            show(&r);
        } else if (!strcmp(op, "shl")) {
            long long s;
            es_mpz_as_ll(&b, &s);
            es_mpz_shl(&r, &a, (size_t)s);
            show(&r);
        } else if (!strcmp(op, "shr")) {
            long long s;
            es_mpz_as_ll(&b, &s);
            es_mpz_shr_floor(&r, &a, (size_t)s);
            show(&r);
        } else if (!strcmp(op, "pow")) {
            long long s;
            es_mpz_as_ll(&b, &s);
            es_mpz_pow(&r, &a, (size_t)s);
            show(&r);
        } else if (!strcmp(op, "powmod")) {
            es_mpz_pow_mod(&r, &a, &b, &c);
            show(&r);
        } else if (!strcmp(op, "inv")) {
            if (es_mpz_inverse_mod(&r, &a, &b))
                show(&r);
            else
                printf("none\n");
        } else if (!strcmp(op, "float")) {
            es_float_t f;
            if (es_mpz_as_float(&a, &f))
                printf("%.17g\n", f);
            else
                printf("overflow\n");
        } else if (!strcmp(op, "truediv")) {
            es_float_t f;
            if (es_mpz_true_div(&a, &b, &f))
                printf("%.17g\n", f);
            else
                printf("overflow\n");
        } else if (!strcmp(op, "hash")) {
            printf("%lld\n", es_mpz_hash(&a, 61));
        } else if (!strcmp(op, "hex")) {
            char *buf = malloc(es_mpz_str_size(&a, 16));
            size_t n = es_mpz_as_str(&a, buf, 16, false);
            printf("%.*s\n", (int)n, buf);
            free(buf);
        } else if (!strcmp(op, "bytes")) {
            uint8_t buf[64];
            long long n;
            es_mpz_as_ll(&b, &n);
            if (!es_mpz_as_bytes(&a, buf, (size_t)n, true, true))
                printf("overflow\n");
            else {
                es_mpz_set_bytes(&r, buf, (size_t)n, true, true);
                show(&r);
            }
        } else if (!strcmp(op, "cmpf")) {
            printf("%d\n", es_mpz_cmp_float(&a, strtod(args[1], NULL)));
        } else
            printf("?\n");
        fflush(stdout);
    }
    return 0;
}
