/* espyfreeze.c: the host program that compiles modules to freeze and prints their code objects for tools/makefrozen.py. */

/*
** Usage: espy-freeze NAME FILE [NAME FILE ...]
** Compiles each FILE (as the frozen module NAME, its traceback file name) with
** ES_COMPILE_PORTABLE and prints one block per module on stdout:
**   module NAME
**   code FIELDS...            (see dump_code; nested code objects follow their "const code")
**   bytecode TOKENS           hex bytes; a qstr operand is one token "q:HEX" standing for 2 bytes
**   tables HEX                line table then exception table
**   slots HEX...              slot names
**   cells N...
**   const KIND VALUE          n_consts of them; tuples and code objects nest
**   end
** Strings are hex encoded ("-" when empty). It links the core without frozen modules, so it can
** be built before any build that freezes.
*/

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/compile.h"
#include "py/exec.h"
#include "py/gc.h"
#include "py/portio.h"
#include "py/runtime.h"
#include "py/state.h"

static void put_hex(const uint8_t *data, size_t len) {
    if (len == 0) {
        fputs(" -", stdout);
        return;
    }
    putchar(' ');
    for (size_t i = 0; i < len; i++) {
        printf("%02x", data[i]);
    }
}

static void put_qstr(es_qstr_t q) {
    size_t len;
    const uint8_t *data = es_qstr_data(q, &len);
    put_hex(data, len);
}

static void put_repr(es_obj_t o) {
    es_vstr_t v;
    es_vstr_init(&v, 32);
    es_vstr_printf(&v, "%R", o);
    printf(" %s", es_vstr_null_terminated_str(&v));
    es_vstr_clear(&v);
}

/* The operand formats of ES_BC_OPCODES, and whether the first operand names a qstr. */
static const char *const operand_formats[] = {
#define FORMAT_ENTRY(name, ops) [ES_BC_##name] = ops,
    ES_BC_OPCODES(FORMAT_ENTRY)
#undef FORMAT_ENTRY
};

static bool first_operand_is_qstr(int opcode) {
    switch (opcode) {
        case ES_BC_LOAD_QSTR:
        case ES_BC_LOAD_CLASSDEREF:
        case ES_BC_LOAD_NAME:
        case ES_BC_STORE_NAME:
        case ES_BC_DELETE_NAME:
        case ES_BC_LOAD_GLOBAL:
        case ES_BC_STORE_GLOBAL:
        case ES_BC_DELETE_GLOBAL:
        case ES_BC_LOAD_ATTR:
        case ES_BC_STORE_ATTR:
        case ES_BC_DELETE_ATTR:
        case ES_BC_LOAD_METHOD:
        case ES_BC_IMPORT_NAME:
        case ES_BC_IMPORT_FROM:
            return true;
        default:
            return false;
    }
}

static void dump_bytecode(const es_code_t *code) {
    fputs("bytecode", stdout);
    const uint8_t *p = es_code_bytecode(code), *end = p + code->bc_len;
    while (p < end) {
        int opcode = *p;
        printf(" %02x", *p++);
        if (opcode >= ES_BC_NUM_OPCODES) {
            fprintf(stderr, "espy-freeze: bad opcode %d\n", opcode);
            exit(1);
        }
        for (const char *f = operand_formats[opcode]; *f != '\0'; f++) {
            if (f == operand_formats[opcode] && first_operand_is_qstr(opcode)) {
                /* Portable code spells it in exactly two bytes. */
                es_qstr_t q = (es_qstr_t)((p[0] & 0x7f) | (p[1] << 7));
                fputs(" q:", stdout);
                size_t len;
                const uint8_t *data = es_qstr_data(q, &len);
                if (len == 0) {
                    putchar('-');
                }
                for (size_t i = 0; i < len; i++) {
                    printf("%02x", data[i]);
                }
                p += 2;
                continue;
            }
            size_t n = *f == 'J' ? 2 : 1;
            if (*f == 'U' || *f == 'S') {
                while (p[n - 1] & 0x80) {
                    n++;
                }
            }
            for (size_t i = 0; i < n; i++) {
                printf(" %02x", *p++);
            }
        }
    }
    putchar('\n');
}

static void dump_code(const es_code_t *code);

