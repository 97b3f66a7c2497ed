/* SHA-256 (FIPS 180-4), for the content hashes in uk.lock. */
#ifndef UK_SHA256_H
#define UK_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	uint8_t buf[64];
	size_t nbuf;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
void sha256_final(struct sha256 *s, uint8_t out[32]);
/* out gets 64 lower-case hex digits and a NUL. */
void sha256_hex(const uint8_t digest[32], char out[65]);

#endif
