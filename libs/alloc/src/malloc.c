/* alloc_malloc: best class first, then the smallest non-empty larger class. */
#include <alloc/alloc.h>

#include "heap.h"

void *alloc_malloc(size_t size)
{
	size_t need = alloc_need(size);
	struct alloc_block *b = need ? __alloc_take(need) : NULL;

	if (!b) {
		__alloc_heap.failures++;
		return NULL;
	}
	__alloc_heap.live_blocks++;
	__alloc_heap.mallocs++;
	alloc_note_use();
	return blk_payload(b);
}
