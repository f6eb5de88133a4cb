/* gc.c: block allocator over a fixed heap, and a non-moving mark-sweep collector. */

#include <setjmp.h>
#include <string.h>

#include "py/bc.h"
#include "py/gc.h"
#include "py/runtime.h"
#include "py/state.h"

/*
** The heap is split into three areas:
**   allocation table: 2 bits per block (FREE, HEAD of an allocation, TAIL, MARKed head)
**   finaliser table:  1 bit per block, set on heads whose object needs a finaliser
**   the blocks:       BLOCK_BYTES each
** An allocation is a HEAD block followed by zero or more TAIL blocks. Marking turns
** HEAD into MARK; sweeping frees unmarked HEADs with their TAILs and turns MARK back.
*/
#define BLOCK_BYTES (16)
#define BLOCKS_PER_ATB_BYTE (4)
#define BLOCKS_PER_FTB_BYTE (8)

#define AT_FREE (0)
#define AT_HEAD (1)
#define AT_TAIL (2)
#define AT_MARK (3)

/*
** The mark stack is small and lives on the C stack; when it overflows we remember that
** and later rescan the heap for marked blocks, so deep structures never recurse in C.
*/
#define MARK_STACK_SIZE (64)

/* The shortest allocation lap (see alloc_in_lap): collections stay rare while data is small. */
#define LAP_MIN_BYTES (256 * 1024)

typedef struct gc_heap_t {
    uint8_t *alloc_table;
    uint8_t *finaliser_table;
    uint8_t *pool_start;
    uint8_t *pool_end;
    size_t n_blocks;
    size_t first_free_hint; /* no free block lies below this index */
    size_t lap;       /* where the current allocation lap continues (see alloc_in_lap) */
    size_t lap_limit; /* where the current lap ends */
    size_t high_water; /* no block at or above this index was ever allocated: sweeps stop here */
    size_t used_blocks;
    size_t peak_blocks;
    size_t alloc_since_collect; /* bytes */
    long threshold;             /* bytes; -1 = no threshold */
    uint16_t lock_depth;
    bool auto_collect;
    bool collecting;
    bool mark_stack_overflow;
    size_t mark_sp;
    size_t *mark_stack;
} gc_heap_t;

static gc_heap_t heap;

static inline unsigned atb_get(size_t block) {
    return (heap.alloc_table[block / BLOCKS_PER_ATB_BYTE] >> (2 * (block % BLOCKS_PER_ATB_BYTE))) & 3;
}

static inline void atb_set(size_t block, unsigned kind) {
    uint8_t *byte = &heap.alloc_table[block / BLOCKS_PER_ATB_BYTE];
    unsigned shift = 2 * (block % BLOCKS_PER_ATB_BYTE);
    *byte = (uint8_t)((*byte & ~(3u << shift)) | (kind << shift));
}

static inline bool ftb_get(size_t block) {
    return (heap.finaliser_table[block / BLOCKS_PER_FTB_BYTE] >> (block % BLOCKS_PER_FTB_BYTE)) & 1;
}

static inline void ftb_set(size_t block, bool on) {
    uint8_t *byte = &heap.finaliser_table[block / BLOCKS_PER_FTB_BYTE];
    uint8_t bit = (uint8_t)(1u << (block % BLOCKS_PER_FTB_BYTE));
    *byte = on ? (uint8_t)(*byte | bit) : (uint8_t)(*byte & ~bit);
}

static inline void *block_ptr(size_t block) { return heap.pool_start + block * BLOCK_BYTES; }

static inline bool is_heap_ptr(const void *p) {
    return (const uint8_t *)p >= heap.pool_start && (const uint8_t *)p < heap.pool_end;
}

static inline size_t ptr_block(const void *p) {
    return (size_t)((const uint8_t *)p - heap.pool_start) / BLOCK_BYTES;
}

