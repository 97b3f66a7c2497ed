/* The toolstack's seed on the host: uk.seed= is decoded, erased where it
 * was, taken out of argv, handed out once by plat_entropy and erased
 * there; a seed without hex is ignored and said once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <xen-core/print.h>
#include <xen-core/seed.h>
#include <uk/plat.h>

static char printed[256];

void xen_print(const char *s)
{
	strncat(printed, s, sizeof(printed) - strlen(printed) - 1);
}

static void test_seed_taken_and_erased(void **state)
{
	char cmdline[] = "app 130 uk.seed=00ff10Ab uk.seed=zz x";
	char *argv[8] = {cmdline, cmdline + 4, cmdline + 8, cmdline + 25, cmdline + 36, NULL};
	unsigned char out[8];
	enum plat_entropy_source src;
	size_t i;

	(void)state;
	cmdline[3] = cmdline[7] = cmdline[24] = cmdline[35] = 0;
	assert_int_equal(xen_seed_take(5, argv), 3);
	assert_string_equal(argv[1], "130");
	assert_string_equal(argv[2], "x");
	assert_null(argv[3]);
	/* the seeds' characters are zeros now */
	for (i = 8; i < 35; i++)
		assert_int_equal(cmdline[i], 0);
	assert_int_equal(xen_seed_left(), 4);
	assert_string_equal(printed, "");
	/* handed out once, then none; the malformed one said at the first call */
	assert_int_equal(plat_entropy(out, 3, &src), 3);
	assert_int_equal(src, PLAT_ENTROPY_TOOLSTACK);
	assert_memory_equal(out, "\x00\xff\x10", 3);
	assert_string_equal(printed, "xen: uk.seed= has no hex bytes: ignored\n");
	assert_int_equal(plat_entropy(out, sizeof(out), &src), 1);
	assert_int_equal(out[0], 0xab);
	assert_int_equal(plat_entropy(out, sizeof(out), &src), 0);
	assert_int_equal(src, PLAT_ENTROPY_NONE);
	assert_int_equal(xen_seed_left(), 0);
	assert_string_equal(printed, "xen: uk.seed= has no hex bytes: ignored\n");
}

/* At most XEN_SEED_MAX bytes are kept; an argv without a seed is as it was. */
static void test_bounds(void **state)
{
	char seed[8 + 2 * (XEN_SEED_MAX + 4) + 1] = "uk.seed=";
	char *argv[3] = {"app", seed, NULL}, *plain[3] = {"app", "uk.seedless", NULL};
	unsigned char out[XEN_SEED_MAX + 8];
	enum plat_entropy_source src;

	(void)state;
	memset(seed + 8, '7', sizeof(seed) - 9);
	assert_int_equal(xen_seed_take(2, argv), 1);
	assert_int_equal(xen_seed_left(), XEN_SEED_MAX);
	assert_int_equal(plat_entropy(out, sizeof(out), &src), XEN_SEED_MAX);
	assert_int_equal(out[XEN_SEED_MAX - 1], 0x77);
	assert_int_equal(xen_seed_take(2, plain), 2);
	assert_string_equal(plain[1], "uk.seedless");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_seed_taken_and_erased),
	    cmocka_unit_test(test_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
