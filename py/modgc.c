/* modgc.c: the gc module: collect, enable/disable, heap statistics and the collection threshold. */

#include "py/runtime.h"

static es_obj_t gc_collect(void) {
    es_gc_collect();
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_0(gc_collect_obj, ES_Q_collect, gc_collect);

static es_obj_t gc_enable(void) {
    es_gc_enable(true);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_0(gc_enable_obj, ES_Q_enable, gc_enable);

static es_obj_t gc_disable(void) {
    es_gc_enable(false);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_0(gc_disable_obj, ES_Q_disable, gc_disable);

static es_obj_t gc_isenabled(void) { return es_obj_new_bool(es_gc_is_enabled()); }
static ES_DEFINE_FUN_0(gc_isenabled_obj, ES_Q_isenabled, gc_isenabled);

static es_obj_t gc_mem_free(void) {
    es_gc_info_t info;
    es_gc_info(&info);
    return es_obj_new_int_from_uint(info.free);
}
static ES_DEFINE_FUN_0(gc_mem_free_obj, ES_Q_mem_free, gc_mem_free);

static es_obj_t gc_mem_alloc(void) {
    es_gc_info_t info;
    es_gc_info(&info);
    return es_obj_new_int_from_uint(info.used);
}
static ES_DEFINE_FUN_0(gc_mem_alloc_obj, ES_Q_mem_alloc, gc_mem_alloc);

/* threshold() reads it (-1 when unset); threshold(n) sets it, n = -1 switches it off. */
static es_obj_t gc_threshold(size_t n_args, const es_obj_t *args) {
    if (n_args == 0) {
        return es_obj_new_int(es_gc_get_threshold());
    }
    es_int_t bytes = es_obj_get_int(args[0]);
    es_gc_set_threshold(bytes < 0 ? -1 : (long)bytes);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(gc_threshold_obj, ES_Q_threshold, 0, 1, gc_threshold);

static const es_map_elem_t gc_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_gc)},
    {ES_OBJ_NEW_QSTR(ES_Q_collect), ES_OBJ_FROM_CONST(gc_collect_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_enable), ES_OBJ_FROM_CONST(gc_enable_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_disable), ES_OBJ_FROM_CONST(gc_disable_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isenabled), ES_OBJ_FROM_CONST(gc_isenabled_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_mem_free), ES_OBJ_FROM_CONST(gc_mem_free_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_mem_alloc), ES_OBJ_FROM_CONST(gc_mem_alloc_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_threshold), ES_OBJ_FROM_CONST(gc_threshold_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_gc, gc_globals_table);
ES_REGISTER_MODULE(ES_Q_gc, es_module_gc);