void es_gc_init(void *start, void *end) {
    uint8_t *lo = (uint8_t *)ES_ALIGN_UP((uintptr_t)start, sizeof(void *));
    size_t total = (size_t)((uint8_t *)end - lo);
    /* Each block costs BLOCK_BYTES plus 2 + 1 bits of tables. */
    size_t n_blocks = total * 8 / (BLOCK_BYTES * 8 + 3);
    size_t atb_bytes = (n_blocks + BLOCKS_PER_ATB_BYTE - 1) / BLOCKS_PER_ATB_BYTE;
    size_t ftb_bytes = (n_blocks + BLOCKS_PER_FTB_BYTE - 1) / BLOCKS_PER_FTB_BYTE;
    memset(&heap, 0, sizeof(heap));
    heap.alloc_table = lo;
    heap.finaliser_table = lo + atb_bytes;
    heap.pool_start = (uint8_t *)ES_ALIGN_UP((uintptr_t)(heap.finaliser_table + ftb_bytes), BLOCK_BYTES);
    while (heap.pool_start + n_blocks * BLOCK_BYTES > (uint8_t *)end && n_blocks > 0) {
        n_blocks--;
    }
    heap.n_blocks = n_blocks;
    heap.pool_end = heap.pool_start + n_blocks * BLOCK_BYTES;
    memset(heap.alloc_table, 0, atb_bytes + ftb_bytes);
    heap.threshold = -1;
#ifdef ES_GC_STRESS
    heap.threshold = 0; /* a collection at every allocation: a test build for the VM's live-slot rule */
#endif
    heap.auto_collect = true;
    heap.lap_limit = n_blocks < LAP_MIN_BYTES / BLOCK_BYTES ? n_blocks : LAP_MIN_BYTES / BLOCK_BYTES;
    es_vm_heap_reset();
}

/* ---- allocation ---------------------------------------------------------------- */

/* Bookkeeping for `n` blocks just taken, the last of them being block `last`. */
static void note_taken(size_t last, size_t n) {
    heap.used_blocks += n;
    if (last + 1 > heap.high_water) {
        heap.high_water = last + 1;
    }
    if (heap.used_blocks > heap.peak_blocks) {
        heap.peak_blocks = heap.used_blocks;
    }
}

/* Marks the free blocks [first, first + n) as one allocation and returns it, zeroed. */
static void *take_blocks(size_t first, size_t n, bool has_finaliser) {
    atb_set(first, AT_HEAD);
    for (size_t b = first + 1; b < first + n; b++) {
        atb_set(b, AT_TAIL);
    }
    if (has_finaliser) {
        ftb_set(first, true);
    }
    if (first == heap.first_free_hint) {
        heap.first_free_hint = first + n;
    }
    note_taken(first + n - 1, n);
    void *p = block_ptr(first);
    memset(p, 0, n * BLOCK_BYTES);
    return p;
}

/* First fit in [i, end), never below the lowest free block. */
static void *alloc_blocks_from(size_t i, size_t end, size_t n_needed, bool has_finaliser) {
    /* The hint may rest on blocks taken since (a neighbour grown in place): move past them once. */
    while (heap.first_free_hint < heap.n_blocks && atb_get(heap.first_free_hint) != AT_FREE) {
        heap.first_free_hint++;
    }
    if (i < heap.first_free_hint) {
        i = heap.first_free_hint;
    }
    size_t run = 0;
    while (i < end) {
        /* Skip four allocated blocks at a time while no run has started. */
        if (run == 0 && (i % BLOCKS_PER_ATB_BYTE) == 0 && i + BLOCKS_PER_ATB_BYTE <= end) {
            uint8_t byte = heap.alloc_table[i / BLOCKS_PER_ATB_BYTE];
            if ((byte & 0x03) && (byte & 0x0c) && (byte & 0x30) && (byte & 0xc0)) {
                i += BLOCKS_PER_ATB_BYTE;
                continue;
            }
        }
        if (atb_get(i) == AT_FREE) {
            if (++run == n_needed) {
                return take_blocks(i + 1 - n_needed, n_needed, has_finaliser);
            }
        } else {
            run = 0;
        }
        i++;
    }
    return NULL;
}

/*
** Allocation goes round the heap in laps: each search starts where the previous allocation
** ended and moves forward, so every block is looked at about once per lap, however
** fragmented the heap is. A lap ends at lap_limit, about twice the live data after the
** last collection (at least LAP_MIN_BYTES), so a big heap is touched only as far as the
** program needs it; the caller then collects and the next lap starts at the lowest free
** block. (Searching from the lowest free block every time rescans the whole live heap for
** each request once small holes sit near its start: allocation turns quadratic.)
*/
static void *alloc_in_lap(size_t n_needed, bool has_finaliser) {
    uint8_t *p = alloc_blocks_from(heap.lap, heap.lap_limit, n_needed, has_finaliser);
    if (p != NULL) {
        heap.lap = (size_t)(p - heap.pool_start) / BLOCK_BYTES + n_needed;
    }
    return p;
}

