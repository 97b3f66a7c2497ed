/* The hosted image's RAM: one anonymous mapping of the manifest's memory:
 * size, made on first request so images without a heap map nothing. */
#include <uk/glue.h>
#include <uk/plat.h>

#include <hosted/syscall.h>

int plat_memory_regions(struct plat_mem_region *out, int max)
{
	static uintptr_t base;
	long r;

	if (!base && uk_memory_bytes) {
		/* NORESERVE: untouched pages cost nothing, as in a guest */
		r = sys_call6(
		    SYS_mmap, 0, (long)uk_memory_bytes, HOSTED_PROT_READ | HOSTED_PROT_WRITE,
		    HOSTED_MAP_PRIVATE | HOSTED_MAP_ANONYMOUS | HOSTED_MAP_NORESERVE, -1, 0);
		/* -4095..-1 are errors; the caller sees no memory */
		if (r < 0 && r > -4096)
			return 0;
		base = (uintptr_t)r;
	}
	if (!base)
		return 0;
	if (max > 0) {
		out[0].base = base;
		out[0].len = uk_memory_bytes;
	}
	return 1;
}
