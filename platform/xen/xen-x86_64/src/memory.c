/* Free RAM for the allocator: the RAM entries of the memory map in the
 * start info (version 1), or XENMEM_memory_map, less everything below the
 * end of the image and the page tables built after it. The map is copied
 * first: Xen puts the start info in RAM right after the image. */
#include <xen-core/hypercall.h>
#include <uk/plat.h>
#include <xen/arch-x86/hvm/start_info.h>
#include <xen/memory.h>

#include "x86.h"

#define MAX_RAM	 32
#define E820_RAM 1

/* XENMEM_memory_map fills the BIOS e820 layout: packed, 20 bytes. */
struct e820_entry {
	uint64_t addr, size;
	uint32_t type;
} __attribute__((packed));

struct ram {
	uint64_t base, end;
};

static struct ram ram[MAX_RAM];
static int nram;
static struct plat_mem_region regions[MAX_RAM];
static int nregions;
static uint64_t top;

static void note_ram(uint64_t base, uint64_t len)
{
	if (nram == MAX_RAM || !len)
		return;
	ram[nram].base = base;
	ram[nram].end = base + len;
	if (base + len > top)
		top = base + len;
	nram++;
}

void x86_memory_init(const void *si)
{
	const struct hvm_start_info *start = si;
	uint32_t i;

	if (start && start->version >= 1 && start->memmap_entries) {
		const struct hvm_memmap_table_entry *e =
		    (const void *)(uintptr_t)start->memmap_paddr;

		for (i = 0; i < start->memmap_entries; i++)
			if (e[i].type == XEN_HVM_MEMMAP_TYPE_RAM)
				note_ram(e[i].addr, e[i].size);
		return;
	}
	if (xen_present()) {
		static struct e820_entry map[MAX_RAM];
		struct xen_memory_map mm = {.nr_entries = MAX_RAM};

		set_xen_guest_handle(mm.buffer, (void *)map);
		if (xen_memory_op(XENMEM_memory_map, &mm) == 0)
			for (i = 0; i < mm.nr_entries; i++)
				if (map[i].type == E820_RAM)
					note_ram(map[i].addr, map[i].size);
	}
}

void x86_memory_release(uintptr_t free_from)
{
	int i;

	for (i = 0; i < nram; i++) {
		uint64_t base = ram[i].base < free_from ? free_from : ram[i].base;
		uint64_t end = ram[i].end & ~4095ull;

		base = (base + 4095) & ~4095ull;
		if (end <= base)
			continue;
		regions[nregions].base = (uintptr_t)base;
		regions[nregions].len = (size_t)(end - base);
		nregions++;
	}
}

uint64_t x86_memory_top(void)
{
	return top;
}

int plat_memory_regions(struct plat_mem_region *out, int max)
{
	int i;

	for (i = 0; i < nregions && i < max; i++)
		out[i] = regions[i];
	return nregions;
}
