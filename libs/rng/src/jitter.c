/* Timer jitter: the time a short loop of memory work takes varies with
 * caches, interrupts and the host's scheduling. The deltas between
 * successive clock reads are folded into buf. Credit is conservative: one
 * bit per 16 samples whose delta differs from the previous delta, and
 * none when the clock does not move (a virtual clock in a test, a coarse
 * one). An attacker who models the machine well may predict much of it,
 * so jitter never makes the generator seeded (rng.h). */
#include <uk/plat.h>

#include "rng_impl.h"

#define JITTER_SAMPLES 512

unsigned rng_jitter(uint8_t *buf, size_t len)
{
	static volatile uint8_t scratch[256];
	uint64_t prev = plat_monotonic_ns(), prev_delta = 0;
	unsigned i, j, changes = 0;

	if (!len)
		return 0;
	for (i = 0; i < len; i++)
		buf[i] = 0;
	for (i = 0; i < JITTER_SAMPLES; i++) {
		uint64_t now, delta;

		/* work whose duration depends on the cache's state */
		for (j = 0; j < 16 + (prev & 15); j++)
			scratch[(j * 37 + prev) & 255] += (uint8_t)j;
		now = plat_monotonic_ns();
		delta = now - prev;
		prev = now;
		if (delta != prev_delta)
			changes++;
		prev_delta = delta;
		/* rotate the sample in, so that low bits land everywhere */
		buf[i % len] ^= (uint8_t)(delta ^ delta >> 8);
		buf[(i * 7 + 3) % len] += (uint8_t)(delta >> 3);
	}
	/* the first change is the loop starting, not jitter */
	return changes > 1 ? (changes - 1) / 16 : 0;
}
