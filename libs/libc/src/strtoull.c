/* strtoull: parses an unsigned long long; a leading minus negates the
 * result, as C says. */
#include <limits.h>
#include <stdlib.h>

#include "libc.h"

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	return (unsigned long long)__uk_strtox(s, end, base, ULLONG_MAX, 0);
}
