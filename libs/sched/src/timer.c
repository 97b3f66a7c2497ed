/* Timers: a pairing heap (Fredman, Sedgewick, Sleator and Tarjan, 1986) of
 * the pending timers, ordered by (deadline, start stamp), so that equal
 * deadlines fire in start order. Its links live in the callers' structs:
 * nothing to allocate or size, however many timers there are.
 *
 * Costs, n pending timers: starting is O(1), stopping and taking the
 * earliest O(log n) amortised. Re-arming a pending timer for later (tcp's
 * timers per segment, http's idle timer per event) is O(1) too: the timer
 * stays where it is in the heap under its old key, which is earlier than
 * its new one, and is put in its right place only if that old key comes to
 * the top (earliest()). So a heap key is never later than the timer's
 * deadline and stamp, and the top is right once its key is its own.
 *
 * Links: child is the first child, next the next sibling, prev the
 * previous sibling or, for a first child, the parent; the root has neither
 * prev nor next. */
#include <stddef.h>

#include "loop.h"

static struct sched_timer *root;
/* Stamps each start, so that equal deadlines fire in start order and a
 * batch of due timers can leave alone the ones its own callbacks started. */
static uint64_t starts;

static bool key_before(const struct sched_timer *a, const struct sched_timer *b)
{
	return a->key_deadline < b->key_deadline ||
	       (a->key_deadline == b->key_deadline && a->key_seq < b->key_seq);
}

/* Two heaps (roots, or NULL) into one: the later root becomes the first
 * child of the earlier. */
static struct sched_timer *meld(struct sched_timer *a, struct sched_timer *b)
{
	struct sched_timer *c;

	if (!a)
		return b;
	if (!b)
		return a;
	if (key_before(b, a)) {
		c = a;
		a = b;
		b = c;
	}
	b->prev = a;
	b->next = a->child;
	if (a->child)
		a->child->prev = b;
	a->child = b;
	return a;
}

/* A list of siblings into one heap: meld them in pairs left to right, then
 * the pairs right to left (the two passes that make the bounds hold).
 * Iterative: a list may be as long as the number of timers. */
static struct sched_timer *merge_pairs(struct sched_timer *first)
{
	struct sched_timer *pairs = NULL, *heap = NULL, *a, *b;

	while (first) {
		a = first;
		b = a->next;
		first = b ? b->next : NULL;
		a->prev = a->next = NULL;
		if (b) {
			b->prev = b->next = NULL;
			a = meld(a, b);
		}
		a->next = pairs; /* a stack of the melded pairs */
		pairs = a;
	}
	while (pairs) {
		a = pairs;
		pairs = a->next;
		a->next = NULL;
		heap = meld(heap, a);
	}
	return heap;
}

/* Takes t, with its subtree, out of its parent's list of children. */
static void cut(struct sched_timer *t)
{
	if (t->prev->child == t)
		t->prev->child = t->next;
	else
		t->prev->next = t->next;
	if (t->next)
		t->next->prev = t->prev;
	t->prev = t->next = NULL;
}

static void heap_remove(struct sched_timer *t)
{
	struct sched_timer *kids = t->child;

	if (t == root)
		root = NULL;
	else
		cut(t);
	t->child = NULL;
	root = meld(root, merge_pairs(kids));
}

/* The pending timer that fires first, or NULL: the top, once every timer
 * that came to the top under a stale key (an earlier start's) has been put
 * in its place. A key is stale exactly when its stamp is not the timer's. */
static struct sched_timer *earliest(void)
{
	struct sched_timer *t;

	while ((t = root) && t->key_seq != t->seq) {
		root = merge_pairs(t->child);
		t->child = NULL;
		t->key_deadline = t->deadline;
		t->key_seq = t->seq;
		root = meld(root, t);
	}
	return t;
}

void sched_timer_stop(struct sched_timer *t)
{
	if (!t->pending)
		return;
	heap_remove(t);
	t->pending = false;
	sched_counters.timers_pending--;
}

void sched_timer_start(struct sched_timer *t, uint64_t deadline_ns, sched_fn fn, void *arg)
{
	t->deadline = deadline_ns;
	t->seq = ++starts;
	t->fn = fn;
	t->arg = arg;
	if (t->pending) {
		/* Not earlier than its key (a later stamp breaks the tie): it
		 * waits where it is (see earliest()). */
		if (deadline_ns >= t->key_deadline)
			return;
		/* Earlier: its subtree stays a heap under the smaller key. */
		t->key_deadline = deadline_ns;
		t->key_seq = t->seq;
		if (t != root) {
			cut(t);
			root = meld(root, t);
		}
		return;
	}
	t->key_deadline = deadline_ns;
	t->key_seq = t->seq;
	t->child = t->prev = t->next = NULL;
	root = meld(root, t);
	t->pending = true;
	sched_counters.timers_pending++;
}

bool sched_timer_pending(const struct sched_timer *t)
{
	return t->pending;
}

uint64_t sched_next_deadline(void)
{
	struct sched_timer *t = earliest();

	return t ? t->deadline : SCHED_FOREVER;
}

void sched_fire_due_timers(uint64_t now)
{
	uint64_t batch = starts;
	struct sched_timer *t;

	/* A callback that starts a timer for a time already past must not make
	 * this loop run forever: such a timer waits for the next turn (which
	 * does not block, since it is due). Stopping one that is due in this
	 * batch takes it out of the heap, so it does not fire. */
	while ((t = earliest()) && t->deadline <= now && t->seq <= batch) {
		sched_timer_stop(t);
		sched_counters.timers_fired++;
		t->fn(t->arg);
	}
}
