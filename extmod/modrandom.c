/* modrandom.c: the random module on xoshiro128++ (32-bit operations only, cheap on the ESP8266), seeded from the HAL. */

#include <math.h>

#include "py/hal.h"
#include "py/objint.h"
#include "py/runtime.h"

/* The generator's 16 bytes of state; all zero means "not seeded yet" (never a valid state). */
static uint32_t rng_state[4];

static inline uint32_t rotl(uint32_t x, unsigned k) {
    return (x << k) | (x >> (32 - k));
}

/* splitmix32 spreads any seed over the state, so small seeds give unrelated sequences. */
static uint32_t splitmix32(uint32_t *x) {
    uint32_t z = (*x += 0x9e3779b9u);
    z = (z ^ (z >> 16)) * 0x85ebca6bu;
    z = (z ^ (z >> 13)) * 0xc2b2ae35u;
    return z ^ (z >> 16);
}

static void rng_seed_words(const uint32_t *words, size_t n) {
    uint32_t mix = 0x6a09e667u;
    for (size_t i = 0; i < n; i++) {
        mix ^= words[i];
        splitmix32(&mix);
    }
    for (int i = 0; i < 4; i++) {
        rng_state[i] = splitmix32(&mix);
    }
    if ((rng_state[0] | rng_state[1] | rng_state[2] | rng_state[3]) == 0) {
        rng_state[0] = 1;
    }
}

static void rng_seed_from_hal(void) {
    uint32_t words[4];
    es_hal_random_bytes((uint8_t *)words, sizeof(words));
    rng_seed_words(words, 4);
}

static uint32_t rng_next(void) {
    if ((rng_state[0] | rng_state[1] | rng_state[2] | rng_state[3]) == 0) {
        rng_seed_from_hal();
    }
    uint32_t result = rotl(rng_state[0] + rng_state[3], 7) + rng_state[0];
    uint32_t t = rng_state[1] << 9;
    rng_state[2] ^= rng_state[0];
    rng_state[3] ^= rng_state[1];
    rng_state[1] ^= rng_state[2];
    rng_state[0] ^= rng_state[3];
    rng_state[2] ^= t;
    rng_state[3] = rotl(rng_state[3], 11);
    return result;
}

/* ---- seeding ------------------------------------------------------------------------------ */

