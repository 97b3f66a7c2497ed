/* The platform interface: what every platform (hosted, xen/x86_64, xen/arm64)
 * supplies to the modules above it. Modules call only these functions. */
#ifndef UK_PLAT_H
#define UK_PLAT_H

#include <stddef.h>
#include <stdint.h>

/* Writes len bytes to the platform console (stdout on hosted, the PV
 * console ring on Xen). Returns when the bytes are handed over; never fails
 * visibly: a console that is gone drops output. */
void plat_console_write(const char *buf, size_t len);

/* A region of free RAM the allocator may own. */
struct plat_mem_region {
	uintptr_t base;
	size_t len;
};

/* Fills at most max regions of free RAM (not holding the image, the stack
 * or platform structures) and returns how many there are. */
int plat_memory_regions(struct plat_mem_region *out, int max);

/* Monotonic time in nanoseconds since an arbitrary point at boot. */
uint64_t plat_monotonic_ns(void);

/* Wall-clock time in nanoseconds since the Unix epoch, as the host or
 * hypervisor knows it; 0 when the platform has no wall clock. */
uint64_t plat_wallclock_ns(void);

/* The platform's own entropy source, for the rng module. */
enum plat_entropy_source {
	PLAT_ENTROPY_NONE,
	PLAT_ENTROPY_GETRANDOM, /* hosted: getrandom(2) */
	PLAT_ENTROPY_TOOLSTACK, /* Xen: the per-boot seed from the command line */
};

/* Fills at most len bytes of buf with full-entropy bytes from the
 * platform's own source, sets *src to it and returns how many it wrote; 0
 * (and PLAT_ENTROPY_NONE) when it has none (left). Xen's seed is given
 * once and erased; getrandom gives bytes at every call. */
size_t plat_entropy(void *buf, size_t len, enum plat_entropy_source *src);

/* Returns when an event arrives (a device, the console) or when the
 * monotonic clock reaches deadline_ns, whichever is first; may return
 * early. The CPU is idle meanwhile on every platform with a hypervisor
 * or host: no busy waiting. */
void plat_block_until(uint64_t deadline_ns);

/* Ends the image with status (0 = success). On Xen, 0 powers off and any
 * other status is reported before the domain shuts down. */
_Noreturn void plat_exit(int status);

/* Ends the image after printing "panic: <msg>" and what the platform can
 * tell about where it happened. The exit status is 255 on hosted. */
_Noreturn void plat_panic(const char *msg);

#endif
