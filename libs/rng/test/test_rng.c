/* The rng module on the host: ChaCha20 against RFC 8439, fast key erasure,
 * mixing and reseeding, the crediting rules behind rng_seeded(), and the
 * uniform distribution's bounds, over stub sources the tests set. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <rng/rng.h>
#include <uk/plat.h>

#include "rng_impl.h"

/* The stub platform: a clock the test moves, an entropy source that gives
 * plat_bytes bytes of value plat_fill once per call, and a console. */
static uint64_t now_ns;
static size_t plat_bytes;
static uint8_t plat_fill;
static enum plat_entropy_source plat_kind = PLAT_ENTROPY_GETRANDOM;
static unsigned plat_calls;
static size_t cpu_bytes;
static char console[256];

uint64_t plat_monotonic_ns(void)
{
	return now_ns;
}

size_t plat_entropy(void *buf, size_t len, enum plat_entropy_source *src)
{
	size_t n = plat_bytes < len ? plat_bytes : len;

	plat_calls++;
	*src = n ? plat_kind : PLAT_ENTROPY_NONE;
	memset(buf, plat_fill, n);
	/* a toolstack seed is given once */
	if (plat_kind == PLAT_ENTROPY_TOOLSTACK)
		plat_bytes -= n;
	return n;
}

void plat_console_write(const char *buf, size_t len)
{
	size_t have = strlen(console);

	if (have + len < sizeof(console))
		memcpy(console + have, buf, len);
}

size_t rng_cpu_entropy(void *buf, size_t len, enum rng_source *src)
{
	size_t n = cpu_bytes < len ? cpu_bytes : len;

	*src = RNG_SRC_RDRAND;
	memset(buf, 0x5a, n);
	return n;
}

static void unhex(const char *h, uint8_t *out)
{
	unsigned v;

	while (h[0] && h[1] && sscanf(h, "%2x", &v) == 1) {
		*out++ = (uint8_t)v;
		h += 2;
	}
}

static void check_block(const char *key, const char *nonce, uint32_t ctr, const char *want)
{
	uint8_t k[32], n[12], w[64], out[64];

	unhex(key, k);
	unhex(nonce, n);
	unhex(want, w);
	rng_chacha20_block(k, ctr, n, out);
	assert_memory_equal(out, w, 64);
}

/* RFC 8439 2.3.2, and A.1 test vectors 1 and 2. */
static void test_chacha20_rfc8439(void **state)
{
	(void)state;
	check_block("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
		    "000000090000004a00000000", 1,
		    "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
		    "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e");
	check_block("0000000000000000000000000000000000000000000000000000000000000000",
		    "000000000000000000000000", 0,
		    "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
		    "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586");
	check_block("0000000000000000000000000000000000000000000000000000000000000000",
		    "000000000000000000000000", 1,
		    "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed"
		    "29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f");
}

/* RFC 8439 2.4.2: the first 64 bytes of the "sunscreen" ciphertext are the
 * plaintext XOR the block of counter 1. */
static void test_chacha20_rfc8439_encrypt(void **state)
{
	static const char pt[] = "Ladies and Gentlemen of the class of '99: If I could offer you o";
	uint8_t k[32], n[12], ks[64], want[64];
	int i;

	(void)state;
	unhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", k);
	unhex("000000000000004a00000000", n);
	unhex("6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
	      "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8",
	      want);
	rng_chacha20_block(k, 1, n, ks);
	for (i = 0; i < 64; i++)
		assert_int_equal((uint8_t)(pt[i] ^ ks[i]), want[i]);
}

/* Before anything else: the first use seeds from every source, and a
 * console line says so when only jitter was there. */
static void test_unseeded_reports(void **state)
{
	struct rng_stats s;

	(void)state;
	plat_bytes = 0;
	cpu_bytes = 0;
	assert_int_equal(rng_init(), 0);
	assert_false(rng_seeded());
	assert_string_equal(console, "rng: not seeded: no strong entropy source, timer jitter "
				     "only (docs/rng.md)\n");
	rng_stats(&s);
	assert_int_equal(s.reseeds, 1);
	assert_int_equal(s.seeded, 0);
	assert_int_equal(s.bytes_in[RNG_SRC_JITTER], 32);
	/* the stub clock does not move: no jitter is credited */
	assert_int_equal(s.bits[RNG_SRC_JITTER], 0);
	/* a second init does not reseed or print again */
	console[0] = 0;
	assert_int_equal(rng_init(), 0);
	rng_stats(&s);
	assert_int_equal(s.reseeds, 1);
	assert_string_equal(console, "");
}

