/* aligned_alloc: C11's aligned allocation; any power-of-two alignment. */
#include <errno.h>
#include <stdlib.h>

#include <alloc/alloc.h>

void *aligned_alloc(size_t align, size_t size)
{
	void *p;

	if (!align || (align & (align - 1))) {
		errno = EINVAL;
		return NULL;
	}
	p = alloc_memalign(align, size);
	if (!p)
		errno = ENOMEM;
	return p;
}
