/* labs: the magnitude of a long (undefined for the most negative one). */
#include <stdlib.h>

long labs(long x)
{
	return x < 0 ? -x : x;
}
