/* Reading the device tree with libfdt: memory, /chosen/bootargs, the Xen
 * node (grant-table region, event-channel interrupt), the GIC and the timer.
 * Nothing about the machine is assumed: it all comes from here. */
#include <fdt/fdt.h>
#include <string.h>

#include "arm64.h"

struct arm64_dt arm64_dt;

static void read_memory(const void *fdt)
{
	int node;

	for (node = fdt_node_offset_by_prop_value(fdt, -1, "device_type", "memory", 7); node >= 0;
	     node = fdt_node_offset_by_prop_value(fdt, node, "device_type", "memory", 7)) {
		uint64_t base, size;
		int i;

		for (i = 0; fdt_uk_reg(fdt, node, i, &base, &size); i++) {
			if (arm64_dt.nram == ARM64_MAX_RAM || !size)
				continue;
			arm64_dt.ram_base[arm64_dt.nram] = base;
			arm64_dt.ram_size[arm64_dt.nram] = size;
			arm64_dt.nram++;
		}
	}
}

static void read_gic(const void *fdt)
{
	static const char *const v3[] = {"arm,gic-v3", NULL};
	static const char *const v2[] = {"arm,gic-400", "arm,cortex-a15-gic", "arm,cortex-a9-gic",
					 "arm,gic-v2", NULL};
	int node = fdt_uk_find_compatible(fdt, v3);

	arm64_dt.gic_version = 3;
	if (node < 0) {
		node = fdt_uk_find_compatible(fdt, v2);
		arm64_dt.gic_version = 2;
	}
	if (node < 0 || !fdt_uk_reg(fdt, node, 0, &arm64_dt.gicd, &arm64_dt.gicd_size) ||
	    !fdt_uk_reg(fdt, node, 1, &arm64_dt.gicc_or_gicr, &arm64_dt.gicc_or_gicr_size))
		arm64_dt.gic_version = 0;
}

int arm64_dt_read(const void *fdt)
{
	static const char *const xen[] = {"xen,xen", NULL};
	static const char *const timer[] = {"arm,armv8-timer", NULL};
	int node, len;
	const char *args;

	if (fdt_check_header(fdt) != 0)
		return -1;
	read_memory(fdt);
	read_gic(fdt);
	node = fdt_uk_find_compatible(fdt, xen);
	if (node >= 0) {
		arm64_dt.xen = true;
		fdt_uk_reg(fdt, node, 0, &arm64_dt.gnttab_base, &arm64_dt.gnttab_size);
		arm64_dt.evtchn_irq = fdt_uk_interrupt(fdt, node, 0);
	}
	/* The timer's interrupts: secure, non-secure physical, virtual, hypervisor. */
	node = fdt_uk_find_compatible(fdt, timer);
	arm64_dt.timer_irq = node >= 0 ? fdt_uk_interrupt(fdt, node, 2) : -1;
	node = fdt_path_offset(fdt, "/chosen");
	args = node >= 0 ? fdt_getprop(fdt, node, "bootargs", &len) : NULL;
	if (args && len > 0) {
		size_t n = (size_t)len < sizeof(arm64_dt.bootargs) ? (size_t)len
								   : sizeof(arm64_dt.bootargs) - 1;

		memcpy(arm64_dt.bootargs, args, n);
		arm64_dt.bootargs[n] = 0;
	}
	return 0;
}

void arm64_dt_erase_bootargs(void *fdt)
{
	int node = fdt_path_offset(fdt, "/chosen"), len = 0;
	volatile char *args = node >= 0 ? fdt_getprop_w(fdt, node, "bootargs", &len) : NULL;

	while (args && len-- > 0)
		*args++ = 0;
}
