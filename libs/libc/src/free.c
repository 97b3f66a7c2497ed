/* free: hands the block back to the alloc module. */
#include <stdlib.h>

#include <alloc/alloc.h>

void free(void *ptr)
{
	alloc_free(ptr);
}
