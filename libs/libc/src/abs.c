/* abs: the magnitude of a int (undefined for the most negative one). */
#include <stdlib.h>

int abs(int x)
{
	return x < 0 ? -x : x;
}
