/* alloc_realloc: shrinks in place, grows in place into a free successor,
 * and only otherwise moves the data to a new block. */
#include <alloc/alloc.h>

#include "heap.h"

void *alloc_realloc(void *ptr, size_t size)
{
	struct alloc_block *b, *next;
	size_t need, have;
	void *q;

	if (!ptr)
		return alloc_malloc(size);
	b = __alloc_block_of(ptr, "alloc_realloc: pointer already freed");
	need = alloc_need(size);
	if (!need) {
		__alloc_heap.failures++;
		return NULL;
	}
	have = blk_size(b);
	if (need <= have) {
		__alloc_trim(b, need);
		return ptr;
	}
	next = blk_next(b);
	if ((blk_flags(next) & ALLOC_FREE) && have + blk_size(next) >= need) {
		size_t nsize = blk_size(next);

		__alloc_list_remove(next);
		/* a stale header, as in __alloc_release */
		blk_set(next, nsize, ALLOC_FREE);
		blk_set(b, have + nsize, blk_flags(b));
		next = blk_next(b);
		blk_set(next, blk_size(next), blk_flags(next) & ~ALLOC_PREV_FREE);
		__alloc_trim(b, need);
		alloc_note_use();
		return ptr;
	}
	q = alloc_malloc(size);
	if (!q)
		return NULL;
	__builtin_memcpy(q, ptr, have - ALLOC_HDR);
	alloc_free(ptr);
	return q;
}
