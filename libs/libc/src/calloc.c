/* calloc: zeroed, overflow-checked allocation from the alloc module. */
#include <errno.h>
#include <stdlib.h>

#include <alloc/alloc.h>

void *calloc(size_t n, size_t size)
{
	void *p = alloc_calloc(n, size);

	if (!p)
		errno = ENOMEM;
	return p;
}
