/* Unit tests of escape.c: each language's escaping round-trips hostile
 * strings through that language's own reader (sh, ninja, cc, kconfig-conf,
 * libyaml through ydoc; xl through a copy of its dequoting rules). */
#include "cmocka_all.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"
#include "fixture.h"
#include "fsutil.h"
#include "proc.h"
#include "ydoc.h"

static const char *const hostile[] = {
    "plain",	     "",
    "a b",	     "it's",
    "\"quoted\"",    "$HOME",
    "$5 $out ${x}",  "`id`",
    "$(id)",	     "-DA=1; touch PWNED",
    "a\\b\\",	     "*?[x]",
    "what?\?!",	     "?\?=?\?/?\?'",
    "tab\there",     "\x01\x1f\x7f",
    "é ü",	     "x;id>F;y",
    "]\" extra = 1",
};
#define NHOSTILE (sizeof(hostile) / sizeof(hostile[0]))

/* Runs argv in the fixture's directory; its output, which must be whole. */
static const char *run(struct fixture *f, const char *const *argv, size_t *len)
{
	char *out;

	assert_int_equal(proc_run_capture(&f->ctx, argv, f->dir, &out, len), 0);
	return out;
}

static void test_shell_round_trips(void **state)
{
	struct fixture *f = *state;
	size_t i, len;

	for (i = 0; i < NHOSTILE; i++) {
		const char *cmd =
		    ctx_printf(&f->ctx, "printf %%s %s", escape_shell(&f->ctx, hostile[i]));
		const char *argv[] = {"sh", "-c", cmd, NULL};
		const char *out = run(f, argv, &len);

		assert_int_equal(len, strlen(hostile[i]));
		assert_memory_equal(out, hostile[i], len);
	}
	assert_false(fs_exists(fixture_path(f, "PWNED")));
	/* Ordinary words stay as they are, so build.ninja does not change. */
	assert_string_equal(escape_shell(&f->ctx, "-ffile-prefix-map=/a/b=uk"),
			    "-ffile-prefix-map=/a/b=uk");
	assert_string_equal(escape_shell(&f->ctx, "it's"), "'it'\\''s'");
	assert_string_equal(escape_shell(&f->ctx, ""), "''");
}

/* A build.ninja whose rule prints $flags, a word for ninja and sh. */
static void test_ninja_value_round_trips(void **state)
{
	struct fixture *f = *state;
	size_t i, len;

	for (i = 0; i < NHOSTILE; i++) {
		const char *word = escape_ninja(&f->ctx, escape_shell(&f->ctx, hostile[i]));
		const char *argv[] = {"ninja", "--quiet", NULL};
		const char *cat[] = {"cat", "out", NULL};
		const char *out;

		assert_non_null(word);
		fixture_write(f, "build.ninja",
			      ctx_printf(&f->ctx,
					 "rule e\n  command = printf %%s $flags > $out\n"
					 "build out: e\n  flags = %s\n",
					 word));
		unlink(fixture_path(f, "out"));
		run(f, argv, NULL);
		out = run(f, cat, &len);
		assert_int_equal(len, strlen(hostile[i]));
		assert_memory_equal(out, hostile[i], len);
	}
	assert_false(fs_exists(fixture_path(f, "PWNED")));
	assert_null(escape_ninja(&f->ctx, "-DA\ncommand = id"));
	assert_null(escape_ninja(&f->ctx, "a\rb"));
}

/* A build line whose output is the hostile path: ninja makes it. */
static void test_ninja_path_round_trips(void **state)
{
	struct fixture *f = *state;
	static const char *const paths[] = {"a b", "a:b", "a$b", "x;id>F;y", "it's", "$out"};
	const char *argv[] = {"ninja", "--quiet", NULL};
	size_t i;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		const char *p = escape_ninja_path(&f->ctx, paths[i]);

		assert_non_null(p);
		fixture_write(
		    f, "build.ninja",
		    ctx_printf(&f->ctx, "rule t\n  command = touch $out\nbuild %s: t\n", p));
		run(f, argv, NULL);
		assert_true(fs_exists(fixture_path(f, paths[i])));
	}
	assert_false(fs_exists(fixture_path(f, "F")));
	assert_null(escape_ninja_path(&f->ctx, "a|b"));
	assert_null(escape_ninja_path(&f->ctx, "a\nb"));
}

/* The literal, compiled with the host's cc as glue.c is (-std=c11, where
 * trigraphs are on), prints the same bytes. */
static void test_c_string_round_trips(void **state)
{
	struct fixture *f = *state;
	const char *cc[] = {"cc", "-std=c11", "-Werror", "-o", "lit", "lit.c", NULL};
	const char *lit[] = {"./lit", NULL};
	size_t i, len;

	for (i = 0; i < NHOSTILE; i++) {
		const char *out;

		fixture_write(f, "lit.c",
			      ctx_printf(&f->ctx,
					 "#include <stdio.h>\nstatic const char s[] = %s;\n"
					 "int main(void) { fwrite(s, 1, sizeof(s) - 1, stdout); "
					 "return 0; }\n",
					 escape_c_string(&f->ctx, hostile[i])));
		run(f, cc, NULL);
		out = run(f, lit, &len);
		assert_int_equal(len, strlen(hostile[i]));
		assert_memory_equal(out, hostile[i], len);
	}
	/* An octal escape has three digits, so a digit after it stays a digit. */
	assert_string_equal(escape_c_string(&f->ctx, "\x01"
						     "9?"),
			    "\"\\0019\\?\"");
}

