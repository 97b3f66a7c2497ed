/* What the tests set up in the platform stub. */
#ifndef ALLOC_TEST_PLAT_STUB_H
#define ALLOC_TEST_PLAT_STUB_H

#include <uk/plat.h>

extern struct plat_mem_region stub_regions[4];
extern int stub_nregions;

#endif
