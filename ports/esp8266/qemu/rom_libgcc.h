/* The libgcc routines the ESP8266 keeps in mask ROM, absent from Debian's lx106 libgcc. */
#ifndef ES_ROM_LIBGCC_H
#define ES_ROM_LIBGCC_H

/*
 * On silicon these resolve to ROM addresses; under QEMU there is no ROM, so
 * integer_division.c, integer_multiply.c and soft_float_*.c supply them.
 * The compiler calls them implicitly for '/', '%', 64-bit '*' and every
 * floating-point operation; nothing calls them by name.
 */

int __divsi3(int dividend, int divisor);
unsigned __udivsi3(unsigned dividend, unsigned divisor);
int __modsi3(int dividend, int divisor);
unsigned __umodsi3(unsigned dividend, unsigned divisor);
long long __divdi3(long long dividend, long long divisor);
unsigned long long __udivdi3(unsigned long long dividend, unsigned long long divisor);
long long __moddi3(long long dividend, long long divisor);
unsigned long long __umoddi3(unsigned long long dividend, unsigned long long divisor);

long long __muldi3(long long a, long long b);
unsigned long long __umulsidi3(unsigned a, unsigned b);

double __adddf3(double a, double b);
double __subdf3(double a, double b);
double __muldf3(double a, double b);
double __divdf3(double a, double b);
double __floatsidf(int i);
double __floatunsidf(unsigned i);
int __fixdfsi(double a);
unsigned __fixunsdfsi(double a);
double __extendsfdf2(float a);
float __truncdfsf2(double a);

float __addsf3(float a, float b);
float __subsf3(float a, float b);
float __mulsf3(float a, float b);
float __floatsisf(int i);
float __floatunsisf(unsigned i);
unsigned __fixunssfsi(float a);

#endif
