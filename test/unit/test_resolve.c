/* Unit tests of the resolver: choice of providers, order, and each kind of
 * error with the chain that led to it. */
#include "cmocka_all.h"

#include <string.h>

#include "catalog.h"
#include "fixture.h"
#include "resolve.h"

static int setup(void **state)
{
	static struct fixture f;

	fixture_setup(&f);
	fixture_target(&f);
	fixture_module(&f, "plat-h",
		       "name: plat-h\nversion: 1.0.0\nprovides: [platform]\n"
		       "platforms: [hosted]\ninit: { function: ph_init, level: early }\n");
	fixture_module(&f, "plat-x",
		       "name: plat-x\nversion: 1.0.0\nprovides: [platform]\n"
		       "platforms: [xen/x86_64]\nrequires: [devtree]\n");
	/* The platform uses a library that needs libc, which needs the platform. */
	fixture_module(&f, "devtree",
		       "name: devtree\nversion: 1.0.0\nprovides: [devtree]\n"
		       "requires: [libc]\n");
	fixture_module(&f, "alloc",
		       "name: alloc\nversion: 0.3.0\nprovides: [alloc]\n"
		       "requires: [platform]\ndefault: true\n"
		       "init: { function: alloc_init, level: early }\n");
	fixture_module(&f, "alloc-bump",
		       "name: alloc-bump\nversion: 1.0.0\nprovides: [alloc]\n"
		       "requires: [platform]\n");
	fixture_module(&f, "console",
		       "name: console\nversion: 0.1.0\nprovides: [console]\n"
		       "requires: [platform]\n"
		       "init: { function: console_init, level: platform }\n");
	fixture_module(&f, "libc",
		       "name: libc\nversion: 0.1.0\nprovides: [libc]\n"
		       "requires: [alloc >= 0.2, console]\n"
		       "init: { function: libc_init, level: lib }\n");
	fixture_module(&f, "netfront",
		       "name: netfront\nversion: 0.1.0\nprovides: [netdev-driver]\n"
		       "requires: [platform]\nplatforms: [xen]\n");
	fixture_module(&f, "tcp",
		       "name: tcp\nversion: 0.1.0\nprovides: [tcp]\n"
		       "requires: [netdev-driver, libc]\n");
	fixture_module(&f, "cyc-a",
		       "name: cyc-a\nversion: 0.1.0\nprovides: [ca]\nrequires: [cb]\n");
	fixture_module(&f, "cyc-b",
		       "name: cyc-b\nversion: 0.1.0\nprovides: [cb]\nrequires: [ca]\n");
	fixture_module(&f, "old",
		       "name: old\nversion: 0.1.0\nprovides: [old]\n"
		       "requires: [\"alloc < 0.2\"]\n");
	fixture_module(&f, "dbl-a", "name: dbl-a\nversion: 0.1.0\nprovides: [dbl]\n");
	fixture_module(&f, "dbl-b", "name: dbl-b\nversion: 0.1.0\nprovides: [dbl]\n");
	*state = &f;
	return 0;
}

static struct resolution *run(struct fixture *f, const char *target, const char *manifest)
{
	struct target **targets;
	size_t nt;
	const struct target *t;
	struct catalog *cat;
	struct manifest *m;

	fixture_write(f, "app/uk.yaml", manifest);
	m = manifest_load(&f->ctx, fixture_path(f, "app/uk.yaml"));
	assert_non_null(m);
	assert_int_equal(target_load_all(&f->ctx, f->dir, &targets, &nt), 0);
	t = target_find(&f->ctx, targets, nt, target, srcpos_none);
	assert_non_null(t);
	cat = catalog_load(&f->ctx, f->dir, NULL);
	assert_non_null(cat);
	return resolve(&f->ctx, cat, t, m);
}

static const char *names(struct fixture *f, const struct resolution *r)
{
	char *s = "";
	size_t i;

	for (i = 0; i < r->n; i++)
		s = ctx_printf(&f->ctx, "%s%s%s", s, i ? " " : "", r->mods[i].mod->name);
	return s;
}

static void test_minimal_set_in_init_order(void **state)
{
	struct fixture *f = *state;
	struct resolution *r = run(f, "hosted/x86_64", "name: app\nrequires: [libc]\n");

	assert_non_null(r);
	/* Only what libc reaches; dependencies first, then lower init levels. */
	assert_string_equal(names(f, r), "plat-h alloc console libc");
	assert_string_equal(r->mods[1].reason, "the default provider");
	assert_string_equal(r->mods[0].reason, "the only provider for this target");
}

static void test_deterministic(void **state)
{
	struct fixture *f = *state;
	struct resolution *a = run(f, "hosted/x86_64", "name: app\nrequires: [console, libc]\n");
	struct resolution *b = run(f, "hosted/x86_64", "name: app\nrequires: [libc, console]\n");

	assert_string_equal(names(f, a), names(f, b));
}

static void test_prefer_wins_over_default(void **state)
{
	struct fixture *f = *state;
	struct resolution *r = run(f, "hosted/x86_64",
				   "name: app\nrequires: [alloc]\nprefer: { alloc: alloc-bump }\n");

	assert_non_null(r);
	assert_string_equal(names(f, r), "plat-h alloc-bump");
	assert_string_equal(r->mods[1].reason, "preferred in uk.yaml");
}

