/* Unit tests of bounded input: YAML limits and the duplicate-key check,
 * reading only regular files of bounded size, paths that stay inside the
 * app, and the addresses and names a net device cannot use. */
#include "cmocka_all.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "diag.h"
#include "fsutil.h"
#include "manifest.h"
#include "netcheck.h"
#include "strbuf.h"
#include "ydoc.h"

/* Lines k0: 1 to k<n-1>: 1. */
static void add_keys(struct strbuf *sb, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_addf(sb, "k%zu: 1\n", i);
}

/* 300,000 keys, the last a repeat of the first: a quadratic check would
 * take minutes (ctest's timeout fails it); a sorted one takes a moment. */
static void test_duplicate_keys_many(void **state)
{
	struct fixture f;
	struct strbuf sb;

	(void)state;
	fixture_setup(&f);
	strbuf_init(&sb, &f.ctx);
	add_keys(&sb, 300000);
	strbuf_adds(&sb, "k0: 2\n");
	assert_null(ydoc_load_string(&f.ctx, "x.yaml", sb.s, sb.len));
	assert_non_null(strstr(fixture_errors(&f), "x.yaml:300001:1: error: duplicate key 'k0'\n"
						   "  note: first given at line 1\n"));
	fixture_teardown(&f);
}

/* Of several repeated keys, the one written first is reported. */
static void test_duplicate_keys_first_repeat(void **state)
{
	struct fixture f;
	const char *text = "a: 1\nb: 1\nc: 1\nb: 2\na: 2\n";

	(void)state;
	fixture_setup(&f);
	assert_null(ydoc_load_string(&f.ctx, "x.yaml", text, strlen(text)));
	assert_string_equal(fixture_errors(&f), "x.yaml:4:1: error: duplicate key 'b'\n"
						"  note: first given at line 2\n");
	fixture_teardown(&f);
}

static void test_alias_limit(void **state)
{
	struct fixture f;
	const char *small = "a: &x [1, 2]\nb: *x\nc: *x\n";
	const char *bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
			   "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
			   "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
			   "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
			   "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";
	struct ynode *root;

	(void)state;
	fixture_setup(&f);
	root = ydoc_load_string(&f.ctx, "x.yaml", small, strlen(small));
	assert_non_null(root);
	assert_int_equal(ydoc_get(root, "c")->n, 2);
	assert_null(ydoc_load_string(&f.ctx, "x.yaml", bomb, strlen(bomb)));
	assert_non_null(strstr(fixture_errors(&f), "error: aliases expand to more than 10000"));
	fixture_teardown(&f);
}

static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Past DIAG_MAX_ERRORS, errors are counted but neither printed nor kept:
 * one line says so, and no note, warning or error follows it. */
static void test_error_limit(void **state)
{
	struct fixture f;
	const struct diag_log *log;
	int i;

	(void)state;
	fixture_setup(&f);
	for (i = 0; i < 150; i++) {
		diag_error(&f.ctx, srcpos_none, "error %d", i);
		diag_note(&f.ctx, "hint", "about %d", i);
	}
	diag_warning(&f.ctx, srcpos_none, "late");
	assert_int_equal(f.ctx.errors, 150);
	assert_int_equal(count_lines(fixture_errors(&f)), 2 * DIAG_MAX_ERRORS + 1);
	assert_non_null(strstr(fixture_errors(&f), "uk: error: error 99\n  hint: about 99\n"
						   "uk: error: more than 100 errors; the rest "
						   "are not listed\n"));
	assert_null(strstr(fixture_errors(&f), "error 100"));
	log = diag_log(&f.ctx);
	assert_int_equal(log->n, DIAG_MAX_ERRORS + 1);
	assert_string_equal(log->records[DIAG_MAX_ERRORS].message,
			    "more than 100 errors; the rest are not listed");
	assert_int_equal(log->records[DIAG_MAX_ERRORS].nnotes, 0);
	fixture_teardown(&f);
}

/* A uk.yaml of 20,000 unknown keys: 201 lines, not 40,000. */
static void test_error_limit_manifest(void **state)
{
	struct fixture f;
	struct strbuf sb;

	(void)state;
	fixture_setup(&f);
	strbuf_init(&sb, &f.ctx);
	strbuf_adds(&sb, "name: a\n");
	add_keys(&sb, 20000);
	fixture_write(&f, "app/uk.yaml", sb.s);
	assert_null(manifest_load(&f.ctx, fixture_path(&f, "app/uk.yaml")));
	assert_int_equal(f.ctx.errors, 20000);
	assert_int_equal(count_lines(fixture_errors(&f)), 2 * DIAG_MAX_ERRORS + 1);
	fixture_teardown(&f);
}

