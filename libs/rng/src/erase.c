/* Erasing secrets: a store through a volatile pointer is one the compiler
 * may not drop as dead, even when the memory is never read again. */
#include "rng_impl.h"

void rng_erase(void *p, size_t n)
{
	volatile uint8_t *v = p;

	while (n--)
		*v++ = 0;
}
