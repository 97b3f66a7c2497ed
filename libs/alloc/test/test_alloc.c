/* Edge cases of the allocator: sizes, alignment, exhaustion, coalescing,
 * realloc in place, misuse detection and the consistency checker. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <alloc/alloc.h>

#include "../src/heap.h"
#include "plat_stub.h"

#define ARENA_BYTES (1u << 20)

static _Alignas(4096) unsigned char arena[ARENA_BYTES];
static _Alignas(64) unsigned char arena2[64 * 1024];

static int setup(void **state)
{
	(void)state;
	memset(&__alloc_heap, 0, sizeof(__alloc_heap));
	stub_nregions = 0;
	assert_int_equal(alloc_add_region(arena, sizeof(arena)), 0);
	assert_int_equal(alloc_check(), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	assert_int_equal(alloc_check(), 0);
	return 0;
}

static struct alloc_stats stats(void)
{
	struct alloc_stats s;

	alloc_stats(&s);
	return s;
}

static void test_zero_size(void **state)
{
	void *a = alloc_malloc(0), *b = alloc_malloc(0);

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	assert_true(alloc_usable_size(a) >= 1);
	alloc_free(a);
	alloc_free(b);
	alloc_free(NULL);
	assert_int_equal(stats().live_blocks, 0);
}

static void test_huge_sizes(void **state)
{
	(void)state;
	assert_null(alloc_malloc(SIZE_MAX));
	assert_null(alloc_malloc(SIZE_MAX - 15));
	assert_null(alloc_malloc(SIZE_MAX / 2));
	assert_null(alloc_malloc(ARENA_BYTES));
	assert_null(alloc_calloc(SIZE_MAX / 2, 3));
	assert_null(alloc_calloc((size_t)1 << 33, (size_t)1 << 33));
	assert_null(alloc_memalign(64, SIZE_MAX - 100));
	assert_null(alloc_memalign((size_t)1 << 62, 16));
	assert_null(alloc_memalign(48, 16)); /* not a power of two */
	assert_null(alloc_memalign(0, 16));
	assert_int_equal(stats().failures, 10);
	assert_int_equal(stats().live_blocks, 0);
	assert_int_equal(stats().free_blocks, 1);
}

static void test_alignment(void **state)
{
	void *p[64];
	size_t i, align;

	(void)state;
	for (i = 0; i < 64; i++) {
		p[i] = alloc_malloc(i * 7 + 1);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % ALLOC_ALIGN, 0);
		assert_true(alloc_usable_size(p[i]) >= i * 7 + 1);
	}
	for (i = 0; i < 64; i += 2)
		alloc_free(p[i]);
	for (align = 1; align <= 65536; align <<= 1) {
		void *a = alloc_memalign(align, align * 3 / 2 + 1);

		assert_non_null(a);
		assert_int_equal((uintptr_t)a % align, 0);
		memset(a, 0x5a, align * 3 / 2 + 1);
		assert_int_equal(alloc_check(), 0);
		alloc_free(a);
	}
	for (i = 1; i < 64; i += 2)
		alloc_free(p[i]);
	assert_int_equal(stats().free_blocks, 1);
}

static void test_exhaustion_then_recovery(void **state)
{
	static void *p[ARENA_BYTES / 1024];
	size_t n = 0, i;
	void *big;

	(void)state;
	while ((p[n] = alloc_malloc(1000)) != NULL)
		n++;
	assert_true(n > ARENA_BYTES / 1024 - 32);
	assert_true(stats().free_bytes < 1024 + ALLOC_MIN_BLOCK);
	assert_null(alloc_malloc(4096));
	assert_null(alloc_calloc(10, 1000));
	assert_int_equal(alloc_check(), 0);
	for (i = 0; i < n; i++)
		alloc_free(p[i]);
	big = alloc_malloc(ARENA_BYTES - 4096);
	assert_non_null(big);
	alloc_free(big);
}

static uint64_t rng = 88172645463325252ull;