static void start_lap(void) {
    size_t limit = heap.first_free_hint + 2 * heap.used_blocks + LAP_MIN_BYTES / BLOCK_BYTES;
    heap.lap = heap.first_free_hint;
    heap.lap_limit = limit < heap.n_blocks ? limit : heap.n_blocks;
}

/* Blocks from `block` on became free outside a collection (es_free, shrinking). */
static void note_freed(size_t block) {
    if (block < heap.first_free_hint) {
        heap.first_free_hint = block;
    }
}

/*
** Scratch memory is for working buffers that are freed soon (the compiler's). In a heap of one
** lap or less (a board's) it is taken from the top end, while other allocations go round from
** the bottom: what a program keeps then packs together instead of around holes the scratch
** leaves behind. In a bigger heap fragmentation does not matter and scratch is ordinary memory.
*/
static bool scratch_at_top(void) { return heap.n_blocks <= LAP_MIN_BYTES / BLOCK_BYTES; }

/* Last fit: the free run of n_needed blocks nearest the top of the heap. */
static void *alloc_blocks_from_top(size_t n_needed) {
    size_t run = 0;
    for (size_t i = heap.n_blocks; i-- > heap.first_free_hint;) {
        if (atb_get(i) != AT_FREE) {
            run = 0;
        } else if (++run == n_needed) {
            return take_blocks(i, n_needed, false);
        }
    }
    return NULL;
}

static void *gc_alloc(size_t nbytes, bool has_finaliser, bool at_top) {
    if (heap.lock_depth > 0 || heap.n_blocks == 0) {
        return NULL;
    }
    size_t n_needed = nbytes == 0 ? 1 : (nbytes + BLOCK_BYTES - 1) / BLOCK_BYTES;
    if (n_needed > heap.n_blocks) {
        return NULL;
    }
    if (heap.auto_collect && heap.threshold >= 0 && heap.alloc_since_collect >= (size_t)heap.threshold) {
        es_gc_collect();
    }
    void *p;
    if (at_top) {
        p = alloc_blocks_from_top(n_needed);
        if (p == NULL && heap.auto_collect) {
            es_gc_collect();
            p = alloc_blocks_from_top(n_needed);
        }
    } else {
        p = alloc_in_lap(n_needed, has_finaliser);
        if (p == NULL && heap.auto_collect) {
            es_gc_collect(); /* ends the lap: the next one starts at the lowest free block */
            p = alloc_in_lap(n_needed, has_finaliser);
        }
        while (p == NULL && heap.lap_limit < heap.n_blocks) {
            /* Live data scattered through the lap leaves no free run this long: lengthen the lap by half. */
            size_t grow = heap.lap_limit / 2 + n_needed;
            heap.lap_limit = heap.n_blocks - heap.lap_limit > grow ? heap.lap_limit + grow : heap.n_blocks;
            p = alloc_in_lap(n_needed, has_finaliser);
        }
        if (p == NULL) {
            /* Collecting is off or found nothing: look behind the lap too. */
            heap.lap = heap.first_free_hint;
            p = alloc_in_lap(n_needed, has_finaliser);
        }
    }
    if (p != NULL) {
        heap.alloc_since_collect += n_needed * BLOCK_BYTES;
    }
    return p;
}

void *es_gc_alloc(size_t nbytes, bool has_finaliser) { return gc_alloc(nbytes, has_finaliser, false); }

static size_t allocation_blocks(size_t head) {
    size_t n = 1;
    while (head + n < heap.n_blocks && atb_get(head + n) == AT_TAIL) {
        n++;
    }
    return n;
}

size_t es_gc_nbytes(const void *ptr) {
    if (!is_heap_ptr(ptr) || ((const uint8_t *)ptr - heap.pool_start) % BLOCK_BYTES != 0) {
        return 0;
    }
    size_t block = ptr_block(ptr);
    unsigned kind = atb_get(block);
    if (kind != AT_HEAD && kind != AT_MARK) {
        return 0;
    }
    return allocation_blocks(block) * BLOCK_BYTES;
}

