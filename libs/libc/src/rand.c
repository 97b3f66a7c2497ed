/* rand and srand: a 64-bit linear congruential generator whose high bits
 * are returned (the low bits of an LCG are poor). Deterministic per seed. */
#include <stdint.h>
#include <stdlib.h>

static uint64_t state = 1;

void srand(unsigned seed)
{
	state = seed;
}

int rand(void)
{
	state = state * 6364136223846793005ull + 1442695040888963407ull;
	return (int)(state >> 33);
}
