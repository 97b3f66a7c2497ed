/* The wall clock from shared info: the time of day when Xen's system time
 * (our monotonic clock) was 0, read under its version seqlock. */
#include <xen-core/hypercall.h>
#include <xen-core/time.h>

uint64_t xen_wallclock_ns(void)
{
	volatile struct shared_info *s = xen_shared_info;
	uint32_t version;
	uint64_t sec, nsec;

	do {
		version = s->wc_version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		sec = s->wc_sec | (uint64_t)s->xen_wc_sec_hi << 32;
		nsec = s->wc_nsec;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != s->wc_version);
	return sec * 1000000000ull + nsec + xen_monotonic_ns();
}