static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void test_coalescing_gives_one_block(void **state)
{
	static void *p[2000];
	struct alloc_stats before = stats(), after;
	size_t i;

	(void)state;
	for (i = 0; i < 2000; i++) {
		p[i] = alloc_malloc(next_rand() % 300);
		assert_non_null(p[i]);
	}
	/* free in a shuffled order so every coalescing case happens */
	for (i = 1999; i > 0; i--) {
		size_t j = next_rand() % (i + 1);
		void *t = p[i];

		p[i] = p[j];
		p[j] = t;
	}
	for (i = 0; i < 2000; i++) {
		alloc_free(p[i]);
		if (i % 100 == 0)
			assert_int_equal(alloc_check(), 0);
	}
	after = stats();
	assert_int_equal(after.free_blocks, 1);
	assert_int_equal(after.largest_free, after.heap_bytes);
	assert_int_equal(after.free_bytes, before.free_bytes);
	assert_int_equal(after.used_bytes, 0);
	assert_true(after.peak_used_bytes > 2000 * ALLOC_MIN_BLOCK);
}

static void test_realloc_in_place(void **state)
{
	char *a = alloc_malloc(100), *b = alloc_malloc(400), *c, *d;
	size_t i;

	(void)state;
	c = alloc_malloc(16); /* keeps b's block from joining the big tail */
	for (i = 0; i < 100; i++)
		a[i] = (char)i;
	alloc_free(b);
	/* grows into the freed neighbour */
	d = alloc_realloc(a, 450);
	assert_ptr_equal(d, a);
	for (i = 0; i < 100; i++)
		assert_int_equal(d[i], (char)i);
	/* shrinks in place and gives the tail back */
	assert_ptr_equal(alloc_realloc(d, 10), d);
	assert_int_equal(alloc_check(), 0);
	/* size 0 shrinks to the minimum, still a valid block */
	assert_ptr_equal(alloc_realloc(d, 0), d);
	for (i = 0; i < 10; i++)
		assert_int_equal(d[i], (char)i);
	/* cannot grow in place past c: moves, keeping the contents */
	b = alloc_realloc(d, 5000);
	assert_non_null(b);
	assert_ptr_not_equal(b, d);
	for (i = 0; i < 10; i++)
		assert_int_equal(b[i], (char)i);
	/* NULL behaves as malloc; a failed realloc leaves the block alone */
	d = alloc_realloc(NULL, 32);
	assert_non_null(d);
	assert_null(alloc_realloc(b, SIZE_MAX));
	assert_null(alloc_realloc(b, ARENA_BYTES));
	assert_int_equal(b[9], 9);
	alloc_free(b);
	alloc_free(c);
	alloc_free(d);
	assert_int_equal(stats().free_blocks, 1);
}

static void test_calloc_zeroes(void **state)
{
	unsigned char *p = alloc_malloc(512), *q;
	size_t i;

	(void)state;
	memset(p, 0xff, 512);
	alloc_free(p);
	q = alloc_calloc(64, 8);
	assert_ptr_equal(q, p); /* same spot, so the zeroing is real */
	for (i = 0; i < 512; i++)
		assert_int_equal(q[i], 0);
	alloc_free(q);
}

static void test_poison_fills_freed(void **state)
{
	unsigned char *p = alloc_malloc(256), *keep = alloc_malloc(16);
	size_t i;

	(void)state;
	memset(p, 0x11, 256);
	alloc_free(p);
	/* past the free-list links (16 bytes) the pattern must show */
	for (i = 16; i < 200; i++)
		assert_int_equal(p[i], ALLOC_POISON_BYTE);
	alloc_free(keep);
}

static void test_double_free_panics(void **state)
{
	void *a = alloc_malloc(64), *b = alloc_malloc(64), *c = alloc_malloc(64);

	(void)state;
	alloc_free(b);
	expect_assert_failure(alloc_free(b));
	/* b merged into a's free block: its stale header still says so */
	alloc_free(a);
	expect_assert_failure(alloc_free(b));
	expect_assert_failure(alloc_free(a));
	expect_assert_failure(alloc_realloc(a, 10));
	alloc_free(c);
}

static void test_bad_pointer_panics(void **state)
{
	char *a = alloc_malloc(256);
	static _Alignas(16) char foreign[64];

	(void)state;
	memset(a, 0, 256);
	expect_assert_failure(alloc_free(a + 1));
	expect_assert_failure(alloc_free(a + 32));
	expect_assert_failure(alloc_free(foreign + 32));
	expect_assert_failure(alloc_usable_size(a + 64));
	assert_int_equal(alloc_check(), 0);
	alloc_free(a);
}

