/* stdlib.h: the strto* corners (bases, signs, overflow, endptr), sorting
 * and searching, the heap wrappers and errno, and the ways an image ends
 * (exit flushes the console, abort/assert/stack check panic). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

/* the assert() test needs assert() even in release builds */
#undef NDEBUG
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plat_stub.h"

/* strtol with its endptr offset and errno, in one call for the table. */
static long sl(const char *s, int base, long *end_off, int *err)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, base);
	*end_off = end - s;
	*err = errno;
	return v;
}

#define SL(str, base, value, off, error)                                                           \
	do {                                                                                       \
		long o_;                                                                           \
		int e_;                                                                            \
		assert_int_equal(sl(str, base, &o_, &e_), value);                                  \
		assert_int_equal(o_, off);                                                         \
		assert_int_equal(e_, error);                                                       \
	} while (0)

static void test_strtol(void **state)
{
	(void)state;
	SL("0", 10, 0, 1, 0);
	SL("123", 10, 123, 3, 0);
	SL("  \t\n-42xyz", 10, -42, 7, 0);
	SL("+7", 10, 7, 2, 0);
	SL("", 10, 0, 0, 0);
	SL("   ", 10, 0, 0, 0);
	SL("-", 10, 0, 0, 0);
	SL("+-1", 10, 0, 0, 0);
	SL("abc", 10, 0, 0, 0);
	/* base detection and prefixes */
	SL("0x1f", 0, 31, 4, 0);
	SL("0X1F", 16, 31, 4, 0);
	SL("1f", 16, 31, 2, 0);
	SL("-0x10", 0, -16, 5, 0);
	SL("017", 0, 15, 3, 0);
	SL("089", 0, 0, 1, 0); /* octal stops at 8 */
	SL("0x", 0, 0, 1, 0);  /* the "0" is the number, x is left */
	SL("0xg", 16, 0, 1, 0);
	SL("0x1", 10, 0, 1, 0);
	SL("101", 2, 5, 3, 0);
	SL("z", 36, 35, 1, 0);
	SL("Zz", 36, 35 * 36 + 35, 2, 0);
	SL("12", 3, 5, 2, 0);
	SL("13", 3, 1, 1, 0);
	/* limits and overflow: clamped, ERANGE, end after all the digits */
	SL("9223372036854775807", 10, LONG_MAX, 19, 0);
	SL("-9223372036854775808", 10, LONG_MIN, 20, 0);
	SL("9223372036854775808", 10, LONG_MAX, 19, ERANGE);
	SL("-9223372036854775809", 10, LONG_MIN, 20, ERANGE);
	SL("99999999999999999999999999 rest", 10, LONG_MAX, 26, ERANGE);
	SL("0x7fffffffffffffff", 16, LONG_MAX, 18, 0);
	SL("0x8000000000000000", 16, LONG_MAX, 18, ERANGE);
	SL("-0x8000000000000000", 16, LONG_MIN, 19, 0);
	/* bad bases */
	SL("10", 1, 0, 0, EINVAL);
	SL("10", 37, 0, 0, EINVAL);
	SL("10", -2, 0, 0, EINVAL);

	assert_int_equal(strtol("55", NULL, 10), 55);
}