static void dump_const(es_obj_t o) {
    fputs("const", stdout);
    if (o == ES_OBJ_NONE) {
        puts(" none");
    } else if (o == ES_OBJ_TRUE) {
        puts(" true");
    } else if (o == ES_OBJ_FALSE) {
        puts(" false");
    } else if (o == ES_OBJ_ELLIPSIS) {
        puts(" ellipsis");
    } else if (es_obj_is_small_int(o) || es_obj_is_type(o, &es_type_int)) {
        fputs(" int", stdout);
        put_repr(o);
        putchar('\n');
    } else if (es_obj_is_qstr(o)) {
        fputs(" qstr", stdout);
        put_qstr(es_obj_qstr_value(o));
        putchar('\n');
    } else if (es_obj_is_type(o, &es_type_str) || es_obj_is_type(o, &es_type_bytes)) {
        fputs(es_obj_is_type(o, &es_type_str) ? " str" : " bytes", stdout);
        size_t len;
        const char *data = es_obj_str_get_data(o, &len);
        put_hex((const uint8_t *)data, len);
        putchar('\n');
    } else if (es_obj_is_float(o)) {
        fputs(" float", stdout);
        put_repr(o);
        putchar('\n');
    } else if (es_obj_is_type(o, &es_type_complex)) {
        fputs(" complex", stdout);
        put_repr(o);
        putchar('\n');
    } else if (es_obj_is_type(o, &es_type_tuple)) {
        size_t n;
        es_obj_t *items;
        es_obj_get_array(o, &n, &items);
        printf(" tuple %zu\n", n);
        for (size_t i = 0; i < n; i++) {
            dump_const(items[i]);
        }
    } else if (es_obj_is_type(o, &es_type_code)) {
        puts(" code");
        dump_code(es_obj_to_ptr(o));
    } else {
        fputs("espy-freeze: a constant of this type cannot be frozen\n", stderr);
        exit(1);
    }
}

static void dump_code(const es_code_t *code) {
    printf("code %u %u %u %u %u %u %u %u %u %lu", code->flags, code->n_pos, code->n_posonly, code->n_kwonly,
           code->n_slots, code->n_cells, code->n_free, code->stack_size, code->n_cache, (unsigned long)es_code_first_line(code));
    put_qstr(code->name);
    put_qstr(code->qualname);
    put_qstr(code->filename);
    putchar('\n');
    dump_bytecode(code);
    fputs("tables", stdout);
    put_hex(es_code_line_table(code), (size_t)code->line_len + code->exc_len);
    printf(" %u\n", code->line_len);
    fputs("slots", stdout);
    for (size_t i = 0; i < code->n_slots; i++) {
        put_qstr(es_code_slot_names(code)[i]);
    }
    fputs("\ncells", stdout);
    for (size_t i = 0; i < code->n_cells; i++) {
        printf(" %u", es_code_cell_slots(code)[i]);
    }
    printf("\nconsts %u\n", code->n_consts);
    for (size_t i = 0; i < code->n_consts; i++) {
        dump_const(es_code_consts(code)[i]);
    }
    puts("end");
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t alloc = 4096, n = 0;
    char *buf = malloc(alloc);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, alloc - n, f)) > 0) {
        n += got;
        if (n == alloc) {
            alloc *= 2;
            buf = realloc(buf, alloc);
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    int stack_top_marker;
    es_stack_set_top(&stack_top_marker);
    if (argc < 3 || argc % 2 != 1) {
        fputs("usage: espy-freeze NAME FILE [NAME FILE ...]\n", stderr);
        return 2;
    }
    size_t heap_size = 64 * 1024 * 1024;
    char *heap = malloc(heap_size);
    if (heap == NULL) {
        return 2;
    }
    es_gc_init(heap, heap + heap_size);
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) != 0) {
        es_obj_exception_print_traceback(&es_port_stderr_print, nlr.ret_val);
        return 1;
    }
    es_init();
    for (int i = 1; i < argc; i += 2) {
        size_t len;
        char *src = read_file(argv[i + 1], &len);
        if (src == NULL) {
            fprintf(stderr, "espy-freeze: cannot read %s\n", argv[i + 1]);
            return 1;
        }
        const es_code_t *code =
            es_compile_to_code_opts(src, len, es_qstr_from_str(argv[i]), ES_INPUT_FILE, ES_COMPILE_PORTABLE);
        printf("module");
        put_hex((const uint8_t *)argv[i], strlen(argv[i]));
        putchar('\n');
        dump_code(code);
        free(src);
    }
    es_nlr_pop();
    return 0;
}
