/* Unit tests of fetch: host headers linked into the build, module archives
 * found in what tools/apt-fetch unpacked (a stand-in script here), the
 * source lists. */
#include "cmocka_all.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "build.h"
#include "fetch.h"
#include "fixture.h"
#include "fsutil.h"

static int setup(void **state)
{
	static struct fixture f;

	fixture_setup(&f);
	fixture_target(&f);
	fixture_write(&f, "targets/xen-arm64.yaml",
		      "name: xen/arm64\nplatform: xen\narch: arm64\n"
		      "triple: aarch64-unknown-none-elf\nrequires: [platform]\n"
		      "linker: xen-arm64.ld.in\nimage: arm64-image\n"
		      "debian_arch: arm64\nmultiarch: aarch64-linux-gnu\n");
	fixture_module(&f, "plat",
		       "name: plat\nversion: 1.0.0\nprovides: [platform]\n"
		       "host_headers: [xen/xen.h]\n");
	/* apt-fetch's contract: the unpacked root on the last line of stdout. */
	fixture_write(&f, "tools/apt-fetch",
		      ctx_printf(&f.ctx,
				 "#!/bin/sh\necho \"$@\" >%s/apt.args\necho noise\necho %s/root\n",
				 f.dir, f.dir));
	chmod(fixture_path(&f, "tools/apt-fetch"), 0755);
	fixture_write(&f, "root/usr/lib/aarch64-linux-gnu/libfoo.a", "!<arch>\n");
	fixture_write(&f, "host/xen/xen.h", "");
	fixture_write(&f, "app/src/main.c", "");
	setenv("UK_HOST_INCLUDE", fixture_path(&f, "host"), 1);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	unsetenv("UK_HOST_INCLUDE");
	fixture_teardown(*state);
	return 0;
}

static void prepare(struct fixture *f, const char *file, const char *target, struct build *b)
{
	fixture_module(f, "foo",
		       ctx_printf(&f->ctx,
				  "name: foo\nversion: 1.0.0\nprovides: [foo]\n"
				  "archives:\n  - { package: libfoo-dev, file: \"%s\" }\n",
				  file));
	fixture_write(f, "app/uk.yaml",
		      ctx_printf(&f->ctx, "name: app\ntarget: %s\nrequires: [foo]\n", target));
	assert_int_equal(build_prepare(&f->ctx, fixture_path(f, "app/uk.yaml"), NULL, b), 0);
	assert_int_equal(fs_mkdir_p(&f->ctx, b->dir), 0);
}

static void test_archives_and_host_headers(void **state)
{
	struct fixture *f = *state;
	struct build b;

	prepare(f, "usr/lib/${multiarch}/lib*.a", "xen/arm64", &b);
	assert_int_equal(fetch_run(&b), UK_EXIT_OK);
	assert_string_equal(fixture_errors(f), "");
	assert_true(b.fetched);
	assert_int_equal(b.narchives, 1);
	assert_string_equal(b.archives[0].mod->name, "foo");
	assert_string_equal(b.archives[0].path,
			    fixture_path(f, "root/usr/lib/aarch64-linux-gnu/libfoo.a"));
	assert_string_equal(fs_read(&f->ctx, fixture_path(f, "apt.args"), NULL),
			    "--arch arm64 libfoo-dev\n");
	assert_true(fs_exists(fs_join(&f->ctx, b.dir, "host-include/xen/xen.h")));
	assert_non_null(b.resource_dir);
}

static void test_unknown_variable_in_archive_file(void **state)
{
	struct fixture *f = *state;
	struct build b;

	prepare(f, "usr/lib/${multiarc}/libfoo.a", "xen/arm64", &b);
	assert_int_equal(fetch_run(&b), UK_EXIT_INPUT);
	assert_false(b.fetched);
	assert_non_null(strstr(fixture_errors(f),
			       "libs/foo/module.yaml: error: unknown variable ${multiarc} in "
			       "archive file 'usr/lib/${multiarc}/libfoo.a'\n"
			       "  hint: the variables are ${multiarch}, ${triple_arch}\n"));
	assert_false(fs_exists(fixture_path(f, "apt.args")));
}

