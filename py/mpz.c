/* mpz.c: arbitrary-precision integer arithmetic on sign-magnitude digit arrays. */
#include <float.h>
#include <math.h>
#include <string.h>

#include <limits.h>

#include "py/gc.h"
#include "py/mpz.h"
#include "py/runtime.h"

#define DIG_BITS ES_MPZ_DIG_BITS
#define DIG_MASK ((es_mpz_dig_t) ~(es_mpz_dig_t)0)
typedef es_mpz_dig_t dig_t;
typedef es_mpz_dbl_t dbl_t;

#if ES_FLOAT_IS_SINGLE
#define FLOAT_MANT_DIG FLT_MANT_DIG
#define FLOAT_MIN_EXP FLT_MIN_EXP
#define FLOAT_LDEXP ldexpf
#define FLOAT_FREXP frexpf
#define FLOAT_TRUNC truncf
#else
#define FLOAT_MANT_DIG DBL_MANT_DIG
#define FLOAT_MIN_EXP DBL_MIN_EXP
#define FLOAT_LDEXP ldexp
#define FLOAT_FREXP frexp
#define FLOAT_TRUNC trunc
#endif

/*
** Products below this many digits use the schoolbook method; above it Karatsuba's
** three-multiplication split wins despite its extra additions and scratch memory.
*/
#define KARATSUBA_THRESHOLD (32)

/* ---- memory ------------------------------------------------------------------------- */

static dig_t *dig_alloc(size_t n) {
    if (n > SIZE_MAX / sizeof(dig_t) / 2) {
        es_raise_memory_error();
    }
    return (dig_t *)es_alloc((n == 0 ? 1 : n) * sizeof(dig_t));
}

static void dig_free(dig_t *d) { es_free(d); }

/* Gives z the buffer buf (heap memory of `alloc` digits), releasing the old one. */
static void mpz_take(es_mpz_t *z, dig_t *buf, size_t alloc) {
    if (!z->fixed && z->dig != NULL) {
        dig_free(z->dig);
    }
    z->dig = buf;
    z->alloc = alloc;
    z->fixed = false;
}

/* Makes room for n digits, keeping the value. */
static void mpz_need(es_mpz_t *z, size_t n) {
    if (z->alloc >= n) {
        return;
    }
    dig_t *buf = dig_alloc(n);
    if (z->len > 0) {
        memcpy(buf, z->dig, z->len * sizeof(dig_t));
    }
    mpz_take(z, buf, n);
}

static size_t norm_len(const dig_t *d, size_t n) {
    while (n > 0 && d[n - 1] == 0) {
        n--;
    }
    return n;
}

static void mpz_set_len(es_mpz_t *z, size_t len, bool neg) {
    z->len = norm_len(z->dig, len);
    z->neg = z->len != 0 && neg;
}

static unsigned dig_bit_length(dig_t d) {
    unsigned n = 0;
    while (d != 0) {
        d >>= 1;
        n++;
    }
    return n;
}

/* ---- natural numbers: digit arrays, least significant first --------------------------- */

static int mpn_cmp(const dig_t *a, size_t na, const dig_t *b, size_t nb) {
    if (na != nb) {
        return na < nb ? -1 : 1;
    }
    while (na-- > 0) {
        if (a[na] != b[na]) {
            return a[na] < b[na] ? -1 : 1;
        }
    }
    return 0;
}

/* r[0..na) = a + b with na >= nb; returns the carry out. r may be a or b. */
static dig_t mpn_add(dig_t *r, const dig_t *a, size_t na, const dig_t *b, size_t nb) {
    dbl_t carry = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        carry += (dbl_t)a[i] + b[i];
        r[i] = (dig_t)carry;
        carry >>= DIG_BITS;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = (dig_t)carry;
        carry >>= DIG_BITS;
    }
    return (dig_t)carry;
}

/* r[0..na) = a - b with na >= nb; returns the borrow out. r may be a or b. */
static dig_t mpn_sub(dig_t *r, const dig_t *a, size_t na, const dig_t *b, size_t nb) {
    dig_t borrow = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        dbl_t t = (dbl_t)a[i] - b[i] - borrow;
        r[i] = (dig_t)t;
        borrow = (t >> DIG_BITS) != 0;
    }
    for (; i < na; i++) {
        dbl_t t = (dbl_t)a[i] - borrow;
        r[i] = (dig_t)t;
        borrow = (t >> DIG_BITS) != 0;
    }
    return borrow;
}

/* r[0..n) += a[0..n) * m; returns the carry digit. */
static dig_t mpn_addmul_1(dig_t *r, const dig_t *a, size_t n, dig_t m) {
    dbl_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        carry += (dbl_t)a[i] * m + r[i];
        r[i] = (dig_t)carry;
        carry >>= DIG_BITS;
    }
    return (dig_t)carry;
}

/* r[0..n) = a * m + add; returns the carry digit. r may be a. */
static dig_t mpn_mul_1(dig_t *r, const dig_t *a, size_t n, dig_t m, dig_t add) {
    dbl_t carry = add;
    for (size_t i = 0; i < n; i++) {
        carry += (dbl_t)a[i] * m;
        r[i] = (dig_t)carry;
        carry >>= DIG_BITS;
    }
    return (dig_t)carry;
}

