/* arm64: uk reads no CPU entropy instruction yet (FEAT_RNG's RNDR is
 * optional and a hypervisor may hide it), so the toolstack's seed and
 * jitter are what there is (docs/rng.md). */
#include "../rng_impl.h"

size_t rng_cpu_entropy(void *buf, size_t len, enum rng_source *src)
{
	(void)buf;
	(void)len;
	(void)src;
	return 0;
}
