/* The final page tables: the image with 4 KiB pages and W^X (text RX,
 * rodata R, data and bss RW+NX), page 0 and the stack guard unmapped, the
 * rest of the address space up to map_top with 2 MiB pages RW+NX. */
#include "x86.h"

#define PTE_P  (1ull << 0)
#define PTE_W  (1ull << 1)
#define PTE_PS (1ull << 7)
#define PTE_NX (1ull << 63)
#define PAGE   4096ull
#define LARGE  (2ull << 20)

static uint64_t *new_table(uintptr_t *pool)
{
	uint64_t *t = (uint64_t *)*pool;
	unsigned int i;

	*pool += PAGE;
	for (i = 0; i < 512; i++)
		t[i] = 0;
	return t;
}

static uint64_t page_flags(uint64_t addr)
{
	uintptr_t a = (uintptr_t)addr;

	if (addr < PAGE)
		return 0;
	if (a >= (uintptr_t)x86_stack_guard && a < (uintptr_t)x86_stack_guard + PAGE)
		return 0;
	if (a >= (uintptr_t)__image_start && a < (uintptr_t)__text_end)
		return PTE_P;
	if (a >= (uintptr_t)__text_end && a < (uintptr_t)__rodata_end)
		return PTE_P | PTE_NX;
	return PTE_P | PTE_W | PTE_NX;
}

/* Regions with a special page need 4 KiB pages; the rest can be large. */
static int needs_small_pages(uint64_t base)
{
	uint64_t lo = (uintptr_t)__image_start & ~(LARGE - 1);
	uint64_t hi = ((uintptr_t)__image_end + LARGE - 1) & ~(LARGE - 1);

	return base == 0 || (base >= lo && base < hi);
}

void x86_paging_init(uint64_t map_top, uintptr_t *pool)
{
	uint64_t *pml4 = new_table(pool), *pdpt = 0, *pd = 0, base;

	map_top = (map_top + (1ull << 30) - 1) & ~((1ull << 30) - 1);
	for (base = 0; base < map_top; base += LARGE) {
		unsigned int i4 = (base >> 39) & 511, i3 = (base >> 30) & 511,
			     i2 = (base >> 21) & 511;

		if (!(pml4[i4] & PTE_P)) {
			pdpt = new_table(pool);
			pml4[i4] = (uintptr_t)pdpt | PTE_P | PTE_W;
		}
		pdpt = (uint64_t *)(uintptr_t)(pml4[i4] & ~(PAGE - 1) & ~PTE_NX);
		if (!(pdpt[i3] & PTE_P)) {
			pd = new_table(pool);
			pdpt[i3] = (uintptr_t)pd | PTE_P | PTE_W;
		}
		pd = (uint64_t *)(uintptr_t)(pdpt[i3] & ~(PAGE - 1) & ~PTE_NX);
		if (needs_small_pages(base)) {
			uint64_t *pt = new_table(pool);
			unsigned int i;

			for (i = 0; i < 512; i++) {
				uint64_t addr = base + i * PAGE, f = page_flags(addr);

				pt[i] = f ? addr | f : 0;
			}
			pd[i2] = (uintptr_t)pt | PTE_P | PTE_W;
		} else {
			pd[i2] = base | PTE_P | PTE_W | PTE_PS | PTE_NX;
		}
	}
	__asm__ volatile("mov %0, %%cr3" ::"r"((uintptr_t)pml4) : "memory");
}
