/* sort.c: stable merge sort of object arrays with `<`, optional keys and reverse; list.sort(). */

#include <string.h>

#include "py/runtime.h"
#include "py/sort.h"

/* Runs shorter than this are sorted by binary insertion before merging. */
#define INSERTION_RUN (16)

/*
** keys are what is compared; items (NULL when there is no key function) move in step with
** them. While a merge is under way the left run lives in tmp_keys/tmp_items and the array
** has a gap of exactly the size of the run's unmerged rest at `dest`: an exception from a
** comparison closes the gap with that rest, so the array always ends up a permutation.
*/
typedef struct sort_state_t {
    es_obj_t *keys;
    es_obj_t *items;
    es_obj_t *tmp_keys;
    es_obj_t *tmp_items;
    bool merging;
    size_t tmp_next, tmp_end, dest;
} sort_state_t;

static bool less_than(es_obj_t a, es_obj_t b) {
    if (es_obj_is_small_int(a) && es_obj_is_small_int(b)) {
        return es_small_int_value(a) < es_small_int_value(b);
    }
    return es_obj_is_true(es_binary_op(ES_BINARY_OP_LESS, a, b));
}

static void insertion_sort(sort_state_t *st, size_t lo, size_t hi) {
    es_obj_t *keys = st->keys, *items = st->items;
    for (size_t i = lo + 1; i < hi; i++) {
        es_obj_t key = keys[i];
        /* Find the first position whose key is greater: equal keys keep their order. */
        size_t left = lo, right = i;
        while (left < right) {
            size_t mid = left + (right - left) / 2;
            if (less_than(key, keys[mid])) {
                right = mid;
            } else {
                left = mid + 1;
            }
        }
        if (left == i) {
            continue;
        }
        memmove(keys + left + 1, keys + left, (i - left) * sizeof(es_obj_t));
        keys[left] = key;
        if (items != NULL) {
            es_obj_t item = items[i];
            memmove(items + left + 1, items + left, (i - left) * sizeof(es_obj_t));
            items[left] = item;
        }
    }
}

static void merge(sort_state_t *st, size_t lo, size_t mid, size_t hi) {
    es_obj_t *keys = st->keys, *items = st->items;
    /* Already in order: nothing to do (makes sorted input linear). */
    if (!less_than(keys[mid], keys[mid - 1])) {
        return;
    }
    size_t n_left = mid - lo;
    memcpy(st->tmp_keys, keys + lo, n_left * sizeof(es_obj_t));
    if (items != NULL) {
        memcpy(st->tmp_items, items + lo, n_left * sizeof(es_obj_t));
    }
    st->tmp_next = 0;
    st->tmp_end = n_left;
    st->dest = lo;
    st->merging = true;
    size_t right = mid;
    while (st->tmp_next < n_left && right < hi) {
        size_t d = st->dest;
        if (less_than(keys[right], st->tmp_keys[st->tmp_next])) {
            keys[d] = keys[right];
            if (items != NULL) {
                items[d] = items[right];
            }
            right++;
        } else {
            keys[d] = st->tmp_keys[st->tmp_next];
            if (items != NULL) {
                items[d] = st->tmp_items[st->tmp_next];
            }
            st->tmp_next++;
        }
        st->dest = d + 1;
    }
    st->merging = false;
    size_t rest = n_left - st->tmp_next;
    memcpy(keys + st->dest, st->tmp_keys + st->tmp_next, rest * sizeof(es_obj_t));
    if (items != NULL) {
        memcpy(items + st->dest, st->tmp_items + st->tmp_next, rest * sizeof(es_obj_t));
    }
}

/* After an exception in the middle of a merge: put the unmerged left run back in the gap. */
static void close_gap(sort_state_t *st) {
    if (!st->merging) {
        return;
    }
    size_t rest = st->tmp_end - st->tmp_next;
    memcpy(st->keys + st->dest, st->tmp_keys + st->tmp_next, rest * sizeof(es_obj_t));
    if (st->items != NULL) {
        memcpy(st->items + st->dest, st->tmp_items + st->tmp_next, rest * sizeof(es_obj_t));
    }
    st->merging = false;
}

