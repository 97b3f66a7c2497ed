/* Time on x86 Xen: the pvclock in the vCPU's time info scales the TSC to
 * Xen system time; a one-shot timer (VIRQ_TIMER) ends sleeps in hlt. */
#include <xen-core/evtchn.h>
#include <xen-core/hypercall.h>
#include <xen-core/time.h>
#include <xen/vcpu.h>

static evtchn_port_t timer_port;
static uint64_t blocks;

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

uint64_t xen_monotonic_ns(void)
{
	volatile struct vcpu_time_info *t = &xen_shared_info->vcpu_info[0].time;
	uint32_t version, mul;
	uint64_t stamp, base, delta;
	int8_t shift;

	/* A seqlock: an odd or changed version means Xen was updating. */
	do {
		version = t->version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		stamp = t->tsc_timestamp;
		base = t->system_time;
		mul = t->tsc_to_system_mul;
		shift = t->tsc_shift;
		delta = rdtsc() - stamp;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != t->version);
	if (shift < 0)
		delta >>= -shift;
	else
		delta <<= shift;
	return base + (uint64_t)(((unsigned __int128)delta * mul) >> 32);
}

static void timer_event(evtchn_port_t port, void *arg)
{
	(void)port;
	(void)arg;
	/* The interrupt itself ends hlt; the sleeper checks the clock. */
}

int xen_time_init(void)
{
	return evtchn_bind_virq(VIRQ_TIMER, timer_event, 0, &timer_port);
}

void xen_block_until(uint64_t deadline_ns)
{
	struct vcpu_set_singleshot_timer t = {.timeout_abs_ns = deadline_ns, .flags = 0};

	if (xen_monotonic_ns() >= deadline_ns)
		return;
	/* A deadline already past by the time Xen sees it fires at once. */
	xen_vcpu_op(VCPUOP_set_singleshot_timer, 0, &t);
	blocks++;
	/* sti takes effect after the next instruction, so no event slips in
	 * between the check and hlt: it wakes hlt instead. */
	__asm__ volatile("sti; hlt; cli" ::: "memory");
}

uint64_t xen_block_count(void)
{
	return blocks;
}