/* q[0..n) = a / d; returns a % d. q may be a. */
static dig_t mpn_divrem_1(dig_t *q, const dig_t *a, size_t n, dig_t d) {
    dbl_t rem = 0;
    for (size_t i = n; i-- > 0;) {
        rem = (rem << DIG_BITS) | a[i];
        q[i] = (dig_t)(rem / d);
        rem %= d;
    }
    return (dig_t)rem;
}

static void mpn_mul_school(dig_t *r, const dig_t *a, size_t na, const dig_t *b, size_t nb) {
    memset(r, 0, na * sizeof(dig_t));
    for (size_t j = 0; j < nb; j++) {
        r[na + j] = mpn_addmul_1(r + j, a, na, b[j]);
    }
}

/* r[0..na+nb) = a * b; r must not overlap a or b. */
static void mpn_mul(dig_t *r, const dig_t *a, size_t na, const dig_t *b, size_t nb) {
    if (na < nb) {
        const dig_t *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if (nb < KARATSUBA_THRESHOLD) {
        if (nb == 0) {
            memset(r, 0, na * sizeof(dig_t));
            return;
        }
        mpn_mul_school(r, a, na, b, nb);
        return;
    }
    size_t m = (na + 1) / 2;
    if (nb <= m) {
        /* Unbalanced: multiply b by slices of a as long as b and add them up. */
        memset(r, 0, (na + nb) * sizeof(dig_t));
        dig_t *tmp = dig_alloc(2 * nb);
        for (size_t off = 0; off < na; off += nb) {
            size_t n = na - off < nb ? na - off : nb;
            mpn_mul(tmp, a + off, n, b, nb);
            mpn_add(r + off, r + off, na + nb - off, tmp, n + nb);
        }
        dig_free(tmp);
        return;
    }
    /* Karatsuba: a = a1 B^m + a0, b = b1 B^m + b0,
    ** a b = a1 b1 B^2m + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) B^m + a0 b0. */
    size_t na1 = na - m, nb1 = nb - m;
    dig_t *tmp = dig_alloc(4 * (m + 1));
    dig_t *sa = tmp, *sb = tmp + (m + 1), *mid = tmp + 2 * (m + 1);
    sa[m] = mpn_add(sa, a, m, a + m, na1);
    sb[m] = mpn_add(sb, b, m, b + m, nb1);
    mpn_mul(mid, sa, m + 1, sb, m + 1);
    mpn_mul(r, a, m, b, m);
    mpn_mul(r + 2 * m, a + m, na1, b + m, nb1);
    size_t nmid = 2 * (m + 1);
    mpn_sub(mid, mid, nmid, r, 2 * m);
    mpn_sub(mid, mid, nmid, r + 2 * m, na1 + nb1);
    nmid = norm_len(mid, nmid);
    mpn_add(r + m, r + m, na + nb - m, mid, nmid);
    dig_free(tmp);
}

/*
** Knuth's algorithm D: q[0..na-nb] = a / b, r[0..nb) = a % b, for na >= nb >= 2 and
** b[nb-1] != 0. Both operands are shifted so that b's top bit is set, which keeps each
** estimated quotient digit at most two too large.
*/
static void mpn_divrem(dig_t *q, dig_t *r, const dig_t *a, size_t na, const dig_t *b, size_t nb) {
    unsigned s = DIG_BITS - dig_bit_length(b[nb - 1]);
    dig_t *bn = dig_alloc(nb + na + 1);
    dig_t *an = bn + nb;
    if (s == 0) {
        memcpy(bn, b, nb * sizeof(dig_t));
        memcpy(an, a, na * sizeof(dig_t));
        an[na] = 0;
    } else {
        for (size_t i = nb - 1; i > 0; i--) {
            bn[i] = (dig_t)((b[i] << s) | (b[i - 1] >> (DIG_BITS - s)));
        }
        bn[0] = (dig_t)(b[0] << s);
        an[na] = (dig_t)(a[na - 1] >> (DIG_BITS - s));
        for (size_t i = na - 1; i > 0; i--) {
            an[i] = (dig_t)((a[i] << s) | (a[i - 1] >> (DIG_BITS - s)));
        }
        an[0] = (dig_t)(a[0] << s);
    }
    dig_t btop = bn[nb - 1], bnext = bn[nb - 2];
    for (size_t j = na - nb + 1; j-- > 0;) {
        dbl_t num = ((dbl_t)an[j + nb] << DIG_BITS) | an[j + nb - 1];
        dbl_t qhat = num / btop;
        dbl_t rhat = num % btop;
        while (qhat > DIG_MASK || qhat * bnext > ((rhat << DIG_BITS) | an[j + nb - 2])) {
            qhat--;
            rhat += btop;
            if (rhat > DIG_MASK) {
                break;
            }
        }
        /* an[j..j+nb] -= qhat * bn */
        dbl_t carry = 0;
        dig_t borrow = 0;
        for (size_t i = 0; i < nb; i++) {
            dbl_t p = qhat * bn[i] + carry;
            carry = p >> DIG_BITS;
            dbl_t t = (dbl_t)an[i + j] - (dig_t)p - borrow;
            an[i + j] = (dig_t)t;
            borrow = (t >> DIG_BITS) != 0;
        }
        dbl_t t = (dbl_t)an[j + nb] - carry - borrow;
        an[j + nb] = (dig_t)t;
        if ((t >> DIG_BITS) != 0) {
            /* The estimate was one too large: add b back. */
            qhat--;
            dig_t c = mpn_add(an + j, an + j, nb, bn, nb);
            an[j + nb] = (dig_t)(an[j + nb] + c);
        }
        q[j] = (dig_t)qhat;
    }
    if (r != NULL) {
        if (s == 0) {
            memcpy(r, an, nb * sizeof(dig_t));
        } else {
            for (size_t i = 0; i < nb - 1; i++) {
                r[i] = (dig_t)((an[i] >> s) | (an[i + 1] << (DIG_BITS - s)));
            }
            r[nb - 1] = (dig_t)(an[nb - 1] >> s);
        }
    }
    dig_free(bn);
}

/* ---- initialisation and assignment --------------------------------------------------- */

void es_mpz_init_zero(es_mpz_t *z) {
    z->neg = false;
    z->fixed = false;
    z->len = 0;
    z->alloc = 0;
    z->dig = NULL;
}

void es_mpz_init_fixed(es_mpz_t *z, es_mpz_dig_t *buf, size_t alloc, size_t len, bool neg) {
    z->fixed = true;
    z->dig = buf;
    z->alloc = alloc;
    z->len = norm_len(buf, len);
    z->neg = z->len != 0 && neg;
}

void es_mpz_init_fixed_ll(es_mpz_t *z, es_mpz_dig_t *buf, long long value) {
    z->fixed = true;
    z->dig = buf;
    z->alloc = ES_MPZ_LL_DIGS;
    z->len = 0;
    es_mpz_set_ll(z, value);
}

void es_mpz_deinit(es_mpz_t *z) {
    if (!z->fixed && z->dig != NULL) {
        dig_free(z->dig);
    }
    es_mpz_init_zero(z);
}

void es_mpz_set(es_mpz_t *dest, const es_mpz_t *src) {
    if (dest == src) {
        return;
    }
    if (dest->alloc < src->len) {
        mpz_take(dest, dig_alloc(src->len), src->len);
    }
    if (src->len > 0) {
        memmove(dest->dig, src->dig, src->len * sizeof(dig_t));
    }
    dest->len = src->len;
    dest->neg = src->neg;
}

void es_mpz_set_ull(es_mpz_t *dest, unsigned long long value) {
    mpz_need(dest, ES_MPZ_LL_DIGS);
    size_t n = 0;
    while (value != 0) {
        dest->dig[n++] = (dig_t)value;
        value >>= DIG_BITS;
    }
    dest->len = n;
    dest->neg = false;
}

void es_mpz_set_ll(es_mpz_t *dest, long long value) {
    /* Negate in unsigned arithmetic so that LLONG_MIN works. */
    unsigned long long mag = value < 0 ? 0 - (unsigned long long)value : (unsigned long long)value;
    es_mpz_set_ull(dest, mag);
    dest->neg = value < 0;
}

void es_mpz_set_float(es_mpz_t *dest, es_float_t value) {
    int exp;
    es_float_t frac = FLOAT_FREXP(value < 0 ? -value : value, &exp);
    if (exp <= 0) {
        es_mpz_set_ll(dest, 0);
        return;
    }
    unsigned long long mant = (unsigned long long)FLOAT_LDEXP(frac, FLOAT_MANT_DIG);
    int shift = exp - FLOAT_MANT_DIG;
    if (shift >= 0) {
        es_mpz_set_ull(dest, mant);
        es_mpz_shl(dest, dest, (size_t)shift);
    } else {
        es_mpz_set_ull(dest, mant >> -shift);
    }
    dest->neg = value < 0 && dest->len != 0;
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    return 99;
}

/* Largest k with base**k fitting a digit, and base**k: digits are taken k at a time. */
static unsigned chunk_size(unsigned base, dig_t *power) {
    dbl_t p = base;
    unsigned k = 1;
    while (p * base <= DIG_MASK) {
        p *= base;
        k++;
    }
    *power = (dig_t)p;
    return k;
}

size_t es_mpz_set_str(es_mpz_t *dest, const char *str, size_t len, unsigned base) {
    size_t n = 0;
    while (n < len && digit_value(str[n]) < (int)base) {
        n++;
    }
    dig_t big_power;
    unsigned k = chunk_size(base, &big_power);
    /* Room for the result: each character carries at most log2(36) < 6 bits. */
    size_t alloc = n * 6 / DIG_BITS + 2;
    es_mpz_t r;
    es_mpz_init_zero(&r);
    mpz_take(&r, dig_alloc(alloc), alloc);
    size_t rlen = 0;
    size_t i = 0;
    size_t first = n % k == 0 ? k : n % k;
    while (i < n) {
        size_t take = i == 0 ? first : k;
        if (take > n - i) {
            take = n - i;
        }
        dig_t chunk = 0, power = 1;
        for (size_t j = 0; j < take; j++) {
            chunk = (dig_t)(chunk * base + (dig_t)digit_value(str[i + j]));
            power = (dig_t)(power * base);
        }
        if (take == k) {
            power = big_power;
        }
        dig_t carry = mpn_mul_1(r.dig, r.dig, rlen, power, chunk);
        if (carry != 0) {
            r.dig[rlen++] = carry;
        }
        i += take;
    }
    r.len = rlen;
    es_mpz_set(dest, &r);
    es_mpz_deinit(&r);
    return n;
}

void es_mpz_set_bytes(es_mpz_t *dest, const uint8_t *buf, size_t len, bool big_endian, bool is_signed) {
    size_t n = (len * 8 + DIG_BITS - 1) / DIG_BITS;
    dig_t *d = dig_alloc(n);
    for (size_t i = 0; i < len; i++) {
        uint8_t byte = big_endian ? buf[len - 1 - i] : buf[i];
        d[i * 8 / DIG_BITS] |= (dig_t)((dig_t)byte << (i * 8 % DIG_BITS));
    }
    bool neg = false;
    if (is_signed && len > 0 && ((big_endian ? buf[0] : buf[len - 1]) & 0x80) != 0) {
        /* Negative: the magnitude is the two's complement of the bits. */
        neg = true;
        size_t top_bits = len * 8 - (n - 1) * DIG_BITS;
        for (size_t i = 0; i < n; i++) {
            d[i] = (dig_t)~d[i];
        }
        if (top_bits < DIG_BITS) {
            d[n - 1] &= (dig_t)(((dig_t)1 << top_bits) - 1);
        }
        dig_t one = 1;
        mpn_add(d, d, n, &one, 1);
    }
    mpz_take(dest, d, n);
    mpz_set_len(dest, n, neg);
}

/* ---- queries ---------------------------------------------------------------------------- */

bool es_mpz_is_zero(const es_mpz_t *z) { return z->len == 0; }
bool es_mpz_is_odd(const es_mpz_t *z) { return z->len != 0 && (z->dig[0] & 1) != 0; }
int es_mpz_sign(const es_mpz_t *z) { return z->len == 0 ? 0 : z->neg ? -1 : 1; }

int es_mpz_cmp_abs(const es_mpz_t *a, const es_mpz_t *b) { return mpn_cmp(a->dig, a->len, b->dig, b->len); }

int es_mpz_cmp(const es_mpz_t *a, const es_mpz_t *b) {
    if (a->neg != b->neg) {
        return a->neg ? -1 : 1;
    }
    int c = es_mpz_cmp_abs(a, b);
    return a->neg ? -c : c;
}

int es_mpz_cmp_float(const es_mpz_t *a, es_float_t b) {
    if (isinf(b)) {
        return b > 0 ? -1 : 1;
    }
    es_mpz_t t;
    es_mpz_init_zero(&t);
    es_mpz_set_float(&t, b);
    int c = es_mpz_cmp(a, &t);
    if (c == 0) {
        /* Equal integer parts: the float's fraction decides. */
        es_float_t frac = b - FLOAT_TRUNC(b);
        c = frac > 0 ? -1 : frac < 0 ? 1 : 0;
    }
    es_mpz_deinit(&t);
    return c;
}

size_t es_mpz_bit_length(const es_mpz_t *z) {
    if (z->len == 0) {
        return 0;
    }
    return (z->len - 1) * DIG_BITS + dig_bit_length(z->dig[z->len - 1]);
}

unsigned long long es_mpz_low_bits(const es_mpz_t *z) {
    unsigned long long v = 0;
    size_t n = z->len < ES_MPZ_LL_DIGS ? z->len : ES_MPZ_LL_DIGS;
    for (size_t i = n; i-- > 0;) {
        v = (v << (DIG_BITS % 64)) | z->dig[i];
    }
    return z->neg ? 0 - v : v;
}

bool es_mpz_as_ll(const es_mpz_t *z, long long *value) {
    size_t bits = es_mpz_bit_length(z);
    if (bits > sizeof(long long) * 8) {
        return false;
    }
    unsigned long long mag = 0;
    for (size_t i = z->len; i-- > 0;) {
        mag = (mag << (DIG_BITS % 64)) | z->dig[i];
    }
    unsigned long long limit = (unsigned long long)1 << (sizeof(long long) * 8 - 1);
    if (z->neg) {
        if (mag > limit) {
            return false;
        }
        *value = mag == limit ? LLONG_MIN : -(long long)mag;
    } else {
        if (mag >= limit) {
            return false;
        }
        *value = (long long)mag;
    }
    return true;
}

/* ---- add, subtract, multiply ------------------------------------------------------------- */

static void add_signed(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b, bool b_neg) {
    const dig_t *ad = a->dig, *bd = b->dig;
    size_t na = a->len, nb = b->len;
    bool a_neg = a->neg;
    if (na < nb) {
        /* Addition commutes: make a the longer operand. */
        const dig_t *td = ad;
        ad = bd;
        bd = td;
        size_t tn = na;
        na = nb;
        nb = tn;
        bool tneg = a_neg;
        a_neg = b_neg;
        b_neg = tneg;
    }
    dig_t *r = dig_alloc(na + 1);
    bool neg;
    if (a_neg == b_neg) {
        r[na] = mpn_add(r, ad, na, bd, nb);
        neg = a_neg;
    } else if (mpn_cmp(ad, na, bd, nb) >= 0) {
        mpn_sub(r, ad, na, bd, nb);
        neg = a_neg;
    } else {
        mpn_sub(r, bd, nb, ad, na);
        neg = b_neg;
    }
    mpz_take(dest, r, na + 1);
    mpz_set_len(dest, na + 1, neg);
}

void es_mpz_add(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b) { add_signed(dest, a, b, b->neg); }
void es_mpz_sub(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b) { add_signed(dest, a, b, !b->neg); }

void es_mpz_neg(es_mpz_t *dest, const es_mpz_t *a) {
    es_mpz_set(dest, a);
    dest->neg = dest->len != 0 && !a->neg;
}

void es_mpz_abs(es_mpz_t *dest, const es_mpz_t *a) {
    es_mpz_set(dest, a);
    dest->neg = false;
}

void es_mpz_mul(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b) {
    if (a->len == 0 || b->len == 0) {
        es_mpz_set_ll(dest, 0);
        return;
    }
    size_t n = a->len + b->len;
    dig_t *r = dig_alloc(n);
    mpn_mul(r, a->dig, a->len, b->dig, b->len);
    bool neg = a->neg != b->neg;
    mpz_take(dest, r, n);
    mpz_set_len(dest, n, neg);
}

/* ---- division ------------------------------------------------------------------------------ */

void es_mpz_divmod_trunc(es_mpz_t *quo, es_mpz_t *rem, const es_mpz_t *a, const es_mpz_t *b) {
    size_t na = a->len, nb = b->len;
    bool qneg = a->neg != b->neg, rneg = a->neg;
    if (mpn_cmp(a->dig, na, b->dig, nb) < 0) {
        if (rem != NULL) {
            es_mpz_set(rem, a);
        }
        if (quo != NULL) {
            es_mpz_set_ll(quo, 0);
        }
        return;
    }
    size_t nq = na - nb + 1;
    dig_t *q = dig_alloc(nq + nb);
    dig_t *r = q + nq;
    if (nb == 1) {
        r[0] = mpn_divrem_1(q, a->dig, na, b->dig[0]);
    } else {
        mpn_divrem(q, r, a->dig, na, b->dig, nb);
    }
    if (rem != NULL) {
        es_mpz_t rv;
        es_mpz_init_fixed(&rv, r, nb, nb, rneg);
        es_mpz_set(rem, &rv);
    }
    if (quo != NULL) {
        mpz_take(quo, q, nq + nb);
        mpz_set_len(quo, nq, qneg);
    } else {
        dig_free(q);
    }
}

void es_mpz_divmod_floor(es_mpz_t *quo, es_mpz_t *rem, const es_mpz_t *a, const es_mpz_t *b) {
    bool diff_signs = a->neg != b->neg;
    es_mpz_t r;
    es_mpz_init_zero(&r);
    /* b may alias quo or rem: keep a copy of it for the adjustment. */
    es_mpz_t bcopy;
    es_mpz_init_zero(&bcopy);
    es_mpz_set(&bcopy, b);
    es_mpz_divmod_trunc(quo, &r, a, &bcopy);
    if (diff_signs && r.len != 0) {
        /* Round the quotient towards minus infinity and move the remainder to b's sign. */
        if (quo != NULL) {
            dig_t one_dig = 1;
            es_mpz_t one;
            es_mpz_init_fixed(&one, &one_dig, 1, 1, false);
            es_mpz_sub(quo, quo, &one);
        }
        es_mpz_add(&r, &r, &bcopy);
    }
    if (rem != NULL) {
        es_mpz_set(rem, &r);
    }
    es_mpz_deinit(&r);
    es_mpz_deinit(&bcopy);
}

/* ---- powers ---------------------------------------------------------------------------- */

void es_mpz_pow(es_mpz_t *dest, const es_mpz_t *base, size_t exp) {
    es_mpz_t result, b;
    es_mpz_init_zero(&result);
    es_mpz_init_zero(&b);
    es_mpz_set_ll(&result, 1);
    es_mpz_set(&b, base);
    while (exp != 0) {
        if (exp & 1) {
            es_mpz_mul(&result, &result, &b);
        }
        exp >>= 1;
        if (exp != 0) {
            es_mpz_mul(&b, &b, &b);
        }
    }
    es_mpz_set(dest, &result);
    es_mpz_deinit(&result);
    es_mpz_deinit(&b);
}

void es_mpz_pow_mod(es_mpz_t *dest, const es_mpz_t *base, const es_mpz_t *exp, const es_mpz_t *mod) {
    es_mpz_t m, x, r;
    es_mpz_init_zero(&m);
    es_mpz_init_zero(&x);
    es_mpz_init_zero(&r);
    es_mpz_abs(&m, mod);
    bool mod_neg = mod->neg;
    es_mpz_divmod_floor(NULL, &x, base, &m);
    es_mpz_set_ll(&r, 1);
    es_mpz_divmod_floor(NULL, &r, &r, &m);
    for (size_t bit = es_mpz_bit_length(exp); bit-- > 0;) {
        es_mpz_mul(&r, &r, &r);
        es_mpz_divmod_floor(NULL, &r, &r, &m);
        if ((exp->dig[bit / DIG_BITS] >> (bit % DIG_BITS)) & 1) {
            es_mpz_mul(&r, &r, &x);
            es_mpz_divmod_floor(NULL, &r, &r, &m);
        }
    }
    if (mod_neg && r.len != 0) {
        es_mpz_sub(&r, &r, &m);
    }
    es_mpz_set(dest, &r);
    es_mpz_deinit(&m);
    es_mpz_deinit(&x);
    es_mpz_deinit(&r);
}

bool es_mpz_inverse_mod(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *m) {
    es_mpz_t r0, r1, t0, t1, q, tmp;
    es_mpz_init_zero(&r0);
    es_mpz_init_zero(&r1);
    es_mpz_init_zero(&t0);
    es_mpz_init_zero(&t1);
    es_mpz_init_zero(&q);
    es_mpz_init_zero(&tmp);
    es_mpz_set(&r0, m);
    es_mpz_divmod_floor(NULL, &r1, a, m);
    es_mpz_set_ll(&t0, 0);
    es_mpz_set_ll(&t1, 1);
    while (r1.len != 0) {
        es_mpz_divmod_floor(&q, &tmp, &r0, &r1);
        es_mpz_set(&r0, &r1);
        es_mpz_set(&r1, &tmp);
        es_mpz_mul(&tmp, &q, &t1);
        es_mpz_sub(&tmp, &t0, &tmp);
        es_mpz_set(&t0, &t1);
        es_mpz_set(&t1, &tmp);
    }
    bool ok = r0.len == 1 && r0.dig[0] == 1 && !r0.neg;
    if (ok) {
        es_mpz_divmod_floor(NULL, dest, &t0, m);
    }
    es_mpz_deinit(&r0);
    es_mpz_deinit(&r1);
    es_mpz_deinit(&t0);
    es_mpz_deinit(&t1);
    es_mpz_deinit(&q);
    es_mpz_deinit(&tmp);
    return ok;
}

void es_mpz_gcd(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b) {
    es_mpz_t x, y, r;
    es_mpz_init_zero(&x);
    es_mpz_init_zero(&y);
    es_mpz_init_zero(&r);
    es_mpz_abs(&x, a);
    es_mpz_abs(&y, b);
    while (y.len != 0) {
        es_mpz_divmod_trunc(NULL, &r, &x, &y);
        es_mpz_set(&x, &y);
        es_mpz_set(&y, &r);
    }
    es_mpz_set(dest, &x);
    es_mpz_deinit(&x);
    es_mpz_deinit(&y);
    es_mpz_deinit(&r);
}

/* ---- shifts ------------------------------------------------------------------------------ */

void es_mpz_shl(es_mpz_t *dest, const es_mpz_t *a, size_t bits) {
    if (a->len == 0) {
        es_mpz_set_ll(dest, 0);
        return;
    }
    size_t dshift = bits / DIG_BITS;
    unsigned bshift = bits % DIG_BITS;
    size_t n = a->len + dshift + 1;
    dig_t *r = dig_alloc(n);
    if (bshift == 0) {
        memcpy(r + dshift, a->dig, a->len * sizeof(dig_t));
    } else {
        dig_t carry = 0;
        for (size_t i = 0; i < a->len; i++) {
            r[i + dshift] = (dig_t)((a->dig[i] << bshift) | carry);
            carry = (dig_t)(a->dig[i] >> (DIG_BITS - bshift));
        }
        r[a->len + dshift] = carry;
    }
    bool neg = a->neg;
    mpz_take(dest, r, n);
    mpz_set_len(dest, n, neg);
}

void es_mpz_shr_floor(es_mpz_t *dest, const es_mpz_t *a, size_t bits) {
    size_t dshift = bits / DIG_BITS;
    unsigned bshift = bits % DIG_BITS;
    bool neg = a->neg;
    if (dshift >= a->len) {
        es_mpz_set_ll(dest, neg ? -1 : 0);
        return;
    }
    /* Did any one-bits fall off? A negative number then rounds down by one more. */
    bool lost = false;
    for (size_t i = 0; i < dshift && !lost; i++) {
        lost = a->dig[i] != 0;
    }
    if (bshift != 0 && (a->dig[dshift] & (((dig_t)1 << bshift) - 1)) != 0) {
        lost = true;
    }
    size_t n = a->len - dshift;
    dig_t *r = dig_alloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        dig_t lo = (dig_t)(a->dig[i + dshift] >> bshift);
        dig_t hi = (bshift != 0 && i + dshift + 1 < a->len) ? (dig_t)(a->dig[i + dshift + 1] << (DIG_BITS - bshift)) : 0;
        r[i] = (dig_t)(lo | hi);
    }
    if (neg && lost) {
        dig_t one = 1;
        r[n] = mpn_add(r, r, n, &one, 1);
        n++;
    }
    mpz_take(dest, r, n + 1);
    mpz_set_len(dest, n, neg);
}