/* Fast key erasure: every call replaces the key, and output never repeats
 * the key that made it or the next one. */
static void test_key_changes_each_call(void **state)
{
	uint8_t k0[32], k1[32], k2[32], out[100];

	(void)state;
	rng_key_copy(k0);
	rng_bytes(out, 10);
	rng_key_copy(k1);
	assert_memory_not_equal(k0, k1, 32);
	rng_bytes(out, sizeof(out));
	rng_key_copy(k2);
	assert_memory_not_equal(k1, k2, 32);
	assert_memory_not_equal(out, k1, 32);
	assert_memory_not_equal(out, k2, 32);
	/* zero bytes still replace the key */
	rng_bytes(out, 0);
	rng_key_copy(k1);
	assert_memory_not_equal(k1, k2, 32);
}

/* The output is ChaCha20 under the key: block 0's second half, then
 * blocks 1, 2...; block 0's first half is the next key. */
static void test_output_is_chacha20(void **state)
{
	static const uint8_t zero[12];
	uint8_t k[32], b0[64], b1[64], out[96], next[32];

	(void)state;
	rng_key_copy(k);
	rng_chacha20_block(k, 0, zero, b0);
	rng_chacha20_block(k, 1, zero, b1);
	rng_bytes(out, sizeof(out));
	assert_memory_equal(out, b0 + 32, 32);
	assert_memory_equal(out + 32, b1, 64);
	rng_key_copy(next);
	assert_memory_equal(next, b0, 32);
}

/* rng_add_entropy changes the key, credits at most 8 bits a byte, and
 * 256 credited bits make the generator seeded. */
static void test_add_entropy_seeds(void **state)
{
	uint8_t k0[32], k1[32], e[16];
	struct rng_stats s;

	(void)state;
	memset(e, 7, sizeof(e));
	rng_key_copy(k0);
	rng_add_entropy(e, sizeof(e), 1000);
	rng_key_copy(k1);
	assert_memory_not_equal(k0, k1, 32);
	rng_stats(&s);
	assert_int_equal(s.bits[RNG_SRC_APP], 128);
	assert_int_equal(s.bytes_in[RNG_SRC_APP], 16);
	assert_false(rng_seeded());
	rng_add_entropy(e, sizeof(e), 100);
	assert_false(rng_seeded());
	rng_add_entropy(e, sizeof(e), 28);
	assert_true(rng_seeded());
	rng_stats(&s);
	assert_int_equal(s.bits[RNG_SRC_APP], 256);
	assert_int_equal(s.seeded, 1);
	/* the caller's buffer is its own */
	assert_int_equal(e[0], 7);
}

/* Reseeding: on demand; when the period has passed; after 1 MiB. The
 * platform's and the CPU's bytes are credited to their sources. */
static void test_reseed(void **state)
{
	static uint8_t big[1 << 20];
	struct rng_stats s0, s1;
	uint8_t k0[32], k1[32], out[8];
	unsigned calls;

	(void)state;
	plat_bytes = 48;
	plat_fill = 0x11;
	cpu_bytes = 16;
	rng_stats(&s0);
	rng_key_copy(k0);
	rng_reseed();
	rng_key_copy(k1);
	assert_memory_not_equal(k0, k1, 32);
	rng_stats(&s1);
	assert_int_equal(s1.reseeds, s0.reseeds + 1);
	/* getrandom fills one 32-byte buffer per reseed */
	assert_int_equal(s1.bits[RNG_SRC_GETRANDOM] - s0.bits[RNG_SRC_GETRANDOM], 256);
	assert_int_equal(s1.bits[RNG_SRC_RDRAND] - s0.bits[RNG_SRC_RDRAND], 128);

	/* not due: no reseed */
	calls = plat_calls;
	rng_bytes(out, sizeof(out));
	assert_int_equal(plat_calls, calls);
	/* the period passed */
	now_ns += 60ull * 1000000000u;
	rng_bytes(out, sizeof(out));
	assert_int_equal(plat_calls, calls + 1);
	/* 1 MiB out, then the next call reseeds */
	rng_bytes(big, sizeof(big));
	assert_int_equal(plat_calls, calls + 1);
	rng_bytes(out, sizeof(out));
	assert_int_equal(plat_calls, calls + 2);
	cpu_bytes = 0;
}

