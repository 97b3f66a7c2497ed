/* Unit test of the fixed glue, platform/glue/glue_run.c, on the host: it
 * runs the module table's inits in order, main, the finis in reverse, and
 * panics naming the module whose init fails and its error. Its main is
 * app_main here. */
#include "cmocka_all.h"

#include <setjmp.h>
#include <string.h>

#include <uk/glue.h>
#include <uk/plat.h>

static char trace[256];
static int fail_b;
static jmp_buf panicked;
static char panic_msg[128];

static void note(const char *s)
{
	strncat(trace, s, sizeof(trace) - strlen(trace) - 1);
}

static int a_init(void)
{
	note("a_init ");
	return 0;
}

static int b_init(void)
{
	note("b_init ");
	return fail_b;
}

static void a_fini(void)
{
	note("a_fini ");
}

static void c_fini(void)
{
	note("c_fini ");
}

const struct uk_glue_module uk_glue_modules[] = {
    {"a", a_init, a_fini},
    {"b", b_init, NULL},
    {"c", NULL, c_fini},
};
const size_t uk_glue_module_count = 3;
const struct uk_device uk_devices[] = {{.name = "net0", .kind = UK_DEVICE_NET},
				       {.name = "disk", .kind = UK_DEVICE_BLOCK}};
const size_t uk_device_count = 2;
const size_t uk_memory_bytes = 1 << 20;
const char *const uk_default_argv[] = {"app", "-x", NULL};
const int uk_default_argc = 2;

int app_main(int argc, char **argv)
{
	note("main ");
	note(argv[argc - 1]);
	note(" ");
	return 7;
}

_Noreturn void plat_panic(const char *msg)
{
	strncpy(panic_msg, msg, sizeof(panic_msg) - 1);
	longjmp(panicked, 1);
}

static void test_order_and_default_argv(void **state)
{
	char *argv[] = {"img", NULL};

	(void)state;
	trace[0] = 0;
	fail_b = 0;
	assert_int_equal(uk_glue_run(1, argv), 7);
	assert_string_equal(trace, "a_init b_init main -x c_fini a_fini ");
}

static void test_own_argv(void **state)
{
	char *argv[] = {"img", "mine", NULL};

	(void)state;
	trace[0] = 0;
	fail_b = 0;
	assert_int_equal(uk_glue_run(2, argv), 7);
	assert_string_equal(trace, "a_init b_init main mine c_fini a_fini ");
}

static void test_failed_init_panics_with_its_name(void **state)
{
	char *argv[] = {"img", NULL};

	(void)state;
	trace[0] = 0;
	fail_b = -99;
	if (!setjmp(panicked))
		uk_glue_run(1, argv);
	assert_string_equal(panic_msg, "init of module b failed: -99 (EADDRNOTAVAIL)");
	assert_string_equal(trace, "a_init b_init ");
}

/* An error without a name in the glue's table: its number alone. */
static void test_failed_init_unnamed_error(void **state)
{
	char *argv[] = {"img", NULL};

	(void)state;
	trace[0] = 0;
	fail_b = -2147483647 - 1;
	if (!setjmp(panicked))
		uk_glue_run(1, argv);
	assert_string_equal(panic_msg, "init of module b failed: -2147483648");
	fail_b = -1000;
	if (!setjmp(panicked))
		uk_glue_run(1, argv);
	assert_string_equal(panic_msg, "init of module b failed: -1000");
}

static void test_device_find(void **state)
{
	(void)state;
	assert_ptr_equal(uk_device_find("disk"), &uk_devices[1]);
	assert_ptr_equal(uk_device_find("net0"), &uk_devices[0]);
	assert_null(uk_device_find("net"));
	assert_null(uk_device_find("net00"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_order_and_default_argv),
	    cmocka_unit_test(test_own_argv),
	    cmocka_unit_test(test_failed_init_panics_with_its_name),
	    cmocka_unit_test(test_failed_init_unnamed_error),
	    cmocka_unit_test(test_device_find),
	};
	return cmocka_run_group_tests_name("glue_run", tests, NULL, NULL);
}
