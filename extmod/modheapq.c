/* modheapq.c: the heapq module: a binary min-heap kept in a list, with CPython's exact sift order. */

#include "py/runtime.h"

static es_obj_list_t *heap_arg(es_obj_t heap, const char *function) {
    if (!es_obj_is_type(heap, &es_type_list)) {
        es_raise_msg_varg(&es_type_TypeError, "%s() argument 1 must be list, not %s", function, es_obj_type_name(heap));
    }
    return es_obj_to_ptr(heap);
}

static bool less_than(es_obj_t a, es_obj_t b) {
    return es_obj_is_true(es_binary_op(ES_BINARY_OP_LESS, a, b));
}

/* A comparison runs Python code that may shrink the list under us. */
static void check_size(es_obj_list_t *heap, size_t expected) {
    if (heap->len != expected) {
        es_raise_msg(&es_type_RuntimeError, "list changed size during iteration");
    }
}

/* Moves the item at pos up towards startpos while it is smaller than its parent. */
static void sift_down(es_obj_list_t *heap, size_t start, size_t pos) {
    size_t size = heap->len;
    es_obj_t item = heap->items[pos];
    while (pos > start) {
        size_t parent_pos = (pos - 1) >> 1;
        es_obj_t parent = heap->items[parent_pos];
        bool smaller = less_than(item, parent);
        check_size(heap, size);
        if (!smaller) {
            break;
        }
        heap->items[pos] = parent;
        pos = parent_pos;
    }
    heap->items[pos] = item;
}

/* Moves the smaller child up until a leaf is reached, then sifts the item down from there:
** fewer comparisons than stopping early, and the order CPython produces. */
static void sift_up(es_obj_list_t *heap, size_t pos) {
    size_t end = heap->len;
    size_t start = pos;
    es_obj_t item = heap->items[pos];
    size_t child = 2 * pos + 1;
    while (child < end) {
        size_t right = child + 1;
        if (right < end) {
            bool left_smaller = less_than(heap->items[child], heap->items[right]);
            check_size(heap, end);
            if (!left_smaller) {
                child = right;
            }
        }
        heap->items[pos] = heap->items[child];
        pos = child;
        child = 2 * pos + 1;
    }
    heap->items[pos] = item;
    sift_down(heap, start, pos);
}

static es_obj_t heapq_heappush(es_obj_t heap_in, es_obj_t item) {
    es_obj_list_t *heap = heap_arg(heap_in, "heappush");
    es_obj_list_append(heap_in, item);
    sift_down(heap, 0, heap->len - 1);
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_2(heapq_heappush_obj, ES_Q_heappush, heapq_heappush);

static es_obj_t heapq_heappop(es_obj_t heap_in) {
    es_obj_list_t *heap = heap_arg(heap_in, "heappop");
    if (heap->len == 0) {
        es_raise_msg(&es_type_IndexError, "index out of range");
    }
    es_obj_t last = heap->items[--heap->len];
    heap->items[heap->len] = ES_OBJ_NULL;
    if (heap->len == 0) {
        return last;
    }
    es_obj_t result = heap->items[0];
    heap->items[0] = last;
    sift_up(heap, 0);
    return result;
}
static ES_DEFINE_FUN_1(heapq_heappop_obj, ES_Q_heappop, heapq_heappop);

static es_obj_t heapq_heapreplace(es_obj_t heap_in, es_obj_t item) {
    es_obj_list_t *heap = heap_arg(heap_in, "heapreplace");
    if (heap->len == 0) {
        es_raise_msg(&es_type_IndexError, "index out of range");
    }
    es_obj_t result = heap->items[0];
    heap->items[0] = item;
    sift_up(heap, 0);
    return result;
}
static ES_DEFINE_FUN_2(heapq_heapreplace_obj, ES_Q_heapreplace, heapq_heapreplace);

static es_obj_t heapq_heappushpop(es_obj_t heap_in, es_obj_t item) {
    es_obj_list_t *heap = heap_arg(heap_in, "heappushpop");
    if (heap->len == 0) {
        return item;
    }
    es_obj_t top = heap->items[0];
    bool top_smaller = less_than(top, item);
    if (heap->len == 0) {
        es_raise_msg(&es_type_IndexError, "index out of range");
    }
    if (!top_smaller) {
        return item;
    }
    heap->items[0] = item;
    sift_up(heap, 0);
    return top;
}
static ES_DEFINE_FUN_2(heapq_heappushpop_obj, ES_Q_heappushpop, heapq_heappushpop);

static es_obj_t heapq_heapify(es_obj_t heap_in) {
    es_obj_list_t *heap = heap_arg(heap_in, "heapify");
    for (size_t i = heap->len / 2; i-- > 0;) {
        sift_up(heap, i);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(heapq_heapify_obj, ES_Q_heapify, heapq_heapify);

static const es_map_elem_t heapq_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_heapq)},
    {ES_OBJ_NEW_QSTR(ES_Q_heappush), ES_OBJ_FROM_CONST(heapq_heappush_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_heappop), ES_OBJ_FROM_CONST(heapq_heappop_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_heapreplace), ES_OBJ_FROM_CONST(heapq_heapreplace_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_heappushpop), ES_OBJ_FROM_CONST(heapq_heappushpop_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_heapify), ES_OBJ_FROM_CONST(heapq_heapify_obj)},
};

ES_DEFINE_CONST_MODULE(es_module_heapq, heapq_globals_table);
ES_REGISTER_MODULE(ES_Q_heapq, es_module_heapq);
