/* libFuzzer target: whole frames, as a device hands them to the stack
 * (every parser is behind this one). */
#include "fuzz.h"

void fuzz_record(const uint8_t *p, size_t n, uint8_t flags)
{
	(void)flags;
	h_input(p, n);
}
