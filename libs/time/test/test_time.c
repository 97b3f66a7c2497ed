/* time over a fake platform: a clock that moves only when the module
 * blocks, and a platform that wakes early when told to. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <time/time.h>
#include <uk/plat.h>

static uint64_t now, early_wakeups;

uint64_t plat_monotonic_ns(void)
{
	return now;
}

uint64_t plat_wallclock_ns(void)
{
	return 1700000000ull * TIME_NS_PER_S + now;
}

void plat_block_until(uint64_t deadline_ns)
{
	/* An event cuts the first sleeps short, halfway. */
	if (early_wakeups) {
		early_wakeups--;
		now += (deadline_ns - now) / 2;
		return;
	}
	now = deadline_ns;
}

static void test_sleep_is_one_block(void **state)
{
	uint64_t before = time_wakeups();

	(void)state;
	now = 1000;
	time_sleep_ns(200 * TIME_NS_PER_MS);
	assert_int_equal(now, 1000 + 200 * TIME_NS_PER_MS);
	assert_int_equal(time_wakeups() - before, 1);
}

static void test_early_wakeups_sleep_again(void **state)
{
	uint64_t before = time_wakeups();

	(void)state;
	now = 0;
	early_wakeups = 2;
	time_sleep_until(1000);
	assert_int_equal(now, 1000);
	assert_int_equal(time_wakeups() - before, 3);
}

static void test_past_deadline_returns_at_once(void **state)
{
	uint64_t before = time_wakeups();

	(void)state;
	now = 5000;
	time_sleep_until(4000);
	assert_int_equal(now, 5000);
	assert_int_equal(time_wakeups(), before);
	assert_int_equal(time_wallclock_ns(), 1700000000ull * TIME_NS_PER_S + 5000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sleep_is_one_block),
	    cmocka_unit_test(test_early_wakeups_sleep_again),
	    cmocka_unit_test(test_past_deadline_returns_at_once),
	};
	return cmocka_run_group_tests_name("time", tests, NULL, NULL);
}
