/* strtol: parses a signed long. */
#include <limits.h>
#include <stdlib.h>

#include "libc.h"

long strtol(const char *restrict s, char **restrict end, int base)
{
	return (long)__uk_strtox(s, end, base, LONG_MAX, 1);
}
