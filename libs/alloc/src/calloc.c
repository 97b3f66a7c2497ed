/* alloc_calloc: zeroed allocation with an overflow-checked size. */
#include <alloc/alloc.h>

#include "heap.h"

void *alloc_calloc(size_t n, size_t size)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(n, size, &total)) {
		__alloc_heap.failures++;
		return NULL;
	}
	p = alloc_malloc(total);
	if (p)
		__builtin_memset(p, 0, total);
	return p;
}
