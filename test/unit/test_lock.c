/* Unit tests of uk.lock: --locked compares the inputs before ninja without
 * the image, and the image after it. */
#include "cmocka_all.h"

#include <string.h>
#include <unistd.h>

#include "build.h"
#include "fixture.h"
#include "fsutil.h"
#include "lock.h"

static int setup(void **state)
{
	static struct fixture f;

	fixture_setup(&f);
	fixture_target(&f);
	fixture_module(&f, "plat",
		       "name: plat\nversion: 1.0.0\nprovides: [platform]\nsources: [src/*.c]\n");
	fixture_write(&f, "libs/plat/src/plat.c", "int plat;\n");
	fixture_module(&f, "cons",
		       "name: cons\nversion: 1.0.0\nprovides: [console]\nrequires: [platform]\n");
	fixture_write(&f, "app/src/main.c", "int main(void) { return 0; }\n");
	*state = &f;
	return 0;
}

/* A build of the app with image bytes standing in for ninja's. */
static void build_with_image(struct fixture *f, struct build *b, const char *image)
{
	fixture_build(f, "name: app\nrequires: [console]\n", b);
	assert_int_equal(fs_mkdir_p(&f->ctx, b->dir), 0);
	assert_int_equal(fs_write_if_changed(&f->ctx, b->image, image, strlen(image)), 0);
}

static void test_no_entry(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_build(f, "name: app\n", &b);
	assert_int_equal(lock_check_inputs(&b), -1);
	assert_string_equal(fixture_errors(f),
			    "uk: error: uk.lock has no entry for hosted/x86_64 (--locked)\n"
			    "  hint: build once without --locked to write it\n");
}

static void test_inputs_need_no_image(void **state)
{
	struct fixture *f = *state;
	struct build b;
	const char *lock;

	build_with_image(f, &b, "image one");
	assert_int_equal(lock_write(&b), 0);
	lock = fs_read(&f->ctx, fixture_path(f, "app/uk.lock"), NULL);
	assert_non_null(strstr(lock, "      - { name: cons, version: 1.0.0, hash: sha256:"));
	assert_non_null(strstr(lock, "    image: sha256:"));
	/* Before ninja the image may be missing or stale: inputs alone decide. */
	assert_int_equal(unlink(b.image), 0);
	assert_int_equal(lock_check_inputs(&b), 0);
	fixture_write(f, "app/build/hosted-x86_64/app", "another image");
	assert_int_equal(lock_check_inputs(&b), 0);
	assert_string_equal(fixture_errors(f), "");
}

static void test_inputs_name_each_difference(void **state)
{
	struct fixture *f = *state;
	struct build b;
	const char *err;

	build_with_image(f, &b, "image one");
	assert_int_equal(lock_write(&b), 0);
	fixture_write(f, "app/src/main.c", "int main(void) { return 1; }\n");
	fixture_write(f, "libs/plat/src/plat.c", "int plat2;\n");
	fixture_build(f, "name: app\nrequires: [console]\n", &b);
	assert_int_equal(lock_check_inputs(&b), -1);
	err = fixture_errors(f);
	assert_non_null(strstr(err, "uk.lock: error: the build differs from uk.lock for "
				    "hosted/x86_64 (--locked)\n"));
	assert_non_null(strstr(err, "  differs: app app: sources or manifest changed"));
	assert_non_null(strstr(err, "  differs: module plat: content changed"));
	assert_null(strstr(err, "module cons"));
	assert_null(strstr(err, "image"));
}

static void test_image_checked_after_the_build(void **state)
{
	struct fixture *f = *state;
	struct build b;

	build_with_image(f, &b, "image one");
	assert_int_equal(lock_write(&b), 0);
	assert_int_equal(lock_check_image(&b), 0);
	fixture_write(f, "app/build/hosted-x86_64/app", "image two");
	assert_int_equal(lock_check_image(&b), -1);
	assert_non_null(strstr(fixture_errors(f), "uk.lock: error: the image differs from uk.lock "
						  "for hosted/x86_64 (--locked)\n"
						  "  differs: image: locked sha256:"));
}

