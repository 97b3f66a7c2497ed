/* Reports the platform's share of the boot in TSC cycles (PVH entry to the
 * glue), and the Xen system time at main: for docs/boot.md. */
#include <plat-xen-x86_64/boot.h>
#include <stdio.h>
#include <time/time.h>

int main(void)
{
	printf("boot cycles %llu, system time at main %llu us\n",
	       (unsigned long long)plat_xen_boot_cycles(),
	       (unsigned long long)(time_monotonic_ns() / 1000));
	return 0;
}