static void test_platform_chosen_by_target(void **state)
{
	struct fixture *f = *state;
	struct resolution *r = run(f, "xen/x86_64", "name: app\nrequires: [alloc]\n");

	assert_non_null(r);
	/* No cycle through the platform: it comes first, its entry starts it. */
	assert_string_equal(names(f, r), "plat-x alloc console libc devtree");
}

static void test_unknown_capability_suggests(void **state)
{
	struct fixture *f = *state;

	assert_null(run(f, "hosted/x86_64", "name: app\nrequires: [libcc]\n"));
	assert_non_null(strstr(fixture_errors(f), "uk.yaml:2:12: error: unknown capability "
						  "'libcc': no module provides it\n"
						  "  hint: did you mean 'libc'?\n"));
}

static void test_platform_mismatch_prints_chain(void **state)
{
	struct fixture *f = *state;

	assert_null(run(f, "hosted/x86_64", "name: app\nrequires: [tcp]\n"));
	assert_non_null(
	    strstr(fixture_errors(f),
		   "error: no module provides 'netdev-driver' for target hosted/x86_64\n"
		   "  note: 'netdev-driver' is provided by netfront (xen)\n"
		   "  chain: app (app) -> tcp -> netdev-driver\n"));
}

static void test_version_conflict_prints_both_chains(void **state)
{
	struct fixture *f = *state;

	assert_null(run(f, "hosted/x86_64", "name: app\nrequires: [libc, old]\n"));
	assert_non_null(strstr(fixture_errors(f),
			       "error: version conflict: 'alloc < 0.2' is required, but alloc "
			       "0.3.0 was chosen\n  chain: app (app) -> old -> alloc < 0.2\n"
			       "  note: alloc 0.3.0 serves 'alloc': the default provider\n"
			       "  chain: app (app) -> libc -> alloc >= 0.2\n"));
}

static void test_cycle(void **state)
{
	struct fixture *f = *state;

	assert_null(run(f, "hosted/x86_64", "name: app\nrequires: [ca]\n"));
	assert_non_null(strstr(fixture_errors(f), "error: dependency cycle: cyc-a -> cyc-b -> "
						  "cyc-a\n"));
}

static void test_ambiguous_without_default(void **state)
{
	struct fixture *f = *state;

	assert_null(run(f, "hosted/x86_64", "name: app\nrequires: [dbl]\n"));
	assert_non_null(strstr(fixture_errors(f),
			       "error: several modules provide 'dbl' and none "
			       "is the default: dbl-a, dbl-b\n"
			       "  hint: choose one in uk.yaml, e.g. prefer: { dbl: "
			       "dbl-b }\n"));
}

static void test_prefer_of_non_provider(void **state)
{
	struct fixture *f = *state;

	assert_null(
	    run(f, "hosted/x86_64", "name: app\nrequires: [alloc]\nprefer: { alloc: libc }\n"));
	assert_non_null(strstr(fixture_errors(f), "uk.yaml:3:11: error: prefer: module 'libc' does "
						  "not provide 'alloc'\n"
						  "  hint: the providers of 'alloc' are: alloc, "
						  "alloc-bump\n"));
}

static void test_device_needs_driver(void **state)
{
	struct fixture *f = *state;

	assert_null(run(f, "hosted/x86_64",
			"name: app\ndevices:\n  - { name: net0, kind: net, "
			"ipv4: dhcp }\n"));
	assert_non_null(strstr(fixture_errors(f),
			       "error: no module provides 'netdev-driver' for target "
			       "hosted/x86_64\n"));
	assert_non_null(strstr(fixture_errors(f), "  chain: device net0 -> netdev-driver\n"));
}

/* "ipv4: dhcp" brings the DHCP client: without it the device would never
 * get its address. */
static void test_dhcp_device_needs_dhcp(void **state)
{
	struct fixture *f = *state;

	assert_null(run(f, "xen/x86_64",
			"name: app\ndevices:\n  - { name: net0, kind: net, "
			"ipv4: dhcp }\n"));
	assert_non_null(
	    strstr(fixture_errors(f),
		   "uk.yaml:3:5: error: unknown capability 'dhcp': no module provides it\n"));
	assert_non_null(strstr(fixture_errors(f), "  chain: device net0 -> dhcp\n"));
	assert_null(strstr(fixture_errors(f), "netdev-driver"));
}

static void test_chain_for_why(void **state)
{
	struct fixture *f = *state;
	struct resolution *r = run(f, "hosted/x86_64", "name: app\nrequires: [libc]\n");
	struct chain_step *steps;
	long i = resolution_find(r, "alloc");
	size_t n;

	assert_true(i >= 0);
	n = resolve_chain(&f->ctx, r, &r->mods[i].why, &steps);
	assert_int_equal(n, 2);
	assert_string_equal(steps[0].who, "app (app)");
	assert_string_equal(steps[0].what, "libc");
	assert_string_equal(steps[1].who, "libc");
	assert_string_equal(steps[1].what, "alloc >= 0.2");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_minimal_set_in_init_order, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_deterministic, setup, fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_prefer_wins_over_default, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_platform_chosen_by_target, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_capability_suggests, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_platform_mismatch_prints_chain, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_version_conflict_prints_both_chains, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_cycle, setup, fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_ambiguous_without_default, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_prefer_of_non_provider, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_dhcp_device_needs_dhcp, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_device_needs_driver, setup,
					    fixture_cmocka_teardown),
	    cmocka_unit_test_setup_teardown(test_chain_for_why, setup, fixture_cmocka_teardown),
	};
	return cmocka_run_group_tests_name("resolve", tests, NULL, NULL);
}
