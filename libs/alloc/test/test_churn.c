/* Randomised stress of the allocator: 200k seeded malloc/calloc/realloc/
 * memalign/free operations over a 4 MiB heap, every byte of every live
 * block checked against a pattern tied to its address. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <alloc/alloc.h>

#include "../src/heap.h"

#define HEAP_BYTES  (4u << 20)
#define SLOTS	    512
#define OPS	    200000
#define CHECK_EVERY 2000

static _Alignas(16) unsigned char heap[HEAP_BYTES];

struct slot {
	unsigned char *p;
	size_t size;
	size_t align;
};

static struct slot slots[SLOTS];
static uint64_t rng;

static uint64_t next_rand(void)
{
	/* xorshift64*: fast, and the seed makes a failure reproducible */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ull;
}

static size_t random_size(void)
{
	uint64_t r = next_rand() % 100;

	if (r < 70)
		return next_rand() % 257;
	if (r < 95)
		return 257 + next_rand() % 8000;
	return 8257 + next_rand() % 250000;
}

/* The pattern is made of 64-bit words so filling and checking megabytes
 * under the sanitizers stays fast; byte i is byte i % 8 of word i / 8. */
static uint64_t pattern(const unsigned char *base, size_t word)
{
	return ((uint64_t)(uintptr_t)base + word) * 0x9e3779b97f4a7c15ull;
}

static void fill(unsigned char *p, size_t n)
{
	size_t w;

	for (w = 0; w < n / 8; w++)
		((uint64_t *)p)[w] = pattern(p, w);
	if (n % 8) {
		uint64_t last = pattern(p, w);

		memcpy(p + w * 8, &last, n % 8);
	}
}

/* Checks the first n bytes at p hold the pattern of base (blocks are 16-byte
 * aligned, so the word accesses are aligned). */
static void verify(const unsigned char *p, const unsigned char *base, size_t n)
{
	size_t w;

	for (w = 0; w < n / 8; w++)
		if (((const uint64_t *)p)[w] != pattern(base, w))
			fail_msg("block %p word %zu corrupted", (void *)base, w);
	if (n % 8) {
		uint64_t last = pattern(base, w);

		if (memcmp(p + w * 8, &last, n % 8))
			fail_msg("block %p tail corrupted", (void *)base);
	}
}

static void churn(uint64_t seed)
{
	struct alloc_stats st;
	size_t op, failures = 0, moves = 0;
	unsigned i;

	memset(&__alloc_heap, 0, sizeof(__alloc_heap));
	memset(slots, 0, sizeof(slots));
	rng = seed;
	assert_int_equal(alloc_add_region(heap, sizeof(heap)), 0);

	for (op = 0; op < OPS; op++) {
		struct slot *s = &slots[next_rand() % SLOTS];
		uint64_t kind = next_rand() % 10;

		if (!s->p) {
			size_t size = random_size();

			s->align = 0;
			if (kind < 6) {
				s->p = alloc_malloc(size);
			} else if (kind < 8) {
				s->p = alloc_calloc(1 + size % 7, size / 7 + 1);
				size = (1 + size % 7) * (size / 7 + 1);
				for (i = 0; s->p && i < size; i++)
					assert_int_equal(s->p[i], 0);
			} else {
				s->align = (size_t)32 << (next_rand() % 8);
				s->p = alloc_memalign(s->align, size);
				if (s->p)
					assert_int_equal((uintptr_t)s->p % s->align, 0);
			}
			if (!s->p) {
				failures++;
				continue;
			}
			assert_int_equal((uintptr_t)s->p % ALLOC_ALIGN, 0);
			assert_true(alloc_usable_size(s->p) >= size);
			s->size = size;
			fill(s->p, size);
		} else if (kind < 6) {
			verify(s->p, s->p, s->size);
			alloc_free(s->p);
			s->p = NULL;
		} else {
			size_t size = random_size();
			size_t keep = size < s->size ? size : s->size;
			unsigned char *old = s->p, *q;

			verify(old, old, s->size);
			q = alloc_realloc(old, size);
			if (!q) {
				failures++;
				verify(old, old, s->size);
				continue;
			}
			if (q != old)
				moves++;
			verify(q, old, keep);
			s->p = q;
			s->size = size;
			fill(q, size);
		}
		if (op % CHECK_EVERY == 0)
			assert_int_equal(alloc_check(), 0);
	}

	assert_int_equal(alloc_check(), 0);
	alloc_stats(&st);
	assert_int_equal(st.used_bytes + st.free_bytes, st.heap_bytes);
	assert_true(moves > 0);
	for (i = 0; i < SLOTS; i++) {
		if (slots[i].p) {
			verify(slots[i].p, slots[i].p, slots[i].size);
			alloc_free(slots[i].p);
		}
	}
	assert_int_equal(alloc_check(), 0);
	alloc_stats(&st);
	assert_int_equal(st.live_blocks, 0);
	assert_int_equal(st.free_blocks, 1);
	assert_int_equal(st.largest_free, st.heap_bytes);
	print_message("seed %llu: %zu failed requests, %zu realloc moves, peak %zu\n",
		      (unsigned long long)seed, failures, moves, st.peak_used_bytes);
}

static void test_churn_seed_1(void **state)
{
	(void)state;
	churn(1);
}

static void test_churn_seed_2(void **state)
{
	(void)state;
	churn(0x9e3779b97f4a7c15ull);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_churn_seed_1),
	    cmocka_unit_test(test_churn_seed_2),
	};

	return cmocka_run_group_tests_name("alloc churn", tests, NULL, NULL);
}
