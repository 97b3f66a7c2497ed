/* The hosted image's entropy: the Linux kernel's getrandom(2), which
 * blocks only until the kernel's own generator is seeded, once per host
 * boot. */
#include <uk/plat.h>

#include <hosted/syscall.h>

size_t plat_entropy(void *buf, size_t len, enum plat_entropy_source *src)
{
	long r;

	do
		r = sys_call3(SYS_getrandom, (long)buf, (long)len, 0);
	while (r == -HOSTED_EINTR);
	if (r <= 0) {
		*src = PLAT_ENTROPY_NONE;
		return 0;
	}
	*src = PLAT_ENTROPY_GETRANDOM;
	return (size_t)r;
}
