/* What the Xen arm64 platform can tell about its own boot. */
#ifndef PLAT_XEN_ARM64_BOOT_H
#define PLAT_XEN_ARM64_BOOT_H

#include <stdint.h>

/* Generic-timer ticks (CNTVCT) from the Image entry to the call of the glue,
 * and the counter's frequency. */
uint64_t plat_xen_boot_ticks(void);
uint64_t plat_xen_tick_hz(void);

#endif
