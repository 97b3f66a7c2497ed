/* alloc_stats: the counters kept on the way, plus the largest free block,
 * found from the highest non-empty size class; and their table. */
#include <alloc/alloc.h>

#include "heap.h"

void alloc_stats(struct alloc_stats *out)
{
	const struct alloc_heap *h = &__alloc_heap;
	const struct alloc_block *b;
	size_t largest = 0;
	unsigned c;

	for (c = ALLOC_NCLASSES; c-- > 0 && !largest;)
		for (b = h->lists[c]; b; b = b->next)
			if (blk_size(b) > largest)
				largest = blk_size(b);

	out->heap_bytes = h->heap_bytes;
	out->used_bytes = h->heap_bytes - h->free_bytes;
	out->free_bytes = h->free_bytes;
	out->peak_used_bytes = h->peak_used;
	out->largest_free = largest;
	out->live_blocks = h->live_blocks;
	out->free_blocks = h->free_blocks;
	out->regions = h->nregions;
	out->mallocs = h->mallocs;
	out->frees = h->frees;
	out->failures = h->failures;
}

/* struct alloc_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER_GAUGE(struct alloc_stats, heap_bytes),
    UK_COUNTER_GAUGE(struct alloc_stats, used_bytes),
    UK_COUNTER_GAUGE(struct alloc_stats, free_bytes),
    UK_COUNTER_GAUGE(struct alloc_stats, peak_used_bytes),
    UK_COUNTER_GAUGE(struct alloc_stats, largest_free),
    UK_COUNTER_GAUGE(struct alloc_stats, live_blocks),
    UK_COUNTER_GAUGE(struct alloc_stats, free_blocks),
    UK_COUNTER_GAUGE(struct alloc_stats, regions),
    UK_COUNTER(struct alloc_stats, mallocs),
    UK_COUNTER(struct alloc_stats, frees),
    UK_COUNTER(struct alloc_stats, failures),
};

const struct uk_counter_table alloc_counter_table =
    UK_COUNTER_TABLE("alloc", struct alloc_stats, counter_descs);
