/* Private to xen-arm64: what its files share. */
#ifndef PLAT_XEN_ARM64_H
#define PLAT_XEN_ARM64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

extern char __image_start[], __text_end[], __rodata_end[], __image_end[];
extern char arm64_stack_guard[], arm64_stack_bottom[], boot_stack_top[];

#define ARM64_MAX_RAM 8

/* What the device tree says, read once at boot (the DTB lies in RAM that
 * goes to the allocator afterwards). */
struct arm64_dt {
	uint64_t ram_base[ARM64_MAX_RAM], ram_size[ARM64_MAX_RAM];
	int nram;
	bool xen;			   /* /hypervisor, compatible "xen,xen" */
	uint64_t gnttab_base, gnttab_size; /* its reg */
	int evtchn_irq;			   /* its interrupts, as a GIC INTID */
	int gic_version;		   /* 2 or 3 */
	uint64_t gicd, gicd_size, gicc_or_gicr, gicc_or_gicr_size;
	int timer_irq; /* the virtual timer's INTID */
	char bootargs[1024];
};

extern struct arm64_dt arm64_dt;

/* dtb.c */
int arm64_dt_read(const void *fdt);
/* Overwrites /chosen/bootargs in the blob with zeros (it may hold the seed). */
void arm64_dt_erase_bootargs(void *fdt);

/* mmu.c: identity map with W^X; normal memory for RAM and the Xen regions. */
void arm64_mmu_early(void);
void arm64_mmu_final(void);
void arm64_map_normal(uint64_t base, uint64_t size);

/* gic.c */
int arm64_gic_init(void);
void arm64_gic_enable(int intid);
int arm64_gic_ack(void);
void arm64_gic_eoi(int intid);

/* Prints "panic: msg", a backtrace from fp, and ends the domain as crashed. */
_Noreturn void arm64_panic(const char *msg, uint64_t fp);
void arm64_backtrace(uint64_t fp);
void arm64_console_write(const char *buf, size_t len);

#endif
