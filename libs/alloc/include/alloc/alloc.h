/* The alloc module's contract: a general-purpose heap over the RAM regions
 * the platform hands over (boundary tags, segregated free lists). */
#ifndef ALLOC_ALLOC_H
#define ALLOC_ALLOC_H

#include <stddef.h>
#include <stdint.h>

#include <uk/counters.h>

/*
 * Every pointer returned is aligned to ALLOC_ALIGN bytes (or to the
 * requested alignment for alloc_memalign) and stays valid until it is given
 * to alloc_free or alloc_realloc. Failures return NULL and change nothing.
 *
 * The heap is not thread-safe: uk images run one cooperative thread of
 * control. Freeing a pointer twice, or one that did not come from this heap,
 * is caught where a header check can see it and ends the image with
 * plat_panic().
 */
#define ALLOC_ALIGN 16

/* Hands the bytes [base, base + len) to the heap. The region must not
 * overlap one added before and must stay untouched by anyone else for the
 * life of the image. The heap keeps a few bytes of bookkeeping inside it.
 * Returns 0, or -EINVAL (-22) if the region is too small (under about 128
 * bytes once aligned) or overlaps a known region. */
int alloc_add_region(void *base, size_t len);

/* Returns size usable bytes, or NULL when no free block is big enough or
 * size is absurd. alloc_malloc(0) returns a unique pointer that must be
 * freed like any other. */
void *alloc_malloc(size_t size);

/* Gives back a block; NULL is ignored. */
void alloc_free(void *ptr);

/* Returns n * size zeroed bytes; NULL if the product overflows. */
void *alloc_calloc(size_t n, size_t size);

/* Resizes the block at ptr, keeping its contents up to the smaller size.
 * Grows in place when the following block is free and big enough, and
 * always shrinks in place. ptr == NULL behaves as alloc_malloc(size);
 * size == 0 shrinks the block to the minimum and returns it (not NULL).
 * On failure returns NULL and the old block is untouched. */
void *alloc_realloc(void *ptr, size_t size);

/* Returns size bytes aligned to align, which must be a power of two (else
 * NULL). Free the result with alloc_free. */
void *alloc_memalign(size_t align, size_t size);

/* Bytes the caller may use at ptr (at least what was asked for). */
size_t alloc_usable_size(const void *ptr);

struct alloc_stats {
	/* bytes in blocks, free or not (the regions less their bookkeeping) */
	size_t heap_bytes;
	size_t used_bytes; /* in allocated blocks, their headers included */
	size_t free_bytes; /* in free blocks; used + free == heap */
	size_t peak_used_bytes;
	size_t largest_free; /* the biggest single free block */
	size_t live_blocks;  /* allocated blocks */
	size_t free_blocks;
	size_t regions;
	uint64_t mallocs; /* successful allocations of any kind */
	uint64_t frees;
	uint64_t failures; /* allocation requests that returned NULL */
};

/* Fills *out with the heap's counters; cheap (no walk of the heap). */
void alloc_stats(struct alloc_stats *out);

/* The counters of struct alloc_stats by name, for printing and comparing
 * them in one loop (uk/counters.h). */
extern const struct uk_counter_table alloc_counter_table;

/* Walks every block of every region and every free list and verifies the
 * heap's invariants: headers intact, sizes consistent, neighbours of free
 * blocks in use (coalescing is immediate), free lists holding exactly the
 * free blocks, counters matching. Returns 0, or -EINVAL (-22) at the first
 * violation. Costs time linear in the number of blocks: for tests and
 * debugging. */
int alloc_check(void);

/* Init hook (level early): adds the platform's memory regions. Returns 0,
 * or -ENOMEM (-12) if the platform offered no usable region. */
int alloc_init(void);

#endif
