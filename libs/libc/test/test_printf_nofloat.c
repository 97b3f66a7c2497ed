/* The printf engine built without CONFIG_LIBC_PRINTF_FLOAT: float
 * conversions are shown as written and their arguments still consumed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <uk/config.h>

#if defined(CONFIG_LIBC_PRINTF_FLOAT)
#error "this test needs the configuration without float support"
#endif

static void test_float_shown_as_written(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(snprintf(buf, sizeof(buf), "%d %.2f %d", 1, 2.5, 3), 8);
	assert_string_equal(buf, "1 %.2f 3");
	snprintf(buf, sizeof(buf), "%-8e|%Lg|%s", 1.0, 2.0L, "end");
	assert_string_equal(buf, "%-8e|%Lg|end");
	snprintf(buf, sizeof(buf), "%x", 255U);
	assert_string_equal(buf, "ff");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_float_shown_as_written),
	};

	return cmocka_run_group_tests_name("libc printf without float", tests, NULL, NULL);
}