/* ---- bitwise operators ------------------------------------------------------------------- */

/* out[0..n) = a as n digits of two's complement. */
static void to_twos(dig_t *out, size_t n, const es_mpz_t *a) {
    memset(out, 0, n * sizeof(dig_t));
    memcpy(out, a->dig, a->len * sizeof(dig_t));
    if (a->neg) {
        for (size_t i = 0; i < n; i++) {
            out[i] = (dig_t)~out[i];
        }
        dig_t one = 1;
        mpn_add(out, out, n, &one, 1);
    }
}

typedef enum { BIT_AND, BIT_OR, BIT_XOR } bit_op_t;

static void bitwise(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b, bit_op_t op) {
    size_t n = (a->len > b->len ? a->len : b->len) + 1;
    dig_t *x = dig_alloc(2 * n);
    dig_t *y = x + n;
    to_twos(x, n, a);
    to_twos(y, n, b);
    bool neg;
    switch (op) {
        case BIT_AND:
            for (size_t i = 0; i < n; i++) {
                x[i] &= y[i];
            }
            neg = a->neg && b->neg;
            break;
        case BIT_OR:
            for (size_t i = 0; i < n; i++) {
                x[i] |= y[i];
            }
            neg = a->neg || b->neg;
            break;
        default:
            for (size_t i = 0; i < n; i++) {
                x[i] ^= y[i];
            }
            neg = a->neg != b->neg;
            break;
    }
    if (neg) {
        /* Back from two's complement to a magnitude. */
        for (size_t i = 0; i < n; i++) {
            x[i] = (dig_t)~x[i];
        }
        dig_t one = 1;
        mpn_add(x, x, n, &one, 1);
    }
    mpz_take(dest, x, 2 * n);
    mpz_set_len(dest, n, neg);
}

