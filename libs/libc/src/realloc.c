/* realloc: resizing through the alloc module, which grows in place when
 * it can. */
#include <errno.h>
#include <stdlib.h>

#include <alloc/alloc.h>

void *realloc(void *ptr, size_t size)
{
	void *p = alloc_realloc(ptr, size);

	if (!p)
		errno = ENOMEM;
	return p;
}
