/* What the Xen x86_64 platform can tell about its own boot. */
#ifndef PLAT_XEN_X86_64_BOOT_H
#define PLAT_XEN_X86_64_BOOT_H

#include <stdint.h>

/* TSC cycles from the first instruction of the PVH entry to the call of the
 * glue (module init and main): the platform's share of the boot. */
uint64_t plat_xen_boot_cycles(void);

#endif
