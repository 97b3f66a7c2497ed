/* alloc_init: the early init hook that gives the platform's RAM to the heap. */
#include <alloc/alloc.h>
#include <uk/plat.h>

#include "heap.h"

#define ALLOC_MAX_REGIONS 16

int alloc_init(void)
{
	struct plat_mem_region regions[ALLOC_MAX_REGIONS];
	int n = plat_memory_regions(regions, ALLOC_MAX_REGIONS);
	int i, added = 0;

	if (n > ALLOC_MAX_REGIONS)
		n = ALLOC_MAX_REGIONS;
	for (i = 0; i < n; i++)
		if (!alloc_add_region((void *)regions[i].base, regions[i].len))
			added++;
	return added ? 0 : -ALLOC_ENOMEM;
}
