/* Unit tests of the small pieces: versions and constraints, SHA-256,
 * suggestions, YAML positions, the lock's tree hash. */
#include "cmocka_all.h"

#include <string.h>

#include "fixture.h"
#include "lock.h"
#include "sha256.h"
#include "suggest.h"
#include "version.h"
#include "ydoc.h"

static void test_versions(void **state)
{
	struct uk_ctx ctx;
	struct requirement r;
	struct version v;
	const char *why;

	(void)state;
	ctx_init(&ctx, stderr);
	assert_true(version_parse("1.2.3", &v));
	assert_int_equal(v.minor, 2);
	assert_true(version_parse("2", &v));
	assert_false(version_parse("1.x", &v));
	assert_false(version_parse("", &v));
	assert_true(requirement_parse(&ctx, "alloc >= 0.2, < 1.0", &r, &why));
	assert_string_equal(r.name, "alloc");
	assert_int_equal(r.nbounds, 2);
	assert_true(requirement_allows(&r, (struct version){0, 2, 0}));
	assert_true(requirement_allows(&r, (struct version){0, 9, 9}));
	assert_false(requirement_allows(&r, (struct version){1, 0, 0}));
	assert_false(requirement_allows(&r, (struct version){0, 1, 9}));
	assert_true(requirement_parse(&ctx, "tcp", &r, &why));
	assert_int_equal(r.nbounds, 0);
	assert_false(requirement_parse(&ctx, "tcp >> 1", &r, &why));
	assert_false(requirement_parse(&ctx, "Tcp", &r, &why));
	assert_false(requirement_parse(&ctx, "tcp >= 1 2", &r, &why));
	ctx_free(&ctx);
}

static const char *hex_of(const char *msg, size_t repeat)
{
	static char out[65];
	struct sha256 s;
	uint8_t d[32];
	size_t i;

	sha256_init(&s);
	for (i = 0; i < repeat; i++)
		sha256_update(&s, msg, strlen(msg));
	sha256_final(&s, d);
	sha256_hex(d, out);
	return out;
}

static void test_sha256_vectors(void **state)
{
	(void)state;
	/* FIPS 180-4 examples. */
	assert_string_equal(hex_of("", 1),
			    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_string_equal(hex_of("abc", 1),
			    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_string_equal(hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1),
			    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	assert_string_equal(hex_of("a", 1000000),
			    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_suggestions(void **state)
{
	static const char *const words[] = {"requires", "sources", "options", "devices"};

	(void)state;
	assert_int_equal(suggest_distance("kitten", "sitting"), 3);
	assert_int_equal(suggest_distance("ab", "ba"), 1);
	assert_string_equal(suggest_closest("requries", words, 4), "requires");
	assert_string_equal(suggest_closest("option", words, 4), "options");
	assert_null(suggest_closest("zzz", words, 4));
}

static void test_ydoc_positions_and_duplicates(void **state)
{
	struct fixture f;
	struct ynode *root;

	(void)state;
	fixture_setup(&f);
	root = ydoc_load_string(&f.ctx, "x.yaml", "a: 1\nb:\n  - c\n  - d\n", 20);
	assert_non_null(root);
	assert_int_equal(ydoc_get(root, "b")->items[1]->pos.line, 4);
	assert_int_equal(ydoc_get(root, "b")->items[1]->pos.col, 5);
	assert_null(ydoc_load_string(&f.ctx, "x.yaml", "a: 1\na: 2\n", 10));
	assert_non_null(strstr(fixture_errors(&f), "x.yaml:2:1: error: duplicate key 'a'\n"));
	fixture_teardown(&f);
}

static void test_tree_hash_sees_content_not_tests(void **state)
{
	struct fixture f;
	const char *h1, *h2, *h3;

	(void)state;
	fixture_setup(&f);
	fixture_write(&f, "m/src/a.c", "int a;\n");
	h1 = lock_hash_tree(&f.ctx, fixture_path(&f, "m"));
	fixture_write(&f, "m/test/t.c", "int t;\n");
	h2 = lock_hash_tree(&f.ctx, fixture_path(&f, "m"));
	fixture_write(&f, "m/src/a.c", "int b;\n");
	h3 = lock_hash_tree(&f.ctx, fixture_path(&f, "m"));
	assert_string_equal(h1, h2);
	assert_string_not_equal(h1, h3);
	assert_int_equal(strncmp(h1, "sha256:", 7), 0);
	fixture_teardown(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_versions),
	    cmocka_unit_test(test_sha256_vectors),
	    cmocka_unit_test(test_suggestions),
	    cmocka_unit_test(test_ydoc_positions_and_duplicates),
	    cmocka_unit_test(test_tree_hash_sees_content_not_tests),
	};
	return cmocka_run_group_tests_name("support", tests, NULL, NULL);
}
