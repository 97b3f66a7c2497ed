/* The GIC, versions 2 and 3 (which one, and where, the device tree says):
 * only what a single-CPU guest needs to take its PPIs (the event channel
 * and the virtual timer): enable them, acknowledge, end of interrupt. */
#include "arm64.h"

#define GICD_CTLR	0x000
#define GICD_ISENABLER	0x100
#define GICD_IPRIORITYR 0x400
#define GICC_CTLR	0x000
#define GICC_PMR	0x004
#define GICC_IAR	0x00c
#define GICC_EOIR	0x010
#define GICR_WAKER	0x014
#define GICR_SGI	0x10000 /* the SGI/PPI frame follows the redistributor's */
#define GICR_IGROUPR0	0x080
#define GICR_ISENABLER0 0x100
#define GICR_IPRIORITYR 0x400

static volatile uint32_t *reg32(uint64_t base, unsigned int off)
{
	return (volatile uint32_t *)(uintptr_t)(base + off);
}

static volatile uint8_t *reg8(uint64_t base, unsigned int off)
{
	return (volatile uint8_t *)(uintptr_t)(base + off);
}

int arm64_gic_init(void)
{
	uint64_t d = arm64_dt.gicd, c = arm64_dt.gicc_or_gicr;

	if (arm64_dt.gic_version == 3) {
		uint64_t sre;
		int spins = 0;

		/* Affinity routing, group 1 non-secure. */
		*reg32(d, GICD_CTLR) = (1u << 4) | (1u << 1);
		/* Wake our redistributor. */
		*reg32(c, GICR_WAKER) &= ~(1u << 1);
		while ((*reg32(c, GICR_WAKER) & (1u << 2)) && spins++ < 1000000)
			;
		__asm__ volatile("mrs %0, S3_0_C12_C12_5" : "=r"(sre)); /* ICC_SRE_EL1 */
		__asm__ volatile("msr S3_0_C12_C12_5, %0; isb" ::"r"(sre | 1));
		__asm__ volatile("msr S3_0_C4_C6_0, %0" ::"r"(0xffull));     /* ICC_PMR_EL1 */
		__asm__ volatile("msr S3_0_C12_C12_7, %0; isb" ::"r"(1ull)); /* ICC_IGRPEN1_EL1 */
		return 0;
	}
	if (arm64_dt.gic_version == 2) {
		*reg32(d, GICD_CTLR) = 1;
		*reg32(c, GICC_PMR) = 0xff;
		*reg32(c, GICC_CTLR) = 1;
		return 0;
	}
	return -1;
}

void arm64_gic_enable(int intid)
{
	uint64_t d = arm64_dt.gicd, c = arm64_dt.gicc_or_gicr;

	if (intid < 0 || intid >= 32)
		return; /* PPIs and SGIs only: that is all a guest here has */
	if (arm64_dt.gic_version == 3) {
		*reg32(c, GICR_SGI + GICR_IGROUPR0) |= 1u << intid;
		*reg8(c, GICR_SGI + GICR_IPRIORITYR + (unsigned int)intid) = 0xa0;
		*reg32(c, GICR_SGI + GICR_ISENABLER0) = 1u << intid;
	} else {
		*reg8(d, GICD_IPRIORITYR + (unsigned int)intid) = 0xa0;
		*reg32(d, GICD_ISENABLER) = 1u << intid;
	}
}

int arm64_gic_ack(void)
{
	uint64_t iar;

	if (arm64_dt.gic_version == 3) {
		__asm__ volatile("mrs %0, S3_0_C12_C12_0" : "=r"(iar)); /* ICC_IAR1_EL1 */
		__asm__ volatile("dsb sy");
		return (int)(iar & 0xffffff);
	}
	iar = *reg32(arm64_dt.gicc_or_gicr, GICC_IAR);
	return (int)(iar & 0x3ff);
}

void arm64_gic_eoi(int intid)
{
	if (arm64_dt.gic_version == 3)
		__asm__ volatile(
		    "msr S3_0_C12_C12_1, %0; isb" ::"r"((uint64_t)intid)); /* ICC_EOIR1_EL1 */
	else
		*reg32(arm64_dt.gicc_or_gicr, GICC_EOIR) = (uint32_t)intid;
}