void es_mpz_and(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b) { bitwise(dest, a, b, BIT_AND); }
void es_mpz_or(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b) { bitwise(dest, a, b, BIT_OR); }
void es_mpz_xor(es_mpz_t *dest, const es_mpz_t *a, const es_mpz_t *b) { bitwise(dest, a, b, BIT_XOR); }

void es_mpz_not(es_mpz_t *dest, const es_mpz_t *a) {
    dig_t one_dig = 1;
    es_mpz_t one;
    es_mpz_init_fixed(&one, &one_dig, 1, 1, false);
    /* ~a == -a - 1 == -(a + 1) */
    es_mpz_add(dest, a, &one);
    dest->neg = dest->len != 0 && !dest->neg;
}

/* ---- floats ------------------------------------------------------------------------------ */

static bool get_bit(const es_mpz_t *z, size_t bit) {
    size_t i = bit / DIG_BITS;
    return i < z->len && ((z->dig[i] >> (bit % DIG_BITS)) & 1) != 0;
}

static bool any_bit_below(const es_mpz_t *z, size_t bit) {
    size_t i = bit / DIG_BITS;
    for (size_t j = 0; j < i && j < z->len; j++) {
        if (z->dig[j] != 0) {
            return true;
        }
    }
    unsigned b = bit % DIG_BITS;
    return b != 0 && i < z->len && (z->dig[i] & (((dig_t)1 << b) - 1)) != 0;
}

