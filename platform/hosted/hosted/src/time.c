/* Time on hosted: the kernel's CLOCK_MONOTONIC and CLOCK_REALTIME.
 * Blocking until a deadline is in block.c, with the watched fds. */
#include <uk/plat.h>

#include <hosted/syscall.h>

struct hosted_timespec {
	long tv_sec;
	long tv_nsec;
};

uint64_t plat_monotonic_ns(void)
{
	struct hosted_timespec ts = {0, 0};

	sys_call2(SYS_clock_gettime, HOSTED_CLOCK_MONOTONIC, (long)&ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t plat_wallclock_ns(void)
{
	struct hosted_timespec ts = {0, 0};

	sys_call2(SYS_clock_gettime, HOSTED_CLOCK_REALTIME, (long)&ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
