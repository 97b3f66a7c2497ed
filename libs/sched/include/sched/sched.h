/* The sched module's contract: the one cooperative event loop of a uk
 * image. The network stack, its drivers and the app are callbacks on it. */
#ifndef SCHED_SCHED_H
#define SCHED_SCHED_H

#include <stdbool.h>
#include <stdint.h>

#include <uk/counters.h>

/*
 * A uk image has one thread of control. Work happens in callbacks that the
 * loop calls: timer callbacks when their deadline has passed, and pollers
 * (registered by device drivers) after every wakeup, which drain their
 * device and so call the protocol stack, which calls the app's receive
 * callbacks. A callback runs to completion; it must not block, and it may
 * start and stop timers, send packets, and set the flag a run waits for.
 *
 * The loop never busy-waits: when no timer is due and no poller has work
 * left, it calls plat_block_until(min(next timer, the run's deadline)),
 * which idles the CPU until a device event or the deadline (ppoll on
 * hosted, an event channel or the one-shot timer on Xen).
 *
 * Times are the platform's monotonic nanoseconds (plat_monotonic_ns, the
 * same clock as time_monotonic_ns). Nothing here allocates: timers and
 * pollers live in the caller's memory, which must stay valid while they
 * are started or added. Not reentrant: never run the loop from a callback.
 */

#define SCHED_NS_PER_MS 1000000ull
#define SCHED_NS_PER_S	1000000000ull
/* A deadline that never comes. */
#define SCHED_FOREVER UINT64_MAX

typedef void (*sched_fn)(void *arg);

/* A one-shot timer. Zero-initialise it (or let it be static); fields are
 * private to sched. */
struct sched_timer {
	uint64_t deadline, seq;		/* when, and its start's stamp */
	uint64_t key_deadline, key_seq; /* its place in the heap: never later */
	sched_fn fn;
	void *arg;
	struct sched_timer *child, *next, *prev;
	bool pending;
};

/* Arms t to call fn(arg) once, from the loop, when the monotonic clock has
 * reached deadline_ns (at once, on the loop's next turn, if it already
 * has). A pending timer is re-armed with the new values. Timers with the
 * same deadline fire in the order they were started. A periodic timer is
 * one whose callback starts it again. O(1): the work is done when the
 * timer comes to the top of the heap (O(log n) amortised, n pending). */
void sched_timer_start(struct sched_timer *t, uint64_t deadline_ns, sched_fn fn, void *arg);

/* Disarms t; its callback will not run. Stopping a timer that is not
 * pending (never started, fired, stopped) does nothing. O(log n)
 * amortised. */
void sched_timer_stop(struct sched_timer *t);

/* True from sched_timer_start until the callback is called or the timer is
 * stopped (so false inside its own callback). */
bool sched_timer_pending(const struct sched_timer *t);

/* The loop's clock: plat_monotonic_ns(). */
uint64_t sched_now_ns(void);

/* A poller: fn(arg) is called on every turn of the loop, after every
 * wakeup. It drains its device without blocking and returns true when it
 * stopped with work left (a budget ran out), in which case the loop turns
 * again without blocking. Fields are private to sched. */
typedef bool (*sched_poll_fn)(void *arg);

struct sched_poller {
	sched_poll_fn fn;
	void *arg;
	struct sched_poller *next;
	bool added;
};

/* Adds p (once; adding it again does nothing). Pollers are called in the
 * order they were added. */
void sched_poller_add(struct sched_poller *p, sched_poll_fn fn, void *arg);
/* Removes p; may be called from any callback, p's own included. */
void sched_poller_remove(struct sched_poller *p);

/* Runs the loop until *done is true or the monotonic clock reaches
 * deadline_ns. done may be NULL (run to the deadline). *done is checked
 * after each turn, so a callback ends the run by setting it. Returns true
 * when *done ended the run, false when the deadline did. */
bool sched_run(const bool *done, uint64_t deadline_ns);

/* sched_run(done, SCHED_FOREVER): the usual main loop of a server. */
void sched_run_until(const bool *done);

/* sched_run(NULL, now + ns): handles everything that happens in the next
 * ns nanoseconds, then returns. */
void sched_run_for(uint64_t ns);

/* One turn without blocking: calls the pollers and the due timers. */
void sched_poll(void);

struct sched_stats {
	uint64_t turns;	       /* turns of the loop */
	uint64_t blocks;       /* calls of plat_block_until: how idle the loop is */
	uint64_t timers_fired; /* timer callbacks called */
	uint64_t polls;	       /* poller calls */
	uint64_t timers_pending;
};

/* Fills *out with the loop's counters since boot. */
void sched_stats(struct sched_stats *out);

/* The counters of struct sched_stats by name, for printing and comparing
 * them in one loop (uk/counters.h). */
extern const struct uk_counter_table sched_counter_table;

#endif