/* Another target's entry, with values that plain YAML would misread, is
 * written back quoted and reads back the same. */
static void test_other_entries_are_escaped(void **state)
{
	struct fixture *f = *state;
	struct build b;
	const char *lock;

	fixture_write(
	    f, "app/uk.lock",
	    "targets:\n  \"xen/x86_64\":\n    toolchain: \"clang \\\"x\\\"\\n"
	    "  evil: 1\"\n    app: \"a: b\"\n    modules:\n"
	    "      - { name: \"m, n\", version: \"}\", hash: \"#h\" }\n    image: \"true\"\n");
	build_with_image(f, &b, "image one");
	assert_int_equal(lock_write(&b), 0);
	lock = fs_read(&f->ctx, fixture_path(f, "app/uk.lock"), NULL);
	assert_non_null(strstr(lock,
			       "  xen/x86_64:\n    toolchain: \"clang \\\"x\\\"\\n  evil: 1\"\n"
			       "    app: \"a: b\"\n    modules:\n"
			       "      - { name: \"m, n\", version: \"}\", hash: \"#h\" }\n"
			       "    image: \"true\"\n"));
	assert_null(strstr(lock, "\n  evil"));
	/* Written twice, the same bytes: what was read is what is written. */
	assert_int_equal(lock_write(&b), 0);
	assert_string_equal(fs_read(&f->ctx, fixture_path(f, "app/uk.lock"), NULL), lock);
	assert_string_equal(fixture_errors(f), "");
}

static void test_damaged_lock_is_rewritten_with_a_warning(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_write(f, "app/uk.lock", "targets: [ unclosed\n");
	build_with_image(f, &b, "image one");
	assert_int_equal(lock_write(&b), 0);
	assert_non_null(
	    strstr(fixture_errors(f), "/app/uk.lock: warning: uk.lock is damaged (line "));
	assert_non_null(strstr(fixture_errors(f),
			       "): it is written anew, with the entry of hosted/x86_64 only\n"));
	assert_null(strstr(fixture_errors(f), "error"));
	assert_int_equal(lock_check_inputs(&b), 0);
}

static void test_damaged_lock_fails_locked(void **state)
{
	struct fixture *f = *state;
	struct build b;

	fixture_write(f, "app/uk.lock", "targets:\n  hosted/x86_64: [ 1, 2 ]\n");
	build_with_image(f, &b, "image one");
	assert_int_equal(lock_check_inputs(&b), -1);
	assert_string_equal(
	    strstr(fixture_errors(f), "uk.lock: error"),
	    "uk.lock: error: uk.lock is damaged: line 2: the entry of hosted/x86_64 "
	    "must be a mapping with toolchain, app, modules and image (--locked)\n"
	    "  hint: build once without --locked to write it anew, and review the "
	    "change\n");
}

/* Files are hashed as before (name, length, bytes), read in pieces; a walk
 * that fails is an error, not the hash of nothing. */
static void test_hash_tree(void **state)
{
	struct fixture *f = *state;

	fixture_write(f, "tree/a.txt", "hello");
	assert_string_equal(
	    lock_hash_tree(&f->ctx, fixture_path(f, "tree")),
	    "sha256:03f1e10918cf91ce0e887eaaa4d05ac9f57c16c9ace49f194a1bce8f2f9d3423");
	assert_null(lock_hash_tree(&f->ctx, fixture_path(f, "no-such-tree")));
	assert_non_null(strstr(fixture_errors(f), "error: cannot hash the files below "));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_no_entry, setup, fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_inputs_need_no_image, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_inputs_name_each_difference, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_image_checked_after_the_build, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_other_entries_are_escaped, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_damaged_lock_is_rewritten_with_a_warning, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_damaged_lock_fails_locked, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_hash_tree, setup, fixture_cmocka_teardown),
	};
	return cmocka_run_group_tests_name("lock", tests, NULL, NULL);
}
