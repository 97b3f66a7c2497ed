/* The loop itself: poll the devices, fire the due timers, and block until
 * the next timer, the run's deadline or a device event. */
#include <uk/plat.h>

#include "loop.h"

struct sched_stats sched_counters;

uint64_t sched_now_ns(void)
{
	return plat_monotonic_ns();
}

/* One turn; true when the caller may block afterwards (no work left). */
static bool turn(void)
{
	bool more;

	sched_counters.turns++;
	more = sched_poll_all();
	sched_fire_due_timers(plat_monotonic_ns());
	return !more;
}

bool sched_run(const bool *done, uint64_t deadline_ns)
{
	for (;;) {
		bool idle = turn();
		uint64_t now, next;

		if (done && *done)
			return true;
		now = plat_monotonic_ns();
		if (now >= deadline_ns)
			return false;
		if (!idle)
			continue;
		next = sched_next_deadline();
		if (next > deadline_ns)
			next = deadline_ns;
		if (next > now) {
			sched_counters.blocks++;
			plat_block_until(next);
		}
	}
}

void sched_run_until(const bool *done)
{
	sched_run(done, SCHED_FOREVER);
}

void sched_run_for(uint64_t ns)
{
	uint64_t now = plat_monotonic_ns();

	sched_run(NULL, ns > SCHED_FOREVER - now ? SCHED_FOREVER : now + ns);
}

void sched_poll(void)
{
	turn();
}

void sched_stats(struct sched_stats *out)
{
	*out = sched_counters;
}
