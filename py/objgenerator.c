/* objgenerator.c: generators and coroutines: a suspended frame in the heap, send/throw/close. */

#include <string.h>

#include "py/bc.h"
#include "py/runtime.h"

static const es_type_t coroutine_type;

typedef enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_FINISHED } gen_state_t;

typedef struct es_obj_gen_t {
    es_obj_base_t base;
    const es_obj_fun_t *fun;
    uint8_t state;
    es_obj_t return_value; /* kept from the return until next() reports it (ES_OBJ_NULL when taken) */
    es_obj_t active_exception; /* the exception being handled inside the generator while suspended */
    struct es_obj_gen_t *next_dirty; /* on the list of frames to clean (below), or NULL */
    es_frame_t *frame; /* points just past this struct, in the same allocation */
} es_obj_gen_t;

es_obj_t es_obj_new_generator(const es_obj_fun_t *fun, size_t n_args, size_t n_kw, const es_obj_t *args) {
    const es_code_t *code = fun->code;
    size_t words = es_frame_words(code);
    es_obj_gen_t *gen = es_alloc(sizeof(es_obj_gen_t) + sizeof(es_frame_t) + words * sizeof(es_obj_t));
    gen->base.type = (code->flags & ES_CODE_FLAG_COROUTINE) ? &coroutine_type : &es_type_gen_instance;
    gen->fun = fun;
    gen->state = GEN_CREATED;
    es_frame_t *frame = (es_frame_t *)(gen + 1);
    gen->frame = frame;
    frame->code = code;
    frame->globals = fun->globals;
    frame->ip = es_code_bytecode(code);
    frame->sp = frame->slots + code->n_slots - 1;
    es_fun_bind_args(fun, frame, n_args, n_kw, args);
    return es_obj_from_ptr(gen);
}

bool es_obj_is_generator(es_obj_t o) {
    return es_obj_is_type(o, &es_type_gen_instance) || es_obj_is_type(o, &coroutine_type);
}

static bool is_coroutine(const es_obj_gen_t *gen) { return (gen->fun->code->flags & ES_CODE_FLAG_COROUTINE) != 0; }

/*
** A suspended generator is reached only through the heap, where the collector sees every
** word of it, so its frame must hold no dead values: those above sp (popped before the
** yield) and, once it has finished, all of them. Clearing them at every yield would cost
** each resume a loop; instead a generator that ran goes on a list (linked through the
** generators themselves) and es_gen_clear_dead_slots clears their frames just before the
** collector marks, and empties the list. Nothing on the list can have been freed: only a
** collection frees generators, and the list is empty after each one.
*/
#define DIRTY_LIST_END ((es_obj_gen_t *)&dirty_generators)
static es_obj_gen_t *dirty_generators = DIRTY_LIST_END;

static inline void note_dirty(es_obj_gen_t *gen) {
    if (gen->next_dirty == NULL) {
        gen->next_dirty = dirty_generators;
        dirty_generators = gen;
    }
}

void es_gen_clear_dead_slots(void) {
    es_obj_gen_t *gen = dirty_generators;
    while (gen != DIRTY_LIST_END) {
        /* A running one is done by py/vm.c: its frame->sp is not kept up to date. */
        if (gen->state != GEN_RUNNING) {
            es_frame_t *frame = gen->frame;
            es_obj_t *end = frame->slots + es_frame_words(frame->code);
            es_obj_t *p = gen->state == GEN_FINISHED ? frame->slots : frame->sp + 1;
            memset(p, 0, (size_t)(end - p) * sizeof(es_obj_t));
        }
        es_obj_gen_t *next = gen->next_dirty;
        gen->next_dirty = NULL;
        gen = next;
    }
    dirty_generators = DIRTY_LIST_END;
}

void es_gen_forget_dirty(void) { dirty_generators = DIRTY_LIST_END; }

/* Runs the frame and settles the generator's state; PEP 479 turns StopIteration into RuntimeError. */
static es_vm_return_t run_frame(es_obj_gen_t *gen, es_obj_t throw_exc, es_obj_t *result) {
    /* The generator has its own "exception being handled", as CPython keeps one per frame. */
    es_obj_dict_t *old_globals = es_globals_get();
    es_obj_t caller_active = es_state.roots.active_exception;
    if (gen->active_exception != ES_OBJ_NULL) {
        es_state.roots.active_exception = gen->active_exception;
    }
    gen->state = GEN_RUNNING;
    es_vm_return_t r = es_vm_execute(gen->frame, throw_exc, result);
    es_globals_set(old_globals);
    es_obj_t active = es_state.roots.active_exception;
    gen->active_exception = r == ES_VM_YIELD && active != caller_active ? active : ES_OBJ_NULL;
    es_state.roots.active_exception = caller_active;
    gen->state = r == ES_VM_YIELD ? GEN_SUSPENDED : GEN_FINISHED;
    note_dirty(gen);
    gen->return_value = r == ES_VM_RETURN && *result != ES_OBJ_NONE ? *result : ES_OBJ_NULL;
    if (r == ES_VM_EXCEPTION && es_obj_exception_match(*result, &es_type_StopIteration)) {
        es_obj_t e = es_obj_new_exception_msg(&es_type_RuntimeError, is_coroutine(gen) ? "coroutine raised StopIteration"
                                                                                       : "generator raised StopIteration");
        ((es_obj_exception_t *)es_obj_to_ptr(e))->cause = *result;
        *result = e;
    }
    return r;
}

