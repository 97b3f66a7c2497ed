/* x86_64's entropy instructions: RDSEED (a conditioned entropy source)
 * where CPUID leaf 7 offers it, else RDRAND (a DRBG the CPU reseeds) where
 * leaf 1 does. Each may fail (the carry flag clear) when the hardware is
 * drained; a failure is retried a bounded number of times, then the
 * source gives what it has. */
#include "../rng_impl.h"

#define CPU_TRIES 32

static void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid"
			 : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(sub));
}

static int has_rdseed(void)
{
	uint32_t r[4];

	cpuid(0, 0, r);
	if (r[0] < 7)
		return 0;
	cpuid(7, 0, r);
	return (r[1] >> 18) & 1;
}

static int has_rdrand(void)
{
	uint32_t r[4];

	cpuid(1, 0, r);
	return (r[2] >> 30) & 1;
}

/* One 64-bit value from RDSEED (seed) or RDRAND, retried while the carry
 * flag says the hardware had none ready; RDSEED's pause lets it refill. */
static int draw(int seed, uint64_t *v)
{
	unsigned char ok;
	int i;

	for (i = 0; i < CPU_TRIES; i++) {
		if (seed)
			__asm__ volatile("rdseed %0; setc %1" : "=r"(*v), "=qm"(ok));
		else
			__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return 1;
		if (seed)
			__asm__ volatile("pause");
	}
	return 0;
}

size_t rng_cpu_entropy(void *buf, size_t len, enum rng_source *src)
{
	int seed = has_rdseed();
	uint8_t *p = buf;
	size_t n = 0;
	uint64_t v = 0;

	if (!seed && !has_rdrand())
		return 0;
	*src = seed ? RNG_SRC_RDSEED : RNG_SRC_RDRAND;
	while (n < len && draw(seed, &v)) {
		size_t i;

		for (i = 0; i < 8 && n < len; i++, v >>= 8)
			p[n++] = (uint8_t)v;
	}
	rng_erase(&v, sizeof(v));
	return n;
}
