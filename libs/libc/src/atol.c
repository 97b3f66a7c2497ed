/* atol: strtol in base 10 without error reporting. */
#include <stdlib.h>

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}
