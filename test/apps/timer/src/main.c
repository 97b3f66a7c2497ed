/* Sleeps 200 ms three times and reports what the monotonic clock says of
 * each sleep, and how many times sleeping woke up (idle, not spinning). */
#include <stdio.h>
#include <time/time.h>

int main(void)
{
	uint64_t total = 0, wakeups = time_wakeups();
	int i;

	for (i = 0; i < 3; i++) {
		uint64_t t0 = time_monotonic_ns(), dt;

		time_sleep_ns(200 * TIME_NS_PER_MS);
		dt = time_monotonic_ns() - t0;
		total += dt;
		printf("sleep %d: %llu us\n", i, (unsigned long long)(dt / 1000));
	}
	printf("total %llu us, wakeups %llu, wall clock %llu s\n",
	       (unsigned long long)(total / 1000), (unsigned long long)(time_wakeups() - wakeups),
	       (unsigned long long)(time_wallclock_ns() / TIME_NS_PER_S));
	return 0;
}
