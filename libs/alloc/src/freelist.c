/* Segregated free lists: one doubly linked LIFO list per size class and a
 * bitmap of non-empty classes, so finding a fit never walks empty lists. */
#include "heap.h"

static void map_set(unsigned c)
{
	__alloc_heap.nonempty[c / 64] |= (uint64_t)1 << (c % 64);
}

static void map_clear(unsigned c)
{
	__alloc_heap.nonempty[c / 64] &= ~((uint64_t)1 << (c % 64));
}

/* First non-empty class at or above c, or ALLOC_NCLASSES. */
static unsigned map_next(unsigned c)
{
	unsigned w = c / 64;
	uint64_t bits;

	if (c >= ALLOC_NCLASSES)
		return ALLOC_NCLASSES;
	bits = __alloc_heap.nonempty[w] & (~(uint64_t)0 << (c % 64));
	while (!bits) {
		if (++w == ALLOC_MAP_WORDS)
			return ALLOC_NCLASSES;
		bits = __alloc_heap.nonempty[w];
	}
	return w * 64 + (unsigned)__builtin_ctzll(bits);
}

void __alloc_list_insert(struct alloc_block *b)
{
	struct alloc_heap *h = &__alloc_heap;
	size_t size = blk_size(b);
	unsigned c = alloc_class(size);

	b->prev = NULL;
	b->next = h->lists[c];
	if (b->next)
		b->next->prev = b;
	h->lists[c] = b;
	map_set(c);
	h->free_bytes += size;
	h->free_blocks++;
}

void __alloc_list_remove(struct alloc_block *b)
{
	struct alloc_heap *h = &__alloc_heap;
	size_t size = blk_size(b);
	unsigned c = alloc_class(size);

	if (b->prev)
		b->prev->next = b->next;
	else
		h->lists[c] = b->next;
	if (b->next)
		b->next->prev = b->prev;
	if (!h->lists[c])
		map_clear(c);
	h->free_bytes -= size;
	h->free_blocks--;
}

struct alloc_block *__alloc_list_find(size_t size)
{
	struct alloc_heap *h = &__alloc_heap;
	unsigned c = alloc_class(size);
	struct alloc_block *b;

	/* Exact classes hold one size only; in the ranged ones the request's
	 * own class may hold smaller blocks, so look through it first (this
	 * keeps big requests from splitting an even bigger block). */
	for (b = h->lists[c]; b; b = b->next)
		if (blk_size(b) >= size)
			return b;
	c = map_next(c + 1);
	return c < ALLOC_NCLASSES ? h->lists[c] : NULL;
}
