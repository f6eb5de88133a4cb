/* float32_encoding.c: every single-precision bit pattern through the ESP8266 builds' float word, on the host. */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/obj.h"

#if !ES_FLOAT_IS_SINGLE || ES_OBJ_FLOAT_REPR != ES_OBJ_FLOATS_IMMEDIATE_SINGLE
#error "build with the ESP8266 config (single-precision floats stored in the word)"
#endif

/* What the inline functions need from py/objfloat.c: a box is a slot of a small pool here. */
const es_type_t es_type_float;
static es_obj_float_t pool[64];
static size_t pool_used;

es_obj_t es_obj_new_float_boxed(es_float_t value) {
    es_obj_float_t *o = &pool[pool_used++ % 64];
    o->base.type = &es_type_float;
    o->value = value;
    return es_obj_from_ptr(o);
}

es_float_t es_obj_float_get_boxed(es_obj_t o) { return ((const es_obj_float_t *)es_obj_to_ptr(o))->value; }

static unsigned long failures;

static void fail(const char *what, uint32_t value) {
    if (failures++ < 20) {
        printf("FAIL %s: 0x%08" PRIx32 "\n", what, value);
    }
}

/* The specification, written independently of the encoder: exponent in [-15, 16] (biased
** 112..143) except the four floats just below 2.0 (either sign), plus both zeros. */
static int should_be_immediate(uint32_t bits) {
    uint32_t magnitude = bits & 0x7fffffffu;
    uint32_t exponent = magnitude >> 23;
    if (magnitude == 0) {
        return 1;
    }
    return exponent >= 112 && exponent <= 143 && !(magnitude >= 0x3ffffffcu && magnitude <= 0x3fffffffu);
}

static uint32_t bits_of(float f) {
    uint32_t b;
    memcpy(&b, &f, sizeof(b));
    return b;
}

int main(void) {
    unsigned long immediate = 0;
    /* Every float: immediate exactly when it should be, with a float-tagged word that gives back its bits. */
    uint32_t bits = 0;
    do {
        uint32_t word = es_float32_to_word(bits);
        if ((word != 0) != should_be_immediate(bits)) {
            fail("immediate or not", bits);
        } else if (word != 0) {
            immediate++;
            es_obj_t o = (es_obj_t)word;
            if (es_float32_from_word(word) != bits) {
                fail("round trip", bits);
            }
            if (!es_obj_is_immediate_float(o) || es_obj_is_ptr(o) || es_obj_is_small_int(o) || es_obj_is_qstr(o) ||
                es_obj_is_immediate(o) || o == ES_OBJ_NONE || o == ES_OBJ_FALSE || o == ES_OBJ_TRUE) {
                fail("tag", bits);
            }
        }
    } while (++bits != 0);
    /* Every word with the float tag is some float's word: nothing is left that decodes to garbage. */
    unsigned long words = 0;
    for (uint32_t high = 0; high < (1u << 29); high++) {
        uint32_t word = high << 3 | 6;
        if (!es_obj_is_immediate_float((es_obj_t)word)) {
            continue;
        }
        words++;
        if (es_float32_to_word(es_float32_from_word(word)) != word) {
            fail("word not canonical", word);
        }
    }
    if (immediate != words) {
        printf("FAIL %lu immediate floats but %lu float words\n", immediate, words);
        failures++;
    }
    /* Words that look like pointers into the ESP8266's DRAM heap are floats just above 2**-15. */
    for (uint32_t word = 0x3ffe8006u; word < 0x3fffc000u; word += 8) {
        uint32_t magnitude = es_float32_from_word(word) & 0x7fffffffu;
        if (magnitude < 0x38000000u || magnitude > 0x38003000u) {
            fail("DRAM-like word is a common float", word);
        }
    }
    /* None, False and True are not floats; with the sign bit set their words are nothing at all. */
    if (es_obj_is_immediate_float(ES_OBJ_NONE) || es_obj_is_immediate_float(ES_OBJ_FALSE) ||
        es_obj_is_immediate_float(ES_OBJ_TRUE) || es_obj_is_immediate_float(ES_OBJ_NONE | 0x80000000u) ||
        es_obj_is_immediate_float(ES_OBJ_TRUE | 0x80000000u) || !es_obj_is_immediate(ES_OBJ_NONE) ||
        !es_obj_is_immediate(ES_OBJ_TRUE) || !es_obj_is_immediate(ES_OBJ_FALSE)) {
        fail("None/False/True", (uint32_t)ES_OBJ_NONE);
    }
    /* Through es_obj_new_float / es_obj_float_get: values in the heap and in the word alike. */
    static const float samples[] = {0.0f, -0.0f, 1.0f, -1.5f, 0x1p-15f, 0x1.000008p-15f, 0x1p-16f, 0x1.fffffep16f,
                                    0x1.fffffep0f, -0x1.fffff8p0f, 0x1.fffff6p0f, 2.0f,
                                    0x1p17f, -0x1p17f, 1e-5f, 1e5f, 1e6f, 0x1p-149f, 0x1p-130f, 0x1p100f,
                                    INFINITY, -INFINITY, NAN, -NAN, 3.14159265f};
    for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
        uint32_t want = bits_of(samples[i]);
        pool_used = 0;
        es_obj_t o = es_obj_new_float(samples[i]);
        if (bits_of(es_obj_float_get(o)) != want || !es_obj_is_float(o)) {
            fail("es_obj_new_float / es_obj_float_get", want);
        }
        if ((pool_used != 0) != !should_be_immediate(want) || es_obj_is_immediate_float(o) == (pool_used != 0)) {
            fail("boxed when it should not be, or the reverse", want);
        }
    }
    printf("%lu of 4294967296 floats are immediate (%.2f%%), every one round-trips; %lu float words\n", immediate,
           100.0 * (double)immediate / 4294967296.0, words);
    printf("%d passed, %d failed\n", failures == 0, failures != 0);
    return failures != 0;
}
