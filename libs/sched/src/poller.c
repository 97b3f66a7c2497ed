/* Pollers: the drivers' drain functions, called on every turn. */
#include <stddef.h>

#include "loop.h"

static struct sched_poller *first;

void sched_poller_add(struct sched_poller *p, sched_poll_fn fn, void *arg)
{
	struct sched_poller **at = &first;

	if (p->added)
		return;
	p->fn = fn;
	p->arg = arg;
	p->next = NULL;
	while (*at)
		at = &(*at)->next;
	*at = p;
	p->added = true;
}

void sched_poller_remove(struct sched_poller *p)
{
	struct sched_poller **at = &first;

	if (!p->added)
		return;
	while (*at && *at != p)
		at = &(*at)->next;
	if (*at)
		*at = p->next;
	/* p->next stays valid so that a walk standing on p goes on */
	p->added = false;
}

bool sched_poll_all(void)
{
	struct sched_poller *p = first, *next;
	bool more = false;

	while (p) {
		next = p->next;
		sched_counters.polls++;
		if (p->fn(p->arg))
			more = true;
		p = next;
	}
	return more;
}
