/* modmicropython.c: the micropython module: const, memory and qstr reports, heap lock, schedule, code-emitter decorators. */

#include <string.h>

#include "py/runtime.h"

static es_obj_t mp_identity(es_obj_t x) { return x; }
static ES_DEFINE_FUN_1(mp_const_obj, ES_Q_const, mp_identity);
/* native/viper/bytecode select a code emitter in MicroPython; here every function is bytecode. */
static ES_DEFINE_FUN_1(mp_native_obj, ES_Q_native, mp_identity);
static ES_DEFINE_FUN_1(mp_viper_obj, ES_Q_viper, mp_identity);
static ES_DEFINE_FUN_1(mp_bytecode_obj, ES_Q_bytecode, mp_identity);

static es_obj_t mp_opt_level(size_t n_args, const es_obj_t *args) {
    if (n_args == 0) {
        return ES_OBJ_NEW_SMALL_INT(0);
    }
    es_obj_get_int(args[0]);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(mp_opt_level_obj, ES_Q_opt_level, 0, 1, mp_opt_level);

/*
** mem_info(1) prints the heap's block map the way MicroPython does: rows of 64 blocks, each
** led by its byte offset in the heap; '.' a free block, '=' the rest of an allocation, and
** for an allocation's first block a letter for the object's type (docs/gc.md lists them).
** Two or more whole rows in a row that are all free shrink to one "(N lines all free)" line.
** The rows are written as the collector walks the heap, so printing the map allocates nothing.
*/
#define LAYOUT_ROW_BLOCKS (64)

typedef struct layout_t {
    const uint8_t *heap_start;
    const es_type_t *array_type; /* NULL in a build without the array module */
    size_t row_offset;           /* bytes from the heap's start to the row being filled */
    size_t row_len;
    bool row_all_free;
    size_t free_rows;         /* whole free rows not printed yet */
    size_t first_free_offset; /* the first of them */
    char row[LAYOUT_ROW_BLOCKS];
} layout_t;

static char head_letter(const layout_t *layout, const void *block) {
    const es_type_t *type = ((const es_obj_base_t *)block)->type;
    if (type == &es_type_tuple) {
        return 'T';
    } else if (type == &es_type_list) {
        return 'L';
    } else if (type == &es_type_dict) {
        return 'D';
    } else if (type == &es_type_str || type == &es_type_bytes) {
        return 'S';
    } else if (type == &es_type_bytearray || (type == layout->array_type && type != NULL)) {
        return 'A';
    } else if (type == &es_type_float) {
        return 'F';
    } else if (type == &es_type_function || type == &es_type_closure || type == &es_type_generator) {
        return 'B';
    } else if (type == &es_type_module) {
        return 'M';
    } else if (type == &es_type_code) {
        return 'C';
    }
    return 'h';
}

static void print_row(size_t offset, const char *blocks, size_t n) {
    es_printf(&es_plat_print, "\n%05zx: ", offset);
    es_print_strn(&es_plat_print, blocks, n);
}

static void print_held_free_rows(layout_t *layout) {
    if (layout->free_rows >= 2) {
        es_printf(&es_plat_print, "\n       (%u lines all free)", (unsigned)layout->free_rows);
    } else if (layout->free_rows == 1) {
        char dots[LAYOUT_ROW_BLOCKS];
        memset(dots, '.', sizeof(dots));
        print_row(layout->first_free_offset, dots, sizeof(dots));
    }
    layout->free_rows = 0;
}

/* A whole free row is held back until the next row that is not (or the heap's end) shows how many there are. */
static void end_row(layout_t *layout) {
    if (layout->row_all_free && layout->row_len == LAYOUT_ROW_BLOCKS) {
        if (layout->free_rows++ == 0) {
            layout->first_free_offset = layout->row_offset;
        }
    } else {
        print_held_free_rows(layout);
        print_row(layout->row_offset, layout->row, layout->row_len);
    }
    layout->row_len = 0;
}

static void layout_visit(void *ctx, const void *block, es_gc_block_kind_t kind) {
    layout_t *layout = ctx;
    if (layout->heap_start == NULL) {
        layout->heap_start = block;
        es_printf(&es_plat_print, "GC memory layout; from %zx:", (size_t)(uintptr_t)block);
    }
    if (layout->row_len == 0) {
        layout->row_offset = (size_t)((const uint8_t *)block - layout->heap_start);
        layout->row_all_free = true;
    }
    char c = '.';
    if (kind == ES_GC_BLOCK_TAIL) {
        c = '=';
    } else if (kind == ES_GC_BLOCK_HEAD) {
        c = head_letter(layout, block);
    }
    layout->row_all_free &= c == '.';
    layout->row[layout->row_len++] = c;
    if (layout->row_len == LAYOUT_ROW_BLOCKS) {
        end_row(layout);
    }
}

static const es_type_t *find_array_type(void) {
    es_obj_t module = es_module_get_builtin(ES_Q_array);
    if (module == ES_OBJ_NULL) {
        return NULL;
    }
    es_obj_t globals = es_obj_from_ptr(((const es_obj_module_t *)es_obj_to_ptr(module))->globals);
    es_obj_t type = es_obj_dict_get(globals, ES_OBJ_NEW_QSTR(ES_Q_array));
    return type != ES_OBJ_NULL && es_obj_is_type(type, &es_type_type) ? es_obj_to_ptr(type) : NULL;
}

static void print_layout(void) {
    layout_t layout;
    memset(&layout, 0, sizeof(layout));
    layout.array_type = find_array_type();
    es_gc_walk(layout_visit, &layout);
    if (layout.row_len > 0) {
        layout.row_all_free = false; /* the heap's last, short row is always shown */
        end_row(&layout);
    }
    print_held_free_rows(&layout);
    es_print_str(&es_plat_print, "\n");
}

/* MicroPython's third summary line, which tools parse: allocations of one and of two blocks,
** the largest allocation and the largest free run, in blocks. */
typedef struct block_counts_t {
    size_t one, two, max_alloc, max_free;
    size_t run;        /* blocks in the current allocation or free run */
    bool run_is_free;
} block_counts_t;

static void end_run(block_counts_t *counts) {
    size_t *max = counts->run_is_free ? &counts->max_free : &counts->max_alloc;
    if (counts->run > *max) {
        *max = counts->run;
    }
    if (!counts->run_is_free) {
        counts->one += counts->run == 1;
        counts->two += counts->run == 2;
    }
    counts->run = 0;
}

static void count_visit(void *ctx, const void *block, es_gc_block_kind_t kind) {
    ES_UNUSED(block);
    block_counts_t *counts = ctx;
    bool is_free = kind == ES_GC_BLOCK_FREE;
    if (counts->run > 0 && (kind == ES_GC_BLOCK_HEAD || is_free != counts->run_is_free)) {
        end_run(counts);
    }
    counts->run_is_free = is_free;
    counts->run++;
}

static es_obj_t mp_mem_info(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(args);
    es_gc_info_t info;
    es_gc_info(&info);
    es_printf(&es_plat_print, "stack: %u out of %u\n", (unsigned)es_stack_usage(), (unsigned)es_state.stack_limit);
    es_printf(&es_plat_print, "GC: total: %u, used: %u, free: %u\n", (unsigned)info.total, (unsigned)info.used,
              (unsigned)info.free);
    block_counts_t counts;
    memset(&counts, 0, sizeof(counts));
    es_gc_walk(count_visit, &counts);
    if (counts.run > 0) {
        end_run(&counts);
    }
    es_printf(&es_plat_print, " No. of 1-blocks: %u, 2-blocks: %u, max blk sz: %u, max free sz: %u\n",
              (unsigned)counts.one, (unsigned)counts.two, (unsigned)counts.max_alloc, (unsigned)counts.max_free);
    if (n_args > 0) {
        print_layout();
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(mp_mem_info_obj, ES_Q_mem_info, 0, 1, mp_mem_info);

static es_obj_t mp_qstr_info(size_t n_args, const es_obj_t *args) {
    ES_UNUSED(n_args);
    ES_UNUSED(args);
    size_t n_qstr, n_bytes;
    es_qstr_pool_info(&n_qstr, &n_bytes);
    es_printf(&es_plat_print, "qstr pool: n_qstr=%u, n_str_data_bytes=%u\n", (unsigned)n_qstr, (unsigned)n_bytes);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(mp_qstr_info_obj, ES_Q_qstr_info, 0, 1, mp_qstr_info);

static es_obj_t mp_stack_use(void) { return es_obj_new_int_from_uint(es_stack_usage()); }
static ES_DEFINE_FUN_0(mp_stack_use_obj, ES_Q_stack_use, mp_stack_use);

static es_obj_t mp_heap_lock(void) {
    es_gc_lock();
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_0(mp_heap_lock_obj, ES_Q_heap_lock, mp_heap_lock);

static es_obj_t mp_heap_unlock(void) {
    es_gc_unlock();
    return es_obj_new_small_int(es_gc_is_locked());
}
static ES_DEFINE_FUN_0(mp_heap_unlock_obj, ES_Q_heap_unlock, mp_heap_unlock);

static es_obj_t mp_heap_locked(void) { return es_obj_new_small_int(es_gc_is_locked()); }
static ES_DEFINE_FUN_0(mp_heap_locked_obj, ES_Q_heap_locked, mp_heap_locked);

static es_obj_t mp_kbd_intr(es_obj_t chr) {
    es_int_t c = es_obj_get_int(chr);
#ifdef ES_PORT_SET_INTERRUPT_CHAR
    ES_PORT_SET_INTERRUPT_CHAR((int)c); /* -1: no interrupt character for the running code */
#else
    (void)c; /* the console always treats Ctrl-C as an interrupt */
#endif
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(mp_kbd_intr_obj, ES_Q_kbd_intr, mp_kbd_intr);

static es_obj_t mp_alloc_emergency_exception_buf(es_obj_t size) {
    es_obj_get_int(size); /* exceptions raised with a locked heap use preallocated objects */
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(mp_alloc_emergency_exception_buf_obj, ES_Q_alloc_emergency_exception_buf,
                       mp_alloc_emergency_exception_buf);

/* Queues fun(arg) to run at the next safe point; safe to call from an interrupt handler. */
static es_obj_t mp_schedule(es_obj_t fun, es_obj_t arg) {
    if (!es_sched_schedule(fun, arg)) {
        es_raise_msg(&es_type_RuntimeError, "schedule queue full");
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(mp_schedule_obj, ES_Q_schedule, mp_schedule);

static const es_map_elem_t micropython_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_micropython)},
    {ES_OBJ_NEW_QSTR(ES_Q_const), ES_OBJ_FROM_CONST(mp_const_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_native), ES_OBJ_FROM_CONST(mp_native_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_viper), ES_OBJ_FROM_CONST(mp_viper_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_bytecode), ES_OBJ_FROM_CONST(mp_bytecode_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_opt_level), ES_OBJ_FROM_CONST(mp_opt_level_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_mem_info), ES_OBJ_FROM_CONST(mp_mem_info_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_qstr_info), ES_OBJ_FROM_CONST(mp_qstr_info_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_stack_use), ES_OBJ_FROM_CONST(mp_stack_use_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_heap_lock), ES_OBJ_FROM_CONST(mp_heap_lock_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_heap_unlock), ES_OBJ_FROM_CONST(mp_heap_unlock_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_heap_locked), ES_OBJ_FROM_CONST(mp_heap_locked_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_kbd_intr), ES_OBJ_FROM_CONST(mp_kbd_intr_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_alloc_emergency_exception_buf), ES_OBJ_FROM_CONST(mp_alloc_emergency_exception_buf_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_schedule), ES_OBJ_FROM_CONST(mp_schedule_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_micropython, micropython_globals_table);
ES_REGISTER_MODULE(ES_Q_micropython, es_module_micropython);
