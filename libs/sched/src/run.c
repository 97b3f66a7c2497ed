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

/* struct sched_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct sched_stats, turns),
    UK_COUNTER(struct sched_stats, blocks),
    UK_COUNTER(struct sched_stats, timers_fired),
    UK_COUNTER(struct sched_stats, polls),
    UK_COUNTER_GAUGE(struct sched_stats, timers_pending),
};

const struct uk_counter_table sched_counter_table =
    UK_COUNTER_TABLE("sched", struct sched_stats, counter_descs);
