/* sched's timer heap against a reference model: random starts, re-arms,
 * stops and turns of the loop (with callbacks that start and stop timers)
 * must fire the same timers in the same order as a plain array scanned for
 * the smallest (deadline, start order); then the cases by name: FIFO on
 * equal deadlines, stopping from a callback, 10,000 timers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sched/sched.h>
#include <uk/plat.h>

#include "loop.h"

static uint64_t now;

uint64_t plat_monotonic_ns(void)
{
	return now;
}

void plat_block_until(uint64_t deadline_ns)
{
	assert_true(deadline_ns != SCHED_FOREVER);
	now = deadline_ns;
}

static uint64_t rng = 88172645463325252ull;

static uint64_t rnd(uint64_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng % n;
}

/* The model: timer i's state as a plain array, and what i's callback does
 * when it fires (chosen at its start), done alike on both sides. */
#define N   64
#define LOG 4096

enum action { NOTHING, RESTART_SELF, STOP_OTHER, START_OTHER, STOP_SELF_AFTER_RESTART };

static struct sched_timer timers[N];
static struct {
	bool pending;
	uint64_t deadline, seq;
	enum action action;
	int other;
	uint64_t at;
} model[N];
static uint64_t model_starts;
static int real_log[LOG], model_log[LOG], nreal, nmodel;

static void on_fire(void *arg);

static void start_both(int i, uint64_t deadline, bool real)
{
	if (real) {
		sched_timer_start(&timers[i], deadline, on_fire, (void *)(intptr_t)i);
		return;
	}
	model[i].pending = true;
	model[i].deadline = deadline;
	model[i].seq = ++model_starts;
}

static void stop_both(int i, bool real)
{
	if (real)
		sched_timer_stop(&timers[i]);
	else
		model[i].pending = false;
}

static void act(int i, bool real)
{
	switch (model[i].action) {
	case NOTHING:
		break;
	case RESTART_SELF:
		start_both(i, model[i].at, real);
		break;
	case STOP_OTHER:
		stop_both(model[i].other, real);
		break;
	case START_OTHER:
		start_both(model[i].other, model[i].at, real);
		break;
	case STOP_SELF_AFTER_RESTART:
		start_both(i, model[i].at, real);
		stop_both(i, real);
		break;
	}
}

static void on_fire(void *arg)
{
	int i = (int)(intptr_t)arg;

	assert_false(sched_timer_pending(&timers[i]));
	assert_true(nreal < LOG);
	real_log[nreal++] = i;
	act(i, true);
}

/* The model's turn: the smallest (deadline, start) among the pending, while
 * it is due and was started before the turn. */
static int model_earliest(void)
{
	int best = -1;

	for (int i = 0; i < N; i++)
		if (model[i].pending &&
		    (best < 0 || model[i].deadline < model[best].deadline ||
		     (model[i].deadline == model[best].deadline && model[i].seq < model[best].seq)))
			best = i;
	return best;
}

static void model_turn(void)
{
	uint64_t batch = model_starts;
	int i;

	while ((i = model_earliest()) >= 0 && model[i].deadline <= now && model[i].seq <= batch) {
		model[i].pending = false;
		assert_true(nmodel < LOG);
		model_log[nmodel++] = i;
		act(i, false);
	}
}

static void check_same(void)
{
	struct sched_stats s;
	uint64_t count = 0;
	int e = model_earliest();

	assert_int_equal(nreal, nmodel);
	assert_memory_equal(real_log, model_log, (size_t)nreal * sizeof(int));
	for (int i = 0; i < N; i++) {
		assert_int_equal(sched_timer_pending(&timers[i]), model[i].pending);
		count += model[i].pending;
	}
	sched_stats(&s);
	assert_int_equal(s.timers_pending, count);
	assert_int_equal(sched_next_deadline(), e < 0 ? SCHED_FOREVER : model[e].deadline);
}

/* A deadline near now: some past, many alike (range small) or spread. */
static uint64_t some_deadline(uint64_t range)
{
	return now - 20 + rnd(range);
}

static void random_run(uint64_t seed, uint64_t range, int steps)
{
	rng = seed;
	for (int step = 0; step < steps; step++) {
		int i = (int)rnd(N);
		uint64_t op = rnd(100);

		nreal = nmodel = 0;
		if (op < 45) {
			model[i].action = (enum action)rnd(5);
			model[i].other = (int)rnd(N);
			model[i].at = some_deadline(range);
			uint64_t d = some_deadline(range);
			start_both(i, d, true);
			start_both(i, d, false);
		} else if (op < 60) {
			stop_both(i, true);
			stop_both(i, false);
		} else {
			now += rnd(range / 2 + 1);
			sched_poll();
			model_turn();
		}
		check_same();
	}
	for (int i = 0; i < N; i++) {
		stop_both(i, true);
		stop_both(i, false);
	}
	check_same();
}

