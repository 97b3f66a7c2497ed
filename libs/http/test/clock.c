/* The wall clock of http's tests (the net harness has the monotonic one):
 * settable, 0 meaning none. */
#include <uk/plat.h>

#include "clock.h"

uint64_t test_wallclock_ns;

uint64_t plat_wallclock_ns(void)
{
	return test_wallclock_ns;
}
