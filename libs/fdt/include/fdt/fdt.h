/* Device-tree helpers on top of libfdt (the real one, from Debian's
 * libfdt-dev: include <libfdt.h> for the rest). They read the properties
 * platforms need, with the parent's #address-cells/#size-cells honoured. */
#ifndef FDT_FDT_H
#define FDT_FDT_H

#include <stdbool.h>
#include <stdint.h>

#include <libfdt.h>

/* The i-th (address, size) pair of node's "reg"; false when absent. */
bool fdt_uk_reg(const void *fdt, int node, int i, uint64_t *addr, uint64_t *size);

/* The interrupt ID (GIC INTID: SPI n = 32 + n, PPI n = 16 + n) of the i-th
 * entry of node's "interrupts" (3 cells: type, number, flags); -1 if none. */
int fdt_uk_interrupt(const void *fdt, int node, int i);

/* The first node compatible with any of the NULL-terminated list; -1 if none. */
int fdt_uk_find_compatible(const void *fdt, const char *const *compatible);

#endif