/*
** The float nearest to (q + sticky fraction) * 2**exp2, ties to even, for q >= 0; `sticky`
** says there are non-zero bits below q. Numbers in the subnormal range keep fewer bits.
** Returns false when the result overflows.
*/
static bool round_to_float(const es_mpz_t *q, bool sticky, long exp2, es_float_t *out) {
    size_t n = es_mpz_bit_length(q);
    if (n == 0) {
        *out = 0;
        return true;
    }
    long top = (long)n - 1 + exp2; /* exponent of the leading bit */
    long keep = FLOAT_MANT_DIG;
    if (top < FLOAT_MIN_EXP - 1) {
        keep -= (FLOAT_MIN_EXP - 1) - top;
        if (keep < 0) {
            *out = 0;
            return true;
        }
    }
    if (top > 100000) {
        return false;
    }
    unsigned long long mant;
    long drop = (long)n - keep;
    if (drop <= 0) {
        mant = es_mpz_low_bits(q);
        drop = 0;
    } else {
        es_mpz_t t;
        es_mpz_init_zero(&t);
        es_mpz_shr_floor(&t, q, (size_t)drop);
        mant = t.len == 0 ? 0 : es_mpz_low_bits(&t);
        es_mpz_deinit(&t);
        bool half = get_bit(q, (size_t)drop - 1);
        bool rest = sticky || any_bit_below(q, (size_t)drop - 1);
        if (half && (rest || (mant & 1) != 0)) {
            mant++;
        }
    }
    es_float_t r = FLOAT_LDEXP((es_float_t)mant, (int)(exp2 + drop));
    if (isinf(r)) {
        return false;
    }
    *out = r;
    return true;
}

