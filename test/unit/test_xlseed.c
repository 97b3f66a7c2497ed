/* Unit tests of xlseed.c: the per-boot copy of a Xen image's xl config
 * gets the seed inside its command line, or a command line of its own;
 * the file is new, private, different at every boot, and gone after. */
#include "cmocka_all.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "fsutil.h"
#include "xlseed.h"

#define HEX "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

static void test_appends_to_cmdline(void **state)
{
	struct fixture *f = *state;
	const char *xl =
	    "name = \"web\"\ncmdline = \"130 \\\"x\\\"\"\nvif = [ \"bridge=xenbr0\" ]\n";

	assert_string_equal(xlseed_config(&f->ctx, xl, HEX),
			    "name = \"web\"\ncmdline = \"130 \\\"x\\\" uk.seed=" HEX
			    "\"\nvif = [ \"bridge=xenbr0\" ]\n");
}

static void test_adds_cmdline(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(xlseed_config(&f->ctx, "name = \"a\"\nmemory = 32\n", HEX),
			    "name = \"a\"\nmemory = 32\ncmdline = \"uk.seed=" HEX "\"\n");
	/* a last line without its newline */
	assert_string_equal(xlseed_config(&f->ctx, "name = \"a\"", HEX),
			    "name = \"a\"\ncmdline = \"uk.seed=" HEX "\"\n");
}

/* Two boots: two files beside the config, mode 0600, each with 64 hex
 * digits that differ; removed afterwards. */
static void test_write_and_remove(void **state)
{
	struct fixture *f = *state;
	const char *xl = fixture_path(f, "app.xl"), *a, *b, *ta, *tb;
	struct stat st;

	fixture_write(f, "app.xl", "name = \"app\"\n");
	a = xlseed_write(&f->ctx, xl);
	b = xlseed_write(&f->ctx, xl);
	assert_non_null(a);
	assert_non_null(b);
	assert_string_not_equal(a, b);
	assert_int_equal(strncmp(a, xl, strlen(xl)), 0);
	assert_int_equal(stat(a, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	ta = fs_read(&f->ctx, a, NULL);
	tb = fs_read(&f->ctx, b, NULL);
	assert_int_equal(strlen(ta), strlen("name = \"app\"\ncmdline = \"uk.seed=" HEX "\"\n"));
	assert_int_equal(strspn(ta + 32, "0123456789abcdef"), 64);
	assert_string_not_equal(ta, tb);
	xlseed_remove(a);
	xlseed_remove(b);
	assert_int_not_equal(access(a, F_OK), 0);
	assert_int_not_equal(access(b, F_OK), 0);
}

static void test_unreadable_config(void **state)
{
	struct fixture *f = *state;

	assert_null(xlseed_write(&f->ctx, fixture_path(f, "none.xl")));
	assert_non_null(strstr(fixture_errors(f), "cannot read"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_appends_to_cmdline, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_adds_cmdline, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_write_and_remove, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_unreadable_config, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