/* Kept out of line: the nlr handler in es_sort_objs must not share its registers. */
__attribute__((noinline)) static void merge_sort(sort_state_t *st, size_t n) {
    for (size_t lo = 0; lo < n; lo += INSERTION_RUN) {
        insertion_sort(st, lo, lo + INSERTION_RUN < n ? lo + INSERTION_RUN : n);
    }
    for (size_t width = INSERTION_RUN; width < n; width *= 2) {
        for (size_t lo = 0; lo + width < n; lo += 2 * width) {
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            merge(st, lo, lo + width, hi);
        }
    }
}

static void reverse_array(es_obj_t *a, size_t n) {
    for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
        es_obj_t t = a[i];
        a[i] = a[j - 1];
        a[j - 1] = t;
    }
}

void es_sort_objs(es_obj_t *items, size_t n, es_obj_t key_fn, bool reverse) {
    if (n < 2) {
        if (n == 1 && key_fn != ES_OBJ_NONE) {
            es_call_function_1(key_fn, items[0]); /* the key function still runs, and may raise */
        }
        return;
    }
    sort_state_t st = {0};
    if (key_fn != ES_OBJ_NONE) {
        /* Keys are computed first, so a failing key function leaves the items untouched. */
        st.keys = es_new_array(es_obj_t, n);
        for (size_t i = 0; i < n; i++) {
            st.keys[i] = es_call_function_1(key_fn, items[i]);
        }
        st.items = items;
    } else {
        st.keys = items;
    }
    /* Runs double in width, so the left run of the last merge can hold up to n - 1 items. */
    size_t tmp_n = n;
    st.tmp_keys = es_new_array(es_obj_t, tmp_n);
    if (st.items != NULL) {
        st.tmp_items = es_new_array(es_obj_t, tmp_n);
    }
    /* Reversing before and after a stable ascending sort keeps equal items in order. */
    if (reverse) {
        reverse_array(st.keys, n);
        if (st.items != NULL) {
            reverse_array(st.items, n);
        }
    }
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        merge_sort(&st, n);
        es_nlr_pop();
    } else {
        close_gap(&st);
        es_nlr_jump(nlr.ret_val);
    }
    if (reverse) {
        reverse_array(st.keys, n);
        if (st.items != NULL) {
            reverse_array(st.items, n);
        }
    }
    es_free(st.tmp_keys);
    es_free(st.tmp_items);
    if (st.items != NULL) {
        es_free(st.keys);
    }
}

/* Puts the sorted items back into the list; true if the list was changed while it sorted. */
static bool restore_list(es_obj_list_t *l, es_obj_t *items, size_t len, size_t alloc) {
    bool modified = l->items != NULL || l->len != 0;
    if (modified) {
        es_free(l->items);
    }
    l->items = items;
    l->len = len;
    l->alloc = alloc;
    return modified;
}

void es_obj_list_sort(es_obj_t list, es_obj_t key_fn, bool reverse) {
    es_obj_list_t *l = es_obj_to_ptr(list);
    /* The list looks empty while it sorts (as in CPython), so that comparisons which change it are caught. */
    es_obj_t *items = l->items;
    size_t len = l->len, alloc = l->alloc;
    l->items = NULL;
    l->len = l->alloc = 0;
    es_nlr_buf_t nlr;
    if (es_nlr_push(&nlr) == 0) {
        es_sort_objs(items, len, key_fn, reverse);
        es_nlr_pop();
    } else {
        restore_list(l, items, len, alloc);
        es_nlr_jump(nlr.ret_val);
    }
    if (restore_list(l, items, len, alloc)) {
        es_raise_msg(&es_type_ValueError, "list modified during sort");
    }
}