bool es_mpz_as_float(const es_mpz_t *z, es_float_t *value) {
    es_mpz_t mag;
    es_mpz_init_fixed(&mag, z->dig, z->len, z->len, false);
    if (!round_to_float(&mag, false, 0, value)) {
        return false;
    }
    if (z->neg) {
        *value = -*value;
    }
    return true;
}

bool es_mpz_true_div(const es_mpz_t *a, const es_mpz_t *b, es_float_t *value) {
    bool neg = a->neg != b->neg;
    es_mpz_t x, y, q, r;
    es_mpz_init_fixed(&x, a->dig, a->len, a->len, false);
    es_mpz_init_fixed(&y, b->dig, b->len, b->len, false);
    es_mpz_init_zero(&q);
    es_mpz_init_zero(&r);
    /* Scale so that the quotient has two more bits than the mantissa plus one spare. */
    long shift = FLOAT_MANT_DIG + 3 - ((long)es_mpz_bit_length(&x) - (long)es_mpz_bit_length(&y));
    if (shift > 0) {
        es_mpz_shl(&q, &x, (size_t)shift);
        es_mpz_divmod_trunc(&q, &r, &q, &y);
    } else {
        es_mpz_shl(&r, &y, (size_t)-shift);
        es_mpz_divmod_trunc(&q, &r, &x, &r);
    }
    bool ok = round_to_float(&q, r.len != 0, -shift, value);
    es_mpz_deinit(&q);
    es_mpz_deinit(&r);
    if (ok && neg) {
        *value = -*value;
    }
    return ok;
}

