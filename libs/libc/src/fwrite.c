/* fwrite: raw bytes to stdout or stderr. */
#include <stdio.h>

#include "libc.h"

size_t fwrite(const void *restrict p, size_t size, size_t n, FILE *restrict f)
{
	size_t total;

	if (__builtin_mul_overflow(size, n, &total) || !total)
		return 0;
	__uk_fwrite(f, p, total);
	return n;
}
