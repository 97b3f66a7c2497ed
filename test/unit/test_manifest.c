/* Unit tests of manifest parsing: every field, defaults, and the exact
 * messages of bad input. */
#include "cmocka_all.h"

#include <string.h>

#include "fixture.h"
#include "manifest.h"

static struct manifest *load(struct fixture *f, const char *text)
{
	fixture_write(f, "uk.yaml", text);
	return manifest_load(&f->ctx, fixture_path(f, "uk.yaml"));
}

/* The first diagnostic line, without the scratch directory prefix. */
static const char *first_error(struct fixture *f)
{
	const char *e = fixture_errors(f);
	const char *p = strstr(e, "uk.yaml");
	static char line[512];
	size_t n;

	p = p ? p : e;
	n = strcspn(p, "\n");
	snprintf(line, sizeof(line), "%.*s", (int)n, p);
	return line;
}

static void test_full_manifest(void **state)
{
	struct fixture *f = *state;
	struct manifest *m;

	fixture_write(f, "site/index.html", "<p>hi</p>");
	m = load(f, "name: web\nversion: 1.2.3\ntarget: hosted/x86_64\n"
		    "requires: [tcp, \"http >= 0.2\"]\nprefer: { alloc: alloc }\n"
		    "devices:\n"
		    "  - { name: net0, kind: net, ipv4: 10.0.0.2/24, gateway: 10.0.0.1,\n"
		    "      mac: \"00:16:3e:00:00:01\", tap: uk0 }\n"
		    "  - { name: disk0, kind: block, file: disk.img, readonly: yes }\n"
		    "sources: [src/*.c]\ninclude: [include]\ncflags: [-DX=1]\n"
		    "options: { LIBC_PRINTF_FLOAT: false, ALLOC_X: 42, NAME_Y: hello }\n"
		    "memory: 128M\ncmdline: -v --port 80\nassets: site\n");
	assert_non_null(m);
	assert_string_equal(m->name, "web");
	assert_string_equal(m->version, "1.2.3");
	assert_int_equal(m->nrequires, 2);
	assert_string_equal(m->requires[1].req.name, "http");
	assert_int_equal(m->requires[1].req.nbounds, 1);
	assert_int_equal(m->requires[1].pos.line, 4);
	assert_int_equal(m->requires[1].pos.col, 17);
	assert_int_equal(m->nprefer, 1);
	assert_int_equal(m->ndevices, 2);
	assert_int_equal(m->devices[0].kind, DEVICE_NET);
	assert_int_equal(m->devices[0].ipv4[3], 2);
	assert_int_equal(m->devices[0].prefix, 24);
	assert_int_equal(m->devices[0].gateway[3], 1);
	assert_int_equal(m->devices[0].mac[2], 0x3e);
	assert_string_equal(m->devices[0].tap, "uk0");
	assert_int_equal(m->devices[1].kind, DEVICE_BLOCK);
	assert_true(m->devices[1].readonly);
	assert_string_equal(m->options[0].value, "n");
	assert_string_equal(m->options[1].value, "42");
	assert_string_equal(m->options[2].value, "\"hello\"");
	assert_int_equal(m->memory_bytes, 128ull << 20);
	assert_string_equal(m->cmdline, "-v --port 80");
}

static void test_defaults(void **state)
{
	struct fixture *f = *state;
	struct manifest *m = load(f, "name: tiny\n");

	assert_non_null(m);
	assert_string_equal(m->target, MANIFEST_DEFAULT_TARGET);
	assert_string_equal(m->version, "0.1.0");
	assert_int_equal(m->nsources, 1);
	assert_string_equal(m->sources[0].text, "src/*.c");
	assert_int_equal(m->memory_bytes, MANIFEST_DEFAULT_MEMORY);
}

