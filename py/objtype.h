/* objtype.h: user classes and their instances: the layout behind `class` statements, and what the compiler and VM must provide. */
#pragma once

#include "py/obj.h"

/*
** A class made by a class statement (or type(name, bases, dict)) is a heap es_type_t
** extended with what built-in types do not need. Its slots point at the instance
** dispatchers of py/objtype.c, which look up the special methods (__add__, __len__...)
** in the class's method resolution order.
*/
typedef struct es_user_type_t {
    es_type_t type;
    es_obj_t mro;                  /* tuple: the class, then its bases in C3 order */
    es_obj_t qualname;             /* str */
    const es_type_t *native_base;  /* built-in base whose value instances keep in subobj[0], or NULL */
} es_user_type_t;

/* Set on user classes whose MRO holds a data descriptor (property, or an object with __set__/__delete__):
** only then must instance attribute loads consult the class before the instance dict. */
#define ES_TYPE_FLAG_HAS_DATA_DESCRIPTORS (0x8000)

static inline bool es_type_is_user_class(const es_type_t *t) { return (t->flags & ES_TYPE_FLAG_IS_USER_CLASS) != 0; }

/* The built-in value an instance of a subclass of a built-in type wraps, or ES_OBJ_NULL. */
es_obj_t es_instance_native(es_obj_t o);

/* type(name, bases, dict): makes a new class. */
es_obj_t es_type_new_class(es_qstr_t name, es_obj_t bases_tuple, es_obj_t locals_dict);

/* The builtins __build_class__ and super. */
extern const es_obj_fun_builtin_t es_builtin___build_class___obj;

/*
** ---- What the compiler and VM are expected to do -------------------------------------
**
** class C(B1, B2, metaclass=M, **kw): body
**   compiles to a call of the builtin __build_class__(body_fn, 'C', B1, B2, metaclass=M, **kw),
**   as CPython does. body_fn is a function of no arguments whose code uses the NAME opcodes
**   (es_load_name / es_store_name / es_delete_name), so that its bindings land in
**   es_locals_get(). __build_class__ makes a fresh dict, installs it with es_locals_set()
**   while body_fn runs (restoring the old one afterwards, also on an exception), and stores
**   `__module__` (from the globals' __name__) and `__qualname__` into it first.
**   The VM must therefore not reset es_state.roots.locals when it calls body_fn; it only
**   switches globals to body_fn's globals, as for any function.
**
** Zero-argument super() and __class__:
**   if any method of the body uses `super` or `__class__`, the body gets a cell named
**   __class__ (as CPython). body_fn either returns that cell, or stores it in its namespace
**   under `__classcell__`; __build_class__ sets the cell to the new class in both cases.
**   A call `super()` with no arguments inside such a method is compiled as
**   `super(__class__, <first parameter of the method>)`; the builtin super itself takes
**   (type, obj) or (type) and raises RuntimeError("super(): no arguments") when called
**   with none.
*/

/* Turns a class member found by es_type_lookup into what loading it from `self` gives:
** functions become methods (dest[0] = fun, dest[1] = self), staticmethod/classmethod/
** property/__get__ descriptors are applied. Built-in functions bind only when `from_native`
** (a method of a built-in type), since a C function stored in a class is not a descriptor. */
void es_member_to_dest(es_obj_t self, const es_type_t *type, es_obj_t member, bool from_native, es_obj_t *dest);

/* True for objects that bind as methods when found in a class (Python and C functions). */
bool es_obj_is_function(es_obj_t o);

/* An iterator that calls obj[0], obj[1]... until IndexError: the old sequence protocol. */
es_obj_t es_obj_new_seq_iter(es_obj_t seq);

/* A callable for a special method a built-in type implements in a slot (int.__add__,
** dict.__getitem__), or ES_OBJ_NULL; it binds like a method. */
es_obj_t es_native_slot_method(const es_type_t *t, es_qstr_t attr);
bool es_obj_is_slot_wrapper(es_obj_t o);
