/* alloc_usable_size: what a block really offers, for realloc-heavy callers. */
#include <alloc/alloc.h>

#include "heap.h"

size_t alloc_usable_size(const void *ptr)
{
	if (!ptr)
		return 0;
	return blk_size(__alloc_block_of(ptr, "alloc_usable_size: freed pointer")) - ALLOC_HDR;
}