/* ---- hashing and bytes --------------------------------------------------------------------- */

long long es_mpz_hash(const es_mpz_t *z, unsigned modulus_bits) {
    unsigned long long modulus = ((unsigned long long)1 << modulus_bits) - 1;
    unsigned long long h = 0;
    for (size_t i = z->len; i-- > 0;) {
        /* Multiplying by 2**DIG_BITS modulo 2**bits - 1 is a rotation of the bits. */
        unsigned rot = DIG_BITS % modulus_bits;
        h = ((h << rot) & modulus) | (h >> (modulus_bits - rot));
        h += z->dig[i];
        while (h >= modulus) {
            h -= modulus;
        }
    }
    return z->neg ? -(long long)h : (long long)h;
}

bool es_mpz_as_bytes(const es_mpz_t *z, uint8_t *buf, size_t len, bool big_endian, bool is_signed) {
    size_t bits = es_mpz_bit_length(z);
    size_t width = len * 8;
    bool fits;
    if (!is_signed) {
        fits = !z->neg && bits <= width;
    } else if (z->len == 0) {
        fits = true;
    } else if (!z->neg) {
        fits = bits < width;
    } else {
        /* -2**(width-1) is the one negative number whose magnitude takes the full width. */
        fits = bits < width || (bits == width && !any_bit_below(z, bits - 1));
        /* CPython lets -1 become zero bytes (all sign bits). */
        fits = fits || (width == 0 && z->len == 1 && z->dig[0] == 1);
    }
    if (!fits) {
        return false;
    }
    if (len == 0) {
        return true;
    }
    bool carry = z->neg;
    for (size_t i = 0; i < len; i++) {
        size_t d = i * 8 / DIG_BITS;
        unsigned byte = d < z->len ? (unsigned)(z->dig[d] >> (i * 8 % DIG_BITS)) & 0xff : 0;
        if (z->neg) {
            byte = (~byte & 0xff) + (carry ? 1 : 0);
            carry = byte > 0xff;
            byte &= 0xff;
        }
        buf[big_endian ? len - 1 - i : i] = (uint8_t)byte;
    }
    return true;
}

