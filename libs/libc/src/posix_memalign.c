/* posix_memalign: aligned allocation reporting the error instead of errno. */
#include <errno.h>
#include <stdlib.h>

#include <alloc/alloc.h>

int posix_memalign(void **out, size_t align, size_t size)
{
	void *p;

	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	p = alloc_memalign(align, size);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}
