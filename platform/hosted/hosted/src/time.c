/* Time on hosted: the kernel's CLOCK_MONOTONIC and CLOCK_REALTIME, read
 * through the vDSO's clock_gettime when the kernel gives one (no system
 * call: the loop reads the clock several times per frame), else by the
 * system call. Blocking until a deadline is in block.c, with the watched
 * fds. */
#include <uk/plat.h>

#include <hosted/syscall.h>

#include "vdso.h"

/* Set by hosted_vdso_init (vdso.c) when the kernel gives a vDSO. */
hosted_clock_gettime_fn hosted_vdso_clock_gettime;

static uint64_t read_clock(long clock)
{
	struct hosted_timespec ts = {0, 0};

	if (!hosted_vdso_clock_gettime || hosted_vdso_clock_gettime(clock, &ts) != 0)
		sys_call2(SYS_clock_gettime, clock, (long)&ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t plat_monotonic_ns(void)
{
	return read_clock(HOSTED_CLOCK_MONOTONIC);
}

uint64_t plat_wallclock_ns(void)
{
	return read_clock(HOSTED_CLOCK_REALTIME);
}
