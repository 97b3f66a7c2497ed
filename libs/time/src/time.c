/* Clocks and idle sleeps over the platform interface. */
#include <time/time.h>
#include <uk/plat.h>

static uint64_t wakeups;

uint64_t time_monotonic_ns(void)
{
	return plat_monotonic_ns();
}

uint64_t time_wallclock_ns(void)
{
	return plat_wallclock_ns();
}

void time_sleep_until(uint64_t deadline_ns)
{
	/* The platform may return early (an event): sleep again until due. */
	while (plat_monotonic_ns() < deadline_ns) {
		plat_block_until(deadline_ns);
		wakeups++;
	}
}

void time_sleep_ns(uint64_t ns)
{
	time_sleep_until(plat_monotonic_ns() + ns);
}

uint64_t time_wakeups(void)
{
	return wakeups;
}
