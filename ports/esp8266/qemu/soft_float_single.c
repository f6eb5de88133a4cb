/* IEEE 754 single precision arithmetic for the lx106, computed exactly enough in double and rounded once. */
#include "rom_libgcc.h"

/*
 * A double carries 53 bits, more than 2 * 24 + 2: for +, - and * the
 * double result rounded to float is then exactly the correctly rounded
 * float result (double rounding cannot go wrong at that width; products
 * of floats are even exact in double).  So single precision reuses the
 * double routines instead of duplicating them.  Division (__divsf3),
 * float -> int and comparisons are already in libgcc.
 *
 * The helpers are called by name: a float operator here would recurse.
 */

float __addsf3(float a, float b) {
    return __truncdfsf2(__adddf3(__extendsfdf2(a), __extendsfdf2(b)));
}

float __subsf3(float a, float b) {
    return __truncdfsf2(__subdf3(__extendsfdf2(a), __extendsfdf2(b)));
}

float __mulsf3(float a, float b) {
    return __truncdfsf2(__muldf3(__extendsfdf2(a), __extendsfdf2(b)));
}

/* Exact in double, then one rounding to float. */
float __floatsisf(int i) {
    return __truncdfsf2(__floatsidf(i));
}

float __floatunsisf(unsigned i) {
    return __truncdfsf2(__floatunsidf(i));
}

unsigned __fixunssfsi(float a) {
    return __fixunsdfsi(__extendsfdf2(a));
}
