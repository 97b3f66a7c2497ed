/* The generator. State is one 256-bit key. Output: ChaCha20 under the key
 * with a zero nonce; the first 32 bytes of block 0 become the next key and
 * the rest is handed out, so every call replaces the key and erases the
 * old one (fast key erasure). Input: each 32-byte chunk of entropy is
 * XORed into the key and the key replaced by the first half of a ChaCha20
 * block under that, with a nonce saying what was mixed; the result is
 * unpredictable when either the old key or the input was. */
#include <uk/config.h>
#include <uk/plat.h>

#include "rng_impl.h"

/* Output between reseeds at most, and per key at most (the counter). */
#define RNG_RESEED_BYTES (1u << 20)
#define RNG_CHUNK	 (1u << 16)

static uint8_t key[32];
static struct rng_stats counters;
static uint64_t credited; /* bits from sources other than jitter */
static uint64_t last_reseed_ns, since_reseed;
static int started;

static void put32le(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

/* Mixes len bytes from source into the key (see the top). */
static void mix(const void *buf, size_t len, enum rng_source source)
{
	const uint8_t *p = buf;
	uint8_t k[32], nonce[12], block[64];
	uint32_t chunk = 0;
	size_t i, n;

	do {
		n = len > 32 ? 32 : len;
		for (i = 0; i < 32; i++)
			k[i] = key[i] ^ (i < n ? p[i] : 0);
		/* "mix", the source, the chunk's index: never an output nonce */
		put32le(nonce, 0x78696d);
		put32le(nonce + 4, (uint32_t)source);
		put32le(nonce + 8, chunk++);
		rng_chacha20_block(k, (uint32_t)n, nonce, block);
		for (i = 0; i < 32; i++)
			key[i] = block[i];
		p += n;
		len -= n;
	} while (len);
	rng_erase(k, sizeof(k));
	rng_erase(block, sizeof(block));
}

static void credit(enum rng_source source, size_t bytes, uint64_t bits)
{
	if (bits > 8 * (uint64_t)bytes)
		bits = 8 * (uint64_t)bytes;
	counters.bytes_in[source] += bytes;
	counters.bits[source] += bits;
	if (source != RNG_SRC_JITTER)
		credited += bits;
	if (credited >= RNG_SEED_BITS)
		counters.seeded = 1;
}

static void add(const void *buf, size_t len, enum rng_source source, uint64_t bits)
{
	if (!len)
		return;
	mix(buf, len, source);
	credit(source, len, bits);
}

static enum rng_source plat_source(enum plat_entropy_source s)
{
	return s == PLAT_ENTROPY_TOOLSTACK ? RNG_SRC_TOOLSTACK : RNG_SRC_GETRANDOM;
}

void rng_reseed(void)
{
	uint8_t buf[32];
	enum plat_entropy_source ps = PLAT_ENTROPY_NONE;
	enum rng_source cs = RNG_SRC_RDRAND;
	size_t n;
	unsigned bits;

	started = 1;
	/* the toolstack's seed may be longer than one buffer: take it all */
	while ((n = plat_entropy(buf, sizeof(buf), &ps)) > 0) {
		add(buf, n, plat_source(ps), 8 * n);
		if (ps != PLAT_ENTROPY_TOOLSTACK)
			break;
	}
	n = rng_cpu_entropy(buf, sizeof(buf), &cs);
	/* RDRAND is a DRBG, RDSEED an entropy source: both are credited in full */
	add(buf, n, cs, 8 * n);
	bits = rng_jitter(buf, sizeof(buf));
	add(buf, sizeof(buf), RNG_SRC_JITTER, bits);
	rng_erase(buf, sizeof(buf));
	counters.reseeds++;
	last_reseed_ns = plat_monotonic_ns();
	since_reseed = 0;
}

static void start(void)
{
	if (!started)
		rng_reseed();
}

static void reseed_when_due(void)
{
	uint64_t now;

	if (!started) {
		rng_reseed();
		return;
	}
	now = plat_monotonic_ns();
	if (since_reseed >= RNG_RESEED_BYTES ||
	    now - last_reseed_ns >= (uint64_t)CONFIG_RNG_RESEED_SECONDS * 1000000000u)
		rng_reseed();
}

/* One key's worth of output: at most RNG_CHUNK bytes. */
static void generate(uint8_t *out, size_t n)
{
	static const uint8_t zero_nonce[12];
	uint8_t block[64];
	uint32_t ctr = 1;
	size_t i, m;

	rng_chacha20_block(key, 0, zero_nonce, block);
	m = n < 32 ? n : 32;
	for (i = 0; i < m; i++)
		out[i] = block[32 + i];
	out += m;
	n -= m;
	while (n) {
		uint8_t more[64];

		m = n < 64 ? n : 64;
		rng_chacha20_block(key, ctr++, zero_nonce, more);
		for (i = 0; i < m; i++)
			out[i] = more[i];
		rng_erase(more, sizeof(more));
		out += m;
		n -= m;
	}
	for (i = 0; i < 32; i++)
		key[i] = block[i];
	rng_erase(block, sizeof(block));
}

void rng_bytes(void *buf, size_t n)
{
	uint8_t *p = buf;

	reseed_when_due();
	counters.calls++;
	counters.bytes_out += n;
	since_reseed += n;
	do {
		size_t m = n > RNG_CHUNK ? RNG_CHUNK : n;

		generate(p, m);
		p += m;
		n -= m;
	} while (n);
}

uint32_t rng_u32(void)
{
	uint8_t b[4];
	uint32_t v;

	rng_bytes(b, sizeof(b));
	v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
	rng_erase(b, sizeof(b));
	return v;
}

uint32_t rng_uniform(uint32_t bound)
{
	/* 2^32 mod bound: the values below it would make small results likelier */
	uint32_t min, r;

	if (bound < 2)
		return 0;
	min = (0u - bound) % bound;
	do
		r = rng_u32();
	while (r < min);
	return r % bound;
}

bool rng_seeded(void)
{
	start();
	return counters.seeded != 0;
}

void rng_add_entropy(const void *buf, size_t len, unsigned bits_estimate)
{
	start();
	add(buf, len, RNG_SRC_APP, bits_estimate);
}

void rng_key_copy(uint8_t out[32])
{
	size_t i;

	for (i = 0; i < 32; i++)
		out[i] = key[i];
}

void rng_stats(struct rng_stats *out)
{
	*out = counters;
}

int rng_init(void)
{
	static const char weak[] = "rng: not seeded: no strong entropy source, timer jitter only "
				   "(docs/rng.md)\n";

	static int reported;

	start();
	if (!counters.seeded && !reported++)
		plat_console_write(weak, sizeof(weak) - 1);
	return 0;
}