/* Calls sub.throw(exc) / sub.close() for a `yield from` in progress. Returns false when
** the delegate finished (with *result its value) and true when it yielded. Exceptions
** from the delegate come back in *exc_out. */
static es_vm_return_t throw_into_delegate(es_obj_t sub, es_obj_t exc, es_obj_t *result) {
    if (es_obj_is_generator(sub)) {
        return es_gen_resume(sub, ES_OBJ_NULL, exc, result);
    }
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_obj_t dest[3];
        if (es_obj_exception_match(exc, &es_type_GeneratorExit)) {
            es_load_method_maybe(sub, ES_Q_close, dest);
            if (dest[0] != ES_OBJ_NULL) {
                es_call_method_n_kw(0, 0, dest);
            }
            es_nlr_pop();
            *result = exc;
            return ES_VM_EXCEPTION;
        }
        es_load_method_maybe(sub, ES_Q_throw, dest);
        if (dest[0] == ES_OBJ_NULL) {
            es_nlr_pop();
            *result = exc;
            return ES_VM_EXCEPTION;
        }
        dest[2] = exc;
        *result = es_call_method_n_kw(1, 0, dest);
        es_nlr_pop();
        return ES_VM_YIELD;
    }
    if (es_obj_exception_match(nlr.ret_val, &es_type_StopIteration)) {
        *result = es_obj_exception_get_value(nlr.ret_val);
        return ES_VM_RETURN;
    }
    *result = nlr.ret_val;
    return ES_VM_EXCEPTION;
}

es_vm_return_t es_gen_resume(es_obj_t self, es_obj_t send_value, es_obj_t throw_value, es_obj_t *result) {
    es_obj_gen_t *gen = es_obj_to_ptr(self);
    es_frame_t *frame = gen->frame;
    switch (gen->state) {
        case GEN_RUNNING:
            es_raise_msg(&es_type_ValueError, is_coroutine(gen) ? "coroutine already executing" : "generator already executing");
        case GEN_FINISHED:
            if (throw_value != ES_OBJ_NULL) {
                *result = throw_value;
                return ES_VM_EXCEPTION;
            }
            if (is_coroutine(gen)) {
                es_raise_msg(&es_type_RuntimeError, "cannot reuse already awaited coroutine");
            }
            *result = ES_OBJ_NONE;
            return ES_VM_RETURN;
        case GEN_CREATED:
            if (throw_value == ES_OBJ_NULL && send_value != ES_OBJ_NONE && send_value != ES_OBJ_NULL) {
                es_raise_msg(&es_type_TypeError, "can't send non-None value to a just-started generator");
            }
            if (throw_value != ES_OBJ_NULL) {
                gen->state = GEN_FINISHED;
                note_dirty(gen); /* its arguments are dead */
                *result = throw_value;
                return ES_VM_EXCEPTION;
            }
            return run_frame(gen, ES_OBJ_NULL, result);
        default:
            break;
    }
    if (throw_value == ES_OBJ_NULL) {
        if (*frame->ip == ES_BC_YIELD_VALUE) {
            frame->ip++;
        }
        *++frame->sp = send_value == ES_OBJ_NULL ? ES_OBJ_NONE : send_value;
        return run_frame(gen, ES_OBJ_NULL, result);
    }
    if (*frame->ip == ES_BC_YIELD_FROM) {
        gen->state = GEN_RUNNING;
        es_obj_t v;
        es_vm_return_t r = throw_into_delegate(*frame->sp, throw_value, &v);
        gen->state = GEN_SUSPENDED;
        if (r == ES_VM_YIELD) {
            *result = v;
            return ES_VM_YIELD;
        }
        if (r == ES_VM_RETURN) {
            *frame->sp = v; /* the value of the yield from expression replaces the iterator */
            frame->ip++;
            return run_frame(gen, ES_OBJ_NULL, result);
        }
        throw_value = v;
    }
    return run_frame(gen, throw_value, result);
}

es_obj_t es_gen_take_return_value(es_obj_t self) {
    if (!es_obj_is_generator(self)) {
        return ES_OBJ_NULL;
    }
    es_obj_gen_t *gen = es_obj_to_ptr(self);
    es_obj_t v = gen->return_value;
    gen->return_value = ES_OBJ_NULL;
    return v;
}

/* ---- Python-visible methods ------------------------------------------------------------ */

static es_obj_t gen_iternext(es_obj_t self) {
    es_obj_t v;
    es_vm_return_t r = es_gen_resume(self, ES_OBJ_NONE, ES_OBJ_NULL, &v);
    if (r == ES_VM_YIELD) {
        return v;
    }
    if (r == ES_VM_EXCEPTION) {
        es_nlr_jump(v);
    }
    return ES_OBJ_STOP_ITERATION; /* a return value is dropped, as a for loop does */
}