static void test_read_bounded(void **state)
{
	struct fixture f;
	char *text;
	size_t len;

	(void)state;
	fixture_setup(&f);
	fixture_write(&f, "small", "12345");
	assert_null(fs_read_bounded(&f.ctx, fixture_path(&f, "small"), 5, &text, &len));
	assert_string_equal(text, "12345");
	assert_int_equal(len, 5);
	assert_string_equal(fs_read_bounded(&f.ctx, fixture_path(&f, "small"), 4, &text, &len),
			    FS_TOO_LARGE);
	assert_int_equal(mkfifo(fixture_path(&f, "fifo"), 0600), 0);
	assert_string_equal(fs_read_bounded(&f.ctx, fixture_path(&f, "fifo"), 100, &text, &len),
			    FS_NOT_REGULAR);
	assert_string_equal(fs_read_bounded(&f.ctx, "/dev/zero", 100, &text, &len), FS_NOT_REGULAR);
	assert_string_equal(fs_read_bounded(&f.ctx, f.dir, 100, &text, &len), FS_NOT_REGULAR);
	assert_string_equal(fs_read_bounded(&f.ctx, fixture_path(&f, "none"), 100, &text, &len),
			    "No such file or directory");
	fixture_teardown(&f);
}

static void test_pattern_inside(void **state)
{
	(void)state;
	assert_true(fs_pattern_is_inside("src/*.c"));
	assert_true(fs_pattern_is_inside("a..b/x.c"));
	assert_true(fs_pattern_is_inside("./src/...c"));
	assert_false(fs_pattern_is_inside("/etc"));
	assert_false(fs_pattern_is_inside("\\/etc"));
	assert_false(fs_pattern_is_inside(".."));
	assert_false(fs_pattern_is_inside("../x"));
	assert_false(fs_pattern_is_inside("src/../../x"));
	assert_false(fs_pattern_is_inside(".\\./x/*.c"));
	assert_false(fs_pattern_is_inside("\\.\\./x"));
	assert_false(fs_pattern_is_inside("src/.\\."));
	/* Wildcards glob matches against "..": a leading '.' is literal. */
	assert_false(fs_pattern_is_inside(".?/x/*.c"));
	assert_false(fs_pattern_is_inside(".[.]/x/*.c"));
	assert_false(fs_pattern_is_inside(".*/x/*.c"));
	assert_false(fs_pattern_is_inside("src/.[!a]"));
	assert_false(fs_pattern_is_inside("src\\/.?/x"));
	assert_true(fs_pattern_is_inside("*/x/*.c"));
	assert_true(fs_pattern_is_inside("?./x.c"));
	assert_true(fs_pattern_is_inside(".\\?/x.c"));
	assert_true(fs_pattern_is_inside("src/.?*.c/x"));
}

/* The symlink rule of a walk (assets, include folders, templates): a
 * symlink to a file inside the app is listed as that file; one that leads
 * out, or to a folder, and a FIFO are errors naming the path, never left
 * out of uk.lock's hash without a word. */
static void walk_refused(struct fixture *f, const char *entry, const char *why)
{
	const char *app = fs_realpath(&f->ctx, fixture_path(f, "app"));
	const char *full = fixture_path(f, entry);
	char **files;
	size_t n;

	assert_int_equal(fs_walk(&f->ctx, fixture_path(f, "app/site"), app, NULL, &files, &n),
			 FS_WALK_REFUSED);
	assert_non_null(strstr(fixture_errors(f), ctx_printf(&f->ctx, "uk: error: '%s' %s\n", full,
							     ctx_printf(&f->ctx, why, app))));
	assert_int_equal(unlink(full), 0);
}

