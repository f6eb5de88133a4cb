/* attrcache.c: look-up caches for attributes of instances and classes, and for builtins. */

#include <string.h>

#include "py/attrcache.h"
#include "py/objtype.h"
#include "py/runtime.h"

/*
** +--------------------------------------------------------------------------------------+
** | One small direct-mapped table, indexed by (owner, name). The owner is the type of    |
** | the object for attribute loads and stores, or the globals dict for builtins. An      |
** | entry remembers positions, never values that could change:                            |
** |   - inst_pos: where the name sat in the last instance dict of that type. Used only  |
** |     after checking that the instance dict holds the same key at that position.       |
** |   - a class member: MRO index and position in that class's dict. Valid while the   |
** |     epoch is unchanged. Class dicts are watched maps (py/map.h): any key added or    |
** |     removed in any of them bumps the epoch, so a class earlier in the MRO cannot     |
** |     have gained the name and the position still holds it. The value is read from   |
** |     the dict on every use, so replacing a method is seen at once.                    |
** |   - a member of a built-in type (const tables in flash): the value itself.           |
** |   - a builtin: valid while the epoch is unchanged and the globals dict (watched    |
** |     since the entry was made) has not gained the name; an overlay entry in         |
** |     builtins.__dict__ is kept as a position, a const builtin as its value.         |
** | Watching a map bumps the epoch too, so an entry about a freed dict or class can    |
** | never describe a new one made at the same address. Only the paths that involve no  |
** | user hook are cached: types with __getattr__/__getattribute__/__setattr__/        |
** | __delattr__ or data descriptors (properties) take the general path every time, as  |
** | do names that the general path answers specially (__class__, __dict__...).        |
** +--------------------------------------------------------------------------------------+
*/

#ifndef ES_ATTR_CACHE_BITS
#if UINTPTR_MAX > 0xffffffffu
#define ES_ATTR_CACHE_BITS (9)
#else
#define ES_ATTR_CACHE_BITS (5) /* 32 entries, 640 bytes of RAM on the ESP8266 */
#endif
#endif
#define CACHE_SIZE ((size_t)1 << ES_ATTR_CACHE_BITS)

#define NO_POS (0xffff)

typedef enum {
    KIND_NONE,           /* only inst_pos is known */
    KIND_CLASS_MEMBER,   /* depth, member_pos (epoch) */
    KIND_NATIVE_MEMBER,  /* value: from a built-in type's const table */
    KIND_BUILTIN_CONST,  /* value (epoch) */
    KIND_BUILTIN_OVERLAY /* member_pos in builtins.__dict__ (epoch) */
} entry_kind_t;

typedef struct cache_entry_t {
    const void *owner;
    es_obj_t value;
    uint32_t epoch;
    uint16_t name;
    uint16_t inst_pos;
    uint16_t member_pos;
    uint8_t depth;
    uint8_t kind;
} cache_entry_t;

static cache_entry_t cache[CACHE_SIZE];
static uint32_t epoch = 1;

void es_attr_cache_invalidate(void) {
    if (++epoch == 0) {
        /* wrapped: no entry may keep a stamp that would look current again */
        memset(cache, 0, sizeof(cache));
        epoch = 1;
    }
}

static inline cache_entry_t *entry_for(const void *owner, es_qstr_t name) {
    size_t h = ((uintptr_t)owner >> 4) * 31u + name;
    return &cache[(h ^ (h >> ES_ATTR_CACHE_BITS)) & (CACHE_SIZE - 1)];
}

static void claim(cache_entry_t *e, const void *owner, es_qstr_t name) {
    e->owner = owner;
    e->name = (uint16_t)name;
    e->kind = KIND_NONE;
    e->epoch = 0;
    e->inst_pos = NO_POS;
}

/* The attribute and member paths this cache may answer: a user class without hooks. */
static inline bool plain_user_type(const es_type_t *type) {
    return (type->flags & (ES_TYPE_FLAG_IS_USER_CLASS | ES_TYPE_FLAG_HAS_SPECIAL_ACCESSORS |
                           ES_TYPE_FLAG_HAS_DATA_DESCRIPTORS)) == ES_TYPE_FLAG_IS_USER_CLASS;
}

static inline const es_obj_tuple_t *mro_of(const es_type_t *type) {
    return es_obj_to_ptr(((const es_user_type_t *)type)->mro);
}

/* Finds name along a user class's MRO (as es_type_lookup does) and records where in `e`. */
static bool find_member(const es_type_t *type, es_qstr_t name, cache_entry_t *e) {
    const es_obj_tuple_t *mro = mro_of(type);
    es_obj_t key = es_obj_new_qstr(name);
    for (size_t i = 0; i < mro->len && i < 0xff; i++) {
        const es_type_t *c = es_obj_to_ptr(mro->items[i]);
        if (c->locals_dict != NULL) {
            es_map_t *map = &c->locals_dict->map;
            es_map_elem_t *elem = es_map_lookup(map, key, ES_MAP_LOOKUP);
            if (elem != NULL) {
                size_t pos = (size_t)(elem - map->table);
                if (pos >= NO_POS) {
                    return false;
                }
                es_map_watch(map); /* class dicts are watched from birth; this covers any other */
                e->kind = KIND_CLASS_MEMBER;
                e->depth = (uint8_t)i;
                e->member_pos = (uint16_t)pos;
                e->epoch = epoch;
                return true;
            }
        }
    }
    return false;
}

