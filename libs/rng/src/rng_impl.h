/* The rng module's private parts: the ChaCha20 block function, the
 * sources it collects from, and erasing memory the compiler must not
 * skip. */
#ifndef RNG_IMPL_H
#define RNG_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include <rng/rng.h>

/* RFC 8439, 2.3: the 64-byte block of the 256-bit key, the 32-bit block
 * counter and the 96-bit nonce (key and nonce as bytes, little-endian
 * words as the RFC serialises them). */
void rng_chacha20_block(const uint8_t key[32], uint32_t counter, const uint8_t nonce[12],
			uint8_t out[64]);

/* The CPU's entropy instructions (src/<arch>/cpu.c): fills at most len
 * bytes, sets *src, returns how many; 0 where the CPU has none. */
size_t rng_cpu_entropy(void *buf, size_t len, enum rng_source *src);

/* Timer jitter (jitter.c): fills buf with len bytes condensed from the
 * monotonic clock's low bits over short loops; returns the bits it
 * credits, a conservative estimate. */
unsigned rng_jitter(uint8_t *buf, size_t len);

/* Overwrites n bytes at p with zeros in a way the optimiser keeps. */
void rng_erase(void *p, size_t n);

/* The current key, for the tests only. */
void rng_key_copy(uint8_t out[32]);

#endif
