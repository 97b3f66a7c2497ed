/* strtoul: parses an unsigned long; a leading minus negates the result,
 * as C says. */
#include <limits.h>
#include <stdlib.h>

#include "libc.h"

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	return (unsigned long)__uk_strtox(s, end, base, ULONG_MAX, 0);
}