static void test_check_detects_corruption(void **state)
{
	char *a = alloc_malloc(64), *b = alloc_malloc(64);
	size_t saved;

	(void)state;
	assert_int_equal(alloc_check(), 0);
	/* an overflow from a into b's header */
	memcpy(&saved, b - 16, sizeof(saved));
	memset(b - 16, 0x41, 8);
	assert_int_equal(alloc_check(), -22);
	memcpy(b - 16, &saved, sizeof(saved));
	assert_int_equal(alloc_check(), 0);
	/* a counter out of step */
	__alloc_heap.live_blocks++;
	assert_int_equal(alloc_check(), -22);
	__alloc_heap.live_blocks--;
	/* a free block dropped from its list */
	alloc_free(a);
	{
		struct alloc_block *fb = (struct alloc_block *)(a - 16);
		unsigned c = alloc_class(blk_size(fb));
		struct alloc_block *head = __alloc_heap.lists[c];

		assert_ptr_equal(head, fb);
		__alloc_heap.lists[c] = fb->next;
		assert_int_equal(alloc_check(), -22);
		__alloc_heap.lists[c] = head;
	}
	assert_int_equal(alloc_check(), 0);
	alloc_free(b);
}

static void test_regions(void **state)
{
	void *p[36];
	size_t i;
	int seen_second = 0;

	(void)state;
	assert_int_equal(alloc_add_region(arena2, 64), -22);
	assert_int_equal(alloc_add_region(arena + 4096, 8192), -22);
	assert_int_equal(alloc_add_region((void *)(UINTPTR_MAX - 64), 4096), -22);
	assert_int_equal(alloc_add_region(arena2 + 3, sizeof(arena2) - 3), 0);
	assert_int_equal(stats().regions, 2);
	assert_int_equal(alloc_check(), 0);
	for (i = 0; i < 36; i++) {
		p[i] = alloc_malloc(30000);
		assert_non_null(p[i]);
		if ((unsigned char *)p[i] >= arena2 &&
		    (unsigned char *)p[i] < arena2 + sizeof(arena2))
			seen_second = 1;
	}
	assert_true(seen_second);
	assert_int_equal(alloc_check(), 0);
	for (i = 0; i < 36; i++)
		alloc_free(p[i]);
	assert_int_equal(stats().free_blocks, 2);
}

static void test_init_takes_platform_regions(void **state)
{
	struct alloc_stats s;

	(void)state;
	memset(&__alloc_heap, 0, sizeof(__alloc_heap));
	stub_nregions = 0;
	assert_int_equal(alloc_init(), -12);
	stub_regions[0].base = (uintptr_t)arena;
	stub_regions[0].len = sizeof(arena);
	stub_regions[1].base = (uintptr_t)arena2;
	stub_regions[1].len = 16; /* too small: skipped */
	stub_nregions = 2;
	assert_int_equal(alloc_init(), 0);
	alloc_stats(&s);
	assert_int_equal(s.regions, 1);
	assert_true(s.heap_bytes > sizeof(arena) - 128);
	assert_int_equal(s.used_bytes + s.free_bytes, s.heap_bytes);
}

static void test_stats_count(void **state)
{
	struct alloc_stats s;
	void *a, *b;

	(void)state;
	a = alloc_malloc(100);
	b = alloc_memalign(256, 100);
	alloc_stats(&s);
	assert_int_equal(s.live_blocks, 2);
	assert_int_equal(s.mallocs, 2);
	assert_int_equal(s.used_bytes, 128 + 128);
	assert_int_equal(s.peak_used_bytes, 256);
	alloc_free(a);
	alloc_free(b);
	alloc_stats(&s);
	assert_int_equal(s.frees, 2);
	assert_int_equal(s.used_bytes, 0);
	assert_int_equal(s.peak_used_bytes, 256);
	/* and every counter has its name (uk/counters.h) */
	assert_true(uk_counter_table_complete(&alloc_counter_table));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_zero_size, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_huge_sizes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_alignment, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_exhaustion_then_recovery, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_coalescing_gives_one_block, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_realloc_in_place, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_calloc_zeroes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_poison_fills_freed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_double_free_panics, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_pointer_panics, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_check_detects_corruption, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_regions, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_init_takes_platform_regions, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_stats_count, setup, teardown),
	};

	return cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
}
