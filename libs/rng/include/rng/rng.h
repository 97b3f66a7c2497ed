/* The random number generator: fast-key-erasure ChaCha20 (Bernstein,
 * "Fast-key-erasure random-number generators", 2017) under a 256-bit key
 * that is replaced at every call, seeded and reseeded from every entropy
 * source the platform has (docs/rng.md). Output is unpredictable to anyone
 * who has not seen the key, and what was handed out before a later
 * compromise of the image's memory cannot be recomputed. */
#ifndef RNG_RNG_H
#define RNG_RNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uk/counters.h>

/* Where entropy came from, for the counters (rng.bits.<source>). */
enum rng_source {
	RNG_SRC_GETRANDOM, /* hosted: the Linux kernel's getrandom(2) */
	RNG_SRC_TOOLSTACK, /* Xen: the per-boot seed on the command line */
	RNG_SRC_RDSEED,	   /* x86_64: the RDSEED instruction */
	RNG_SRC_RDRAND,	   /* x86_64: the RDRAND instruction */
	RNG_SRC_JITTER,	   /* the monotonic clock's jitter (never makes it seeded) */
	RNG_SRC_APP,	   /* rng_add_entropy */
	RNG_SRC_COUNT
};

/* Bits of entropy credited from sources other than jitter that make the
 * generator seeded. */
#define RNG_SEED_BITS 256

/* Fills buf with n random bytes. Never fails and never blocks: before the
 * generator is seeded the bytes are as unpredictable as the sources were
 * (rng_seeded() says which case it is). Reseeds first when it is time. */
void rng_bytes(void *buf, size_t n);

/* A random 32-bit value. */
uint32_t rng_u32(void);

/* A random value in [0, bound), every value equally likely (rejection,
 * not a biased modulo); 0 when bound is 0. */
uint32_t rng_uniform(uint32_t bound);

/* True once RNG_SEED_BITS bits were credited from sources other than
 * timer jitter: getrandom, RDSEED/RDRAND, the toolstack's seed, or
 * rng_add_entropy. What needs secrets nobody may guess (TLS keys) waits
 * for it; what only needs values an off-path peer cannot guess (TCP ISNs)
 * uses the generator anyway. */
bool rng_seeded(void);

/* Mixes len bytes into the key, crediting at most bits_estimate bits (and
 * never more than 8 per byte) to the source "app". The caller's buffer is
 * left as it was: erasing it is the caller's business. */
void rng_add_entropy(const void *buf, size_t len, unsigned bits_estimate);

/* Takes fresh entropy from every source now. */
void rng_reseed(void);

/* Seeds the generator from every source and reports on the console when
 * it is not seeded (only weak sources); the glue calls it. Idempotent: the
 * first use of the generator calls it too. Returns 0. */
int rng_init(void);

struct rng_stats {
	uint64_t bytes_out;		  /* bytes handed out */
	uint64_t calls;			  /* rng_bytes calls (each replaces the key) */
	uint64_t reseeds;		  /* reseeds from the sources, the first included */
	uint64_t seeded;		  /* gauge: 1 once rng_seeded() */
	uint64_t bits[RNG_SRC_COUNT];	  /* entropy credited per source */
	uint64_t bytes_in[RNG_SRC_COUNT]; /* bytes mixed in per source */
};

void rng_stats(struct rng_stats *out);

/* The names of the sources ("getrandom", "toolstack", "rdseed", "rdrand",
 * "jitter", "app"), and the table of struct rng_stats. */
extern const char *const rng_source_names[RNG_SRC_COUNT];
extern const struct uk_counter_table rng_counter_table;

#endif
