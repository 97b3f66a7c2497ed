/* Stage 1 translation for EL1: an identity map with 4 KiB granules and a
 * 39-bit address space (three levels). Early, a coarse map gets the caches
 * on for reading the device tree; the final map is W^X: the image with
 * 4 KiB pages (text RX, rodata R, data and bss RW, all else XN), RAM RW+XN,
 * the GIC as device memory, the stack's guard page and everything else
 * unmapped. */
#include "arm64.h"

#define DESC_VALID  (1ull << 0)
#define DESC_TABLE  (3ull << 0) /* and for level-3 pages */
#define DESC_BLOCK  (1ull << 0)
#define ATTR_DEVICE (0ull << 2) /* MAIR index 0: Device-nGnRnE */
#define ATTR_NORMAL (1ull << 2) /* MAIR index 1: Normal write-back */
#define AP_RO	    (1ull << 7)
#define SH_INNER    (3ull << 8)
#define AF	    (1ull << 10)
#define PXN	    (1ull << 53)
#define UXN	    (1ull << 54)
#define ADDR_MASK   0x0000fffffffff000ull

#define NORMAL_RW (AF | SH_INNER | ATTR_NORMAL | PXN | UXN)
#define NORMAL_RX (AF | SH_INNER | ATTR_NORMAL | AP_RO | UXN)
#define NORMAL_RO (AF | SH_INNER | ATTR_NORMAL | AP_RO | PXN | UXN)
#define DEVICE	  (AF | ATTR_DEVICE | PXN | UXN)

#define POOL_PAGES 16

static uint64_t pool[POOL_PAGES][512] __attribute__((aligned(4096)));
static int pool_used;
static uint64_t *root;

static uint64_t *new_table(void)
{
	uint64_t *t;
	int i;

	if (pool_used == POOL_PAGES)
		arm64_panic("out of page-table pages", 0);
	t = pool[pool_used++];
	for (i = 0; i < 512; i++)
		t[i] = 0;
	return t;
}

/* Maps [base, base + size) at level (1: 1 GiB, 2: 2 MiB, 3: 4 KiB entries)
 * in table, with blocks where alignment allows, splitting blocks in the way. */
static void map(uint64_t *table, int level, uint64_t base, uint64_t size, uint64_t attrs)
{
	unsigned int shift = 39 - 9 * (unsigned int)level;
	uint64_t span = 1ull << shift;

	while (size) {
		uint64_t *e = &table[(base >> shift) & 511];
		uint64_t chunk = span - (base & (span - 1));

		if (chunk > size)
			chunk = size;
		if (level == 3) {
			*e = (base & ADDR_MASK) | attrs | DESC_TABLE;
		} else if (chunk == span && level > 1) {
			*e = (base & ADDR_MASK) | attrs | DESC_BLOCK;
		} else {
			uint64_t *next;

			if ((*e & 3) == DESC_TABLE) {
				next = (uint64_t *)(uintptr_t)(*e & ADDR_MASK);
			} else {
				uint64_t old = *e;
				int i;

				/* Split a block: the new table repeats it, then changes part. */
				next = new_table();
				if (old & DESC_VALID)
					for (i = 0; i < 512; i++)
						next[i] =
						    (old & ~(ADDR_MASK | 3)) |
						    ((old & ADDR_MASK) +
						     ((uint64_t)i << (shift - 9))) |
						    (level + 1 == 3 ? DESC_TABLE : DESC_BLOCK);
				*e = (uintptr_t)next | DESC_TABLE;
			}
			map(next, level + 1, base, chunk, attrs);
		}
		base += chunk;
		size -= chunk;
	}
}

static void unmap_page(uint64_t addr)
{
	uint64_t *t = root;
	int level;

	/* Make sure a level-3 entry exists for it, then clear that entry. */
	map(root, 1, addr, 4096, NORMAL_RW);
	for (level = 1; level < 3; level++)
		t = (uint64_t *)(uintptr_t)(t[(addr >> (39 - 9 * level)) & 511] & ADDR_MASK);
	t[(addr >> 12) & 511] = 0;
}

static void load(uint64_t *table, bool final)
{
	uint64_t mair = 0x00ull | 0xffull << 8, tcr, mmfr0, sctlr;

	__asm__ volatile("mrs %0, id_aa64mmfr0_el1" : "=r"(mmfr0));
	tcr = 25 | 1ull << 8 | 1ull << 10 | 3ull << 12 | 1ull << 23 |
	      ((mmfr0 & 7) > 5 ? 5ull : (mmfr0 & 7)) << 32;
	__asm__ volatile("dsb ishst\n"
			 "msr mair_el1, %0\n"
			 "msr tcr_el1, %1\n"
			 "msr ttbr0_el1, %2\n"
			 "isb\n"
			 "tlbi vmalle1\n"
			 "dsb ish\n"
			 "isb" ::"r"(mair),
			 "r"(tcr), "r"((uintptr_t)table)
			 : "memory");
	__asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
	sctlr |= 1u << 0 | 1u << 2 | 1u << 12; /* M, C, I */
	sctlr &= ~(1ull << 1);		       /* no alignment faults */
	if (final)
		sctlr |= 1u << 19; /* WXN: writable never executes, whatever the tables say */
	__asm__ volatile("msr sctlr_el1, %0; isb" ::"r"(sctlr) : "memory");
}

void arm64_mmu_early(void)
{
	uint64_t *t = new_table();

	/* Low GiB as device memory (GIC, UART), then 3 GiB of normal memory
	 * where Xen puts guest RAM: enough to read the device tree. */
	t[0] = 0 | DEVICE | DESC_BLOCK;
	t[1] = (1ull << 30) | (AF | SH_INNER | ATTR_NORMAL) | DESC_BLOCK;
	t[2] = (2ull << 30) | (AF | SH_INNER | ATTR_NORMAL) | DESC_BLOCK;
	t[3] = (3ull << 30) | (AF | SH_INNER | ATTR_NORMAL) | DESC_BLOCK;
	load(t, false);
}

void arm64_map_normal(uint64_t base, uint64_t size)
{
	map(root, 1, base & ~4095ull, ((base & 4095) + size + 4095) & ~4095ull, NORMAL_RW);
	__asm__ volatile("dsb ishst; tlbi vmalle1; dsb ish; isb" ::: "memory");
}

void arm64_mmu_final(void)
{
	uint64_t text = (uintptr_t)__image_start, rodata = (uintptr_t)__text_end;
	uint64_t data = (uintptr_t)__rodata_end, end = (uintptr_t)__image_end;
	int i;

	root = new_table();
	for (i = 0; i < arm64_dt.nram; i++)
		map(root, 1, arm64_dt.ram_base[i], arm64_dt.ram_size[i], NORMAL_RW);
	map(root, 1, text, rodata - text, NORMAL_RX);
	map(root, 1, rodata, data - rodata, NORMAL_RO);
	map(root, 1, data, end - data, NORMAL_RW);
	unmap_page((uintptr_t)arm64_stack_guard);
	if (arm64_dt.gnttab_size)
		map(root, 1, arm64_dt.gnttab_base, arm64_dt.gnttab_size, NORMAL_RW);
	if (arm64_dt.gic_version) {
		map(root, 1, arm64_dt.gicd, arm64_dt.gicd_size, DEVICE);
		map(root, 1, arm64_dt.gicc_or_gicr, arm64_dt.gicc_or_gicr_size, DEVICE);
	}
	load(root, true);
}