/* The class member an entry points at, or ES_OBJ_NULL when the entry says nothing current. */
static inline es_obj_t cached_member(const es_type_t *type, const cache_entry_t *e, const es_type_t **found_in) {
    if (e->kind != KIND_CLASS_MEMBER || e->epoch != epoch) {
        return ES_OBJ_NULL;
    }
    const es_type_t *c = es_obj_to_ptr(mro_of(type)->items[e->depth]);
    *found_in = c;
    return c->locals_dict->map.table[e->member_pos].value;
}

/* What instance_load_generic (py/objtype.c) does with a class member of a plain user class. */
static void instance_member_to_dest(es_obj_t self, const es_type_t *type, const es_type_t *found_in, es_obj_t member,
                                    es_obj_t *dest) {
    if (es_type_is_user_class(found_in)) {
        if (es_obj_is_type(member, &es_type_function) || es_obj_is_type(member, &es_type_closure)) {
            dest[0] = member;
            dest[1] = self;
            return;
        }
        es_member_to_dest(self, type, member, false, dest);
        return;
    }
    es_obj_t native = es_instance_native(self);
    bool bind_native = native != ES_OBJ_NULL && found_in != &es_type_object;
    es_member_to_dest(bind_native ? native : self, type, member, true, dest);
}

static void load_from_instance(es_obj_t self, const es_type_t *type, es_qstr_t attr, es_obj_t *dest) {
    cache_entry_t *e = entry_for(type, attr);
    bool hit = e->owner == type && e->name == attr;
    es_map_t *members = &((es_obj_instance_t *)es_obj_to_ptr(self))->members->map;
    es_obj_t key = es_obj_new_qstr(attr);
    if (hit) {
        size_t pos = e->inst_pos;
        if (pos < members->used && members->table[pos].key == key) {
            dest[0] = members->table[pos].value;
            return;
        }
    } else {
        claim(e, type, attr);
    }
    es_map_elem_t *elem = es_map_lookup(members, key, ES_MAP_LOOKUP);
    if (elem != NULL) {
        size_t pos = (size_t)(elem - members->table);
        e->inst_pos = pos < NO_POS ? (uint16_t)pos : NO_POS;
        dest[0] = elem->value;
        return;
    }
    const es_type_t *found_in = NULL;
    es_obj_t member = cached_member(type, e, &found_in);
    if (member == ES_OBJ_NULL) {
        if (!find_member(type, attr, e)) {
            es_load_method_maybe(self, attr, dest); /* __class__, __dict__, the built-in part... */
            return;
        }
        member = cached_member(type, e, &found_in);
    }
    instance_member_to_dest(self, type, found_in, member, dest);
}

/* A class's own attribute, as type_load_attr (py/objtype.c) gives it for names it has no special answer for. */
static void load_from_class(const es_type_t *t, es_qstr_t attr, es_obj_t *dest) {
    cache_entry_t *e = entry_for(t, attr);
    const es_type_t *found_in = NULL;
    es_obj_t member = ES_OBJ_NULL;
    if (e->owner == t && e->name == attr) {
        member = cached_member(t, e, &found_in);
    }
    if (member == ES_OBJ_NULL) {
        switch (attr) {
            case ES_Q___name__:
            case ES_Q___qualname__:
            case ES_Q___module__:
            case ES_Q___dict__:
            case ES_Q___bases__:
            case ES_Q___base__:
            case ES_Q___mro__:
            case ES_Q___class__:
                es_load_method_maybe(es_obj_from_ptr(t), attr, dest);
                return;
            default:
                break;
        }
        if (!(e->owner == t && e->name == attr)) {
            claim(e, t, attr);
        }
        if (!find_member(t, attr, e)) {
            es_load_method_maybe(es_obj_from_ptr(t), attr, dest);
            return;
        }
        member = cached_member(t, e, &found_in);
    }
    const es_type_t *mt = es_obj_get_type(member);
    if (mt == &es_type_staticmethod) {
        dest[0] = ((es_obj_static_class_method_t *)es_obj_to_ptr(member))->fun;
    } else if (mt == &es_type_classmethod) {
        dest[0] = ((es_obj_static_class_method_t *)es_obj_to_ptr(member))->fun;
        dest[1] = es_obj_from_ptr(t);
    } else if (es_type_is_user_class(mt)) {
        es_load_method_maybe(es_obj_from_ptr(t), attr, dest); /* may be a descriptor with __get__ */
    } else {
        dest[0] = member;
    }
}