static void free_allocation(size_t head) {
    size_t n = allocation_blocks(head);
    for (size_t b = head; b < head + n; b++) {
        atb_set(b, AT_FREE);
    }
    ftb_set(head, false);
    heap.used_blocks -= n;
    note_freed(head);
}

void es_gc_free(void *ptr) {
    if (heap.lock_depth > 0 || heap.collecting) {
        return; /* freeing during a finaliser or in an interrupt is left to the next sweep */
    }
    if (es_gc_nbytes(ptr) == 0) {
        return;
    }
    free_allocation(ptr_block(ptr));
}

/* Takes the `extra` free blocks just below the allocation at `head` and moves its bytes down. */
static void *grow_down(size_t head, size_t have, size_t extra) {
    size_t first = head - extra;
    atb_set(first, AT_HEAD);
    for (size_t b = first + 1; b < head + have; b++) {
        atb_set(b, AT_TAIL);
    }
    note_taken(head + have - 1, extra);
    heap.alloc_since_collect += extra * BLOCK_BYTES;
    uint8_t *p = block_ptr(first);
    memmove(p, block_ptr(head), have * BLOCK_BYTES);
    memset(p + have * BLOCK_BYTES, 0, extra * BLOCK_BYTES);
    return p;
}

static void *gc_realloc(void *ptr, size_t nbytes, bool allow_move, bool at_top) {
    if (ptr == NULL) {
        return gc_alloc(nbytes, false, at_top);
    }
    size_t old_bytes = es_gc_nbytes(ptr);
    if (old_bytes == 0 || heap.lock_depth > 0) {
        return NULL;
    }
    size_t head = ptr_block(ptr);
    size_t have = old_bytes / BLOCK_BYTES;
    size_t want = nbytes == 0 ? 1 : (nbytes + BLOCK_BYTES - 1) / BLOCK_BYTES;
    if (want <= have) {
        for (size_t b = head + want; b < head + have; b++) {
            atb_set(b, AT_FREE);
        }
        heap.used_blocks -= have - want;
        if (want < have) {
            note_freed(head + want);
        }
        return ptr;
    }
    /* Grow in place when the blocks after the allocation are free. */
    size_t extra = 0;
    while (head + have + extra < heap.n_blocks && extra < want - have &&
           atb_get(head + have + extra) == AT_FREE) {
        extra++;
    }
    if (extra == want - have) {
        for (size_t b = head + have; b < head + want; b++) {
            atb_set(b, AT_TAIL);
        }
        memset(block_ptr(head + have), 0, extra * BLOCK_BYTES);
        note_taken(head + want - 1, extra);
        heap.alloc_since_collect += extra * BLOCK_BYTES;
        return ptr;
    }
    if (!allow_move) {
        return NULL;
    }
    /* Scratch at the top grows downwards, into the free space below it. */
    size_t below = 0;
    while (at_top && below < want - have && below < head && atb_get(head - below - 1) == AT_FREE) {
        below++;
    }
    if (at_top && below == want - have && !ftb_get(head)) {
        return grow_down(head, have, below);
    }
    bool finaliser = ftb_get(head);
    void *fresh = gc_alloc(nbytes, finaliser, at_top);
    if (fresh == NULL) {
        return NULL;
    }
    memcpy(fresh, ptr, old_bytes);
    ftb_set(head, false);
    es_gc_free(ptr);
    return fresh;
}

void *es_gc_realloc(void *ptr, size_t nbytes, bool allow_move) { return gc_realloc(ptr, nbytes, allow_move, false); }

void *es_gc_realloc_scratch(void *ptr, size_t nbytes) { return gc_realloc(ptr, nbytes, true, scratch_at_top()); }

/* ---- marking ---------------------------------------------------------------- */

static void mark_block_and_push(size_t block) {
    atb_set(block, AT_MARK);
    if (heap.mark_sp < MARK_STACK_SIZE) {
        heap.mark_stack[heap.mark_sp++] = block;
    } else {
        heap.mark_stack_overflow = true;
    }
}

