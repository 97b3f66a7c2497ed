/* Block transitions shared by the allocation calls: freeing with immediate
 * coalescing, splitting off a tail, taking a block off the free lists. */
#include <uk/plat.h>

#include "heap.h"

struct alloc_block *__alloc_block_of(const void *ptr, const char *who)
{
	struct alloc_block *b;

	if ((uintptr_t)ptr & ALLOC_ALIGN_MASK)
		plat_panic("alloc: misaligned pointer, not from this heap");
	b = blk_at((uintptr_t)ptr - ALLOC_HDR);
	if (!blk_valid(b))
		plat_panic("alloc: pointer not from this heap, or its header "
			   "was overwritten");
	if (blk_flags(b) & ALLOC_FREE)
		plat_panic(who);
	return b;
}

void __alloc_make_free(struct alloc_block *b, size_t size, unsigned prev_free)
{
	struct alloc_block *next;

	blk_set(b, size, ALLOC_FREE | prev_free);
	*blk_footer(b, size) = size;
	next = blk_next(b);
	blk_set(next, blk_size(next), blk_flags(next) | ALLOC_PREV_FREE);
	__alloc_list_insert(b);
}

void __alloc_release(struct alloc_block *b)
{
	size_t size = blk_size(b);
	unsigned prev_free = blk_flags(b) & ALLOC_PREV_FREE;
	struct alloc_block *next = blk_next(b);

#if defined(CONFIG_ALLOC_POISON)
	__builtin_memset(blk_payload(b), ALLOC_POISON_BYTE, size - ALLOC_HDR);
#endif
	if (blk_flags(next) & ALLOC_FREE) {
		if (!blk_valid(next))
			plat_panic("alloc: heap corrupted (next block header)");
		__alloc_list_remove(next);
		size += blk_size(next);
		/* A stale header that still says "free" turns a later double
		 * free of it into a clear panic instead of silent damage. */
		blk_set(next, blk_size(next), ALLOC_FREE);
	}
	if (prev_free) {
		size_t psize = *((size_t *)b - 1);
		struct alloc_block *prev = blk_at((uintptr_t)b - psize);

		if (!blk_valid(prev) || blk_size(prev) != psize || !(blk_flags(prev) & ALLOC_FREE))
			plat_panic("alloc: heap corrupted (previous block)");
		__alloc_list_remove(prev);
		blk_set(b, blk_size(b), ALLOC_FREE);
		size += psize;
		b = prev;
		prev_free = blk_flags(prev) & ALLOC_PREV_FREE;
	}
	__alloc_make_free(b, size, prev_free);
}

void __alloc_trim(struct alloc_block *b, size_t size)
{
	size_t have = blk_size(b);
	struct alloc_block *tail;

	if (have - size < ALLOC_MIN_BLOCK)
		return;
	blk_set(b, size, blk_flags(b));
	tail = blk_at((uintptr_t)b + size);
	blk_set(tail, have - size, 0);
	__alloc_release(tail);
}

struct alloc_block *__alloc_take(size_t size)
{
	struct alloc_block *b = __alloc_list_find(size);
	struct alloc_block *next;

	if (!b)
		return NULL;
	__alloc_list_remove(b);
	blk_set(b, blk_size(b), blk_flags(b) & ~ALLOC_FREE);
	next = blk_next(b);
	blk_set(next, blk_size(next), blk_flags(next) & ~ALLOC_PREV_FREE);
	__alloc_trim(b, size);
	return b;
}
