/* Timers: one list of pending timers sorted by deadline (ties in start
 * order). Starting is a walk of the list, stopping is O(1); the loop only
 * ever looks at the head. */
#include <stddef.h>

#include "loop.h"

static struct sched_timer *head;
/* Stamps each start, so that a batch of due timers can leave alone the
 * ones its own callbacks started. */
static uint64_t starts;

void sched_timer_stop(struct sched_timer *t)
{
	if (!t->pending)
		return;
	if (t->prev)
		t->prev->next = t->next;
	else
		head = t->next;
	if (t->next)
		t->next->prev = t->prev;
	t->prev = t->next = NULL;
	t->pending = false;
	sched_counters.timers_pending--;
}

void sched_timer_start(struct sched_timer *t, uint64_t deadline_ns, sched_fn fn, void *arg)
{
	struct sched_timer *at, *before = NULL;

	sched_timer_stop(t);
	at = head;
	t->deadline = deadline_ns;
	t->seq = ++starts;
	t->fn = fn;
	t->arg = arg;
	while (at && at->deadline <= deadline_ns) {
		before = at;
		at = at->next;
	}
	t->prev = before;
	t->next = at;
	if (before)
		before->next = t;
	else
		head = t;
	if (at)
		at->prev = t;
	t->pending = true;
	sched_counters.timers_pending++;
}

bool sched_timer_pending(const struct sched_timer *t)
{
	return t->pending;
}

uint64_t sched_next_deadline(void)
{
	return head ? head->deadline : SCHED_FOREVER;
}

void sched_fire_due_timers(uint64_t now)
{
	uint64_t batch = starts;
	struct sched_timer *t;

	/* A callback that starts a timer for a time already past must not make
	 * this loop run forever: such a timer waits for the next turn (which
	 * does not block, since it is due). Stopping one that is due in this
	 * batch takes it out of the list, so it does not fire. */
	while ((t = head) && t->deadline <= now && t->seq <= batch) {
		sched_timer_stop(t);
		sched_counters.timers_fired++;
		t->fn(t->arg);
	}
}
