/* sched over a fake platform: a clock that moves only when the loop blocks
 * (to the deadline, or to the next fake device event), so the order of
 * callbacks and the number of blocks are exact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sched/sched.h>
#include <uk/plat.h>

#define MS SCHED_NS_PER_MS

static uint64_t now, event_at = SCHED_FOREVER, blocked_until;
static int device_ready;

uint64_t plat_monotonic_ns(void)
{
	return now;
}

void plat_block_until(uint64_t deadline_ns)
{
	/* blocking forever with nothing to come would hang the test */
	assert_true(deadline_ns != SCHED_FOREVER || event_at != SCHED_FOREVER);
	blocked_until = deadline_ns;
	if (event_at < deadline_ns) {
		now = event_at;
		event_at = SCHED_FOREVER;
		device_ready++;
		return;
	}
	now = deadline_ns;
}

static char trace[64];
static int ntrace;

static void mark(void *arg)
{
	trace[ntrace++] = *(const char *)arg;
	trace[ntrace] = '\0';
}

static int reset(void **state)
{
	(void)state;
	ntrace = 0;
	trace[0] = '\0';
	event_at = SCHED_FOREVER;
	device_ready = 0;
	return 0;
}

static struct sched_stats stats_now(void)
{
	struct sched_stats s;

	sched_stats(&s);
	return s;
}

static void test_order_and_ties(void **state)
{
	static struct sched_timer a, b, c, d;
	static const char ca = 'a', cb = 'b', cc = 'c', cd = 'd';
	struct sched_stats before = stats_now();

	(void)state;
	now = 1000 * MS;
	sched_timer_start(&a, now + 30 * MS, mark, (void *)&ca);
	sched_timer_start(&b, now + 10 * MS, mark, (void *)&cb);
	sched_timer_start(&c, now + 30 * MS, mark, (void *)&cc);
	sched_timer_start(&d, now + 20 * MS, mark, (void *)&cd);
	assert_true(sched_timer_pending(&a));
	assert_int_equal(stats_now().timers_pending, 4);
	sched_run_for(100 * MS);
	assert_string_equal(trace, "bdac");
	assert_int_equal(now, 1100 * MS);
	assert_false(sched_timer_pending(&a));
	/* one block per distinct deadline, and one to the run's end */
	assert_int_equal(stats_now().blocks - before.blocks, 4);
	assert_int_equal(stats_now().timers_fired - before.timers_fired, 4);
	assert_int_equal(stats_now().timers_pending, 0);
}

static struct sched_timer victim, killer;
static const char cv = 'v', ck = 'k';

static void kill_victim(void *arg)
{
	mark(arg);
	sched_timer_stop(&victim);
}

static void test_stop(void **state)
{
	(void)state;
	now = 0;
	/* stopped before it is due */
	sched_timer_start(&victim, 10 * MS, mark, (void *)&cv);
	sched_timer_stop(&victim);
	sched_timer_stop(&victim); /* twice is harmless */
	sched_run_for(20 * MS);
	assert_string_equal(trace, "");
	/* stopped by a callback of the same batch: both were due */
	sched_timer_start(&killer, now + 5 * MS, kill_victim, (void *)&ck);
	sched_timer_start(&victim, now + 5 * MS, mark, (void *)&cv);
	sched_run_for(10 * MS);
	assert_string_equal(trace, "k");
	/* re-arming a pending timer moves it */
	sched_timer_start(&victim, now + 5 * MS, mark, (void *)&cv);
	sched_timer_start(&victim, now + 50 * MS, mark, (void *)&cv);
	sched_run_for(10 * MS);
	assert_string_equal(trace, "k");
	sched_run_for(50 * MS);
	assert_string_equal(trace, "kv");
}

static struct sched_timer tick;
static int ticks;

static void on_tick(void *arg)
{
	(void)arg;
	ticks++;
	assert_false(sched_timer_pending(&tick));
	sched_timer_start(&tick, now + 100 * MS, on_tick, NULL);
}

static void test_periodic_is_idle(void **state)
{
	struct sched_stats before = stats_now();

	(void)state;
	now = 0;
	ticks = 0;
	sched_timer_start(&tick, 100 * MS, on_tick, NULL);
	sched_run_for(1000 * MS);
	sched_timer_stop(&tick);
	assert_int_equal(ticks, 10);
	/* one block per tick: the loop never spins */
	assert_int_equal(stats_now().blocks - before.blocks, 10);
}