/* ---- text -------------------------------------------------------------------------------- */

size_t es_mpz_str_size(const es_mpz_t *z, unsigned base) {
    unsigned log2_floor = 0;
    while ((2u << log2_floor) <= base) {
        log2_floor++;
    }
    return es_mpz_bit_length(z) / log2_floor + 2;
}

size_t es_mpz_as_str(const es_mpz_t *z, char *buf, unsigned base, bool upper) {
    const char *digits = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
    if (z->len == 0) {
        buf[0] = '0';
        return 1;
    }
    size_t size = es_mpz_str_size(z, base);
    size_t pos = size;
    if ((base & (base - 1)) == 0) {
        /* Power of two: read the bits straight out. */
        unsigned bits = 0;
        while ((1u << bits) < base) {
            bits++;
        }
        size_t total = es_mpz_bit_length(z);
        for (size_t bit = 0; bit < total; bit += bits) {
            unsigned v = 0;
            for (unsigned k = 0; k < bits; k++) {
                v |= (unsigned)get_bit(z, bit + k) << k;
            }
            buf[--pos] = digits[v];
        }
    } else {
        dig_t power;
        unsigned k = chunk_size(base, &power);
        size_t n = z->len;
        dig_t *t = dig_alloc(n);
        memcpy(t, z->dig, n * sizeof(dig_t));
        while (n > 0) {
            dig_t rem = mpn_divrem_1(t, t, n, power);
            n = norm_len(t, n);
            for (unsigned j = 0; j < k && (n > 0 || rem != 0); j++) {
                buf[--pos] = digits[rem % base];
                rem = (dig_t)(rem / base);
            }
        }
        dig_free(t);
    }
    size_t count = size - pos;
    memmove(buf, buf + pos, count);
    return count;
}
