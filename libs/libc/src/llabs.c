/* llabs: the magnitude of a long long (undefined for the most negative one). */
#include <stdlib.h>

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}