static es_obj_t finish_send(es_vm_return_t r, es_obj_t v) {
    if (r == ES_VM_YIELD) {
        return v;
    }
    if (r == ES_VM_EXCEPTION) {
        es_nlr_jump(v);
    }
    es_raise_stop_iteration(v == ES_OBJ_NONE ? ES_OBJ_NULL : v);
}

static es_obj_t gen_send(es_obj_t self, es_obj_t value) {
    es_obj_t v;
    es_vm_return_t r = es_gen_resume(self, value, ES_OBJ_NULL, &v);
    return finish_send(r, v);
}
static ES_DEFINE_FUN_2(gen_send_obj, ES_Q_send, gen_send);

static es_obj_t gen_throw(size_t n_args, const es_obj_t *args) {
    es_obj_t exc = args[1];
    if (es_obj_is_exception_type(exc)) {
        if (n_args >= 3 && args[2] != ES_OBJ_NONE) {
            exc = es_obj_is_exception_instance(args[2]) ? args[2] : es_call_function_1(exc, args[2]);
        } else {
            exc = es_call_function_0(exc);
        }
    } else if (!es_obj_is_exception_instance(exc)) {
        es_raise_msg(&es_type_TypeError, "exceptions must be classes or instances deriving from BaseException, not type");
    }
    es_obj_t v;
    es_vm_return_t r = es_gen_resume(args[0], ES_OBJ_NULL, exc, &v);
    return finish_send(r, v);
}
static ES_DEFINE_FUN_VAR(gen_throw_obj, ES_Q_throw, 2, 4, gen_throw);

static es_obj_t gen_close(es_obj_t self) {
    es_obj_gen_t *gen = es_obj_to_ptr(self);
    if (gen->state == GEN_CREATED || gen->state == GEN_FINISHED) {
        gen->state = GEN_FINISHED;
        note_dirty(gen); /* the arguments it never ran with are dead */
        return ES_OBJ_NONE;
    }
    es_obj_t v;
    es_vm_return_t r = es_gen_resume(self, ES_OBJ_NULL, es_obj_new_exception(&es_type_GeneratorExit), &v);
    if (r == ES_VM_YIELD) {
        es_raise_msg(&es_type_RuntimeError, "generator ignored GeneratorExit");
    }
    if (r == ES_VM_EXCEPTION && !es_obj_exception_match(v, &es_type_GeneratorExit) &&
        !es_obj_exception_match(v, &es_type_StopIteration)) {
        es_nlr_jump(v);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(gen_close_obj, ES_Q_close, gen_close);

static const es_map_elem_t gen_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_send), ES_OBJ_FROM_CONST(gen_send_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_throw), ES_OBJ_FROM_CONST(gen_throw_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_close), ES_OBJ_FROM_CONST(gen_close_obj)},
};
static ES_DEFINE_CONST_DICT(gen_locals_dict, gen_locals_table);

static void gen_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    const es_obj_gen_t *gen = es_obj_to_ptr(self);
    es_printf(print, "<%s object %q at %p>", is_coroutine(gen) ? "coroutine" : "generator",
              (es_qstr_t)gen->fun->code->qualname, (void *)gen);
}

static es_obj_t gen_getiter(es_obj_t self, es_obj_iter_buf_t *iter_buf) {
    ES_UNUSED(iter_buf);
    return self;
}

static void gen_attr(es_obj_t self, es_qstr_t attr, es_obj_t *dest) {
    const es_obj_gen_t *gen = es_obj_to_ptr(self);
    if (dest[0] != ES_OBJ_NULL) {
        return;
    }
    if (attr == ES_Q___name__) {
        dest[0] = es_obj_new_qstr(gen->fun->code->name);
    } else if (attr == ES_Q___qualname__) {
        dest[0] = es_obj_new_qstr(gen->fun->code->qualname);
    } else {
        es_obj_t m = es_obj_dict_get(ES_OBJ_FROM_CONST(gen_locals_dict), es_obj_new_qstr(attr));
        if (m != ES_OBJ_NULL) {
            dest[0] = m;
            dest[1] = self;
        }
    }
}

const es_type_t es_type_gen_instance = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY | ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_generator,
    .print = gen_print,
    .attr = gen_attr,
    .getiter = gen_getiter,
    .iternext = gen_iternext,
    .locals_dict = (es_obj_dict_t *)&gen_locals_dict,
};

/* Coroutines are generators under another name, so that type(coro).__name__ is 'coroutine'. */
static const es_type_t coroutine_type = {
    .base = {&es_type_type},
    .flags = ES_TYPE_FLAG_EQ_IS_IDENTITY | ES_TYPE_FLAG_ITER_IS_SELF,
    .name = ES_Q_coroutine,
    .print = gen_print,
    .attr = gen_attr,
    .getiter = gen_getiter,
    .iternext = gen_iternext,
    .locals_dict = (es_obj_dict_t *)&gen_locals_dict,
};