/* A word that points anywhere inside an allocation keeps the whole allocation alive. */
static inline void mark_word(uintptr_t word) {
    if (!is_heap_ptr((const void *)word)) {
        return;
    }
    size_t block = ptr_block((const void *)word);
    unsigned kind = atb_get(block);
    while (kind == AT_TAIL) {
        kind = atb_get(--block);
    }
    if (kind == AT_HEAD) {
        mark_block_and_push(block);
    }
}

static void scan_allocation(size_t head) {
    size_t n_words = allocation_blocks(head) * BLOCK_BYTES / sizeof(uintptr_t);
    const uintptr_t *words = block_ptr(head);
    for (size_t i = 0; i < n_words; i++) {
        mark_word(words[i]);
    }
}

static void drain_mark_stack(void) {
    while (heap.mark_sp > 0) {
        scan_allocation(heap.mark_stack[--heap.mark_sp]);
    }
}

/* Conservative scans read every word of the stack, so the sanitizers must not watch them. */
ES_NO_SANITIZE_ADDRESS
void es_gc_mark_range(void *const *start, size_t n_words) {
    const uintptr_t *words = (const uintptr_t *)start;
    for (size_t i = 0; i < n_words; i++) {
        mark_word(words[i]);
        if (heap.mark_sp == MARK_STACK_SIZE) {
            drain_mark_stack();
        }
    }
    drain_mark_stack();
}

static void rescan_after_overflow(void) {
    while (heap.mark_stack_overflow) {
        heap.mark_stack_overflow = false;
        for (size_t b = 0; b < heap.high_water; b++) {
            if (atb_get(b) == AT_MARK) {
                scan_allocation(b);
                drain_mark_stack();
            }
        }
    }
}

/* Kept out of line so that the register spill buffer of the caller lies inside the scanned range. */
static __attribute__((noinline)) void scan_c_stack(void) {
    void *here = &here;
    uintptr_t lo = (uintptr_t)here & ~(uintptr_t)(sizeof(void *) - 1);
    uintptr_t hi = (uintptr_t)es_state.stack_top;
    if (hi > lo) {
        es_gc_mark_range((void *const *)lo, (hi - lo) / sizeof(void *));
    }
}

/* ---- sweeping ---------------------------------------------------------------- */

static void run_finalisers(void) {
    for (size_t b = 0; b < heap.high_water; b++) {
        if (b % BLOCKS_PER_FTB_BYTE == 0 && heap.finaliser_table[b / BLOCKS_PER_FTB_BYTE] == 0) {
            b += BLOCKS_PER_FTB_BYTE - 1; /* no finaliser among these eight blocks */
            continue;
        }
        if (atb_get(b) == AT_HEAD && ftb_get(b)) {
            ftb_set(b, false);
            es_gc_run_finaliser(block_ptr(b));
        }
    }
}

static void sweep(void) {
    for (size_t b = 0; b < heap.high_water; b++) {
        if (b % BLOCKS_PER_ATB_BYTE == 0 && heap.alloc_table[b / BLOCKS_PER_ATB_BYTE] == 0) {
            b += BLOCKS_PER_ATB_BYTE - 1; /* four free blocks */
            continue;
        }
        unsigned kind = atb_get(b);
        if (kind == AT_MARK) {
            atb_set(b, AT_HEAD);
        } else if (kind == AT_HEAD) {
            free_allocation(b);
        }
    }
}

/*
** The collection's own frame lies in the scanned range, and the words of it that it never
** writes (padding, and the redzones of a sanitizer build) still hold what earlier, deeper
** calls left there. So the stack where that frame will go is cleared first, by a function
** the sanitizer leaves uninstrumented (its array then spans the whole region).
*/
#ifndef ES_GC_SCRUB_BYTES
#define ES_GC_SCRUB_BYTES (UINTPTR_MAX > 0xffffffffu ? 2048 : 512)
#endif

ES_NO_SANITIZE_ADDRESS static __attribute__((noinline)) void scrub_collect_frame(void) {
    volatile char zone[ES_GC_SCRUB_BYTES];
    for (size_t i = 0; i < sizeof(zone); i++) {
        zone[i] = 0;
    }
}

static __attribute__((noinline)) void collect(void);

void es_gc_collect(void) {
    if (heap.collecting || heap.n_blocks == 0) {
        return;
    }
    heap.collecting = true;
    scrub_collect_frame();
    collect();
}