static void test_strtoul_and_ll(void **state)
{
	char *end;

	(void)state;
	errno = 0;
	assert_true(strtoul("18446744073709551615", &end, 10) == ULONG_MAX);
	assert_int_equal(errno, 0);
	assert_true(strtoul("18446744073709551616", &end, 10) == ULONG_MAX);
	assert_int_equal(errno, ERANGE);
	assert_int_equal(*end, '\0');
	/* a minus negates in unsigned arithmetic, as C says */
	errno = 0;
	assert_true(strtoul("-1", &end, 10) == ULONG_MAX);
	assert_int_equal(errno, 0);
	assert_true(strtoul("-2", NULL, 10) == ULONG_MAX - 1);
	assert_true(strtoul("-18446744073709551616", NULL, 10) == ULONG_MAX);
	assert_true(strtoull("0xffffffffffffffff", NULL, 0) == ULLONG_MAX);
	assert_true(strtoull("777", NULL, 8) == 511);
	errno = 0;
	assert_true(strtoll("-9223372036854775808", &end, 10) == LLONG_MIN);
	assert_int_equal(errno, 0);
	assert_true(strtoll("9223372036854775808", &end, 10) == LLONG_MAX);
	assert_int_equal(errno, ERANGE);
	assert_int_equal(atoi("  -321abc"), -321);
	assert_int_equal(atoi("x"), 0);
	assert_int_equal(atol("2147483648"), 2147483648L);
	assert_true(atoll("-9000000000") == -9000000000LL);
	assert_int_equal(abs(-5), 5);
	assert_int_equal(abs(5), 5);
	assert_int_equal(labs(-5000000000L), 5000000000L);
	assert_true(llabs(-1LL) == 1);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

struct rec {
	char name[13];
	unsigned key;
};

static int cmp_rec(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

static void test_qsort_bsearch(void **state)
{
	static int v[1000];
	static struct rec r[257];
	unsigned long sum = 0, sum2 = 0;
	int n, i, key;

	(void)state;
	srand(12345);
	for (n = 0; n <= 1000; n = n < 20 ? n + 1 : n * 3 + 7) {
		if (n > 1000)
			break;
		sum = sum2 = 0;
		for (i = 0; i < n; i++) {
			v[i] = rand() % 50 - 25; /* plenty of duplicates */
			sum += (unsigned long)(v[i] + 25);
		}
		qsort(v, (size_t)n, sizeof(v[0]), cmp_int);
		for (i = 0; i < n; i++) {
			sum2 += (unsigned long)(v[i] + 25);
			if (i)
				assert_true(v[i - 1] <= v[i]);
		}
		assert_int_equal(sum, sum2);
		for (key = -26; key <= 25 && n; key++) {
			int *hit = bsearch(&key, v, (size_t)n, sizeof(v[0]), cmp_int);
			int present = 0;

			for (i = 0; i < n; i++)
				present |= v[i] == key;
			if (present)
				assert_true(hit && *hit == key);
			else
				assert_null(hit);
		}
	}
	/* odd-sized elements, already sorted and reversed input */
	for (i = 0; i < 257; i++) {
		r[i].key = (unsigned)(256 - i);
		snprintf(r[i].name, sizeof(r[i].name), "n%u", r[i].key);
	}
	qsort(r, 257, sizeof(r[0]), cmp_rec);
	for (i = 0; i < 257; i++) {
		char want[13];

		snprintf(want, sizeof(want), "n%d", i);
		assert_int_equal(r[i].key, i);
		assert_string_equal(r[i].name, want);
	}
	qsort(r, 257, sizeof(r[0]), cmp_rec);
	assert_int_equal(r[0].key, 0);
	qsort(NULL, 0, sizeof(int), cmp_int);
	key = 3;
	assert_null(bsearch(&key, NULL, 0, sizeof(int), cmp_int));
}

static void test_rand(void **state)
{
	int a[8], i;

	(void)state;
	srand(7);
	for (i = 0; i < 8; i++) {
		a[i] = rand();
		assert_true(a[i] >= 0 && a[i] <= RAND_MAX);
	}
	srand(7);
	for (i = 0; i < 8; i++)
		assert_int_equal(rand(), a[i]);
}

static void test_heap(void **state)
{
	void *p, *q;
	int rc;

	(void)state;
	stub_heap_init();
	p = malloc(100);
	assert_non_null(p);
	assert_int_equal((uintptr_t)p % 16, 0);
	p = realloc(p, 5000);
	assert_non_null(p);
	q = calloc(10, 10);
	assert_non_null(q);
	assert_int_equal(((unsigned char *)q)[99], 0);
	free(q);
	free(p);
	free(NULL);

	errno = 0;
	assert_null(malloc(SIZE_MAX));
	assert_int_equal(errno, ENOMEM);
	errno = 0;
	assert_null(calloc(SIZE_MAX / 2, 4));
	assert_int_equal(errno, ENOMEM);
	errno = 0;
	p = malloc(8);
	assert_null(realloc(p, SIZE_MAX - 8));
	assert_int_equal(errno, ENOMEM);
	free(p);

	p = aligned_alloc(4096, 10);
	assert_non_null(p);
	assert_int_equal((uintptr_t)p % 4096, 0);
	free(p);
	errno = 0;
	assert_null(aligned_alloc(24, 10));
	assert_int_equal(errno, EINVAL);

	p = NULL;
	assert_int_equal(posix_memalign(&p, 256, 1), 0);
	assert_int_equal((uintptr_t)p % 256, 0);
	free(p);
	p = NULL;
	rc = posix_memalign(&p, 4, 16);
	assert_int_equal(rc, EINVAL);
	assert_int_equal(posix_memalign(&p, 48, 16), EINVAL);
	assert_int_equal(posix_memalign(&p, 64, SIZE_MAX), ENOMEM);
	assert_null(p); /* untouched on failure */
}

static void test_exit_flushes_console(void **state)
{
	(void)state;
	stub_reset();
	printf("partial line");
	assert_int_equal(stub_console_len, 0);
	expect_assert_failure(exit(3));
	assert_int_equal(stub_exit_status, 3);
	assert_string_equal(stub_console, "partial line");

	stub_reset();
	printf("lost");
	expect_assert_failure(_Exit(4));
	assert_int_equal(stub_exit_status, 4);
	assert_int_equal(stub_console_len, 0);
	fflush(stdout);
	stub_reset();
}

static int assert_line;

static void fail_an_assert(void)
{
	assert_line = __LINE__ + 1;
	assert(1 + 1 == 3);
}

static void test_abort_assert(void **state)
{
	char want[128];

	(void)state;
	stub_reset();
	printf("before abort");
	expect_assert_failure(abort());
	assert_string_equal(stub_console, "before abort");

	stub_reset();
	expect_assert_failure(fail_an_assert());
	snprintf(want, sizeof(want), "%s:%d: assertion failed: 1 + 1 == 3\n", __FILE__,
		 assert_line);
	assert_string_equal(stub_console, want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_strtol),	  cmocka_unit_test(test_strtoul_and_ll),
	    cmocka_unit_test(test_qsort_bsearch), cmocka_unit_test(test_rand),
	    cmocka_unit_test(test_heap),	  cmocka_unit_test(test_exit_flushes_console),
	    cmocka_unit_test(test_abort_assert),
	};

	return cmocka_run_group_tests_name("libc stdlib", tests, NULL, NULL);
}