/* es_type_lookup for a built-in type along a chain of const tables; ES_OBJ_NULL for anything else. */
static es_obj_t native_const_lookup(const es_type_t *type, es_qstr_t attr) {
    es_obj_t key = es_obj_new_qstr(attr);
    for (const es_type_t *t = type; t != NULL;) {
        if (t->flags & (ES_TYPE_FLAG_MULTIPLE_BASES | ES_TYPE_FLAG_IS_USER_CLASS)) {
            return ES_OBJ_NULL;
        }
        if (t->locals_dict != NULL) {
            es_map_t *map = &t->locals_dict->map;
            if (!map->is_fixed) {
                return ES_OBJ_NULL;
            }
            es_map_elem_t *elem = es_map_lookup(map, key, ES_MAP_LOOKUP);
            if (elem != NULL) {
                return elem->value;
            }
        }
        t = t->parent != NULL ? t->parent : t == &es_type_object ? NULL : &es_type_object;
    }
    return ES_OBJ_NULL;
}

void es_attr_load_method_maybe(es_obj_t base, es_qstr_t attr, es_obj_t *dest) {
    dest[0] = ES_OBJ_NULL;
    dest[1] = ES_OBJ_NULL;
    if (es_obj_is_ptr(base)) {
        const es_type_t *type = ((const es_obj_base_t *)es_obj_to_ptr(base))->type;
        if (plain_user_type(type)) {
            load_from_instance(base, type, attr, dest);
            return;
        }
        if (type->attr == NULL) {
            /* A built-in type: its methods are in const tables and never change. */
            cache_entry_t *e = entry_for(type, attr);
            if (e->owner == type && e->name == attr && e->kind == KIND_NATIVE_MEMBER) {
                es_member_to_dest(base, type, e->value, true, dest);
                return;
            }
            es_obj_t member = native_const_lookup(type, attr);
            if (member != ES_OBJ_NULL) {
                claim(e, type, attr);
                e->kind = KIND_NATIVE_MEMBER;
                e->value = member;
                es_member_to_dest(base, type, member, true, dest);
                return;
            }
        } else if (type == &es_type_type) {
            const es_type_t *t = es_obj_to_ptr(base);
            if (es_type_is_user_class(t)) {
                load_from_class(t, attr, dest);
                return;
            }
        }
    }
    es_load_method_maybe(base, attr, dest);
}

void es_attr_store(es_obj_t base, es_qstr_t attr, es_obj_t value) {
    if (es_obj_is_ptr(base) && attr != ES_Q___class__) {
        const es_type_t *type = ((const es_obj_base_t *)es_obj_to_ptr(base))->type;
        if (plain_user_type(type)) {
            /* instance_store_generic without data descriptors: the instance dict takes it */
            cache_entry_t *e = entry_for(type, attr);
            es_map_t *members = &((es_obj_instance_t *)es_obj_to_ptr(base))->members->map;
            es_obj_t key = es_obj_new_qstr(attr);
            if (e->owner == type && e->name == attr) {
                size_t pos = e->inst_pos;
                if (pos < members->used && members->table[pos].key == key) {
                    members->table[pos].value = value;
                    return;
                }
            } else {
                claim(e, type, attr);
            }
            es_map_elem_t *elem = es_map_lookup(members, key, ES_MAP_LOOKUP_ADD_IF_NOT_FOUND);
            elem->value = value;
            size_t pos = (size_t)(elem - members->table);
            e->inst_pos = pos < NO_POS ? (uint16_t)pos : NO_POS;
            return;
        }
    }
    es_store_attr(base, attr, value);
}

/* ---- builtins ------------------------------------------------------------------------ */

es_obj_t es_attr_builtin_cached(es_obj_dict_t *globals, es_qstr_t name) {
    const cache_entry_t *e = entry_for(globals, name);
    if (e->owner != globals || e->name != name || e->epoch != epoch || !globals->map.is_watched) {
        return ES_OBJ_NULL;
    }
    es_obj_dict_t *overlay = es_state.roots.builtins_dict;
    if (e->kind == KIND_BUILTIN_CONST) {
        /* an overlay made since then is unwatched until a fill watches it (and bumps the epoch) */
        if (overlay == NULL || overlay->map.is_watched) {
            return e->value;
        }
    } else if (e->kind == KIND_BUILTIN_OVERLAY && overlay != NULL) {
        return overlay->map.table[e->member_pos].value;
    }
    return ES_OBJ_NULL;
}

es_obj_t es_attr_builtin_fill(es_obj_dict_t *globals, es_qstr_t name) {
    es_map_watch(&globals->map);
    es_obj_dict_t *overlay = es_state.roots.builtins_dict;
    cache_entry_t *e = entry_for(globals, name);
    claim(e, globals, name);
    if (overlay != NULL) {
        es_map_watch(&overlay->map);
        es_map_elem_t *elem = es_map_lookup(&overlay->map, es_obj_new_qstr(name), ES_MAP_LOOKUP);
        if (elem != NULL) {
            size_t pos = (size_t)(elem - overlay->map.table);
            if (pos < NO_POS) {
                e->kind = KIND_BUILTIN_OVERLAY;
                e->member_pos = (uint16_t)pos;
                e->epoch = epoch;
            }
            return elem->value;
        }
    }
    es_obj_t v = es_builtin_lookup(name);
    if (v != ES_OBJ_NULL) {
        e->kind = KIND_BUILTIN_CONST;
        e->value = v;
        e->epoch = epoch;
    }
    return v;
}
