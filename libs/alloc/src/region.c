/* alloc_add_region: turns a span of RAM into one free block between a
 * region descriptor (for alloc_check) and a fence. */
#include <alloc/alloc.h>

#include "heap.h"

int alloc_add_region(void *base, size_t len)
{
	struct alloc_heap *h = &__alloc_heap;
	uintptr_t start = ((uintptr_t)base + 15u) & ~(uintptr_t)15u;
	uintptr_t end = (uintptr_t)base + len;
	struct alloc_region *r;
	struct alloc_block *first;
	size_t size;

	if (end < (uintptr_t)base || start < (uintptr_t)base)
		return -ALLOC_EINVAL;
	end &= ~(uintptr_t)15u;
	if (end < start || end - start < sizeof(struct alloc_region) + ALLOC_MIN_BLOCK + ALLOC_HDR)
		return -ALLOC_EINVAL;
	for (r = h->regions; r; r = r->next)
		if (start < r->fence + ALLOC_HDR && (uintptr_t)r < end)
			return -ALLOC_EINVAL;

	r = (struct alloc_region *)start;
	r->first = start + sizeof(*r);
	r->fence = end - ALLOC_HDR;
	r->pad = 0;
	r->next = h->regions;
	h->regions = r;
	h->nregions++;

	size = r->fence - r->first;
	blk_set(blk_at(r->fence), 0, 0);
	first = blk_at(r->first);
	blk_set(first, size, 0);
	h->heap_bytes += size;
	__alloc_make_free(first, size, 0);
	return 0;
}
