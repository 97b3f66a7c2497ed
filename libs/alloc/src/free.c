/* alloc_free: checks the header, then coalesces with free neighbours. */
#include <alloc/alloc.h>

#include "heap.h"

void alloc_free(void *ptr)
{
	struct alloc_block *b;

	if (!ptr)
		return;
	b = __alloc_block_of(ptr, "alloc_free: double free");
	__alloc_heap.live_blocks--;
	__alloc_heap.frees++;
	__alloc_release(b);
}
