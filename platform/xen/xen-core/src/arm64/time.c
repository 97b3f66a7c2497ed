/* Time on arm64 Xen: the generic timer. The virtual counter (CNTVCT_EL0 at
 * CNTFRQ_EL0 Hz) is the monotonic clock; the virtual timer (CNTV_*) is the
 * one-shot that ends a sleep in wfi. The platform routes the timer's PPI
 * through the GIC and masks the timer when it fires. */
#include <xen-core/evtchn.h>
#include <xen-core/hypercall.h>
#include <xen-core/time.h>

static uint64_t blocks, freq;

static uint64_t counter(void)
{
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
	return v;
}

static uint64_t frequency(void)
{
	if (!freq)
		__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
	return freq;
}

/* ticks * 1e9 / freq without 128-bit division (no compiler runtime needed). */
static uint64_t ticks_to_ns(uint64_t ticks)
{
	uint64_t f = frequency();

	return ticks / f * 1000000000u + ticks % f * 1000000000u / f;
}

static uint64_t ns_to_ticks(uint64_t ns)
{
	uint64_t f = frequency();

	return ns / 1000000000u * f + ns % 1000000000u * f / 1000000000u;
}

uint64_t xen_monotonic_ns(void)
{
	return ticks_to_ns(counter());
}

int xen_time_init(void)
{
	frequency();
	return 0;
}

void xen_block_until(uint64_t deadline_ns)
{
	uint64_t ticks = ns_to_ticks(deadline_ns);

	if (xen_monotonic_ns() >= deadline_ns)
		return;
	__asm__ volatile("msr cntv_cval_el0, %0; mov x9, #1; msr cntv_ctl_el0, x9; isb" ::"r"(ticks)
			 : "x9");
	blocks++;
	/* wfi wakes on a pending interrupt even while IRQs are masked, so none
	 * slips in between; unmasking then takes it. */
	__asm__ volatile("dsb sy; wfi; msr daifclr, #2; isb; msr daifset, #2" ::: "memory");
}

uint64_t xen_block_count(void)
{
	return blocks;
}