static es_obj_t random_seed(size_t n_args, const es_obj_t *args) {
    if (n_args == 0 || args[0] == ES_OBJ_NONE) {
        rng_seed_from_hal();
        return ES_OBJ_NONE;
    }
    es_obj_t seed = args[0];
    uint32_t words[8];
    size_t n = 0;
    if (es_obj_is_small_int(seed) || es_obj_is_int(seed) || seed == ES_OBJ_TRUE || seed == ES_OBJ_FALSE) {
        /* The low 256 bits of the int (its absolute value, as CPython) make the seed. */
        es_obj_t v = seed;
        if (v == ES_OBJ_TRUE || v == ES_OBJ_FALSE) {
            v = es_obj_new_small_int(v == ES_OBJ_TRUE);
        }
        if (es_binary_op(ES_BINARY_OP_LESS, v, es_obj_new_small_int(0)) == ES_OBJ_TRUE) {
            v = es_unary_op(ES_UNARY_OP_NEGATIVE, v);
        }
        for (; n < 8; n++) {
            es_obj_t piece = es_binary_op(ES_BINARY_OP_AND, v, es_obj_new_small_int(0xffff));
            es_obj_t piece2 = es_binary_op(ES_BINARY_OP_AND, es_binary_op(ES_BINARY_OP_RSHIFT, v, es_obj_new_small_int(16)),
                                           es_obj_new_small_int(0xffff));
            words[n] = (uint32_t)es_small_int_value(piece) | (uint32_t)es_small_int_value(piece2) << 16;
            v = es_binary_op(ES_BINARY_OP_RSHIFT, v, es_obj_new_small_int(32));
            if (v == es_obj_new_small_int(0)) {
                n++;
                break;
            }
        }
    } else {
        /* Anything hashable seeds through its hash, as CPython does for non-int seeds. */
        es_int_t h = es_small_int_value(es_obj_hash(seed));
        words[n++] = (uint32_t)h;
        words[n++] = (uint32_t)((uint64_t)(int64_t)h >> 32);
    }
    rng_seed_words(words, n);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(random_seed_obj, ES_Q_seed, 0, 1, random_seed);

/* ---- integers ------------------------------------------------------------------------------ */

static es_obj_t random_bits(es_int_t k) {
    if (k < 0) {
        es_raise_msg(&es_type_ValueError, "number of bits must be non-negative");
    }
    if (k <= 30) {
        return es_obj_new_small_int(k == 0 ? 0 : (es_int_t)(rng_next() >> (32 - k)));
    }
    size_t n_bytes = ((size_t)k + 7) / 8;
    uint8_t small[16];
    uint8_t *buf = n_bytes <= sizeof(small) ? small : es_alloc(n_bytes);
    for (size_t i = 0; i < n_bytes; i += 4) {
        uint32_t r = rng_next();
        for (size_t j = 0; j < 4 && i + j < n_bytes; j++) {
            buf[i + j] = (uint8_t)(r >> (8 * j));
        }
    }
    if (k % 8 != 0) {
        buf[n_bytes - 1] &= (uint8_t)((1u << (k % 8)) - 1);
    }
    es_obj_t result = es_obj_int_from_bytes_buf(buf, n_bytes, false, false);
    if (buf != small) {
        es_free(buf);
    }
    return result;
}

static es_obj_t random_getrandbits(es_obj_t k) {
    return random_bits(es_obj_get_int(k));
}
static ES_DEFINE_FUN_1(random_getrandbits_obj, ES_Q_getrandbits, random_getrandbits);

/* Uniform integer in [0, n) for an int n > 0, by rejection so that no value is favoured. */
static es_obj_t random_below(es_obj_t n) {
    if (es_obj_is_small_int(n) && es_small_int_value(n) <= 0x7fffffff) {
        uint32_t bound = (uint32_t)es_small_int_value(n);
        uint32_t threshold = (uint32_t)(-bound) % bound; /* 2**32 mod bound */
        for (;;) {
            uint32_t r = rng_next();
            if (r >= threshold) {
                return es_obj_new_small_int((es_int_t)(r % bound));
            }
        }
    }
    es_obj_t dest[2];
    es_load_method(n, ES_Q_bit_length, dest);
    es_int_t bits = es_obj_get_int(es_call_method_n_kw(0, 0, dest));
    for (;;) {
        es_obj_t r = random_bits(bits);
        if (es_binary_op(ES_BINARY_OP_LESS, r, n) == ES_OBJ_TRUE) {
            return r;
        }
    }
}

static es_obj_t int_arg(es_obj_t o, int position) {
    if (es_obj_is_small_int(o) || es_obj_is_int(o)) {
        return o;
    }
    if (o == ES_OBJ_TRUE || o == ES_OBJ_FALSE) {
        return es_obj_new_small_int(o == ES_OBJ_TRUE);
    }
    if (es_obj_is_float(o)) {
        es_float_t f = es_obj_float_get(o);
        if (isfinite(f) && f == floor(f)) {
            return es_obj_new_int_from_float(f);
        }
        es_raise_msg_varg(&es_type_ValueError, "non-integer arg %d for randrange()", position);
    }
    es_raise_msg_varg(&es_type_TypeError, "'%s' object cannot be interpreted as an integer", es_obj_type_name(o));
}

static es_obj_t randrange(es_obj_t start, es_obj_t stop, es_obj_t step) {
    es_obj_t zero = es_obj_new_small_int(0);
    es_obj_t one = es_obj_new_small_int(1);
    es_obj_t width = es_binary_op(ES_BINARY_OP_SUBTRACT, stop, start);
    if (step == one) {
        if (es_binary_op(ES_BINARY_OP_MORE, width, zero) == ES_OBJ_TRUE) {
            return es_binary_op(ES_BINARY_OP_ADD, start, random_below(width));
        }
        es_raise_msg_varg(&es_type_ValueError, "empty range for randrange() (%R, %R, %R)", start, stop, width);
    }
    if (step == zero) {
        es_raise_msg(&es_type_ValueError, "zero step for randrange()");
    }
    /* n = ceil(width / step) items */
    es_obj_t n = es_binary_op(ES_BINARY_OP_FLOOR_DIVIDE,
                              es_binary_op(ES_BINARY_OP_SUBTRACT, es_binary_op(ES_BINARY_OP_ADD, width, step),
                                           es_binary_op(ES_BINARY_OP_MORE, step, zero) == ES_OBJ_TRUE ? one : es_obj_new_small_int(-1)),
                              step);
    if (es_binary_op(ES_BINARY_OP_LESS_EQUAL, n, zero) == ES_OBJ_TRUE) {
        es_raise_msg_varg(&es_type_ValueError, "empty range for randrange() (%R, %R, %R)", start, stop, step);
    }
    return es_binary_op(ES_BINARY_OP_ADD, start, es_binary_op(ES_BINARY_OP_MULTIPLY, step, random_below(n)));
}

static es_obj_t random_randrange(size_t n_args, const es_obj_t *args) {
    es_obj_t start = int_arg(args[0], 1);
    if (n_args == 1) {
        if (es_binary_op(ES_BINARY_OP_MORE, start, es_obj_new_small_int(0)) != ES_OBJ_TRUE) {
            es_raise_msg(&es_type_ValueError, "empty range for randrange()");
        }
        return random_below(start);
    }
    es_obj_t stop = int_arg(args[1], 2);
    es_obj_t step = n_args > 2 ? int_arg(args[2], 3) : es_obj_new_small_int(1);
    return randrange(start, stop, step);
}
static ES_DEFINE_FUN_VAR(random_randrange_obj, ES_Q_randrange, 1, 3, random_randrange);

static es_obj_t random_randint(es_obj_t a, es_obj_t b) {
    es_obj_t start = int_arg(a, 1);
    es_obj_t stop = es_binary_op(ES_BINARY_OP_ADD, int_arg(b, 2), es_obj_new_small_int(1));
    return randrange(start, stop, es_obj_new_small_int(1));
}
static ES_DEFINE_FUN_2(random_randint_obj, ES_Q_randint, random_randint);

static es_obj_t random_choice(es_obj_t seq) {
    es_obj_t len = es_obj_len(seq);
    if (es_small_int_value(len) == 0) {
        es_raise_msg(&es_type_IndexError, "Cannot choose from an empty sequence");
    }
    return es_obj_subscr(seq, random_below(len), ES_OBJ_SENTINEL);
}
static ES_DEFINE_FUN_1(random_choice_obj, ES_Q_choice, random_choice);

static es_obj_t random_shuffle(es_obj_t seq) {
    es_int_t n = es_small_int_value(es_obj_len(seq));
    for (es_int_t i = n - 1; i > 0; i--) {
        es_obj_t j = random_below(es_obj_new_small_int(i + 1));
        es_obj_t idx = es_obj_new_small_int(i);
        es_obj_t a = es_obj_subscr(seq, idx, ES_OBJ_SENTINEL);
        es_obj_t b = es_obj_subscr(seq, j, ES_OBJ_SENTINEL);
        es_obj_subscr(seq, idx, b);
        es_obj_subscr(seq, j, a);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(random_shuffle_obj, ES_Q_shuffle, random_shuffle);

/* ---- floats ---------------------------------------------------------------------------- */

/* Uniform in [0, 1) using as many random bits as the float's mantissa holds. */
static es_float_t random_unit(void) {
#if ES_FLOAT_IS_SINGLE
    return (es_float_t)(rng_next() >> 8) * (es_float_t)(1.0 / 16777216.0);
#else
    uint32_t a = rng_next() >> 5;
    uint32_t b = rng_next() >> 6;
    return ((es_float_t)a * 67108864.0 + (es_float_t)b) * (1.0 / 9007199254740992.0);
#endif
}

static es_obj_t random_random(void) {
    return es_obj_new_float(random_unit());
}
static ES_DEFINE_FUN_0(random_random_obj, ES_Q_random, random_random);

static es_obj_t random_uniform(es_obj_t a_in, es_obj_t b_in) {
    es_float_t a = es_obj_get_float(a_in);
    es_float_t b = es_obj_get_float(b_in);
    return es_obj_new_float(a + (b - a) * random_unit());
}
static ES_DEFINE_FUN_2(random_uniform_obj, ES_Q_uniform, random_uniform);

static const es_map_elem_t random_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_random)},
    {ES_OBJ_NEW_QSTR(ES_Q_seed), ES_OBJ_FROM_CONST(random_seed_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_getrandbits), ES_OBJ_FROM_CONST(random_getrandbits_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_randrange), ES_OBJ_FROM_CONST(random_randrange_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_randint), ES_OBJ_FROM_CONST(random_randint_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_choice), ES_OBJ_FROM_CONST(random_choice_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_shuffle), ES_OBJ_FROM_CONST(random_shuffle_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_random), ES_OBJ_FROM_CONST(random_random_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_uniform), ES_OBJ_FROM_CONST(random_uniform_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_random, random_globals_table);
ES_REGISTER_MODULE(ES_Q_random, es_module_random);
