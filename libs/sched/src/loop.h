/* Private to sched: what the loop (run.c) needs from the timer list
 * (timer.c) and the pollers (poller.c). */
#ifndef SCHED_LOOP_H
#define SCHED_LOOP_H

#include <sched/sched.h>

/* Calls every timer whose deadline is at or before now; timers that their
 * callbacks start for a time already past wait for the next turn. */
void sched_fire_due_timers(uint64_t now);
/* The earliest pending deadline, or SCHED_FOREVER. */
uint64_t sched_next_deadline(void);
/* Calls every poller once; true when one of them left work. */
bool sched_poll_all(void);

extern struct sched_stats sched_counters;

#endif
