/* containers_stubs.c: stand-ins for parts of the interpreter the container unit test never reaches.
 */
/* No headers on purpose: only the symbol names matter to the linker. */

void abort(void);

#define STUB(name)                                                                                 \
    void name(void);                                                                               \
    void name(void) {                                                                              \
        abort();                                                                                   \
    }

STUB(es_obj_complex_binary_op)
STUB(es_format_float)
STUB(es_obj_new_complex)
STUB(es_exec_source)
STUB(es_obj_complex_get)
STUB(es_obj_cell_set)
STUB(es_sys_stream_print)
STUB(es_init)
STUB(es_deinit)
STUB(es_sched_keyboard_interrupt)

void es_handle_pending(void);
void es_handle_pending(void) {}

/* Zeroed type objects: big enough for es_type_t, never used by the tests. */
const void *es_type_complex[32], *es_type_generator[32], *es_type_function[32],
    *es_type_closure[32], *es_type_cell[32];
const void *es_builtin_exec_obj[4], *es_builtin_eval_obj[4], *es_builtin_compile_obj[4];