static __attribute__((noinline)) void collect(void) {
    /* This array lies in the stack range that is scanned: clear what earlier, deeper calls
    ** left in that memory, or their dead objects would look alive. */
    size_t mark_stack[MARK_STACK_SIZE];
    memset(mark_stack, 0, sizeof(mark_stack));
    heap.mark_stack = mark_stack;
    heap.mark_sp = 0;
    heap.mark_stack_overflow = false;

    es_vm_clear_dead_slots();
    es_gc_mark_range((void *const *)&es_state.roots, sizeof(es_state.roots) / sizeof(void *));
    es_port_gc_mark_roots();
    jmp_buf registers; /* setjmp spills callee-saved registers where the stack scan sees them */
    memset(&registers, 0, sizeof(registers)); /* setjmp leaves parts of it (the signal mask) as they were */
    if (setjmp(registers) == 0) {
        scan_c_stack();
    }
    rescan_after_overflow();

    heap.lock_depth++;
    run_finalisers();
    heap.lock_depth--;
    sweep();
    heap.first_free_hint = 0;
    while (heap.first_free_hint < heap.n_blocks && atb_get(heap.first_free_hint) != AT_FREE) {
        heap.first_free_hint++;
    }
    start_lap();
    heap.alloc_since_collect = 0;
    heap.mark_stack = NULL;
    heap.collecting = false;
}

void es_gc_run_all_finalisers(void) {
    if (heap.collecting || heap.n_blocks == 0) {
        return;
    }
    heap.lock_depth++;
    run_finalisers();
    heap.lock_depth--;
}

/* ---- control and statistics -------------------------------------------------- */

void es_gc_lock(void) { heap.lock_depth++; }
void es_gc_unlock(void) {
    if (heap.lock_depth > 0) {
        heap.lock_depth--;
    }
}
bool es_gc_is_locked(void) { return heap.lock_depth > 0; }
void es_gc_enable(bool enable) { heap.auto_collect = enable; }
bool es_gc_is_enabled(void) { return heap.auto_collect; }
void es_gc_set_threshold(long bytes) { heap.threshold = bytes < 0 ? -1 : bytes; }
long es_gc_get_threshold(void) { return heap.threshold; }

void es_gc_info(es_gc_info_t *info) {
    info->total = heap.n_blocks * BLOCK_BYTES;
    info->used = heap.used_blocks * BLOCK_BYTES;
    info->free = info->total - info->used;
    info->peak_used = heap.peak_blocks * BLOCK_BYTES;
    size_t best = 0, run = 0;
    for (size_t b = 0; b < heap.n_blocks; b++) {
        run = atb_get(b) == AT_FREE ? run + 1 : 0;
        if (run > best) {
            best = run;
        }
    }
    info->max_free = best * BLOCK_BYTES;
}

/* ---- raising allocators -------------------------------------------------------- */

void *es_alloc(size_t nbytes) {
    void *p = es_gc_alloc(nbytes, false);
    if (p == NULL) {
        es_raise_memory_error();
    }
    return p;
}

void *es_alloc_with_finaliser(size_t nbytes) {
    void *p = es_gc_alloc(nbytes, true);
    if (p == NULL) {
        es_raise_memory_error();
    }
    return p;
}

void *es_realloc(void *ptr, size_t nbytes) {
    void *p = es_gc_realloc(ptr, nbytes, true);
    if (p == NULL) {
        es_raise_memory_error();
    }
    return p;
}

void es_free(void *ptr) { es_gc_free(ptr); }

void *es_alloc_scratch(size_t nbytes) {
    void *p = gc_alloc(nbytes, false, scratch_at_top());
    if (p == NULL) {
        es_raise_memory_error();
    }
    return p;
}

/* ---- heap walk for reports ------------------------------------------------------ */

void es_gc_walk(es_gc_visit_fn_t visit, void *ctx) {
    for (size_t b = 0; b < heap.n_blocks; b++) {
        unsigned kind = atb_get(b);
        es_gc_block_kind_t what = kind == AT_FREE   ? ES_GC_BLOCK_FREE
                                  : kind == AT_TAIL ? ES_GC_BLOCK_TAIL
                                                    : ES_GC_BLOCK_HEAD; /* a MARK is a head mid-collection */
        visit(ctx, block_ptr(b), what);
    }
}