static void test_archive_needs_a_debian_target(void **state)
{
	struct fixture *f = *state;
	struct build b;

	prepare(f, "usr/lib/libfoo.a", "hosted/x86_64", &b);
	assert_int_equal(fetch_run(&b), UK_EXIT_INPUT);
	assert_non_null(strstr(fixture_errors(f), "error: module foo needs archives, but target "
						  "hosted/x86_64 names no debian_arch and "
						  "multiarch\n"));
}

static void test_missing_host_headers(void **state)
{
	struct fixture *f = *state;
	struct build b;

	setenv("UK_HOST_INCLUDE", fixture_path(f, "nowhere"), 1);
	prepare(f, "usr/lib/${multiarch}/libfoo.a", "xen/arm64", &b);
	assert_int_equal(fetch_run(&b), UK_EXIT_TOOL);
	assert_non_null(strstr(fixture_errors(f), "error: module plat needs the host headers "));
	assert_non_null(strstr(fixture_errors(f), "nowhere/xen/xen.h, which are missing\n"));
}

/* A build of an app requiring console from module cons, whose sources are
 * patterns. */
static void prepare_sources(struct fixture *f, const char *patterns, const char *app,
			    struct build *b)
{
	fixture_module(f, "cons",
		       ctx_printf(&f->ctx,
				  "name: cons\nversion: 1.0.0\nprovides: [console]\n"
				  "requires: [platform]\nsources: %s\n",
				  patterns));
	fixture_write(f, "app/uk.yaml", app);
	assert_int_equal(build_prepare(&f->ctx, fixture_path(f, "app/uk.yaml"), NULL, b), 0);
}

static void test_sources_listed_sorted(void **state)
{
	struct fixture *f = *state;
	struct build b;
	const struct build_source_list *cons;

	fixture_write(f, "libs/cons/src/x86_64/start.S", "");
	fixture_write(f, "libs/cons/src/b.c", "");
	fixture_write(f, "libs/cons/src/a.c", "");
	prepare_sources(f, "[\"src/${arch}/*.S\", src/*.c]", "name: app\nrequires: [console]\n",
			&b);
	assert_int_equal(fetch_sources(&b), UK_EXIT_OK);
	cons = &b.sources[resolution_find(b.res, "cons")];
	assert_int_equal(cons->n, 3);
	assert_string_equal(cons->paths[0], fixture_path(f, "libs/cons/src/x86_64/start.S"));
	assert_string_equal(cons->paths[1], fixture_path(f, "libs/cons/src/a.c"));
	assert_string_equal(cons->paths[2], fixture_path(f, "libs/cons/src/b.c"));
	assert_int_equal(b.sources[b.res->n].n, 1);
	assert_string_equal(b.sources[b.res->n].paths[0], fixture_path(f, "app/src/main.c"));
}

static void test_missing_source_is_an_error(void **state)
{
	struct fixture *f = *state;
	struct build b;

	prepare_sources(f, "[]", "name: app\nsources: [src/*.c, lib/*.c]\n", &b);
	assert_int_equal(fetch_run(&b), UK_EXIT_INPUT);
	assert_false(b.fetched);
	assert_non_null(strstr(fixture_errors(f),
			       "uk.yaml:2:20: error: sources pattern 'lib/*.c' matches no file"));
}

static void test_unknown_variable_in_module_sources(void **state)
{
	struct fixture *f = *state;
	struct build b;

	prepare_sources(f, "[\"src/${arc}/*.c\"]", "name: app\nrequires: [console]\n", &b);
	assert_int_equal(fetch_run(&b), UK_EXIT_INPUT);
	assert_non_null(strstr(fixture_errors(f),
			       "libs/cons/module.yaml: error: unknown variable ${arc} in sources "
			       "pattern 'src/${arc}/*.c'\n"
			       "  hint: the variables are ${arch}, ${platform}\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_archives_and_host_headers, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_variable_in_archive_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_archive_needs_a_debian_target, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_missing_host_headers, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sources_listed_sorted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_missing_source_is_an_error, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_variable_in_module_sources, setup,
					    teardown),
	};
	return cmocka_run_group_tests_name("fetch", tests, NULL, NULL);
}