static struct sched_timer eager;
static int eager_runs;

static void restart_in_past(void *arg)
{
	(void)arg;
	if (++eager_runs < 5)
		sched_timer_start(&eager, 0, restart_in_past, NULL);
}

static void test_past_deadline_in_callback(void **state)
{
	struct sched_stats before = stats_now();

	(void)state;
	now = 500 * MS;
	eager_runs = 0;
	sched_timer_start(&eager, 0, restart_in_past, NULL);
	sched_poll();
	/* one per turn, not all at once in a loop that never ends */
	assert_int_equal(eager_runs, 1);
	sched_run_for(1 * MS);
	assert_int_equal(eager_runs, 5);
	/* it went on without blocking, then blocked once to the run's end */
	assert_int_equal(stats_now().blocks - before.blocks, 1);
}

static bool done;
static struct sched_timer finisher;

static void finish(void *arg)
{
	(void)arg;
	done = true;
}

static void test_run_until_done_or_deadline(void **state)
{
	(void)state;
	now = 0;
	done = false;
	sched_timer_start(&finisher, 30 * MS, finish, NULL);
	assert_true(sched_run(&done, 100 * MS));
	assert_int_equal(now, 30 * MS);
	done = false;
	sched_timer_start(&finisher, 300 * MS, finish, NULL);
	assert_false(sched_run(&done, 100 * MS));
	assert_int_equal(now, 100 * MS);
	sched_run_until(&done);
	assert_true(done);
	assert_int_equal(now, 300 * MS);
	/* a deadline already past still makes one turn */
	assert_false(sched_run(NULL, 0));
}

/* A fake device: its poller drains what the platform signalled, at most
 * budget events per call. */
static struct sched_poller device;
static int drained, budget = 1000, backlog;

static bool poll_device(void *arg)
{
	int n = 0;

	(void)arg;
	backlog += device_ready;
	device_ready = 0;
	while (backlog && n < budget) {
		backlog--;
		drained++;
		n++;
	}
	return backlog > 0;
}

static void test_poller_after_wakeup(void **state)
{
	struct sched_stats before = stats_now();

	(void)state;
	now = 0;
	drained = 0;
	sched_poller_add(&device, poll_device, NULL);
	sched_poller_add(&device, poll_device, NULL); /* once only */
	event_at = 40 * MS;
	sched_run_for(100 * MS);
	assert_int_equal(drained, 1);
	/* woken at 40 ms, then blocked again to the end */
	assert_int_equal(stats_now().blocks - before.blocks, 2);
	assert_int_equal(blocked_until, 100 * MS);
	/* a budget that runs out keeps the loop turning without blocking */
	before = stats_now();
	budget = 3;
	backlog = 10;
	sched_run_for(100 * MS);
	assert_int_equal(drained, 11);
	assert_int_equal(backlog, 0);
	assert_int_equal(stats_now().blocks - before.blocks, 1);
	budget = 1000;
	sched_poller_remove(&device);
	sched_poller_remove(&device);
	backlog = 1;
	sched_run_for(10 * MS);
	assert_int_equal(drained, 11);
	backlog = 0;
}

static struct sched_poller once_a, once_b;
static int calls_a, calls_b;

static bool remove_self(void *arg)
{
	(void)arg;
	calls_a++;
	sched_poller_remove(&once_a);
	return false;
}

static bool count_b(void *arg)
{
	(void)arg;
	calls_b++;
	return false;
}

static void test_poller_removes_itself(void **state)
{
	(void)state;
	now = 0;
	sched_poller_add(&once_a, remove_self, NULL);
	sched_poller_add(&once_b, count_b, NULL);
	sched_poll();
	sched_poll();
	assert_int_equal(calls_a, 1);
	/* the walk went on past the removed poller */
	assert_int_equal(calls_b, 2);
	sched_poller_remove(&once_b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_order_and_ties, reset),
	    cmocka_unit_test_setup(test_stop, reset),
	    cmocka_unit_test_setup(test_periodic_is_idle, reset),
	    cmocka_unit_test_setup(test_past_deadline_in_callback, reset),
	    cmocka_unit_test_setup(test_run_until_done_or_deadline, reset),
	    cmocka_unit_test_setup(test_poller_after_wakeup, reset),
	    cmocka_unit_test_setup(test_poller_removes_itself, reset),
	};

	return cmocka_run_group_tests_name("sched", tests, NULL, NULL);
}
