/* The bits of the platform interface alloc uses, for host tests: panics
 * become CMocka assertion failures so tests can expect them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <uk/plat.h>

#include "plat_stub.h"

struct plat_mem_region stub_regions[4];
int stub_nregions;

int plat_memory_regions(struct plat_mem_region *out, int max)
{
	int i;

	for (i = 0; i < stub_nregions && i < max; i++)
		out[i] = stub_regions[i];
	return stub_nregions;
}

_Noreturn void plat_panic(const char *msg)
{
	/* longjmps back into expect_assert_failure(), or fails the test */
	mock_assert(0, msg, __FILE__, __LINE__);
	abort();
}