static void test_random_against_model(void **state)
{
	(void)state;
	now = 1000000;
	/* many ties, then spread deadlines, then very far apart */
	random_run(1, 40, 20000);
	random_run(2, 400, 20000);
	random_run(3, 1000000, 20000);
	random_run(4, 4, 20000);
}

static char trace[256];
static int ntrace;

static void mark(void *arg)
{
	trace[ntrace++] = *(const char *)arg;
	trace[ntrace] = '\0';
}

static void test_fifo_on_equal_deadlines(void **state)
{
	static struct sched_timer t[8];
	static const char names[] = "abcdefgh";
	static const int order[] = {3, 0, 7, 5, 1, 6, 2, 4};

	(void)state;
	now = 0;
	ntrace = 0;
	trace[0] = '\0';
	for (int k = 0; k < 8; k++)
		sched_timer_start(&t[order[k]], 10, mark, (void *)&names[order[k]]);
	/* re-armed to the same time: to the end of the ties, in re-arm order;
	 * a later one and back again: the same */
	sched_timer_start(&t[0], 10, mark, (void *)&names[0]);
	sched_timer_start(&t[5], 20, mark, (void *)&names[5]);
	sched_timer_start(&t[5], 10, mark, (void *)&names[5]);
	/* earlier than the rest: first */
	sched_timer_start(&t[2], 5, mark, (void *)&names[2]);
	sched_run_for(100);
	assert_string_equal(trace, "cdhbgeaf");
}

static struct sched_timer self_stopper, other;
static const char cs = 's', co = 'o';
static int self_runs;

static void stop_myself(void *arg)
{
	mark(arg);
	self_runs++;
	/* not pending inside its own callback: stopping does nothing */
	assert_false(sched_timer_pending(&self_stopper));
	sched_timer_stop(&self_stopper);
	/* restarted, then stopped again: it must not fire (due or not) */
	sched_timer_start(&self_stopper, 0, stop_myself, arg);
	assert_true(sched_timer_pending(&self_stopper));
	sched_timer_stop(&self_stopper);
	sched_timer_start(&self_stopper, now + 1000, stop_myself, arg);
	sched_timer_stop(&self_stopper);
	/* and the one after it, due in the same batch, stopped too */
	sched_timer_stop(&other);
}

static void test_stop_in_callback(void **state)
{
	struct sched_stats before, after;

	(void)state;
	now = 0;
	ntrace = 0;
	trace[0] = '\0';
	self_runs = 0;
	sched_stats(&before);
	sched_timer_start(&self_stopper, 10, stop_myself, (void *)&cs);
	sched_timer_start(&other, 10, mark, (void *)&co);
	sched_run_for(10000);
	assert_string_equal(trace, "s");
	assert_int_equal(self_runs, 1);
	sched_stats(&after);
	assert_int_equal(after.timers_pending, before.timers_pending);
	assert_int_equal(sched_next_deadline(), SCHED_FOREVER);
}

#define MANY 10000

static struct sched_timer many[MANY];
static uint64_t many_deadline[MANY], many_order[MANY], last_deadline, last_order;
static uint64_t order_now;
static int many_fired;

static void many_fire(void *arg)
{
	int i = (int)(intptr_t)arg;

	/* in (deadline, last start) order */
	assert_int_equal(now >= many_deadline[i], true);
	assert_true(many_deadline[i] > last_deadline ||
		    (many_deadline[i] == last_deadline && many_order[i] > last_order));
	last_deadline = many_deadline[i];
	last_order = many_order[i];
	many_fired++;
}

static void many_start(int i, uint64_t deadline)
{
	many_deadline[i] = deadline;
	many_order[i] = ++order_now;
	sched_timer_start(&many[i], deadline, many_fire, (void *)(intptr_t)i);
}

static void test_ten_thousand_timers(void **state)
{
	struct sched_stats s;

	(void)state;
	now = 0;
	rng = 7;
	last_deadline = 0;
	last_order = 0;
	many_fired = 0;
	for (int i = 0; i < MANY; i++)
		many_start(i, 10000 + rnd(100000));
	/* re-armed, mostly later (like tcp's and http's timers), some earlier */
	for (int round = 0; round < 5; round++)
		for (int i = 0; i < MANY; i++)
			many_start(i, many_deadline[i] + rnd(1000) - (rnd(10) ? 0 : 500));
	for (int i = 0; i < MANY; i += 4)
		sched_timer_stop(&many[i]);
	sched_stats(&s);
	assert_int_equal(s.timers_pending, MANY - MANY / 4);
	sched_run_for(200000);
	assert_int_equal(many_fired, MANY - MANY / 4);
	sched_stats(&s);
	assert_int_equal(s.timers_pending, 0);
	for (int i = 0; i < MANY; i++)
		assert_false(sched_timer_pending(&many[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_random_against_model),
	    cmocka_unit_test(test_fifo_on_equal_deadlines),
	    cmocka_unit_test(test_stop_in_callback),
	    cmocka_unit_test(test_ten_thousand_timers),
	};

	return cmocka_run_group_tests_name("sched timers", tests, NULL, NULL);
}
