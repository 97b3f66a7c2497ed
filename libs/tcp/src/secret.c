/* The per-boot secret behind ISNs and SYN cookies, and SipHash-2-4 (Aumasson
 * and Bernstein, 2012) keyed with it. The key comes from the rng module at
 * init: as unpredictable as the rng's sources (docs/rng.md). */
#include <string.h>

#include <rng/rng.h>

#include "tcp.h"

static uint64_t key[2];

static uint64_t rotl(uint64_t x, unsigned b)
{
	return (x << b) | (x >> (64 - b));
}

static void sip_round(uint64_t v[4])
{
	v[0] += v[1];
	v[1] = rotl(v[1], 13) ^ v[0];
	v[0] = rotl(v[0], 32);
	v[2] += v[3];
	v[3] = rotl(v[3], 16) ^ v[2];
	v[0] += v[3];
	v[3] = rotl(v[3], 21) ^ v[0];
	v[2] += v[1];
	v[1] = rotl(v[1], 17) ^ v[2];
	v[2] = rotl(v[2], 32);
}

static void sip_word(uint64_t v[4], uint64_t m)
{
	v[3] ^= m;
	sip_round(v);
	sip_round(v);
	v[0] ^= m;
}

static uint64_t le64(const uint8_t *p, size_t n)
{
	uint64_t m = 0;

	while (n--)
		m = m << 8 | p[n];
	return m;
}

uint64_t tcp_siphash(const uint64_t k[2], const void *data, size_t len)
{
	const uint8_t *p = data;
	uint64_t v[4] = {k[0] ^ 0x736f6d6570736575ull, k[1] ^ 0x646f72616e646f6dull,
			 k[0] ^ 0x6c7967656e657261ull, k[1] ^ 0x7465646279746573ull};
	size_t i;

	for (i = 0; i + 8 <= len; i += 8)
		sip_word(v, le64(p + i, 8));
	sip_word(v, le64(p + i, len - i) | (uint64_t)(len & 0xff) << 56);
	v[2] ^= 0xff;
	for (i = 0; i < 4; i++)
		sip_round(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

void tcp_secret_init(void)
{
	rng_bytes(key, sizeof(key));
}

uint64_t tcp_secret_hash(const void *data, size_t len)
{
	return tcp_siphash(key, data, len);
}
