/* Unit tests of configure: the Kconfig tree holds exactly the chosen
 * modules, options reach .config and config.h, bad options are errors. */
#include "cmocka_all.h"

#include <string.h>

#include "configure.h"
#include "fixture.h"
#include "fsutil.h"

static int setup(void **state)
{
	static struct fixture f;

	fixture_setup(&f);
	fixture_target(&f);
	fixture_module(&f, "plat", "name: plat\nversion: 1.0.0\nprovides: [platform]\n");
	fixture_write(&f, "libs/plat/Kconfig",
		      "config PLAT_DEBUG\n\tbool \"debug\"\n\tdefault n\n");
	fixture_module(&f, "fmt",
		       "name: fmt\nversion: 1.0.0\nprovides: [fmt]\nrequires: [platform]\n");
	fixture_write(&f, "libs/fmt/Kconfig",
		      "config FMT_FLOAT\n\tbool \"floats\"\n\tdefault y\n"
		      "config FMT_BUF\n\tint \"buffer\"\n\trange 16 4096\n\tdefault 256\n"
		      "config FMT_NAME\n\tstring \"name\"\n\tdefault \"x\"\n"
		      "config FMT_WIDE\n\tbool \"wide\"\n\tdepends on FMT_FLOAT\n");
	fixture_module(&f, "net", "name: net\nversion: 1.0.0\nprovides: [net]\n");
	fixture_write(&f, "libs/net/Kconfig", "config NET_MTU\n\tint \"mtu\"\n\tdefault 1500\n");
	*state = &f;
	return 0;
}

static const char *read_build(struct fixture *f, struct build *b, const char *rel)
{
	const char *s = fs_read(&f->ctx, fs_join(&f->ctx, b->dir, rel), NULL);

	assert_non_null(s);
	return s;
}

static void test_tree_has_only_chosen_modules(void **state)
{
	struct fixture *f = *state;
	struct build b;
	const char *tree;

	fixture_build(f, "name: app\nrequires: [fmt]\n", &b);
	assert_int_equal(configure_write_tree(&b), 0);
	tree = read_build(f, &b, "Kconfig");
	assert_non_null(strstr(tree, "libs/fmt/Kconfig\""));
	assert_non_null(strstr(tree, "libs/plat/Kconfig\""));
	assert_null(strstr(tree, "libs/net/Kconfig"));
}

static void test_options_reach_config_h(void **state)
{
	struct fixture *f = *state;
	struct build b;
	const char *h;

	fixture_build(f,
		      "name: app\nrequires: [fmt]\n"
		      "options: { FMT_FLOAT: n, FMT_BUF: 1024, FMT_NAME: \"hi there\" }\n",
		      &b);
	assert_int_equal(configure_run(&b), 0);
	h = read_build(f, &b, "include/uk/config.h");
	assert_non_null(strstr(h, "/* CONFIG_FMT_FLOAT is not set */"));
	assert_non_null(strstr(h, "#define CONFIG_FMT_BUF 1024\n"));
	assert_non_null(strstr(h, "#define CONFIG_FMT_NAME \"hi there\"\n"));
	assert_non_null(strstr(h, "#define UK_PLATFORM_HOSTED 1\n"));
	assert_non_null(strstr(h, "#define UK_MODULE_FMT 1\n"));
	assert_null(strstr(h, "UK_MODULE_NET"));
}

static void test_defaults_apply(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_build(f, "name: app\nrequires: [fmt]\n", &b);
	assert_int_equal(configure_run(&b), 0);
	assert_non_null(strstr(read_build(f, &b, "include/uk/config.h"),
			       "#define CONFIG_FMT_FLOAT 1\n#define CONFIG_FMT_BUF 256\n"));
}

static void test_saved_menuconfig_choices_are_read(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_write(f, "app/uk.config", "CONFIG_FMT_BUF=64\n");
	fixture_build(f, "name: app\nrequires: [fmt]\n", &b);
	assert_int_equal(configure_run(&b), 0);
	assert_non_null(strstr(read_build(f, &b, "include/uk/config.h"), "CONFIG_FMT_BUF 64\n"));
}