/* xl's dequoting (libxlu_cfg.c): \" \' \\ and the letter escapes. */
static const char *xl_dequote(struct uk_ctx *ctx, const char *q)
{
	static const char from[] = "abfnrtv\"'\\", to[] = "\a\b\f\n\r\t\v\"'\\";
	size_t n = strlen(q), i, j = 0;
	char *out = ctx_alloc(ctx, n);

	assert_true(n >= 2 && q[0] == '"' && q[n - 1] == '"');
	for (i = 1; i < n - 1; i++) {
		if (q[i] == '"')
			fail_msg("an unescaped quote in %s", q);
		if (q[i] == '\n')
			fail_msg("a raw newline in %s", q);
		if (q[i] == '\\') {
			assert_non_null(strchr(from, q[++i]));
			out[j++] = to[strchr(from, q[i]) - from];
		} else {
			out[j++] = q[i];
		}
	}
	return out;
}

static void test_xl_round_trips(void **state)
{
	struct fixture *f = *state;
	static const char *const values[] = {"xenbr0", "br\"]\nextra = \"1", "a\\b", "\t\r\n\v"};
	size_t i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++)
		assert_string_equal(xl_dequote(&f->ctx, escape_xl(&f->ctx, values[i])), values[i]);
	assert_string_equal(escape_xl(&f->ctx, "br\"]\n"), "\"br\\\"]\\n\"");
	/* xl's numeric escapes are broken: a control character without a letter
	 * cannot be written. */
	assert_null(escape_xl(&f->ctx, "a\x1b"));
}

/* How .config writes string symbol X: " and \ escaped, nothing else. */
static const char *config_line(struct uk_ctx *ctx, const char *v)
{
	char *out = ctx_alloc(ctx, 2 * strlen(v) + 16), *q = out;

	q += sprintf(q, "CONFIG_X=\"");
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			*q++ = '\\';
		*q++ = *v;
	}
	strcpy(q, "\"\n");
	return out;
}

/* A string symbol whose default is the escaped value: kconfig-conf writes
 * it into .config with " and \ escaped, and runs nothing. */
static void test_kconfig_round_trips(void **state)
{
	struct fixture *f = *state;
	static const char *const values[] = {
	    "plain", "a \"b\" c", "back\\slash", "$HOME", "$(shell,touch PWNED)", "it's ]"};
	const char *argv[] = {"kconfig-conf", "-s", "--olddefconfig", "Kconfig", NULL};
	size_t i;

	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		const char *config;

		fixture_write(f, "Kconfig",
			      ctx_printf(&f->ctx,
					 "mainmenu %s\nconfig X\n\tstring %s\n\tdefault %s\n",
					 escape_kconfig(&f->ctx, values[i]),
					 escape_kconfig(&f->ctx, values[i]),
					 escape_kconfig(&f->ctx, values[i])));
		unlink(fixture_path(f, ".config"));
		assert_int_equal(proc_run(&f->ctx, argv, f->dir, NULL), 0);
		config = fs_read(&f->ctx, fixture_path(f, ".config"), NULL);
		assert_non_null(strstr(config, config_line(&f->ctx, values[i])));
	}
	assert_false(fs_exists(fixture_path(f, "PWNED")));
	assert_null(escape_kconfig(&f->ctx, "two\nlines"));
	assert_null(escape_kconfig(&f->ctx, "cr\r"));
}

static void test_yaml_round_trips(void **state)
{
	struct fixture *f = *state;
	static const char *const more[] = {
	    "sha256:0123abcd", "1.0", "true", "null", "a: b", "- x", "#c", "é",
	    "\xc2\x85",	       "ok:", "{x}"};
	size_t i;

	for (i = 0; i < NHOSTILE + sizeof(more) / sizeof(more[0]); i++) {
		const char *v = i < NHOSTILE ? hostile[i] : more[i - NHOSTILE];
		const char *text = ctx_printf(&f->ctx, "k: %s\nl: [ %s ]\n",
					      escape_yaml(&f->ctx, v), escape_yaml(&f->ctx, v));
		struct ynode *root = ydoc_load_string(&f->ctx, "t.yaml", text, strlen(text));

		assert_non_null(root);
		assert_string_equal(ydoc_get(root, "k")->str, v);
		assert_string_equal(ydoc_get(root, "l")->items[0]->str, v);
	}
	/* What needs no quotes keeps none, so uk.lock reads as before. */
	assert_string_equal(escape_yaml(&f->ctx, "sha256:0123abcd"), "sha256:0123abcd");
	assert_string_equal(escape_yaml(&f->ctx, "hosted/x86_64"), "hosted/x86_64");
	assert_string_equal(escape_yaml(&f->ctx, "true"), "\"true\"");
	/* A byte of no UTF-8 sequence still gives a document libyaml reads. */
	{
		const char *text = ctx_printf(&f->ctx, "k: %s\n", escape_yaml(&f->ctx, "\xff"));

		assert_non_null(ydoc_load_string(&f->ctx, "t.yaml", text, strlen(text)));
	}
	assert_string_equal(fixture_errors(f), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_shell_round_trips, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_ninja_value_round_trips, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_ninja_path_round_trips, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_c_string_round_trips, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_xl_round_trips, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_kconfig_round_trips, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_round_trips, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
