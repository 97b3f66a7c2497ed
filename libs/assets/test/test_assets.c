/* assets' lookups over a table like the one uk build generates: exact
 * keys, keys given without a NUL or with hostile bytes, folders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <assets/assets.h>

static const uint8_t bytes[] = "hello";

#define ENTRY(p)                                                                                   \
	{                                                                                          \
		p, bytes, 5, NULL, 0, "text/plain; charset=utf-8", "\"x\""                         \
	}

/* Sorted by strcmp, as uk build writes it: '.' (0x2e) < '/' (0x2f), so
 * "/a.txt" comes before "/a/b", and bytes above 0x7f after ASCII. */
const struct assets_file uk_assets_table[] = {
    ENTRY("/a b$\"q\\.txt"), ENTRY("/a.txt"), ENTRY("/a/b"),	    ENTRY("/docs/index.html"),
    ENTRY("/docs/x/y.css"),  ENTRY("/docsx"), ENTRY("/index.html"), ENTRY("/\xff\xfe"),
};
const size_t uk_assets_table_count = sizeof(uk_assets_table) / sizeof(uk_assets_table[0]);

static const struct assets_file *find(const char *s)
{
	return assets_find(s, strlen(s));
}

static bool is_dir(const char *s)
{
	return assets_is_dir(s, strlen(s));
}

static void test_sorted_like_strcmp(void **state)
{
	size_t i;

	(void)state;
	for (i = 1; i < uk_assets_table_count; i++)
		assert_true(strcmp(uk_assets_table[i - 1].path, uk_assets_table[i].path) < 0);
}

static void test_find_every_key(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < uk_assets_table_count; i++)
		assert_ptr_equal(find(uk_assets_table[i].path), &uk_assets_table[i]);
}

static void test_find_misses(void **state)
{
	(void)state;
	assert_null(find(""));
	assert_null(find("/"));
	assert_null(find("/a"));
	assert_null(find("/docs"));
	assert_null(find("/docs/"));
	assert_null(find("/index.htm"));
	assert_null(find("/index.html/"));
	assert_null(find("/index.htmlx"));
	assert_null(find("/\xff"));
	assert_null(find("/zzz"));
	assert_null(find("\x01"));
	assert_null(assets_find(NULL, 3));
}

/* A request's path is a slice of its buffer: no NUL after it, and a NUL
 * inside it matches no key. */
static void test_find_slices(void **state)
{
	static const char buf[] = "/index.html HTTP/1.1";
	static const char nul[] = "/a.txt\0/a.txt";

	(void)state;
	assert_ptr_equal(assets_find(buf, 11), &uk_assets_table[6]);
	assert_null(assets_find(buf, 12));
	assert_null(assets_find(buf, 10));
	assert_ptr_equal(assets_find(nul, 6), &uk_assets_table[1]);
	assert_null(assets_find(nul, 7));
	assert_null(assets_find(nul, sizeof(nul) - 1));
}

static void test_is_dir(void **state)
{
	(void)state;
	assert_true(is_dir("/"));
	assert_true(is_dir("/a"));
	assert_true(is_dir("/a/"));
	assert_true(is_dir("/docs"));
	assert_true(is_dir("/docs/"));
	assert_true(is_dir("/docs/x"));
	/* A file is not a folder, nor is a prefix of a name. */
	assert_false(is_dir("/docs/index.html"));
	assert_false(is_dir("/doc"));
	assert_false(is_dir("/docsx"));
	assert_false(is_dir("/a/b"));
	assert_false(is_dir("/b"));
	assert_false(is_dir(""));
	assert_false(is_dir("//"));
	assert_false(assets_is_dir(NULL, 1));
	assert_false(assets_is_dir("/docs\0", 6));
}

static void test_count_and_at(void **state)
{
	(void)state;
	assert_int_equal(assets_count(), 8);
	assert_ptr_equal(assets_at(0), &uk_assets_table[0]);
	assert_ptr_equal(assets_at(7), &uk_assets_table[7]);
	assert_null(assets_at(8));
	assert_null(assets_at((size_t)-1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sorted_like_strcmp),
	    cmocka_unit_test(test_find_every_key),
	    cmocka_unit_test(test_find_misses),
	    cmocka_unit_test(test_find_slices),
	    cmocka_unit_test(test_is_dir),
	    cmocka_unit_test(test_count_and_at),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
