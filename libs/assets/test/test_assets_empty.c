/* assets with the table uk build writes when the manifest has no
 * `assets:`: one placeholder entry (C has no empty arrays), count 0. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <assets/assets.h>

const struct assets_file uk_assets_table[] = {{NULL, NULL, 0, NULL, 0, NULL, NULL}};
const size_t uk_assets_table_count = 0;

static void test_empty(void **state)
{
	(void)state;
	assert_int_equal(assets_count(), 0);
	assert_null(assets_at(0));
	assert_null(assets_find("/", 1));
	assert_null(assets_find("", 0));
	assert_false(assets_is_dir("/", 1));
	assert_false(assets_is_dir("/x", 2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_empty)};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
