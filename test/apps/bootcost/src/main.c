/* Reports the platform's share of the boot (its entry to the glue) in the
 * CPU's own clock, for docs/xen.md. */
#include <stdio.h>
#include <uk/config.h>
#if defined(UK_ARCH_X86_64)
#include <xen-x86_64/boot.h>
#else
#include <xen-arm64/boot.h>
#endif

int main(void)
{
#if defined(UK_ARCH_X86_64)
	printf("boot cycles %llu\n", (unsigned long long)plat_xen_boot_cycles());
#else
	printf("boot ticks %llu at %llu Hz\n", (unsigned long long)plat_xen_boot_ticks(),
	       (unsigned long long)plat_xen_tick_hz());
#endif
	return 0;
}
