/* strtoll: parses a signed long long. */
#include <limits.h>
#include <stdlib.h>

#include "libc.h"

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	return (long long)__uk_strtox(s, end, base, LLONG_MAX, 1);
}
