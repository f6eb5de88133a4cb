/* Reset and exception entry for the lx106 under QEMU: vectors, stack, .bss, main, exit. */

/*
 * The lx106 uses the call0 ABI: a0 is the return address, a1 the stack
 * pointer, no register windows.  Code in IRAM reaches flash-mapped code
 * (0x402xxxxx) beyond call0's +-512 KB, so every call here is indirect.
 */

#define PS_INTLEVEL_ALL 0x0f    /* mask every interrupt */
#define PS_UM           0x20    /* exceptions go to the user vector */

    .section .vectors.text, "ax"
    .literal_position           /* literals must precede the code that loads them */

/*
 * Vector table; VECBASE points here.  The offsets are fixed by the lx106
 * configuration.  Every exception is fatal for this build: report and exit.
 */
    .align 256
    .global es_qemu_vectors
es_qemu_vectors:
    .org es_qemu_vectors + 0x10     /* debug */
    j fatal_exception
    .org es_qemu_vectors + 0x20     /* NMI */
    j fatal_exception
    .org es_qemu_vectors + 0x30     /* kernel */
    j fatal_exception
    .org es_qemu_vectors + 0x50     /* user */
    j fatal_exception
    .org es_qemu_vectors + 0x70     /* double */
    j fatal_exception

    .align 4
    .literal_position
fatal_exception:
    rsr a2, EXCCAUSE
    rsr a3, EPC1
    rsr a4, EXCVADDR
    movi a1, _stack_top             /* the faulting stack may be the problem */
    movi a0, es_qemu_fatal_exception
    callx0 a0                       /* does not return */
1:  j 1b

    .section .iram.text, "ax"
    .literal_position
    .align 4
    .global _start
    .type _start, @function
_start:
    movi a2, PS_INTLEVEL_ALL | PS_UM
    wsr a2, PS
    movi a2, es_qemu_vectors
    wsr a2, VECBASE
    rsync
    movi a1, _stack_top

    /* .data needs no copy: the loader (QEMU's, or the ROM on silicon) places it. */
    movi a2, _bss_start
    movi a3, _bss_end
    movi a4, 0
1:  bgeu a2, a3, 2f
    s32i a4, a2, 0
    addi a2, a2, 4
    j 1b
2:
    movi a0, main
    callx0 a0
    movi a0, es_semihost_exit       /* a2 already holds main's result */
    callx0 a0
3:  j 3b
    .size _start, . - _start