static void test_walk_symlinks(void **state)
{
	struct fixture f;
	const char *app;
	char **files;
	size_t n;

	(void)state;
	fixture_setup(&f);
	fixture_write(&f, "app/site/a.txt", "a");
	fixture_write(&f, "app/src/main.c", "");
	fixture_write(&f, "other/secret", "s");
	app = fs_realpath(&f.ctx, fixture_path(&f, "app"));
	assert_int_equal(symlink("../src/main.c", fixture_path(&f, "app/site/in.c")), 0);
	assert_int_equal(fs_walk(&f.ctx, fixture_path(&f, "app/site"), app, NULL, &files, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(files[0], "a.txt");
	assert_string_equal(files[1], "in.c");
	/* The same link leads outside when only the folder itself counts. */
	assert_int_equal(fs_walk(&f.ctx, fixture_path(&f, "app/site"), NULL, NULL, &files, &n),
			 FS_WALK_REFUSED);

	assert_int_equal(symlink("../../other/secret", fixture_path(&f, "app/site/out")), 0);
	walk_refused(&f, "app/site/out", "is a symlink that leads outside %s");
	assert_int_equal(symlink("../src", fixture_path(&f, "app/site/dir")), 0);
	walk_refused(&f, "app/site/dir",
		     "is a symlink to a folder: only symlinks to files are followed");
	assert_int_equal(symlink("gone", fixture_path(&f, "app/site/gone")), 0);
	walk_refused(&f, "app/site/gone", "is a symlink that leads nowhere");
	assert_int_equal(mkfifo(fixture_path(&f, "app/site/fifo"), 0600), 0);
	walk_refused(&f, "app/site/fifo", "is a FIFO, a socket or a device");
	fixture_teardown(&f);
}

static void test_below(void **state)
{
	struct fixture f;
	const char *app;

	(void)state;
	fixture_setup(&f);
	fixture_write(&f, "app/src/a.c", "");
	fixture_write(&f, "other/b.c", "");
	assert_int_equal(symlink("../../other/b.c", fixture_path(&f, "app/src/out.c")), 0);
	assert_int_equal(symlink("a.c", fixture_path(&f, "app/src/in.c")), 0);
	app = fs_realpath(&f.ctx, fixture_path(&f, "app"));
	assert_true(fs_is_below(&f.ctx, fixture_path(&f, "app/src/a.c"), app));
	assert_true(fs_is_below(&f.ctx, fixture_path(&f, "app/src/in.c"), app));
	assert_true(fs_is_below(&f.ctx, fixture_path(&f, "app"), app));
	assert_false(fs_is_below(&f.ctx, fixture_path(&f, "app/src/out.c"), app));
	assert_false(fs_is_below(&f.ctx, fixture_path(&f, "other"), app));
	fixture_teardown(&f);
}

static void test_ipv4_reserved(void **state)
{
	(void)state;
	assert_null(netcheck_ipv4_reserved((uint8_t[]){10, 0, 0, 2}));
	assert_null(netcheck_ipv4_reserved((uint8_t[]){223, 255, 255, 254}));
	assert_non_null(netcheck_ipv4_reserved((uint8_t[]){0, 1, 2, 3}));
	assert_non_null(netcheck_ipv4_reserved((uint8_t[]){127, 0, 0, 1}));
	assert_non_null(netcheck_ipv4_reserved((uint8_t[]){224, 0, 0, 1}));
	assert_non_null(netcheck_ipv4_reserved((uint8_t[]){239, 255, 255, 255}));
	assert_non_null(netcheck_ipv4_reserved((uint8_t[]){240, 0, 0, 1}));
	assert_string_equal(netcheck_ipv4_reserved((uint8_t[]){255, 255, 255, 255}),
			    "the limited broadcast address");
}

static void test_ipv4_in_subnet(void **state)
{
	(void)state;
	assert_null(netcheck_ipv4_in_subnet((uint8_t[]){10, 0, 0, 1}, 24));
	assert_null(netcheck_ipv4_in_subnet((uint8_t[]){10, 0, 0, 254}, 24));
	assert_string_equal(netcheck_ipv4_in_subnet((uint8_t[]){10, 0, 0, 0}, 24),
			    "the network address of its subnet");
	assert_string_equal(netcheck_ipv4_in_subnet((uint8_t[]){10, 0, 0, 255}, 24),
			    "the broadcast address of its subnet");
	assert_string_equal(netcheck_ipv4_in_subnet((uint8_t[]){10, 0, 2, 0}, 23),
			    "the network address of its subnet");
	assert_null(netcheck_ipv4_in_subnet((uint8_t[]){10, 0, 1, 0}, 23));
	assert_null(netcheck_ipv4_in_subnet((uint8_t[]){10, 0, 0, 0}, 31));
	assert_null(netcheck_ipv4_in_subnet((uint8_t[]){10, 0, 0, 1}, 31));
	assert_null(netcheck_ipv4_in_subnet((uint8_t[]){10, 0, 0, 0}, 32));
}

static void test_ifname(void **state)
{
	(void)state;
	assert_null(netcheck_ifname("uk0"));
	assert_null(netcheck_ifname("br-x_1.2"));
	assert_non_null(netcheck_ifname("xenbr0\"]"));
	assert_null(netcheck_ifname("abcdefghijklmno"));
	assert_non_null(netcheck_ifname("abcdefghijklmnop"));
	assert_non_null(netcheck_ifname(""));
	assert_non_null(netcheck_ifname("."));
	assert_non_null(netcheck_ifname(".."));
	assert_non_null(netcheck_ifname("a/b"));
	assert_non_null(netcheck_ifname("a:1"));
	assert_non_null(netcheck_ifname("a b"));
	assert_non_null(netcheck_ifname("a\tb"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_duplicate_keys_many),
	    cmocka_unit_test(test_duplicate_keys_first_repeat),
	    cmocka_unit_test(test_alias_limit),
	    cmocka_unit_test(test_error_limit),
	    cmocka_unit_test(test_error_limit_manifest),
	    cmocka_unit_test(test_read_bounded),
	    cmocka_unit_test(test_pattern_inside),
	    cmocka_unit_test(test_below),
	    cmocka_unit_test(test_walk_symlinks),
	    cmocka_unit_test(test_ipv4_reserved),
	    cmocka_unit_test(test_ipv4_in_subnet),
	    cmocka_unit_test(test_ifname),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
