#ifndef MALLOC_COUNTER_H
#define MALLOC_COUNTER_H

#include <stdint.h>

/// Allocation calls (malloc, calloc, realloc, posix_memalign, aligned_alloc,
/// memalign) made by the whole process while counting was on, and the bytes
/// they requested. Counted by this target's definitions of those functions, which
/// the executable's dynamic symbols put in front of glibc's.
typedef struct {
    uint64_t calls;
    uint64_t bytes;
} malloc_counter_snapshot;

malloc_counter_snapshot malloc_counter_read(void);

/// Turns counting on (non-zero) or off (zero, the default).
void malloc_counter_set_counting(int on);

#endif
