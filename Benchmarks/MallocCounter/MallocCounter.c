// Counting allocator front: while counting is on, every allocation entry point
// increments two relaxed atomic counters; it always forwards to glibc's own
// implementation (`__libc_*`), so the allocator itself and `free` are
// unchanged. Counting is off by default: atomic adds on one cache line shared
// by the render and parse threads cost several percent of a timed run.
#include "MallocCounter.h"

#include <errno.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

static uint64_t allocation_calls;
static uint64_t allocated_bytes;
static int counting;

void malloc_counter_set_counting(int on) {
    __atomic_store_n(&counting, on, __ATOMIC_RELAXED);
}

static inline void count(size_t size) {
    if (!__atomic_load_n(&counting, __ATOMIC_RELAXED)) return;
    __atomic_fetch_add(&allocation_calls, 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&allocated_bytes, (uint64_t)size, __ATOMIC_RELAXED);
}

malloc_counter_snapshot malloc_counter_read(void) {
    malloc_counter_snapshot s;
    s.calls = __atomic_load_n(&allocation_calls, __ATOMIC_RELAXED);
    s.bytes = __atomic_load_n(&allocated_bytes, __ATOMIC_RELAXED);
    return s;
}

void *malloc(size_t size) {
    count(size);
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size) {
    count(n * size);
    return __libc_calloc(n, size);
}

void *realloc(void *pointer, size_t size) {
    count(size);
    return __libc_realloc(pointer, size);
}

void *memalign(size_t alignment, size_t size) {
    count(size);
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    count(size);
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size) {
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
    count(size);
    void *p = __libc_memalign(alignment, size);
    if (p == NULL && size != 0) return ENOMEM;
    *out = p;
    return 0;
}
