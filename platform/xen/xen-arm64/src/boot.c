/* From the Image entry to main: a coarse MMU to read the device tree, the
 * final W^X map, Xen (shared info, GIC, event channels, console, timer),
 * RAM for the allocator, then the glue (module init and main). */
#include <xen-core/console.h>
#include <xen-core/hypercall.h>
#include <xen-core/print.h>
#include <xen-core/seed.h>
#include <xen-core/time.h>
#include <uk/glue.h>
#include <uk/plat.h>
#include <xen-arm64/boot.h>
#include <xen/hvm/params.h>

#include "arm64.h"

#define MAX_ARGS 32

static char shared_info_page[4096] __attribute__((aligned(4096)));
static char *argv[MAX_ARGS + 1];
static struct plat_mem_region regions[ARM64_MAX_RAM];
static int nregions;

uint64_t arm64_boot_counter, arm64_main_counter;
uintptr_t __stack_chk_guard;

_Noreturn void arm64_boot(void *dtb);

/* Free RAM: every memory bank less the image (which starts the first bank). */
static void release_ram(void)
{
	int i;

	for (i = 0; i < arm64_dt.nram; i++) {
		uint64_t base = arm64_dt.ram_base[i], end = base + arm64_dt.ram_size[i];

		if (base < (uintptr_t)__image_end && end > (uintptr_t)__image_start)
			base = (uintptr_t)__image_end;
		base = (base + 4095) & ~4095ull;
		if (end <= base)
			continue;
		regions[nregions].base = (uintptr_t)base;
		regions[nregions].len = (size_t)(end - base);
		nregions++;
	}
}

int plat_memory_regions(struct plat_mem_region *out, int max)
{
	int i;

	for (i = 0; i < nregions && i < max; i++)
		out[i] = regions[i];
	return nregions;
}

/* The guard differs at every boot: the counter's low bits are the best
 * entropy this early on a CPU without RNDR. */
static void canary_init(void)
{
	uint64_t c;

	__asm__ volatile("mrs %0, cntvct_el0" : "=r"(c));
	__stack_chk_guard = (uintptr_t)((c * 0x9e3779b97f4a7c15ull) ^ (uintptr_t)&c) & ~0xffull;
}

/* The rings xenconsoled and xenstored share with us live in pages Xen's
 * HVM parameters name: mapped as normal memory before anyone uses them. */
static void map_param_page(uint32_t param)
{
	uint64_t pfn;

	if (xen_hvm_get_param(param, &pfn) == 0 && pfn)
		arm64_map_normal(pfn << 12, 4096);
}

_Noreturn void arm64_boot(void *dtb)
{
	int argc;

	canary_init();
	arm64_mmu_early();
	if (arm64_dt_read(dtb) != 0 || !arm64_dt.xen || !arm64_dt.gic_version) {
		/* No console can be found without the device tree: stop. */
		for (;;)
			__asm__ volatile("wfi");
	}
	/* The device tree lies in RAM we hand out and its bootargs may hold
	 * the toolstack's seed: erased while the early map lets us write. */
	arm64_dt_erase_bootargs(dtb);
	argc = xen_seed_take(xen_split_args(arm64_dt.bootargs, uk_default_argv[0], argv, MAX_ARGS),
			     argv);
	xen_hypercall_init();
	arm64_mmu_final();
	if (!xen_shared_info_map((uintptr_t)shared_info_page >> 12))
		arm64_panic("cannot map the shared info page", 0);
	map_param_page(HVM_PARAM_CONSOLE_PFN);
	map_param_page(HVM_PARAM_STORE_PFN);
	if (arm64_gic_init() != 0)
		arm64_panic("no usable GIC", 0);
	arm64_gic_enable(arm64_dt.evtchn_irq);
	arm64_gic_enable(arm64_dt.timer_irq);
	xencons_init();
	xen_time_init();
	release_ram();
	__asm__ volatile("mrs %0, cntvct_el0" : "=r"(arm64_main_counter));
	plat_exit(uk_glue_run(argc, argv));
}

uint64_t plat_xen_boot_ticks(void)
{
	return arm64_main_counter - arm64_boot_counter;
}

uint64_t plat_xen_tick_hz(void)
{
	uint64_t f;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(f));
	return f;
}
