/* malloc: the C heap is the alloc module's; libc only adds errno. */
#include <errno.h>
#include <stdlib.h>

#include <alloc/alloc.h>

void *malloc(size_t size)
{
	void *p = alloc_malloc(size);

	if (!p)
		errno = ENOMEM;
	return p;
}