static void test_sizes(void **state)
{
	uint64_t v;

	(void)state;
	assert_true(manifest_parse_size("64M", &v));
	assert_int_equal(v, 64ull << 20);
	assert_true(manifest_parse_size("1 GiB", &v));
	assert_int_equal(v, 1ull << 30);
	assert_true(manifest_parse_size("512k", &v));
	assert_int_equal(v, 512ull << 10);
	assert_true(manifest_parse_size("32", &v));
	assert_int_equal(v, 32ull << 20);
	assert_false(manifest_parse_size("64X", &v));
	assert_false(manifest_parse_size("M", &v));
	assert_false(manifest_parse_size("99999999999999999999G", &v));
}

static void test_unknown_key_suggests(void **state)
{
	struct fixture *f = *state;

	assert_null(load(f, "name: a\nrequries: [libc]\n"));
	assert_string_equal(first_error(f),
			    "uk.yaml:2:1: error: unknown key 'requries' in the manifest");
	assert_non_null(strstr(fixture_errors(f), "  hint: did you mean 'requires'?\n"));
}

static void test_bad_device(void **state)
{
	struct fixture *f = *state;

	assert_null(load(f, "name: a\ndevices:\n  - { name: net0, kind: net, ipv4: 10.0.0.2/24, "
			    "gateway: 10.0.1.1 }\n"));
	assert_string_equal(first_error(f), "uk.yaml:3:58: error: gateway 10.0.1.1 is outside "
					    "the device's subnet /24");
}

static void test_yaml_syntax_error_has_position(void **state)
{
	struct fixture *f = *state;

	assert_null(load(f, "name: a\nrequires: [libc\n"));
	assert_non_null(strstr(first_error(f), "uk.yaml:3:1: error: invalid YAML"));
}

static void test_option_prefix(void **state)
{
	struct fixture *f = *state;

	assert_null(load(f, "name: a\noptions:\n  CONFIG_LIBC_X: y\n"));
	assert_string_equal(first_error(f), "uk.yaml:3:3: error: option 'CONFIG_LIBC_X' is "
					    "written without the CONFIG_ prefix");
}

static void test_every_error_reported(void **state)
{
	struct fixture *f = *state;

	/* Two independent mistakes: both are reported, not just the first. */
	assert_null(load(f, "name: a\nmemroy: 1G\ncflag: [-O3]\n"));
	assert_int_equal(f->ctx.errors, 2);
}

/* A device that fails its name is left out of the table, so the devices
 * after it are still checked, against the good names only. */
static void test_devices_after_a_nameless_one(void **state)
{
	struct fixture *f = *state;

	assert_null(load(f, "name: a\ndevices:\n  - { kind: net, ipv4: dhcp }\n"
			    "  - { name: [x], kind: net, ipv4: dhcp }\n"
			    "  - { name: net1, kind: net, ipv4: dhcp }\n"
			    "  - { name: net1, kind: net, ipv4: dhcp }\n"));
	assert_int_equal(f->ctx.errors, 3);
	assert_non_null(strstr(fixture_errors(f), "uk.yaml:6:13: error: device name 'net1' is "
						  "used twice\n  note: first used at line 5\n"));
}

/* Every bad key of a device is reported; the kind's own check waits for
 * its keys to be right, so no error follows from another. */
static void test_every_device_key_reported(void **state)
{
	struct fixture *f = *state;

	assert_null(load(f, "name: a\ndevices:\n  - { name: n, kind: net, ipv4: 1.2.3/8, "
			    "gateway: 1.2.3.4, mac: x }\n"));
	assert_int_equal(f->ctx.errors, 2);
	assert_null(strstr(fixture_errors(f), "gateway"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_full_manifest, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_defaults, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test(test_sizes),
	    cmocka_unit_test_setup_teardown(test_unknown_key_suggests, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_bad_device, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_syntax_error_has_position,
					    fixture_cmocka_setup, fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_option_prefix, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_every_error_reported, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_devices_after_a_nameless_one, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_every_device_key_reported, fixture_cmocka_setup,
					    fixture_cmocka_teardown),
	};
	return cmocka_run_group_tests_name("manifest", tests, NULL, NULL);
}
