/* alloc_check: a full consistency walk of the heap, for tests and for
 * hunting memory corruption. */
#include <alloc/alloc.h>

#include "heap.h"

static int in_heap(const struct alloc_block *b)
{
	const struct alloc_region *r;

	for (r = __alloc_heap.regions; r; r = r->next)
		if ((uintptr_t)b >= r->first && (uintptr_t)b < r->fence)
			return 1;
	return 0;
}

/* Walks one region's blocks and adds them to the tallies. */
static int check_region(const struct alloc_region *r, size_t *bytes, size_t *free_bytes,
			size_t *nfree, size_t *nlive)
{
	unsigned prev_free = 0;
	uintptr_t a = r->first;
	const struct alloc_block *b;

	if (r->first != (uintptr_t)r + sizeof(*r) || (r->fence & 15u) || r->fence < r->first)
		return -1;
	while (a < r->fence) {
		size_t size;
		unsigned flags;

		b = blk_at(a);
		if (!blk_valid(b))
			return -1;
		size = blk_size(b);
		flags = blk_flags(b);
		if (size < ALLOC_MIN_BLOCK || size > r->fence - a)
			return -1;
		if (!!(flags & ALLOC_PREV_FREE) != prev_free)
			return -1;
		if (flags & ALLOC_FREE) {
			/* two free neighbours mean a missed coalesce */
			if (prev_free || *blk_footer(b, size) != size)
				return -1;
			(*nfree)++;
			*free_bytes += size;
		} else {
			(*nlive)++;
		}
		prev_free = !!(flags & ALLOC_FREE);
		*bytes += size;
		a += size;
	}
	b = blk_at(r->fence);
	if (a != r->fence || !blk_valid(b) || blk_size(b) != 0 || (blk_flags(b) & ALLOC_FREE) ||
	    !!(blk_flags(b) & ALLOC_PREV_FREE) != prev_free)
		return -1;
	return 0;
}

/* Every list node must be a real free block of the list's class: a stale
 * header left by coalescing is caught by its successor not pointing back. */
static int check_lists(size_t nfree, size_t free_bytes)
{
	const struct alloc_heap *h = &__alloc_heap;
	size_t count = 0, bytes = 0;
	unsigned c;

	for (c = 0; c < ALLOC_NCLASSES; c++) {
		const struct alloc_block *b, *prev = NULL;
		int bit = !!(h->nonempty[c / 64] & ((uint64_t)1 << (c % 64)));

		if (bit != !!h->lists[c])
			return -1;
		for (b = h->lists[c]; b; prev = b, b = b->next) {
			const struct alloc_block *next;

			if (++count > nfree || !in_heap(b) || !blk_valid(b) ||
			    !(blk_flags(b) & ALLOC_FREE) || b->prev != prev ||
			    alloc_class(blk_size(b)) != c)
				return -1;
			next = blk_next(b);
			if (!blk_valid(next) || !(blk_flags(next) & ALLOC_PREV_FREE))
				return -1;
			bytes += blk_size(b);
		}
	}
	return count == nfree && bytes == free_bytes ? 0 : -1;
}

int alloc_check(void)
{
	const struct alloc_heap *h = &__alloc_heap;
	const struct alloc_region *r;
	size_t bytes = 0, free_bytes = 0, nfree = 0, nlive = 0, nregions = 0;

	for (r = h->regions; r; r = r->next) {
		if (++nregions > h->nregions ||
		    check_region(r, &bytes, &free_bytes, &nfree, &nlive))
			return -ALLOC_EINVAL;
	}
	if (nregions != h->nregions || bytes != h->heap_bytes || free_bytes != h->free_bytes ||
	    nfree != h->free_blocks || nlive != h->live_blocks || h->peak_used < bytes - free_bytes)
		return -ALLOC_EINVAL;
	if (check_lists(nfree, free_bytes))
		return -ALLOC_EINVAL;
	return 0;
}
