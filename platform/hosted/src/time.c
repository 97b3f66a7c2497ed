/* Time on hosted: the kernel's CLOCK_MONOTONIC and CLOCK_REALTIME, and
 * sleeping in clock_nanosleep until an absolute deadline. */
#include <uk/plat.h>

#include "syscall.h"

struct hosted_timespec {
	long tv_sec;
	long tv_nsec;
};

uint64_t plat_monotonic_ns(void)
{
	struct hosted_timespec ts = { 0, 0 };

	sys_call2(SYS_clock_gettime, HOSTED_CLOCK_MONOTONIC, (long)&ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t plat_wallclock_ns(void)
{
	struct hosted_timespec ts = { 0, 0 };

	sys_call2(SYS_clock_gettime, HOSTED_CLOCK_REALTIME, (long)&ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* No events on hosted yet (TAP devices will add a poll): sleep to the deadline. */
void plat_block_until(uint64_t deadline_ns)
{
	struct hosted_timespec ts = { (long)(deadline_ns / 1000000000u),
				      (long)(deadline_ns % 1000000000u) };

	sys_call4(SYS_clock_nanosleep, HOSTED_CLOCK_MONOTONIC, HOSTED_TIMER_ABSTIME, (long)&ts, 0);
}