/* The toolstack's seed: taken whole (more than one buffer), credited to
 * its source, and asked for again at a reseed only to find it gone. */
static void test_toolstack_seed(void **state)
{
	struct rng_stats s0, s1;

	(void)state;
	plat_kind = PLAT_ENTROPY_TOOLSTACK;
	plat_bytes = 40;
	rng_stats(&s0);
	rng_reseed();
	rng_stats(&s1);
	assert_int_equal(plat_bytes, 0);
	assert_int_equal(s1.bytes_in[RNG_SRC_TOOLSTACK] - s0.bytes_in[RNG_SRC_TOOLSTACK], 40);
	assert_int_equal(s1.bits[RNG_SRC_TOOLSTACK] - s0.bits[RNG_SRC_TOOLSTACK], 320);
	rng_reseed();
	rng_stats(&s0);
	assert_int_equal(s0.bytes_in[RNG_SRC_TOOLSTACK], s1.bytes_in[RNG_SRC_TOOLSTACK]);
	plat_kind = PLAT_ENTROPY_GETRANDOM;
	plat_bytes = 0;
}

/* rng_uniform stays below its bound, reaches both ends, is flat within
 * a wide margin (10 buckets, 100,000 draws: each within 5% of 10,000),
 * has no modulo bias, and is 0 for bounds 0 and 1. */
static void test_uniform(void **state)
{
	unsigned counts[10] = {0};
	uint32_t v, big = 0xc0000000u;
	int i, lo = 0;

	(void)state;
	assert_int_equal(rng_uniform(0), 0);
	assert_int_equal(rng_uniform(1), 0);
	for (i = 0; i < 100000; i++) {
		v = rng_uniform(10);
		assert_true(v < 10);
		counts[v]++;
	}
	for (i = 0; i < 10; i++) {
		assert_true(counts[i] > 9500);
		assert_true(counts[i] < 10500);
	}
	/* 3 * 2^30: a plain modulo of 32 bits would put half, not a third,
	 * of the values below 2^30 */
	for (i = 0; i < 3000; i++) {
		v = rng_uniform(big);
		assert_true(v < big);
		lo += v < (1u << 30);
	}
	assert_true(lo > 850 && lo < 1150);
}

/* The counters' table covers struct rng_stats, and rng_u32 draws from
 * rng_bytes. */
static void test_counters(void **state)
{
	struct rng_stats s0, s1;

	(void)state;
	assert_true(uk_counter_table_complete(&rng_counter_table));
	rng_stats(&s0);
	(void)rng_u32();
	rng_stats(&s1);
	assert_int_equal(s1.bytes_out, s0.bytes_out + 4);
	assert_int_equal(s1.calls, s0.calls + 1);
	assert_string_equal(rng_source_names[RNG_SRC_RDSEED], "rdseed");
}

/* rng_erase zeroes what it is given and nothing else. */
static void test_erase(void **state)
{
	uint8_t b[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	static const uint8_t want[8] = {1, 0, 0, 0, 0, 0, 0, 8};

	(void)state;
	rng_erase(b + 1, 6);
	assert_memory_equal(b, want, 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_chacha20_rfc8439),
	    cmocka_unit_test(test_chacha20_rfc8439_encrypt),
	    cmocka_unit_test(test_unseeded_reports),
	    cmocka_unit_test(test_key_changes_each_call),
	    cmocka_unit_test(test_output_is_chacha20),
	    cmocka_unit_test(test_add_entropy_seeds),
	    cmocka_unit_test(test_reseed),
	    cmocka_unit_test(test_toolstack_seed),
	    cmocka_unit_test(test_uniform),
	    cmocka_unit_test(test_counters),
	    cmocka_unit_test(test_erase),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
