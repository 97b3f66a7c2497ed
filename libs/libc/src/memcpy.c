/* memcpy: word copies when source and destination share their alignment,
 * bytes otherwise. */
#include <stdint.h>
#include <string.h>

#include "libc.h"

typedef uint64_t __attribute__((may_alias)) word_t;

LIBC_NO_BUILTIN void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if ((((uintptr_t)d ^ (uintptr_t)s) & 7) == 0) {
		for (; n && ((uintptr_t)d & 7); n--)
			*d++ = *s++;
		for (; n >= 32; n -= 32, d += 32, s += 32) {
			word_t a = ((const word_t *)s)[0];
			word_t b = ((const word_t *)s)[1];
			word_t c = ((const word_t *)s)[2];
			word_t e = ((const word_t *)s)[3];

			((word_t *)d)[0] = a;
			((word_t *)d)[1] = b;
			((word_t *)d)[2] = c;
			((word_t *)d)[3] = e;
		}
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(word_t *)d = *(const word_t *)s;
	}
	for (; n; n--)
		*d++ = *s++;
	return dst;
}
