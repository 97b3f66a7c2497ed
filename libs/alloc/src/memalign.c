/* alloc_memalign: over-allocates, then gives the misaligned head and the
 * unused tail back as free blocks so nothing stays wasted. */
#include <alloc/alloc.h>

#include "heap.h"

void *alloc_memalign(size_t align, size_t size)
{
	struct alloc_block *b, *aligned;
	size_t need = alloc_need(size);
	size_t total, lead;
	uintptr_t payload;

	if (!align || (align & (align - 1)))
		goto fail;
	if (align <= ALLOC_ALIGN)
		return alloc_malloc(size);
	/* The head we cut off must be 0 or a whole free block, which can
	 * cost up to align + 32 bytes in front of the payload. */
	if (!need || align > SIZE_MAX / 4 || need > SIZE_MAX / 2 - align)
		goto fail;
	total = need + align + 32;
	b = __alloc_take(total);
	if (!b)
		goto fail;
	payload = ((uintptr_t)blk_payload(b) + align - 1) & ~(uintptr_t)(align - 1);
	lead = payload - (uintptr_t)blk_payload(b);
	if (lead && lead < ALLOC_MIN_BLOCK) {
		payload += align;
		lead += align;
	}
	if (lead) {
		size_t have = blk_size(b);

		aligned = blk_at(payload - ALLOC_HDR);
		blk_set(aligned, have - lead, 0);
		blk_set(b, lead, blk_flags(b));
		__alloc_release(b);
		b = aligned;
	}
	__alloc_trim(b, need);
	__alloc_heap.live_blocks++;
	__alloc_heap.mallocs++;
	alloc_note_use();
	return blk_payload(b);
fail:
	__alloc_heap.failures++;
	return NULL;
}
