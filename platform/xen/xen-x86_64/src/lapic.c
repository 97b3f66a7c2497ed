/* The local APIC, only as far as the event upcall needs it: Xen injects
 * the upcall vector through the emulated LAPIC, which must be enabled and
 * told when the handler is done (EOI). */
#include "x86.h"

#define LAPIC_BASE	0xfee00000ul
#define LAPIC_TPR	0x80
#define LAPIC_EOI	0xb0
#define LAPIC_SVR	0xf0
#define SVR_ENABLE	0x100
#define SPURIOUS_VECTOR 0xff

static void lapic_write(unsigned int reg, uint32_t v)
{
	*(volatile uint32_t *)(LAPIC_BASE + reg) = v;
}

void x86_lapic_init(void)
{
	lapic_write(LAPIC_TPR, 0);
	lapic_write(LAPIC_SVR, SVR_ENABLE | SPURIOUS_VECTOR);
}

void x86_lapic_eoi(void)
{
	lapic_write(LAPIC_EOI, 0);
}
