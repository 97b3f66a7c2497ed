/* Unit tests of the text helpers: the string builder and ${name}
 * substitution. */
#include "cmocka_all.h"

#include <string.h>

#include "fixture.h"
#include "strbuf.h"
#include "template.h"

static void test_strbuf_appends_and_grows(void **state)
{
	struct uk_ctx ctx;
	struct strbuf sb;
	char expect[5001];
	int i;

	(void)state;
	ctx_init(&ctx, stderr);
	strbuf_init(&sb, &ctx);
	assert_string_equal(sb.s, "");
	assert_int_equal(sb.len, 0);
	strbuf_adds(&sb, "ab");
	strbuf_addc(&sb, 'c');
	strbuf_addn(&sb, "def", 2);
	strbuf_addf(&sb, "[%d:%s]", 42, "x");
	assert_string_equal(sb.s, "abcde[42:x]");
	assert_int_equal(sb.len, strlen("abcde[42:x]"));
	/* Many small appends past several doublings keep every byte. */
	strbuf_init(&sb, &ctx);
	for (i = 0; i < 5000; i++) {
		strbuf_addc(&sb, (char)('a' + i % 26));
		expect[i] = (char)('a' + i % 26);
	}
	expect[5000] = 0;
	assert_string_equal(sb.s, expect);
	assert_true(sb.cap > sb.len && sb.cap <= 2 * 5001 + 64);
	/* A formatted append longer than the whole buffer so far. */
	strbuf_addf(&sb, "%300s|", "y");
	assert_int_equal(sb.len, 5301);
	assert_string_equal(sb.s + 5000, ctx_printf(&ctx, "%300s|", "y"));
	ctx_free(&ctx);
}

static void test_strbuf_join(void **state)
{
	static const char *const three[] = {"a", "bc", "d"};
	struct uk_ctx ctx;

	(void)state;
	ctx_init(&ctx, stderr);
	assert_string_equal(strbuf_join(&ctx, three, 3, ", "), "a, bc, d");
	assert_string_equal(strbuf_join(&ctx, three, 1, ", "), "a");
	assert_string_equal(strbuf_join(&ctx, three, 0, ", "), "");
	ctx_free(&ctx);
}

static const struct template_var vars[] = {{"arch", "x86_64"}, {"platform", "xen"}};

static void test_template_substitutes(void **state)
{
	struct fixture f;

	(void)state;
	fixture_setup(&f);
	assert_string_equal(template_expand(&f.ctx, "src/${arch}/${platform}-${arch}.c", vars, 2,
					    srcpos_none, "pattern"),
			    "src/x86_64/xen-x86_64.c");
	/* A lone '$' and '{' are text. */
	assert_string_equal(template_expand(&f.ctx, "a$b {c} $", vars, 2, srcpos_none, "pattern"),
			    "a$b {c} $");
	assert_string_equal(template_expand(&f.ctx, "", vars, 2, srcpos_none, "pattern"), "");
	assert_string_equal(fixture_errors(&f), "");
	fixture_teardown(&f);
}

static void test_template_unknown_variable_is_an_error(void **state)
{
	struct fixture f;

	(void)state;
	fixture_setup(&f);
	assert_null(template_expand(&f.ctx, "src/${arc}/*.c", vars, 2,
				    (struct srcpos){"m/module.yaml", 0, 0},
				    "sources pattern 'src/${arc}/*.c'"));
	assert_string_equal(fixture_errors(&f),
			    "m/module.yaml: error: unknown variable ${arc} in sources pattern "
			    "'src/${arc}/*.c'\n  hint: the variables are ${arch}, ${platform}\n");
	fixture_teardown(&f);
}

static void test_template_error_place_in_a_file(void **state)
{
	struct fixture f;

	(void)state;
	fixture_setup(&f);
	/* Counted from line 1, column 1: the second line's "${nam}" is at 2:7. */
	assert_null(template_expand(&f.ctx, "name: ${name}\nhello ${nam}\n", vars, 0,
				    (struct srcpos){"t/uk.yaml", 1, 1}, "the template"));
	assert_non_null(strstr(fixture_errors(&f),
			       "t/uk.yaml:1:7: error: unknown variable ${name} in the template\n"
			       "  hint: the variables are (none)\n"));
	fixture_teardown(&f);
	fixture_setup(&f);
	assert_null(template_expand(&f.ctx, "ok\n  ${arch", vars, 2, (struct srcpos){"t/x", 1, 1},
				    "the template"));
	assert_string_equal(fixture_errors(&f),
			    "t/x:2:3: error: '${' without '}' in the template\n");
	fixture_teardown(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_strbuf_appends_and_grows),
	    cmocka_unit_test(test_strbuf_join),
	    cmocka_unit_test(test_template_substitutes),
	    cmocka_unit_test(test_template_unknown_variable_is_an_error),
	    cmocka_unit_test(test_template_error_place_in_a_file),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
