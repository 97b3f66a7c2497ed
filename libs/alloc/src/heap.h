/* The allocator's private layout: block headers, regions, the heap state
 * and the helpers shared by the files of this module (not a public API). */
#ifndef ALLOC_HEAP_H
#define ALLOC_HEAP_H

#include <stddef.h>
#include <stdint.h>

#include <uk/config.h>

#define ALLOC_HIDDEN __attribute__((visibility("hidden")))

/*
 * A region is [descriptor | block | block | ... | fence]. Every block starts
 * with a 16-byte header so payloads keep the 16-byte alignment of the
 * region. A free block also holds its free-list links after the header and
 * a copy of its size in its last word (the footer), so that the block after
 * it can find its start when it is freed (PREV_FREE tells it to look).
 * The fence is a header of size 0 that is never free: forward coalescing
 * stops there without a bounds check.
 */
struct alloc_block {
	size_t size;  /* of the whole block, header included; low bits: flags */
	size_t magic; /* alloc_seal() of the header: catches foreign pointers */
	/* free blocks only: */
	struct alloc_block *next;
	struct alloc_block *prev;
};

#define ALLOC_FREE	1u
#define ALLOC_PREV_FREE 2u
#define ALLOC_FLAGS	15u

#define ALLOC_HDR	 16u
#define ALLOC_ALIGN_MASK 15u
/* header, two links and a footer, rounded up to the alignment */
#define ALLOC_MIN_BLOCK 48u

struct alloc_region {
	struct alloc_region *next;
	uintptr_t first; /* first block */
	uintptr_t fence; /* the fence header; the region ends 16 bytes later */
	size_t pad;	 /* keeps the first block 16-byte aligned */
};

/* Exact classes of 16 bytes up to 1 KiB, then four per power of two. */
#define ALLOC_EXACT_LIMIT 1024u
#define ALLOC_NCLASSES	  (64u + (sizeof(size_t) * 8u - 10u) * 4u)
#define ALLOC_MAP_WORDS	  ((ALLOC_NCLASSES + 63u) / 64u)

struct alloc_heap {
	struct alloc_block *lists[ALLOC_NCLASSES];
	uint64_t nonempty[ALLOC_MAP_WORDS]; /* bit per class with a block */
	struct alloc_region *regions;
	size_t heap_bytes;
	size_t free_bytes;
	size_t peak_used;
	size_t live_blocks;
	size_t free_blocks;
	size_t nregions;
	uint64_t mallocs;
	uint64_t frees;
	uint64_t failures;
};

/* The one heap of the image. Tests reset it by zeroing it. */
extern struct alloc_heap __alloc_heap ALLOC_HIDDEN;

/* -EINVAL and -ENOMEM: alloc sits below libc, so no errno.h here. */
#define ALLOC_EINVAL 22
#define ALLOC_ENOMEM 12

#if defined(CONFIG_ALLOC_POISON)
#define ALLOC_POISON_BYTE 0xdb
#endif

static inline size_t alloc_seal(const struct alloc_block *b, size_t size)
{
	/* the address takes part so a header copied elsewhere is not valid */
	return (size_t)0x5a17c0de9e3779b9ull ^ size ^ (size_t)(uintptr_t)b;
}

static inline size_t blk_size(const struct alloc_block *b)
{
	return b->size & ~(size_t)ALLOC_FLAGS;
}

static inline unsigned blk_flags(const struct alloc_block *b)
{
	return (unsigned)(b->size & ALLOC_FLAGS);
}

static inline int blk_valid(const struct alloc_block *b)
{
	return b->magic == alloc_seal(b, b->size);
}

static inline void blk_set(struct alloc_block *b, size_t size, unsigned flags)
{
	b->size = size | flags;
	b->magic = alloc_seal(b, b->size);
}

static inline struct alloc_block *blk_at(uintptr_t addr)
{
	return (struct alloc_block *)addr;
}

static inline struct alloc_block *blk_next(const struct alloc_block *b)
{
	return blk_at((uintptr_t)b + blk_size(b));
}

static inline size_t *blk_footer(const struct alloc_block *b, size_t size)
{
	return (size_t *)((uintptr_t)b + size) - 1;
}

static inline void *blk_payload(const struct alloc_block *b)
{
	return (void *)((uintptr_t)b + ALLOC_HDR);
}

static inline unsigned alloc_class(size_t size)
{
	unsigned lg;

	if (size < ALLOC_EXACT_LIMIT)
		return (unsigned)(size >> 4);
	lg = (unsigned)(sizeof(size_t) * 8 - 1) - (unsigned)__builtin_clzl(size);
	return 64u + (lg - 10u) * 4u + (unsigned)((size >> (lg - 2)) & 3u);
}

/* Block size for a request of n bytes; 0 when n is too big for any heap. */
static inline size_t alloc_need(size_t n)
{
	size_t s;

	if (n > SIZE_MAX / 2)
		return 0;
	s = (n + ALLOC_HDR + 15u) & ~(size_t)15u;
	return s < ALLOC_MIN_BLOCK ? ALLOC_MIN_BLOCK : s;
}

static inline void alloc_note_use(void)
{
	struct alloc_heap *h = &__alloc_heap;
	size_t used = h->heap_bytes - h->free_bytes;

	if (used > h->peak_used)
		h->peak_used = used;
}

/* free lists (freelist.c) */
void __alloc_list_insert(struct alloc_block *b) ALLOC_HIDDEN;
void __alloc_list_remove(struct alloc_block *b) ALLOC_HIDDEN;
struct alloc_block *__alloc_list_find(size_t size) ALLOC_HIDDEN;

/* block transitions (block.c) */
void __alloc_make_free(struct alloc_block *b, size_t size, unsigned prev_free) ALLOC_HIDDEN;
void __alloc_release(struct alloc_block *b) ALLOC_HIDDEN;
void __alloc_trim(struct alloc_block *b, size_t size) ALLOC_HIDDEN;
struct alloc_block *__alloc_take(size_t size) ALLOC_HIDDEN;
struct alloc_block *__alloc_block_of(const void *ptr, const char *who) ALLOC_HIDDEN;

#endif