static void test_option_of_unchosen_module(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_build(f, "name: app\nrequires: [fmt]\noptions: { NET_MTU: 9000 }\n", &b);
	assert_int_equal(configure_run(&b), UK_EXIT_INPUT);
	assert_non_null(strstr(fixture_errors(f),
			       "uk.yaml:3:12: error: option 'NET_MTU' is not defined by any module "
			       "of this app\n  hint: it is defined by net, which this app does not "
			       "use: require what it provides\n"));
}

static void test_misspelt_option(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_build(f, "name: app\nrequires: [fmt]\noptions: { FMT_FLAOT: y }\n", &b);
	assert_int_equal(configure_run(&b), UK_EXIT_INPUT);
	assert_non_null(strstr(fixture_errors(f), "  hint: did you mean 'FMT_FLOAT'?\n"));
}

static void test_value_kconfig_refuses(void **state)
{
	struct fixture *f = *state;
	struct build b;

	/* Out of range, and a bool whose dependency is off: Kconfig drops both. */
	fixture_build(f,
		      "name: app\nrequires: [fmt]\n"
		      "options: { FMT_BUF: 1, FMT_FLOAT: n, FMT_WIDE: y }\n",
		      &b);
	assert_int_equal(configure_run(&b), UK_EXIT_INPUT);
	assert_non_null(strstr(fixture_errors(f), "error: option 'FMT_BUF' cannot be set to 1"));
	assert_non_null(strstr(fixture_errors(f), "error: option 'FMT_WIDE' cannot be set to y"));
}

/* A summary with quotes, a backslash and a macro: Kconfig reads it as text. */
static void test_summary_stays_a_kconfig_string(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_module(f, "odd",
		       "name: odd\nversion: 1.0.0\nprovides: [odd]\nrequires: [platform]\n"
		       "summary: 'say \"hi\" \\ $(shell,touch PWNED)'\n");
	fixture_write(f, "libs/odd/Kconfig", "config ODD\n\tbool \"odd\"\n");
	fixture_build(f, "name: app\nrequires: [odd]\n", &b);
	assert_int_equal(configure_run(&b), 0);
	assert_non_null(
	    strstr(read_build(f, &b, "Kconfig"),
		   "\nmenu \"odd 1.0.0: say \\\"hi\\\" \\\\ \\$(shell,touch PWNED)\"\n"));
	assert_false(fs_exists(fixture_path(f, "PWNED")));
	assert_false(fs_exists(fs_join(&f->ctx, b.dir, "PWNED")));
}

/* A string value reaches config.h as a C literal: no trigraph, no raw
 * control character. */
static void test_string_value_is_a_c_literal(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_build(f, "name: app\nrequires: [fmt]\noptions: { FMT_NAME: \"what?\?! \\\\\" }\n",
		      &b);
	assert_int_equal(configure_run(&b), 0);
	assert_non_null(strstr(read_build(f, &b, "include/uk/config.h"),
			       "#define CONFIG_FMT_NAME \"what\\?\\?! \\\\\"\n"));
}

static void test_control_characters_are_refused(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_build(f,
		      "name: app\nrequires: [fmt]\noptions: { FMT_NAME: \"a\\rCONFIG_X=y\" }\n"
		      "cflags: [\"-DA\\n-DB\"]\n",
		      &b);
	assert_int_equal(configure_check_options(&b), -1);
	assert_non_null(
	    strstr(fixture_errors(f),
		   "uk.yaml:3:12: error: the value of option 'FMT_NAME' holds a control "
		   "character (0x0d): a value must be one line of text\n"));
	assert_non_null(strstr(fixture_errors(f),
			       "/app/uk.yaml: error: cflag \"-DA\\012-DB\" holds a control "
			       "character (0x0a): a flag must be one line of text\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_tree_has_only_chosen_modules, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_options_reach_config_h, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_defaults_apply, setup, fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_saved_menuconfig_choices_are_read, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_option_of_unchosen_module, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_misspelt_option, setup, fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_value_kconfig_refuses, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_summary_stays_a_kconfig_string, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_string_value_is_a_c_literal, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_control_characters_are_refused, setup,
					    fixture_cmocka_teardown),
	};
	return cmocka_run_group_tests_name("configure", tests, NULL, NULL);
}
